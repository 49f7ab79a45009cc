"""The desk locks: Ctrl+L or after the configured idle time; the queue is hidden until the password is given.

Only on a set-up desk (someone signed in). Locking ends the signing session (a token logs out, a waiting
PIN question is cancelled) and is audited by the core (``DeskSession.lock``). Unlocking checks the same
account's password through the core, with its progressive slow-down. Signing out also closes the window's
session and asks the next officer to sign in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk.accounts.roles import Actor
from officer_desk.desk import Desk
from officer_desk.ui.controllers.signing import SigningController
from officer_desk.ui.sign_in import PasswordCheck
from officer_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the accounts service imports pyHanko (certificates): not before the first queue page
    from officer_desk.accounts.service import DeskSession


class LockableWindow(Protocol):
    """What the lock needs from the main window (a protocol: no import cycle with the window)."""

    desk: Desk
    desk_session: DeskSession | None
    runner: TaskRunner
    signing: SigningController
    queue: Any  # the queue panel: hidden with the central widget; its filter bar is a tool bar
    assistant: QWidget
    actions_by_key: Mapping[Any, QAction]
    sign_out_requested: SignalInstance

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name
    def takeCentralWidget(self) -> QWidget | None: ...  # noqa: N802
    def setCentralWidget(self, widget: QWidget) -> None: ...  # noqa: N802
    def update_actions(self) -> None: ...
    def focus_queue(self) -> None: ...
    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None) -> None: ...

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class LockPage(QWidget):
    """What a locked desk shows: who holds it and a password field; nothing of the queue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("lock_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        outer.addWidget(self.title)
        row = QHBoxLayout()
        row.addStretch(1)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("unlock_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.setMinimumWidth(260)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.switch_button = QPushButton(self.tr("Sign in as someone else"))
        self.switch_button.setObjectName("switch_user_button")
        row.addWidget(self.password_edit)
        row.addWidget(self.unlock_button)
        row.addWidget(self.switch_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #b00020;")
        outer.addWidget(self.message)
        outer.addStretch(2)


class LockController(QObject):
    """Locks and unlocks the window; watches the officer's activity for the idle lock."""

    locked_changed = Signal(bool)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window: LockableWindow = window  # type: ignore[assignment]  # MainWindow satisfies it
        self.locked = False
        self.page = LockPage()
        self.check = PasswordCheck(self.window.runner, self.page)
        self.page.unlock_button.clicked.connect(self.unlock)
        self.page.password_edit.returnPressed.connect(self.unlock)
        self.page.switch_button.clicked.connect(self.sign_out)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.stack: QStackedWidget | None = None

    @property
    def session_active(self) -> bool:
        session = self.window.desk_session
        return session is not None and session.current is not None

    def install(self) -> None:
        """Put the lock page beside the desk's central widget; start watching for idleness."""
        stack = QStackedWidget()
        stack.setObjectName("desk_stack")
        central = self.window.takeCentralWidget()
        if central is not None:
            stack.addWidget(central)
        stack.addWidget(self.page)
        self.window.setCentralWidget(stack)
        self.stack = stack
        minutes = int(self.window.desk.config.idle_lock_minutes or 0)
        if self.session_active and minutes > 0:
            self.idle.setInterval(minutes * 60_000)
            self.idle.start()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and not self.locked and self.idle.interval() > 0:
            self.idle.start()  # restart the countdown: the officer is at the desk
        return False

    def _show_locked(self, locked: bool) -> None:
        window = self.window
        self.locked = locked
        if self.stack is not None:
            self.stack.setCurrentIndex(1 if locked else 0)
        window.menuBar().setEnabled(not locked)
        window.queue.filter_bar.setVisible(not locked)
        if locked:
            window.assistant.hide()
        window.update_actions()  # all off while locked; back by their predicates after
        self.locked_changed.emit(locked)

    def lock(self) -> None:
        session = self.window.desk_session
        if session is None or session.current is None or self.locked:
            return
        self.window.signing.end_session()
        name = session.current.display_name
        self.window.run(session.lock)
        self.page.title.setText(self.tr("The desk is locked by {name}.").format(name=name))
        self.page.message.clear()
        self.page.password_edit.clear()
        self._show_locked(True)
        self.page.password_edit.setFocus()

    def unlock(self) -> None:
        session = self.window.desk_session
        if session is None or not self.locked:
            return
        password = self.page.password_edit.text()
        self.page.password_edit.clear()
        if not password:
            self.page.message.setText(self.tr("Enter your password."))
            return
        self.page.message.setText(self.tr("Checking…"))

        def ok(_actor: Actor) -> None:
            self.page.message.clear()
            self._show_locked(False)
            if self.idle.interval() > 0:
                self.idle.start()
            self.window.focus_queue()

        self.check.run(lambda: session.unlock(password), ok, self.page.message.setText)

    def sign_out(self) -> None:
        """End the officer's session; the next officer signs in (the window closes if nobody does)."""
        session = self.window.desk_session
        if session is None:
            return
        self.window.signing.end_session()
        self.window.run(session.sign_out)
        self.window.sign_out_requested.emit()
