"""Signing and verification end to end: real certificates, real PDFs, tampering, other tools."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from officer_desk.errors import DeskError
from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.errors import CertificateRefusedError, PdfReadError
from officer_desk.signing.keystore import SoftwareSigner, StaticPinPort, load_pkcs12_file
from officer_desk.signing.pades import PdfSigner, SignJob, default_visible_placement
from officer_desk.signing.stamp import StampSpec
from officer_desk.signing.trust import TrustStore
from officer_desk.signing.verify import INDETERMINATE, INVALID, UNREADABLE, VALID, verify_pdf
from tests.helpers.environment import require_tool
from tests.helpers.signing import PIN, Identity, TestPki, make_receipt_pdf, run


def _trust(pki: TestPki, home: Home) -> TrustStore:
    return TrustStore.load(home, extra=[pki.root_pem])


def _session(identity: Identity, trust: TrustStore, **kwargs: object) -> PdfSigner:
    return PdfSigner(load_pkcs12_file(identity.p12, StaticPinPort(PIN)), trust=trust, **kwargs)  # type: ignore[arg-type]


def _spec(identity: Identity, **kwargs: object) -> StampSpec:
    return StampSpec(page=0, box=(180, 30, 400, 100), signer_name=certs.common_name(identity.cert),
                     organisation=certs.organisation(identity.cert) or "", **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def signed_receipt(pki: TestPki, receipt_pdf: bytes, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    home = Home(tmp_path_factory.mktemp("home-signed"))
    with _session(pki.good, _trust(pki, home)) as session:
        return session.sign(receipt_pdf, visible=_spec(pki.good), reason="Biên nhận hồ sơ")


def _pyhanko_sign(identity: Identity, pdf: bytes, timestamper: object = None) -> bytes:
    """Sign with pyHanko alone (another tool), no pre-sign check."""
    key_info = asn1_keys.PrivateKeyInfo.load(identity.key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    signer = signers.SimpleSigner(
        signing_cert=certs.to_asn1(identity.cert), signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs([certs.to_asn1(c) for c in identity.chain]),
    )
    meta = signers.PdfSignatureMetadata(field_name="Other", subfilter=fields.SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return signers.PdfSigner(meta, signer, timestamper=timestamper).sign_pdf(writer).getvalue()  # type: ignore[arg-type]


# --- happy path -------------------------------------------------------------------------------------


def test_signed_receipt_verifies_valid_with_vietnamese_report(
    pki: TestPki, signed_receipt: bytes, isolated_home: Home
) -> None:
    report = verify_pdf(signed_receipt, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == VALID and report.exit_code == 0
    assert report.verdict_label == "H\u1ee3p l\u1ec7"
    sig = report.signatures[0]
    assert sig.signer == "Nguy\u1ec5n V\u0103n Th\u1eed"
    assert sig.organisation == "UBND ph\u01b0\u1eddng Th\u1eed Nghi\u1ec7m"
    assert sig.integrity == "intact" and sig.modification == "none"
    assert sig.signing_time is not None and sig.signing_time.endswith("+07:00")
    assert not sig.timestamped
    assert sig.trust_anchor is not None and sig.trust_anchor.status == "extra"
    assert sig.trust_anchor.sha256 == certs.sha256_hex(pki.root.cert)
    assert sig.chain[0].startswith("CN=Nguy") and "Test Root CA" in sig.chain[-1]
    payload = report.to_json()
    assert set(payload["signatures"][0]) >= {
        "field", "signer", "organisation", "signing_time", "timestamped", "integrity", "modification",
        "chain", "trust_anchor", "revocation", "verdict", "reasons"}


def test_ec_key_signs_and_verifies(pki: TestPki, receipt_pdf: bytes, isolated_home: Home) -> None:
    trust = _trust(pki, isolated_home)
    with _session(pki.ec, trust) as session:
        signed = session.sign(receipt_pdf)
    assert verify_pdf(signed, trust=trust).verdict == VALID


def test_stamp_time_equals_signature_time(
    pki: TestPki, signed_receipt: bytes, isolated_home: Home, tmp_path: Path
) -> None:
    report = verify_pdf(signed_receipt, extra_trust=[pki.root_pem], home=isolated_home)
    when = datetime.fromisoformat(report.signatures[0].signing_time or "")
    text = _pdftotext(signed_receipt, tmp_path)
    assert certs.format_vn(when) in text  # "dd/mm/yyyy hh:mm:ss +07:00", local time


def test_second_signature_keeps_the_first_valid(pki: TestPki, signed_receipt: bytes, isolated_home: Home) -> None:
    trust = _trust(pki, isolated_home)
    with _session(pki.ec, trust) as session:
        twice = session.sign(signed_receipt, visible=StampSpec(0, (10, 10, 170, 60), "EC", "Org"))
    report = verify_pdf(twice, trust=trust)
    assert [s.verdict for s in report.signatures] == [VALID, VALID]
    assert report.signatures[0].modification == "allowed"


def test_empty_signature_field_is_used(pki: TestPki, isolated_home: Home) -> None:
    pdf = make_receipt_pdf(with_field="KyCanBo")
    field_name, spec = default_visible_placement(pdf, "A", "B")
    assert field_name == "KyCanBo" and spec.box == (40.0, 40.0, 260.0, 110.0)
    with _session(pki.good, _trust(pki, isolated_home)) as session:
        signed = session.sign(pdf, field_name=field_name, visible=spec)
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == VALID and report.signatures[0].field == "KyCanBo"


def test_foreign_pdf_gets_stamp_on_last_page_bottom_right() -> None:
    pdf = make_receipt_pdf(pages=3)
    field_name, spec = default_visible_placement(pdf, "A", "B")
    assert field_name is None and spec.page == 2
    x1, y1, x2, y2 = spec.box
    assert x2 > 300 and y1 < 100 and x2 <= 420


# --- the stamp -----------------------------------------------------------------------------------------


def _pdftotext(data: bytes, tmp_path: Path) -> str:
    tool = require_tool("pdftotext")
    src = tmp_path / "text.pdf"
    src.write_bytes(data)
    return run([tool, str(src), "-"]).stdout


def _bbox_words(data: bytes, tmp_path: Path) -> list[tuple[float, float, float, str]]:
    tool = require_tool("pdftotext")
    src = tmp_path / "in.pdf"
    src.write_bytes(data)
    html = run([tool, "-bbox", str(src), "-"]).stdout
    words = []
    for match in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html):
        words.append((float(match.group(1)), float(match.group(2)), float(match.group(3)), match.group(4)))
    return words


def test_stamp_text_width_matches_font_advances(pki: TestPki, signed_receipt: bytes, tmp_path: Path) -> None:
    """pyHanko 0.38 drew 2048-unit fonts twice too wide; our stamp must match the font's advances."""
    from officer_desk.signing.fonts import StampFont

    words = _bbox_words(signed_receipt, tmp_path)
    lines: dict[float, list[tuple[float, float, str]]] = {}
    for x1, y1, x2, text in words:
        lines.setdefault(round(y1, 1), []).append((x1, x2, text))
    stamp_lines = [sorted(ws) for y, ws in lines.items() if ws[0][2].startswith(("K\u00fd", "Th\u1eddi"))]
    assert len(stamp_lines) == 2
    font = StampFont()
    for line in stamp_lines:
        text = " ".join(w[2] for w in line)
        measured = line[-1][1] - line[0][0]
        # the font size is recovered from the glyph box height ratio of the first word
        size = _stamp_font_size(signed_receipt)
        expected = font.width(text, size)
        assert abs(measured - expected) / expected < 0.05, (text, measured, expected)


def _stamp_font_size(data: bytes) -> float:
    match = re.search(rb"BT /F1 (\d+\.\d{3}) Tf", data)  # ours: 3 decimals (ReportLab also uses /F1)
    assert match
    return float(match.group(1))


def test_pyhanko_text_engine_fixed_for_2048_unit_fonts(tmp_path: Path) -> None:
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from officer_desk.signing.fonts import ScaledGlyphAccumulatorFactory, StampFont, stamp_font_path

    text = "Th\u1eddi gian k\u00fd: 29/11/2026 10:00:00 +07:00"
    style = TextStampStyle(
        stamp_text=text, border_width=0,
        text_box_style=TextBoxStyle(font=ScaledGlyphAccumulatorFactory(str(stamp_font_path()), font_size=10)),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(make_receipt_pdf()))
    style.create_stamp(writer, box=None, text_params={}).apply(0, 20, 20)  # type: ignore[arg-type]
    out = io.BytesIO()
    writer.write(out)
    words = [w for w in _bbox_words(out.getvalue(), tmp_path) if w[1] > 500]
    measured = max(w[2] for w in words) - min(w[0] for w in words)
    expected = StampFont().width(text, 10)
    assert abs(measured - expected) / expected < 0.05


def test_stamp_renders(pki: TestPki, signed_receipt: bytes, tmp_path: Path) -> None:
    tool = require_tool("pdftoppm")
    src = tmp_path / "s.pdf"
    src.write_bytes(signed_receipt)
    result = run([tool, "-png", "-r", "72", "-singlefile", str(src), str(tmp_path / "page")])
    assert result.returncode == 0 and (tmp_path / "page.png").stat().st_size > 1000


def test_seal_image_is_drawn(pki: TestPki, receipt_pdf: bytes, tmp_path: Path, isolated_home: Home) -> None:
    from PIL import Image, ImageDraw

    seal = tmp_path / "seal.png"
    image = Image.new("RGBA", (120, 120), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((5, 5, 115, 115), outline=(200, 0, 0, 255), width=8)
    image.save(seal)
    with _session(pki.good, _trust(pki, isolated_home)) as session:
        signed = session.sign(receipt_pdf, visible=_spec(pki.good, seal_image=seal))
    assert b"/Seal Do" in signed and b"/SMask" in signed
    assert verify_pdf(signed, trust=_trust(pki, isolated_home)).verdict == VALID


# --- refusals before signing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "code"),
    [("expired", "certificate_expired"), ("no_key_usage", "certificate_key_usage"),
     ("weak", "certificate_weak_key"), ("stranger", "certificate_untrusted")],
)
def test_presign_check_refuses(pki: TestPki, isolated_home: Home, who: str, code: str) -> None:
    identity: Identity = getattr(pki, who)
    with pytest.raises(CertificateRefusedError) as caught:
        _session(identity, _trust(pki, isolated_home))
    assert caught.value.code == code and caught.value.exit_code == 1
    assert caught.value.message  # Vietnamese, actionable


def test_presign_check_refuses_revoked_from_crl_cache(pki: TestPki, isolated_home: Home) -> None:
    from officer_desk.signing.trust import import_crl

    crl = isolated_home.root / "sub.crl"
    isolated_home.root.mkdir(parents=True, exist_ok=True)
    crl.write_bytes(pki.crl_der)
    import_crl(isolated_home, crl)
    with pytest.raises(CertificateRefusedError) as caught:
        _session(pki.revoked, _trust(pki, isolated_home))
    assert caught.value.code == "certificate_revoked"


def test_unreadable_pdf_is_refused(pki: TestPki, isolated_home: Home) -> None:
    with _session(pki.good, _trust(pki, isolated_home)) as session, pytest.raises(PdfReadError):
        session.sign(b"not a pdf at all")


# --- verification verdicts --------------------------------------------------------------------------------


def test_byte_changed_inside_signed_range_is_invalid(pki: TestPki, signed_receipt: bytes, isolated_home: Home) -> None:
    index = signed_receipt.index(b"Receipt 0001")
    tampered = signed_receipt[:index] + b"Receipt 0009" + signed_receipt[index + 12:]
    report = verify_pdf(tampered, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == INVALID and report.exit_code == 1
    assert report.signatures[0].integrity == "broken"


def test_page_added_after_signing_is_invalid(pki: TestPki, signed_receipt: bytes, isolated_home: Home) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_receipt))
    from pyhanko.pdf_utils import generic

    page = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Page"),
        generic.NameObject("/MediaBox"): generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 420, 595)]),
    })
    writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == INVALID
    assert report.signatures[0].modification == "illegal"
    assert report.signatures[0].integrity == "intact"


def test_untrusted_root_is_indeterminate(pki: TestPki, signed_receipt: bytes, isolated_home: Home) -> None:
    report = verify_pdf(signed_receipt, home=isolated_home)  # test root not trusted
    assert report.verdict == INDETERMINATE and report.exit_code == 2
    assert report.signatures[0].trust_anchor is None


def test_expired_certificate_without_timestamp_is_indeterminate(
    pki: TestPki, receipt_pdf: bytes, isolated_home: Home
) -> None:
    signed = _pyhanko_sign(pki.expired, receipt_pdf)
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == INDETERMINATE
    assert any("h\u1ebft h\u1ea1n" in r for r in report.signatures[0].reasons)


def test_expired_certificate_with_timestamp_from_its_validity_is_valid(
    pki: TestPki, receipt_pdf: bytes, isolated_home: Home
) -> None:
    key_info = asn1_keys.PrivateKeyInfo.load(pki.tsa.key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    during = pki.expired.cert.not_valid_before_utc + timedelta(days=5)
    stamper = DummyTimeStamper(certs.to_asn1(pki.tsa.cert), key_info,
                               certs_to_embed=[certs.to_asn1(pki.sub.cert)], fixed_dt=during)
    signed = _pyhanko_sign(pki.expired, receipt_pdf, timestamper=stamper)
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == VALID, report.to_json()
    sig = report.signatures[0]
    assert sig.timestamped and sig.signing_time == certs.iso_vn(during)


def test_timestamp_from_a_tsa_under_another_root(pki: TestPki, receipt_pdf: bytes, isolated_home: Home) -> None:
    key_info = asn1_keys.PrivateKeyInfo.load(pki.other_tsa.key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    stamper = DummyTimeStamper(certs.to_asn1(pki.other_tsa.cert), key_info)
    signed = _pyhanko_sign(pki.good, receipt_pdf, timestamper=stamper)
    report = verify_pdf(signed, extra_trust=[pki.root_pem, pki.stranger_root_pem], home=isolated_home)
    assert report.verdict == VALID and report.signatures[0].timestamped
    alone = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert not alone.signatures[0].timestamped  # an untrusted TSA proves nothing


def test_certificate_without_signing_key_usage_is_invalid(
    pki: TestPki, receipt_pdf: bytes, isolated_home: Home
) -> None:
    signed = _pyhanko_sign(pki.no_key_usage, receipt_pdf)
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == INVALID


def test_unsigned_pdf_is_invalid(receipt_pdf: bytes, isolated_home: Home) -> None:
    report = verify_pdf(receipt_pdf, home=isolated_home)
    assert report.verdict == INVALID and report.signatures == [] and report.reasons


def test_not_a_pdf_is_unreadable(isolated_home: Home) -> None:
    assert verify_pdf(b"GIF89a....", home=isolated_home).verdict == UNREADABLE
    assert verify_pdf(b"%PDF-1.7\n garbage", home=isolated_home).exit_code in (1, 3)


def test_revocation_named_but_unavailable_is_indeterminate_then_good_with_cached_crl(
    pki: TestPki, receipt_pdf: bytes, isolated_home: Home
) -> None:
    from officer_desk.signing.trust import import_crl

    signed = _pyhanko_sign(pki.with_crl, receipt_pdf)
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == INDETERMINATE
    assert report.signatures[0].revocation == "unknown"
    isolated_home.root.mkdir(parents=True, exist_ok=True)
    (isolated_home.root / "sub.crl").write_bytes(pki.crl_der)
    import_crl(isolated_home, isolated_home.root / "sub.crl")
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == VALID and report.signatures[0].revocation == "good"


def test_cached_revocation_data_is_embedded_b_lt(
    pki: TestPki, receipt_pdf: bytes, tsa_server: object, isolated_home: Home
) -> None:
    from officer_desk.signing.trust import import_crl

    isolated_home.root.mkdir(parents=True, exist_ok=True)
    (isolated_home.root / "sub.crl").write_bytes(pki.crl_der)
    import_crl(isolated_home, isolated_home.root / "sub.crl")
    trust = _trust(pki, isolated_home)
    with _session(pki.with_crl, trust, timestamp_url=tsa_server.url) as session:  # type: ignore[attr-defined]
        assert session.revocation_cached
        signed = session.sign(receipt_pdf)
        assert session.last_outcome is not None and session.last_outcome.level == "B-LT"
    # verified elsewhere, without the CRL cache: the document carries its own revocation data
    elsewhere = Home(isolated_home.root.parent / "elsewhere")
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=elsewhere)
    assert report.verdict == VALID, report.to_json()
    assert report.signatures[0].revocation == "good" and report.signatures[0].level == "B-LT"


def test_revoked_certificate_is_invalid(pki: TestPki, receipt_pdf: bytes, isolated_home: Home) -> None:
    from officer_desk.signing.trust import import_crl

    isolated_home.root.mkdir(parents=True, exist_ok=True)
    (isolated_home.root / "sub.crl").write_bytes(pki.crl_der)
    import_crl(isolated_home, isolated_home.root / "sub.crl")
    signed = _pyhanko_sign(pki.revoked, receipt_pdf)
    report = verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == INVALID and report.signatures[0].revocation == "revoked"


def test_sha1_ca_signatures_only_accepted_under_a_flagged_root(
    pki: TestPki, receipt_pdf: bytes, isolated_home: Home
) -> None:
    signed = _pyhanko_sign(pki.sha1_signer, receipt_pdf)
    plain = TrustStore.load(isolated_home, extra=[pki.sha1_root_pem])
    assert verify_pdf(signed, trust=plain).verdict == INDETERMINATE
    with pytest.raises(CertificateRefusedError):
        _session(pki.sha1_signer, plain)
    flagged = TrustStore.load(isolated_home)
    flagged.add_anchor(pki.sha1_root.cert, "candidate", "shipped", accept_sha1=True)
    report = verify_pdf(signed, trust=flagged)
    assert report.verdict == VALID, report.to_json()
    with _session(pki.sha1_signer, flagged) as session:
        assert session.check.anchor.accept_sha1


# --- interoperability ---------------------------------------------------------------------------------------


def test_desk_verifies_documents_signed_by_pyhanko(pki: TestPki, receipt_pdf: bytes, isolated_home: Home) -> None:
    signed = _pyhanko_sign(pki.good, receipt_pdf)
    assert verify_pdf(signed, extra_trust=[pki.root_pem], home=isolated_home).verdict == VALID


def test_pyhanko_validator_alone_accepts_desk_signature(pki: TestPki, signed_receipt: bytes) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(signed_receipt))
    context = ValidationContext(trust_roots=[certs.to_asn1(pki.root.cert)])
    status = validate_pdf_signature(reader.embedded_signatures[0], context)
    assert status.bottom_line and status.intact and status.valid and status.trusted


def test_pdfsig_with_nss_database_trusts_desk_signature(
    pki: TestPki, signed_receipt: bytes, tmp_path: Path
) -> None:
    pdfsig = require_tool("pdfsig")
    certutil = require_tool("certutil")
    nss = tmp_path / "nss"
    nss.mkdir()
    assert run([certutil, "-N", "-d", f"sql:{nss}", "--empty-password"]).returncode == 0
    added = run([certutil, "-A", "-d", f"sql:{nss}", "-n", "test-root", "-t", "CT,C,C", "-i", str(pki.root_pem)])
    assert added.returncode == 0, added.stderr
    doc = tmp_path / "signed.pdf"
    doc.write_bytes(signed_receipt)
    result = run([pdfsig, "-nssdir", f"sql:{nss}", str(doc)])
    assert "Signature is Valid" in result.stdout, result.stdout + result.stderr
    assert "Certificate is Trusted" in result.stdout, result.stdout


# --- timestamps, batches -----------------------------------------------------------------------------------


def test_b_t_with_local_timestamp_server(pki: TestPki, receipt_pdf: bytes, tsa_server: object,
                                         isolated_home: Home) -> None:
    trust = _trust(pki, isolated_home)
    with _session(pki.good, trust, timestamp_url=tsa_server.url) as session:  # type: ignore[attr-defined]
        signed = session.sign(receipt_pdf, visible=_spec(pki.good))
        assert session.last_outcome is not None and session.last_outcome.level == "B-T"
    report = verify_pdf(signed, trust=trust)
    assert report.verdict == VALID and report.signatures[0].timestamped
    assert report.signatures[0].level == "B-T"


def test_offline_signature_is_queued_and_upgraded_without_breaking_it(
    pki: TestPki, receipt_pdf: bytes, tsa_server: object, isolated_home: Home, tmp_path: Path
) -> None:
    from officer_desk.signing.upgrade import UpgradeQueue

    trust = _trust(pki, isolated_home)
    source = tmp_path / "in.pdf"
    source.write_bytes(receipt_pdf)
    target = tmp_path / "out.pdf"
    with _session(pki.good, trust, timestamp_url="http://127.0.0.1:9/unreachable") as session:
        assert not session.timestamp_available
        result = session.sign_batch([SignJob(source, target)], home=isolated_home)
    assert result.signed == [target] and result.queued_for_timestamp == [target]
    queue = UpgradeQueue(isolated_home)
    assert queue.pending() == [target.resolve()]
    report = queue.process(tsa_server.url, trust)  # type: ignore[attr-defined]
    assert report.upgraded == [target.resolve()] and queue.pending() == []
    verified = verify_pdf(target.read_bytes(), trust=trust)
    assert verified.verdict == VALID, verified.to_json()
    assert verified.signatures[0].modification in ("allowed", "none")
    assert verified.signatures[0].timestamped  # the document timestamp proves existence


class _Progress:
    def __init__(self, stop_after: int | None = None) -> None:
        self.calls: list[tuple[int, int, str]] = []
        self.stop_after = stop_after

    def report(self, done: int, total: int, label: str) -> None:
        self.calls.append((done, total, label))

    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.calls) >= self.stop_after


def test_batch_signing_reports_progress_and_can_be_cancelled(
    pki: TestPki, receipt_pdf: bytes, isolated_home: Home, tmp_path: Path
) -> None:
    jobs = []
    for index in range(5):
        source = tmp_path / f"r{index}.pdf"
        source.write_bytes(receipt_pdf if index != 2 else b"broken")
        jobs.append(SignJob(source, tmp_path / f"s{index}.pdf", visible=_spec(pki.good)))
    with _session(pki.good, _trust(pki, isolated_home)) as session:
        progress = _Progress()
        result = session.sign_batch(jobs, progress)
        assert len(result.signed) == 4 and len(result.failed) == 1 and not result.cancelled
        assert not (tmp_path / "s2.pdf").exists()  # atomic: a failed output does not exist
        assert progress.calls[-1] == (5, 5, "")
        stopper = _Progress(stop_after=2)
        result = session.sign_batch(jobs, stopper)
        assert result.cancelled and len(result.signed) == 2


def test_signer_keeps_key_for_session(pki: TestPki) -> None:
    signer = load_pkcs12_file(pki.good.p12, StaticPinPort(PIN))
    assert isinstance(signer, SoftwareSigner)
    inner = signer.pyhanko_signer
    assert inner is signer.pyhanko_signer  # one object, one parsed key, for the whole session
    signer.close()
    with pytest.raises(DeskError):
        _ = signer.pyhanko_signer


def test_desk_error_messages_have_no_traceback_text(pki: TestPki, isolated_home: Home) -> None:
    with pytest.raises(CertificateRefusedError) as caught:
        _session(pki.expired, _trust(pki, isolated_home))
    assert "Traceback" not in caught.value.message
