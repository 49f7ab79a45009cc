"""The status bar's permanent part: database, connection, outbox, officer, and the PC clock warning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QStatusBar, QWidget

from officer_desk.desk import Desk
from officer_desk.dossier import LOCAL_TZ
from officer_desk.ui import services
from officer_desk.ui.tasks import TaskRunner

STATUS_INTERVAL_MS = 30_000


class DeskStatus(QObject):
    """Keeps the permanent status-bar labels current (off the GUI thread, every 30 seconds)."""

    def __init__(self, desk: Desk, runner: TaskRunner, bar: QStatusBar, window: QWidget,
                 run: Callable[..., None], show_dialog: Callable[[QWidget], None]) -> None:
        super().__init__(window)
        self.desk = desk
        self.runner = runner
        self.bar = bar
        self.window = window
        self._run = run
        self._show_dialog = show_dialog
        self.clock_problem: datetime | None = None
        self.db_label = QLabel()
        self.db_label.setObjectName("db_label")
        self.online_label = QLabel()
        self.online_label.setObjectName("online_label")
        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outbox_label")
        self.officer_label = QLabel()
        self.officer_label.setObjectName("officer_label")
        self.clock_button = QPushButton()
        self.clock_button.setObjectName("clock_button")
        self.clock_button.setFlat(True)
        self.clock_button.setStyleSheet("color: #c62828; font-weight: 600;")
        self.clock_button.clicked.connect(self.confirm_clock)
        self.clock_button.hide()
        for widget in (self.clock_button, self.db_label, self.online_label, self.outbox_label, self.officer_label):
            bar.addPermanentWidget(widget)
        # The signed-in account's full name on a set-up desk (issue 9), else the configured name.
        name = desk.officer_name
        self.officer_label.setText(self.tr("Officer: {name}").format(
            name=f"{name} ({desk.officer})" if name and name != desk.officer else desk.officer))
        if desk.db.is_local:
            self.db_label.setText(self.tr("Database: local file"))
        else:
            self.db_label.setText(self.tr("Database: server"))
        self.db_label.setToolTip(desk.db.description)
        self.timer = QTimer(self)
        self.timer.setInterval(STATUS_INTERVAL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        desk = self.desk

        def query() -> tuple[bool, int, datetime | None]:
            online = services.database_reachable(desk)
            pending = services.pending_outbox_items(desk) if online else 0
            return online, pending, desk.cases.clock_problem() if online else None

        self.runner.submit(query, self._loaded, lambda exc: self._loaded((False, 0, None)), owner=self,
                           lane="background")

    def _loaded(self, status: tuple[bool, int, datetime | None]) -> None:
        online, pending, clock = status
        if self.desk.db.is_local:
            self.online_label.setText(self.tr("● Offline-capable (local)") if online else self.tr("● Database error"))
        else:
            self.online_label.setText(self.tr("● Online") if online else self.tr("● Offline"))
        self.online_label.setStyleSheet("color: #2e7d32;" if online else "color: #c62828;")
        self.outbox_label.setText(self.tr("Outbox: {count} pending").format(count=pending))
        self.outbox_label.setVisible(self.desk.db.is_local)
        if clock is not None:
            self.clock_button.setText(self.tr("⚠ PC clock is behind the data ({newest}) — confirm…").format(
                newest=clock.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")))
            self.clock_button.show()
        else:
            self.clock_button.hide()
        self.clock_problem = clock

    def confirm_clock(self) -> None:
        clock = self.clock_problem
        if clock is None:
            self.bar.showMessage(self.tr("The PC clock looks right."), 4000)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("PC clock"), self.tr(
            "The newest stored event ({newest}) is later than this PC's clock ({now}). Check the system time. "
            "Confirm only if the clock is right."
        ).format(newest=clock.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M"),
                 now=datetime.now(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self._run(self.desk.cases.confirm_clock, lambda _r: self.refresh())

        box.finished.connect(answered)
        self._show_dialog(box)
        box.open()

    def stop(self) -> None:
        self.timer.stop()
