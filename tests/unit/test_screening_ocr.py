"""Screening with values read by OCR: evidence names the origin and confidence; an unsure read is an info.

Also the interchange format's ``provenance``/``ocr`` objects: optional (older files stay valid), checked.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from officer_desk.dossier import parse
from officer_desk.errors import DossierFormatError
from tests.helpers.screening import CARD, TAM_TRU, screen, with_attachments


def card(provenance: dict[str, str] | None = None, ocr: dict[str, Any] | None = None, **fields: str) -> dict[str, Any]:
    item = copy.deepcopy(CARD)
    item["fields"].update(fields)
    if provenance is not None:
        item["provenance"] = provenance
    if ocr is not None:
        item["ocr"] = ocr
    return item


def dossier(item: dict[str, Any]) -> dict[str, Any]:
    return with_attachments(TAM_TRU, item, drop=("the_can_cuoc",))


def finding(result: Any, code: str, target: str) -> Any:
    return next(f for f in result.findings if (f.code, f.target) == (code, target))


def test_a_sure_ocr_read_is_an_error_whose_evidence_says_ocr_and_confidence() -> None:
    result = screen(dossier(card({"ho_chu_dem_ten": "ocr"}, {"ho_chu_dem_ten": {"confidence": 0.91}},
                                 ho_chu_dem_ten="ĐẶNG THỊ LAN")))
    mismatch = finding(result, "NAME_MISMATCH", "applicant.full_name")
    assert mismatch.severity == "error"
    assert "OCR" in mismatch.evidence and "91%" in mismatch.evidence and "91%" in mismatch.evidence_en


def test_an_unsure_ocr_read_is_an_info_please_check() -> None:
    result = screen(dossier(card({"ho_chu_dem_ten": "ocr", "ngay_sinh": "ocr", "so": "ocr"},
                                 {"ho_chu_dem_ten": {"confidence": 0.35}, "ngay_sinh": {"confidence": 0.2},
                                  "so": {"confidence": 0.4}},
                                 ho_chu_dem_ten="ĐẶNG THỊ LAN", ngay_sinh="02/08/1994", so="025194001284")))
    assert {f.severity for f in result.findings} == {"info"}
    name = finding(result, "NAME_MISMATCH", "applicant.full_name")
    assert name.message.startswith("Cần kiểm tra lại") and name.message_en.startswith("Please check")
    assert "35%" in name.evidence
    assert finding(result, "DATE_INVALID", "applicant.date_of_birth").severity == "info"
    assert finding(result, "ID_NUMBER_MISMATCH", "applicant").severity == "info"


def test_a_corrected_or_qr_value_is_trusted_and_says_so() -> None:
    edited = screen(dossier(card({"ho_chu_dem_ten": "ocr-edited"}, {"ho_chu_dem_ten": {"confidence": 0.2}},
                                 ho_chu_dem_ten="ĐẶNG THỊ LAN")))
    assert finding(edited, "NAME_MISMATCH", "applicant.full_name").severity == "error"
    assert "cán bộ đã sửa" in finding(edited, "NAME_MISMATCH", "applicant.full_name").evidence
    qr = screen(dossier(card({"ho_chu_dem_ten": "qr"}, ho_chu_dem_ten="ĐẶNG THỊ LAN")))
    assert "QR" in finding(qr, "NAME_MISMATCH", "applicant.full_name").evidence


def test_gender_on_a_document_against_the_form() -> None:
    # Without an ID number (declared or on the card), only the gender comparison can see it.
    item = card({"gioi_tinh": "ocr"}, {"gioi_tinh": {"confidence": 0.9}}, gioi_tinh="Nam")
    del item["fields"]["so"]
    data = dossier(item)
    del data["applicant"]["id_number"]
    gender = finding(screen(data), "GENDER_MISMATCH", "applicant.gender")
    assert gender.severity == "error" and "90%" in gender.evidence
    # With the number, the ID digit already says it (one finding, not two).
    both = screen(dossier(card({"gioi_tinh": "ocr"}, {"gioi_tinh": {"confidence": 0.9}}, gioi_tinh="Nam")))
    assert ("CCCD_GENDER_MISMATCH", "applicant") in {(f.code, f.target) for f in both.findings}
    assert "GENDER_MISMATCH" not in {f.code for f in both.findings}


def test_expiry_read_from_the_card() -> None:
    result = screen(dossier(card({"co_gia_tri_den": "ocr"}, {"co_gia_tri_den": {"confidence": 0.88}},
                                 co_gia_tri_den="02/03/2025")))
    expired = finding(result, "ID_DOCUMENT_EXPIRED", "applicant")
    assert expired.severity == "error" and "88%" in expired.evidence


def test_provenance_is_optional_and_checked() -> None:
    assert parse(dossier(card())).attachments[-1].source_of("so", "truc_tiep") == "typed"
    assert parse(dossier(card())).attachments[-1].source_of("so", "truc_tuyen") == "portal"
    for bad in ({"provenance": {"so": "scanner"}}, {"provenance": ["so"]}, {"ocr": {"so": {"confidence": 1.5}}},
                {"ocr": {"so": 0.5}}):
        item = card()
        item.update(bad)
        with pytest.raises(DossierFormatError):
            parse(dossier(item))
