"""What every controller shares: the window it serves, its desk, and the window's way of running calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from officer_desk.cases import CaseDetail
from officer_desk.desk import Desk
from officer_desk.ui.actions import WindowAction
from officer_desk.ui.dialogs import ReasonDialog, open_dialog
from officer_desk.ui.tasks import TaskRunner


class WindowPort(Protocol):
    """What controllers need from the main window.

    A protocol rather than the MainWindow class itself, so the controllers do not import the window that
    imports them (the architecture test forbids import cycles, type-only ones included).
    """

    desk: Desk
    runner: TaskRunner
    detail: CaseDetail | None
    active_dialog: QWidget | None
    action_done: SignalInstance

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
    def action(self, key: WindowAction) -> QAction: ...
    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None) -> None: ...
    def after_change(self, message: str) -> None: ...
    def refresh(self) -> None: ...
    def show_error(self, exc: object) -> None: ...


class Controller(QObject):
    """A handler area of the main window; lives as long as the window (its Qt parent)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window: WindowPort = window  # type: ignore[assignment]  # MainWindow satisfies WindowPort
        self.widget = window  # the parent of the controller's dialogs
        self.desk = self.window.desk
        self.runner = self.window.runner

    def message(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def current(self) -> CaseDetail | None:
        """The selected case, or None with a hint in the status bar."""
        detail = self.window.detail
        if detail is None:
            self.message(self.tr("Select a case first."), 4000)
        return detail

    def ask_reason(self, title: str, prompt: str, then: Callable[[str], None]) -> None:
        dialog = ReasonDialog(title, prompt, self.widget)
        self.window.active_dialog = open_dialog(dialog, lambda: then(dialog.reason().strip()))
