"""SQLite: hex digests stored as their bytes (issue 17, ``officer_desk.models.hex_digest``).

Revision ID: 0024_hex_digests_as_bytes
Revises: 0025_queue_sort_indexes_with_id
Create Date: 2026-12-06

Each case's record hash, its attachments' content hashes and its events' idempotency keys (with their
index) were lowercase hex text: 64 or 32 bytes where the digest is 32 or 16. At 1,000,000 cases about 140
bytes a case, 140 MB. Every such value is rewritten in place as the bytes it spells (``unhex``), a batch of
rows at a time; a value that is not lowercase hex of even length stays text, as ``HexDigest`` stores it.
The columns keep their declared type (a BLOB keeps its storage class in a TEXT-affinity column), so no
table is rebuilt. The space freed is reused by new rows; the file itself shrinks only by a VACUUM (a backup
and restore does one), as after 0018.

SQLite also drops ``ix_case_events_event_key`` (0011): no query reads it (a sync dedupes a case's events by
their keys among that case's events, read by case id), and it was written for every event: 2 a case in the
demo, 5 MB at 100,000 cases once its keys are bytes (8 MB as text). PostgreSQL keeps it, as it keeps its
storage. Dropped first, the index is not rewritten by the conversion.

No trigger fires: SQLite's triggers on an update of ``cases`` watch its status only, and ``case_events``,
``attachments``, ``attachment_blobs`` and ``signed_documents`` have none on update; no other column
changes (``updated_at`` is the application's, not a trigger's). PostgreSQL keeps its text: nothing to do.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy.engine import Connection

from officer_desk.models.hex_digest import SQL_IS_LOWER_HEX

revision: str = "0024_hex_digests_as_bytes"
down_revision: str | Sequence[str] | None = "0025_queue_sort_indexes_with_id"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The HexDigest columns, by table (tables.py).
COLUMNS = {
    "cases": ("raw_sha256", "source_file_sha256"),
    "attachments": ("content_sha256",),
    "case_events": ("event_key",),
    "attachment_blobs": ("sha256",),
    "signed_documents": ("content_sha256", "data_sha256"),
}
UNREAD_ON_SQLITE = ("ix_case_events_event_key", "case_events", ["event_key"])
BATCH = 50_000  # rows by rowid per statement: a bounded statement journal, whatever the table's size
UNHEX_SINCE = (3, 41, 0)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    index, indexed, _columns = UNREAD_ON_SQLITE
    op.drop_index(index, table_name=indexed)
    _ensure_unhex(bind)
    for table, columns in COLUMNS.items():
        test = {column: SQL_IS_LOWER_HEX.format(column=column) for column in columns}
        _rewrite(bind, table, ", ".join(f"{c} = CASE WHEN {test[c]} THEN unhex({c}) ELSE {c} END" for c in columns),
                 " OR ".join(f"({test[c]})" for c in columns))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for table, columns in COLUMNS.items():
        _rewrite(bind, table, ", ".join(
            f"{c} = CASE WHEN typeof({c}) = 'blob' THEN lower(hex({c})) ELSE {c} END" for c in columns),
            " OR ".join(f"typeof({c}) = 'blob'" for c in columns))
    index, indexed, index_columns = UNREAD_ON_SQLITE
    op.create_index(index, indexed, index_columns)


def _rewrite(bind: Connection, table: str, assignments: str, wanted: str) -> None:
    """``UPDATE table SET assignments`` on the rows ``wanted``, by ranges of rowid (each row once)."""
    last = bind.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar() or 0
    for start in range(0, last, BATCH):
        bind.exec_driver_sql(f"UPDATE {table} SET {assignments} WHERE rowid > ? AND rowid <= ? AND ({wanted})",
                             (start, start + BATCH))


def _ensure_unhex(bind: Connection) -> None:
    """SQLite has ``unhex`` since 3.41 (SQLCipher 4.6's is newer); an older library gets Python's."""
    version = tuple(int(part) for part in str(bind.exec_driver_sql("SELECT sqlite_version()").scalar()).split("."))
    if version < UNHEX_SINCE:
        raw = bind.connection.dbapi_connection
        assert raw is not None
        raw.create_function("unhex", 1, lambda text: None if text is None else bytes.fromhex(text),
                            deterministic=True)
