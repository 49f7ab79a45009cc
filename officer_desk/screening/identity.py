"""Identity findings: the personal ID against what is declared, identity cards, names read from papers.

The ID number's own structure is ``officer_desk.rules.personal_id``. Cards are renewed at 14, 25, 40 and
60 (a card issued within 2 years before one of these ages lasts to the next); CMND ceased to be a valid
ID on 31/12/2024.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from officer_desk.dossier import IDENTITY_DOC_TYPES, Attachment, form_value
from officer_desk.rules.dates import BLANK, OK, DateValue, parse_date
from officer_desk.rules.personal_id import ID_RE, century_of_digit, clean_id
from officer_desk.rules.provinces import PROVINCE_CODES, province_of_place
from officer_desk.screening import result as R
from officer_desk.screening.context import ScreeningContext, Text, iter_groups, iter_leaves, text
from officer_desk.screening.fields import gender_of
from officer_desk.screening.names import NameComparison, compare_names
from officer_desk.screening.readings import Reading, add_finding, reading_of
from officer_desk.text import digits

CMND_END = date(2024, 12, 31)
RENEWAL_AGES = (14, 25, 40, 60)


@dataclass(frozen=True)
class PersonRef:
    """Someone the dossier names, with where each of their data sits (for finding targets)."""

    key: str  # applicant | co_applicant | form.<group>
    name: str
    name_target: str
    dob: Any
    dob_target: str
    gender: Any
    id_number: str
    id_type: str
    id_target: str
    gender_target: str = ""
    birth_place: str = ""
    birth_place_target: str = ""
    valid_until: Any = None


def persons(ctx: ScreeningContext) -> list[PersonRef]:
    cached = ctx.cache.get("persons")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found: list[PersonRef] = []
    for role in ("applicant", "co_applicant"):
        person = ctx.dossier.applicant if role == "applicant" else ctx.dossier.co_applicant
        if person is None:
            continue
        found.append(PersonRef(
            key=role, name=person.full_name, name_target=f"{role}.full_name", dob=person.date_of_birth,
            dob_target=f"{role}.date_of_birth", gender=person.gender, id_number=clean_id(person.id_number),
            id_type=person.id_type.strip().upper(), id_target=role, gender_target=f"{role}.gender",
            birth_place=person.birth_registration_place, birth_place_target=f"{role}.birth_registration_place",
            valid_until=person.id_valid_until,
        ))
    for path, group in iter_groups(ctx.dossier.form):
        if not any(k in group for k in ("ho_ten", "so_dinh_danh")):
            continue
        found.append(PersonRef(
            key=f"form.{path}", name=str(group.get("ho_ten") or ""), name_target=f"form.{path}.ho_ten",
            dob=group.get("ngay_sinh"), dob_target=f"form.{path}.ngay_sinh", gender=group.get("gioi_tinh"),
            id_number=clean_id(group.get("so_dinh_danh")), id_type="",
            id_target=f"form.{path}.so_dinh_danh", gender_target=f"form.{path}.gioi_tinh",
            birth_place=str(group.get("noi_dang_ky_khai_sinh") or ""),
            birth_place_target=f"form.{path}.noi_dang_ky_khai_sinh",
        ))
    ctx.cache["persons"] = found
    return found


# -- the personal ID number -------------------------------------------------------------------------

def check_personal_id(
    ctx: ScreeningContext,
    number: str,
    target: str,
    genders: list[tuple[Any, str]],
    births: list[tuple[Any, str]],
    places: list[tuple[str, str]],
) -> None:
    """CCCD_* findings for a 12-digit personal ID against the declared gender, birth year and place.

    ``genders``/``births``/``places``: (declared value, where it was declared) pairs.
    """
    if not ID_RE.match(number):
        ctx.add(R.CCCD_FORMAT_INVALID, R.ERROR, target,
                text("Số định danh cá nhân không đúng 12 chữ số: {value}", value=number),
                text("«{value}» có {count} ký tự; số định danh cá nhân gồm đúng 12 chữ số", value=number,
                     count=len(number)),
                text("Đối chiếu số định danh với thẻ căn cước/CCCD và sửa lại"))
        return
    province_code, gender_digit, year_digits = number[:3], int(number[3]), number[4:6]
    province = PROVINCE_CODES.get(province_code)
    if province is None:
        ctx.add(R.CCCD_PROVINCE_CODE_UNKNOWN, R.ERROR, target,
                text("Mã tỉnh {code} của số định danh {value} không có trong danh mục", code=province_code,
                     value=number),
                text("Ba chữ số đầu {code} không thuộc 63 mã tỉnh (001–096, có khoảng trống)",
                     code=province_code),
                text("Đối chiếu số định danh với thẻ căn cước/CCCD và sửa lại"))
    else:
        for place, where in places:
            declared = province_of_place(place) if place else None
            if declared is None or declared == province[1]:
                continue
            ctx.add(R.CCCD_PROVINCE_BIRTHPLACE_MISMATCH, R.WARNING, target,
                    text("Mã tỉnh của số định danh không khớp nơi đăng ký khai sinh đã khai"),
                    text("Mã {code} = {old} (nay là {new}); {where} ghi «{place}» (thuộc {declared})",
                         code=province_code, old=province[0], new=province[1], where=where, place=place,
                         declared=declared),
                    text("Hỏi lại nơi đăng ký khai sinh; mã tỉnh là nơi đăng ký khai sinh, không phải quê quán"))
            break
    for declared_gender, where in genders:
        gender = gender_of(declared_gender)
        if gender is None:
            continue
        coded = "M" if gender_digit % 2 == 0 else "F"
        if coded != gender:
            ctx.add(R.CCCD_GENDER_MISMATCH, R.ERROR, target,
                    text("Chữ số giới tính của số định danh không khớp giới tính đã khai"),
                    text("Chữ số thứ 4 là {digit} ({coded}); {where} ghi «{declared}»", digit=gender_digit,
                         coded=text("nam") if coded == "M" else text("nữ"), where=where, declared=str(declared_gender)),
                    text("Đối chiếu số định danh và giới tính với thẻ căn cước/CCCD"))
            break
    for declared_birth, where in births:
        status, born = parse_date(declared_birth)
        if status != OK or born is None:
            continue
        century = century_of_digit(gender_digit)
        if born.year // 100 * 100 != century:
            ctx.add(R.CCCD_CENTURY_MISMATCH, R.ERROR, target,
                    text("Chữ số thế kỷ của số định danh không khớp năm sinh"),
                    text("Chữ số thứ 4 là {digit} (sinh thế kỷ {century}); {where}: năm sinh {year}",
                         digit=gender_digit, century=f"{century}–{century + 99}", where=where, year=born.year),
                    text("Đối chiếu số định danh và ngày sinh với thẻ căn cước/CCCD"))
        if f"{born.year % 100:02d}" != year_digits:
            ctx.add(R.CCCD_BIRTHYEAR_MISMATCH, R.ERROR, target,
                    text("Chữ số năm sinh của số định danh không khớp năm sinh"),
                    text("Chữ số 5–6 là {digits}; {where}: năm sinh {year}", digits=year_digits, where=where,
                         year=born.year),
                    text("Đối chiếu số định danh và ngày sinh với thẻ căn cước/CCCD"))
        break


# -- identity documents -----------------------------------------------------------------------------

def _doc_number(attachment: Attachment) -> str:
    fields = attachment.fields
    for key in ("so", "so_dinh_danh", "so_cccd", "so_cmnd", "so_ho_chieu"):
        if fields.get(key):
            return clean_id(fields[key])
    return ""


def _doc_name(attachment: Attachment) -> str:
    fields = attachment.fields
    for key in ("ho_chu_dem_ten", "ho_ten", "ho_va_ten"):
        if isinstance(fields.get(key), str) and fields[key].strip():
            return str(fields[key])
    return ""


def _match_documents(ctx: ScreeningContext, people: list[PersonRef]) -> list[tuple[Attachment, PersonRef]]:
    """Pair each identity document with the person it belongs to (by number, then name, then in order)."""
    documents = [a for a in ctx.dossier.attachments if a.doc_type in IDENTITY_DOC_TYPES]
    pairs: list[tuple[Attachment, PersonRef]] = []
    taken: set[str] = set()
    unmatched: list[Attachment] = []
    for attachment in documents:
        number = _doc_number(attachment)
        owner = next((p for p in people if number and p.id_number and digits(p.id_number) == digits(number)), None)
        if owner is None:
            name = _doc_name(attachment)
            owner = next((p for p in people if name and p.name and compare_names(name, p.name).same), None)
        if owner is None:
            unmatched.append(attachment)
            continue
        pairs.append((attachment, owner))
        taken.add(owner.key)
    for attachment in unmatched:
        owner = next((p for p in people if p.key in ("applicant", "co_applicant") and p.key not in taken), None)
        if owner is None:
            owner = next((p for p in people if p.key == "applicant"), None)
        if owner is None:
            continue
        pairs.append((attachment, owner))
        taken.add(owner.key)
    return pairs


def card_expiry(born: date, issued: date) -> date | None:
    """Last day of validity of a card issued on ``issued`` to someone born on ``born`` (None: no expiry)."""
    for age in RENEWAL_AGES:
        milestone = _birthday(born, age)
        if issued >= milestone:
            continue
        if issued >= _birthday(born, age - 2):
            continue  # issued within 2 years before the milestone: valid until the next one
        return milestone
    return None


def _birthday(born: date, age: int) -> date:
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # 29/02
        return date(born.year + age, 3, 1)


def _expired(ctx: ScreeningContext, target: str, until: date, basis: Text, reading: Reading | None = None) -> None:
    if until >= ctx.receipt_date:
        return
    add_finding(ctx, R.ID_DOCUMENT_EXPIRED, R.ERROR, target,
            text("Giấy tờ tùy thân đã hết hạn ngày {until}", until=until.strftime("%d/%m/%Y")),
            Text(basis.vi + "; " + text("ngày nhận hồ sơ {received}",
                                         received=ctx.receipt_date.strftime("%d/%m/%Y")).vi,
                 basis.en + "; " + text("ngày nhận hồ sơ {received}",
                                         received=ctx.receipt_date.strftime("%d/%m/%Y")).en),
            text("Đề nghị xuất trình giấy tờ tùy thân còn giá trị (thẻ căn cước, hộ chiếu)"), reading)


def _check_validity(ctx: ScreeningContext, target: str, valid_until: Any, born: Any, issued: Any,
                    is_card: bool, reading: Reading | None = None) -> None:
    status, until = parse_date(valid_until, ctx.receipt_date.year)
    if status == OK and until is not None:
        _expired(ctx, target, until.latest, text("Có giá trị đến {value}", value=str(until)), reading)
        return
    if status != BLANK or not is_card:
        return  # "không thời hạn", or a date already reported as invalid
    born_status, born_value = parse_date(born)
    issued_status, issued_value = parse_date(issued)
    if born_status != OK or issued_status != OK or born_value is None or issued_value is None:
        return
    birth, issue = born_value.as_date(), issued_value.as_date()
    if birth is None or issue is None:
        return
    expiry = card_expiry(birth, issue)
    if expiry is None:
        return
    # "Có giá trị đến" is the birthday on which the card must be renewed.
    _expired(ctx, target, expiry,
             text("Thẻ cấp ngày {issued}, ngày sinh {born}: phải đổi khi đủ {age} tuổi", issued=str(issued_value),
                  born=str(born_value), age=expiry.year - birth.year))


def _cmnd_invalid(ctx: ScreeningContext, target: str, number: str) -> None:
    if ctx.receipt_date <= CMND_END:
        return
    ctx.add(R.ID_DOCUMENT_INVALID, R.ERROR, target,
            text("Chứng minh nhân dân không còn giá trị làm giấy tờ tùy thân"),
            text("CMND {value} hết giá trị từ 01/01/2025 (Luật Căn cước 2023, Điều 46)", value=number or "—"),
            text("Đề nghị xuất trình thẻ căn cước/CCCD hoặc hộ chiếu còn giá trị"))


def check(ctx: ScreeningContext) -> None:
    """Identity numbers and documents of everyone the dossier names."""
    people = persons(ctx)
    pairs = _match_documents(ctx, people)
    documents_of: dict[str, list[Attachment]] = {}
    for attachment, owner in pairs:
        documents_of.setdefault(owner.key, []).append(attachment)

    for person in people:
        genders: list[tuple[Any, str]] = [(person.gender, person.gender_target)]
        births: list[tuple[Any, str]] = [(person.dob, person.dob_target)]
        places: list[tuple[str, str]] = [(person.birth_place, person.birth_place_target)] if person.birth_place else []
        own_docs = documents_of.get(person.key, [])
        cards = [a for a in own_docs if a.doc_type == "the_can_cuoc"]
        for card in cards:
            # A value OCR is unsure of is not held against the ID number (it gets its own "please check").
            if not reading_of(ctx, card, "gioi_tinh").uncertain:
                genders.append((card.fields.get("gioi_tinh"), card.doc_type))
            if not reading_of(ctx, card, "ngay_sinh").uncertain:
                births.append((card.fields.get("ngay_sinh"), card.doc_type))
            place = card.fields.get("noi_dang_ky_khai_sinh")
            if isinstance(place, str) and place.strip():
                places.append((place, card.doc_type))

        number = person.id_number
        if person.key in ("applicant", "co_applicant"):
            id_type = person.id_type
            if id_type == "CMND" or (not id_type and len(digits(number)) == 9 and number.isdigit()):
                _cmnd_invalid(ctx, person.id_target, number)
            elif id_type == "HO_CHIEU":
                pass
            elif number:
                check_personal_id(ctx, number, person.id_target, genders, births, places)
            _check_validity(ctx, person.id_target, person.valid_until, None, None, False)
        elif number:
            same = next((p for p in people if p.key in ("applicant", "co_applicant") and p.id_number
                         and digits(p.id_number) == digits(number)), None)
            if same is None:
                check_personal_id(ctx, number, person.id_target, genders, births, places)
            elif person.name.strip() and same.name.strip():
                # The same ID number: the same person, so the same name (already checked as the applicant).
                report_name_comparison(ctx, person.name_target, person.name, same.name, same.name_target)

        ctx.cache.setdefault("checked_ids", set()).add(person.id_target)
        presented_valid = any(a.doc_type in ("the_can_cuoc", "ho_chieu") for a in own_docs) or (
            person.id_type in ("CCCD", "CAN_CUOC", "HO_CHIEU") and person.key in ("applicant", "co_applicant")
            and not own_docs
        )
        for attachment in own_docs:
            _check_document(ctx, person, attachment, genders, births, places, presented_valid)


def _check_document(
    ctx: ScreeningContext,
    person: PersonRef,
    attachment: Attachment,
    genders: list[tuple[Any, str]],
    births: list[tuple[Any, str]],
    places: list[tuple[str, str]],
    presented_valid: bool,
) -> None:
    fields = attachment.fields
    number = _doc_number(attachment)
    target = person.id_target
    if attachment.doc_type == "cmnd":
        if not presented_valid:
            _cmnd_invalid(ctx, target, number)
        return
    if attachment.doc_type == "the_can_cuoc" and number:
        if not reading_of(ctx, attachment, _doc_number_key(attachment)).uncertain:
            check_personal_id(ctx, number, target, genders, births, places)
        if (ID_RE.match(number) and ID_RE.match(person.id_number or "")
                and number != person.id_number and person.id_type not in ("CMND", "HO_CHIEU")):
            add_finding(ctx, R.ID_NUMBER_MISMATCH, R.ERROR, target,
                        text("Số định danh đã khai khác số trên thẻ căn cước"),
                        text("Đã khai {declared}; thẻ ghi {card}", declared=person.id_number, card=number),
                        text("Đối chiếu với thẻ căn cước/CCCD và sửa số định danh"),
                        reading_of(ctx, attachment, _doc_number_key(attachment)))
    _check_validity(ctx, target, fields.get("co_gia_tri_den"), fields.get("ngay_sinh") or person.dob,
                    fields.get("ngay_cap"), attachment.doc_type == "the_can_cuoc",
                    reading_of(ctx, attachment, "co_gia_tri_den"))
    # Name, date of birth and gender on the document against the declaration.
    name = _doc_name(attachment)
    if name and person.name and person.name.strip():
        report_name_comparison(ctx, person.name_target, person.name, name, attachment.doc_type,
                               reading_of(ctx, attachment, _doc_name_key(attachment)))
    doc_birth = fields.get("ngay_sinh")
    if doc_birth and person.dob:
        report_date_difference(ctx, person.dob_target, person.dob, doc_birth, attachment.doc_type,
                               reading_of(ctx, attachment, "ngay_sinh"))
    _compare_gender(ctx, person, attachment)


def _compare_gender(ctx: ScreeningContext, person: PersonRef, attachment: Attachment) -> None:
    """The gender on the document against the declared one (only when both are stated)."""
    on_document, declared = gender_of(attachment.fields.get("gioi_tinh")), gender_of(person.gender)
    if on_document is None or declared is None or on_document == declared:
        return
    if (R.CCCD_GENDER_MISMATCH, person.id_target) in ctx.sink.items:
        return  # the card's number already shows the contradiction
    add_finding(ctx, R.GENDER_MISMATCH, R.ERROR, person.gender_target or person.id_target,
                text("Giới tính đã khai khác giới tính trên giấy tờ"),
                text("Tờ khai: «{declared}»; {document}: «{on_document}»", declared=str(person.gender),
                     document=attachment.doc_type, on_document=str(attachment.fields.get("gioi_tinh"))),
                text("Đối chiếu với giấy tờ gốc và sửa giới tính cho thống nhất"),
                reading_of(ctx, attachment, "gioi_tinh"))


def _doc_number_key(attachment: Attachment) -> str:
    return next((k for k in ("so", "so_dinh_danh", "so_cccd", "so_cmnd", "so_ho_chieu") if attachment.fields.get(k)),
                "so")


def _doc_name_key(attachment: Attachment) -> str:
    return next((k for k in ("ho_chu_dem_ten", "ho_ten", "ho_va_ten") if attachment.fields.get(k)),
                "ho_chu_dem_ten")


def report_name_comparison(ctx: ScreeningContext, target: str, declared: str, on_document: str,
                           document: str, reading: Reading | None = None) -> NameComparison:
    comparison = compare_names(declared, on_document)
    if comparison.same:
        return comparison
    if comparison.only_marks:
        add_finding(ctx, R.NAME_MISMATCH, R.WARNING, target,
                text("Họ tên khác giấy tờ ở dấu hoặc i/y: «{declared}» / «{document_name}»", declared=declared,
                     document_name=on_document),
                text("Tờ khai: «{declared}»; {document}: «{document_name}» — chỉ khác dấu hoặc i/y",
                     declared=declared, document=document, document_name=on_document),
                text("Đối chiếu với giấy tờ gốc: Tuấn/Tuân, Mỹ/Mĩ có thể là hai tên khác nhau"), reading)
    else:
        add_finding(ctx, R.NAME_MISMATCH, R.ERROR, target,
                text("Họ tên không khớp giấy tờ: «{declared}» / «{document_name}»", declared=declared,
                     document_name=on_document),
                text("Tờ khai: «{declared}»; {document}: «{document_name}»", declared=declared, document=document,
                     document_name=on_document),
                text("Đối chiếu với giấy tờ gốc và sửa họ tên cho thống nhất"), reading)
    return comparison


def report_date_difference(ctx: ScreeningContext, target: str, declared: Any, on_document: Any,
                           document: str, reading: Reading | None = None) -> None:
    status_a, a = parse_date(declared)
    status_b, b = parse_date(on_document)
    if status_a != OK or status_b != OK or a is None or b is None:
        return
    if _same_date(a, b):
        return
    add_finding(ctx, R.DATE_INVALID, R.ERROR, target,
                text("Ngày sinh không khớp giấy tờ: {declared} / {document_date}", declared=str(a),
                     document_date=str(b)),
                text("Tờ khai: {declared}; {document}: {document_date}", declared=str(a), document=document,
                     document_date=str(b)),
                text("Đối chiếu với giấy tờ gốc và sửa ngày sinh cho thống nhất"), reading)


def _same_date(a: DateValue, b: DateValue) -> bool:
    """Equal at the precision both carry (a bare year matches any date in that year)."""
    if a.year != b.year:
        return False
    if a.month is None or b.month is None:
        return True
    if a.month != b.month:
        return False
    return a.day is None or b.day is None or a.day == b.day


def check_loose_numbers(ctx: ScreeningContext) -> None:
    """Personal ID numbers outside a person's group (top-level ``so_dinh_danh``, documents' fields),
    checked against the gender and date of birth written beside them."""
    checked: set[str] = ctx.cache.get("checked_ids", set())
    root = ctx.dossier.form
    if "so_dinh_danh" in root and "form.so_dinh_danh" not in checked:
        _check_loose(ctx, root, "form.so_dinh_danh", "form")
    for attachment in ctx.dossier.attachments:
        if attachment.doc_type in IDENTITY_DOC_TYPES:
            continue
        nodes = [("", attachment.fields), *iter_groups(attachment.fields)]
        for _path, node in nodes:
            if "so_dinh_danh" in node:
                _check_loose(ctx, node, attachment.doc_type, attachment.doc_type)


def _check_loose(ctx: ScreeningContext, node: dict[str, Any], target: str, where: str) -> None:
    number = clean_id(node.get("so_dinh_danh"))
    if not number:
        return
    check_personal_id(ctx, number, target, [(node.get("gioi_tinh"), where)], [(node.get("ngay_sinh"), where)], [])


def check_document_names(ctx: ScreeningContext) -> None:
    """Names read from non-identity documents against the declaration.

    A field that names its person (``tre.ho_ten``, ``ho_ten_me``) is compared with that person; a bare
    ``ho_ten`` could be anyone on the paper, so it only raises a warning when it equals someone's name
    except for diacritics or i/y.
    """
    people = [p for p in persons(ctx) if isinstance(p.name, str) and p.name.strip()]
    for attachment in ctx.dossier.attachments:
        if attachment.doc_type in IDENTITY_DOC_TYPES:
            continue
        for path, key, value in iter_leaves(attachment.fields):
            if not isinstance(value, str) or not value.strip():
                continue
            group: str | None = None
            if key == "ho_ten" and "." in path:
                group = path.rsplit(".", 1)[0]
            elif key.startswith("ho_ten_"):
                group = key.removeprefix("ho_ten_")
            if group is not None:
                declared = form_value(ctx.dossier.form, f"{group}.ho_ten")
                if isinstance(declared, str) and declared.strip():
                    report_name_comparison(ctx, f"form.{group}.ho_ten", declared, value, attachment.doc_type,
                                           reading_of(ctx, attachment, path))
                continue
            if key not in ("ho_ten", "ho_chu_dem_ten"):
                continue
            comparisons = [(p, compare_names(p.name, value)) for p in people]
            if any(c.same for _p, c in comparisons):
                continue
            close = next((p for p, c in comparisons if c.only_marks), None)
            if close is not None:
                report_name_comparison(ctx, close.name_target, close.name, value, attachment.doc_type,
                                       reading_of(ctx, attachment, path))
