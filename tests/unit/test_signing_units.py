"""Unit tests of the signing layer: certificate loading, trust store, demo CA, fonts, PIN ports."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from officer_desk.paths import Home, resource
from officer_desk.signing import certs
from officer_desk.signing.demo_ca import (
    create_demo_ca,
    demo_mode_enabled,
    issue_certificate,
    name,
    new_rsa_key,
)
from officer_desk.signing.errors import PinRequiredError, TrustStoreError
from officer_desk.signing.keystore import CachingPinPort, FilePinPort, TerminalPinPort, TokenKeyRef
from officer_desk.signing.trust import TrustStore, add_user_certificates, confirm_anchor
from tests.helpers.translations import english, marked_messages, placeholder_mismatches, untranslated

ROOT = Path(__file__).resolve().parents[2]
G1_SHA256 = "F7BC89054CEC7F12730D7B8CD3EB7955B163835087E5EB873EDFB584763B3F90"


# --- certificates -------------------------------------------------------------------------------------


def _to_ber_indefinite(der: bytes) -> bytes:
    """Constructed elements get indefinite lengths (as rootca.gov.vn's .p7b files have), except the
    certificates themselves, whose signatures cover their DER encoding."""

    def convert(data: bytes) -> bytes:
        out = b""
        pos = 0
        while pos < len(data):
            start = pos
            tag = data[pos]
            length = data[pos + 1]
            pos += 2
            if length & 0x80:
                count = length & 0x7F
                length = int.from_bytes(data[pos:pos + count], "big")
                pos += count
            body = data[pos:pos + length]
            pos += length
            raw = data[start:pos]
            if tag & 0x20 and not _is_certificate(raw):
                out += bytes([tag, 0x80]) + convert(body) + b"\x00\x00"
            else:
                out += raw
        return out

    return convert(der)


def _is_certificate(raw: bytes) -> bool:
    try:
        x509.load_der_x509_certificate(raw)
        return True
    except ValueError:
        return False


def test_ber_encoded_p7b_loads(tmp_path: Path) -> None:
    key = new_rsa_key()
    cert = issue_certificate(subject=name("BER Root"), key=key, issuer=None, issuer_key=key, ca=True)
    der = pkcs7.serialize_certificates([cert], serialization.Encoding.DER)
    ber = _to_ber_indefinite(der)
    assert b"\x30\x80" in ber and ber != der
    with pytest.raises(ValueError):
        x509.load_der_x509_certificate(ber)
    loaded = certs.load_certificates_from_bytes(ber)
    assert [certs.sha256_hex(c) for c in loaded] == [certs.sha256_hex(cert)]


def test_pem_der_and_bundles_load() -> None:
    key = new_rsa_key()
    a = issue_certificate(subject=name("A"), key=key, issuer=None, issuer_key=key, ca=True)
    b = issue_certificate(subject=name("B"), key=key, issuer=None, issuer_key=key, ca=True)
    assert len(certs.load_certificates_from_bytes(certs.to_pem(a) + certs.to_pem(b))) == 2
    assert len(certs.load_certificates_from_bytes(certs.to_der(a))) == 1
    bundle = pkcs7.serialize_certificates([a, b], serialization.Encoding.PEM)
    assert len(certs.load_certificates_from_bytes(bundle)) == 2
    with pytest.raises(ValueError):
        certs.load_certificates_from_bytes(b"\x00\x01 nothing")


def test_vietnamese_local_time_format() -> None:
    moment = datetime(2026, 11, 29, 20, 5, 9, tzinfo=UTC)
    assert certs.format_vn(moment) == "30/11/2026 03:05:09 +07:00"
    assert certs.iso_vn(moment) == "2026-11-30T03:05:09+07:00"


def test_key_checks() -> None:
    key = new_rsa_key()
    ok = issue_certificate(subject=name("ok"), key=key, issuer=None, issuer_key=key)
    assert certs.key_strength_ok(ok) and certs.has_signing_key_usage(ok)
    enc_only = issue_certificate(
        subject=name("enc"), key=key, issuer=None, issuer_key=key,
        key_usage=x509.KeyUsage(False, False, True, False, False, False, False, False, False),
    )
    assert not certs.has_signing_key_usage(enc_only)


# --- shipped trust material ---------------------------------------------------------------------------------


def test_shipped_manifest_matches_files_and_candidates() -> None:
    manifest = json.loads(resource("trust", "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["certificates"]
    assert len(entries) == 79
    for entry in entries:
        cert = certs.load_certificates(resource("trust", entry["file"]))[0]
        assert hashlib.sha256(certs.to_der(cert)).hexdigest().upper() == entry["sha256"]
    anchors = [e for e in entries if e["kind"] == "anchor"]
    assert len(anchors) == 10 and all(e["status"] == "candidate" for e in anchors)
    assert [e["sha256"] for e in entries if e["accept_sha1_ca_signatures"]] == [G1_SHA256]
    shared = ROOT.parent / "shared" / "trust" / "candidates" / "manifest.json"
    if shared.exists():
        source = {e["file"]: e["sha256"] for e in json.loads(shared.read_text(encoding="utf-8"))["certificates"]}
        assert {e["file"]: e["sha256"] for e in entries} == source


def test_trust_store_loads_shipped_anchors_as_candidates(isolated_home: Home) -> None:
    store = TrustStore.load(isolated_home)
    assert len(store.anchors) == 10 and {a.status for a in store.anchors} == {"candidate"}
    assert len(store.intermediates) == 57 and len(store.legacy) == 12
    assert [a.sha256 for a in store.anchors if a.accept_sha1] == [G1_SHA256]


def test_confirm_anchor_is_remembered(isolated_home: Home) -> None:
    vnrca = "BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7"
    anchor = confirm_anchor(isolated_home, vnrca.lower())
    assert anchor.status == "confirmed"
    assert TrustStore.load(isolated_home).anchor_by_fingerprint(vnrca).status == "confirmed"  # type: ignore[union-attr]
    with pytest.raises(TrustStoreError):
        confirm_anchor(isolated_home, "AB" * 32)


def test_user_certificates_split_into_anchors_and_intermediates(isolated_home: Home, tmp_path: Path) -> None:
    key = new_rsa_key()
    root = issue_certificate(subject=name("User Root"), key=key, issuer=None, issuer_key=key, ca=True)
    sub = issue_certificate(subject=name("User Sub"), key=new_rsa_key(), issuer=root, issuer_key=key, ca=True)
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(certs.to_pem(root) + certs.to_pem(sub))
    added = add_user_certificates(isolated_home, bundle)
    assert [a.kind for a in added] == ["anchor", "intermediate"]
    store = TrustStore.load(isolated_home)
    assert store.anchor_for_certificate(root).status == "candidate"  # type: ignore[union-attr]
    assert certs.sha256_hex(sub) in {certs.sha256_hex(c) for c in store.intermediates}


# --- demo CA ---------------------------------------------------------------------------------------------------


def test_demo_ca_is_idempotent_named_demo_and_trusted_only_in_demo_mode(isolated_home: Home) -> None:
    material = create_demo_ca(isolated_home)
    first = material.desk_p12.read_bytes()
    again = create_demo_ca(isolated_home)
    assert again == material and material.desk_p12.read_bytes() == first
    root = certs.load_certificates(material.root_pem)[0]
    assert "DEMO" in certs.common_name(root) and "kh\u00f4ng d\u00f9ng th\u1eadt" in certs.common_name(root)
    assert material.desk_pin.read_text(encoding="utf-8").strip()
    assert (material.desk_pin.stat().st_mode & 0o077) == 0
    assert demo_mode_enabled(isolated_home)
    demo = [a for a in TrustStore.load(isolated_home).anchors if a.status == "demo"]
    assert len(demo) == 1
    material.demo_mode_flag.unlink()
    assert not [a for a in TrustStore.load(isolated_home).anchors if a.status == "demo"]


def test_load_desk_signer_in_demo_mode_signs_without_prompt(isolated_home: Home) -> None:
    from officer_desk.signing.pades import StampSpec, load_desk_signer
    from officer_desk.signing.verify import verify_pdf

    create_demo_ca(isolated_home)
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=(420, 595))
    page.drawString(40, 500, "Bien nhan")
    page.showPage()
    page.save()
    with load_desk_signer(isolated_home) as session:
        spec = StampSpec(0, (200, 20, 410, 80), session.signer.common_name, session.signer.organisation or "")
        signed = session.sign(buf.getvalue(), visible=spec)
    report = verify_pdf(signed, home=isolated_home)
    assert report.verdict == "valid" and report.signatures[0].trust_anchor.status == "demo"  # type: ignore[union-attr]


# --- fonts ----------------------------------------------------------------------------------------------------------


def test_stamp_font_path_prefers_shipped_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from officer_desk.signing import fonts

    # The checkout ships Liberation Serif: that is the stamp font.
    assert fonts.stamp_font_path() == ROOT / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
    assert fonts.stamp_font_path().is_file()
    # An office that replaced the fonts: the first TrueType file by name, whatever the case of its suffix.
    other = tmp_path / "other"
    other.mkdir()
    for file_name in ("Noto.ttf", "Arial.TTF", "README.txt"):
        (other / file_name).write_bytes(b"")
    monkeypatch.setattr(fonts, "resource", lambda *parts: other.joinpath(*parts[1:]))
    assert fonts.stamp_font_path() == other / "Arial.TTF"
    # No shipped TrueType font at all (or no folder): the system's DejaVu Serif.
    for file_name in ("Noto.ttf", "Arial.TTF"):
        (other / file_name).unlink()
    assert fonts.stamp_font_path() == Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    monkeypatch.setattr(fonts, "resource", lambda *parts: tmp_path / "absent")
    assert fonts.stamp_font_path() == fonts.FALLBACK_FONT


def test_stamp_font_measures_in_thousandths_of_an_em() -> None:
    from fontTools import ttLib

    from officer_desk.signing.fonts import StampFont, stamp_font_path

    font = StampFont()
    tt = ttLib.TTFont(io.BytesIO(stamp_font_path().read_bytes()))
    upem = tt["head"].unitsPerEm
    cmap = tt.getBestCmap()
    text = "Th\u1eddi gian k\u00fd: 29/11/2026"
    expected = sum(tt["hmtx"][cmap[ord(ch)]][0] for ch in text) * 1000 / upem
    assert abs(font.advance(text) - expected) <= len(text)  # rounding per glyph only
    font.ensure("\u00c5ngstr\u00f6m")  # outside the base set: re-subset on demand
    assert font.show_text("\u00c5").startswith(b"<") and b"<0000>" not in font.show_text("\u00c5")


# --- PIN ports and key references -----------------------------------------------------------------------------


def test_pin_file_first_line(tmp_path: Path) -> None:
    path = tmp_path / "pin"
    path.write_bytes("m\u1eadt kh\u1ea9u\r\nsecond line\n".encode())
    assert FilePinPort(path).ask_pin("x") == "m\u1eadt kh\u1ea9u"


def test_terminal_port_without_tty_names_the_option() -> None:
    with pytest.raises(PinRequiredError) as caught:
        TerminalPinPort("--pin-file").ask_pin("PIN")
    assert "--pin-file" in caught.value.message and caught.value.exit_code == 2


def test_caching_port_asks_once() -> None:
    asked = []

    class Port:
        def ask_pin(self, prompt: str) -> str | None:
            asked.append(prompt)
            return "1234"

    port = CachingPinPort(Port())
    assert [port.ask_pin("p") for _ in range(20)] == ["1234"] * 20 and len(asked) == 1


def test_token_key_reference_by_id_or_serial() -> None:
    assert TokenKeyRef.parse("01a2").key_id == b"\x01\xa2"
    assert TokenKeyRef.parse("id:01:A2").key_id == b"\x01\xa2"
    assert TokenKeyRef.parse("serial:54 03 F1").serial == 0x5403F1


# --- source rules ---------------------------------------------------------------------------------------------------


def test_signing_sources_are_ascii_and_every_message_is_translated() -> None:
    paths = sorted((ROOT / "officer_desk" / "signing").glob("*.py"))
    paths.append(ROOT / "officer_desk" / "cli" / "signing_cmd.py")
    for path in paths:
        path.read_text(encoding="utf-8").encode("ascii")
    catalogue = english("signing")
    assert untranslated(marked_messages(paths), catalogue) == []
    assert placeholder_mismatches(catalogue) == []


def test_clock_floor_refuses_a_reset_clock() -> None:
    from officer_desk.signing.errors import CertificateRefusedError
    from officer_desk.signing.trust import check_clock

    with pytest.raises(CertificateRefusedError):
        check_clock(datetime(2001, 1, 1, tzinfo=UTC))
    check_clock(datetime.now(UTC) + timedelta(seconds=1))


@pytest.mark.parametrize(
    "raw",
    [b"<48656C6C6F> rest", b"< 48 65\n6c 6C\r\n6F >x", b"<486>", b"<>", b"<48 % comment\n65>", b"<4G>",
     b"<48656C", b"<" + b"ab" * 9000 + b">tail"],
)
def test_fast_hex_reader_matches_pyhanko(raw: bytes) -> None:
    import io as _io

    from officer_desk.signing.speedups import original, read_hex_string_from_stream

    def outcome(reader: object) -> tuple[object, int]:
        stream = _io.BytesIO(raw)
        try:
            value = reader(stream)  # type: ignore[operator]
            return (bytes(value.original_bytes), stream.tell())
        except Exception as exc:  # noqa: BLE001 - the error type is part of the behaviour
            return (type(exc).__name__, -1)

    assert outcome(read_hex_string_from_stream) == outcome(original())
