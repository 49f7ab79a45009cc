"""The sync page: each unsynced item's state (pending, sent, conflict, failed) with the reason in words,
the last sync, a sync button, and the conflicts a supervisor resolves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.accounts.roles import Permission
from officer_desk.desk import Desk
from officer_desk.sync.conflicts import list_conflicts
from officer_desk.sync.status import CONFLICT, days_since_sync, outbox_views
from officer_desk.ui.conflict_dialog import ConflictDialog


class SyncPage(QDialog):
    def __init__(self, desk: Desk, sync_now: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("sync_page")
        self.setWindowTitle(self.tr("Sync"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("sync_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("sync_items")
        self.table.setHorizontalHeaderLabels([self.tr("Dossier"), self.tr("State"), self.tr("Why")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.setEnabled(sync_now is not None)
        if sync_now is not None:
            self.sync_button.clicked.connect(sync_now)
        self.resolve_button = QPushButton(self.tr("Resolve conflict…"))
        self.resolve_button.setObjectName("resolve_conflict")
        self.resolve_button.clicked.connect(self.resolve_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.sync_button, self.resolve_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.dialog: ConflictDialog | None = None
        self.reload()

    def reload(self) -> None:
        views = outbox_views(self.desk)
        self.codes = [v.code for v in views]
        self.states = [v.state for v in views]
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            for column, text in enumerate((view.code, view.state_text, view.reason)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        days = days_since_sync(self.desk)
        limit = self.desk.config.sync_warn_days
        if days is None:
            text = self.tr("This desk has never synced.")
        else:
            text = self.tr("Last sync: {days} day(s) ago.").format(days=days)
        if days is not None and days >= limit:
            text += " " + self.tr("More than {limit} days without sync: connect to the center or send a USB "
                                  "bundle.").format(limit=limit)
        self.summary.setText(text)
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        allowed = self.desk.acting.allows(Permission.CONFLICT_RESOLVE)
        self.resolve_button.setEnabled(allowed and 0 <= row < len(self.states) and self.states[row] == CONFLICT)
        if not allowed:
            self.resolve_button.setToolTip(self.tr("A supervisor resolves sync conflicts."))

    def resolve_selected(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.codes)):
            return
        conflict = next((c for c in list_conflicts(self.desk) if c.code == self.codes[row]), None)
        if conflict is None:
            self.reload()
            return
        self.dialog = ConflictDialog(self.desk, conflict, self)
        self.dialog.finished.connect(lambda _result: self.reload())
        self.dialog.open()
