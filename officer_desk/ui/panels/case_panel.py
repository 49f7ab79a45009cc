"""The case panel: the selected case (details, documents, timeline, action buttons) beside its hints."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

from officer_desk.cases import AttachmentView, CaseDetail
from officer_desk.desk import Desk
from officer_desk.ui.case_view import CaseView
from officer_desk.ui.hints_panel import HintsPanel
from officer_desk.ui.tasks import TaskRunner


class CasePanel(QSplitter):
    """Loads the selected case off the GUI thread and shows it; the newest request wins."""

    case_shown = Signal(object)  # CaseDetail | None

    def __init__(self, desk: Desk, runner: TaskRunner, buttons: Sequence[QAction],
                 on_error: Callable[[object], None], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.desk = desk
        self.runner = runner
        self.on_error = on_error
        self.detail: CaseDetail | None = None
        self._generation = 0
        self.setObjectName("detail_split")
        self.case_view = CaseView(desk.catalogue)
        self.case_view.set_actions(list(buttons))
        self.hints_panel = HintsPanel()
        self.addWidget(self.case_view)
        self.addWidget(self.hints_panel)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([820, 480])
        self.case_view.preview_requested.connect(self._load_preview)

    def load(self, case_id: int) -> None:
        """Fetch and show one case; an answer for an older selection is dropped."""
        self._generation += 1
        generation = self._generation

        def shown(detail: CaseDetail) -> None:
            if generation == self._generation:
                self.show_detail(detail)

        self.runner.submit(lambda: self.desk.cases.detail(case_id), shown, self.on_error, owner=self)

    def reload(self) -> None:
        if self.detail is not None:
            self.load(self.detail.row.id)

    def show_detail(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        self.case_view.show_case(detail)
        self.hints_panel.show_case(detail, screening_available=True)
        self.case_shown.emit(detail)

    def _load_preview(self, attachment: AttachmentView) -> None:
        sha = attachment.content_sha256
        if not sha:
            return
        self.runner.submit(lambda: self.desk.cases.attachment_bytes(sha),
                           lambda data: self.case_view.show_attachment(attachment, data),
                           self.on_error, owner=self)

    def focus_case(self) -> None:
        buttons = [b for b in self.case_view.action_buttons if b.isEnabled()]
        (buttons[0] if buttons else self.case_view.tabs).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_hints(self) -> None:
        for card in self.hints_panel.cards:
            for button in (card.accept_button, card.reopen_button):
                if button.isVisibleTo(card) and button.isEnabled():
                    button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                    return
        self.hints_panel.setFocus(Qt.FocusReason.ShortcutFocusReason)
