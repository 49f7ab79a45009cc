"""Issuing documents (render + QR + signing), the data classes, and verify-receipt (API and CLI)."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PIL import Image

from officer_desk.paths import Home
from officer_desk.receipts import issue as issue_module
from officer_desk.receipts.issue import issue_document, issue_notice_pdf, issue_receipt_pdf
from officer_desk.receipts.model import (
    ComponentLine,
    NoticeData,
    ReceiptData,
    ReceiptDataError,
    SupplementItem,
    data_for,
)
from officer_desk.receipts.qr import VIETNAM_TIME, QrKeyring, parse_payload
from officer_desk.receipts.render import ReceiptError
from officer_desk.receipts.samples import sample_notice, sample_receipt
from officer_desk.receipts.verify_receipt import read_embedded_payload, verify_receipt_arg
from tests.helpers.environment import require_tool

NOW = datetime(2026, 11, 28, 8, 15, 30, tzinfo=VIETNAM_TIME)


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path / "home").ensure()


@pytest.fixture
def keyring(home: Home) -> QrKeyring:
    ring = QrKeyring(home)
    ring.create_desk_key("000.00.01.X99-Q03")
    return ring


# -- data ---------------------------------------------------------------------------------------


def test_receipt_data_accepts_plain_tuples_and_checks_times() -> None:
    receipt = sample_receipt(components=[("Tờ khai CT01", "Bản chính", 1)], agency_header=["UBND TỈNH PHÚ THỌ"])
    assert receipt.components == (ComponentLine("Tờ khai CT01", "Bản chính", 1),)
    assert receipt.agency_header == ("UBND TỈNH PHÚ THỌ",)
    with pytest.raises(ReceiptDataError):
        sample_receipt(appointment=datetime(2026, 12, 2, 15, 30))
    with pytest.raises(ReceiptDataError):
        sample_receipt(dossier_code=" ")


def test_notice_needs_the_fields_of_its_document_type() -> None:
    bare = NoticeData.from_receipt(sample_receipt())
    for doc_type, field in [("supplement", "items"), ("refusal", "reasons"), ("apology", "old_appointment"),
                            ("return", "returned_at"), ("control", "steps")]:
        with pytest.raises(ReceiptDataError) as error:
            data_for(doc_type, bare)
        assert field in error.value.message
    supplement = NoticeData.from_receipt(sample_receipt(), items=[("Tờ khai", "Thiếu chữ ký")])
    assert supplement.items == (SupplementItem("Tờ khai", "Thiếu chữ ký"),)
    assert data_for("supplement", supplement) is supplement
    with pytest.raises(ReceiptDataError):
        data_for("receipt", supplement)
    with pytest.raises(ReceiptDataError):
        data_for("supplement", sample_receipt())
    with pytest.raises(ReceiptDataError):
        data_for("letter", supplement)


# -- issuing ------------------------------------------------------------------------------------


def test_issue_receipt_fills_the_issue_time_and_embeds_the_payload(keyring: QrKeyring) -> None:
    issued = issue_document("receipt", sample_receipt(issued_at=None), "a5", None, keyring, now=NOW)
    assert issued.issued_at == NOW
    assert issued.appointment == sample_receipt().appointment
    assert not issued.signed
    assert read_embedded_payload(issued.pdf) == issued.qr_payload
    fields = parse_payload(issued.qr_payload)
    assert fields["issued_at"] == "2026-11-28T08:15:30+07:00"
    assert fields["appointment"] == "2026-12-02T15:30:00+07:00"
    assert issue_receipt_pdf(sample_receipt(), "thermal80", None, keyring).startswith(b"%PDF")


def test_issue_notice_uses_the_new_appointment_of_an_apology(keyring: QrKeyring) -> None:
    apology = sample_notice("apology")
    issued = issue_document("apology", apology, "a4", None, keyring)
    assert parse_payload(issued.qr_payload)["appointment"] == "2026-12-04T09:00:00+07:00"
    refusal = issue_document("refusal", sample_notice("refusal"), "a5", None, keyring)
    assert parse_payload(refusal.qr_payload)["appointment"] is None
    assert issue_notice_pdf("supplement", sample_notice("supplement"), "a5", None, keyring).startswith(b"%PDF")


def test_issue_without_a_keyring_is_refused() -> None:
    with pytest.raises(ReceiptError):
        issue_document("receipt", sample_receipt(), "a5", None, None)


class PyHankoStandIn:
    """A signer with the signing module's interface, built directly on pyHanko."""

    def __init__(self) -> None:
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
        from pyhanko.sign import signers

        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Cán bộ thử nghiệm")])
        now = datetime.now(VIETNAM_TIME)
        cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
                .not_valid_after(now + timedelta(days=30)).sign(key, hashes.SHA256()))
        self.cert = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
        self.signer = signers.SimpleSigner(
            signing_cert=self.cert,
            signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
            cert_registry=None,
        )
        self.calls: list[dict[str, Any]] = []

    def sign(self, pdf: bytes, *, visible: Any = None, field_name: str | None = None,
             reason: str | None = None, lock: str = "auto") -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        self.calls.append({"visible": visible, "field_name": field_name, "reason": reason, "lock": lock})
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        fields.append_signature_field(writer, fields.SigFieldSpec(field_name, on_page=visible.page, box=visible.box))
        out = signers.PdfSigner(signers.PdfSignatureMetadata(field_name=field_name, reason=reason),
                                signer=self.signer).sign_pdf(writer)
        return out.getvalue()


def test_signed_document_keeps_its_payload_and_stamp_position(keyring: QrKeyring, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    monkeypatch.setattr(issue_module, "stamp_spec",
                        lambda page, box, name, org: SimpleNamespace(page=page, box=box, signer_name=name,
                                                                     organisation=org))
    signer = PyHankoStandIn()
    issued = issue_document("receipt", sample_receipt(), "a5", signer, keyring)
    assert issued.signed
    call = signer.calls[0]
    assert call["field_name"] == "OfficerDeskSignature"
    assert call["lock"] == "certify"  # receipts are certification signatures, no changes allowed
    assert call["reason"] == "Tiếp nhận hồ sơ 000.00.01.X99-261127-0007"
    assert call["visible"].signer_name == "Đặng Quốc Khánh"
    assert call["visible"].box == issued.signature_box and call["visible"].page == 0

    reader = PdfFileReader(io.BytesIO(issued.pdf))
    [signature] = reader.embedded_signatures
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[signer.cert]))
    assert status.intact and status.valid
    widget = signature.sig_field["/Kids"][0] if "/Kids" in signature.sig_field else signature.sig_field
    assert [round(float(v), 2) for v in widget["/Rect"]] == [round(v, 2) for v in issued.signature_box]
    assert read_embedded_payload(issued.pdf) == issued.qr_payload
    assert verify_receipt_arg(_write(issued.pdf), keyring=keyring).verdict.status == "genuine"


def test_signing_through_the_signing_module(home: Home, keyring: QrKeyring) -> None:
    """The real PAdES signer (demo certificate)."""
    from officer_desk.signing.demo_ca import create_demo_ca
    from officer_desk.signing.pades import load_desk_signer
    from officer_desk.signing.verify import verify_pdf

    create_demo_ca(home)
    signer = load_desk_signer(home)
    try:
        for doc_type, data in [("receipt", sample_receipt()), ("supplement", sample_notice("supplement"))]:
            for form in ("a5", "thermal80"):
                issued = issue_document(doc_type, data, form, signer, keyring)
                report = verify_pdf(issued.pdf, home=home)
                assert report.verdict in {"valid", "indeterminate"}, report
                assert len(report.signatures) == 1
                assert read_embedded_payload(issued.pdf) == issued.qr_payload
    finally:
        signer.close()


# -- verify-receipt -------------------------------------------------------------------------------

_files: list[Path] = []


def _write(data: bytes, suffix: str = ".pdf") -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)
    handle.write(data)
    handle.close()
    _files.append(Path(handle.name))
    return handle.name


@pytest.fixture(autouse=True)
def _cleanup_files() -> Any:
    yield
    while _files:
        _files.pop().unlink(missing_ok=True)


def _page_png(pdf: bytes, dpi: int = 150) -> Image.Image:
    import subprocess

    pdftoppm = require_tool("pdftoppm")  # Debian package poppler-utils
    png = subprocess.run([pdftoppm, "-r", str(dpi), "-png", "-singlefile", "-"], input=pdf, capture_output=True,
                         check=True, timeout=60).stdout
    return Image.open(io.BytesIO(png))


def test_verify_text_image_and_pdf(keyring: QrKeyring, tmp_path: Path) -> None:
    issued = issue_document("receipt", sample_receipt(), "a5", None, keyring)
    text = verify_receipt_arg(issued.qr_payload, keyring=keyring)
    assert (text.verdict.status, text.source, text.exit_code) == ("genuine", "text", 0)

    # the desk's own PDF, but unsigned: no signature covers its payload, so it is not genuine (issue 16)
    pdf = verify_receipt_arg(_write(issued.pdf), keyring=keyring)
    assert (pdf.verdict.status, pdf.source, pdf.origin) == ("tampered", "pdf", "pdf-qr")
    assert pdf.exit_code == 1

    page = _page_png(issued.pdf)
    for fmt, suffix in (("PNG", ".png"), ("JPEG", ".jpg")):
        path = tmp_path / f"photo{suffix}"
        page.convert("RGB").save(path, fmt, quality=80)
        result = verify_receipt_arg(str(path), keyring=keyring)
        assert (result.verdict.status, result.source, result.origin) == ("genuine", "image", "qr")
        assert result.verdict.matches_name(unicodedata.normalize("NFD", "nguyễn thị thu hường"))


def test_verify_scanned_pdf_without_embedded_payload(keyring: QrKeyring, tmp_path: Path) -> None:
    issued = issue_document("control", sample_notice("control"), "a5", None, keyring)
    scan = tmp_path / "scan.pdf"
    _page_png(issued.pdf, 200).convert("RGB").save(scan, "PDF", resolution=200)  # a JPEG page, no metadata
    assert read_embedded_payload(scan.read_bytes()) is None
    result = verify_receipt_arg(str(scan), keyring=keyring)
    assert (result.verdict.status, result.origin) == ("genuine", "pdf-qr")
    assert result.verdict.fields["doc_type"] == "control"


def test_verify_verdicts_on_altered_foreign_and_missing_codes(keyring: QrKeyring, tmp_path: Path) -> None:
    issued = issue_document("receipt", sample_receipt(), "a5", None, keyring)
    altered = issued.qr_payload.replace("2612021530", "2612031530")
    assert verify_receipt_arg(altered, keyring=keyring).exit_code == 1

    foreign = QrKeyring(Home(tmp_path / "other"))
    foreign.create_desk_key("H14-Q01")
    other = issue_document("receipt", sample_receipt(), "a5", None, foreign)
    assert verify_receipt_arg(other.qr_payload, keyring=keyring).exit_code == 2

    blank = tmp_path / "blank.png"
    Image.new("L", (300, 300), 255).save(blank)
    assert verify_receipt_arg(str(blank), keyring=keyring).exit_code == 3
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01 not an image")
    assert verify_receipt_arg(str(junk), keyring=keyring).verdict.status == "not_ours"
    assert verify_receipt_arg("https://example.vn/tra-cuu", keyring=keyring).exit_code == 3


def test_verify_receipt_cli(keyring: QrKeyring, home: Home, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    from officer_desk.cli import main

    monkeypatch.setenv("OFFICER_DESK_HOME", str(home.root))
    issued = issue_document("receipt", sample_receipt(), "a5", None, keyring)
    # Change a signature character to a different one (replacing it by a fixed "AA" was a no-op whenever the
    # signature already ended that way).
    last = issued.qr_payload[-3]
    tampered = issued.qr_payload[:-3] + ("B" if last != "B" else "C") + issued.qr_payload[-2:]
    cases = [(issued.qr_payload, 0, "genuine"), (tampered, 1, "tampered"),
             ("xin chào", 3, "not_ours"), (_write(issued.pdf), 1, "tampered")]  # unsigned desk PDF
    for arg, code, status in cases:
        assert main(["verify-receipt", arg, "--json"]) == code
        out = capsys.readouterr().out
        payload = json.loads(out)
        assert payload["status"] == status
    assert main(["--lang", "vi", "verify-receipt", issued.qr_payload]) == 0
    text = capsys.readouterr().out
    assert "Phiếu thật" in text and "000.00.01.X99-261127-0007" in text


def test_receipt_data_is_frozen() -> None:
    receipt = sample_receipt()
    with pytest.raises(AttributeError):
        receipt.applicant_name = "X"  # type: ignore[misc]
    assert isinstance(receipt, ReceiptData)


def test_verify_receipt_answer_reads_like_the_paper() -> None:
    """The person checking a receipt reads dates as on the paper and the document's name, not its kind."""
    from officer_desk.cli.receipts_cmd import _field_text

    assert _field_text("appointment", "2026-12-07T14:15:00+07:00") == "07/12/2026 14:15"
    assert _field_text("issued_at", "2026-11-30T16:46:00+07:00") == "30/11/2026 16:46"
    assert _field_text("doc_type", "receipt") == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    assert _field_text("dossier_code", "000.00.30.H41-261130-0001") == "000.00.30.H41-261130-0001"
