"""Provinces: the codes of the personal ID number (63-province list) and the post-2025 provinces they map to.

Source: shared/domain/FACTS.md §4 (Luật Căn cước 2023 Art. 12; Nghị quyết 202/2025/QH15). Existing ID
numbers keep their old code; a code and a declared place are compared only after both are mapped to the
province that exists since 01/07/2025.
"""

from __future__ import annotations

import re
from functools import lru_cache

from officer_desk.text import fold

# code -> (province in the 63-list, province since 01/07/2025)
PROVINCE_CODES: dict[str, tuple[str, str]] = {
    "001": ("Hà Nội", "Hà Nội"), "002": ("Hà Giang", "Tuyên Quang"), "004": ("Cao Bằng", "Cao Bằng"),
    "006": ("Bắc Kạn", "Thái Nguyên"), "008": ("Tuyên Quang", "Tuyên Quang"), "010": ("Lào Cai", "Lào Cai"),
    "011": ("Điện Biên", "Điện Biên"), "012": ("Lai Châu", "Lai Châu"), "014": ("Sơn La", "Sơn La"),
    "015": ("Yên Bái", "Lào Cai"), "017": ("Hòa Bình", "Phú Thọ"), "019": ("Thái Nguyên", "Thái Nguyên"),
    "020": ("Lạng Sơn", "Lạng Sơn"), "022": ("Quảng Ninh", "Quảng Ninh"), "024": ("Bắc Giang", "Bắc Ninh"),
    "025": ("Phú Thọ", "Phú Thọ"), "026": ("Vĩnh Phúc", "Phú Thọ"), "027": ("Bắc Ninh", "Bắc Ninh"),
    "030": ("Hải Dương", "Hải Phòng"), "031": ("Hải Phòng", "Hải Phòng"), "033": ("Hưng Yên", "Hưng Yên"),
    "034": ("Thái Bình", "Hưng Yên"), "035": ("Hà Nam", "Ninh Bình"), "036": ("Nam Định", "Ninh Bình"),
    "037": ("Ninh Bình", "Ninh Bình"), "038": ("Thanh Hóa", "Thanh Hóa"), "040": ("Nghệ An", "Nghệ An"),
    "042": ("Hà Tĩnh", "Hà Tĩnh"), "044": ("Quảng Bình", "Quảng Trị"), "045": ("Quảng Trị", "Quảng Trị"),
    "046": ("Thừa Thiên Huế", "Huế"), "048": ("Đà Nẵng", "Đà Nẵng"), "049": ("Quảng Nam", "Đà Nẵng"),
    "051": ("Quảng Ngãi", "Quảng Ngãi"), "052": ("Bình Định", "Gia Lai"), "054": ("Phú Yên", "Đắk Lắk"),
    "056": ("Khánh Hòa", "Khánh Hòa"), "058": ("Ninh Thuận", "Khánh Hòa"), "060": ("Bình Thuận", "Lâm Đồng"),
    "062": ("Kon Tum", "Quảng Ngãi"), "064": ("Gia Lai", "Gia Lai"), "066": ("Đắk Lắk", "Đắk Lắk"),
    "067": ("Đắk Nông", "Lâm Đồng"), "068": ("Lâm Đồng", "Lâm Đồng"), "070": ("Bình Phước", "Đồng Nai"),
    "072": ("Tây Ninh", "Tây Ninh"), "074": ("Bình Dương", "TP. Hồ Chí Minh"),
    "075": ("Đồng Nai", "Đồng Nai"), "077": ("Bà Rịa – Vũng Tàu", "TP. Hồ Chí Minh"),
    "079": ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh"), "080": ("Long An", "Tây Ninh"),
    "082": ("Tiền Giang", "Đồng Tháp"), "083": ("Bến Tre", "Vĩnh Long"), "084": ("Trà Vinh", "Vĩnh Long"),
    "086": ("Vĩnh Long", "Vĩnh Long"), "087": ("Đồng Tháp", "Đồng Tháp"), "089": ("An Giang", "An Giang"),
    "091": ("Kiên Giang", "An Giang"), "092": ("Cần Thơ", "Cần Thơ"), "093": ("Hậu Giang", "Cần Thơ"),
    "094": ("Sóc Trăng", "Cần Thơ"), "095": ("Bạc Liêu", "Cà Mau"), "096": ("Cà Mau", "Cà Mau"),
}

# Other spellings people write for a province (folded), beyond the names above.
_EXTRA_NAMES = {
    "Thừa Thiên Huế": ("thua thien hue", "tt hue", "tt-hue", "hue"),
    "TP. Hồ Chí Minh": ("ho chi minh", "hcm", "tp hcm", "tphcm", "sai gon", "tp.hcm"),
    "Bà Rịa – Vũng Tàu": ("ba ria vung tau", "ba ria - vung tau", "brvt", "vung tau", "ba ria"),
    "Bắc Kạn": ("bac can",),
    "Đắk Lắk": ("dak lak", "dac lac", "daklak"),
    "Đắk Nông": ("dak nong", "daknong"),
    "Thanh Hóa": ("thanh hoa",),
    "Hòa Bình": ("hoa binh",),
    "Khánh Hòa": ("khanh hoa",),
}


@lru_cache(maxsize=1)
def _name_patterns() -> list[tuple[re.Pattern[str], str]]:
    """(folded-name pattern, post-2025 province), longest names first."""
    names: dict[str, str] = {}
    for old, new in PROVINCE_CODES.values():
        names[fold(old).replace("–", "-")] = new
        names[fold(new)] = new
        for extra in _EXTRA_NAMES.get(old, ()):
            names[extra] = new
    ordered = sorted(names.items(), key=lambda item: -len(item[0]))
    return [(re.compile(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9])"), new) for name, new in ordered]


@lru_cache(maxsize=4096)
def province_of_place(place: str) -> str | None:
    """The post-2025 province of a declared place ("xã X, huyện Y, tỉnh Z", "Vĩnh Phúc", "TP.HCM").

    The province is the last one named (addresses go from small to large); None when none is recognised.
    """
    text = fold(place).replace("–", "-").replace("—", "-")
    text = re.sub(r"\s*-\s*", " - ", text)
    text = re.sub(r"\b(tp|t\.p)\s*\.\s*", "tp ", text)
    best: tuple[int, int, str] | None = None  # (end, length, province)
    for pattern, province in _name_patterns():
        for match in pattern.finditer(text):
            candidate = (match.end(), match.end() - match.start(), province)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best else None
