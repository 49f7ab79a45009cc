"""Test PKI, PDFs, a local timestamp server and tool helpers for the signing tests.

The fixtures (``pki``, ``receipt_pdf``, ``tsa_server``) are registered for every test by
``tests/conftest.py``; import the other names. Keys are generated once per session.
"""

from __future__ import annotations

import io
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import ExtendedKeyUsageOID

from officer_desk.signing import certs
from officer_desk.signing.demo_ca import issue_certificate, make_pkcs12, name, new_ec_key, new_rsa_key

PIN = "test-pin-1234"
CRL_URL = "http://127.0.0.1:9/test-sub.crl"  # named but never reachable: tests are offline


@dataclass
class Identity:
    key: object
    cert: x509.Certificate
    chain: list[x509.Certificate]
    p12: Path

    @property
    def pem(self) -> bytes:
        return certs.to_pem(self.cert)


@dataclass
class TestPki:
    folder: Path
    root: Identity
    sub: Identity
    good: Identity
    ec: Identity
    expired: Identity
    no_key_usage: Identity
    weak: Identity
    with_crl: Identity
    revoked: Identity
    tsa: Identity
    stranger: Identity  # chains to an unrelated root
    other_tsa: Identity  # a TSA under the unrelated root
    stranger_root: Identity
    sha1_root: Identity
    sha1_signer: Identity
    legacy_3des_p12: Path
    root_pem: Path
    stranger_root_pem: Path
    sha1_root_pem: Path
    crl_der: bytes  # CRL of `sub`, listing `revoked`

    __test__ = False


def _identity(folder: Path, label: str, key: object, cert: x509.Certificate,
              chain: list[x509.Certificate]) -> Identity:
    p12 = folder / f"{label}.p12"
    p12.write_bytes(make_pkcs12(key, cert, chain, PIN, friendly_name=label))  # type: ignore[arg-type]
    return Identity(key, cert, chain, p12)


_PKI: list[TestPki] = []


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    """The test PKI, built once per session (the fixture is imported by several modules)."""
    if not _PKI:
        _PKI.append(_build_pki(tmp_path_factory.mktemp("pki")))
    return _PKI[0]


def _build_pki(folder: Path) -> TestPki:
    now = datetime.now(UTC)
    start = now - timedelta(days=2)
    root_key = new_rsa_key()
    root = issue_certificate(subject=name("Test Root CA", "Officer Desk Tests"), key=root_key, issuer=None,
                             issuer_key=root_key, ca=True, not_before=now - timedelta(days=3000), days=6000)
    sub_key = new_rsa_key()
    sub = issue_certificate(subject=name("Test Sub CA", "Officer Desk Tests"), key=sub_key, issuer=root,
                            issuer_key=root_key, ca=True, path_length=0,
                            not_before=now - timedelta(days=2000), days=4000)
    chain = [sub, root]

    def leaf(label: str, cn: str, **kwargs: object) -> Identity:
        key = kwargs.pop("key", None) or new_rsa_key()
        cert = issue_certificate(subject=name(cn, "UBND ph\u01b0\u1eddng Th\u1eed Nghi\u1ec7m"), key=key,
                                 issuer=sub, issuer_key=sub_key, **kwargs)  # type: ignore[arg-type]
        return _identity(folder, label, key, cert, chain)

    good = leaf("good", "Nguy\u1ec5n V\u0103n Th\u1eed", not_before=start, days=365)
    ec_id = leaf("ec", "Tr\u1ea7n Th\u1ecb EC", key=new_ec_key(), not_before=start, days=365)
    expired = leaf("expired", "L\u00ea H\u1ebft H\u1ea1n", not_before=now - timedelta(days=400), days=30)
    no_ku = leaf("noku", "Ph\u1ea1m Kh\u00f4ng K\u00fd",
                 key_usage=x509.KeyUsage(False, False, True, False, False, False, False, False, False),
                 not_before=start, days=365)
    weak = leaf("weak", "V\u0169 Kh\u00f3a Y\u1ebfu", key=new_rsa_key(1024), not_before=start, days=365)
    with_crl = leaf("withcrl", "\u0110\u1ed7 C\u00f3 CRL", crl_url=CRL_URL, not_before=start, days=365)
    revoked = leaf("revoked", "Ho\u00e0ng B\u1ecb Thu H\u1ed3i", crl_url=CRL_URL, not_before=start, days=365)
    tsa_key = new_rsa_key()
    tsa_cert = issue_certificate(
        subject=name("Test TSA", "Officer Desk Tests"), key=tsa_key, issuer=sub, issuer_key=sub_key,
        key_usage=x509.KeyUsage(True, True, False, False, False, False, False, False, False),
        extended_key_usage=[ExtendedKeyUsageOID.TIME_STAMPING], not_before=now - timedelta(days=1000), days=3000,
    )
    tsa = _identity(folder, "tsa", tsa_key, tsa_cert, chain)

    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(sub.subject)
        .last_update(now - timedelta(hours=1))
        .next_update(now + timedelta(days=7))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(revoked.cert.serial_number)
            .revocation_date(now - timedelta(minutes=30))
            .build()
        )
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(sub_key.public_key()), critical=False)
        .add_extension(x509.CRLNumber(1), critical=False)
        .sign(sub_key, hashes.SHA256())
    )

    other_key = new_rsa_key()
    other_root = issue_certificate(subject=name("Stranger Root CA", "Nobody"), key=other_key, issuer=None,
                                   issuer_key=other_key, ca=True, not_before=start, days=3000)
    stranger_key = new_rsa_key()
    stranger_cert = issue_certificate(subject=name("Ng\u01b0\u1eddi L\u1ea1", "Nobody"), key=stranger_key,
                                      issuer=other_root, issuer_key=other_key, not_before=start, days=365)
    stranger = _identity(folder, "stranger", stranger_key, stranger_cert, [other_root])
    other_tsa_key = new_rsa_key()
    other_tsa_cert = issue_certificate(
        subject=name("Other TSA", "Nobody"), key=other_tsa_key, issuer=other_root, issuer_key=other_key,
        key_usage=x509.KeyUsage(True, True, False, False, False, False, False, False, False),
        extended_key_usage=[ExtendedKeyUsageOID.TIME_STAMPING], not_before=start, days=3000,
    )
    other_tsa = _identity(folder, "othertsa", other_tsa_key, other_tsa_cert, [other_root])

    # A G1-like chain: SHA-1 signed sub-CA under a root, SHA-256 signer below.
    s1_root_key = new_rsa_key()
    s1_root = issue_certificate(subject=name("Test SHA1 Root", "Ban Co yeu Test"), key=s1_root_key, issuer=None,
                                issuer_key=s1_root_key, ca=True, not_before=start, days=3000)
    s1_root = _resign_sha1(s1_root, s1_root_key)
    s1_sub_key = new_rsa_key()
    s1_sub = issue_certificate(subject=name("Test SHA1 Sub", "Ban Co yeu Test"), key=s1_sub_key, issuer=s1_root,
                               issuer_key=s1_root_key, ca=True, path_length=0, not_before=start, days=3000)
    s1_sub = _resign_sha1(s1_sub, s1_root_key)
    s1_key = new_rsa_key()
    s1_cert = issue_certificate(subject=name("C\u00e1n b\u1ed9 G1", "Ban Co yeu Test"), key=s1_key, issuer=s1_sub,
                                issuer_key=s1_sub_key, not_before=start, days=365)
    s1_cert = _resign_sha1(s1_cert, s1_sub_key)
    sha1_signer = _identity(folder, "sha1", s1_key, s1_cert, [s1_sub, s1_root])

    legacy = folder / "legacy-3des.p12"
    legacy.write_bytes(make_pkcs12(good.key, good.cert, chain, PIN, friendly_name="legacy", legacy=True))  # type: ignore[arg-type]

    root_pem = folder / "root.pem"
    root_pem.write_bytes(certs.to_pem(root))
    stranger_root_pem = folder / "stranger-root.pem"
    stranger_root_pem.write_bytes(certs.to_pem(other_root))
    sha1_root_pem = folder / "sha1-root.pem"
    sha1_root_pem.write_bytes(certs.to_pem(s1_root))
    return TestPki(
        folder=folder,
        root=Identity(root_key, root, [], folder / "none.p12"),
        sub=Identity(sub_key, sub, [root], folder / "none.p12"),
        good=good, ec=ec_id, expired=expired, no_key_usage=no_ku, weak=weak, with_crl=with_crl,
        revoked=revoked, tsa=tsa, stranger=stranger, other_tsa=other_tsa,
        stranger_root=Identity(other_key, other_root, [], folder / "none.p12"),
        sha1_root=Identity(s1_root_key, s1_root, [], folder / "none.p12"),
        sha1_signer=sha1_signer, legacy_3des_p12=legacy, root_pem=root_pem,
        stranger_root_pem=stranger_root_pem, sha1_root_pem=sha1_root_pem,
        crl_der=crl.public_bytes(serialization.Encoding.DER),
    )


def _resign_sha1(cert: x509.Certificate, issuer_key: object) -> x509.Certificate:
    """The same certificate signed with sha1WithRSAEncryption (cryptography no longer makes those)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.asymmetric import padding

    parsed = asn1_x509.Certificate.load(certs.to_der(cert))
    tbs = parsed["tbs_certificate"]
    tbs["signature"] = {"algorithm": "sha1_rsa"}
    parsed["signature_algorithm"] = {"algorithm": "sha1_rsa"}
    tbs_der = tbs.dump(force=True)
    parsed["signature_value"] = issuer_key.sign(tbs_der, padding.PKCS1v15(), hashes.SHA1())  # type: ignore[attr-defined]
    return x509.load_der_x509_certificate(parsed.dump(force=True))


def make_receipt_pdf(pages: int = 1, text: str = "Receipt 0001", with_field: str | None = None) -> bytes:
    """A small uncompressed PDF (so tests can change one byte of visible text)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(420, 595), pageCompression=0)
    for index in range(pages):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(40, 540, f"{text} page {index + 1}")
        pdf.showPage()
    pdf.save()
    data = buf.getvalue()
    if with_field:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields

        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        fields.append_signature_field(writer, fields.SigFieldSpec(with_field, on_page=0, box=(40, 40, 260, 110)))
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    return data


@pytest.fixture(scope="session")
def receipt_pdf() -> bytes:
    return make_receipt_pdf()


class _TsaHandler(BaseHTTPRequestHandler):
    stamper: object = None
    hits = 0

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        length = int(self.headers.get("Content-Length", "0"))
        request = tsp.TimeStampReq.load(self.rfile.read(length))
        response = self.stamper.request_tsa_response(request)  # type: ignore[attr-defined]
        body = response.dump()
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the test server
        return


@dataclass
class TsaServer:
    url: str
    handler: type[_TsaHandler]

    __test__ = False


@pytest.fixture(scope="session")
def tsa_server(pki: TestPki) -> Iterator[TsaServer]:
    """pyHanko's test timestamper behind a tiny HTTP handler on 127.0.0.1 (no internet)."""
    from pyhanko.sign.timestamps import DummyTimeStamper

    key_info = asn1_keys.PrivateKeyInfo.load(
        pki.tsa.key.private_bytes(  # type: ignore[attr-defined]
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    stamper = DummyTimeStamper(
        tsa_cert=certs.to_asn1(pki.tsa.cert), tsa_key=key_info,
        certs_to_embed=[certs.to_asn1(pki.sub.cert)],
    )
    handler = type("Handler", (_TsaHandler,), {"stamper": stamper, "hits": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield TsaServer(f"http://127.0.0.1:{server.server_address[1]}/tsa", handler)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
