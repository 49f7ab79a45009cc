"""Certificate helpers: loading PEM/DER/PKCS#7 (BER too), fingerprints, names, key checks, local time."""

from __future__ import annotations

import functools
import hashlib
import warnings
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from asn1crypto import cms as asn1_cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import NameOID

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MIN_RSA_BITS = 2048
MIN_EC_BITS = 256


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_vn(moment: datetime) -> datetime:
    """The moment in Vietnamese local time (+07:00); naive values are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VN_TZ)


def format_vn(moment: datetime) -> str:
    """dd/mm/yyyy hh:mm:ss +07:00, as printed on stamps and shown to officers."""
    local = to_vn(moment)
    return local.strftime("%d/%m/%Y %H:%M:%S ") + _offset(local)


def iso_vn(moment: datetime) -> str:
    """ISO 8601 with the +07:00 offset (the contract's signing_time)."""
    return to_vn(moment).replace(microsecond=0).isoformat()


def format_date_vn(moment: datetime) -> str:
    return to_vn(moment).strftime("%d/%m/%Y")


def _offset(local: datetime) -> str:
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


# --- loading -------------------------------------------------------------------------------------


def load_certificates_from_bytes(data: bytes) -> list[x509.Certificate]:
    """Every certificate in ``data``: PEM (one or many), DER, or a PKCS#7 bundle (DER or BER).

    Official .p7b files from rootca.gov.vn use BER indefinite lengths, which a strict DER parser
    rejects; asn1crypto reads BER, and the certificates inside are re-emitted as DER.
    """
    # pkcs7 is imported only for a bundle: its import (with the email package) cost ~3 ms of every sign and
    # verify process, whose certificates are plain PEM/DER (issue 17)
    stripped = data.lstrip()
    if stripped.startswith(b"-----BEGIN"):
        if b"-----BEGIN PKCS7-----" in data or b"-----BEGIN CERTIFICATE PKCS7" in data:
            from cryptography.hazmat.primitives.serialization import pkcs7

            try:
                return list(pkcs7.load_pem_pkcs7_certificates(data))
            except ValueError:
                pass
        return list(x509.load_pem_x509_certificates(data))
    try:
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        pass
    from cryptography.hazmat.primitives.serialization import pkcs7

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return list(pkcs7.load_der_pkcs7_certificates(data))
        except ValueError:
            pass
    return _load_ber_pkcs7(data)


def _load_ber_pkcs7(data: bytes) -> list[x509.Certificate]:
    try:
        info = asn1_cms.ContentInfo.load(data)
        if info["content_type"].native != "signed_data":
            raise ValueError("not a PKCS#7 SignedData bundle")
        result: list[x509.Certificate] = []
        for choice in info["content"]["certificates"] or []:
            cert = choice.chosen
            if not isinstance(cert, asn1_x509.Certificate):
                continue
            try:
                result.append(x509.load_der_x509_certificate(cert.dump()))
            except ValueError:
                result.append(x509.load_der_x509_certificate(cert.dump(force=True)))
        if not result:
            raise ValueError("no certificate in the bundle")
        return result
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(f"not a certificate file: {exc}") from exc


def load_certificates(path: Path) -> list[x509.Certificate]:
    return load_certificates_from_bytes(Path(path).read_bytes())


def to_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def to_der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(to_der(cert))


def from_asn1(cert: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


# --- facts ---------------------------------------------------------------------------------------


def sha256_hex(cert: x509.Certificate | asn1_x509.Certificate) -> str:
    if isinstance(cert, asn1_x509.Certificate):
        return hashlib.sha256(cert.dump()).hexdigest().upper()
    return _fingerprint(cert)


@functools.lru_cache(maxsize=1024)
def _fingerprint(cert: x509.Certificate) -> str:
    # Remembered per certificate (equal certificates are equal DER): a sign or verify process asks for
    # each trust-store certificate's fingerprint ~3 times, ~260 DER encodings (~3 ms, issue 17).
    return hashlib.sha256(to_der(cert)).hexdigest().upper()


def normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return None
    value = values[0].value
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def common_name(cert: x509.Certificate) -> str:
    return _attribute(cert.subject, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()


def organisation(cert: x509.Certificate) -> str | None:
    return _attribute(cert.subject, NameOID.ORGANIZATION_NAME)


def subject_text(cert: x509.Certificate) -> str:
    """The subject as people read it (RFC 4514 order, Unicode kept)."""
    return cert.subject.rfc4514_string()


def is_self_signed(cert: x509.Certificate) -> bool:
    if cert.subject != cert.issuer:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, Exception):  # noqa: BLE001 - any failure means "not self-signed"
        return False
    return True


def key_description(cert: x509.Certificate) -> tuple[str, int]:
    """("RSA", 2048), ("EC", 256), ... for the certificate's public key."""
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA", key.key_size
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "EC", key.curve.key_size
    if isinstance(key, dsa.DSAPublicKey):
        return "DSA", key.key_size
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519", 256
    if isinstance(key, ed448.Ed448PublicKey):
        return "Ed448", 448
    return type(key).__name__, 0


def key_strength_ok(cert: x509.Certificate) -> bool:
    """RSA >= 2048 bits or ECDSA >= 256 bits (the legal minimum); other key types are refused."""
    kind, bits = key_description(cert)
    if kind == "RSA":
        return bits >= MIN_RSA_BITS
    if kind == "EC":
        return bits >= MIN_EC_BITS
    return False


def has_signing_key_usage(cert: x509.Certificate) -> bool:
    """digitalSignature or nonRepudiation; a certificate without the extension may sign anything."""
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return bool(usage.digital_signature or usage.content_commitment)


def names_revocation_source(cert: x509.Certificate) -> bool:
    """Whether the certificate names a CRL distribution point or an OCSP responder."""
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
        if any(point.full_name for point in points):
            return True
    except x509.ExtensionNotFound:
        pass
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
        return any(d.access_method == x509.AuthorityInformationAccessOID.OCSP for d in aia)
    except x509.ExtensionNotFound:
        return False


def not_before(cert: x509.Certificate) -> datetime:
    return cert.not_valid_before_utc


def not_after(cert: x509.Certificate) -> datetime:
    return cert.not_valid_after_utc


def serial_hex(cert: x509.Certificate) -> str:
    return format(cert.serial_number, "X")
