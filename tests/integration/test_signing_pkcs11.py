"""PKCS#11 signing against a real software token (SoftHSM2), initialised by the test."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from officer_desk.cli import main
from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.demo_ca import issue_certificate, name
from officer_desk.signing.keystore import Pkcs11Keystore, StaticPinPort
from officer_desk.signing.pades import PdfSigner
from officer_desk.signing.trust import TrustStore
from officer_desk.signing.verify import VALID, verify_pdf
from tests.helpers.environment import require_or_skip, require_tool
from tests.helpers.signing import TestPki, make_receipt_pdf, run

USER_PIN = "123456"
MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)


@dataclass
class Token:
    module: str
    label: str
    key_id: bytes
    serial: int
    always_auth_id: bytes
    cert: object


def _module() -> str:
    require_tool("softhsm2-util")
    found = next((candidate for candidate in MODULE_CANDIDATES if Path(candidate).exists()), None)
    require_or_skip(found is not None, "libsofthsm2.so (Debian package softhsm2)")
    assert found is not None
    return found


def _put_key(session: object, pki: TestPki, key_id: bytes, cn: str, always_auth: bool) -> object:
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    private_template = {Attribute.SIGN: True, Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False}
    if always_auth:
        private_template[Attribute.ALWAYS_AUTHENTICATE] = True
    public, _private = session.generate_keypair(  # type: ignore[attr-defined]
        KeyType.RSA, 2048, id=key_id, label="", store=True, private_template=private_template,
    )
    numbers = rsa.RSAPublicNumbers(
        int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"), int.from_bytes(public[Attribute.MODULUS], "big")
    )
    cert = issue_certificate(subject=name(cn, "UBND x\u00e3 Token"), key=pki.sub.key, issuer=pki.sub.cert,  # type: ignore[arg-type]
                             issuer_key=pki.sub.key, public_key=numbers.public_key())  # type: ignore[arg-type]
    session.create_object({  # type: ignore[attr-defined]
        Attribute.CLASS: ObjectClass.CERTIFICATE,
        Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
        Attribute.TOKEN: True,
        Attribute.ID: key_id,
        Attribute.LABEL: "",  # Vietnamese CA tokens often leave labels empty or duplicated
        Attribute.SUBJECT: cert.subject.public_bytes(),
        Attribute.VALUE: certs.to_der(cert),
    })
    return cert


def _put_ca_certificate(session: object, pki: TestPki) -> None:
    from pkcs11 import Attribute, CertificateType, ObjectClass

    session.create_object({  # type: ignore[attr-defined]
        Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
        Attribute.TOKEN: True, Attribute.ID: b"\xca", Attribute.LABEL: "CA",
        Attribute.SUBJECT: pki.sub.cert.subject.public_bytes(), Attribute.VALUE: certs.to_der(pki.sub.cert),
    })


@pytest.fixture(scope="module")
def token(pki: TestPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Token]:
    module = _module()
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    label = "Officer Test"
    result = run(["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", USER_PIN,
                  "--so-pin", "12345678"])
    assert result.returncode == 0, result.stderr
    import pkcs11

    lib = pkcs11.lib(module)
    lib.reinitialize()
    tok = lib.get_token(token_label=label)
    with tok.open(rw=True, user_pin=USER_PIN) as session:
        cert = _put_key(session, pki, b"\x01\x02", "C\u00e1n b\u1ed9 Token", always_auth=False)
        _put_ca_certificate(session, pki)
        _put_key(session, pki, b"\x09", "Kh\u00f3a Kh\u00e1c", always_auth=False)  # same empty label
        # A key that demands the PIN again for every signature (CKA_ALWAYS_AUTHENTICATE), as many
        # Vietnamese CA tokens do; Debian's SoftHSM2 supports it, so it is part of every run.
        _put_key(session, pki, b"\x03", "C\u00e1n b\u1ed9 PIN M\u1ed7i L\u1ea7n", always_auth=True)
    try:
        yield Token(module, label, b"\x01\x02", cert.serial_number, b"\x03", cert)  # type: ignore[attr-defined]
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


def test_token_keys_are_listed_with_ids(token: Token, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "list", "--token-module", token.module, "--json"]) == 0
    keys = json.loads(capsys.readouterr().out)["keys"]
    ids = {k["id"] for k in keys}
    assert {"0102", "09"} <= ids
    assert all(k["source"] == "pkcs11" for k in keys)


@pytest.mark.parametrize("ref", ["0102", "id:01:02", "serial"])
def test_sign_with_token_by_id_or_serial(
    token: Token, pki: TestPki, tmp_path: Path, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    key_ref = f"serial:{token.serial:X}" if ref == "serial" else ref
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(make_receipt_pdf())
    pin = tmp_path / "pin"
    pin.write_text(USER_PIN + "\n")
    out = tmp_path / "out.pdf"
    code = main(["sign", str(pdf), "--out", str(out), "--token-module", token.module, "--key-id", key_ref,
                 "--pin-file", str(pin), "--trust", str(pki.root_pem), "--visible", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0, payload
    assert payload["signer"] == "C\u00e1n b\u1ed9 Token"  # the key with that ID, not the other empty-label one
    report = verify_pdf(out.read_bytes(), extra_trust=[pki.root_pem])
    assert report.verdict == VALID and report.signatures[0].signer == "C\u00e1n b\u1ed9 Token"


def test_wrong_token_pin_is_exit_2(token: Token, pki: TestPki, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(make_receipt_pdf())
    pin = tmp_path / "pin"
    pin.write_text("000000\n")
    code = main(["sign", str(pdf), "--out", str(tmp_path / "o.pdf"), "--token-module", token.module,
                 "--key-id", "0102", "--pin-file", str(pin), "--trust", str(pki.root_pem), "--json"])
    assert code == 2 and json.loads(capsys.readouterr().out)["error"]["code"] == "wrong_pin"


def test_per_signature_pin_token_asks_once_per_batch(token: Token, pki: TestPki, isolated_home: Home) -> None:
    """The token re-checks the PIN at every signature; the desk answers it from the one the officer gave."""
    asked: list[str] = []

    class CountingPort:
        def ask_pin(self, prompt: str) -> str | None:
            asked.append(prompt)
            return USER_PIN

    signer = Pkcs11Keystore(token.module).load_signer(token.always_auth_id.hex(), CountingPort())
    trust = TrustStore.load(isolated_home, extra=[pki.root_pem])
    with PdfSigner(signer, trust=trust) as session:
        signed = [session.sign(make_receipt_pdf(text=f"R{i}")) for i in range(5)]
    assert len(asked) == 1
    assert all(verify_pdf(doc, trust=trust).verdict == VALID for doc in signed)


def test_token_signer_selected_by_serial_in_library(token: Token, pki: TestPki, isolated_home: Home) -> None:
    signer = Pkcs11Keystore(token.module, token_label=token.label).load_signer(
        f"serial:{token.serial:X}", StaticPinPort(USER_PIN)
    )
    assert signer.cert.serial_number == token.serial
    trust = TrustStore.load(isolated_home, extra=[pki.root_pem])
    with PdfSigner(signer, trust=trust) as session:
        assert verify_pdf(session.sign(make_receipt_pdf()), trust=trust).verdict == VALID
