"""Printing the desk's PDF documents through Qt, with the paper size forced from the template.

Pages are rendered with QtPdf at the printer's resolution and painted onto a QPrinter whose page
layout is set from the document's paper form (A5, A4, or an 80 mm roll as long as the document):
print dialogs, notably on Windows, reset A5 to the printer's default A4, so the layout is applied
again after any dialog and checked before the job starts. A document counts as issued only when the
job was accepted by the print system (``PrintOutcome.accepted``) or the PDF was saved.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from officer_desk.fileio import write_bytes_atomic
from officer_desk.receipts.templates import TemplateSet, default_templates

MM_PER_PT = 25.4 / 72.0
SIZE_TOLERANCE_PT = 2.0
RECEIPT_COPIES = 2
"""A receipt is made in two copies: one for the applicant, one kept with the control sheet."""
STANDARD_SIZES = {"A5": QPageSize.PageSizeId.A5, "A4": QPageSize.PageSizeId.A4}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentPrinter", text)


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to one print (or save) request.

    ``code``: accepted, saved, no_printer, printer_stopped, not_accepting, paper_size, pdf_unreadable,
    job_failed or cancelled; ``reason`` is the officer-facing message (empty when accepted).
    """

    accepted: bool
    code: str
    reason: str = ""
    printer: str = ""
    copies: int = 0
    pages: int = 0
    saved_to: Path | None = None

    @property
    def issued(self) -> bool:
        """Whether the document may be recorded as issued."""
        return self.accepted


class _CupsProbe:
    """Reads a CUPS queue's state through libcups (Linux/macOS); absent elsewhere.

    Qt reports neither "stopped" reliably nor whether CUPS accepted the job, and the desk must not
    record a receipt as issued when it sits in a stopped queue.
    """

    class _Dest(ctypes.Structure):
        _fields_ = [("name", ctypes.c_char_p), ("instance", ctypes.c_char_p), ("is_default", ctypes.c_int),
                    ("num_options", ctypes.c_int), ("options", ctypes.c_void_p)]

    IPP_STATUS_ERROR_BAD_REQUEST = 0x0400

    def __init__(self) -> None:
        self.lib: ctypes.CDLL | None = None
        name = ctypes.util.find_library("cups")
        if not name:
            return
        try:
            lib = ctypes.CDLL(name)
            lib.cupsGetNamedDest.restype = ctypes.POINTER(self._Dest)
            lib.cupsGetNamedDest.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
            lib.cupsGetOption.restype = ctypes.c_char_p
            lib.cupsGetOption.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
            lib.cupsFreeDests.argtypes = [ctypes.c_int, ctypes.c_void_p]
            lib.cupsLastError.restype = ctypes.c_int
            self.lib = lib
        except (OSError, AttributeError):
            self.lib = None

    def state(self, printer: str) -> dict[str, str] | None:
        """printer-state (3 idle, 4 printing, 5 stopped), printer-is-accepting-jobs, reasons; None: unknown."""
        if self.lib is None:
            return None
        dest = self.lib.cupsGetNamedDest(None, printer.encode(), None)
        if not dest:
            return None
        try:
            values = {}
            for key in ("printer-state", "printer-is-accepting-jobs", "printer-state-reasons"):
                raw = self.lib.cupsGetOption(key.encode(), dest.contents.num_options, dest.contents.options)
                values[key] = raw.decode(errors="replace") if raw else ""
            return values
        finally:
            self.lib.cupsFreeDests(1, dest)

    def last_request_failed(self) -> bool:
        """Whether this thread's last CUPS request (Qt's job submission) ended in an IPP error."""
        return self.lib is not None and self.lib.cupsLastError() >= self.IPP_STATUS_ERROR_BAD_REQUEST


class DocumentPrinter:
    """Prints PDFs made by officer_desk.receipts on a chosen printer, paper size from the template."""

    def __init__(self, templates: TemplateSet | None = None) -> None:
        self.templates = templates or default_templates()
        self._cups = _CupsProbe() if os.name != "nt" else None

    # -- printers --------------------------------------------------------------------------------

    @staticmethod
    def printer_names() -> list[str]:
        return [str(name) for name in QPrinterInfo.availablePrinterNames()]

    @staticmethod
    def default_printer_name() -> str:
        return str(QPrinterInfo.defaultPrinterName())

    def page_layout(self, form: str, page_size_pt: tuple[float, float]) -> QPageLayout:
        """The page layout for a document of ``form`` whose pages are ``page_size_pt`` (width, height)."""
        spec = self.templates.form(form)
        if spec.paper in STANDARD_SIZES:
            size = QPageSize(STANDARD_SIZES[spec.paper])
        else:
            width_mm, height_mm = page_size_pt[0] * MM_PER_PT, page_size_pt[1] * MM_PER_PT
            name = f"{spec.label} ({width_mm:.0f} × {height_mm:.0f} mm)"
            size = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, name,
                             QPageSize.SizeMatchPolicy.ExactMatch)
        return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)

    # -- printing ----------------------------------------------------------------------------------

    def print_pdf(
        self,
        pdf: bytes,
        form: str,
        *,
        printer_name: str | None = None,
        printer: QPrinter | None = None,
        copies: int = 1,
        job_name: str = "",
        reprint: bool = False,
    ) -> PrintOutcome:
        """Print ``pdf`` (a receipt: copies=2) and say whether the print system accepted the job."""
        with tempfile.TemporaryDirectory(prefix="officer-desk-print-") as folder:
            path = Path(folder) / "document.pdf"
            path.write_bytes(pdf)
            document = QPdfDocument()
            error = document.load(str(path))
            try:
                if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
                    return PrintOutcome(False, "pdf_unreadable", _tr("Không mở được tệp PDF để in"))
                return self._print_document(document, form, printer_name, printer, copies, job_name, reprint)
            finally:
                document.close()

    def _resolve(self, printer_name: str | None, printer: QPrinter | None) -> tuple[QPrinterInfo | None, str]:
        if printer is not None:
            name = printer.printerName()
        else:
            name = printer_name or self.default_printer_name()
        if not name:
            return None, ""
        info = QPrinterInfo.printerInfo(name)
        return (None if info.isNull() else info), name

    def _preflight(self, info: QPrinterInfo, name: str) -> PrintOutcome | None:
        if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            return PrintOutcome(False, "printer_stopped",
                                _tr("Máy in {printer} đang dừng hoặc báo lỗi; phiếu chưa được in").format(printer=name),
                                name)
        state = self._cups.state(name) if self._cups else None
        if state:
            if state.get("printer-state") == "5":
                return PrintOutcome(False, "printer_stopped",
                                    _tr("Máy in {printer} đang dừng; phiếu chưa được in").format(printer=name), name)
            if state.get("printer-is-accepting-jobs") == "false":
                return PrintOutcome(False, "not_accepting",
                                    _tr("Máy in {printer} không nhận lệnh in; phiếu chưa được in").format(printer=name),
                                    name)
        return None

    def _print_document(self, document: QPdfDocument, form: str, printer_name: str | None,
                        printer: QPrinter | None, copies: int, job_name: str, reprint: bool) -> PrintOutcome:
        info, name = self._resolve(printer_name, printer)
        if info is None:
            message = (_tr("Không tìm thấy máy in {printer}").format(printer=name) if name
                       else _tr("Chưa có máy in nào được cài đặt"))
            return PrintOutcome(False, "no_printer", message, name)
        problem = self._preflight(info, name)
        if problem:
            return problem
        spec = self.templates.form(form)
        first = document.pagePointSize(0)
        layout = self.page_layout(form, (first.width(), first.height()))
        if printer is None:
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setResolution(spec.print_dpi)
        printer.setFullPage(True)
        if not printer.setPageLayout(layout) or not self._layout_matches(printer, layout):
            return PrintOutcome(
                False, "paper_size",
                _tr("Máy in {printer} không nhận khổ giấy {paper}; hãy chọn máy in khác").format(
                    printer=name, paper=spec.label),
                name)
        printer.setCopyCount(max(1, copies))
        printer.setCollateCopies(True)
        title = job_name or "Officer Desk"
        if reprint:
            title += " " + _tr("(bản in lại)")
        printer.setDocName(title)

        painter = QPainter()
        if not painter.begin(printer):
            return PrintOutcome(False, "job_failed", _tr("Không bắt đầu được lệnh in trên {printer}").format(
                printer=name), name)
        try:
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            for index in range(document.pageCount()):
                if index:
                    printer.newPage()
                page = document.pagePointSize(index)
                scale = spec.print_dpi / 72.0
                image = document.render(index, QSize(round(page.width() * scale), round(page.height() * scale)))
                if image.isNull():
                    printer.abort()  # nothing half-printed reaches the queue
                    painter.end()
                    return PrintOutcome(False, "job_failed", _tr("Không dựng được trang {page} để in").format(
                        page=index + 1), name)
                painter.drawImage(QRectF(0, 0, target.width(), target.width() * page.height() / page.width()), image)
        finally:
            finished = painter.end() if painter.isActive() else False
        if not finished or printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            return PrintOutcome(False, "job_failed", _tr("Lệnh in trên {printer} bị lỗi").format(printer=name), name)
        if self._cups and self._cups.last_request_failed():
            return PrintOutcome(False, "not_accepting",
                                _tr("Hệ thống in từ chối lệnh in trên {printer}").format(printer=name), name)
        return PrintOutcome(True, "accepted", "", name, max(1, copies), document.pageCount())

    @staticmethod
    def _layout_matches(printer: QPrinter, layout: QPageLayout) -> bool:
        wanted = layout.fullRectPoints()
        actual = printer.pageLayout().fullRectPoints()
        return (abs(wanted.width() - actual.width()) <= SIZE_TOLERANCE_PT
                and abs(wanted.height() - actual.height()) <= SIZE_TOLERANCE_PT)

    @staticmethod
    def save_pdf(pdf: bytes, path: Path) -> PrintOutcome:
        """Save instead of printing (also counts as issued); atomic."""
        try:
            write_bytes_atomic(Path(path), pdf)
        except OSError as exc:
            return PrintOutcome(False, "job_failed", _tr("Không lưu được tệp {path}: {error}").format(
                path=str(path), error=exc.strerror or str(exc)))
        return PrintOutcome(True, "saved", "", "", 1, 0, Path(path))


def print_pdf(pdf: bytes, form: str, *, printer_name: str | None = None, copies: int = 1, reprint: bool = False,
              job_name: str = "") -> PrintOutcome:
    """Convenience wrapper around :class:`DocumentPrinter` with the shipped templates."""
    return DocumentPrinter().print_pdf(pdf, form, printer_name=printer_name, copies=copies, reprint=reprint,
                                       job_name=job_name)

