"""Set-up homes through the CLI (demo mode off): setup, accounts, the acting account, own certificates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from officer_desk.cli import main
from officer_desk.lifecycle import Status
from officer_desk.paths import Home
from officer_desk.signing.verify import VALID, verify_pdf
from tests.helpers.office import Office, import_clean_case, setup_args, write_secret
from tests.helpers.signing import PIN, TestPki


def _json(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    return json.loads(capsys.readouterr().out)


def _documents(office: Office, code: str) -> int:
    from sqlalchemy import func, select

    from officer_desk.accounts.roles import Role
    from officer_desk.models import Case, SignedDocument

    desk = office.desk("admin", Role.ADMINISTRATOR)
    try:
        with desk.db.session() as session:
            return int(session.execute(select(func.count(SignedDocument.id)).join(
                Case, Case.id == SignedDocument.case_id).where(Case.dossier_code == code)).scalar_one())
    finally:
        desk.close()


def _empty(home: Home) -> bool:
    return not (home.database.exists() or home.config_file.exists() or home.keystore.exists())


# --- setup ------------------------------------------------------------------------------------------


def test_setup_refuses_a_home_already_set_up(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(setup_args(office.pki, office.admin_pw, office.pin) + ["--json"])
    assert code == 1 and _json(capsys)["error"]["code"] == "already_set_up"


@pytest.mark.parametrize(("identity", "error"), [
    ("expired", "certificate_expired"),
    ("no_key_usage", "certificate_key_usage"),
    ("stranger", "certificate_untrusted"),
])
def test_setup_refuses_a_bad_certificate_in_words_and_leaves_the_home_empty(
        pki: TestPki, isolated_home: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        identity: str, error: str) -> None:
    admin_pw = write_secret(tmp_path, "a.pw", "quan-tri-2026!")
    pin = write_secret(tmp_path, "pin", PIN)
    args = setup_args(pki, admin_pw, pin)
    args[args.index("--certificate") + 1] = str(getattr(pki, identity).p12)
    assert main(args + ["--json"]) == 1
    payload = _json(capsys)["error"]
    assert payload["code"] == error and "officer-desk" not in payload["message"] and "demo" not in payload["message"]
    assert _empty(isolated_home)


def test_setup_with_a_wrong_p12_password_is_exit_2(pki: TestPki, isolated_home: Home, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    args = setup_args(pki, write_secret(tmp_path, "a.pw", "quan-tri-2026!"),
                      write_secret(tmp_path, "pin", "not-the-pin"))
    assert main(args + ["--json"]) == 2
    assert _json(capsys)["error"]["code"] == "wrong_pin"
    assert _empty(isolated_home)


@pytest.mark.parametrize("desk_number", ["0", "10"])
def test_setup_desk_number_is_one_to_nine(pki: TestPki, isolated_home: Home, tmp_path: Path,
                                          desk_number: str) -> None:
    args = setup_args(pki, write_secret(tmp_path, "a.pw", "quan-tri-2026!"),
                      write_secret(tmp_path, "pin", PIN))
    args[args.index("--desk-number") + 1] = desk_number
    assert main(args) == 2
    assert _empty(isolated_home)


def test_setup_accepts_a_home_with_only_logs(pki: TestPki, isolated_home: Home, tmp_path: Path) -> None:
    (isolated_home.root / "logs").mkdir(parents=True)
    args = setup_args(pki, write_secret(tmp_path, "a.pw", "quan-tri-2026!"),
                      write_secret(tmp_path, "pin", PIN))
    assert main(args) == 0
    assert (isolated_home.keystore.stat().st_mode & 0o077) == 0  # owner-only keystore


# --- the acting account -------------------------------------------------------------------------------


def test_accounts_are_listed_with_their_certificates(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["account", "list", "--json", *office.as_admin()]) == 0
    accounts = {a["user"]: a for a in _json(capsys)["accounts"]}
    assert set(accounts) == {"admin", "canbo.lan", "lanhdao"}
    assert accounts["canbo.lan"] == {
        "user": "canbo.lan", "name": "Nguyễn Thị Lan", "role": "officer", "active": True,
        "certificate": accounts["canbo.lan"]["certificate"]}
    assert "Tr\u1ea7n Th\u1ecb EC" in accounts["canbo.lan"]["certificate"]["subject"]
    assert accounts["lanhdao"]["certificate"] is None and accounts["admin"]["role"] == "administrator"


def test_global_options_before_or_after_the_sub_command(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*office.as_officer(), "--json", "list"]) == 0
    before = _json(capsys)
    assert main(["list", "--json", *office.as_officer()]) == 0
    assert _json(capsys) == before


def test_credentials_from_the_environment(office: Office, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OFFICER_DESK_AS", "canbo.lan")
    monkeypatch.setenv("OFFICER_DESK_PASSWORD_FILE", str(office.officer_pw))
    assert main(["list", "--json"]) == 0
    assert "cases" in _json(capsys)


def test_missing_or_wrong_credentials_are_exit_2_auth(office: Office, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # OFFICER_DESK_OFFICER is set by the suite's conftest: it is never an identity on a set-up home.
    assert main(["list", "--json"]) == 2
    assert _json(capsys)["error"]["code"] == "auth"
    wrong = write_secret(tmp_path, "wrong.pw", "not-my-password")
    assert main(["list", "--json", "--as", "canbo.lan", "--password-file", str(wrong)]) == 2
    assert _json(capsys)["error"]["code"] == "auth"
    assert main(["list", "--json", "--as", "nobody", "--password-file", str(wrong)]) == 2
    assert _json(capsys)["error"]["code"] == "auth"
    assert main(["list", "--json", "--as", "canbo.lan"]) == 2
    assert _json(capsys)["error"]["code"] == "auth"


def test_roles_are_enforced_with_exit_1_forbidden(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["account", "add", "x.y", "--role", "officer", "--name", "X Y", "--new-password-file",
                 str(office.officer_pw), "--json", *office.as_officer()]) == 1
    assert _json(capsys)["error"]["code"] == "forbidden"
    assert main(["account", "list", "--json", *office.as_supervisor()]) == 1
    assert _json(capsys)["error"]["code"] == "forbidden"
    assert main(["backup", "--out", str(office.folder / "b.odbk"), "--json", *office.as_officer()]) == 1
    assert _json(capsys)["error"]["code"] == "forbidden"
    assert not (office.folder / "b.odbk").exists()
    code = import_clean_case(office)
    capsys.readouterr()
    assert main(["notice", "refusal", code, "--reason", "Không thuộc thẩm quyền", "--out",
                 str(office.folder / "tc.pdf"), "--pin-file", str(office.pin), "--json", *office.as_officer()]) == 1
    assert _json(capsys)["error"]["code"] == "forbidden"


def test_disabled_account_cannot_act_and_password_can_be_reset(office: Office, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    new_pw = write_secret(tmp_path, "new.pw", "mat-khau-moi-2026")
    assert main(["account", "password", "canbo.lan", "--new-password-file", str(new_pw), *office.as_admin()]) == 0
    assert main(["list", *office.as_officer()]) == 2  # the old password no longer works
    assert main(["list", "--as", "canbo.lan", "--password-file", str(new_pw)]) == 0
    assert main(["account", "disable", "canbo.lan", *office.as_admin()]) == 0
    capsys.readouterr()
    assert main(["list", "--json", "--as", "canbo.lan", "--password-file", str(new_pw)]) == 2
    assert _json(capsys)["error"]["code"] == "auth"


# --- signing with the officer's own certificate ------------------------------------------------------


def test_receipt_is_signed_with_the_officers_own_certificate(office: Office,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = import_clean_case(office)
    capsys.readouterr()
    out = office.folder / "receipt.pdf"
    assert main(["receipt", code, "--out", str(out), "--pin-file", str(office.pin), "--json",
                 *office.as_officer()]) == 0, capsys.readouterr()
    assert _json(capsys)["dossier_code"] == code
    report = verify_pdf(out.read_bytes(), extra_trust=[office.pki.root_pem])
    assert report.verdict == VALID
    signature = report.signatures[0]
    assert signature.signer == "Tr\u1ea7n Th\u1ecb EC"  # the officer's certificate, not a desk or demo one
    assert signature.trust_anchor is not None and "Test Root CA" in signature.trust_anchor.subject
    assert main(["show", code, "--json", *office.as_officer()]) == 0
    shown = _json(capsys)
    assert shown["status"] == Status.ACCEPTED
    events = shown.get("timeline") or shown.get("events")
    assert events and any(e.get("officer") == "canbo.lan" for e in events)
    assert {e.get("officer_name") for e in events if e.get("officer") == "canbo.lan"} == {"Nguy\u1ec5n Th\u1ecb Lan"}
    assert _documents(office, code) == 1
    import pypdfium2

    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(out.read_bytes()))
    assert "Nguy\u1ec5n Th\u1ecb Lan" in text  # the account's full name, not the OS user


def test_receipt_with_a_wrong_pin_issues_nothing(office: Office, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code = import_clean_case(office)
    capsys.readouterr()
    out = office.folder / "receipt.pdf"
    wrong = write_secret(tmp_path, "wrong.pin", "0000")
    assert main(["receipt", code, "--out", str(out), "--pin-file", str(wrong), "--json", *office.as_officer()]) == 2
    assert _json(capsys)["error"]["code"] == "wrong_pin"
    assert not out.exists()
    assert main(["show", code, "--json", *office.as_officer()]) == 0
    assert _json(capsys)["status"] == Status.RECEIVED
    assert _documents(office, code) == 0


def test_account_without_certificate_gets_words_not_a_command(office: Office,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = import_clean_case(office)
    capsys.readouterr()
    assert main(["receipt", code, "--out", str(office.folder / "r.pdf"), "--pin-file", str(office.pin), "--json",
                 *office.as_supervisor()]) == 1
    error = _json(capsys)["error"]
    assert error["code"] == "no_certificate"
    assert "--" not in error["message"] and "demo" not in error["message"].lower()


def test_sign_uses_the_acting_officers_certificate(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers.signing import make_receipt_pdf
    source = office.folder / "in.pdf"
    source.write_bytes(make_receipt_pdf())
    out = office.folder / "signed.pdf"
    assert main(["sign", str(source), "--out", str(out), "--json"]) == 2  # no key and nobody acting
    assert _json(capsys)["error"]["code"] == "auth"
    assert main([*office.as_officer(), "sign", str(source), "--out", str(out), "--pin-file", str(office.pin),
                 "--json"]) == 0, capsys.readouterr()
    assert _json(capsys)["signer"] == "Tr\u1ea7n Th\u1ecb EC"


def test_setup_on_postgresql(pki: TestPki, pg_url: str, isolated_home: Home, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A center's desk on PostgreSQL: accounts live in the shared database, the gate reads them there."""
    monkeypatch.setenv("OFFICER_DESK_DATABASE_URL", pg_url)  # main() exports --database; undone afterwards
    admin_pw = write_secret(tmp_path, "a.pw", "quan-tri-2026!")
    args = setup_args(pki, admin_pw, write_secret(tmp_path, "pin", PIN))
    assert main(["--database", pg_url, *args]) == 0, capsys.readouterr()
    capsys.readouterr()
    assert main(setup_args(pki, admin_pw, write_secret(tmp_path, "pin", PIN)) + ["--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "already_set_up"
    assert main(["account", "list", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "auth"
    assert main(["account", "list", "--json", "--as", "admin", "--password-file", str(admin_pw)]) == 0
    assert [a["user"] for a in json.loads(capsys.readouterr().out)["accounts"]] == ["admin"]
