"""Documents: printing issued receipts and notices (or saving them as PDF), reprints, signature checks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from officer_desk.fileio import write_bytes_atomic
from officer_desk.ui import services
from officer_desk.ui.controllers.base import Controller
from officer_desk.ui.printing import DocumentPrinter


class DocumentsController(Controller):
    """Delivers signed documents to the printer and opens the verification dialog."""

    def reprint_receipt(self) -> None:
        detail = self.current()
        if detail is None or detail.receipt_issued_at is None:
            self.message(self.tr("This case has no receipt yet."), 5000)
            return
        code = detail.row.dossier_code
        self.window.run(lambda: services.stored_receipt(self.desk, code),
                        lambda pdf: self.deliver_document(pdf, self.desk.config.paper_size or "a5", 2,
                                                          self.tr("receipt"), save_if_no_printer=True))

    def deliver_document(self, pdf: bytes, form: str, copies: int, what: str, save_if_no_printer: bool = False) -> None:
        """Print an issued document on the configured printer; without one, say so (or offer to save it)."""
        if not DocumentPrinter.printer_names():
            if save_if_no_printer:
                self.save_pdf(pdf)
                return
            # Not a modal interruption at every acceptance: the document is kept and Ctrl+P prints or saves it.
            self.message(self.tr(
                "No printer is set up: the signed {what} is kept with the case (Ctrl+P prints or saves it)."
            ).format(what=what), 10000)
            return
        outcome = DocumentPrinter().print_pdf(pdf, form, printer_name=self.desk.config.printer or None,
                                              copies=copies)
        if outcome.accepted:
            self.message(self.tr("The {what} was sent to the printer {printer}.").format(
                what=what, printer=outcome.printer), 8000)
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Not printed"), self.tr(
            "The {what} is signed and kept with the case, but it was not printed: {reason}").format(
                what=what, reason=outcome.reason), QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close,
            self.widget)
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Save:
                self.save_pdf(pdf)

        box.finished.connect(answered)
        self.window.active_dialog = box
        box.open()

    def save_pdf(self, pdf: bytes) -> None:
        name, _filter = QFileDialog.getSaveFileName(self.widget, self.tr("Save PDF"), "", self.tr("PDF (*.pdf)"))
        if not name:
            return
        self.window.run(lambda: write_bytes_atomic(Path(name), pdf),
                        lambda _r: self.message(self.tr("Saved {file}").format(file=name), 6000))

    def verify_document(self, path: str | None = None) -> None:
        """The verification dialog; with ``path`` the file is verified at once (scripts, tests)."""
        from officer_desk.ui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.desk, self.runner, self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.active_dialog = dialog
        dialog.open()
        if path:
            dialog.verify_file(path)
