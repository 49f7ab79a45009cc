"""The signed QR payload: format, keys, and the verdicts genuine / tampered / unknown issuer / not ours."""

from __future__ import annotations

import os
import stat
import string
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from officer_desk.errors import InputError
from officer_desk.paths import Home
from officer_desk.receipts.qr import (
    PREFIX,
    VIETNAM_TIME,
    PublicKeyRecord,
    QrKeyError,
    QrKeyring,
    desk_id_for,
    make_payload,
    name_hash,
    parse_payload,
    qr_symbol,
    verify_payload,
)

QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")
ISSUED = datetime(2026, 11, 27, 9, 32, 5, tzinfo=VIETNAM_TIME)
APPOINTMENT = datetime(2026, 12, 2, 15, 30, tzinfo=VIETNAM_TIME)


@pytest.fixture
def keyring(tmp_path: Path) -> QrKeyring:
    ring = QrKeyring(Home(tmp_path / "desk-a"))
    ring.create_desk_key("X99-Q03")
    return ring


@pytest.fixture
def other_desk(tmp_path: Path) -> QrKeyring:
    ring = QrKeyring(Home(tmp_path / "desk-b"))
    ring.create_desk_key("H14-Q01")
    return ring


def payload_for(ring: QrKeyring, **changes: object) -> str:
    values: dict[str, object] = {
        "doc_type": "receipt",
        "dossier_code": "000.00.01.X99-261127-0007",
        "applicant_name": "Nguyễn Thị Thu Hường",
        "appointment": APPOINTMENT,
        "issued_at": ISSUED,
        "keyring": ring,
    }
    values.update(changes)
    return make_payload(**values)  # type: ignore[arg-type]


def test_payload_is_compact_alphanumeric_and_fields_round_trip(keyring: QrKeyring) -> None:
    payload = payload_for(keyring)
    assert payload.startswith(PREFIX)
    assert set(payload) <= QR_ALPHANUMERIC
    symbol = qr_symbol(payload)
    assert symbol.mode == "alphanumeric"
    assert symbol.version <= 9
    fields = parse_payload(payload)
    assert fields["doc_type"] == "receipt"
    assert fields["dossier_code"] == "000.00.01.X99-261127-0007"
    assert fields["appointment"] == "2026-12-02T15:30:00+07:00"
    assert fields["issued_at"] == "2026-11-27T09:32:05+07:00"
    assert fields["desk_id"] == "X99-Q03"
    assert fields["key_id"] == keyring.own_public_key().key_id


def test_own_payload_is_genuine(keyring: QrKeyring) -> None:
    verdict = verify_payload(payload_for(keyring), keyring)
    assert verdict.status == "genuine"
    assert verdict.exit_code == 0
    assert verdict.matches_name("Nguyễn Thị Thu Hường")


def test_every_single_character_change_is_tampered(keyring: QrKeyring) -> None:
    payload = payload_for(keyring)
    for index in range(len(PREFIX), len(payload)):
        original = payload[index]
        replacement = "A" if original != "A" else "B"
        altered = payload[:index] + replacement + payload[index + 1:]
        verdict = verify_payload(altered, keyring)
        assert verdict.status == "tampered", (index, altered)
        assert verdict.exit_code == 1


def test_changed_prefix_is_not_ours_or_tampered(keyring: QrKeyring) -> None:
    payload = payload_for(keyring)
    assert verify_payload("ODR2" + payload[4:], keyring).status == "not_ours"
    assert verify_payload("XDR1" + payload[4:], keyring).status == "not_ours"


def test_truncated_or_extended_payload_is_tampered(keyring: QrKeyring) -> None:
    payload = payload_for(keyring)
    assert verify_payload(payload[:-1], keyring).status == "tampered"
    assert verify_payload(payload + "A", keyring).status == "tampered"
    assert verify_payload(payload.replace(":", "::", 1), keyring).status == "tampered"


def test_unknown_desk_key_is_unknown_issuer_until_imported(keyring: QrKeyring, other_desk: QrKeyring) -> None:
    foreign = payload_for(other_desk)
    verdict = verify_payload(foreign, keyring)
    assert verdict.status == "unknown_issuer"
    assert verdict.exit_code == 2
    assert verdict.fields["desk_id"] == "H14-Q01"
    keyring.import_public_key(other_desk.own_public_key().text)
    assert verify_payload(foreign, keyring).status == "genuine"
    assert keyring.remove_public_key("H14-Q01") == 1
    assert verify_payload(foreign, keyring).status == "unknown_issuer"


def test_trusted_key_signing_under_another_desk_name_is_tampered(keyring: QrKeyring, tmp_path: Path) -> None:
    impostor = QrKeyring(Home(tmp_path / "impostor"))
    impostor.create_desk_key("X99-Q03")  # same desk name, different key
    forged = payload_for(impostor)
    assert verify_payload(forged, keyring).status == "tampered"


def test_not_ours(keyring: QrKeyring) -> None:
    for text in ("", "hello", "https://dichvucong.gov.vn/p/home", "ODR:abc"):
        verdict = verify_payload(text, keyring)
        assert verdict.status == "not_ours"
        assert verdict.exit_code == 3


def test_name_hash_ignores_normalisation_case_and_spacing() -> None:
    code = "000.00.01.X99-261127-0007"
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Thu Hường")
    assert name_hash(code, nfd) == name_hash(code, "  NGUYỄN   thị thu hường ")
    assert name_hash(code, "Lê Văn Tuấn") != name_hash(code, "Lê Văn Tuân")
    # Salted with the dossier code: the same name on another dossier hashes differently.
    assert name_hash(code, "Lê Văn Tuấn") != name_hash("000.00.01.X99-261127-0008", "Lê Văn Tuấn")


def test_dossier_code_outside_the_qr_alphabet_is_escaped(keyring: QrKeyring) -> None:
    payload = payload_for(keyring, dossier_code="hs-2026/ngoại-lệ:1")
    assert set(payload) <= QR_ALPHANUMERIC
    verdict = verify_payload(payload, keyring)
    assert verdict.status == "genuine"
    assert verdict.fields["dossier_code"] == "hs-2026/ngoại-lệ:1"


def test_times_are_written_in_vietnam_time(keyring: QrKeyring) -> None:
    payload = payload_for(keyring, appointment=datetime(2026, 12, 2, 8, 30, tzinfo=UTC), issued_at=ISSUED)
    assert parse_payload(payload)["appointment"] == "2026-12-02T15:30:00+07:00"
    no_appointment = payload_for(keyring, doc_type="refusal", appointment=None)
    assert parse_payload(no_appointment)["appointment"] is None
    with pytest.raises(InputError):
        payload_for(keyring, issued_at=datetime(2026, 11, 27, 9, 0))


def test_private_key_file_is_owner_only(keyring: QrKeyring) -> None:
    mode = stat.S_IMODE(keyring.private_key_path.stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(keyring.home.keystore.stat().st_mode) == 0o700


def test_key_is_kept_and_replacement_keeps_old_documents_verifiable(keyring: QrKeyring) -> None:
    old_payload = payload_for(keyring)
    first = keyring.own_public_key()
    assert keyring.ensure_desk_key("X99-Q03") == first
    with pytest.raises(QrKeyError):
        keyring.ensure_desk_key("X99-Q04")
    second = keyring.create_desk_key("X99-Q03", replace=True)
    assert second != first
    assert verify_payload(old_payload, keyring).status == "genuine"
    assert verify_payload(payload_for(keyring), keyring).status == "genuine"
    # A fresh keyring object on the same home sees the same keys.
    assert verify_payload(old_payload, QrKeyring(keyring.home)).status == "genuine"


def test_public_key_text_round_trip_and_rejects_damage(keyring: QrKeyring) -> None:
    record = keyring.own_public_key()
    assert PublicKeyRecord.parse(record.text) == record
    damaged = record.text[:-1] + ("A" if record.text[-1] != "A" else "B")
    with pytest.raises(InputError):
        PublicKeyRecord.parse(damaged)
    with pytest.raises(InputError):
        PublicKeyRecord.parse("not a key")


def test_missing_desk_key_gives_an_actionable_error(tmp_path: Path) -> None:
    ring = QrKeyring(Home(tmp_path / "empty"))
    with pytest.raises(QrKeyError) as error:
        payload_for(ring)
    assert "qr-desk.key" in error.value.message


def test_bad_desk_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        QrKeyring(Home(tmp_path)).create_desk_key("Quầy 3")


def test_default_desk_id() -> None:
    assert desk_id_for("000.00.01.X99", 3) == "000.00.01.X99-Q03"
    assert desk_id_for("h14", "A2") == "H14-QA2"


def test_repeated_verification_reuses_the_trust_cache(keyring: QrKeyring, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The trusted keys are read from disk once, and again only when another process changes them."""
    reads: list[int] = []
    read_keys = keyring.list_public_keys

    def counted() -> list[PublicKeyRecord]:
        reads.append(1)
        return read_keys()

    monkeypatch.setattr(keyring, "list_public_keys", counted)
    payload = payload_for(keyring)
    for _ in range(3):
        assert verify_payload(payload, keyring).status == "genuine"
    assert len(reads) == 1
    other = QrKeyring(Home(tmp_path / "desk-b"))
    other.create_desk_key("X99-Q04")
    QrKeyring(keyring.home).import_public_key(other.own_public_key().text)  # another process imports a key
    os.utime(keyring.trust_dir, ns=(1, 1))  # a different stamp even on a coarse-clock file system
    assert verify_payload(payload_for(other), keyring).status == "genuine"
    assert len(reads) == 2


def test_issue_time_with_seconds(keyring: QrKeyring) -> None:
    later = ISSUED + timedelta(seconds=7)
    assert parse_payload(payload_for(keyring, issued_at=later))["issued_at"] == "2026-11-27T09:32:12+07:00"
