"""Officer handling time: how long a case was open and worked in the window (docs/reports.md).

A span starts when the window shows a case and ends when it shows another one (or none), when
the application loses focus, or when the window closes. Spans are stored off the GUI thread by
``officer_desk.reports.facts.record_work_span`` (short ones are ignored, long ones capped there).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from officer_desk.desk import Desk
from officer_desk.logs import get_logger
from officer_desk.reports.facts import record_work_span
from officer_desk.ui.tasks import TaskRunner


class CaseWorkTimer(QObject):
    """Turns ``case_shown`` and focus changes into work spans."""

    def __init__(self, desk: Desk, runner: TaskRunner, parent: QObject | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        self.clock = clock or (lambda: datetime.now(UTC))
        self.case_id: int | None = None
        self.started: datetime | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self.application_state_changed)

    def case_shown(self, detail: object) -> None:
        """The window shows ``detail`` (a CaseDetail) or nothing."""
        self.stop()
        row = getattr(detail, "row", None)
        case_id = getattr(row, "id", None)
        if isinstance(case_id, int):
            self.case_id = case_id
            self.started = self.clock()

    def application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            if self.case_id is not None and self.started is None:
                self.started = self.clock()  # back at the desk on the same case
        elif self.started is not None:
            self._store(self.case_id, self.started, self.clock())
            self.started = None

    def stop(self, wait: bool = False) -> None:
        """End the current span (``wait``: store it now, e.g. when the window closes)."""
        if self.case_id is not None and self.started is not None:
            self._store(self.case_id, self.started, self.clock(), wait)
        self.case_id = None
        self.started = None

    def _store(self, case_id: int | None, started: datetime, ended: datetime, wait: bool = False) -> None:
        if case_id is None:
            return
        officer = self.desk.officer
        if wait:
            record_work_span(self.desk.db, case_id, officer, started, ended)
            return
        self.runner.submit(lambda: record_work_span(self.desk.db, case_id, officer, started, ended),
                           None, _log_failure, owner=self, lane="background")


def _log_failure(exc: object) -> None:
    # Handling time is a statistic: a span lost to a dropped connection must not interrupt the officer.
    get_logger().warning("work span not stored: %s", type(exc).__name__)
