"""Signing as the acting officer: the certificate bound to the account, its PIN asked through a PinPort.

This is where a set-up desk's ``receipt``, ``notice`` and ``sign`` (and the window's F2) find their
key. The port is called once per signing session, from the thread that signs: the window's
implementation marshals to the GUI thread; ``None`` from the port cancels (nothing is signed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from officer_desk.accounts.certificates import NoCertificateError, load_bound_signer
from officer_desk.accounts.roles import Permission
from officer_desk.accounts.service import bound_certificate
from officer_desk.i18n import _
from officer_desk.signing.keystore import PinPort, Signer

if TYPE_CHECKING:
    from officer_desk.desk import Desk
    from officer_desk.signing.pades import PdfSigner


def account_signer(desk: Desk, pins: PinPort) -> Signer:
    """The acting account's key, opened (PIN asked once through ``pins``)."""
    desk.require(Permission.DOCUMENT_SIGN)
    binding = bound_certificate(desk.db, desk.officer)
    if binding is None:
        # Words for the officer; no command line, and never "use the demo certificate".
        raise NoCertificateError(_(
            "Tài khoản {user} chưa được gắn chứng thư số để ký; quản trị viên cần gắn chứng thư "
            "(tệp PKCS#12 hoặc token) cho tài khoản này", user=desk.officer))
    return load_bound_signer(desk.home, binding, pins)


def load_account_signer(desk: Desk, pins: PinPort) -> PdfSigner:
    """A signing session with the acting officer's certificate (checked again before it signs)."""
    from officer_desk.signing.pades import PdfSigner

    signer = account_signer(desk, pins)
    try:
        return PdfSigner(signer, home=desk.home, timestamp_url=desk.config.timestamp_url or None)
    except BaseException:
        signer.close()
        raise
