"""A demo PKI (root, intermediate, officer and desk certificates) for demo mode and tests.

Every name says "DEMO ... (khong dung that)" so that no printed stamp can be mistaken for a real
one, and the demo root is trusted only while ``home.demo / "DEMO_MODE"`` exists.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from officer_desk.fileio import write_bytes_atomic, write_text_atomic
from officer_desk.paths import Home
from officer_desk.signing.certs import load_certificates, now_utc

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

# "(khong dung that)" = "(not for real use)"
NOT_REAL = " (kh\u00f4ng d\u00f9ng th\u1eadt)"
DEMO_ROOT_CN = "DEMO Root CA Officer Desk" + NOT_REAL
DEMO_SUB_CN = "DEMO CA c\u1ea5p d\u01b0\u1edbi Officer Desk" + NOT_REAL
DEMO_ORG = "DEMO UBND x\u00e3 M\u1eabu" + NOT_REAL
DEMO_OFFICER_CN = "DEMO C\u00e1n b\u1ed9 Nguy\u1ec5n V\u0103n M\u1eabu" + NOT_REAL
DEMO_DESK_CN = "DEMO M\u00e1y m\u1ed9t c\u1eeda Officer Desk" + NOT_REAL
DEMO_MODE_FLAG = "DEMO_MODE"


@dataclass(frozen=True)
class DemoMaterial:
    """Paths of the demo PKI inside ``home.demo``."""

    folder: Path
    root_pem: Path
    intermediate_pem: Path
    desk_p12: Path
    desk_pin: Path
    officer_p12: Path
    officer_pin: Path
    demo_mode_flag: Path


def demo_mode_enabled(home: Home) -> bool:
    return (home.demo / DEMO_MODE_FLAG).exists()


def _material(home: Home) -> DemoMaterial:
    folder = home.demo
    return DemoMaterial(
        folder=folder,
        root_pem=folder / "demo-root.pem",
        intermediate_pem=folder / "demo-intermediate.pem",
        desk_p12=folder / "desk.p12",
        desk_pin=folder / "desk.pin",
        officer_p12=folder / "officer.p12",
        officer_pin=folder / "officer.pin",
        demo_mode_flag=folder / DEMO_MODE_FLAG,
    )


def create_demo_ca(home: Home) -> DemoMaterial:
    """Create the demo PKI once (later calls reuse it) and turn demo mode on for ``home``."""
    material = _material(home)
    home.ensure()
    material.folder.mkdir(parents=True, exist_ok=True)
    if not _complete(material):
        _generate(material)
    if not material.demo_mode_flag.exists():
        write_text_atomic(material.demo_mode_flag, "demo mode: the demo root CA is trusted\n")
    return material


def _complete(material: DemoMaterial) -> bool:
    paths = (material.root_pem, material.desk_p12, material.desk_pin, material.officer_p12,
             material.officer_pin, material.intermediate_pem)
    if not all(path.exists() for path in paths):
        return False
    try:
        root = load_certificates(material.root_pem)[0]
    except (OSError, ValueError):
        return False
    # regenerate a few weeks before the demo root runs out
    return root.not_valid_after_utc > now_utc() + timedelta(days=30)


def _generate(material: DemoMaterial) -> None:
    now = now_utc()
    root_key = new_rsa_key()
    root = issue_certificate(
        subject=name(DEMO_ROOT_CN, "DEMO Officer Desk" + NOT_REAL), key=root_key, issuer=None,
        issuer_key=root_key, ca=True, not_before=now - timedelta(days=1), days=3650,
    )
    sub_key = new_rsa_key()
    sub = issue_certificate(
        subject=name(DEMO_SUB_CN, "DEMO Officer Desk" + NOT_REAL), key=sub_key, issuer=root,
        issuer_key=root_key, ca=True, path_length=0, not_before=now - timedelta(days=1), days=3000,
    )
    chain = [sub, root]
    for cn, p12_path, pin_path in (
        (DEMO_OFFICER_CN, material.officer_p12, material.officer_pin),
        (DEMO_DESK_CN, material.desk_p12, material.desk_pin),
    ):
        key = new_rsa_key()
        cert = issue_certificate(
            subject=name(cn, DEMO_ORG), key=key, issuer=sub, issuer_key=sub_key,
            not_before=now - timedelta(days=1), days=730,
        )
        password = secrets.token_urlsafe(12)
        write_bytes_atomic(p12_path, make_pkcs12(key, cert, chain, password, friendly_name=cn), private=True)
        write_text_atomic(pin_path, password + "\n", private=True)
    write_bytes_atomic(material.intermediate_pem, sub.public_bytes(serialization.Encoding.PEM))
    write_bytes_atomic(material.root_pem, root.public_bytes(serialization.Encoding.PEM))


# --- certificate factory (also used by the test suite) ---------------------------------------------


def new_rsa_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def new_ec_key(curve: ec.EllipticCurve | None = None) -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(curve or ec.SECP256R1())


def name(common_name: str, organisation: str | None = None, country: str = "VN") -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, country)]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attributes)


def issue_certificate(
    *,
    subject: x509.Name,
    key: PrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: PrivateKey,
    ca: bool = False,
    path_length: int | None = None,
    not_before: datetime | None = None,
    days: int = 365,
    key_usage: x509.KeyUsage | None = None,
    extended_key_usage: list[x509.ObjectIdentifier] | None = None,
    crl_url: str | None = None,
    hash_algorithm: hashes.HashAlgorithm | None = None,
    serial: int | None = None,
    public_key: object | None = None,
) -> x509.Certificate:
    """One X.509 certificate; ``issuer=None`` makes it self-signed. Defaults fit a signing certificate."""
    start = not_before or now_utc() - timedelta(minutes=5)
    issuer_name = issuer.subject if issuer is not None else subject
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(public_key or key.public_key())  # type: ignore[arg-type]
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length if ca else None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key or key.public_key()),  # type: ignore[arg-type]
                       critical=False)
    )
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
    )
    if key_usage is None:
        key_usage = (
            x509.KeyUsage(False, False, False, False, False, True, True, False, False)
            if ca
            else x509.KeyUsage(True, True, False, False, False, False, False, False, False)
        )
    builder = builder.add_extension(key_usage, critical=True)
    if extended_key_usage:
        builder = builder.add_extension(x509.ExtendedKeyUsage(extended_key_usage), critical=True)
    if crl_url:
        builder = builder.add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.UniformResourceIdentifier(crl_url)], None, None, None)]
            ),
            critical=False,
        )
    algorithm: Any = hash_algorithm or hashes.SHA256()
    return builder.sign(issuer_key, algorithm)


def make_pkcs12(
    key: PrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    password: str,
    *,
    friendly_name: str | None = None,
    legacy: bool = False,
) -> bytes:
    """A PKCS#12 file; ``legacy=True`` uses 3DES/SHA-1 as old Windows exports do."""
    if legacy:
        encryption = (
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(2048)
            .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
            .hmac_hash(hashes.SHA1())
            .build(password.encode("utf-8"))
        )
    else:
        encryption = serialization.BestAvailableEncryption(password.encode("utf-8"))
    label = (friendly_name or "officer-desk").encode("utf-8")
    return pkcs12.serialize_key_and_certificates(label, key, cert, chain or None, encryption)
