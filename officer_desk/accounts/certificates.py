"""An account's signing certificate: checked before it is bound, loaded (PIN through a PinPort) to sign.

A PKCS#12 is imported into the desk keystore (``keystore/``, owner-only, re-encrypted under the same
password, which is never stored); a token binding keeps the module path and the key id. Either
way the certificate is checked before it is accepted: validity now, key usage for signatures, key
size, chain to the trust store; a refusal says why in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509

from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.errors import KeystoreError, TokenError
from officer_desk.signing.keystore import (
    PinPort,
    Pkcs11Keystore,
    Pkcs12Keystore,
    Signer,
    StaticPinPort,
    TokenKeyRef,
    _decode_pkcs12,
)
from officer_desk.signing.trust import TrustStore, add_user_certificates, check_certificate_for_signing


class NoCertificateError(DeskError):
    """The acting account has no certificate bound; nothing was signed (exit 1)."""

    code = "no_certificate"
    exit_code = 1


@dataclass(frozen=True)
class P12Source:
    """A PKCS#12 file and its password (used once to check and import; never stored)."""

    path: Path
    password: str


@dataclass(frozen=True)
class TokenSource:
    """A key on a PKCS#11 token: the module library and the key's CKA_ID (hex) or serial:HEX."""

    module: str
    key_id: str
    token_label: str | None = None


CertificateSource = P12Source | TokenSource


@dataclass(frozen=True)
class CertificateBinding:
    """What the account keeps about its certificate (no secret)."""

    kind: str  # pkcs12 | pkcs11
    subject: str
    common_name: str
    sha256: str
    not_after: datetime
    certificate_pem: str
    keystore_id: str = ""
    module_path: str = ""
    key_id: str = ""
    token_label: str = ""


def add_trust_anchors(home: Home, pems: tuple[Path, ...] | list[Path]) -> None:
    """``--trust`` anchors of setup/account add: added to the home's trust store before any check."""
    for pem in pems:
        add_user_certificates(home, Path(pem))


def _check(home: Home, cert: x509.Certificate, chain: list[x509.Certificate]) -> None:
    check_certificate_for_signing(cert, chain, TrustStore.load(home))


def _binding(kind: str, cert: x509.Certificate, **where: str) -> CertificateBinding:
    return CertificateBinding(
        kind=kind, subject=certs.subject_text(cert), common_name=certs.common_name(cert),
        sha256=certs.sha256_hex(cert), not_after=certs.not_after(cert),
        certificate_pem=certs.to_pem(cert).decode("ascii"), **where,
    )


def import_p12(home: Home, source: P12Source) -> CertificateBinding:
    """Check the PKCS#12's certificate, then import it into the desk keystore."""
    try:
        data = Path(source.path).read_bytes()
    except OSError as exc:
        raise KeystoreError(_("Không đọc được tệp khóa {path}", path=str(source.path))) from exc
    _key, cert, chain = _decode_pkcs12(data, source.password)
    _check(home, cert, chain)
    entry = Pkcs12Keystore(home).import_file(Path(source.path), StaticPinPort(source.password))
    return _binding("pkcs12", cert, keystore_id=entry.id)


def probe_token(home: Home, source: TokenSource) -> CertificateBinding:
    """Read and check the certificate of a token key (no PIN: certificates are public objects)."""
    ref = TokenKeyRef.parse(source.key_id)
    store = Pkcs11Keystore(source.module, token_label=source.token_label)
    chosen = None
    chain: list[x509.Certificate] = []
    for entry in store.entries():
        cert = _entry_certificate(store, entry.id)
        if cert is None:
            continue
        if (ref.key_id is not None and bytes.fromhex(entry.id) == ref.key_id) or (
                ref.serial is not None and cert.serial_number == ref.serial):
            chosen = cert
        else:
            chain.append(cert)
    if chosen is None:
        raise TokenError(_("Trên token không có chứng thư khớp mã khóa {ref}", ref=source.key_id), code="not_found")
    _check(home, chosen, chain)
    return _binding("pkcs11", chosen, module_path=str(source.module), key_id=source.key_id,
                    token_label=source.token_label or "")


def _entry_certificate(store: Pkcs11Keystore, entry_id: str) -> x509.Certificate | None:
    token = store._token()
    with token.open() as session:
        for key_id, _label, cert in store._certificates(session):
            if key_id.hex() == entry_id:
                return cert
    return None


def load_bound_signer(home: Home, binding: CertificateBinding, pins: PinPort) -> Signer:
    """Open the account's key for a signing session, asking its password or PIN through ``pins``.

    The key must still hold the certificate that was checked and bound (a token swapped for
    another officer's is refused).
    """
    signer: Signer
    if binding.kind == "pkcs12":
        signer = Pkcs12Keystore(home).load_signer(binding.keystore_id, pins)
    elif binding.kind == "pkcs11":
        signer = Pkcs11Keystore(binding.module_path, token_label=binding.token_label or None).load_signer(
            binding.key_id, pins)
    else:
        raise NoCertificateError(_("Loại chứng thư không được hỗ trợ: {kind}", kind=binding.kind))
    if certs.sha256_hex(signer.cert) != binding.sha256:
        signer.close()
        raise KeystoreError(_(
            "Khóa đang cắm không phải khóa đã gắn với tài khoản (chứng thư của {name}); chưa ký gì",
            name=certs.common_name(signer.cert)), code="wrong_key")
    return signer
