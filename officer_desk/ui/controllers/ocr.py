"""The window's OCR hook: review a document's values beside its image, read it (again), attach a dropped
photo, a scan from the scanner's folder or a page from a scanner on this PC (SANE) to the case on screen.
Work runs on the task runner; the core does the scanning, reading, storing (encrypted), auditing and
screening (``officer_desk.ocr.sane_capture``, ``officer_desk.ocr.service``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.errors import DeskError
from officer_desk.ocr.capture import Capture, ScanFolder
from officer_desk.ocr.sane_capture import SaneSource, Scanner, ScanSettings, find_scanners
from officer_desk.ocr.service import OcrService
from officer_desk.ui.ocr_view import OcrReviewWidget, rows_from_attachment
from officer_desk.ui.tasks import LongTask, TaskRunner

if TYPE_CHECKING:
    from PIL import Image

    from officer_desk.cases import AttachmentView
    from officer_desk.desk import Desk

SCAN_POLL_MS = 2000


def to_qimage(image: Image.Image) -> QImage:
    gray = image.convert("L")
    data = gray.tobytes()
    return QImage(data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8).copy()


class OcrReviewDialog(QDialog):
    """One attachment: its pages beside the values read, "Read (OCR)" and in-place correction."""

    changed = Signal()

    def __init__(self, service: OcrService, runner: TaskRunner, code: str, attachment: AttachmentView,
                 channel: str = "truc_tiep", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.runner, self.code, self.attachment = service, runner, code, attachment
        self.default_source = "portal" if channel == "truc_tuyen" else "typed"
        self.setWindowTitle(self.tr("Check the values read from the document"))
        self.review = OcrReviewWidget(self)
        self.read_button = QPushButton(self.tr("Read with OCR"))
        self.read_button.setEnabled(bool(attachment.content_sha256))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.read_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.read_button.clicked.connect(self.read)
        layout = QVBoxLayout(self)
        layout.addWidget(self.review, 1)
        layout.addWidget(buttons)
        self.resize(1100, 650)
        self.review.field_corrected.connect(self.correct)
        self.pages: list[QImage] = []
        self.errors: list[BaseException] = []
        self.long_task: LongTask | None = None
        if attachment.content_sha256:
            sha = attachment.content_sha256
            self.runner.submit(lambda: self.service.page_images(sha), self._pages_loaded, self._failed, owner=self)
        else:
            self._show()

    def _failed(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            self.errors.append(exc)
            from officer_desk.ui.dialogs import show_error

            show_error(self, exc)

    def _pages_loaded(self, pages: list[Any]) -> None:
        self.pages = [to_qimage(page) for page in pages]
        self._show()

    def _show(self) -> None:
        a = self.attachment
        self.review.set_document(self.pages, rows_from_attachment(a.fields, a.provenance, a.ocr, self.default_source))

    def _reload(self) -> None:
        attachment_id = self.attachment.id

        def loaded(detail: Any) -> None:
            self.attachment = next(a for a in detail.attachments if a.id == attachment_id)
            self._show()
            self.changed.emit()

        self.runner.submit(lambda: self.service.cases.detail(self.code), loaded, self._failed, owner=self)

    def read(self) -> None:
        code, attachment_id = self.code, self.attachment.id
        task = LongTask(self.runner, lambda progress: self.service.read_attachment(code, attachment_id,
                                                                                   progress=progress),
                        self.tr("Reading the document…"), self)
        task.finished.connect(lambda _result: self._reload())
        task.failed.connect(self._failed)
        self.long_task = task
        task.start()

    def correct(self, name: str, value: str) -> None:
        code, attachment_id = self.code, self.attachment.id
        self.runner.submit(lambda: self.service.correct_field(code, attachment_id, name, value),
                           lambda _r: self._reload(), self._failed, owner=self)


class ScannerChoiceDialog(QDialog):
    """Which scanner to use when SANE sees more than one."""

    def __init__(self, scanners: list[Scanner], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan from scanner"))
        self.scanners = scanners
        self.choice = QComboBox()
        self.choice.setObjectName("scanner_choice")
        for scanner in scanners:
            self.choice.addItem(scanner.label)
        form = QFormLayout()
        form.addRow(self.tr("Scanner:"), self.choice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Scan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def scanner(self) -> Scanner:
        return self.scanners[max(0, self.choice.currentIndex())]


class OcrController(QObject):
    """What the window connects: review requests, dropped files, the scanner folder."""

    case_changed = Signal(str)  # dossier code whose detail should be reloaded
    message = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner, parent: QWidget,
                 current_case: Callable[[], tuple[str, str] | None],
                 show_error: Callable[[object], None]) -> None:
        super().__init__(parent)
        self.desk, self.runner, self.window = desk, runner, parent
        self.service = OcrService(desk.cases)
        self.current_case = current_case  # (dossier code, channel) of the case on screen, or None
        self.show_error = show_error
        self.dialog: OcrReviewDialog | None = None
        self.scanner_dialog: ScannerChoiceDialog | None = None
        self.scan_task: LongTask | None = None
        self.scan_settings = ScanSettings()  # 300 dpi grey: what the OCR reads best
        self.scans: ScanFolder | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(SCAN_POLL_MS)
        self._timer.timeout.connect(self.poll_scans)
        folder = desk.config.scan_folder
        if folder and Path(folder).is_dir():
            self.scans = ScanFolder(Path(folder))
            self._timer.start()

    def review(self, attachment: AttachmentView) -> None:
        case = self.current_case()
        if case is None:
            return
        code, channel = case
        self.dialog = OcrReviewDialog(self.service, self.runner, code, attachment, channel, self.window)
        self.dialog.changed.connect(lambda: self.case_changed.emit(code))
        self.dialog.open()

    def attach_files(self, paths: list[str]) -> None:
        case = self.current_case()
        if case is None:
            return
        code = case[0]
        for name in paths:
            def attach(path: Path = Path(name)) -> Any:
                return self.service.attach_and_read(code, path.read_bytes(), path.name)

            self.runner.submit(attach, lambda _r: self._attached(code), self.show_error, owner=self)

    def _attached(self, code: str) -> None:
        self.message.emit(self.tr("Document attached and read; please check the values."))
        self.case_changed.emit(code)

    def poll_scans(self) -> None:
        case = self.current_case()
        if self.scans is None or case is None:
            return
        code = case[0]
        scans = self.scans
        try:
            ready = scans.poll()
        except Exception as exc:  # noqa: BLE001 - the folder went away: say so once and stop watching
            self._timer.stop()
            self.show_error(exc)
            return
        for path in ready:
            def attach(p: Path = path) -> Any:
                # Stored encrypted, then removed from the folder: no plaintext copy stays there.
                return self.service.attach_capture(code, scans, Capture(scans.read(p), p.name, p))

            self.runner.submit(attach, lambda _r: self._attached(code), self.show_error, owner=self)

    # ------------------------------------------------------------------ a scanner on this PC (SANE)

    def scan_from_scanner(self) -> None:
        """List the scanners off the GUI thread, let the officer pick one if there are several, then scan."""
        case = self.current_case()
        if case is None or (self.scan_task is not None and self.scan_task.running):
            return
        code = case[0]

        def found(scanners: list[Scanner]) -> None:
            if len(scanners) == 1:
                self._scan(code, scanners[0])
                return
            dialog = ScannerChoiceDialog(scanners, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._scan(code, dialog.scanner()))
            self.scanner_dialog = dialog
            dialog.open()

        self.message.emit(self.tr("Looking for scanners…"))
        self.runner.submit(find_scanners, found, self.show_error, owner=self)

    def _scan(self, code: str, scanner: Scanner) -> None:
        source = SaneSource(scanner.name, self.scan_settings)

        def scan(progress: Any) -> Any:
            [page] = source.capture(progress)
            return self.service.attach_capture(code, source, page, progress)

        task = LongTask(self.runner, scan, self.tr("Scanning on {scanner}…").format(scanner=scanner.label),
                        self.window, show_after_ms=0)
        task.finished.connect(lambda _result: self._attached(code))
        task.failed.connect(self._scan_failed)
        self.scan_task = task
        task.start()

    def _scan_failed(self, exc: object) -> None:
        # Cancelled while scanning (ScannerError) or while reading the page (OcrCancelled): nothing stored.
        if isinstance(exc, DeskError) and exc.code == "cancelled":
            self.message.emit(self.tr("Scan cancelled; nothing was attached."))
            return
        self.show_error(exc)
