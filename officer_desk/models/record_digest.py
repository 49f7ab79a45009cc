"""A case's record digest stored only when it is not the SHA-256 of its record (issue 17, migration 0028).

``cases.raw_sha256`` is, by construction, the SHA-256 of the UTF-8 of ``cases.raw_json`` (the record as
received): intake, a new case, the demo loader all compute it so, and a sync copies it with the record. It
took 32 bytes a case on SQLite (33 with its header byte; 32 MB at 1,000,000 cases) and 64 as PostgreSQL text.
The column now holds NULL when it is that digest, and the digest is computed from the record when it is read:
``Case.raw_sha256`` (tables.py) is the value, the stored column is ``Case.stored_raw_sha256``. A value that
differs (a case written by other means) is stored and read back exactly as it was written.

SHA-256 cannot be computed in SQL on SQLite, so the digest has no SQL expression: ``Case.raw_sha256`` is a
plain Python property, and a query that names it fails loudly instead of reading the stored NULL. A Core
reader selects the stored column with the record and asks ``record_digest`` (or ``holds_record``, which
compares the record text itself: exact and cheaper than hashing it).

Writers set ``Case.raw_sha256``; whether it is stored is decided when the row is written: ORM writes by the
flush hooks below, Core writes (a new case, the demo loader, a sync chunk) by ``stored_digest``. Both
back-ends store it so (same code).
"""

from __future__ import annotations

import hashlib
from typing import Any, TypeVar

from sqlalchemy import event, inspect

T = TypeVar("T")


def digest_of(record: str) -> str:
    """The SHA-256 (lowercase hex) of a record's UTF-8, as every writer of a case computes it."""
    return hashlib.sha256(record.encode("utf-8")).hexdigest()


def stored_digest(record: str | None, digest: str | None) -> str | None:
    """What ``cases.raw_sha256`` stores for ``digest`` next to ``record``: NULL when it is the record's own."""
    if digest is None or record is None:
        return digest
    return None if digest == digest_of(record) else digest


def record_digest(stored: str | None, record: str) -> str:
    """The record's digest as the application reads it: the stored value, else the record's SHA-256."""
    return digest_of(record) if stored is None else stored


def holds_record(stored: str | None, record: str, text: str) -> bool:
    """Whether a case (its stored digest and record) has the digest of ``text``: a digest derived from the
    record is equal exactly when the record is the same text, compared without hashing either; a stored one is
    compared as it is."""
    return record == text if stored is None else stored == digest_of(text)


def stores_record_digest_once(cls: type[T]) -> type[T]:
    """Class decorator for ``Case``: its flushes store the record digest only when it is not derivable."""
    event.listen(cls, "before_insert", _before_insert)
    event.listen(cls, "before_update", _before_update)
    return cls


def _before_insert(_mapper: Any, _connection: Any, case: Any) -> None:
    stored = stored_digest(case.raw_json, case.stored_raw_sha256)
    if stored != case.stored_raw_sha256:
        case.stored_raw_sha256 = stored


def _before_update(_mapper: Any, _connection: Any, case: Any) -> None:
    state = inspect(case)
    digest_set = state.attrs.stored_raw_sha256.history.has_changes()
    replaced = state.attrs.raw_json.history.deleted
    if not digest_set and not replaced:
        return  # neither the record nor its digest changes (most updates: status, holder, dates)
    stored = case.stored_raw_sha256
    if stored is None and not digest_set and replaced[0] is not None:
        # A new record as received without a digest of its own: the digest stays what it was (the old
        # record's), as a stored column did. (raw_json keeps its old value: active_history.)
        stored = digest_of(replaced[0])
    stored = stored_digest(case.raw_json, stored)
    if stored != case.stored_raw_sha256:
        case.stored_raw_sha256 = stored
