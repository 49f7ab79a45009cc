"""Dossiers coming in: the intake dialog at the counter, folder import, demo data, screening everything again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from officer_desk.ui import services
from officer_desk.ui.controllers.base import Controller
from officer_desk.ui.tasks import LongTask


class IntakeController(Controller):
    """Opens the intake dialog and runs the long operations that bring cases in (one at a time)."""

    case_created = Signal(str)  # dossier code

    long_task: LongTask | None = None

    def new_dossier(self, procedure_code: str | None = None) -> None:
        from officer_desk.ui.intake import IntakeDialog

        dialog = IntakeDialog(self.desk, self.runner, self.widget)
        dialog.case_created.connect(self.case_created)
        if procedure_code:
            dialog.picker.select_code(procedure_code)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.active_dialog = dialog
        dialog.open()

    def start_long_task(self, title: str, fn: Callable[[Any], Any], done: Callable[[Any], None]) -> LongTask | None:
        if self.long_task is not None and self.long_task.running:
            self.message(self.tr("Another long operation is still running."), 5000)
            return None
        task = LongTask(self.runner, fn, title, self.widget)
        task.finished.connect(done)
        task.failed.connect(self.window.show_error)
        self.long_task = task
        task.start()
        return task

    def cancel_long_task(self) -> None:
        if self.long_task is not None and self.long_task.running:
            self.long_task.cancel()

    def import_folder(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self.widget, self.tr("Import dossiers from a folder"))
        if not folder:
            return

        def done(report: Any) -> None:
            message = self.tr("Imported {imported}, skipped {skipped}, failed {failed}.").format(
                imported=len(report.imported), skipped=len(report.skipped), failed=len(report.failed))
            self.window.refresh()
            box = QMessageBox(QMessageBox.Icon.Information if not report.failed else QMessageBox.Icon.Warning,
                              self.tr("Import finished"), message, QMessageBox.StandardButton.Ok, self.widget)
            if report.failed:
                box.setDetailedText("\n".join(f"{Path(f['file']).name}: {f['error']}" for f in report.failed))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.active_dialog = box
            box.open()

        self.start_long_task(self.tr("Importing dossiers…"),
                             lambda progress: self.desk.cases.import_paths([Path(folder)], progress), done)

    def _long_task_done(self, message: str) -> None:
        self.window.refresh()
        self.message(message, 8000)

    def rescreen_all(self) -> None:
        self.start_long_task(self.tr("Screening open cases…"),
                             lambda progress: services.rescreen_open_cases(self.desk, progress),
                             lambda count: self._long_task_done(self.tr("{count} cases screened").format(count=count)))

    def generate_demo(self, count: int | None = None) -> None:
        if count is None:
            value, ok = QInputDialog.getInt(self.widget, self.tr("Demo data"), self.tr(
                "How many synthetic dossiers? (demo mode is refused on a database with real cases)"),
                1000, 1, 2_000_000, 1000)
            if not ok:
                return
            count = value
        from officer_desk.demo import run_demo

        amount = count
        self.start_long_task(self.tr("Generating demo data…"),
                             lambda progress: run_demo(self.desk, amount, 1, progress),
                             lambda result: self._long_task_done(
                                 self.tr("{count} demo dossiers created").format(count=result.get("cases", 0))))
