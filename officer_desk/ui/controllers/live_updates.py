"""On a shared PostgreSQL server: another desk changed a case, so its row refreshes in place (the list is
not reloaded) and, when it is the open case, the case reloads and says who changed it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from officer_desk.cases import CaseDetail
from officer_desk.sync.notify import CaseChangeListener
from officer_desk.ui.controllers.base import Controller


class LiveUpdates(Controller):
    changed = Signal(int)  # emitted from the listener thread; delivered on the GUI thread (queued)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.listener = CaseChangeListener(self.desk.db, self.changed.emit)
        self.changed.connect(self.case_changed)

    def start(self) -> bool:
        return self.listener.start()

    def stop(self) -> None:
        self.listener.stop()

    def case_changed(self, case_id: int) -> None:
        window = self.widget
        window.model.refresh_case(case_id)  # type: ignore[attr-defined]
        detail = self.window.detail
        if detail is None or detail.row.id != case_id:
            return
        desk = self.desk
        self.runner.submit(lambda: desk.cases.detail(case_id), self._reloaded, lambda _exc: None, owner=self,
                           lane="background")

    def _reloaded(self, detail: CaseDetail) -> None:
        last = detail.events[-1] if detail.events else None
        if last is None or last.officer == self.desk.officer:
            return  # our own change
        self.widget.case_panel.load(detail.row.id)  # type: ignore[attr-defined]
        self.message(self.tr("Changed by {name} — reloaded.").format(
            name=last.officer_name or last.officer or self.tr("another desk")))
