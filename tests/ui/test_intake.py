"""New dossier at the counter: procedure search, CCCD QR scan, inline validation, saving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDropEvent

from officer_desk.ui.intake import IntakeDialog, tax_code_valid

QR = "025194001234|123456789|Đặng Thị Mai|02031994|Nữ|Phường Vĩnh Yên, Tỉnh Phú Thọ|15082021"


@pytest.fixture
def intake(empty_desk: Any, sync_runner: Any, qtbot: Any) -> IntakeDialog:
    dialog = IntakeDialog(empty_desk, sync_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: IntakeDialog, qtbot: Any, text: str) -> None:
    dialog.picker.search.setFocus()
    qtbot.keyClicks(dialog.picker.search, text)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)


def test_procedure_search_is_diacritics_insensitive_and_ranks_names(intake: IntakeDialog, qtbot: Any) -> None:
    choose(intake, qtbot, "dang ky khai sinh")
    assert intake.procedure is not None and intake.procedure.code == "1.001193"
    intake.picker.search.clear()
    choose(intake, qtbot, "1.004194")
    assert intake.procedure.code == "1.004194"
    assert intake.checklist.topLevelItemCount() == len(intake.procedure.documents)
    assert any(key.startswith("form.") for key in intake.editors)


def test_scanned_cccd_qr_fills_the_applicant(intake: IntakeDialog, qtbot: Any) -> None:
    choose(intake, qtbot, "khai sinh")
    # A keyboard-wedge scanner types into whatever field has the focus (here: the phone field).
    phone = intake.editors["applicant.phone"].widget
    phone.setFocus()
    phone.insert(QR)  # the scanner's burst of characters
    qtbot.waitUntil(lambda: intake.editors["applicant.full_name"].value() == "Đặng Thị Mai", timeout=2000)
    values = {key: intake.editors[f"applicant.{key}"].value()
              for key in ("full_name", "date_of_birth", "gender", "id_type", "id_number", "address", "phone")}
    assert values == {"full_name": "Đặng Thị Mai", "date_of_birth": "02/03/1994", "gender": "Nữ", "id_type": "CCCD",
                      "id_number": "025194001234", "address": "Phường Vĩnh Yên, Tỉnh Phú Thọ", "phone": ""}
    assert not intake.editors["applicant.id_number"].error.isVisibleTo(intake)


def test_scan_ending_with_enter_in_the_scan_field(intake: IntakeDialog, qtbot: Any) -> None:
    intake.scan_edit.setFocus()
    intake.scan_edit.insert(QR.replace("Đặng Thị Mai", "Dang Thi Mai"))
    qtbot.keyClick(intake.scan_edit, Qt.Key.Key_Return)
    assert intake.editors["applicant.full_name"].value() == "Dang Thi Mai"
    assert intake.scan_edit.text() == ""


def test_bad_id_number_is_rejected_inline(intake: IntakeDialog, qtbot: Any) -> None:
    choose(intake, qtbot, "khai sinh")
    editor = intake.editors["applicant.id_number"]
    editor.widget.setFocus()
    qtbot.keyClicks(editor.widget, "02519400123")  # 11 digits
    qtbot.keyClick(editor.widget, Qt.Key.Key_Tab)  # leaving the field validates it
    assert editor.error.isVisibleTo(intake) and "12" in editor.error.text()
    editor.widget.setText("003194001234")  # unknown province code
    intake.validate(editor)
    assert "003" in editor.error.text()
    intake.editors["applicant.date_of_birth"].set_value("02/03/1994")
    intake.editors["applicant.gender"].set_value("Nam")
    editor.widget.setText("025194001234")  # odd 4th digit = female
    intake.validate(editor)
    assert editor.error.isVisibleTo(intake)
    intake.editors["applicant.gender"].set_value("Nữ")
    assert not editor.error.isVisibleTo(intake)
    # Saving with errors keeps the dialog open and focuses the first bad field.
    editor.widget.setText("12")
    intake.save()
    assert intake.isVisible() and intake.message.text()
    assert empty_count(intake) == 0


def empty_count(dialog: IntakeDialog) -> int:
    from officer_desk.cases import QueueFilter

    return dialog.desk.cases.count(QueueFilter())


def test_save_creates_the_case_with_checklist_and_scan(intake: IntakeDialog, qtbot: Any, tmp_path: Path) -> None:
    choose(intake, qtbot, "dang ky khai sinh")
    intake.scan_edit.insert(QR)
    intake.scanner.flush()
    intake.editors["applicant.phone"].set_value("0912 345 678")
    for editor in intake.editors.values():
        if editor.key.startswith("form.") and editor.required:
            editor.set_value({"date": "01/11/2026", "choice": "Nữ", "name": "Đặng Minh An"}.get(editor.kind, "x")
                             if editor.kind != "choice" else editor.widget.itemText(1))
    scan = tmp_path / "giay-chung-sinh.png"
    from PySide6.QtGui import QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    image.save(str(scan))
    # Drop the scan on the second row (medical birth certificate).
    row = intake.checklist.topLevelItem(1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    position = intake.checklist.visualItemRect(row).center()
    drop = QDropEvent(position.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    intake.checklist.dropEvent(drop)
    assert intake.files.get(1) == scan and row.checkState(0) == Qt.CheckState.Checked
    intake.checklist.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    created: list[str] = []
    intake.case_created.connect(created.append)
    qtbot.keyClick(intake, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert created, intake.message.text()
    detail = intake.desk.cases.detail(created[0])
    assert detail.row.applicant_name == "Đặng Thị Mai" and detail.row.status == "received"
    assert detail.dossier["applicant"]["id_number"] == "025194001234"
    files = [a for a in detail.attachments if a.file_name]
    assert len(files) == 1 and intake.desk.cases.attachment_bytes(files[0].content_sha256) == scan.read_bytes()
    assert not (intake.desk.home.root / "tmp").exists() or not any((intake.desk.home.root / "tmp").iterdir())


def test_tax_code_check_digit() -> None:
    assert tax_code_valid("0100109106")
    assert tax_code_valid("0100109106-001")
    assert not tax_code_valid("0100109107")
    assert not tax_code_valid("123")


@pytest.mark.parametrize("written", ["0084912345678", "+84 (0) 912 345 678"])
def test_the_form_accepts_the_phone_forms_the_engine_accepts(intake: IntakeDialog, written: str) -> None:
    editor = intake.editors["applicant.phone"]
    editor.set_value(written)
    assert intake.problem(editor) == ""
    editor.set_value("0168 123 4567")  # an 11-digit number retired in 2018: the rule's own message
    assert intake.problem(editor) == "Số điện thoại không hợp lệ (di động 10 số hoặc cố định 11 số)"
