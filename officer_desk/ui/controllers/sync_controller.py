"""Sync from the window: at start, on a schedule, as soon as the server answers again, and on request.

A sync runs on the long lane (never in the officer's way); while the server is out of reach it is tried
again every minute, so the desk syncs soon after the link comes back. Too many days without a sync
leave a warning in the status bar for the officer and the supervisor. Without a link, the changes
leave as an encrypted USB bundle (Tools menu) written on the long lane while its action waits disabled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from officer_desk.sync import SyncReport, synchronize
from officer_desk.sync.bundle import export_bundle
from officer_desk.sync.status import days_since_sync
from officer_desk.ui.actions import WindowAction
from officer_desk.ui.controllers.base import Controller

RETRY_MS = 60_000


class SyncController(Controller):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.running = False
        self.exporting = False  # a bundle is being written (its action stays disabled meanwhile)
        self.page: Any = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)

    @property
    def enabled(self) -> bool:
        return self.desk.db.is_local and bool(self.desk.config.sync_url)

    def start(self) -> None:
        """First try shortly after the window opens (the queue comes first)."""
        if self.enabled:
            self.timer.start(5_000)
        self.warn_if_stale()

    def stop(self) -> None:
        self.timer.stop()

    def sync_now(self) -> None:
        if self.running:
            return
        if not self.enabled:
            self.message(self.tr("No sync server is configured for this desk (sync_url in the settings)."))
            return
        self.running = True
        desk, url = self.desk, self.desk.config.sync_url
        self.runner.submit(lambda: synchronize(desk, url), self._done, self._failed, owner=self, lane="long")

    def _failed(self, exc: object) -> None:
        self.running = False
        self.timer.start(RETRY_MS)
        self.window.show_error(exc)

    def _done(self, report: SyncReport) -> None:
        self.running = False
        if report.offline:
            self.message(self.tr("The center's server is out of reach; changes wait in the outbox."))
            self.timer.start(RETRY_MS)
        else:
            if report.conflicts:
                self.message(self.tr("Synced. {n} dossier(s) in conflict wait for a supervisor.").format(
                    n=len(report.conflicts)), 0)
            else:
                self.message(self.tr("Synced: {sent} sent, {received} received.").format(
                    sent=len(report.pushed), received=len(report.pulled)))
            self.timer.start(max(1, self.desk.config.sync_interval_minutes) * 60_000)
            if report.pushed or report.pulled:
                self.window.refresh()
        if self.page is not None:
            self.page.reload()
        self.warn_if_stale()

    def warn_if_stale(self) -> None:
        if not self.desk.db.is_local:
            return
        days = days_since_sync(self.desk)
        limit = self.desk.config.sync_warn_days
        if days is not None and days >= limit:
            self.message(self.tr("⚠ {days} days without sync (limit {limit}): connect to the center or send a "
                                 "USB bundle.").format(days=days, limit=limit), 0)

    # ------------------------------------------------------------------ USB bundle (no link to the center)

    def export_bundle(self) -> None:
        """Write the pending changes as an encrypted, signed bundle for a trusted desk or center."""
        if self.exporting:
            return
        from officer_desk.sync.identity import trusted_identities

        trusted = trusted_identities(self.desk.db)
        if not trusted:
            QMessageBox.information(self.widget, self.tr("USB bundle"), self.tr(
                "No center or desk is trusted on this desk yet. The administrator first trusts the identity "
                "of the place that will receive the bundle."))
            return
        recipient = trusted[0]
        if len(trusted) > 1:
            labels = [identity.label for identity in trusted]
            label, ok = QInputDialog.getItem(self.widget, self.tr("USB bundle"),
                                             self.tr("Who will receive the bundle?"), labels, 0, False)
            if not ok:
                return
            recipient = trusted[labels.index(label)]
        name, _filter = QFileDialog.getSaveFileName(self.widget, self.tr("Save the USB bundle"), "",
                                                    self.tr("Officer Desk bundle (*.odb)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".odb") else Path(name + ".odb")
        desk, to = self.desk, recipient.desk_id
        self.exporting = True
        self.window.action(WindowAction.BUNDLE_EXPORT).setEnabled(False)
        self.message(self.tr("Writing the bundle…"), 0)

        def done(codes: list[str]) -> None:
            self._export_finished()
            self.message(self.tr("Bundle written: {n} dossier(s) in {file}. Carry it to the center.").format(
                n=len(codes), file=path.name), 0)
            if self.page is not None:
                self.page.reload()

        def failed(exc: object) -> None:
            self._export_finished()
            self.message("")
            self.window.show_error(exc)

        self.runner.submit(lambda: export_bundle(desk, path, to), done, failed, owner=self, lane="long")

    def _export_finished(self) -> None:
        self.exporting = False
        self.window.action(WindowAction.BUNDLE_EXPORT).setEnabled(True)

    def open_page(self) -> None:
        from officer_desk.ui.sync_page import SyncPage

        self.page = SyncPage(self.desk, self.sync_now, self.widget)
        self.page.finished.connect(self._page_closed)
        self.window.active_dialog = self.page
        self.page.open()

    def _page_closed(self, _result: int) -> None:
        self.page = None
