"""The window's ``PinPort``: the signing worker asks for a PIN, a dialog on the GUI thread answers.

Electrum's handler port: the signing core calls ``ask_pin(prompt)`` from its worker thread; this class
posts the question to the GUI thread (a queued signal), shows a window-modal dialog there and blocks only
the worker on a ``threading.Event`` until the officer answers. ``None`` is a cancel: the core then signs
nothing and the case is unchanged. Called on the GUI thread itself (a synchronous runner), the dialog
runs in a local event loop instead. The PIN is held only in the request object while it crosses threads;
it is never logged or written anywhere.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


@dataclass
class PinRequest:
    """One question crossing from the worker to the GUI thread, and its answer back."""

    prompt: str
    note: str = ""
    answer: str | None = None
    answered: threading.Event = field(default_factory=threading.Event)

    def reply(self, answer: str | None) -> None:
        self.answer = answer
        self.answered.set()


class PinDialog(QDialog):
    """Asks the PIN of a token or the password of a PKCS#12 key; the state of the token in words."""

    def __init__(self, request: PinRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.setObjectName("pin_dialog")
        self.setWindowTitle(self.tr("Signing PIN"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        prompt = QLabel(request.prompt)
        prompt.setWordWrap(True)
        prompt.setObjectName("pin_prompt")
        layout.addWidget(prompt)
        self.note = QLabel(request.note)
        self.note.setObjectName("pin_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b00020;")
        self.note.setVisible(bool(request.note))
        layout.addWidget(self.note)
        self.edit = QLineEdit()
        self.edit.setObjectName("pin_edit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(self.tr("PIN or password"))
        layout.addWidget(self.edit)
        hint = QLabel(self.tr("Cancel signs nothing: the dossier stays as it is."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.setFocus()
        self.finished.connect(self._answer)

    def _answer(self, result: int) -> None:
        pin = self.edit.text() if result == QDialog.DialogCode.Accepted else None
        self.edit.clear()  # the widget does not keep the PIN once it has been handed over
        self.request.reply(pin)


class QtPinPort(QObject):
    """``PinPort`` for the window: thread-safe; the dialog is parented to ``window``."""

    _asked = Signal(object)  # PinRequest, queued to the GUI thread
    dialog_shown = Signal(object)  # PinDialog (tests answer it)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._note = ""
        self._pending: list[PinRequest] = []
        self._lock = threading.Lock()
        self.dialog: PinDialog | None = None
        self._asked.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def set_note(self, note: str) -> None:
        """Words shown with the next question (a wrong PIN just entered, tries left)."""
        self._note = note

    def ask_pin(self, prompt: str) -> str | None:
        request = PinRequest(prompt, self._note)
        self._note = ""
        with self._lock:
            self._pending.append(request)
        try:
            if QThread.currentThread() is self.thread():
                loop = QEventLoop()
                self._show(request)
                if not request.answered.is_set():
                    dialog = self.dialog
                    if dialog is not None:
                        dialog.finished.connect(loop.quit)
                        loop.exec()
            else:
                self._asked.emit(request)
                request.answered.wait()
            return request.answer
        finally:
            with self._lock:
                if request in self._pending:
                    self._pending.remove(request)

    def _show(self, request: PinRequest) -> None:
        if request.answered.is_set():
            return
        if not shiboken6.isValid(self.window):
            request.reply(None)
            return
        dialog = PinDialog(request, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_args: self._forget_dialog(dialog))
        dialog.open()
        self.dialog_shown.emit(dialog)

    def _forget_dialog(self, dialog: PinDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def cancel_all(self) -> None:
        """The window closes or locks: every waiting question is answered "cancel" (nothing is signed)."""
        with self._lock:
            pending = list(self._pending)
        for request in pending:
            request.reply(None)
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
