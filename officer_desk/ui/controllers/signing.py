"""Signing from the window: one worker, a busy indicator, the PIN dialog, and each document issued once.

Every action that issues a signed document (F2 receipt, supplement request, refusal, return slip, a
result document) goes through :meth:`SigningController.issue`: the case's code is marked in flight,
the signing actions are disabled and the status bar shows what is being signed until the worker
answers. A second F2, a double click or a retry for the same case while it is in flight is ignored; one
that arrives after the document was issued is answered by the service with the stored document, which
the window does not print again (``IssuedOutcome.already_issued``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from officer_desk.signing.errors import WrongPinError
from officer_desk.ui import services
from officer_desk.ui.controllers.base import Controller
from officer_desk.ui.pin_dialog import QtPinPort
from officer_desk.ui.signing_session import SigningSession

if TYPE_CHECKING:  # pyHanko loads on the signing worker after the first queue page (issue 17)
    from officer_desk.signing.pades import PdfSigner

PIN_ATTEMPTS = 3  # a token counts every wrong PIN: the window stops asking well before it locks


class SigningController(Controller):
    """Runs signing calls on the "signing" lane with the officer's session and the window's PIN dialog."""

    busy_changed = Signal(bool)
    document_issued = Signal(str, str)  # dossier code, document type (after it was stored)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.pins = QtPinPort(window)
        self.session = SigningSession(self.desk, self.pins)
        self.in_flight: set[str] = set()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("signing_label")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("signing_bar")
        self.busy_bar.setRange(0, 0)  # busy: no percentage to show
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_label.hide()
        self.busy_bar.hide()

    def install(self) -> None:
        bar = self.window.statusBar()
        bar.addWidget(self.busy_bar)
        bar.addWidget(self.busy_label)

    @property
    def busy(self) -> bool:
        return bool(self.in_flight)

    def _set_busy(self, text: str) -> None:
        shown = self.busy
        self.busy_label.setText(text)
        self.busy_label.setVisible(shown)
        self.busy_bar.setVisible(shown)
        self.busy_changed.emit(shown)  # the window updates its actions

    def issue(self, code: str, what: str, call: Callable[[PdfSigner], services.IssuedOutcome],
              done: Callable[[services.IssuedOutcome], None],
              existing: Callable[[], services.IssuedOutcome | None] | None = None) -> bool:
        """Sign and store one document of case ``code`` off the GUI thread; False when already in flight."""
        if code in self.in_flight:
            self.message(self.tr("{code}: the {what} is already being signed.").format(code=code, what=what), 4000)
            return False
        self.in_flight.add(code)
        self._set_busy(self.tr("Signing the {what} of {code}…").format(what=what, code=code))
        wrong_pin = self.tr("The PIN or password just entered is wrong; nothing was signed. Enter it again.")

        def work() -> services.IssuedOutcome:
            issued = existing() if existing is not None else None
            if issued is not None:
                return issued  # issued before: no key is opened, no PIN asked, nothing issued again
            attempt = 1
            while True:
                try:
                    with self.session.signer() as pdf:
                        return call(pdf)
                except WrongPinError:
                    # Nothing was written: the key is opened before a register number is taken.
                    if attempt >= PIN_ATTEMPTS:
                        raise
                    attempt += 1
                    self.pins.set_note(wrong_pin)

        def finished() -> None:
            self.in_flight.discard(code)
            self._set_busy("")

        def ok(outcome: services.IssuedOutcome) -> None:
            finished()
            done(outcome)
            if not outcome.already_issued and outcome.doc_type:
                self.document_issued.emit(code, outcome.doc_type)

        def failed(exc: object) -> None:
            finished()
            self.window.show_error(exc)
            self.window.after_change(self.tr("{code}: nothing was signed").format(code=code))

        self.runner.submit(work, ok, failed, owner=self.widget, lane="signing")
        return True

    def prepare(self) -> None:
        """Warm the signing session in the background (trust store, stamp font); failures wait for F2."""
        self.runner.submit(self.session.prepare, None, lambda _exc: None, owner=None, lane="signing")

    def end_session(self) -> None:
        """Sign-out, lock or a changed certificate: questions waiting are cancelled, the key released."""
        self.pins.cancel_all()
        self.runner.submit(self.session.close, None, lambda _exc: None, owner=None, lane="signing")
