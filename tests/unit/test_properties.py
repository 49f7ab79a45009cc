"""Property-based tests (hypothesis, seeded and bounded for CI) of the readers of outside input (issue 16).

- the dossier parser: any bytes or JSON value is a dossier or a DossierFormatError, nothing else;
- the QR payload codec: every payload made verifies and round-trips; any one-character change of it
  is never "genuine"; any text is judged without an exception;
- the catalogue loader: any YAML text is a procedure or a list of problems, nothing else.
- the backup reader: any bytes, any one-byte change or truncation of a genuine archive, its chunks
  reordered, duplicated or dropped, or the right archive read with another key is a BackupError.
The sync bundle reader's properties need real desks: tests/integration/test_bundle_properties.py.
The long runs (10,000 fuzzed dossier files, every one-character QR change, mutated bundles) are
``bench/bench_hardening.py``.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officer_desk import dossier
from officer_desk.catalogue.parser import parse_file
from officer_desk.errors import DeskError
from officer_desk.paths import Home
from officer_desk.receipts.qr import TYPE_LETTERS, VIETNAM_TIME, QrKeyring, make_payload, parse_payload, verify_payload

EXAMPLES = int(os.environ.get("OFFICER_DESK_FUZZ_EXAMPLES", "60"))
CI = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)


def _judged(data: bytes) -> None:
    try:
        dossier.parse(dossier.loads(data))
    except DeskError:
        pass


@CI
@given(st.binary(max_size=400))
def test_dossier_reader_on_any_bytes(data: bytes) -> None:
    _judged(data)


@CI
@given(st.dictionaries(st.sampled_from(["format", "dossier_code", "procedure_code", "received_at", "channel",
                                        "applicant", "form", "attachments", "co_applicant"]), json_values))
def test_dossier_reader_on_any_json_shape(fields: dict[str, object]) -> None:
    _judged(json.dumps(fields).encode())


@CI
@given(st.sampled_from(["applicant.full_name", "received_at", "dossier_code", "attachments", "channel"]), json_values)
def test_dossier_reader_on_one_field_mutated(path: str, value: object) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    target = data
    *parents, leaf = path.split(".")
    for key in parents:
        target = target[key]
    target[leaf] = value
    _judged(json.dumps(data, ensure_ascii=False).encode())


@pytest.fixture(scope="module")
def keyring() -> QrKeyring:
    folder = tempfile.mkdtemp(prefix="od-fuzz-")
    ring = QrKeyring(Home(Path(folder)))
    ring.ensure_desk_key("000.00.01.X99-Q01")
    return ring


times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 30)).map(
    lambda moment: moment.replace(tzinfo=VIETNAM_TIME, microsecond=0))


@CI
@given(doc_type=st.sampled_from(sorted(TYPE_LETTERS)), code=st.text(min_size=1, max_size=30).filter(str.strip),
       name=st.text(max_size=40), appointment=st.none() | times, issued=times)
def test_qr_payload_round_trip(keyring: QrKeyring, doc_type: str, code: str, name: str,
                               appointment: datetime | None, issued: datetime) -> None:
    try:
        payload = make_payload(doc_type=doc_type, dossier_code=code, applicant_name=name,
                               appointment=appointment, issued_at=issued, keyring=keyring)
    except DeskError:
        return
    verdict = verify_payload(payload, keyring)
    assert verdict.status == "genuine"
    fields = parse_payload(payload)
    assert fields["doc_type"] == doc_type
    assert datetime.fromisoformat(str(fields["issued_at"])) == issued
    if appointment is not None:
        assert abs(datetime.fromisoformat(str(fields["appointment"])) - appointment) < timedelta(minutes=1)
    assert verdict.matches_name(name)


@CI
@given(index=st.integers(min_value=0), replacement=st.characters(min_codepoint=32, max_codepoint=0x24F))
def test_qr_one_character_change_is_never_genuine(keyring: QrKeyring, index: int, replacement: str) -> None:
    payload = make_payload(doc_type="receipt", dossier_code="000.00.01.X99-261127-0007", applicant_name="Đặng Thị Mai",
                           appointment=datetime(2026, 12, 2, 8, 0, tzinfo=VIETNAM_TIME),
                           issued_at=datetime(2026, 11, 27, 8, 45, 3, tzinfo=VIETNAM_TIME), keyring=keyring)
    position = index % len(payload)
    if payload[position] == replacement:
        return
    changed = payload[:position] + replacement + payload[position + 1:]
    assert verify_payload(changed, keyring).status != "genuine"


@CI
@given(st.text(max_size=300))
def test_qr_verifier_judges_any_text(keyring: QrKeyring, text: str) -> None:
    assert verify_payload(text, keyring).status in ("genuine", "tampered", "unknown_issuer", "not_ours")
    assert verify_payload("ODR1:" + text, keyring).status != "genuine"


yaml_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=30)
yaml_values = st.recursive(yaml_scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(
    st.sampled_from(["code", "name", "documents", "fee", "processing_time", "legal_basis", "id", "required",
                     "result", "x"]), c, max_size=5), max_leaves=25)


@CI
@given(st.one_of(st.text(max_size=400), yaml_values.map(lambda value: json.dumps(value, ensure_ascii=False))))
def test_catalogue_reader_on_any_yaml(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "1.000001.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        procedure, problems = parse_file(path)
        assert (procedure is None) == bool(problems) or procedure is None


# --- the backup reader (office9's archive format) -------------------------------------------------------

BACKUP_KEY = bytes(range(32))


@pytest.fixture(scope="module")
def archive() -> bytes:
    """A small genuine archive: three chunks' worth of plaintext under BACKUP_KEY."""
    import io
    import random

    from officer_desk import backup

    out = io.BytesIO()
    writer = backup._EncryptingWriter(out, BACKUP_KEY)
    writer.write(random.Random(16).randbytes(backup.CHUNK * 2 + 1000))
    writer.finish()
    return out.getvalue()


def _read_all(data: bytes) -> None:
    import io

    from officer_desk import backup

    for _chunk in backup._chunks(io.BytesIO(data), BACKUP_KEY):
        pass


def test_backup_reader_reads_the_genuine_archive(archive: bytes) -> None:
    _read_all(archive)


@CI
@given(st.binary(max_size=300))
def test_backup_reader_refuses_any_bytes(data: bytes) -> None:
    from officer_desk.backup import BackupError

    with pytest.raises(BackupError):
        _read_all(data)


@CI
@given(position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255),
       cut=st.booleans())
def test_backup_reader_refuses_any_changed_or_truncated_archive(archive: bytes, position: int, flip: int,
                                                                cut: bool) -> None:
    from officer_desk.backup import BackupError

    index = position % len(archive)
    damaged = archive[:index] if cut else archive[:index] + bytes([archive[index] ^ flip]) + archive[index + 1:]
    with pytest.raises(BackupError):
        _read_all(damaged)


def _backup_chunks(archive: bytes) -> tuple[bytes, list[bytes]]:
    """(header + nonce prefix, each sealed chunk with its length field) of an archive."""
    import struct

    from officer_desk import backup

    start = len(backup.MAGIC) + 1 + 16 + 8 + 4
    chunks, at = [], start
    while at < len(archive):
        (size,) = struct.unpack(">I", archive[at:at + 4])
        chunks.append(archive[at:at + 4 + size])
        at += 4 + size
    return archive[:start], chunks


@CI
@given(st.permutations(range(3)), st.lists(st.integers(min_value=0, max_value=2), max_size=2),
       st.sets(st.integers(min_value=0, max_value=2), max_size=2))
def test_backup_reader_refuses_reordered_duplicated_or_dropped_chunks(archive: bytes, order: list[int],
                                                                      duplicates: list[int], dropped: set[int]) -> None:
    from officer_desk.backup import BackupError

    head, chunks = _backup_chunks(archive)
    assert len(chunks) == 3  # the fixture's archive: two full chunks and the last one
    arranged = [chunks[i] for i in order if i not in dropped] + [chunks[i] for i in duplicates]
    data = head + b"".join(arranged)
    if data == archive:
        return
    with pytest.raises(BackupError):
        _read_all(data)


@CI
@given(st.binary(min_size=32, max_size=32))
def test_backup_reader_refuses_the_archive_under_another_key(archive: bytes, key: bytes) -> None:
    import io

    from officer_desk import backup
    from officer_desk.backup import BackupError

    if key == BACKUP_KEY:
        return
    with pytest.raises(BackupError, match="khóa"):
        for _chunk in backup._chunks(io.BytesIO(archive), key):
            pass
