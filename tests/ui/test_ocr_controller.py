"""The window's OCR hook on a real desk: review dialog (read, correct in place), a dropped photo attached."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from officer_desk.errors import InputError
from officer_desk.ocr.samples import make_sample
from officer_desk.ocr.service import OcrService
from officer_desk.ui.controllers.ocr import OcrController, OcrReviewDialog
from tests.helpers.environment import require_or_skip


def dossier() -> dict[str, Any]:
    return {
        "procedure_code": "1.004194", "received_at": "27/11/2026 08:45", "channel": "truc_tiep",
        "applicant": {"full_name": "Đặng Thị Mai", "date_of_birth": "02/03/1994", "gender": "Nữ", "id_type": "CCCD",
                      "id_number": "025194001234"},
        "form": {"noi_tam_tru": "phường Vĩnh Yên", "thoi_han_tam_tru_den": "27/11/2027", "y_kien_chu_so_huu": "Đồng ý"},
        "attachments": [{"doc_type": "to_khai_ct01", "kind": "original"}],
    }


def test_review_dialog_reads_and_a_correction_lands_in_the_case(qtbot: Any, empty_desk: Any,
                                                                sync_runner: Any) -> None:
    require_or_skip(shutil.which("tesseract") is not None, "Tesseract")
    sample = make_sample("giay_xac_nhan_tthn", "clean", 4)
    code = empty_desk.cases.intake(dossier())
    service = OcrService(empty_desk.cases)
    attachment_id = service.add_attachment(code, sample.data, "tthn.png", "giay_xac_nhan_tthn")
    attachment = next(a for a in empty_desk.cases.detail(code).attachments if a.id == attachment_id)
    dialog = OcrReviewDialog(service, sync_runner, code, attachment)
    qtbot.addWidget(dialog)
    assert len(dialog.pages) == 1 and dialog.review.table.rowCount() == 0
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    dialog.read()
    qtbot.waitUntil(lambda: dialog.review.table.rowCount() >= 3, timeout=20_000)
    names = [row.name for row in dialog.review.rows()]
    row = names.index("ho_ten")
    assert dialog.review.rows()[row].value == sample.truth["ho_ten"]
    dialog.review.table.setCurrentCell(row, 1)
    assert dialog.review.page_view.highlight() is not None
    dialog.review.table.item(row, 1).setText("Đoàn Thị Mơ")
    qtbot.waitUntil(lambda: len(changed) >= 2, timeout=5000)
    stored = next(a for a in empty_desk.cases.detail(code).attachments if a.id == attachment_id)
    assert stored.fields["ho_ten"] == "Đoàn Thị Mơ" and stored.provenance["ho_ten"] == "ocr-edited"
    assert dialog.errors == []


def test_a_dropped_photo_is_attached_and_read_and_a_text_file_is_refused(qtbot: Any, empty_desk: Any,
                                                                           sync_runner: Any, tmp_path: Path) -> None:
    require_or_skip(shutil.which("tesseract") is not None, "Tesseract")
    code = empty_desk.cases.intake(dossier())
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[object] = []
    controller = OcrController(empty_desk, sync_runner, parent, lambda: (code, "truc_tiep"), errors.append)
    photo = tmp_path / "photo.jpg"
    sample = make_sample("cccd_2024", "photo", 9)
    photo.write_bytes(sample.data)
    note = tmp_path / "note.txt"
    note.write_text("not a photo")
    before = len(empty_desk.cases.detail(code).attachments)
    controller.attach_files([str(photo), str(note)])
    detail = empty_desk.cases.detail(code)
    assert len(detail.attachments) == before + 1
    card = detail.attachments[-1]
    assert card.doc_type == "the_can_cuoc" and card.fields["so"] == sample.truth["so"]
    assert len(errors) == 1 and isinstance(errors[0], InputError)
