"""Every issued document is previewed before it is printed (QtPdf), and a printer problem is a dialog.

The PDF is read from memory (a QBuffer), never from a temporary file: it carries the citizen's data.
Until it is printed or saved, an issued document shows as "issued, not printed" on the case; printing or
saving records that on the case's timeline (``services.mark_delivered``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.fileio import write_bytes_atomic
from officer_desk.ui import services
from officer_desk.ui.printing import DocumentPrinter, PrintOutcome
from officer_desk.ui.tasks import TaskRunner


def document_title(doc_type: str) -> str:
    """The document's name as printed on it, in the officer's language."""
    from PySide6.QtCore import QCoreApplication

    titles = {
        "receipt": QCoreApplication.translate("Documents", "Receipt and appointment"),
        "supplement": QCoreApplication.translate("Documents", "Supplement request"),
        "refusal": QCoreApplication.translate("Documents", "Refusal notice"),
        "apology": QCoreApplication.translate("Documents", "Apology and new appointment"),
        "return": QCoreApplication.translate("Documents", "Result return slip"),
        "control": QCoreApplication.translate("Documents", "Processing control sheet"),
        "checklist": QCoreApplication.translate("Documents", "Requirements checklist"),
    }
    return titles.get(doc_type, QCoreApplication.translate("Documents", "Document"))


class PrinterProblemDialog(QMessageBox):
    """The printer refused or is missing: the reason, Retry, Save as PDF, or later (stays "not printed")."""

    def __init__(self, what: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, self.tr("Not printed"), self.tr(
            "The {what} was not printed: {reason}").format(what=what, reason=reason),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close,
            parent)
        self.setObjectName("printer_problem")
        self.setInformativeText(self.tr(
            "It is signed and kept with the case as “issued, not printed” until it is printed or saved. "
            "Check the printer (paper, power, cable) and press Retry, or choose a printer in Settings › Printer."))
        self.button(QMessageBox.StandardButton.Close).setText(self.tr("Later"))
        self.setDefaultButton(QMessageBox.StandardButton.Retry)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


class PdfPreviewDialog(QDialog):
    """One issued document on screen: Print (Ctrl+P), Save as PDF (Ctrl+S), Close."""

    delivered = Signal(str)  # "printed" or "saved"

    def __init__(self, desk: Any, runner: TaskRunner, code: str, pdf: bytes, doc_type: str, form: str,
                 copies: int = 1, reprint: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.runner, self.code, self.pdf = desk, runner, code, pdf
        self.form, self.copies, self.doc_type = form, copies, doc_type
        self.problem: PrinterProblemDialog | None = None
        self.setObjectName("pdf_preview")
        what = document_title(doc_type)
        self.setWindowTitle(self.tr("{what} — {code}").format(what=what, code=code) if code else what)
        layout = QVBoxLayout(self)
        self.state_label = QLabel()
        self.state_label.setObjectName("document_state")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF… (Ctrl+S)"))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_document)
        layout.addWidget(self.buttons)
        self._set_state(self.tr("Issued and signed, not printed yet.") if not reprint
                        else self.tr("Reprint: the paper is marked “Bản in lại”."))
        self.print_button.setDefault(True)
        self.print_button.setFocus()
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        height = min(860, available.height() - 60) if available else 760
        self.resize(min(720, available.width() - 40) if available else 720, max(height, 400))

    def _set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def print_document(self) -> None:
        if not DocumentPrinter.printer_names():
            self._problem(PrintOutcome(False, "no_printer", self.tr(
                "no printer is set up on this computer (Settings › Printer)")))
            return
        self.print_button.setEnabled(False)  # one job per press
        self._set_state(self.tr("Sending to the printer…"))
        outcome = DocumentPrinter().print_pdf(self.pdf, self.form, printer_name=self.desk.config.printer or None,
                                              copies=self.copies)
        self.print_button.setEnabled(True)
        if outcome.accepted:
            self._delivered("printed", outcome.printer)
            return
        self._problem(outcome)

    def _problem(self, outcome: PrintOutcome) -> None:
        self._set_state(self.tr("Issued and signed, not printed yet."))
        box = PrinterProblemDialog(document_title(self.doc_type).lower(), outcome.reason, self)
        self.problem = box

        def answered(button: int) -> None:
            self.problem = None
            if button == QMessageBox.StandardButton.Retry:
                self.print_document()
            elif button == QMessageBox.StandardButton.Save:
                self.save_document()

        box.finished.connect(answered)
        box.open()

    def save_document(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), f"{self.code}-{self.doc_type}.pdf",
                                                    self.tr("PDF (*.pdf)"))
        if not name:
            return
        write_bytes_atomic(Path(name), self.pdf)
        self._delivered("saved", "")

    def _delivered(self, how: str, printer: str) -> None:
        code, pdf = self.code, self.pdf
        desk = self.desk
        if not code:  # guidance not tied to a case (the checklist): nothing to record
            self.delivered.emit(how)
            self.accept()
            return
        # Recorded on the worker (its errors reach the window's error box); the case's documents list is
        # reloaded after it on the same lane.
        self.runner.submit(lambda: services.mark_delivered(desk, code, pdf, how, printer))
        self.delivered.emit(how)
        self.accept()


def open_preview(desk: Any, runner: TaskRunner, code: str, pdf: bytes, doc_type: str, form: str, copies: int,
                 parent: QWidget, reprint: bool = False,
                 on_delivered: Callable[[str], None] | None = None) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(desk, runner, code, pdf, doc_type, form, copies, reprint, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_delivered is not None:
        dialog.delivered.connect(on_delivered)
    dialog.open()
    return dialog
