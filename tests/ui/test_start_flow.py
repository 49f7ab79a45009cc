"""How the window starts (issue 9): the wizard on an empty home, the sign-in dialog on a set-up home, and
the next officer's sign-in after a sign-out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from officer_desk.accounts.roles import Permission
from officer_desk.accounts.service import AuthService, DeskSession
from officer_desk.desk import open_desk
from officer_desk.paths import Home
from officer_desk.ui.app import first_run, sign_in
from officer_desk.ui.tasks import TaskRunner
from tests.helpers.office import OFFICER_PASSWORD, Office


def _answer_modal(qtbot: Any, answer: Any) -> None:
    """Answer the next modal dialog from the event loop that its exec() runs."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        answer(dialog)

    QTimer.singleShot(0, poll)


def test_an_empty_home_starts_with_the_wizard_and_demo_is_a_choice(isolated_home: Home, qtbot: Any) -> None:
    runner = TaskRunner()

    def choose_demo(wizard: Any) -> None:
        assert wizard.objectName() == "setup_wizard"
        wizard.choice.demo.setChecked(True)
        wizard.accept()

    _answer_modal(qtbot, choose_demo)
    assert first_run(runner, None) == "demo"
    _answer_modal(qtbot, lambda wizard: wizard.reject())
    assert first_run(runner, None) == ""  # closed: the program ends, nothing was created


def test_a_set_up_home_signs_in_before_the_window(office: Office, qtbot: Any) -> None:
    runner = TaskRunner()
    assert first_run(runner, None) == "existing"
    desk = open_desk(office.home)
    try:
        session = DeskSession(AuthService(desk.db, desk.config.desk_number))

        def fill(dialog: Any) -> None:
            assert dialog.objectName() == "sign_in_dialog"
            dialog.user_edit.setText("canbo.lan")
            dialog.password_edit.setText(OFFICER_PASSWORD)
            dialog.submit()

        _answer_modal(qtbot, fill)
        assert sign_in(desk, session, runner)
        assert desk.officer == "canbo.lan" and desk.acting.allows(Permission.DOCUMENT_ISSUE)
        _answer_modal(qtbot, lambda dialog: dialog.reject())
        desk.act_as(type(desk.acting).nobody())
        assert not sign_in(desk, session, runner)  # cancelled: nobody acts
        assert not desk.acting.allows(Permission.CASE_VIEW)
    finally:
        runner.wait_for_done(10_000)
        desk.close()
