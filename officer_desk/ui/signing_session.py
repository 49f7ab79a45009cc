"""The window's signing session: the signed-in officer's key, opened once and kept while the settings allow.

Plain Python (no Qt), used only from the window's single signing worker. Where the F2 time went: every
document opened a new ``PdfSigner`` (PKCS#12 decryption, trust store and its subject index, the chain
check, a dry-run signature to size the CMS, the stamp font subset): ~2.5 s of the 2.5 s measured by
hand, against ~10 ms for the signature itself. The session keeps the trust store for the whole window,
and the opened signer while the officer's PIN may be kept (``keep_pin_token``/``keep_pin_pkcs12``):
then the next F2 only renders and signs.

The PIN or password is asked through the ``PinPort`` the window gives (a dialog on the GUI thread); it is
never stored by the session. "Kept for the session" means the opened key stays in memory (a token
stays logged in); it is closed at sign-out, lock, a token error, or when the setting is off.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from officer_desk.signing.errors import KeystoreError, SigningCancelled, WrongPinError
from officer_desk.signing.keystore import PinPort
from officer_desk.signing.pades import PdfSigner, load_desk_signer
from officer_desk.signing.trust import TrustStore

if TYPE_CHECKING:
    from officer_desk.desk import Desk


class SigningSession:
    """Opens the acting officer's key on demand and keeps it between documents when allowed."""

    def __init__(self, desk: Desk, pins: PinPort) -> None:
        self.desk = desk
        self.pins = pins
        self._pdf: PdfSigner | None = None
        self._kind = ""
        self._trust: TrustStore | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._pdf is not None

    def keeps_key(self, kind: str) -> bool:
        """Whether the opened key (and so the PIN's effect) is kept for the next document."""
        if kind == "demo":
            return True  # the demo key's password is a file of the home: nothing is asked, nothing to forget
        config = self.desk.config
        return bool(config.keep_pin_token if kind == "pkcs11" else config.keep_pin_pkcs12)

    def _open(self) -> tuple[PdfSigner, str]:
        desk = self.desk
        if not desk.set_up:
            # A demo home signs with the demo desk certificate; a home never set up gets the core's words.
            return load_desk_signer(desk.home, None, None,
                                    timestamp_url=desk.config.timestamp_url or None), "demo"
        from officer_desk.accounts.service import bound_certificate
        from officer_desk.accounts.signing import account_signer

        binding = bound_certificate(desk.db, desk.officer)
        signer = account_signer(desk, self.pins)
        try:
            if self._trust is None:
                self._trust = TrustStore.load(desk.home)
            pdf = PdfSigner(signer, trust=self._trust, home=desk.home,
                            timestamp_url=desk.config.timestamp_url or None, clock_guard=desk.cases.guard_clock)
        except BaseException:
            signer.close()
            raise
        return pdf, binding.kind if binding is not None else ""

    @contextmanager
    def signer(self) -> Iterator[PdfSigner]:
        """The session's signer for one document; a key error closes the session (asked again next time)."""
        with self._lock:
            if self._pdf is None:
                self._pdf, self._kind = self._open()
            pdf = self._pdf
            try:
                yield pdf
            except (KeystoreError, SigningCancelled, WrongPinError):
                self._close()
                raise
            finally:
                if self._pdf is not None and not self.keeps_key(self._kind):
                    self._close()

    def _close(self) -> None:
        pdf, self._pdf, self._kind = self._pdf, None, ""
        if pdf is not None:
            pdf.close()

    def close(self) -> None:
        """End the session: the key is released (a token logs out). Sign-out, lock, settings changed."""
        with self._lock:
            self._close()

    def forget_trust(self) -> None:
        """The trust store changed (Settings): load it again at the next document."""
        with self._lock:
            self._trust = None
