"""Result documents (issue 9): the officer previews the result PDF and submits it ("Trình ký"); the
supervisor previews it and signs it with their own certificate (visible stamp); F12 returns the case."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from officer_desk.accounts.certificates import P12Source
from officer_desk.accounts.roles import Actor, ActorKind, ForbiddenError, Role
from officer_desk.accounts.service import AccountService
from officer_desk.cli import main
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action, Status
from officer_desk.receipts import results
from officer_desk.signing import certs
from officer_desk.signing.verify import VALID, verify_pdf
from officer_desk.ui.actions import WindowAction
from tests.helpers.office import SUPERVISOR_PASSWORD, Office, import_clean_case
from tests.helpers.signing import PIN, TestPki, make_receipt_pdf
from tests.ui.test_office_window import OFFICER_PASSWORD, SignedInWindow

W = WindowAction


@pytest.fixture
def case_in_processing(office: Office, pki: TestPki, capsys: pytest.CaptureFixture[str]) -> str:
    code = import_clean_case(office)
    out = office.folder / "receipt.pdf"
    assert main(["receipt", code, "--out", str(out), "--pin-file", str(office.pin), *office.as_officer()]) == 0
    desk = open_desk(office.home, account=Actor("canbo.lan", "Nguyễn Thị Lan", Role.OFFICER, ActorKind.ACCOUNT))
    try:
        desk.cases.transition(code, Action.START_PROCESSING)
    finally:
        desk.close()
    admin = open_desk(office.home, account=Actor("admin", "Quản Trị Viên", Role.ADMINISTRATOR, ActorKind.ACCOUNT))
    try:  # the supervisor's own certificate
        AccountService(admin.db, admin.home, admin.acting).bind_certificate("lanhdao", P12Source(pki.good.p12, PIN))
    finally:
        admin.close()
    capsys.readouterr()
    return code


def test_officer_submits_the_result_and_the_supervisor_signs_it(office: Office, case_in_processing: str,
                                                                  pki: TestPki, qtbot: Any) -> None:
    code = case_in_processing
    result_pdf = office.folder / "ket-qua.pdf"
    result_pdf.write_bytes(make_receipt_pdf(pages=2, text="Giay xac nhan tam tru"))

    officer = SignedInWindow(office, qtbot, "canbo.lan", OFFICER_PASSWORD)
    try:
        assert officer.window.action(W.SIGN_RESULT).isVisible() is False  # an officer does not sign results
        officer.open_case(code)
        officer.window.results.submit_result(str(result_pdf))
        qtbot.waitUntil(lambda: officer.window.active_dialog is not None
                        and officer.window.active_dialog.objectName() == "result_preview", timeout=10_000)
        preview = officer.window.active_dialog
        assert preview.readable and preview.document.pageCount() == 2
        preview.accept()
        qtbot.waitUntil(lambda: officer.desk.cases.detail(code).row.status == Status.AWAITING_SIGNATURE,
                        timeout=10_000)
        with pytest.raises(ForbiddenError):  # the service refuses anyway
            results.sign_result(officer.desk, code, None)  # type: ignore[arg-type]
    finally:
        officer.close()

    supervisor = SignedInWindow(office, qtbot, "lanhdao", SUPERVISOR_PASSWORD)
    try:
        window = supervisor.window
        supervisor.open_case(code)
        assert window.action(W.SIGN_RESULT).isEnabled()
        qtbot.keyClick(window.table, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.active_dialog is not None
                        and window.active_dialog.objectName() == "result_preview", timeout=10_000)
        window.active_dialog.accept()
        dialog = supervisor.pin_dialog()
        dialog.edit.setText(PIN)
        dialog.accept()
        supervisor.idle()
        assert supervisor.desk.cases.detail(code).row.status == Status.RESULT_READY
        signed = results._newest(supervisor.desk, code, results.RESULT)
        report = verify_pdf(signed, extra_trust=[pki.root_pem])
        assert report.verdict == VALID and report.signatures[0].signer == certs.common_name(pki.good.cert)
        # Then the case is returned with the return slip (F12), signed by whoever hands it over.
        supervisor.open_case(code)
        qtbot.keyClick(window.table, Qt.Key.Key_F12)
        dialog = supervisor.pin_dialog()
        dialog.edit.setText(PIN)
        dialog.accept()
        supervisor.idle()
        assert supervisor.desk.cases.detail(code).row.status == Status.RETURNED
    finally:
        supervisor.close()


def test_a_file_that_is_not_a_pdf_cannot_be_submitted(office: Office, case_in_processing: str, qtbot: Any) -> None:
    code = case_in_processing
    bad = office.folder / "ket-qua.pdf"
    bad.write_bytes(b"this is not a PDF")
    officer = SignedInWindow(office, qtbot, "canbo.lan", OFFICER_PASSWORD)
    try:
        officer.open_case(code)
        officer.window.results.submit_result(str(bad))
        qtbot.waitUntil(lambda: officer.window.active_dialog is not None, timeout=10_000)
        assert officer.window.active_dialog.objectName() != "result_preview"  # an error message instead
        assert officer.desk.cases.detail(code).row.status == Status.IN_PROCESSING
    finally:
        officer.close()
