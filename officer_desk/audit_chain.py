"""The audit log's hash chain and seals: nobody can rewrite, delete or reorder an entry unnoticed.

Every entry carries the hash of the entry before it (``prev_hash``) and its own hash over a
canonical serialisation (version tag, id, time, actor, desk, action, entity, details as sorted
JSON, previous hash; each field length-prefixed, so no two entries serialise alike). Ids are
given out under the lock of the one ``audit_chain_head`` row, so concurrent writers (several desks
on one PostgreSQL database) extend one chain. Every session flush chains its new entries, whatever
code added them (:func:`install`).

A seal is an Ed25519 signature, by the desk's seal key (``keystore/audit-seal.key``, encrypted
under a key derived from the database key), over the newest entry's id and hash: deleting the
newest entries, or rewriting the whole chain from some point on, no longer matches a seal.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Table, event, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from officer_desk.fileio import write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.models import AuditChainHead, AuditEntry, AuditSeal
from officer_desk.models.audit_hash import CHAIN_VERSION, GENESIS, canonical_details, entry_digest, time_text
from officer_desk.models.base import sqlite_utc_text, stored_utc
from officer_desk.paths import Home

SEAL_KEY_FILE = "audit-seal.key"
SEAL_CONTEXT = b"officer-desk audit seal v1\n"
_order = itertools.count()


# --- chaining new entries at flush -----------------------------------------------------------------


@event.listens_for(AuditEntry, "init")
def _remember_order(target: AuditEntry, args: Any, kwargs: Any) -> None:
    target._chain_order = next(_order)  # type: ignore[attr-defined]


# The chain lock: a write on the head row that returns it (one statement, built once).
_HEAD_TABLE = cast(Table, AuditChainHead.__table__)
_HEAD = _HEAD_TABLE.c
_LOCK_HEAD = (update(_HEAD_TABLE).where(_HEAD.id == 1).values(last_id=_HEAD.last_id)
              .returning(_HEAD.last_id, _HEAD.entry_hash))
_MOVE_HEAD = update(_HEAD_TABLE).where(_HEAD.id == 1)


def lock_head(connection: Connection) -> tuple[int, str]:
    """Take the chain lock (a write on the head row) and return (last id, last hash)."""
    row = connection.execute(_LOCK_HEAD).first()
    if row is None:
        # A database created before the chain existed and never upgraded: start the head now.
        last = connection.execute(select(func.max(AuditEntry.id))).scalar() or 0
        connection.execute(insert(AuditChainHead).values(id=1, last_id=last, entry_hash=GENESIS))
        return int(last), GENESIS
    return int(row[0]), str(row[1] or GENESIS)


def _chain_new_entries(session: Session, flush_context: Any, instances: Any) -> None:
    fresh = [obj for obj in session.new if isinstance(obj, AuditEntry) and obj.entry_hash is None]
    if not fresh:
        return
    fresh.sort(key=lambda e: getattr(e, "_chain_order", 0))
    connection = session.connection()
    last_id, last_hash = lock_head(connection)
    for entry in fresh:
        last_id += 1
        entry.id = last_id
        entry.at = entry.at or datetime.now(UTC)
        entry.desk = entry.desk or 0
        # Stored exactly as hashed: sorted keys, JSON types only (tuples become lists).
        entry.details = json.loads(canonical_details(entry.details or {}))
        entry.prev_hash = last_hash
        entry.entry_hash = entry_digest(last_id, time_text(entry.at), entry.actor, entry.desk, entry.action,
                                        entry.entity_type, entry.entity_id, canonical_details(entry.details),
                                        last_hash)
        last_hash = entry.entry_hash
    connection.execute(_MOVE_HEAD, {"last_id": last_id, "entry_hash": last_hash})


def append_entries(session: Session, entries: list[dict[str, Any]]) -> None:
    """Chain and insert many entries in one statement (bulk paths: a sync chunk audits every case).

    Same hashes as entries added one by one; entries already added the ORM way are flushed first so
    the chain keeps the order in which things happened.
    """
    if not entries:
        return
    from officer_desk.models.bulk import insert_rows

    session.flush()
    connection = session.connection()
    last_id, last_hash = lock_head(connection)
    rows = []
    for entry in entries:
        last_id += 1
        at = datetime.now(UTC)
        details = canonical_details(entry.get("details") or {})
        desk = entry.get("desk") or 0
        digest = entry_digest(last_id, time_text(at), entry["actor"], desk, entry["action"], entry["entity_type"],
                              entry["entity_id"], details, last_hash)
        rows.append({"id": last_id, "at": at, "actor": entry["actor"], "desk": desk, "action": entry["action"],
                     "entity_type": entry["entity_type"], "entity_id": entry["entity_id"],
                     "details": json.loads(details), "prev_hash": last_hash, "entry_hash": digest})
        last_hash = digest
    insert_rows(session, AuditEntry, rows)
    connection.execute(_MOVE_HEAD, {"last_id": last_id, "entry_hash": last_hash})


def install() -> None:
    """Chain audit entries at every flush of every session (idempotent)."""
    if not event.contains(Session, "before_flush", _chain_new_entries):
        event.listen(Session, "before_flush", _chain_new_entries)


install()


# --- verification ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenLink:
    entry_id: int | None
    at: datetime | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        from officer_desk.dossier import LOCAL_TZ

        at = self.at.astimezone(LOCAL_TZ).isoformat() if self.at is not None else None
        return {"id": self.entry_id, "at": at, "reason": self.reason}


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    entries: int
    first_broken: BrokenLink | None
    seals: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"intact": self.intact, "entries": self.entries,
                "first_broken": self.first_broken.to_json() if self.first_broken else None}


def _aware(at: Any) -> datetime | None:
    if at is None:
        return None
    if isinstance(at, int):  # SQLite's stored form since migration 0022
        return stored_utc(at)
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at)
        except ValueError:
            return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


_FIELDS = ("id", "at", "actor", "desk", "action", "entity_type", "entity_id", "details", "prev_hash")


def _blob_sql(dialect: str) -> str:
    """SQL that builds an entry's canonical serialisation in the database (the fast path of verify).

    Same bytes as :func:`entry_digest` when the stored values are in their canonical form (always,
    for entries the desk wrote); any other form falls back to the exact check in Python.
    """
    if dialect == "postgresql":
        texts = {"id": "id::text", "at": "to_char(at, 'YYYY-MM-DD\"T\"HH24:MI:SS.US')", "desk": "desk::text",
                 "details": "details::text"}
    else:
        texts = {"id": "CAST(id AS TEXT)", "at": sqlite_utc_text("at", "T"), "desk": "CAST(desk AS TEXT)"}
    parts = [f"'{len(CHAIN_VERSION)}:{CHAIN_VERSION};'"]
    for name in _FIELDS:
        value = texts.get(name, name)
        parts.append(f"CAST(length({value}) AS TEXT) || ':' || {value} || ';'")
    return " || ".join(parts)


def _rows(connection: Connection, batch: int = 20000) -> Iterator[tuple[Any, ...]]:
    """(id, at, canonical blob or NULL, prev_hash, entry_hash) in chain order, raw from the driver."""
    postgres = connection.dialect.name == "postgresql"
    sql = f"SELECT id, at, {_blob_sql(connection.dialect.name)}, prev_hash, entry_hash FROM audit_entries ORDER BY id"
    raw = connection.connection.dbapi_connection
    assert raw is not None
    # PostgreSQL: a server-side (named) cursor streams instead of loading every row at once.
    cursor = raw.cursor(name="audit_verify") if postgres else raw.cursor()
    try:
        cursor.execute(sql)
        while True:
            chunk = cursor.fetchmany(batch)
            if not chunk:
                break
            yield from chunk
    finally:
        cursor.close()


def _exact_digest(connection: Connection, entry_id: int) -> str | None:
    """The slow path: the entry's hash recomputed from its columns, details re-serialised canonically."""
    details = "CAST(details AS TEXT)" if connection.dialect.name == "postgresql" else "details"
    row = connection.exec_driver_sql(
        f"SELECT at, actor, desk, action, entity_type, entity_id, {details}, prev_hash FROM audit_entries "
        f"WHERE id = {int(entry_id)}").first()
    if row is None:
        return None
    at, actor, desk, action, entity_type, entity_id, details_text, prev_hash = row
    try:
        at_text = time_text(at)
        normal = canonical_details(json.loads(details_text)) if isinstance(details_text, str) else (
            canonical_details(details_text))
    except (TypeError, ValueError):
        return None
    return entry_digest(entry_id, at_text, actor or "", int(desk or 0), action or "", entity_type or "",
                        entity_id or "", normal, prev_hash or "")


def verify_chain(connection: Connection, seal_keys: set[str] | None = None) -> ChainReport:
    """Walk the whole chain; the first entry that does not fit is reported with the reason.

    ``seal_keys``: hex public keys whose seals are accepted; None accepts any key that verifies
    (a shared database holds the seals of several desks).
    """
    seals: dict[int, list[AuditSeal]] = {}
    for seal in Session(bind=connection).execute(select(AuditSeal).order_by(AuditSeal.id)).scalars():
        seals.setdefault(int(seal.entry_id), []).append(seal)
    for seal_list in seals.values():
        for seal in seal_list:
            problem = _seal_problem(seal, seal_keys)
            if problem:
                return ChainReport(False, 0, BrokenLink(int(seal.entry_id), _aware(seal.at), problem), len(seals))
    count = 0
    previous = GENESIS
    last: tuple[int, Any] | None = None
    sha256 = hashlib.sha256
    for entry_id, at, blob, prev_hash, entry_hash in _rows(connection):
        count += 1
        if entry_hash is None or prev_hash is None:
            return ChainReport(False, count, BrokenLink(entry_id, _aware(at), _(
                "Mục nhật ký được thêm thẳng vào cơ sở dữ liệu, không qua ứng dụng (không có mã băm)")))
        if prev_hash != previous:
            return ChainReport(False, count, BrokenLink(entry_id, _aware(at), _(
                "Mục nhật ký liền trước đã bị xóa, sửa hoặc đổi thứ tự (mã băm liên kết không khớp)")))
        if (blob is None or sha256(blob.encode("utf-8")).hexdigest() != entry_hash) and (
                _exact_digest(connection, entry_id) != entry_hash):
            return ChainReport(False, count, BrokenLink(entry_id, _aware(at), _(
                "Nội dung mục nhật ký đã bị sửa sau khi ghi (mã băm không khớp)")))
        if entry_id in seals:
            for seal in seals[entry_id]:
                if seal.entry_hash != entry_hash:
                    sealed_at = _aware(seal.at)
                    return ChainReport(False, count, BrokenLink(entry_id, _aware(at), _(
                        "Nhật ký đã bị viết lại: không khớp dấu niêm phong ngày {date}",
                        date=sealed_at.strftime("%d/%m/%Y") if sealed_at else "?")))
        previous = entry_hash
        last = (entry_id, at)
    head = connection.execute(select(AuditChainHead.last_id, AuditChainHead.entry_hash)
                              .where(AuditChainHead.id == 1)).first()
    last_id = last[0] if last else 0
    if head is not None and (int(head[0]) != last_id or (last_id and head[1] != previous)):
        return ChainReport(False, count, BrokenLink(last[0] if last else None, _aware(last[1]) if last else None, _(
            "Các mục nhật ký mới nhất đã bị xóa (đầu chuỗi ghi mục {id})", id=int(head[0]))))
    sealed_beyond = [entry for entry in seals if entry > last_id]
    if sealed_beyond:
        return ChainReport(False, count, BrokenLink(last[0] if last else None, _aware(last[1]) if last else None, _(
            "Các mục nhật ký mới nhất đã bị xóa (dấu niêm phong ghi đến mục {id})", id=max(sealed_beyond))))
    return ChainReport(True, count, None, sum(len(v) for v in seals.values()))


def _seal_message(entry_id: int, entry_hash: str, desk: int, at: datetime | None) -> bytes:
    return SEAL_CONTEXT + f"{entry_id}\n{entry_hash}\n{desk}\n{time_text(at) if at else ''}".encode("ascii")


def _seal_problem(seal: AuditSeal, keys: set[str] | None) -> str | None:
    if keys is not None and seal.public_key not in keys:
        return _("Dấu niêm phong nhật ký được ký bằng một khóa lạ")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(seal.public_key)).verify(
            bytes.fromhex(seal.signature), _seal_message(int(seal.entry_id), seal.entry_hash, seal.desk, seal.at))
    except (ValueError, InvalidSignature):
        return _("Dấu niêm phong nhật ký bị sửa (chữ ký không hợp lệ)")
    return None


# --- seals ---------------------------------------------------------------------------------------


def _seal_file_key(db_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"officer-desk audit seal key v1").derive(db_key)


def seal_key(home: Home, db_key: bytes, create: bool = True) -> Ed25519PrivateKey | None:
    """The desk's audit seal key (created once; owner-only file, AES-GCM under the database key)."""
    from officer_desk.security import decrypt_blob, encrypt_blob

    path = home.keystore / SEAL_KEY_FILE
    if path.exists():
        raw = decrypt_blob(_seal_file_key(db_key), path.read_bytes(), b"audit-seal")
        return Ed25519PrivateKey.from_private_bytes(raw)
    if not create:
        return None
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    home.ensure()
    home.keystore.mkdir(parents=True, exist_ok=True)
    try:
        home.keystore.chmod(0o700)
    except OSError:  # pragma: no cover - Windows
        pass
    write_bytes_atomic(path, encrypt_blob(_seal_file_key(db_key), raw, b"audit-seal"), private=True)
    return key


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def seal(session: Session, key: Ed25519PrivateKey, desk: int, min_new: int = 1) -> AuditSeal | None:
    """Seal the chain up to its newest entry when at least ``min_new`` entries are unsealed."""
    connection = session.connection()
    last_id, last_hash = lock_head(connection)
    if last_id == 0:
        return None
    sealed = session.execute(select(func.max(AuditSeal.entry_id))).scalar() or 0
    if last_id - int(sealed) < min_new:
        return None
    at = datetime.now(UTC)
    signature = key.sign(_seal_message(last_id, last_hash, desk, at))
    row = AuditSeal(entry_id=last_id, entry_hash=last_hash, at=at, desk=desk, public_key=public_hex(key),
                    signature=signature.hex())
    session.add(row)
    return row
