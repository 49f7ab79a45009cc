"""A smaller desk (issue 17): a case's current record stored only when it differs from the record as received.

Revision ID: 0023_current_record_once
Revises: 0024_hex_digests_as_bytes
Create Date: 2026-12-06

``cases.dossier_json`` (the current record) was a second copy of ``raw_json`` (the record as received) in
almost every case: officers edit few dossiers. It becomes nullable and holds NULL when the two are the same
text; readers take ``coalesce(dossier_json, raw_json)`` (officer_desk.models.current_record). At 1,000,000
cases on SQLite that is about 124 MB of packed records; on PostgreSQL about 860 bytes of text a case.

- Both back-ends: the column loses NOT NULL; new and edited cases store the current record once.
- SQLite: every case whose two records are the same text gets NULL, a batch of ids at a time (same text:
  both are packed by the same compressor, so equal records are equal BLOBs; a record still TEXT from before
  0018 next to a packed one is left as it is). The space freed is reused by new cases; the file shrinks by a
  VACUUM (a backup and restore does one). 2.6 s at 100,000 cases.
- PostgreSQL keeps the records its cases hold: an UPDATE of every case writes a new version of every row,
  and at 100,000 demo cases the table grew from 203 to 295 MB (VACUUM ANALYZE after it; only a VACUUM FULL,
  which locks the table, would give the space back), with a NOTIFY per case to every listening desk.
- SQLite cannot drop a NOT NULL in place with ALTER TABLE; the table's declaration in sqlite_schema is
  edited as SQLite's documentation allows for removing a NOT NULL constraint (nothing stored changes), not
  rebuilt (a copy of every case, its indexes and triggers).
- Triggers: on SQLite the cases' UPDATE trigger is ``AFTER UPDATE OF status`` (0003), which an update of
  dossier_json does not fire. On PostgreSQL (the downgrade's update of the cases stored once) the per-row
  NOTIFY trigger (0011/0012) would send one note per case to every listening desk for records that do not
  change as they read them: it is disabled for that update, inside the migration's transaction (the status
  and due-date count triggers fire only on their own columns).
- ``ix_cases_status_received`` (status, received_at; 4.5 MB at 100,000 cases on SQLite) stays, although
  ``ix_cases_backlog`` begins with the same two columns: without it SQLite's planner, given the statistics
  of a 100,000-case demo desk, read the "returned" tab (86% of the cases) by a skip-scan of
  ix_cases_report_by_channel and sorted every returned case (1.4 ms -> 630 ms a page); on PostgreSQL 0025
  made it (status, received_at, id), index-only pages in the queue's exact order.

The downgrade writes raw_json back into the NULLs and restores NOT NULL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_current_record_once"
down_revision: str | Sequence[str] | None = "0024_hex_digests_as_bytes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000
# The column's declaration in the CREATE TABLE text SQLite keeps (as 0001 created it).
_NOT_NULL = re.compile(r"(\bdossier_json\s+TEXT)\s+NOT\s+NULL\b", re.IGNORECASE)
_NULLABLE = re.compile(r"(\bdossier_json\s+TEXT)(?=\s*[,)])", re.IGNORECASE)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column("cases", "dossier_json", nullable=True)
        return
    _declare_sqlite(nullable=True)
    _in_batches("UPDATE cases SET dossier_json = NULL WHERE id > :low AND id <= :high AND dossier_json = raw_json")


def downgrade() -> None:
    _in_batches("UPDATE cases SET dossier_json = raw_json WHERE id > :low AND id <= :high AND dossier_json IS NULL")
    if op.get_bind().dialect.name == "sqlite":
        _declare_sqlite(nullable=False)
    else:
        op.alter_column("cases", "dossier_json", nullable=False)


def _in_batches(statement: str) -> None:
    """``statement`` over the cases a range of ``BATCH`` ids at a time (bounded work per statement; on
    PostgreSQL without the NOTIFY of every case: the records read the same before and after)."""
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"
    if postgresql:
        bind.exec_driver_sql("ALTER TABLE cases DISABLE TRIGGER trg_cases_notify")
    bound = sa.text("SELECT max(id) FROM (SELECT id FROM cases WHERE id > :low ORDER BY id LIMIT :batch) AS b")
    change = sa.text(statement)
    low = 0
    while True:
        high = bind.execute(bound, {"low": low, "batch": BATCH}).scalar()
        if high is None:
            break
        bind.execute(change, {"low": low, "high": high})
        low = high
    if postgresql:
        bind.exec_driver_sql("ALTER TABLE cases ENABLE TRIGGER trg_cases_notify")


def _declare_sqlite(nullable: bool) -> None:
    """Drop (or put back) NOT NULL on cases.dossier_json in the table's stored declaration, the procedure of
    https://sqlite.org/lang_altertable.html#otheralter for constraints that change nothing stored: the schema
    version is raised so that every connection reads the declaration again."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'").scalar_one()
    if nullable:
        changed, count = _NOT_NULL.subn(r"\1", sql)
    else:
        changed, count = _NULLABLE.subn(r"\1 NOT NULL", sql)
    if count == 0:
        return  # already as wanted (a desk whose version row was set back by hand)
    if count != 1:
        raise RuntimeError("cases.dossier_json is declared more than once in the SQLite schema")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'cases'", (changed,))
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")
    declared = {row[1]: row[3] for row in bind.exec_driver_sql("PRAGMA table_info(cases)")}
    if declared.get("dossier_json") != (0 if nullable else 1):
        raise RuntimeError("cases.dossier_json: the SQLite declaration did not take the change")
