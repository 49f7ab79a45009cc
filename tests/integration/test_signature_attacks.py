"""The crafted PDF-signature attack corpus (issue 16): each attack with its expected verdict.

Receipts and notices are certification signatures (DocMDP "no changes"); result documents with form
fields lock their fields (FieldMDP). Whatever the lock, a change after signing that alters what the
page shows is "modified after signing" with the list of changes, never plain "valid".
"""

from __future__ import annotations

import io

import pytest
from asn1crypto import keys as asn1_keys
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import MDPPerm
from pyhanko_certvalidator.registry import SimpleCertificateStore

from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.demo_ca import issue_certificate, new_rsa_key
from officer_desk.signing.keystore import StaticPinPort, load_pkcs12_file
from officer_desk.signing.pades import LOCK_CERTIFY, PdfSigner
from officer_desk.signing.stamp import StampSpec
from officer_desk.signing.trust import TrustStore
from officer_desk.signing.verify import INDETERMINATE, INVALID, VALID, verify_pdf
from tests.helpers import pdf_attacks
from tests.helpers.signing import PIN, TestPki, make_receipt_pdf


def _trust(pki: TestPki, home: Home) -> TrustStore:
    return TrustStore.load(home, extra=[pki.root_pem])


def _signer(pki: TestPki, home: Home) -> PdfSigner:
    return PdfSigner(load_pkcs12_file(pki.good.p12, StaticPinPort(PIN)), trust=_trust(pki, home))


def _spec(pki: TestPki) -> StampSpec:
    return StampSpec(page=0, box=(180, 30, 400, 100), signer_name=certs.common_name(pki.good.cert),
                     organisation=certs.organisation(pki.good.cert) or "")


@pytest.fixture(scope="module")
def certified_receipt(pki: TestPki, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    home = Home(tmp_path_factory.mktemp("home-certified"))
    with _signer(pki, home) as signer:
        return signer.sign(make_receipt_pdf(), visible=_spec(pki), field_name="OfficerDeskSignature",
                           reason="receipt", lock=LOCK_CERTIFY)


@pytest.fixture(scope="module")
def signed_form(pki: TestPki, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    home = Home(tmp_path_factory.mktemp("home-form"))
    with _signer(pki, home) as signer:
        return signer.sign(pdf_attacks.form_pdf(), visible=_spec(pki), reason="result")


def test_receipts_are_certified_no_changes(certified_receipt: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(certified_receipt))
    sig = reader.embedded_regular_signatures[0]
    assert sig.docmdp_level == MDPPerm.NO_CHANGES


def test_result_document_fields_are_locked_by_the_signature(signed_form: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(signed_form))
    sig = reader.embedded_regular_signatures[0]
    lock = sig.fieldmdp
    assert lock is not None and "amount" in (lock.fields or [])


def test_untouched_documents_stay_valid(pki: TestPki, certified_receipt: bytes, signed_form: bytes,
                                        isolated_home: Home) -> None:
    for data in (certified_receipt, signed_form):
        report = verify_pdf(data, extra_trust=[pki.root_pem], home=isolated_home)
        assert report.verdict == VALID, report.to_json()
        assert report.signatures[0].modification == "none"
        assert report.signatures[0].changes == []


@pytest.mark.parametrize("attack", sorted(pdf_attacks.ATTACKS))
@pytest.mark.parametrize("document", ["certified_receipt", "signed_form"])
def test_attack_corpus(attack: str, document: str, pki: TestPki, isolated_home: Home,
                       request: pytest.FixtureRequest) -> None:
    if attack.startswith("form_field") and document == "certified_receipt":
        pytest.skip("a receipt has no text field to change")
    signed: bytes = request.getfixturevalue(document)
    forged = pdf_attacks.ATTACKS[attack](signed)
    assert forged != signed
    report = verify_pdf(forged, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == pdf_attacks.EXPECTED[attack], report.to_json()
    assert report.exit_code == 1


def test_field_change_is_listed_as_modified_after_signing(pki: TestPki, signed_form: bytes,
                                                          isolated_home: Home) -> None:
    forged = pdf_attacks.change_field_value(signed_form)
    report = verify_pdf(forged, extra_trust=[pki.root_pem], home=isolated_home)
    sig = report.signatures[0]
    assert report.verdict == INVALID and sig.verdict == INVALID
    assert sig.modification == "illegal" and sig.integrity == "intact"
    assert any("amount" in change for change in sig.changes), sig.changes
    assert sig.to_json()["changes"] == sig.changes


def test_info_swap_is_listed(pki: TestPki, certified_receipt: bytes, isolated_home: Home) -> None:
    forged = pdf_attacks.swap_info(certified_receipt)
    sig = verify_pdf(forged, extra_trust=[pki.root_pem], home=isolated_home).signatures[0]
    assert sig.modification == "illegal"
    assert any("OfficerDeskQR" in change for change in sig.changes), sig.changes


def test_a_second_signature_is_still_allowed_on_a_result_document(
    pki: TestPki, signed_form: bytes, isolated_home: Home
) -> None:
    with _signer(pki, isolated_home) as signer:
        twice = signer.sign(signed_form, visible=StampSpec(0, (10, 10, 170, 60), "Supervisor", "Org"))
    report = verify_pdf(twice, extra_trust=[pki.root_pem], home=isolated_home)
    assert [s.verdict for s in report.signatures] == [VALID, VALID], report.to_json()
    assert report.signatures[0].modification == "allowed"


def test_forged_chain_copying_a_trusted_root_name_is_not_anchored(
    pki: TestPki, isolated_home: Home
) -> None:
    fake_root_key = new_rsa_key()
    fake_root = issue_certificate(subject=pki.root.cert.subject, key=fake_root_key, issuer=None,
                                  issuer_key=fake_root_key, ca=True, days=3000)
    fake_sub_key = new_rsa_key()
    fake_sub = issue_certificate(subject=pki.sub.cert.subject, key=fake_sub_key, issuer=fake_root,
                                 issuer_key=fake_root_key, ca=True, path_length=0, days=3000)
    leaf_key = new_rsa_key()
    leaf = issue_certificate(subject=pki.good.cert.subject, key=leaf_key, issuer=fake_sub,
                             issuer_key=fake_sub_key, days=365)
    key_info = asn1_keys.PrivateKeyInfo.load(leaf_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    signer = signers.SimpleSigner(
        signing_cert=certs.to_asn1(leaf), signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs([certs.to_asn1(c) for c in (fake_sub, fake_root)]),
    )
    meta = signers.PdfSignatureMetadata(field_name="Forged", subfilter=fields.SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(io.BytesIO(make_receipt_pdf()))
    forged = signers.PdfSigner(meta, signer).sign_pdf(writer).getvalue()
    report = verify_pdf(forged, extra_trust=[pki.root_pem], home=isolated_home)
    assert report.verdict == INDETERMINATE and report.exit_code == 2, report.to_json()
    sig = report.to_json()["signatures"][0]
    assert sig["trust_anchor"] is None
    assert certs.sha256_hex(pki.root.cert) not in str(sig)
