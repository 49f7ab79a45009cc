"""Reprints on a real office home (demo mode off, the officer's own certificate, the PIN asked in the window):
"print the receipt again" and a notice reopened from the case's documents list are signed through the
window's signing session — never a PIN prompt on a terminal — marked "Bản in lại" and stored as reprints."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

from officer_desk.accounts.roles import Role
from officer_desk.receipts.documents import case_documents
from officer_desk.signing.verify import VALID, verify_pdf
from officer_desk.ui.actions import WindowAction
from tests.helpers.desks import SAMPLE_FINDINGS, add_findings
from tests.helpers.office import Office, import_clean_case
from tests.helpers.signing import PIN, TestPki
from tests.ui.test_office_window import OFFICER_PASSWORD, SignedInWindow


def _text(pdf: bytes, tmp_path: Any) -> str:
    path = tmp_path / "probe.pdf"
    path.write_bytes(pdf)
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed"
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _sign(at_desk: SignedInWindow, qtbot: Any) -> bytes:
    """Answer the PIN dialog if the session asks (it may keep the key open), wait for the preview."""
    from shiboken6 import isValid

    window = at_desk.window

    def preview_open() -> bool:
        dialog = window.active_dialog
        return dialog is not None and isValid(dialog) and dialog.objectName() == "pdf_preview" and dialog.isVisible()

    qtbot.waitUntil(lambda: (window.signing.pins.dialog is not None and window.signing.pins.dialog.isVisible())
                    or preview_open(), timeout=20_000)
    dialog = window.signing.pins.dialog
    if dialog is not None and dialog.isVisible():
        dialog.edit.setText(PIN)
        dialog.accept()
    at_desk.idle(close_preview=False)
    preview = window.active_dialog
    assert preview is not None and preview.objectName() == "pdf_preview"
    pdf = bytes(preview.pdf)
    at_desk.close_preview()
    return pdf


def test_reprints_are_signed_in_the_window_and_marked(office: Office, pki: TestPki, qtbot: Any,
                                                     tmp_path: Any) -> None:
    clean = import_clean_case(office, "0021")
    missing = import_clean_case(office, "0022")
    desk = office.desk("canbo.lan", Role.OFFICER)
    try:
        add_findings(desk, missing, SAMPLE_FINDINGS)
    finally:
        desk.close()
    at_desk = SignedInWindow(office, qtbot, "canbo.lan", OFFICER_PASSWORD)
    try:
        window = at_desk.window
        at_desk.open_case(clean)
        window.action(WindowAction.ACCEPT).trigger()
        first = _sign(at_desk, qtbot)
        window.action(WindowAction.REPRINT_RECEIPT).trigger()
        again = _sign(at_desk, qtbot)
        assert "Bản in lại" not in _text(first, tmp_path) and "Bản in lại" in _text(again, tmp_path)
        report = verify_pdf(again, extra_trust=[pki.root_pem])
        assert report.verdict == VALID, report.reasons

        at_desk.open_case(missing)
        window.action(WindowAction.REQUEST_SUPPLEMENT).trigger()
        qtbot.waitUntil(lambda: window.active_dialog is not None
                        and window.active_dialog.objectName() == "supplement_dialog", timeout=10_000)
        window.active_dialog.accept()
        notice = _sign(at_desk, qtbot)
        original = next(d for d in case_documents(at_desk.desk, missing) if d.doc_type == "supplement")
        window.documents.open_issued(original)  # what Enter on the documents list does
        reprinted = _sign(at_desk, qtbot)
        assert "Bản in lại" not in _text(notice, tmp_path) and "Bản in lại" in _text(reprinted, tmp_path)
        assert verify_pdf(reprinted, extra_trust=[pki.root_pem]).verdict == VALID
        kinds = [(d.doc_type, d.reprint) for d in case_documents(at_desk.desk, missing)]
        assert kinds == [("supplement", False), ("supplement", True)]
    finally:
        at_desk.close()
