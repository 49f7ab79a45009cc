"""The verification dialog (signed PDF, tampered copy, not a PDF, receipt QR text) and the procedure assistant."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from officer_desk.ui.assistant_panel import AssistantPanel
from officer_desk.ui.verify_dialog import VerifyDialog

CONTENT = b"Giay bien nhan thu nghiem"


def one_page_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0)  # uncompressed: the tamper test finds the text
    page.drawString(72, 720, CONTENT.decode())
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture
def signed_pdf(empty_desk: Any) -> bytes:
    from officer_desk.signing.demo_ca import create_demo_ca
    from officer_desk.signing.pades import load_desk_signer

    create_demo_ca(empty_desk.home)
    with load_desk_signer(empty_desk.home) as session:
        return bytes(session.sign(one_page_pdf()))


@pytest.fixture
def verify_dialog(empty_desk: Any, sync_runner: Any, qtbot: Any) -> VerifyDialog:
    dialog = VerifyDialog(empty_desk, sync_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_signed_pdf_is_valid(verify_dialog: VerifyDialog, signed_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_pdf)
    verify_dialog.verify_file(path)
    assert verify_dialog.verdict_label.text() == "Hợp lệ"
    assert verify_dialog.verdict_label.property("verdict") == "valid"
    assert verify_dialog.choose_button.isEnabled()
    report = verify_dialog.last_result
    assert len(report.signatures) == 1
    text = verify_dialog.details.toPlainText()
    assert report.signatures[0].signer and report.signatures[0].signer in text


def test_tampered_copy_is_invalid(verify_dialog: VerifyDialog, signed_pdf: bytes, tmp_path: Path) -> None:
    offset = signed_pdf.index(CONTENT)  # the page text lies inside the first signed byte range
    tampered = bytearray(signed_pdf)
    tampered[offset] ^= 0x01
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bytes(tampered))
    verify_dialog.verify_file(path)
    assert verify_dialog.verdict_label.text() == "Không hợp lệ"
    assert verify_dialog.verdict_label.property("verdict") == "invalid"


def test_field_changed_after_signing_lists_the_change(
    verify_dialog: VerifyDialog, empty_desk: Any, tmp_path: Path
) -> None:
    """Issue 16: a form value changed after signing is "modified after signing", with the list shown."""
    from officer_desk.signing.demo_ca import create_demo_ca
    from officer_desk.signing.pades import load_desk_signer
    from tests.helpers import pdf_attacks

    create_demo_ca(empty_desk.home)
    with load_desk_signer(empty_desk.home) as signer:
        signed = signer.sign(pdf_attacks.form_pdf())
    path = tmp_path / "changed.pdf"
    path.write_bytes(pdf_attacks.change_field_value(signed))
    verify_dialog.verify_file(path)
    assert verify_dialog.verdict_label.property("verdict") == "invalid"
    text = verify_dialog.details.toPlainText()
    assert "Modified after signing" in text  # the tests run the window untranslated (Qt source texts)
    assert "Ô biểu mẫu amount: giá trị bị đổi" in text


def test_not_a_pdf_and_missing_file_are_messages(verify_dialog: VerifyDialog, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a PDF", encoding="utf-8")
    verify_dialog.verify_file(path)
    assert verify_dialog.verdict_label.property("verdict") == "unreadable"
    assert verify_dialog.message_label.text()
    verify_dialog.verify_file(tmp_path / "missing.pdf")  # OSError on the pool -> a message, not a traceback
    assert verify_dialog.verdict_label.property("verdict") == "unreadable"
    assert verify_dialog.message_label.text()
    assert verify_dialog.choose_button.isEnabled()


def test_pasted_receipt_text_that_is_not_ours(verify_dialog: VerifyDialog, qtbot: Any) -> None:
    verify_dialog.payload_edit.setText("ODR1:not-a-real-payload")
    qtbot.keyClick(verify_dialog.payload_edit, Qt.Key.Key_Return)
    assert verify_dialog.verdict_label.property("verdict") in ("tampered", "not_ours")
    assert verify_dialog.verdict_label.text()


def test_window_opens_the_verify_dialog(empty_desk: Any, make_window: Any, signed_pdf: bytes,
                                        tmp_path: Path) -> None:
    window = make_window(empty_desk)
    assert window.verify_action.shortcut().toString() == "Ctrl+Shift+V"
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_pdf)
    window.documents.verify_document(str(path))
    dialog = window.active_dialog
    assert isinstance(dialog, VerifyDialog)
    assert dialog.verdict_label.text() == "Hợp lệ"
    dialog.reject()


def test_assistant_answers_birth_registration_first(empty_desk: Any, make_window: Any, qtbot: Any) -> None:
    window = make_window(empty_desk)
    panel: AssistantPanel = window.assistant
    assert not panel.isVisible()
    window.assistant_action.trigger()
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.question_edit.hasFocus(), timeout=2000)
    with qtbot.waitSignal(panel.answered, timeout=3000):
        qtbot.keyClicks(panel.question_edit, "lam giay khai sinh can gi")
    assert panel.answers and panel.answers[0].code == "1.001193"
    details = panel.details.toPlainText()
    assert panel.answers[0].name in details and panel.answers[0].documents[0] in details
    assert panel.intake_button.isEnabled()
    qtbot.mouseClick(panel.intake_button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert dialog is not None and dialog.procedure is not None and dialog.procedure.code == "1.001193"
    dialog.reject()
