"""The ``sign``, ``verify``, ``keys`` and ``trust`` commands: exit codes and JSON per the contract."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import pytest

from officer_desk.cli import main
from officer_desk.paths import Home
from officer_desk.signing import certs
from tests.helpers.environment import require_or_skip, require_tool
from tests.helpers.signing import PIN, TestPki, make_receipt_pdf


def _json(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out  # exactly one JSON object on stdout
    return json.loads(lines[0])


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(make_receipt_pdf())
    pin = tmp_path / "pin.txt"
    pin.write_text(PIN + "\r\n", encoding="utf-8")  # CR/LF stripped per contract
    return {"pdf": pdf, "pin": pin, "out": tmp_path / "signed.pdf", "dir": tmp_path}


def test_sign_then_verify_json(pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore", str(pki.good.p12),
                 "--pin-file", str(files["pin"]), "--trust", str(pki.root_pem), "--visible", "--json"])
    payload = _json(capsys)
    assert code == 0, payload
    assert payload["level"] == "B-B" and payload["signing_time"].endswith("+07:00")
    code = main(["verify", str(files["out"]), "--json", "--trust", str(pki.root_pem)])
    payload = _json(capsys)
    assert code == 0
    assert payload["verdict"] == "valid" and payload["file"] == str(files["out"])
    sig = payload["signatures"][0]
    assert sig["trust_anchor"]["status"] == "extra" and sig["modification"] == "none"
    assert sig["revocation"] in ("good", "unknown")


def test_verify_exit_codes(pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore", str(pki.good.p12),
                 "--pin-file", str(files["pin"]), "--trust", str(pki.root_pem)]) == 0
    capsys.readouterr()
    assert main(["verify", str(files["out"])]) == 2  # test root not trusted: indeterminate
    text = capsys.readouterr().out
    assert "Kh\u00f4ng x\u00e1c \u0111\u1ecbnh" in text
    assert main(["verify", str(files["pdf"]), "--json"]) == 1  # no signature
    assert _json(capsys)["verdict"] == "invalid"
    junk = files["dir"] / "junk.pdf"
    junk.write_bytes(b"\x89PNG not a pdf")
    assert main(["verify", str(junk), "--json"]) == 3
    assert _json(capsys)["verdict"] == "unreadable"


def test_sign_refusal_is_exit_1_and_nothing_written(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore", str(pki.expired.p12),
                 "--pin-file", str(files["pin"]), "--trust", str(pki.root_pem), "--json"])
    payload = _json(capsys)
    assert code == 1 and payload["error"]["code"] == "certificate_expired"
    assert not files["out"].exists()


def test_sign_wrong_pin_and_unreadable_inputs_are_exit_2(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = files["dir"] / "wrong.txt"
    wrong.write_text("nope\n", encoding="utf-8")
    base = ["--out", str(files["out"]), "--keystore", str(pki.good.p12), "--trust", str(pki.root_pem), "--json"]
    assert main(["sign", str(files["pdf"]), *base, "--pin-file", str(wrong)]) == 2
    assert _json(capsys)["error"]["code"] == "wrong_pin"
    text = files["dir"] / "text.pdf"
    text.write_text("hello", encoding="utf-8")
    assert main(["sign", str(text), *base, "--pin-file", str(files["pin"])]) == 2
    assert _json(capsys)["error"]["code"] == "unreadable_pdf"
    assert not files["out"].exists()


def test_no_tty_without_pin_file_fails_naming_the_option(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore", str(pki.good.p12),
                 "--trust", str(pki.root_pem), "--json"])
    payload = _json(capsys)
    assert code == 2 and "--pin-file" in payload["error"]["message"]


def test_keys_import_list_check_remove(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str], isolated_home: Home
) -> None:
    assert main(["keys", "import", str(pki.legacy_3des_p12), "--pin-file", str(files["pin"]), "--json"]) == 0
    entry = _json(capsys)
    assert entry["sha256"] == certs.sha256_hex(pki.good.cert)
    p12 = isolated_home.keystore / f"{entry['id']}.p12"
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert stat.S_IMODE(isolated_home.keystore.stat().st_mode) == 0o700
    assert b"pbeWithSHA1And3-KeyTripleDES" not in p12.read_bytes()
    assert main(["keys", "list", "--json"]) == 0
    assert [k["id"] for k in _json(capsys)["keys"]] == [entry["id"]]
    assert main(["keys", "check", entry["id"], "--json"]) == 1  # untrusted root: refused
    assert _json(capsys)["error"]["code"] == "certificate_untrusted"
    assert main(["keys", "check", entry["id"], "--trust", str(pki.root_pem), "--json"]) == 0
    assert _json(capsys)["ok"] is True
    # the imported key signs by its id
    assert main(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore", entry["id"],
                 "--pin-file", str(files["pin"]), "--trust", str(pki.root_pem), "--json"]) == 0
    capsys.readouterr()
    assert main(["keys", "remove", entry["id"], "--json"]) == 0
    capsys.readouterr()
    assert main(["keys", "list", "--json"]) == 0
    assert _json(capsys)["keys"] == []


def test_windows_style_rc2_p12_imports(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """RC2-40 / 3DES as exported by Windows, made here with ``openssl pkcs12 -export -legacy``."""
    from cryptography.hazmat.primitives import serialization

    openssl = require_tool("openssl")
    pem = files["dir"] / "good.pem"
    pem.write_bytes(pki.good.key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        + certs.to_pem(pki.good.cert))
    legacy = files["dir"] / "windows.pfx"
    made = subprocess.run([openssl, "pkcs12", "-export", "-legacy", "-in", str(pem), "-out", str(legacy),
                           "-passout", f"pass:{PIN}"], capture_output=True, text=True, check=False)
    require_or_skip(made.returncode == 0, "OpenSSL with its legacy provider (RC2 PKCS#12): " + made.stderr[-200:])
    assert b"\x2a\x86\x48\x86\xf7\x0d\x01\x0c\x01\x06" in legacy.read_bytes()  # pbeWithSHAAnd40BitRC2-CBC
    assert main(["keys", "import", str(legacy), "--pin-file", str(files["pin"]), "--json"]) == 0
    assert _json(capsys)["sha256"] == certs.sha256_hex(pki.good.cert)


def test_keys_passwd(pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "import", str(pki.good.p12), "--pin-file", str(files["pin"]), "--json"]) == 0
    entry = _json(capsys)
    new = files["dir"] / "new.txt"
    new.write_text("m\u1eadt-kh\u1ea9u-m\u1edbi\n", encoding="utf-8")
    assert main(["keys", "passwd", entry["id"], "--pin-file", str(files["pin"]), "--new-pin-file", str(new),
                 "--json"]) == 0
    capsys.readouterr()
    assert main(["keys", "check", "--keystore", entry["id"], "--pin-file", str(new), "--trust",
                 str(pki.root_pem), "--json"]) == 0


def test_trust_add_list_confirm_remove(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["trust", "add", str(pki.root_pem), "--json"]) == 0
    added = _json(capsys)["added"]
    fingerprint = added[0]["sha256"]
    assert added[0]["kind"] == "anchor"
    assert main(["trust", "list", "--json"]) == 0
    anchors = {a["sha256"]: a for a in _json(capsys)["anchors"]}
    assert anchors[fingerprint]["status"] == "candidate"
    assert sum(1 for a in anchors.values() if a["source"] == "shipped") == 10
    # signatures under the user anchor now verify without --trust, anchor shown as candidate
    assert main(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore", str(pki.good.p12),
                 "--pin-file", str(files["pin"])]) == 0
    capsys.readouterr()
    assert main(["verify", str(files["out"]), "--json"]) == 0
    assert _json(capsys)["signatures"][0]["trust_anchor"]["status"] == "candidate"
    assert main(["trust", "confirm", fingerprint.lower(), "--json"]) == 0
    assert _json(capsys)["status"] == "confirmed"
    assert main(["verify", str(files["out"]), "--json"]) == 0
    assert _json(capsys)["signatures"][0]["trust_anchor"]["status"] == "confirmed"
    assert main(["trust", "remove", fingerprint, "--json"]) == 0
    capsys.readouterr()
    assert main(["verify", str(files["out"]), "--json"]) == 2
    capsys.readouterr()
    assert main(["trust", "confirm", "00" * 32, "--json"]) == 2
    assert _json(capsys)["error"]["code"] == "not_found"


def test_trust_crl_import(pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    crl = files["dir"] / "sub.crl"
    crl.write_bytes(pki.crl_der)
    assert main(["trust", "crl-import", str(crl), "--json"]) == 0
    assert "Test Sub CA" in _json(capsys)["issuer"]


def test_verify_text_output_is_vietnamese(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore", str(pki.good.p12),
          "--pin-file", str(files["pin"]), "--trust", str(pki.root_pem)])
    capsys.readouterr()
    assert main(["verify", str(files["out"]), "--trust", str(pki.root_pem)]) == 0
    text = capsys.readouterr().out
    labels = ("+07:00", "H\u1ee3p l\u1ec7", "Ng\u01b0\u1eddi k\u00fd", "Th\u1eddi gian k\u00fd",
              "G\u1ed1c tin c\u1eady")
    for label in labels:
        assert label in text, text
    assert main(["--lang", "en", "verify", str(files["out"]), "--trust", str(pki.root_pem)]) == 0
    assert "Valid" in capsys.readouterr().out
