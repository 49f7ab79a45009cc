"""An officer's certificate on a PKCS#11 token (SoftHSM2), on a set-up home: binding, signing, failures."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from officer_desk.accounts.roles import Role
from officer_desk.cli import main
from officer_desk.lifecycle import Status
from officer_desk.receipts.service import issue_receipt
from officer_desk.signing import certs
from officer_desk.signing.demo_ca import issue_certificate, name
from officer_desk.signing.errors import KeystoreError, TokenError
from officer_desk.signing.keystore import token_failure
from officer_desk.signing.verify import VALID, verify_pdf
from tests.helpers.environment import require_tool
from tests.helpers.office import Office, import_clean_case, write_secret
from tests.helpers.signing import TestPki

USER_PIN = "654321"
MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
           "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so")


def _module() -> str:
    require_tool("softhsm2-util")
    for candidate in MODULES:
        if Path(candidate).exists():
            return candidate
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("required under CI: libsofthsm2.so")
    pytest.skip("libsofthsm2.so not found")


@pytest.fixture
def token(pki: TestPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    """A fresh SoftHSM2 token with one officer key (CKA_ID 0a0b) and its certificate from the test CA."""
    module = _module()
    folder = tmp_path / "softhsm"
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    label = "Officer Token " + tmp_path.name[-6:]
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", USER_PIN,
                    "--so-pin", "12345678"], check=True, capture_output=True)
    import pkcs11
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    lib = pkcs11.lib(module)
    lib.reinitialize()
    with lib.get_token(token_label=label).open(rw=True, user_pin=USER_PIN) as session:
        public, _private = session.generate_keypair(
            KeyType.RSA, 2048, id=b"\x0a\x0b", label="", store=True,
            private_template={Attribute.SIGN: True, Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False})
        numbers = rsa.RSAPublicNumbers(int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
                                       int.from_bytes(public[Attribute.MODULUS], "big"))
        cert = issue_certificate(subject=name("Lê Văn Token", "UBND xã Thử Nghiệm"), key=pki.sub.key,  # type: ignore[arg-type]
                                 issuer=pki.sub.cert, issuer_key=pki.sub.key,  # type: ignore[arg-type]
                                 public_key=numbers.public_key())
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.ID: b"\x0a\x0b", Attribute.LABEL: "",
            Attribute.SUBJECT: cert.subject.public_bytes(), Attribute.VALUE: certs.to_der(cert)})
    yield module, label
    lib.reinitialize()


def _bind_token(office: Office, module: str, capsys: pytest.CaptureFixture[str]) -> Path:
    officer_pw = write_secret(office.folder, "token-officer.pw", "token-officer-2026")
    # The token holds only the officer's certificate: the CA's intermediate comes with --trust.
    sub_pem = office.folder / "sub-ca.pem"
    sub_pem.write_bytes(certs.to_pem(office.pki.sub.cert))
    assert main(["account", "add", "canbo.token", "--role", "officer", "--name", "Lê Văn Token",
                 "--new-password-file", str(officer_pw), "--token-module", module, "--key-id", "0a0b",
                 "--trust", str(sub_pem), "--json", *office.as_admin()]) == 0, capsys.readouterr()
    capsys.readouterr()
    return officer_pw


def test_receipt_signed_with_the_officers_token(office: Office, token: tuple[str, str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    module, _label = token
    officer_pw = _bind_token(office, module, capsys)
    code = import_clean_case(office)
    pin = write_secret(office.folder, "token.pin", USER_PIN)
    out = office.folder / "receipt.pdf"
    assert main(["receipt", code, "--out", str(out), "--pin-file", str(pin), "--json", "--as", "canbo.token",
                 "--password-file", str(officer_pw)]) == 0, capsys.readouterr()
    report = verify_pdf(out.read_bytes(), extra_trust=[office.pki.root_pem])
    assert report.verdict == VALID and report.signatures[0].signer == "Lê Văn Token"


def test_wrong_token_pin_is_exit_2_and_issues_nothing(office: Office, token: tuple[str, str],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    module, _label = token
    officer_pw = _bind_token(office, module, capsys)
    code = import_clean_case(office)
    capsys.readouterr()
    pin = write_secret(office.folder, "token.pin", "000000")
    out = office.folder / "receipt.pdf"
    assert main(["receipt", code, "--out", str(out), "--pin-file", str(pin), "--json", "--as", "canbo.token",
                 "--password-file", str(officer_pw)]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "wrong_pin"
    assert not out.exists()


def test_token_deleted_mid_session_leaves_the_case_unchanged(office: Office, token: tuple[str, str],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    module, label = token
    _bind_token(office, module, capsys)
    code = import_clean_case(office)

    class PullTheTokenThenAnswer:
        """The officer types the PIN while the token is being pulled out."""

        def ask_pin(self, prompt: str) -> str | None:
            assert "Token" in prompt or "token" in prompt
            subprocess.run(["softhsm2-util", "--delete-token", "--token", label], check=True, capture_output=True)
            return USER_PIN

    from officer_desk.accounts.roles import Actor, ActorKind
    from officer_desk.desk import open_desk

    desk = open_desk(office.home, account=Actor("canbo.token", "Lê Văn Token", Role.OFFICER, ActorKind.ACCOUNT))
    try:
        with pytest.raises(KeystoreError) as caught:
            issue_receipt(desk, code, office.folder / "r.pdf", pins=PullTheTokenThenAnswer())
        assert caught.value.exit_code == 2 and "token" in caught.value.message.lower()
        assert not (office.folder / "r.pdf").exists()
        detail = desk.cases.detail(code)
        assert detail.row.status == Status.RECEIVED and detail.receipt_issued_at is None
    finally:
        desk.close()


def test_token_states_are_named_in_words() -> None:
    from pkcs11 import exceptions as p11

    locked = token_failure(p11.PinLocked())
    assert isinstance(locked, TokenError) and locked.code == "pin_locked" and "khóa" in locked.message
    expired = token_failure(p11.PinExpired())
    assert expired is not None and expired.code == "pin_expired" and "hết hạn" in expired.message
    wrong = token_failure(p11.PinIncorrect())
    assert wrong is not None and wrong.code == "wrong_pin"
    for removed in (p11.TokenNotPresent(), p11.DeviceRemoved(), p11.ObjectHandleInvalid()):
        mapped = token_failure(removed)
        assert mapped is not None and mapped.code == "token_removed"
    wrapped = RuntimeError("pyHanko said no")
    wrapped.__cause__ = p11.PinLocked()
    assert token_failure(wrapped) is not None
    assert token_failure(ValueError("not a token")) is None
    assert all(m.exit_code != 0 for m in (locked, expired, wrong))


def test_a_token_reporting_its_pin_locked_is_not_asked() -> None:
    from pkcs11.constants import TokenFlag

    from officer_desk.signing.keystore import token_prompt

    class LockedToken:
        label = "VNPT-CA"
        flags = int(TokenFlag.TOKEN_INITIALIZED | TokenFlag.USER_PIN_LOCKED)

    class LastTry:
        label = "VNPT-CA"
        flags = int(TokenFlag.TOKEN_INITIALIZED | TokenFlag.USER_PIN_FINAL_TRY)

    with pytest.raises(TokenError) as caught:
        token_prompt(LockedToken())
    assert caught.value.code == "pin_locked"
    assert "cuối" in token_prompt(LastTry())


def test_token_deleted_after_login_is_named_in_words(office: Office, token: tuple[str, str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from officer_desk.accounts.roles import Actor, ActorKind
    from officer_desk.accounts.signing import load_account_signer
    from officer_desk.desk import open_desk
    from officer_desk.signing.keystore import StaticPinPort
    from tests.helpers.signing import make_receipt_pdf
    module, label = token
    _bind_token(office, module, capsys)
    desk = open_desk(office.home, account=Actor("canbo.token", "Lê Văn Token", Role.OFFICER, ActorKind.ACCOUNT))
    try:
        with load_account_signer(desk, StaticPinPort(USER_PIN)) as session:
            assert verify_pdf(session.sign(make_receipt_pdf()), extra_trust=[office.pki.root_pem]).verdict == VALID
            subprocess.run(["softhsm2-util", "--delete-token", "--token", label], check=True, capture_output=True)
            with pytest.raises(TokenError) as caught:
                session.sign(make_receipt_pdf(text="R2"))
        assert caught.value.code == "token_removed" and caught.value.exit_code == 2
    finally:
        desk.close()
