"""Property-based tests of the sync bundle reader (issue 16): whatever arrives on the USB stick — any bytes,
a genuine bundle truncated, bit-flipped, its sections reordered, duplicated or spliced with another's, a
bundle signed by an identity the desk does not trust, one encrypted to another desk, one signed by a trusted
desk whose content is malformed, a replay — is refused with the contract's error (``bundle import``: exit 2
"not a bundle at all", exit 1 "refused", exit 0 "already applied") and the receiving database is left
exactly as it was. Seeded and bounded like tests/unit/test_properties.py (OFFICER_DESK_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officer_desk.cli import main
from officer_desk.desk import Desk, open_desk
from officer_desk.errors import DeskError
from officer_desk.paths import Home
from officer_desk.sync import bundle
from officer_desk.sync.bundle import BundleRefusedError, NotABundleError, export_bundle, import_bundle
from officer_desk.sync.engine import desk_identity
from officer_desk.sync.identity import DeskIdentity, trust_identity
from tests.helpers.bundles import decrypt, fingerprint, seal, sections

EXAMPLES = int(os.environ.get("OFFICER_DESK_FUZZ_EXAMPLES", "60"))
CI = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
REFUSED = ("gói dữ liệu", "không đọc được tệp")  # every refusal names the bundle in plain words, no code


class Bench:
    """The desks and genuine bundles every test starts from (not a dataclass: hypothesis would print its
    bytes field by field with each failing example)."""

    sender: Desk
    receiver: Desk
    stranger: Desk
    genuine: bytes
    second: bytes  # another genuine bundle from the same sender, for splicing
    to_other: bytes  # genuine, but encrypted and addressed to the stranger
    untrusted: bytes  # addressed to the receiver, signed by the stranger (whom the receiver never trusted)
    sender_identity: DeskIdentity
    receiver_identity: DeskIdentity
    folder: Path

    def __init__(self, **parts: Any) -> None:
        self.__dict__.update(parts)

    def __repr__(self) -> str:
        return "Bench(sender, receiver, stranger)"


def _open(root: Path, dossiers: Path | None) -> Desk:
    desk = open_desk(Home(root))
    if dossiers is not None:
        desk.cases.import_paths([dossiers])
    desk_identity(desk)  # the identity exists before any fingerprint is taken
    return desk


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bench]:
    folder = tmp_path_factory.mktemp("bundles")
    inbox = folder / "in"
    inbox.mkdir()
    for name in ("tam-tru-dang-thi-mai.json", "hop-dong-thue.pdf"):
        shutil.copy(DATA / name, inbox / name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFICER_DESK_NO_KEYRING", "1")
        patch.setenv("OFFICER_DESK_OFFICER", "canbo.test")
        patch.delenv("OFFICER_DESK_DATABASE_URL", raising=False)
        sender, receiver, stranger = (_open(folder / "a", inbox), _open(folder / "b", None),
                                      _open(folder / "c", inbox))
        ids = {name: desk_identity(desk) for name, desk in (("a", sender), ("b", receiver), ("c", stranger))}
        trust_identity(receiver.db, ids["a"].public, "admin")
        for other in ("b", "c"):
            trust_identity(sender.db, ids[other].public, "admin")
        trust_identity(stranger.db, ids["b"].public, "admin")
        paths = {name: folder / f"{name}.odb" for name in ("genuine", "second", "to_other", "untrusted")}
        assert export_bundle(sender, paths["genuine"], to=ids["b"].public.desk_id)
        assert export_bundle(sender, paths["second"], to=ids["b"].public.desk_id)
        assert export_bundle(sender, paths["to_other"], to=ids["c"].public.desk_id)
        assert export_bundle(stranger, paths["untrusted"], to=ids["b"].public.desk_id)
        made = Bench(sender=sender, receiver=receiver, stranger=stranger, sender_identity=ids["a"],
                     receiver_identity=ids["b"], folder=folder, **{n: path.read_bytes() for n, path in paths.items()})
    yield made
    for desk in (sender, receiver, stranger):
        desk.close()


def refused(bench: Bench, data: bytes) -> DeskError:
    """Import ``data`` at the receiver: it must be refused, with the contract's exit code, changing nothing."""
    before = fingerprint(bench.receiver)
    path = bench.folder / "probe.odb"
    path.write_bytes(data)
    with pytest.raises(DeskError) as caught:
        import_bundle(bench.receiver, path)
    error = caught.value
    assert isinstance(error, (NotABundleError, BundleRefusedError)), repr(error)
    # exit 2 only for "not a bundle at all"; anything that starts like a bundle and fails is refused (1)
    assert error.exit_code == (1 if data.startswith(bundle.MAGIC) else 2), (error.exit_code, data[:20])
    assert any(words in error.message.lower() for words in REFUSED), error.message
    assert fingerprint(bench.receiver) == before
    return error


def _signed(bench: Bench, plain: bytes, **header: Any) -> bytes:
    return seal(bench.sender_identity, bench.receiver_identity.public.encryption_key, plain,
                **{"recipient": bench.receiver_identity.public.desk_id, **header})


def _genuine_payload(bench: Bench) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(gzip.decompress(decrypt(bench.receiver_identity, bench.genuine)))
    return payload


# --- the bench itself is sound: the genuine bundle would be applied ----------------------------------------


def test_the_sealing_helper_makes_bundles_the_reader_accepts(bench: Bench) -> None:
    """Guards the tests below: a refusal must come from the damage, not from a broken bench."""
    header, *_rest = bundle._read(bench.genuine)
    assert header["recipient"] == bench.receiver_identity.public.desk_id
    payload = _genuine_payload(bench)
    assert [case["code"] for case in payload["cases"]] and payload["blobs"]
    resealed = _signed(bench, gzip.compress(json.dumps(payload).encode()))
    home = bench.folder / "check"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFICER_DESK_NO_KEYRING", "1")
        # a copy of the receiver, so that the bench's receiver stays untouched
        bench.receiver.db.dispose()
        shutil.copytree(bench.receiver.home.root, home)
        copy = open_desk(Home(home))
        try:
            path = bench.folder / "resealed.odb"
            path.write_bytes(resealed)
            assert import_bundle(copy, path).applied == [case["code"] for case in payload["cases"]]
        finally:
            copy.close()


# --- damage to a genuine bundle ----------------------------------------------------------------------------


@CI
@given(st.binary(max_size=600))
def test_any_bytes_are_refused(bench: Bench, data: bytes) -> None:
    refused(bench, data)


@CI
@given(st.binary(max_size=300))
def test_any_bytes_after_the_magic_are_refused(bench: Bench, data: bytes) -> None:
    refused(bench, bundle.MAGIC + data)


@CI
@given(st.integers(min_value=0))
def test_every_truncation_is_refused(bench: Bench, cut: int) -> None:
    refused(bench, bench.genuine[:cut % len(bench.genuine)])


@CI
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=7)), min_size=1, max_size=4))
def test_every_bit_flip_is_refused(bench: Bench, flips: list[tuple[int, int]]) -> None:
    damaged = bytearray(bench.genuine)
    for position, bit in flips:
        damaged[position % len(damaged)] ^= 1 << bit
    if bytes(damaged) != bench.genuine:  # two flips of the same bit cancel out
        refused(bench, bytes(damaged))


@CI
@given(st.integers(min_value=0), st.binary(min_size=1, max_size=40), st.integers(min_value=0, max_value=40))
def test_inserted_or_removed_bytes_are_refused(bench: Bench, position: int, extra: bytes, removed: int) -> None:
    at = position % len(bench.genuine)
    refused(bench, bench.genuine[:at] + extra + bench.genuine[at:])
    if removed:
        refused(bench, bench.genuine[:at] + bench.genuine[at + removed:])


@CI
@given(st.permutations(range(5)), st.lists(st.integers(min_value=0, max_value=4), max_size=3))
def test_reordered_or_duplicated_sections_are_refused(bench: Bench, order: list[int], duplicates: list[int]) -> None:
    parts = sections(bench.genuine)
    arranged = [parts[i] for i in order] + [parts[i] for i in duplicates]
    data = b"".join(arranged)
    if data != bench.genuine:
        refused(bench, data)


@CI
@given(st.lists(st.booleans(), min_size=5, max_size=5))
def test_sections_spliced_from_two_genuine_bundles_are_refused(bench: Bench, take_second: list[bool]) -> None:
    one, two = sections(bench.genuine), sections(bench.second)
    # length and magic are the same in both when the headers are of one length; splice the parts that differ
    data = b"".join(two[i] if pick else one[i] for i, pick in enumerate(take_second))
    if data not in (bench.genuine, bench.second):
        refused(bench, data)


# --- wrong sender, wrong recipient, replay -----------------------------------------------------------------


def test_bundle_signed_by_an_identity_not_trusted_is_refused(bench: Bench) -> None:
    assert "chưa được tin cậy" in refused(bench, bench.untrusted).message


def test_bundle_encrypted_to_another_desk_is_refused(bench: Bench) -> None:
    assert "quầy khác" in refused(bench, bench.to_other).message


def test_bundle_claiming_the_receiver_but_encrypted_to_another_key_is_refused(bench: Bench) -> None:
    plain = gzip.compress(json.dumps(_genuine_payload(bench)).encode())
    other_key = X25519PrivateKey.generate().public_key().public_bytes(bundle._RAW, bundle._RAW_PUB)
    forged = seal(bench.sender_identity, other_key, plain, recipient=bench.receiver_identity.public.desk_id)
    assert "giải mã" in refused(bench, forged).message


def test_bundle_naming_a_trusted_sender_but_signed_by_another_key_is_refused(bench: Bench) -> None:
    stranger = desk_identity(bench.stranger)
    plain = gzip.compress(json.dumps(_genuine_payload(bench)).encode())
    forged = seal(stranger, bench.receiver_identity.public.encryption_key, plain,
                  sender=bench.sender_identity.desk_id, recipient=bench.receiver_identity.public.desk_id)
    refused(bench, forged)


def test_a_replay_applies_nothing_new(bench: Bench, tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFICER_DESK_NO_KEYRING", "1")
        late = _open(tmp_path / "late", None)
        try:
            trust_identity(late.db, bench.sender_identity.public, "admin")
            trust_identity(bench.sender.db, desk_identity(late).public, "admin")
            first = tmp_path / "first.odb"
            codes = export_bundle(bench.sender, first, to=desk_identity(late).public.desk_id)
            assert import_bundle(late, first).applied == codes
            late.cases.update_dossier(codes[0], {"applicant.phone": "0912 345 678"})  # a local change after it
            before = fingerprint(late)
            again = import_bundle(late, first)
            assert again.already_applied and again.applied == [] and again.conflicts == []
            assert fingerprint(late) == before
            assert late.cases.detail(codes[0]).dossier["applicant"]["phone"] == "0912 345 678"  # type: ignore[index]
        finally:
            late.close()


# --- a trusted sender's bundle whose content is malformed (a bug there, or its keys in the wrong hands) -------


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)
not_dicts = json_values.filter(lambda value: not isinstance(value, dict))
not_lists = json_values.filter(lambda value: not isinstance(value, list))
stray_dicts = st.dictionaries(st.text(min_size=1, max_size=10), json_values, min_size=1, max_size=4)
# For each part of a case on the wire, values that no sound sender writes (a different code or an empty list
# of events would be a valid bundle, and the receiver would rightly apply it).
MALFORMED_WIRE = {
    "code": json_values.filter(lambda value: not isinstance(value, str) or not value),
    "columns": not_dicts | stray_dicts,
    "state": not_dicts,
    "events": not_lists | st.lists(not_dicts | stray_dicts, min_size=1, max_size=3),
    "attachments": not_lists | st.lists(not_dicts | stray_dicts, min_size=1, max_size=3),
    "findings": not_lists | st.lists(not_dicts | stray_dicts, min_size=1, max_size=3),
    "base": not_dicts.filter(lambda value: value is not None),
}


@CI
@given(json_values)
def test_signed_bundle_with_any_json_payload_is_refused(bench: Bench, payload: object) -> None:
    refused(bench, _signed(bench, gzip.compress(json.dumps(payload).encode())))


@CI
@given(st.sampled_from(sorted(MALFORMED_WIRE)).flatmap(lambda key: st.tuples(st.just(key), MALFORMED_WIRE[key])))
def test_signed_bundle_with_one_case_field_malformed_is_refused(bench: Bench, change: tuple[str, object]) -> None:
    key, value = change
    payload = _genuine_payload(bench)
    payload["cases"][0][key] = value
    refused(bench, _signed(bench, gzip.compress(json.dumps(payload).encode())))


@CI
@given(st.binary(max_size=200))
def test_signed_bundle_whose_plaintext_is_not_gzip_json_is_refused(bench: Bench, plain: bytes) -> None:
    refused(bench, _signed(bench, plain))
    refused(bench, _signed(bench, gzip.compress(plain)))
    whole = gzip.compress(json.dumps(_genuine_payload(bench)).encode())
    refused(bench, _signed(bench, whole[:len(plain) % len(whole)]))  # a cut gzip stream


@CI
@given(st.sampled_from(["bundle_id", "sender", "recipient", "ephemeral", "nonce"]), json_values)
def test_signed_bundle_with_a_malformed_header_field_is_refused(bench: Bench, key: str, value: object) -> None:
    plain = gzip.compress(json.dumps(_genuine_payload(bench)).encode())
    refused(bench, _signed(bench, plain, **{key: value}))


def test_signed_bundle_whose_attachment_differs_from_its_digest_is_refused(bench: Bench) -> None:
    payload = _genuine_payload(bench)
    [digest] = list(payload["blobs"])
    payload["blobs"][digest] = base64.b64encode(b"%PDF-1.7 another document").decode()
    refused(bench, _signed(bench, gzip.compress(json.dumps(payload).encode())))


def test_deeply_nested_header_is_refused(bench: Bench) -> None:
    header = b"[" * 100_000 + b"]" * 100_000
    refused(bench, bundle.MAGIC + struct.pack(">I", len(header)) + header + bytes(16 + 64))


# --- the command line: the contract's exit codes and JSON --------------------------------------------------


@pytest.mark.parametrize(("case", "exit_code", "error_code"), [
    ("junk", 2, "not_a_bundle"), ("empty", 2, "not_a_bundle"), ("truncated", 1, "bundle_refused"),
    ("flipped", 1, "bundle_refused"), ("reordered", 1, "bundle_refused"), ("untrusted", 1, "bundle_refused"),
    ("to_other", 1, "bundle_refused"), ("malformed", 1, "bundle_refused"),
])
def test_bundle_import_command_refuses_with_the_contract_exit_code(
        bench: Bench, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        case: str, exit_code: int, error_code: str) -> None:
    parts = sections(bench.genuine)
    flipped = bytearray(bench.genuine)
    flipped[len(flipped) // 2] ^= 0x10
    data = {"junk": b"PK\x03\x04 not a bundle", "empty": b"", "truncated": bench.genuine[:len(bench.genuine) // 2],
            "flipped": bytes(flipped), "reordered": b"".join([parts[0], parts[1], parts[2], parts[4], parts[3]]),
            "untrusted": bench.untrusted, "to_other": bench.to_other,
            "malformed": _signed(bench, gzip.compress(b'{"cases": [{"code": 7}]}'))}[case]
    path = tmp_path / "usb.odb"
    path.write_bytes(data)
    monkeypatch.setenv("OFFICER_DESK_HOME", str(bench.receiver.home.root))
    before = fingerprint(bench.receiver)
    assert main(["bundle", "import", str(path), "--json"]) == exit_code
    captured = capsys.readouterr()
    answer = json.loads(captured.out.strip().splitlines()[-1])
    assert answer["error"]["code"] == error_code
    assert any(words in answer["error"]["message"].lower() for words in REFUSED)
    assert "Traceback" not in captured.err and "mã tra cứu" not in captured.err
    assert fingerprint(bench.receiver) == before
    assert not (tmp_path / "usb-tra-ve.odb").exists()  # no return bundle for a refused one

