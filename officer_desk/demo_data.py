"""Realistic synthetic dossiers for demos, tests and benchmarks (no real person's data).

Names are drawn from common Vietnamese family, middle and given names (Đ-names included); ID numbers
follow the personal-ID structure (province of birth registration, gender/century digit, birth year);
a share of the dossiers is deliberately flawed so screening has something to find.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Any

from officer_desk.catalogue import Catalogue, Procedure
from officer_desk.dossier import FORMAT_ID, LOCAL_TZ

FAMILY_NAMES = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4), ("Phan", 4), ("Vũ", 4),
    ("Võ", 3), ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Đinh", 1),
    ("Đoàn", 1), ("Trịnh", 1), ("Lương", 1),
]
MALE_MIDDLE = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Ngọc", "Xuân", "Đình", "Công", "Anh"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Minh", "Phương", "Khánh", "Mai"]
MALE_GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hùng", "Huy", "Khánh", "Long", "Minh",
              "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh", "Hoà", "Thuỷ", "Trung", "Lộc"]
FEMALE_GIVEN = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "My",
                "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Vân", "Yến", "Thuý", "Đào"]
# (old province code, province after 01/7/2025, a ward there)
PLACES = [
    ("025", "Phú Thọ", "phường Việt Trì"), ("026", "Phú Thọ", "phường Vĩnh Yên"),
    ("017", "Phú Thọ", "phường Hòa Bình"), ("001", "Hà Nội", "phường Hoàn Kiếm"),
    ("079", "Hồ Chí Minh", "phường Sài Gòn"), ("031", "Hải Phòng", "phường Lê Chân"),
    ("019", "Thái Nguyên", "phường Phan Đình Phùng"), ("038", "Thanh Hóa", "phường Hạc Thành"),
    ("040", "Nghệ An", "phường Trường Vinh"), ("048", "Đà Nẵng", "phường Hải Châu"),
    ("036", "Ninh Bình", "phường Nam Định"), ("024", "Bắc Ninh", "phường Bắc Giang"),
]
PHONE_PREFIXES = ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098", "081", "082",
                  "083", "084", "085", "088", "091", "094", "070", "076", "077", "078", "079", "089", "090", "093"]
CHANNEL_WEIGHTS = [("truc_tuyen", 80), ("truc_tiep", 17), ("buu_chinh", 3)]
STATUS_WEIGHTS = [
    ("received", 22), ("accepted", 18), ("in_processing", 20), ("awaiting_signature", 5), ("result_ready", 6),
    ("returned", 22), ("supplement_requested", 4), ("refused", 2), ("withdrawn", 1),
]

OLD_STATUS_WEIGHTS = [("returned", 86), ("refused", 3), ("withdrawn", 2), ("result_ready", 5), ("in_processing", 2),
                      ("supplement_requested", 2)]


@dataclass(frozen=True)
class PersonSeed:
    full_name: str
    male: bool
    birth: date
    place: tuple[str, str, str]
    id_number: str
    phone: str


# Values and cumulative weights of each weighted list, computed once: ``choices`` with ``cum_weights``
# draws exactly what it draws with ``weights`` (it accumulates them itself), without redoing it per call
# (a million-case demo picks from these lists a few million times).
_CUMULATIVE: dict[int, tuple[list[tuple[Any, int]], tuple[Any, ...], list[int]]] = {}


def _weighted(rng: random.Random, items: list[tuple[Any, int]]) -> Any:
    known = _CUMULATIVE.get(id(items))
    if known is None or known[0] is not items:
        values, weights = zip(*items, strict=True)
        known = _CUMULATIVE[id(items)] = (items, values, list(accumulate(weights)))
    return rng.choices(known[1], cum_weights=known[2], k=1)[0]


def make_person(rng: random.Random, today: date, min_age: int = 18, max_age: int = 75,
                male: bool | None = None) -> PersonSeed:
    male = rng.random() < 0.5 if male is None else male
    family = _weighted(rng, FAMILY_NAMES)
    middle = rng.choice(MALE_MIDDLE if male else FEMALE_MIDDLE)
    given = rng.choice(MALE_GIVEN if male else FEMALE_GIVEN)
    age_days = rng.randint(min_age * 365 + 30, max(max_age * 365, min_age * 365 + 31))
    birth = today - timedelta(days=age_days)
    place = rng.choice(PLACES)
    century_digit = {19: 0, 20: 2, 21: 4}[birth.year // 100] + (0 if male else 1)
    id_number = f"{place[0]}{century_digit}{birth.year % 100:02d}{rng.randint(0, 999999):06d}"
    phone = rng.choice(PHONE_PREFIXES) + f"{rng.randint(0, 9999999):07d}"
    return PersonSeed(f"{family} {middle} {given}", male, birth, place, id_number, phone)


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29/02 becomes 28/02 in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _card_valid_until(person: PersonSeed) -> str:
    for milestone in (25, 40, 60):
        if add_years(person.birth, milestone) > date(2026, 1, 1):
            return add_years(person.birth, milestone).strftime("%d/%m/%Y")
    return "Không thời hạn"


def _identity_attachment(person: PersonSeed) -> dict[str, Any]:
    return {
        "doc_type": "the_can_cuoc",
        "kind": "original",
        "presented_only": True,
        "fields": {
            "so": person.id_number,
            "ho_chu_dem_ten": person.full_name.upper(),
            "ngay_sinh": person.birth.strftime("%d/%m/%Y"),
            "gioi_tinh": "Nam" if person.male else "Nữ",
            "co_gia_tri_den": _card_valid_until(person),
        },
    }


def _form_values(rng: random.Random, procedure: Procedure, person: PersonSeed, received: datetime) -> dict[str, Any]:
    """Plausible, consistent values for the procedure's declaration fields.

    Fields of one nested person (``chu_ho.ho_ten``, ``chu_ho.so_dinh_danh``...) describe one synthetic
    person; top-level person fields describe the applicant. Yes/no facts and conditional fields are left
    unstated, as most citizens leave them.
    """
    form: dict[str, Any] = {}
    people: dict[str, PersonSeed] = {"": person}
    for field in procedure.fields:
        if field.condition is not None or field.type == "bool":
            continue
        if not field.required and rng.random() < 0.6:
            continue
        prefix, _dot, key = field.name.rpartition(".")
        if prefix not in people:
            people[prefix] = make_person(rng, received.date())
        who = people[prefix]
        value: Any
        if field.type == "date":
            if key == "ngay_sinh":
                value = who.birth.strftime("%d/%m/%Y")
            elif "den" in key or "han" in key or "ket_thuc" in key:
                value = (received.date() + timedelta(days=rng.randint(90, 700))).strftime("%d/%m/%Y")
            else:
                value = (received.date() - timedelta(days=rng.randint(1, 40))).strftime("%d/%m/%Y")
        elif field.type == "name":
            value = who.full_name
        elif field.type == "id_number":
            value = who.id_number
        elif field.type == "phone":
            value = who.phone
        elif field.type == "tax_code":
            value = who.id_number
        elif field.type == "choice" and field.choices:
            value = field.choices[0]
        elif field.type == "consent":
            value = "Đồng ý"
        elif field.type == "number":
            value = rng.randint(1, 5)
        elif field.type == "email":
            value = ""
        elif key == "gioi_tinh":
            value = "Nam" if who.male else "Nữ"
        elif key.startswith("quan_he"):
            value = rng.choice(["Cha", "Mẹ", "Ông", "Bà", "Con", "Vợ", "Chồng"])
        elif key.startswith(("ly_do", "noi_dung", "muc_dich", "de_nghi")):
            value = rng.choice(["Theo nhu cầu của công dân", "Bổ sung hồ sơ công việc", "Học tập", "Đi làm"])
        else:
            value = f"{who.place[2]}, tỉnh {who.place[1]}"
        node = form
        for part in field.name.split(".")[:-1]:
            node = node.setdefault(part, {})
        node[key] = value
    # The subject of birth / death registrations, consistent with the event dates.
    if procedure.subject == "tre":
        child = make_person(rng, received.date(), 0, 0)
        born = received.date() - timedelta(days=rng.randint(3, 50))
        form["tre"] = {**form.get("tre", {}), "ho_ten": child.full_name, "ngay_sinh": born.strftime("%d/%m/%Y"),
                       "gioi_tinh": "Nam" if child.male else "Nữ"}
    elif procedure.subject == "nguoi_chet":
        dead = make_person(rng, received.date(), 60, 95)
        died = received.date() - timedelta(days=rng.randint(1, 12))
        form["nguoi_chet"] = {**form.get("nguoi_chet", {}), "ho_ten": dead.full_name,
                              "ngay_sinh": dead.birth.strftime("%d/%m/%Y"), "ngay_chet": died.strftime("%d/%m/%Y")}
    return form


def make_dossier(rng: random.Random, procedure: Procedure, received: datetime, flawed: bool = False,
                 channel: str | None = None) -> dict[str, Any]:
    """One dossier in the interchange format; ``flawed`` drops a paper or garbles a field."""
    today = received.date()
    person = make_person(rng, today)
    channel = channel or _weighted(rng, CHANNEL_WEIGHTS)
    attachments: list[dict[str, Any]] = []
    for document in procedure.documents:
        if not document.required:
            continue
        if document.accepts:
            if channel == "truc_tuyen":
                continue  # the portal account authenticates the applicant
            item = _identity_attachment(person)
            if document.kind == "copy" or channel == "buu_chinh":
                item = {**item, "kind": "certified_copy" if channel == "buu_chinh" else "copy",
                        "presented_only": False}
            attachments.append(item)
            continue
        kind = document.kind
        if channel == "buu_chinh" and kind == "copy":
            kind = "certified_copy"
        item = {"doc_type": document.id, "kind": kind}
        if document.quantity > 1:
            item["quantity"] = document.quantity
        if document.presented_only:
            item["presented_only"] = True
        attachments.append(item)
    applicant = {
        "full_name": person.full_name,
        "date_of_birth": person.birth.strftime("%d/%m/%Y"),
        "gender": "Nam" if person.male else "Nữ",
        "id_type": "CCCD",
        "id_number": person.id_number,
        "birth_registration_place": person.place[1],
        "phone": rng.choice([person.phone, f"{person.phone[:4]} {person.phone[4:7]} {person.phone[7:]}"]),
        "email": "",
        "address": f"{person.place[2]}, tỉnh {person.place[1]}",
    }
    dossier: dict[str, Any] = {
        "format": FORMAT_ID,
        "procedure_code": procedure.code,
        "received_at": received.strftime("%d/%m/%Y %H:%M"),
        "channel": channel,
        "applicant": applicant,
        "co_applicant": None,
        "form": _form_values(rng, procedure, person, received),
        "attachments": attachments,
    }
    if flawed:
        flaw = rng.choice(["missing_doc", "bad_gender", "bad_phone", "name_mismatch", "bad_year"])
        if flaw == "missing_doc" and len(attachments) > 1:
            attachments.pop(0)
        elif flaw == "bad_gender":
            applicant["gender"] = "Nữ" if person.male else "Nam"
        elif flaw == "bad_phone":
            applicant["phone"] = "0168" + person.phone[4:]
        elif flaw == "name_mismatch" and any(a.get("doc_type") == "the_can_cuoc" for a in attachments):
            card = next(a for a in attachments if a.get("doc_type") == "the_can_cuoc")
            card["fields"]["ho_chu_dem_ten"] = card["fields"]["ho_chu_dem_ten"].replace("Ị", "I").replace("Ă", "A")
        else:
            wrong_year = f"{(person.birth.year + 1) % 100:02d}"
            applicant["id_number"] = person.id_number[:4] + wrong_year + person.id_number[6:]
    return dossier


def office_time(rng: random.Random, day: date) -> datetime:
    """A plausible reception time on ``day`` (office hours, a few after the 15:00 cut-off)."""
    minutes = rng.choice([rng.randint(7 * 60 + 30, 11 * 60 + 30), rng.randint(13 * 60 + 30, 16 * 60 + 45)])
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=LOCAL_TZ)


FLAWED_STATUSES = frozenset({"received", "supplement_requested", "refused"})


# Dossiers per independently seeded stretch of the generator. Part of what a seed means: chunks can be
# generated apart (the demo loader's worker processes) and still give the same dossiers.
DEMO_CHUNK = 2000


def chunk_rng(purpose: str, seed: int, chunk: int) -> random.Random:
    """The random stream for one purpose in one chunk (seeded from text: the same in every process)."""
    return random.Random(f"{purpose}:{seed}:{chunk}")


def demo_day(index: int, count: int, spread_days: int, today: date) -> date:
    """The reception day of dossier ``index`` of ``count``: spread over the days before ``today``, oldest
    first, on weekdays."""
    day = today - timedelta(days=spread_days - (index * spread_days) // max(count, 1))
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def demo_dossiers(catalogue: Catalogue, count: int, seed: int, today: date, spread_days: int = 30,
                  flawed_share: float = 0.15, start: int = 0, stop: int | None = None) -> Any:
    """Yield (dossier dict, target status) pairs for dossiers ``start`` up to ``stop`` of ``count``, newest
    last. ``start`` is a multiple of ``DEMO_CHUNK``: each chunk has its own random stream."""
    if start % DEMO_CHUNK:
        raise ValueError("start must be a multiple of DEMO_CHUNK")
    procedures = list(catalogue)
    weights = [8 if p.level == "xa" else 3 for p in procedures]
    rng = chunk_rng("dossiers", seed, start // DEMO_CHUNK)
    for index in range(start, count if stop is None else min(stop, count)):
        if index % DEMO_CHUNK == 0 and index != start:
            rng = chunk_rng("dossiers", seed, index // DEMO_CHUNK)
        day = demo_day(index, count, spread_days, today)
        procedure = rng.choices(procedures, weights=weights, k=1)[0]
        received = office_time(rng, day)
        roll = rng.random()
        age = (today - day).days
        # Old dossiers are mostly finished; a few stay overdue, as in a real queue.
        status = _weighted(rng, OLD_STATUS_WEIGHTS if age > 20 else STATUS_WEIGHTS)
        if age <= 1 and status in ("returned", "result_ready"):
            status = "received"
        # Only a dossier not (yet) accepted may be defective: an accepted one had every paper.
        flawed = roll < flawed_share and status in FLAWED_STATUSES
        yield make_dossier(rng, procedure, received, flawed=flawed), status
