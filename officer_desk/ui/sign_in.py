"""Sign-in on a set-up desk: the dialog at start, and the password check the lock screen shares.

The password is checked by ``accounts.AuthService`` on a worker (Argon2id costs ~150 ms, and after wrong
passwords the core waits longer each time); the dialog stays responsive and says how long the wait is
now, so an officer does not think the desk hangs. The password leaves the field as soon as it is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from officer_desk.accounts.passwords import failure_delay
from officer_desk.accounts.roles import Actor, AuthError
from officer_desk.ui.dialogs import describe_error
from officer_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the accounts service imports pyHanko (certificates): not before the first queue page
    from officer_desk.accounts.service import DeskSession


def failure_text(widget: QWidget, failures: int, message: str) -> str:
    """The core's message plus, after wrong passwords in a row, how long the next answer waits."""
    wait = failure_delay(failures)
    if failures <= 0 or wait <= 0:
        return message
    return QCoreApplication.translate("SignIn", "{message} Wrong passwords in a row: {count}; the desk now waits "
                                      "{seconds} s before answering, longer after each wrong one.").format(
        message=message, count=failures, seconds=f"{wait:g}")


class PasswordCheck:
    """Runs one sign-in or unlock on the runner and reports to the GUI thread; counts failures in a row."""

    def __init__(self, runner: TaskRunner, owner: QWidget) -> None:
        self.runner = runner
        self.owner = owner
        self.failures = 0
        self.running = False

    def run(self, call: Callable[[], Actor], ok: Callable[[Actor], None], failed: Callable[[str], None]) -> None:
        if self.running:
            return
        self.running = True

        def done(actor: Actor) -> None:
            self.running = False
            self.failures = 0
            ok(actor)

        def error(exc: object) -> None:
            self.running = False
            if isinstance(exc, AuthError):
                self.failures += 1
                failed(failure_text(self.owner, self.failures, exc.message))
            elif isinstance(exc, BaseException):
                failed(describe_error(exc)[0])

        self.runner.submit(call, done, error, owner=self.owner)


class SignInDialog(QDialog):
    """User name and password; accepted once the core signed the account in (``self.actor``)."""

    signed_in = Signal(object)  # Actor

    def __init__(self, session: DeskSession, runner: TaskRunner, office: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.actor: Actor | None = None
        self.check = PasswordCheck(runner, self)
        self.setObjectName("sign_in_dialog")
        self.setWindowTitle(self.tr("Sign in — Officer Desk"))
        layout = QVBoxLayout(self)
        if office:
            title = QLabel(office)
            title.setStyleSheet("font-weight: 600;")
            layout.addWidget(title)
        form = QFormLayout()
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("user_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.user_edit.setFocus()
        self.setMinimumWidth(380)

    def submit(self) -> None:
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not user or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        self.password_edit.clear()
        self.message.setText(self.tr("Checking…"))
        self.buttons.setEnabled(False)

        def ok(actor: Actor) -> None:
            self.actor = actor
            self.signed_in.emit(actor)
            self.accept()

        def failed(text: str) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(text)
            self.password_edit.setFocus()

        self.check.run(lambda: self.session.sign_in(user, password), ok, failed)

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
