"""Documents: every issued receipt and notice previewed before printing (or saving as PDF), the case's
list of issued documents, reprints, the apology with a new appointment, the control sheet, signature checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from officer_desk.fileio import write_bytes_atomic
from officer_desk.ui import services
from officer_desk.ui.actions import WindowAction
from officer_desk.ui.controllers.base import Controller
from officer_desk.ui.controllers.signing import SigningController
from officer_desk.ui.dialogs import open_dialog
from officer_desk.ui.notice_dialogs import ApologyDialog

if TYPE_CHECKING:
    from officer_desk.receipts.documents import CaseDocument

# The preview (QtPdf) and printing modules are imported where used: not before the first queue page (issue 17).


class DocumentsController(Controller):
    """Delivers signed documents to the printer and opens the verification dialog."""

    # Set by the window once its signing controller exists: reprints are signed like every document.
    signing: SigningController | None = None

    # ------------------------------------------------------------------ issued documents, previewed first

    def present(self, outcome: services.IssuedOutcome, copies: int, reprint: bool = False) -> None:
        """An issued document on screen before it is printed (QtPdf preview: Print, Save, Close)."""
        from officer_desk.ui.pdf_preview import open_preview

        if not outcome.pdf:
            return
        self.window.reload_documents()
        self.window.active_dialog = open_preview(
            self.desk, self.runner, outcome.dossier_code, outcome.pdf, outcome.doc_type or "receipt", outcome.form,
            copies, self.widget, reprint, lambda _how: self.window.reload_documents())

    def reprint_receipt(self) -> None:
        """The receipt again, re-issued by the receipts service and marked "Bản in lại" on paper."""
        from officer_desk.ui.pdf_preview import document_title

        detail = self.current()
        if detail is None or detail.receipt_issued_at is None:
            self.message(self.tr("This case has no receipt yet."), 5000)
            return
        code = detail.row.dossier_code
        if self.signing is not None:  # signed like every document: the officer's key, the PIN dialog (issue 9)
            self.signing.issue(code, document_title("receipt"),
                               lambda signer: services.reprint_receipt(self.desk, code, signer),
                               lambda outcome: self.present(outcome, 1, reprint=True))
            return
        self.window.run(lambda: services.reprint_receipt(self.desk, code),
                        lambda outcome: self.present(outcome, 1, reprint=True))

    def open_issued(self, document: CaseDocument) -> None:
        """A document from the case's list: a receipt or notice is reprinted — signed again, marked "Bản in
        lại" on paper, stored as a new document and audited, the original unchanged; a result (or a notice
        issued before notices kept their data) is shown as stored."""
        from officer_desk.ui.pdf_preview import document_title

        detail = self.current()
        if detail is None:
            return
        code = detail.row.dossier_code
        if services.reprints(document) and self.signing is not None:
            self.signing.issue(code, document_title(document.doc_type),
                               lambda signer: services.reprint_document(self.desk, document, signer),
                               lambda outcome: self.present(outcome, 1, reprint=True))
            return
        form = document.form
        self.window.run(lambda: services.document_pdf(self.desk, document.id),
                        lambda pdf: self.present(services.IssuedOutcome(code, document.doc_type, pdf, form), 1,
                                                 reprint=bool(document.delivered)))

    def apologise(self) -> None:
        """Mẫu 05 for an overdue case: the officer chooses the new date; the due date moves with it."""
        detail = self.current()
        if detail is None or not self.window.action(WindowAction.APOLOGY).isEnabled():
            return
        code = detail.row.dossier_code
        proposed = self.desk.calendar.add_working_days(date.today(), 3)
        dialog = ApologyDialog(code, detail.row.due_date, proposed, self.widget)

        def confirmed() -> None:
            new_date, reason = dialog.new_date(), dialog.reason()

            def issued(outcome: services.IssuedOutcome) -> None:
                self.window.after_change(self.tr("{code}: apology issued, new appointment {date}").format(
                    code=code, date=new_date.strftime("%d/%m/%Y")))
                self.present(outcome, 1)

            self.window.run(lambda: services.apologise(self.desk, code, new_date, reason), issued)

        self.window.active_dialog = open_dialog(dialog, confirmed)

    def print_checklist(self, procedure_code: str) -> None:
        """The requirements checklist for a citizen, from the procedure assistant (previewed, then printed)."""
        from officer_desk.ui.checklist import checklist_pdf
        from officer_desk.ui.pdf_preview import open_preview

        procedure = self.desk.catalogue.find(procedure_code)
        if procedure is None:
            return
        pdf = checklist_pdf(procedure, self.desk.config.agency_name)
        self.window.active_dialog = open_preview(self.desk, self.runner, "", pdf, "checklist", "a5", 1,
                                                 self.widget)

    def control_sheet(self) -> None:
        detail = self.current()
        if detail is None or not self.window.action(WindowAction.CONTROL_SHEET).isEnabled():
            return
        self.control_sheet_for(detail.row.dossier_code)

    def control_sheet_for(self, code: str) -> None:
        """The control sheet of any dossier (the register book's rows), issued and previewed."""
        self.window.run(lambda: services.control_sheet(self.desk, code), lambda outcome: self.present(outcome, 1))

    def deliver_document(self, pdf: bytes, form: str, copies: int, what: str, save_if_no_printer: bool = False) -> None:
        """Print an issued document on the configured printer; without one, say so (or offer to save it)."""
        from officer_desk.ui.pdf_preview import PrinterProblemDialog
        from officer_desk.ui.printing import DocumentPrinter

        if not DocumentPrinter.printer_names():
            if save_if_no_printer:
                self.save_pdf(pdf)
                return
            box = PrinterProblemDialog(what, self.tr("no printer is set up on this computer (Settings › Printer)"),
                                       self.widget)
            box.finished.connect(lambda button: self.save_pdf(pdf) if button == QMessageBox.StandardButton.Save
                                 else None)
            self.window.active_dialog = box
            box.open()
            return
        outcome = DocumentPrinter().print_pdf(pdf, form, printer_name=self.desk.config.printer or None,
                                              copies=copies)
        if outcome.accepted:
            self.message(self.tr("The {what} was sent to the printer {printer}.").format(
                what=what, printer=outcome.printer), 8000)
            return
        box = PrinterProblemDialog(what, outcome.reason, self.widget)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Save:
                self.save_pdf(pdf)
            elif button == QMessageBox.StandardButton.Retry:
                self.deliver_document(pdf, form, copies, what, save_if_no_printer)

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
