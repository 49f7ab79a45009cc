"""Keyboard-wedge scanners: they type a barcode or QR's text into the focused field, often ending with Enter.

``CccdScanCatcher`` watches line edits; when one receives a chip citizen-ID QR it takes the QR text
out of the field again and emits the parsed card, so a scan lands in the applicant fields whatever
field had the focus.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from officer_desk.cccd_qr import CccdQrError, looks_like_cccd_qr, parse_cccd_qr

# Scanners type fast; a pause this long after the last character means the scan is complete.
SCAN_SETTLE_MS = 120
_QR_START_RE = re.compile(r"\d{12}\|")


class CccdScanCatcher(QObject):
    """Turns a CCCD QR typed into any watched field into ``scanned(CccdCard)``."""

    scanned = Signal(object)  # CccdCard
    scan_failed = Signal(str)  # officer-readable message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCAN_SETTLE_MS)
        self._timer.timeout.connect(self._settled)
        self._field: QLineEdit | None = None
        self._watched: list[QLineEdit] = []

    def watch(self, field: QLineEdit) -> None:
        self._watched.append(field)
        field.textChanged.connect(lambda text, f=field: self._changed(f, text))
        field.returnPressed.connect(lambda f=field: self._finish(f))

    def _changed(self, field: QLineEdit, text: str) -> None:
        start = _QR_START_RE.search(text)
        if start is not None and text.count("|") >= 6 and looks_like_cccd_qr(text[start.start():]):
            self._field = field
            self._timer.start()

    def _settled(self) -> None:
        if self._field is not None:
            self._finish(self._field)

    def _finish(self, field: QLineEdit) -> bool:
        text = field.text()
        start = _QR_START_RE.search(text)
        if start is None or text.count("|") < 6:
            return False
        self._timer.stop()
        self._field = None
        try:
            card = parse_cccd_qr(text[start.start():])
        except CccdQrError as exc:
            self.scan_failed.emit(exc.message)
            return False
        field.blockSignals(True)
        field.setText(text[: start.start()])
        field.blockSignals(False)
        self.scanned.emit(card)
        return True

    def flush(self) -> bool:
        """Finish a scan now (tests, or the officer pressing Save right after scanning)."""
        field = self._field
        return self._finish(field) if field is not None else False
