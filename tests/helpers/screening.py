"""Builders shared by the screening unit tests (no tests here): clean dossiers to vary one fact at a time."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from typing import Any

from officer_desk.catalogue import load_catalogue
from officer_desk.config import DeskConfig
from officer_desk.dossier import parse
from officer_desk.paths import Home
from officer_desk.screening.engine import screen_dossier
from officer_desk.screening.result import ScreeningResult
from officer_desk.workdays import default_calendar

CARD = {"doc_type": "the_can_cuoc", "kind": "original", "presented_only": True,
        "fields": {"so": "025194001234", "ho_chu_dem_ten": "ĐẶNG THỊ MAI", "ngay_sinh": "02/03/1994",
                   "gioi_tinh": "Nữ", "co_gia_tri_den": "02/03/2034"}}

APPLICANT = {"full_name": "Đặng Thị Mai", "date_of_birth": "02/03/1994", "gender": "Nữ", "id_type": "CCCD",
             "id_number": "025194001234", "birth_registration_place": "Phú Thọ", "phone": "0912 345 678",
             "address": "phường Vĩnh Yên, tỉnh Phú Thọ"}

TAM_TRU: dict[str, Any] = {
    "format": "officer-desk/application@1",
    "dossier_code": "000.00.01.X99-261127-0007",
    "procedure_code": "1.004194",
    "received_at": "27/11/2026 08:45",
    "channel": "truc_tiep",
    "applicant": APPLICANT,
    "co_applicant": None,
    "form": {"noi_tam_tru": "phường Vĩnh Yên, tỉnh Phú Thọ", "thoi_han_tam_tru_den": "27/11/2027",
             "y_kien_chu_so_huu": "Đồng ý"},
    "attachments": [
        {"doc_type": "to_khai_ct01", "kind": "original"},
        {"doc_type": "giay_to_cho_o_hop_phap", "kind": "copy", "fields": {"loai": "Hợp đồng thuê nhà"}},
        CARD,
    ],
}

KHAI_SINH: dict[str, Any] = {
    "procedure_code": "1.001193",
    "received_at": "10/11/2026 09:00",
    "channel": "truc_tiep",
    "applicant": APPLICANT,
    "form": {"quan_he_voi_tre": "Mẹ",
             "tre": {"ho_ten": "Nguyễn Minh Khôi", "ngay_sinh": "01/11/2026", "gioi_tinh": "Nam",
                     "noi_sinh": "Bệnh viện Sản Nhi Phú Thọ"},
             "me": {"ho_ten": "Đặng Thị Mai", "ngay_sinh": "02/03/1994", "so_dinh_danh": "025194001234"}},
    "attachments": [
        {"doc_type": "to_khai_khai_sinh", "kind": "original"},
        {"doc_type": "giay_chung_sinh", "kind": "original", "fields": {"ho_ten_me": "Đặng Thị Mai"}},
        CARD,
    ],
}

KET_HON: dict[str, Any] = {
    "procedure_code": "1.000894",
    "received_at": "10/11/2026 09:00",
    "channel": "truc_tiep",
    "applicant": {"full_name": "Trần Văn Hùng", "date_of_birth": "15/06/1995", "gender": "Nam", "id_type": "CCCD",
                  "id_number": "025095004321", "phone": "0987654321"},
    "co_applicant": APPLICANT,
    "form": {"ben_nam": {"ho_ten": "Trần Văn Hùng", "ngay_sinh": "15/06/1995"},
             "ben_nu": {"ho_ten": "Đặng Thị Mai", "ngay_sinh": "02/03/1994"}},
    "attachments": [
        {"doc_type": "to_khai_ket_hon", "kind": "original"},
        {"doc_type": "the_can_cuoc", "kind": "original", "presented_only": True,
         "fields": {"so": "025095004321", "ho_chu_dem_ten": "TRẦN VĂN HÙNG", "ngay_sinh": "15/06/1995",
                    "gioi_tinh": "Nam", "co_gia_tri_den": "15/06/2035"}},
        CARD,
    ],
}

# The shipped catalogue only (built at import time, before the per-test home exists).
CATALOGUE = load_catalogue(Home(Path(__file__).resolve().parent / "no-such-home"))
CALENDAR = default_calendar()


def build(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of ``base`` with dotted-path changes (``form.tre.ngay_sinh``); None deletes the key."""
    data = copy.deepcopy(base)
    for path, value in changes.items():
        parts = path.split("__") if "__" in path else path.split(".")
        node = data
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = value
    return data


def screen(data: dict[str, Any], queue: Any = None, config: DeskConfig | None = None,
           now: datetime | None = None) -> ScreeningResult:
    return screen_dossier(parse(data), CATALOGUE, CALENDAR, config=config, queue=queue, now=now)


def codes(result: ScreeningResult) -> set[tuple[str, str]]:
    return {(f.code, f.target) for f in result.findings}


def only_codes(result: ScreeningResult) -> set[str]:
    return {f.code for f in result.findings}


def with_attachments(base: dict[str, Any], *attachments: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    data = copy.deepcopy(base)
    data["attachments"] = [a for a in data["attachments"] if a["doc_type"] not in drop] + list(attachments)
    return data
