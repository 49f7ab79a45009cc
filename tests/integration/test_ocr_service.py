"""OCR in the desk: a scan added to a case (encrypted), read, corrected by the officer (audited), screened,
exported and imported again with its provenance; a watched scanner folder; failed reads write nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from officer_desk.desk import open_desk
from officer_desk.errors import InputError
from officer_desk.models import AuditEntry
from officer_desk.ocr.capture import ScanFolder, attach_scan
from officer_desk.ocr.loader import OcrInputError
from officer_desk.ocr.model import OcrField, OcrResult
from officer_desk.ocr.samples import make_sample
from officer_desk.ocr.service import OcrService
from officer_desk.paths import Home
from tests.helpers.environment import require_or_skip


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def dossier_for(truth: dict[str, str], name: str | None = None) -> dict[str, Any]:
    return {
        "format": "officer-desk/application@1",
        "procedure_code": "1.004194",
        "received_at": "27/11/2026 08:45",
        "channel": "truc_tiep",
        "applicant": {"full_name": name or truth["ho_chu_dem_ten"].title(), "date_of_birth": truth["ngay_sinh"],
                      "gender": truth["gioi_tinh"], "id_type": "CCCD", "id_number": truth["so"],
                      "phone": "0912 345 678", "address": "phường Vĩnh Yên, tỉnh Phú Thọ"},
        "form": {"noi_tam_tru": "phường Vĩnh Yên, tỉnh Phú Thọ", "thoi_han_tam_tru_den": "27/11/2027",
                 "y_kien_chu_so_huu": "Đồng ý"},
        "attachments": [{"doc_type": "to_khai_ct01", "kind": "original"},
                        {"doc_type": "giay_to_cho_o_hop_phap", "kind": "copy",
                         "fields": {"loai": "Hợp đồng thuê nhà"}}],
    }


def open_findings(desk: Any, code: str) -> dict[tuple[str, str], Any]:
    return {(f.code, f.target): f for f in desk.cases.detail(code).findings if f.decision == "open"}


def card_attachment(desk: Any, code: str) -> Any:
    return next(a for a in desk.cases.detail(code).attachments if a.doc_type == "the_can_cuoc")


def test_scan_read_corrected_audited_and_round_tripped(desk: Any, tmp_path: Path) -> None:
    require_or_skip(tesseract_available(), "Tesseract (Debian tesseract-ocr, tesseract-ocr-vie)")
    sample = make_sample("cccd_2021", "photo", 5)
    truth = sample.truth
    words = truth["ho_chu_dem_ten"].title().split()
    declared = " ".join([*words[:-1], "Khác" if words[-1] != "Khác" else "Khang"])
    code = desk.cases.intake(dossier_for(truth, declared))
    service = OcrService(desk.cases)
    attachment_id = service.add_attachment(code, sample.data, "the can cuoc.jpg", "the_can_cuoc")
    # Encrypted at rest: the JPEG bytes are nowhere in the home folder.
    home_bytes = b"".join(p.read_bytes() for p in Path(desk.home.root).rglob("*") if p.is_file())
    assert sample.data[:4096] not in home_bytes

    read = service.read_attachment(code, attachment_id)
    assert {"so", "ho_chu_dem_ten", "ngay_sinh", "gioi_tinh"} <= set(read.filled)
    card = card_attachment(desk, code)
    assert card.fields["so"] == truth["so"] and card.provenance["so"] == "qr"
    assert card.provenance["co_gia_tri_den"] == "ocr" and 0 <= card.ocr["co_gia_tri_den"]["confidence"] <= 1
    assert len(card.ocr["so"]["box"]) == 4
    mismatch = open_findings(desk, code)[("NAME_MISMATCH", "applicant.full_name")]
    assert mismatch.severity == "error" and "QR" in mismatch.evidence

    service.correct_field(code, attachment_id, "ho_chu_dem_ten", declared.upper(), reason="đối chiếu thẻ gốc")
    card = card_attachment(desk, code)
    assert card.fields["ho_chu_dem_ten"] == declared.upper() and card.provenance["ho_chu_dem_ten"] == "ocr-edited"
    assert ("NAME_MISMATCH", "applicant.full_name") not in open_findings(desk, code)
    with desk.db.session() as session:
        entries = list(session.execute(select(AuditEntry).where(AuditEntry.entity_id == code)).scalars())
    actions = [e.action for e in entries]
    assert "case.ocr_read" in actions and "case.ocr_corrected" in actions
    corrected = next(e for e in entries if e.action == "case.ocr_corrected")
    assert corrected.details["field"] == "ho_chu_dem_ten"
    assert declared.upper() not in json.dumps(corrected.details, ensure_ascii=False)  # no personal data
    # A value OCR did not read is corrected in the declaration, not here.
    with pytest.raises(InputError):
        service.correct_field(code, card_attachment(desk, code).id - 1, "loai", "x")

    out = tmp_path / "out"
    assert desk.cases.export(out) == [code]
    exported = json.loads((out / code / "application.json").read_text(encoding="utf-8"))
    item = next(a for a in exported["attachments"] if a["doc_type"] == "the_can_cuoc")
    assert item["provenance"]["ho_chu_dem_ten"] == "ocr-edited" and item["provenance"]["so"] == "qr"
    assert item["ocr"]["so"]["page"] == 1
    assert (out / code / item["file"]).read_bytes() == sample.data

    other = open_desk(Home(tmp_path / "other-home"))
    try:
        assert other.cases.import_paths([out]).imported == [code]
        again = tmp_path / "again"
        other.cases.export(again)
        assert json.loads((again / code / "application.json").read_text(encoding="utf-8")) == exported
        imported_card = card_attachment(other, code)
        assert imported_card.provenance["ho_chu_dem_ten"] == "ocr-edited"
    finally:
        other.close()


def _result(confidence: float, born: str) -> OcrResult:
    return OcrResult("the_can_cuoc", 1, {
        "ngay_sinh": OcrField(born, confidence, 1, (10, 20, 100, 30)),
        "gioi_tinh": OcrField("Nam", confidence, 1, (10, 60, 50, 30)),
    })


def test_an_uncertain_read_is_an_info_to_check_and_a_sure_one_an_error(desk: Any) -> None:
    truth = {"ho_chu_dem_ten": "ĐẶNG THỊ MAI", "ngay_sinh": "02/03/1994", "gioi_tinh": "Nữ", "so": "025194001234"}
    dossier = dossier_for(truth)
    dossier["attachments"].append({"doc_type": "the_can_cuoc", "kind": "original", "presented_only": True,
                                   "fields": {"so": "025194001234", "ho_chu_dem_ten": "ĐẶNG THỊ MAI"}})
    code = desk.cases.intake(dossier)
    service = OcrService(desk.cases)
    card = card_attachment(desk, code)
    assert card.provenance == {"so": "typed", "ho_chu_dem_ten": "typed"}  # the default of a counter filing

    service.store_result(code, card.id, _result(0.31, "02/03/1995"))
    found = open_findings(desk, code)
    birth = found[("DATE_INVALID", "applicant.date_of_birth")]
    assert birth.severity == "info" and birth.message_vi.startswith("Cần kiểm tra lại")
    assert "OCR" in birth.evidence and "31%" in birth.evidence
    gender = found[("GENDER_MISMATCH", "applicant.gender")]
    assert gender.severity == "info"
    assert not any(f.severity == "error" for f in found.values())

    service.store_result(code, card.id, _result(0.93, "02/03/1995"))
    found = open_findings(desk, code)
    assert found[("DATE_INVALID", "applicant.date_of_birth")].severity == "error"
    assert "93%" in found[("DATE_INVALID", "applicant.date_of_birth")].evidence
    # The sure "Nam" contradicts the ID number's gender digit: the number's finding says it.
    assert found[("CCCD_GENDER_MISMATCH", "applicant")].severity == "error"
    # Typed values stay: OCR never overwrites what the officer typed.
    assert card_attachment(desk, code).fields["so"] == "025194001234"


def test_failed_reads_and_bad_scans_write_nothing(desk: Any) -> None:
    truth = {"ho_chu_dem_ten": "ĐẶNG THỊ MAI", "ngay_sinh": "02/03/1994", "gioi_tinh": "Nữ", "so": "025194001234"}
    code = desk.cases.intake(dossier_for(truth))
    service = OcrService(desk.cases)
    before = desk.cases.detail(code)
    for data in (b"", b"just text", b"%PDF-1.4 broken"[:3] + b"x"):
        with pytest.raises(InputError):
            service.add_attachment(code, data, "scan.png", "the_can_cuoc")
    attachment_id = service.add_attachment(code, b"%PDF-1.4 not really a pdf", "scan.pdf", "the_can_cuoc")
    after_add = desk.cases.detail(code)
    with pytest.raises(OcrInputError):
        service.read_attachment(code, attachment_id)
    after = desk.cases.detail(code)
    assert len(after.attachments) == len(before.attachments) + 1
    assert after.events == after_add.events and after.dossier == after_add.dossier


def test_scanner_folder_offers_complete_scans_once_and_removes_them_when_stored(desk: Any, tmp_path: Path) -> None:
    truth = {"ho_chu_dem_ten": "ĐẶNG THỊ MAI", "ngay_sinh": "02/03/1994", "gioi_tinh": "Nữ", "so": "025194001234"}
    code = desk.cases.intake(dossier_for(truth))
    service = OcrService(desk.cases)
    inbox = tmp_path / "scans"
    inbox.mkdir()
    now = [100.0]
    folder = ScanFolder(inbox, settle_seconds=1.5, clock=lambda: now[0])
    scan = inbox / "scan-0001.jpg"
    sample = make_sample("giay_chung_sinh", "jpeg", 1)
    scan.write_bytes(sample.data[: len(sample.data) // 2])  # the scanner is still writing
    (inbox / "notes.txt").write_text("not a scan")
    assert folder.poll() == []
    now[0] += 2
    scan.write_bytes(sample.data)  # grew: not complete yet
    assert folder.poll() == []
    now[0] += 2
    assert folder.poll() == [scan]
    assert folder.poll() == []  # offered once
    attachment_id = attach_scan(folder, scan, lambda data, name: service.add_attachment(
        code, data, name, "giay_chung_sinh"))
    assert not scan.exists()  # no plaintext copy left behind
    stored = next(a for a in desk.cases.detail(code).attachments if a.id == attachment_id)
    assert stored.file_name == "scan-0001.jpg" and desk.cases.attachment_bytes(stored.content_sha256) == sample.data
    # A file that is not an image is refused and stays where it was.
    bad = inbox / "broken.png"
    bad.write_bytes(b"nope")
    now[0] += 2
    folder.poll()
    now[0] += 2
    assert folder.poll() == [bad]
    with pytest.raises(InputError):
        attach_scan(folder, bad, lambda data, name: service.add_attachment(code, data, name, "khac"))
    assert bad.exists()
