"""Result documents in the window: preview a result PDF (QtPdf) and submit it for signature ("Trình ký"),
or, for a supervisor, preview the submitted result and sign it with their own key.

The preview reads the bytes from memory (a QBuffer kept as long as the document); nothing is written to
disk. The services (``receipts.results``) run on the window's workers: submitting on the interactive
lane, signing on the signing lane through the officer's signing session (PIN dialog, busy state, once).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class ResultPreviewDialog(QDialog):
    """A PDF preview with one action button ("Trình ký" or "Ký kết quả"); accepted = do it."""

    def __init__(self, title: str, pdf: bytes, action_text: str, note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_preview")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("result_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout.addWidget(self.view, 1)
        self.readable = self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0
        self.message = QLabel()
        self.message.setObjectName("result_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        if not self.readable:
            self.message.setText(self.tr("This file cannot be shown as a PDF; it cannot be submitted."))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action_text)
        ok.setEnabled(self.readable)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 860)
