"""Field extractors per document type: labels on the page -> application-format fields.

Each extractor gets the lines of one page (on the prepared image) and returns ``Found`` values by field
name. Labels are given folded (no diacritics) with the variants of both card layouts; the order of
lines does not matter, so a photo that the engine segments differently still reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from officer_desk.ocr.model import Line, Word
from officer_desk.ocr.mrz import MrzData, locate_lines, parse_td1
from officer_desk.ocr.values import (
    Found,
    date_in_year,
    date_value,
    find_label,
    gender_value,
    id_number_value,
    name_value,
    text_value,
    value_after,
    year_value,
)
from officer_desk.text import fold

Extractor = Callable[[list[Line]], dict[str, Found]]

# Document types the desk reads (procedures.json ids, application format identity documents).
CARD = "the_can_cuoc"
BIRTH_CERTIFICATE = "giay_khai_sinh"
BIRTH_NOTICE = "giay_chung_sinh"
MARITAL_STATUS = "giay_xac_nhan_tthn"
GENERIC = "giay_to_khac"
_ALIASES = {"cccd": CARD, "can_cuoc": CARD, "the_can_cuoc": CARD, "khai_sinh": BIRTH_CERTIFICATE,
            "chung_sinh": BIRTH_NOTICE, "xac_nhan_tinh_trang_hon_nhan": MARITAL_STATUS, "tthn": MARITAL_STATUS}


def canonical_doc_type(doc_type: str) -> str:
    key = doc_type.strip().lower()
    return _ALIASES.get(key, key)


def classify(text: str) -> str:
    """The document type from the words on it: the printed title first (the top lines), then the rest."""
    lines = [fold(line) for line in text.splitlines() if line.strip()]
    for scope in (lines[:8], lines):
        found = _classify_lines(scope)
        if found is not None:
            return found
    return GENERIC


def _classify_lines(lines: list[str]) -> str | None:
    folded = "\n".join(lines)
    compact = re.sub(r"[^a-z<]", "", folded)
    if "giay chung sinh" in folded:
        return BIRTH_NOTICE
    if "giay khai sinh" in folded:
        return BIRTH_CERTIFICATE
    if "tinh trang hon nhan" in folded:
        return MARITAL_STATUS
    if "to khai" in folded:
        return GENERIC
    if (re.search(r"^can cuoc( cong dan)?$", folded, re.MULTILINE) or "identity card" in folded
            or "idvn" in compact or "<<<<" in compact):
        return CARD
    return None


def _take(lines: list[Line], labels: tuple[str, ...], parse: Callable[..., Found | None],
          next_line: bool = True) -> Found | None:
    """The first label occurrence whose value parses (a label may appear twice, e.g. "Năm sinh")."""
    start = 0
    while start < len(lines):
        hit = value_after(lines, labels, next_line, start)
        if hit is None:
            return None
        words, index = hit
        found = parse(words)
        if found is not None:
            return found
        # The value may sit on the next line even when the label line carried some (English) text.
        if next_line and index + 1 < len(lines) and words is not lines[index + 1].words:
            found = parse(lines[index + 1].words)
            if found is not None:
                return found
        start = index + 1
    return None


# -- the chip-based citizen ID card ------------------------------------------------------------------

CARD_LABELS: dict[str, tuple[str, ...]] = {
    "so": ("so dinh danh ca nhan", "personal identification number", "so / no", "so /no", "so/ no", "so/no",
           "so:", "no.:"),
    "ho_chu_dem_ten": ("ho, chu dem va ten khai sinh", "ho chu dem va ten", "ho va ten", "full name",
                       "surname, middle and given name"),
    "ngay_sinh": ("ngay, thang, nam sinh", "ngay sinh", "date of birth"),
    "gioi_tinh": ("gioi tinh", "sex"),
    "quoc_tich": ("quoc tich", "nationality"),
    "que_quan": ("que quan", "place of origin"),
    "noi_thuong_tru": ("noi thuong tru", "place of residence"),
    "noi_cu_tru": ("noi cu tru",),
    "noi_dang_ky_khai_sinh": ("noi dang ky khai sinh", "place of birth"),
    "co_gia_tri_den": ("co gia tri den", "ngay, thang, nam het han", "date of expiry"),
    "ngay_cap": ("ngay, thang, nam cap", "date of issue", "ngay, thang, nam / date, month, year",
                 "date, month, year"),
}


def extract_card(lines: list[Line]) -> dict[str, Found]:
    fields: dict[str, Found] = {}
    number = _take(lines, CARD_LABELS["so"], id_number_value)
    if number is None:  # the number is the only word of exactly 12 digits on the front
        number = next((Found(w.text, (w,), 0.8) for line in lines for w in line.words
                       if re.fullmatch(r"\d{12}", w.text)), None)
    if number is not None:
        fields["so"] = number
    name = _take(lines, CARD_LABELS["ho_chu_dem_ten"], lambda w: name_value(w, upper=True))
    if name is not None:
        fields["ho_chu_dem_ten"] = name
    for key, parse in (("ngay_sinh", date_value), ("gioi_tinh", gender_value), ("co_gia_tri_den", _expiry_value),
                       ("ngay_cap", date_value)):
        found = _take(lines, CARD_LABELS[key], parse)
        if found is None and key == "ngay_sinh" and number is not None:
            # Slashes misread as digits: the ID number says the birth year, which picks the reading.
            years = _birth_years(number.value)
            found = _take(lines, CARD_LABELS[key], lambda w, y=years: date_in_year(w, y))
        if found is not None:
            fields[key] = found
    for key in ("que_quan", "noi_thuong_tru", "noi_cu_tru", "noi_dang_ky_khai_sinh"):
        found = _take(lines, CARD_LABELS[key], _place_value)
        if found is not None:
            fields[key] = found
    mrz = read_mrz(lines)
    if mrz is not None:
        _merge_mrz(fields, *mrz)
    _cross_check_card(fields)
    return fields


def _birth_years(number: str) -> set[int]:
    if not re.fullmatch(r"\d{12}", number):
        return set()
    return {1900 + int(number[3]) // 2 * 100 + int(number[4:6])}


def _expiry_value(words: tuple[Word, ...]) -> Found | None:
    if "khong thoi han" in fold(" ".join(w.text for w in words)):
        return Found("Không thời hạn", tuple(words))
    return date_value(words)


def _place_value(words: tuple[Word, ...]) -> Found | None:
    found = text_value(words)
    if found is None or len(found.value) < 4 or found.value.startswith("/"):
        return None
    return found


def read_mrz(lines: list[Line]) -> tuple[MrzData, tuple[Line, ...]] | None:
    found = locate_lines([line.text for line in lines])
    if found is None:
        return None
    first, zone = found
    data = parse_td1(zone)
    if data is None:
        return None
    return data, tuple(lines[first:first + 3])


def _merge_mrz(fields: dict[str, Found], data: MrzData, lines: tuple[Line, ...]) -> None:
    """Values from the zone whose own check digit holds; the composite check makes them more certain."""
    words = tuple(w for line in lines for w in line.words)
    certainty = 0.55 + 0.45 * data.checks_passed / data.checks_total
    mrz_values = {
        "so": data.id_number if data.number_ok else "",
        "ngay_sinh": data.born.strftime("%d/%m/%Y") if data.born and data.birth_ok else "",
        "gioi_tinh": data.sex if data.birth_ok or data.valid else "",
        "co_gia_tri_den": data.expiry.strftime("%d/%m/%Y") if data.expiry and data.expiry_ok else "",
    }
    for key, value in mrz_values.items():
        if not value:
            continue
        current = fields.get(key)
        if current is None or current.value != value:
            fields[key] = Found(value, words, fixed=certainty)
        else:
            fields[key] = Found(value, current.words, fixed=max(current.confidence, certainty))
    if data.full_name and "ho_chu_dem_ten" not in fields:
        # Without diacritics: the officer sees a low confidence and checks it against the card.
        fields["ho_chu_dem_ten"] = Found(data.full_name, words, fixed=round(0.5 * certainty, 3))


def _cross_check_card(fields: dict[str, Found]) -> None:
    """The ID number encodes gender, century and birth year: agreement raises confidence, conflict lowers it."""
    number, born, gender = fields.get("so"), fields.get("ngay_sinh"), fields.get("gioi_tinh")
    if number is None or len(number.value) != 12:
        return
    digit = int(number.value[3])
    agree = 0
    conflict = 0
    if born is not None:
        year = int(born.value[-4:])
        if (1900 + digit // 2 * 100) == year // 100 * 100 and number.value[4:6] == f"{year % 100:02d}":
            agree += 1
        else:
            conflict += 1
    if gender is not None:
        if (digit % 2 == 0) == (gender.value == "Nam"):
            agree += 1
        else:
            conflict += 1
    if conflict:
        fields["so"] = Found(number.value, number.words, fixed=number.confidence * 0.6)
    elif agree:
        fields["so"] = Found(number.value, number.words, fixed=min(1.0, max(number.confidence, 0.9)))


# -- civil-status papers -------------------------------------------------------------------------------

def extract_birth_certificate(lines: list[Line]) -> dict[str, Found]:
    fields: dict[str, Found] = {}
    _put(fields, "ho_ten", _take(lines, ("ho, chu dem, ten:", "ho, chu dem, ten", "ho va ten"), name_value))
    _put(fields, "ngay_sinh", _take(lines, ("ngay, thang, nam sinh",), date_value))
    _put(fields, "gioi_tinh", _take(lines, ("gioi tinh",), gender_value))
    _put(fields, "noi_sinh", _take(lines, ("noi sinh",), _place_value))
    _put(fields, "so_dinh_danh", _take(lines, ("so dinh danh ca nhan",), id_number_value))
    _put(fields, "ho_ten_me", _take(lines, ("ho, chu dem, ten nguoi me", "ho va ten me", "ho ten me"), name_value))
    _put(fields, "ho_ten_cha", _take(lines, ("ho, chu dem, ten nguoi cha", "ho va ten cha", "ho ten cha"),
                                     name_value))
    _put(fields, "ngay_dang_ky", _take(lines, ("ngay, thang, nam dang ky",), date_value))
    return fields


def extract_birth_notice(lines: list[Line]) -> dict[str, Found]:
    fields: dict[str, Found] = {}
    _put(fields, "ho_ten_me", _take(lines, ("ho va ten bo/me hoac nguoi nuoi duong", "ho va ten me",
                                            "ho va ten bo/me"), name_value))
    _put(fields, "nam_sinh_me", _take(lines, ("nam sinh",), year_value))
    _put(fields, "so_dinh_danh_me", _take(lines, ("so cccd/ho chieu", "so cccd", "so dinh danh"), id_number_value))
    _put(fields, "ngay_sinh", _take(lines, ("da sinh con vao luc", "sinh con vao luc", "ngay sinh"), date_value))
    _put(fields, "gioi_tinh", _take(lines, ("gioi tinh cua con", "gioi tinh"), gender_value))
    _put(fields, "ho_ten_tre", _take(lines, ("du dinh dat ten con", "dat ten con"), name_value))
    return fields


def extract_marital_status(lines: list[Line]) -> dict[str, Found]:
    fields: dict[str, Found] = {}
    _put(fields, "ho_ten", _take(lines, ("ho, chu dem, ten", "ho va ten", "ho, chu dem va ten"), name_value))
    _put(fields, "ngay_sinh", _take(lines, ("ngay, thang, nam sinh", "ngay sinh"), date_value))
    _put(fields, "gioi_tinh", _take(lines, ("gioi tinh",), gender_value))
    _put(fields, "tinh_trang_hon_nhan", _take(lines, ("tinh trang hon nhan",), text_value))
    _put(fields, "muc_dich", _take(lines, ("giay nay duoc cap de", "muc dich su dung"), text_value))
    # The date of issue is the place-and-date line above the signature: "..., ngày 02 tháng 4 năm 2026".
    for line in reversed(lines):
        if re.search(r"ngay\s*\d{1,2}\s*thang", fold(line.text)):
            found = date_value(line.words)
            if found is not None:
                fields["ngay_cap"] = Found(found.value, line.words, found.factor)
                break
    return fields


# -- declarations: any "Label: value" line ------------------------------------------------------------

KNOWN_LABELS = {
    "ho, chu dem va ten": "ho_ten", "ho, chu dem, ten": "ho_ten", "ho va ten": "ho_ten", "ho ten": "ho_ten",
    "ngay, thang, nam sinh": "ngay_sinh", "ngay sinh": "ngay_sinh", "gioi tinh": "gioi_tinh",
    "so dinh danh ca nhan": "so_dinh_danh", "so cccd": "so_dinh_danh", "so dien thoai": "dien_thoai",
    "so dien thoai lien he": "dien_thoai", "dien thoai": "dien_thoai", "email": "email",
    "noi cu tru": "noi_cu_tru", "ma so thue": "ma_so_thue", "dan toc": "dan_toc", "quoc tich": "quoc_tich",
}


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:40]


def extract_key_values(lines: list[Line]) -> dict[str, Found]:
    """Every "Label: value" line; known labels get their vocabulary name, others a folded slug."""
    fields: dict[str, Found] = {}
    for line in lines:
        words = line.words
        colon = next((i for i, w in enumerate(words) if ":" in w.text), None)
        if colon is None or colon > 10:
            continue
        head, _sep, tail = words[colon].text.partition(":")
        label = " ".join([w.text for w in words[:colon]] + ([head] if head else []))
        key = KNOWN_LABELS.get(fold(label).strip(" ,.")) or _slug(label)
        if not key or key in fields:
            continue
        rest = words[colon + 1:]
        if tail:
            rest = (Word(tail, words[colon].confidence, words[colon].box), *rest)
        parser = {"ngay_sinh": date_value, "gioi_tinh": gender_value, "so_dinh_danh": id_number_value,
                  "ho_ten": name_value, "dien_thoai": _phone_value}.get(key, text_value)
        _put(fields, key, parser(rest))
    return fields


def _phone_value(words: tuple[Word, ...]) -> Found | None:
    digits = re.sub(r"\D", "", "".join(w.text for w in words))
    if 9 <= len(digits) <= 11:
        return Found(digits, tuple(words), 1.0 if digits.startswith("0") else 0.7)
    return None


def _put(fields: dict[str, Found], key: str, found: Found | None) -> None:
    if found is not None:
        fields[key] = found


EXTRACTORS: dict[str, Extractor] = {
    CARD: extract_card,
    BIRTH_CERTIFICATE: extract_birth_certificate,
    BIRTH_NOTICE: extract_birth_notice,
    MARITAL_STATUS: extract_marital_status,
}


def extractor_for(doc_type: str) -> Extractor:
    return EXTRACTORS.get(doc_type, extract_key_values)


__all__ = ["EXTRACTORS", "classify", "extractor_for", "find_label"]
