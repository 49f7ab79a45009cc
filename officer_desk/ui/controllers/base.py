"""What every controller shares: the window it serves, its desk, and the window's way of running calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from officer_desk.cases import CaseDetail
from officer_desk.ui.dialogs import ReasonDialog, open_dialog

if TYPE_CHECKING:
    from officer_desk.ui.main_window import MainWindow


class Controller(QObject):
    """A handler area of the main window; lives as long as the window (its Qt parent)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.desk = window.desk
        self.runner = window.runner

    def message(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def current(self) -> CaseDetail | None:
        """The selected case, or None with a hint in the status bar."""
        detail = self.window.detail
        if detail is None:
            self.message(self.tr("Select a case first."), 4000)
        return detail

    def ask_reason(self, title: str, prompt: str, then: Callable[[str], None]) -> None:
        dialog = ReasonDialog(title, prompt, self.window)
        self.window.active_dialog = open_dialog(dialog, lambda: then(dialog.reason().strip()))
