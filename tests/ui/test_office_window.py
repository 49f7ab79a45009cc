"""The window on a set-up office home (demo mode off, a test CA that is not the demo CA; issue 9).

Set up → sign in → accept a case → the PIN dialog appears on the GUI thread, asked from the signing
worker, and the test answers it → the receipt is signed by the officer's own certificate. Cancel, wrong
PINs, wrong passwords, roles, the lock, and double F2 (one receipt, one print job).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from officer_desk.accounts.roles import Permission, Role
from officer_desk.accounts.service import AuthService, DeskSession
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Status
from officer_desk.models import SignedDocument
from officer_desk.receipts.service import stored_document
from officer_desk.signing import certs
from officer_desk.signing.verify import VALID, verify_pdf
from officer_desk.ui.actions import WindowAction
from tests.helpers.office import OFFICER_PASSWORD, SUPERVISOR_PASSWORD, Office, import_clean_case
from tests.helpers.signing import PIN, TestPki

W = WindowAction


class SignedInWindow:
    """A window over the office home, signed in through the sign-in dialog (threaded runner)."""

    def __init__(self, office: Office, qtbot: Any, user: str, password: str) -> None:
        from officer_desk.ui.main_window import MainWindow
        from officer_desk.ui.sign_in import SignInDialog
        from officer_desk.ui.tasks import TaskRunner

        self.desk = open_desk(office.home)
        assert self.desk.set_up and not self.desk.acting.allows(Permission.CASE_VIEW)  # nobody acts before the sign-in
        self.runner = TaskRunner()
        self.session = DeskSession(AuthService(self.desk.db, self.desk.config.desk_number))
        dialog = SignInDialog(self.session, self.runner, self.desk.config.agency_name)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.user_edit.setText(user)
        dialog.password_edit.setText(password)
        with qtbot.waitSignal(dialog.signed_in, timeout=10_000) as signed:
            dialog.submit()
        self.desk.act_as(signed.args[0])
        self.window = MainWindow(self.desk, self.runner, session=self.session)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.qtbot = qtbot

    def open_case(self, code: str) -> None:
        from PySide6.QtWidgets import QApplication

        # Keys go to the active window (the PIN dialog of a previous F2 may have held the focus).
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=5_000)
        self.window.open_case_by_code(code)
        self.qtbot.waitUntil(lambda: self.window.detail is not None and self.window.detail.row.dossier_code == code,
                             timeout=10_000)

    def pin_dialog(self) -> Any:
        pins = self.window.signing.pins
        self.qtbot.waitUntil(lambda: pins.dialog is not None and pins.dialog.isVisible(), timeout=15_000)
        return pins.dialog

    def idle(self, close_preview: bool = True) -> None:
        self.qtbot.waitUntil(lambda: not self.window.signing.busy and self.runner.pending() == 0, timeout=20_000)
        if close_preview:
            self.close_preview()

    def close_preview(self) -> None:
        """Close the preview an issued document opens in (issue 10), as the officer does after looking."""
        from shiboken6 import isValid

        dialog = self.window.active_dialog
        if dialog is not None and isValid(dialog) and dialog.objectName() == "pdf_preview" and dialog.isVisible():
            dialog.reject()

    def close(self) -> None:
        self.window.close()
        self.runner.wait_for_done(20_000)
        self.desk.close()


@pytest.fixture
def officer_at_desk(office: Office, qtbot: Any) -> Iterator[tuple[SignedInWindow, str]]:
    code = import_clean_case(office)
    at_desk = SignedInWindow(office, qtbot, "canbo.lan", OFFICER_PASSWORD)
    yield at_desk, code
    at_desk.close()


def _receipts(desk: Any) -> int:
    with desk.db.session() as session:
        return int(session.execute(select(func.count()).select_from(SignedDocument)
                                   .where(SignedDocument.doc_type == "receipt")).scalar_one())


def test_f2_asks_the_pin_and_signs_with_the_officers_own_certificate(officer_at_desk: Any, pki: TestPki,
                                                                     qtbot: Any) -> None:
    at_desk, code = officer_at_desk
    window = at_desk.window
    assert "Nguyễn Thị Lan" in window.status.officer_label.text()  # the account, never the OS user
    at_desk.open_case(code)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    dialog = at_desk.pin_dialog()
    # While the worker waits for the PIN the window is not blocked: busy text shown, signing actions off.
    assert window.signing.busy_label.isVisible() and code in window.signing.busy_label.text()
    assert not window.action(W.ACCEPT).isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)  # a second F2 while the first is in flight: ignored
    dialog.edit.setText(PIN)
    dialog.accept()
    at_desk.idle()
    detail = at_desk.desk.cases.detail(code)
    assert detail.row.status == Status.ACCEPTED and detail.register_number is not None
    pdf = stored_document(at_desk.desk, code, "receipt")
    report = verify_pdf(pdf, extra_trust=[pki.root_pem])
    assert report.verdict == VALID, report.reasons
    assert report.signatures[0].signer == certs.common_name(pki.ec.cert)  # the officer's own key
    demo_root = at_desk.desk.home.demo / "demo-root.pem"
    assert not demo_root.exists()  # demo mode is off on this home
    assert _receipts(at_desk.desk) == 1
    assert not window.signing.busy_label.isVisible()


def test_cancel_at_the_pin_dialog_leaves_the_case_unchanged(officer_at_desk: Any, qtbot: Any) -> None:
    at_desk, code = officer_at_desk
    at_desk.open_case(code)
    version = at_desk.window.detail.version
    qtbot.keyClick(at_desk.window.table, Qt.Key.Key_F2)
    at_desk.pin_dialog().reject()
    at_desk.idle()
    detail = at_desk.desk.cases.detail(code)
    assert detail.row.status == Status.RECEIVED and detail.version == version
    assert detail.register_number is None and detail.receipt_issued_at is None
    assert _receipts(at_desk.desk) == 0
    assert at_desk.window.action(W.ACCEPT).isEnabled()  # the officer can try again


def test_wrong_password_is_asked_again_in_words_then_nothing_is_issued(officer_at_desk: Any, qtbot: Any) -> None:
    at_desk, code = officer_at_desk
    at_desk.open_case(code)
    qtbot.keyClick(at_desk.window.table, Qt.Key.Key_F2)
    notes = []
    for _attempt in range(3):
        dialog = at_desk.pin_dialog()
        notes.append(dialog.note.text())
        dialog.edit.setText("not-the-pin")
        dialog.accept()
        qtbot.waitUntil(lambda d=dialog: at_desk.window.signing.pins.dialog is not d, timeout=10_000)
    at_desk.idle()
    assert notes[0] == "" and notes[1] and notes[2]  # later questions say the PIN just entered was wrong
    box = at_desk.window.active_dialog
    assert isinstance(box, QMessageBox) and box.text() and "Traceback" not in box.detailedText()
    detail = at_desk.desk.cases.detail(code)
    assert detail.row.status == Status.RECEIVED and detail.register_number is None
    assert _receipts(at_desk.desk) == 0


def test_issued_receipt_is_returned_again_never_issued_or_printed_twice(officer_at_desk: Any, qtbot: Any,
                                                                        monkeypatch: Any) -> None:
    at_desk, code = officer_at_desk
    window = at_desk.window
    at_desk.open_case(code)
    stale = window.detail  # what a double click saw before the first F2 finished
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    dialog = at_desk.pin_dialog()
    dialog.edit.setText(PIN)
    dialog.accept()
    at_desk.idle()
    # A retry from a stale view (the case panel still showed "received"): the stored receipt comes back.
    window.case_panel.detail = stale
    window.case_controller.accept_case()
    at_desk.idle()
    assert window.signing.pins.dialog is None  # no key opened, no PIN asked for a document that exists
    assert _receipts(at_desk.desk) == 1  # printing once is the CUPS test below


def test_a_plain_officer_does_not_see_what_the_role_cannot_do(office: Office, qtbot: Any) -> None:
    officer = SignedInWindow(office, qtbot, "canbo.lan", OFFICER_PASSWORD)
    try:
        assert not officer.window.action(W.REFUSE).isVisible()
        assert not officer.window.action(W.ASSIGN_TO).isVisible()
        assert officer.window.action(W.ACCEPT).isVisible()
        assert officer.desk.acting.role == Role.OFFICER
    finally:
        officer.close()
    supervisor = SignedInWindow(office, qtbot, "lanhdao", SUPERVISOR_PASSWORD)
    try:
        assert supervisor.window.action(W.REFUSE).isVisible()
        assert supervisor.window.action(W.ASSIGN_TO).isVisible()
    finally:
        supervisor.close()


def test_wrong_password_at_sign_in_says_so_and_slows_down(office: Office, qtbot: Any) -> None:
    from officer_desk.ui.sign_in import SignInDialog
    from officer_desk.ui.tasks import TaskRunner

    desk = open_desk(office.home)
    runner = TaskRunner()
    try:
        session = DeskSession(AuthService(desk.db, desk.config.desk_number))
        dialog = SignInDialog(session, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        for attempt in (1, 2):
            dialog.user_edit.setText("canbo.lan")
            dialog.password_edit.setText("wrong-password")
            dialog.submit()
            assert dialog.password_edit.text() == ""  # the password left the field at once
            qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
            assert "Sai" in dialog.message.text() and str(attempt) in dialog.message.text()
        assert dialog.actor is None and session.current is None
    finally:
        runner.wait_for_done(10_000)
        desk.close()


def test_ctrl_l_hides_the_queue_until_the_password(officer_at_desk: Any, qtbot: Any) -> None:
    at_desk, _code = officer_at_desk
    window = at_desk.window
    qtbot.keyClick(window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.lock.locked and not window.queue.isVisible() and window.lock.page.isVisible()
    assert not window.action(W.ACCEPT).isEnabled()
    window.update_actions()  # a case loaded meanwhile does not bring the actions back
    assert not window.action(W.ACCEPT).isEnabled() and not window.action(W.SEARCH).isEnabled()
    page = window.lock.page
    page.password_edit.setText("wrong-password")
    page.unlock_button.click()
    qtbot.waitUntil(lambda: "Sai" in page.message.text(), timeout=10_000)
    assert window.lock.locked
    page.password_edit.setText(OFFICER_PASSWORD)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=10_000)
    assert window.queue.isVisible() and window.action(W.SEARCH).isEnabled()


def test_double_f2_prints_one_receipt_on_a_cups_printer(office: Office, qtbot: Any, monkeypatch: Any,
                                                        cups_queue: Any) -> None:
    """Two F2 in a row and a retry from a stale view: one receipt stored, one print job (two copies)."""
    from dataclasses import replace

    from officer_desk.ui.printing import DocumentPrinter

    monkeypatch.setattr(DocumentPrinter, "printer_names", staticmethod(lambda: [cups_queue.name]))
    code = import_clean_case(office)
    at_desk = SignedInWindow(office, qtbot, "canbo.lan", OFFICER_PASSWORD)
    try:
        at_desk.desk.config = replace(at_desk.desk.config, printer=cups_queue.name)
        window = at_desk.window
        at_desk.open_case(code)
        stale = window.detail
        before = cups_queue.outputs()
        qtbot.keyClick(window.table, Qt.Key.Key_F2)
        qtbot.keyClick(window.table, Qt.Key.Key_F2)  # the double press
        dialog = at_desk.pin_dialog()
        dialog.edit.setText(PIN)
        dialog.accept()
        at_desk.idle(close_preview=False)
        preview = window.active_dialog  # the issued receipt, previewed before printing (issue 10)
        assert preview is not None and preview.objectName() == "pdf_preview"
        preview.print_button.click()
        at_desk.close_preview()
        window.case_panel.detail = stale
        window.case_controller.accept_case()  # the retry: the stored receipt again, printed only on request
        at_desk.idle()
        printed = cups_queue.wait_for_new_output(before)
        assert cups_queue.no_new_output(before | {printed})
        assert _receipts(at_desk.desk) == 1
    finally:
        at_desk.close()


def test_idle_time_locks_the_desk(officer_at_desk: Any, qtbot: Any) -> None:
    at_desk, _code = officer_at_desk
    lock = at_desk.window.lock
    assert lock.idle.isActive() and lock.idle.interval() == at_desk.desk.config.idle_lock_minutes * 60_000
    lock.idle.setInterval(100)  # the configured minutes, shortened for the test
    lock.idle.start()
    qtbot.waitUntil(lambda: lock.locked, timeout=5_000)
    assert not at_desk.window.queue.isVisible() and not at_desk.window.signing.session.is_open


def test_an_administrator_backs_up_the_desk_from_the_window(office: Office, qtbot: Any, tmp_path: Any) -> None:
    from tests.helpers.office import ADMIN_PASSWORD

    officer = SignedInWindow(office, qtbot, "canbo.lan", OFFICER_PASSWORD)
    try:
        assert not officer.window.action(W.BACKUP).isVisible()
    finally:
        officer.close()
    admin = SignedInWindow(office, qtbot, "admin", ADMIN_PASSWORD)
    try:
        assert admin.window.action(W.BACKUP).isVisible()
        target = tmp_path / "desk.odbackup"
        admin.window.back_up(str(target))
        qtbot.waitUntil(lambda: "desk.odbackup" in admin.window.statusBar().currentMessage(), timeout=30_000)
        assert target.stat().st_size > 0
    finally:
        admin.close()


def test_a_certificate_expired_since_it_was_bound_is_refused_in_words(officer_at_desk: Any, qtbot: Any,
                                                                      monkeypatch: Any) -> None:
    """Two years later the officer's certificate (one year) has expired: F2 says so and issues nothing."""
    from datetime import timedelta

    from officer_desk.signing import certs as signing_certs

    real_now = signing_certs.now_utc
    monkeypatch.setattr(signing_certs, "now_utc", lambda: real_now() + timedelta(days=730))
    at_desk, code = officer_at_desk
    at_desk.open_case(code)
    qtbot.keyClick(at_desk.window.table, Qt.Key.Key_F2)
    dialog = at_desk.pin_dialog()
    dialog.edit.setText(PIN)
    dialog.accept()
    at_desk.idle()
    box = at_desk.window.active_dialog
    assert isinstance(box, QMessageBox) and "hết hạn" in box.text(), box.text()  # expired, in words
    detail = at_desk.desk.cases.detail(code)
    assert detail.row.status == Status.RECEIVED and detail.register_number is None
    assert _receipts(at_desk.desk) == 0
