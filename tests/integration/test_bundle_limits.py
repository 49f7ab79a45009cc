"""Bundles from a TRUSTED desk are still bounded (issue 12): a decompression bomb, too many entries, an
attachment larger than import accepts, a file larger than any bundle — each signed by the trusted sender —
is refused with exit 1 and the contract's error object, and the receiving set-up home is left exactly as it
was. Without the limits each of these bundles would be inflated whole and applied.
"""

from __future__ import annotations

import base64
import gzip
import json
import secrets
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from officer_desk.desk import open_desk
from officer_desk.models import OutboxItem
from officer_desk.paths import Home
from officer_desk.sync import limits
from officer_desk.sync.bundle import MAGIC
from tests.helpers.bundles import decrypt, seal
from tests.helpers.trusted_pair import Pair, at_home, pair, run_json

__all__ = ["pair"]  # the fixture, used by name


def _sealed(pair: Pair, plain: bytes, folder: Path, name: str = "probe.odb") -> Path:
    path = folder / name
    path.write_bytes(seal(pair.sender, pair.receiver.public.encryption_key, plain,
                          recipient=pair.receiver.public.desk_id))
    return path


def _payload(pair: Pair) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gzip.decompress(decrypt(pair.receiver, pair.genuine.read_bytes())))
    return data


def _refused(pair: Pair, capsys: pytest.CaptureFixture[str], path: Path, code: str = "bundle_too_large") -> str:
    before = pair.fingerprint()
    exit_code, data = pair.import_as_officer(capsys, path)
    error = data.get("error")
    assert exit_code == 1 and isinstance(error, dict), data
    assert error["code"] == code, error
    assert "không áp dụng gì" in error["message"], error  # in words, nothing applied
    assert pair.fingerprint() == before  # nothing written: no case, no blob, no applied-bundle record
    return str(error["message"])


def test_the_genuine_bundle_is_applied(pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Guards the tests below: the same content, resealed, is applied; the refusals come from the limits."""
    resealed = _sealed(pair, gzip.compress(json.dumps(_payload(pair)).encode()), tmp_path)
    exit_code, data = pair.import_as_officer(capsys, resealed)
    assert exit_code == 0 and data == {"applied": [pair.code], "conflicts": []}


def test_a_decompression_bomb_from_a_trusted_desk_is_refused(pair: Pair, capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    """About 1 MB of gzip that inflates to a valid 1.1 GiB payload (gzip members, as gzip.decompress reads
    them); inflation stops at 100 times the compressed size."""
    block = gzip.compress(b"a" * (8 * limits.MIB), 9)
    members = limits.MAX_PAYLOAD_BYTES // (8 * limits.MIB) + 8
    bomb = (gzip.compress(b'{"cases": [], "blobs": {}, "padding": "') + block * members + gzip.compress(b'"}'))
    assert len(bomb) < 2 * limits.MIB
    path = _sealed(pair, bomb, tmp_path)
    started = time.process_time()
    message = _refused(pair, capsys, path)
    assert "1024 MiB" in message
    # Refused after inflating a hundred megabytes or so, not a gigabyte (a time figure, not a goal:
    # inflating and parsing the whole gigabyte takes tens of seconds of CPU).
    assert time.process_time() - started < 30


def test_content_over_the_total_limit_is_refused_even_at_an_ordinary_ratio(
        pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Random text compresses poorly (like scans): the absolute limit, not the ratio, refuses it."""
    monkeypatch.setattr(limits, "MAX_PAYLOAD_BYTES", 2 * limits.MIB)
    monkeypatch.setattr(limits, "RATIO_FLOOR_BYTES", limits.MIB)
    payload = _payload(pair)
    payload["padding"] = base64.b64encode(secrets.token_bytes(3 * limits.MIB)).decode()
    plain = gzip.compress(json.dumps(payload).encode())
    assert len(plain) * limits.MAX_RATIO > 4 * limits.MIB  # the ratio alone would let it through
    _refused(pair, capsys, _sealed(pair, plain, tmp_path))


def test_too_many_cases_or_entries_are_refused(pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    payload = _payload(pair)
    many = dict(payload, cases=[dict(payload["cases"][0], code=f"{pair.code[:-4]}{n:04d}") for n in range(3)])
    monkeypatch.setattr(limits, "MAX_CASES", 2)
    _refused(pair, capsys, _sealed(pair, gzip.compress(json.dumps(many).encode()), tmp_path))
    monkeypatch.setattr(limits, "MAX_CASES", 100)
    events = len(payload["cases"][0]["events"])
    monkeypatch.setattr(limits, "MAX_EVENTS_PER_CASE", events - 1)
    _refused(pair, capsys, _sealed(pair, gzip.compress(json.dumps(payload).encode()), tmp_path))


def test_an_attachment_larger_than_import_accepts_is_refused(pair: Pair, capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    payload = _payload(pair)
    sizes = [len(base64.b64decode(blob)) for blob in payload["blobs"].values()]
    assert sizes and max(sizes) > 1
    monkeypatch.setattr(limits, "MAX_BLOB_BYTES", max(sizes) - 1)
    message = _refused(pair, capsys, _sealed(pair, gzip.compress(json.dumps(payload).encode()), tmp_path))
    assert "50 MiB" in message  # the limit import names (cli-contract: an attachment over 50 MiB fails)


def test_the_real_attachment_limit_matches_import() -> None:
    from officer_desk.cases.intake import MAX_ATTACHMENT_BYTES

    assert MAX_ATTACHMENT_BYTES <= limits.MAX_BLOB_BYTES <= MAX_ATTACHMENT_BYTES + limits.MIB
    assert limits.MAX_BLOB_BYTES * 4 // 3 < limits.MAX_PAYLOAD_BYTES  # one attachment always fits


def test_a_file_larger_than_any_bundle_is_refused_unread(pair: Pair, capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1024)
    assert pair.genuine.stat().st_size > 1024
    _refused(pair, capsys, pair.genuine)
    other = tmp_path / "photo.jpg"  # not a bundle at all stays exit 2, whatever its size
    other.write_bytes(b"\xff\xd8" + bytes(4096))
    exit_code, data = pair.import_as_officer(capsys, other)
    assert exit_code == 2 and data["error"]["code"] == "not_a_bundle"  # type: ignore[index]


def test_a_huge_header_is_refused(pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "header.odb"
    path.write_bytes(MAGIC + (limits.MAX_HEADER_BYTES + 1).to_bytes(4, "big") + b"{" * (limits.MAX_HEADER_BYTES + 200))
    _refused(pair, capsys, path, code="bundle_refused")


def _outbox(root: Path) -> list[tuple[int, str]]:
    desk = open_desk(Home(root))
    try:
        with desk.db.session() as session:
            return [tuple(row) for row in session.execute(  # type: ignore[misc]
                select(OutboxItem.id, OutboxItem.status).order_by(OutboxItem.id))]
    finally:
        desk.close()


def test_a_desk_never_writes_a_bundle_the_receiver_would_refuse(pair: Pair, capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _outbox(pair.sender_root)
    assert before
    monkeypatch.setattr(limits, "MAX_CASES", 0)
    out = tmp_path / "too-big.odb"
    with at_home(pair.sender_root):
        exit_code, data = run_json(capsys, "bundle", "export", "--out", str(out), "--json", *pair.office.as_admin())
    assert exit_code == 1 and data["error"]["code"] == "bundle_too_large"  # type: ignore[index]
    assert "đồng bộ qua mạng" in data["error"]["message"]  # type: ignore[index]  # what to do instead
    assert not out.exists()
    assert _outbox(pair.sender_root) == before  # nothing marked sent: the changes still wait
