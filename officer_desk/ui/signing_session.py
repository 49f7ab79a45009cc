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

if TYPE_CHECKING:  # pyHanko and the trust store load on the signing worker, after the first queue page (issue 17)
    from officer_desk.desk import Desk
    from officer_desk.signing.keystore import PinPort
    from officer_desk.signing.pades import PdfSigner
    from officer_desk.signing.trust import TrustStore


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

    def prepare(self) -> None:
        """Do, before the first F2, the work that needs no PIN: load the trust store with its subject index,
        and subset the stamp font for the bound certificate's name (~1 s on a busy office PC). Run on the
        signing worker right after sign-in, so the first signature of a session costs the key only."""
        desk = self.desk
        if not desk.set_up:
            return
        from cryptography import x509

        from officer_desk.accounts.service import bound_certificate
        from officer_desk.signing import certs
        from officer_desk.signing.fonts import StampFont
        from officer_desk.signing.stamp import stamp_label_text
        from officer_desk.signing.trust import TrustStore

        with self._lock:
            if self._trust is None:
                self._trust = TrustStore.load(desk.home)
            self._trust._subject_index()  # built once here rather than inside the first F2
        # The receipt renderer's first document loads templates, faces and the QR encoder (~0.6 s).
        from officer_desk.receipts.render import render_document
        from officer_desk.receipts.samples import sample_receipt

        sample = render_document("receipt", sample_receipt(), desk.config.paper_size or "a5")
        # pyHanko imports its writer's helpers lazily at the first incremental write (~0.35 s): do one now.
        import io

        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        IncrementalPdfFileWriter(io.BytesIO(sample)).write(io.BytesIO())
        binding = bound_certificate(desk.db, desk.officer)
        if binding is None:
            return
        cert = x509.load_pem_x509_certificate(binding.certificate_pem.encode("ascii"))
        # The same text PdfSigner.font asks for, so the first document finds the subset ready.
        font = StampFont.shared(certs.common_name(cert) + (certs.organisation(cert) or "") + stamp_label_text())
        # The stamp also prints the officer's and the office's names: subset them now, not at the first F2.
        font.ensure(desk.officer_name + desk.config.agency_name + " ".join(desk.config.agency_header))

    def _open(self) -> tuple[PdfSigner, str]:
        from officer_desk.signing.pades import PdfSigner, load_desk_signer
        from officer_desk.signing.trust import TrustStore

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
