"""SQLite drops the index on the events' times for a checkpoint; the source-file digest index holds only the
cases that have one.

Revision ID: 0026_event_time_checkpoint
Revises: 0028_record_digest_derived
Create Date: 2026-12-06

Issue 17 (the desk file at 1,000,000 cases): two indexes that store what no query needs.

``ix_case_events_at`` (SQLite: 34 MB at 1,000,000 cases) existed for one number, the newest event time the
clock guard compares the PC clock with. On SQLite that number is now the later of a checkpoint (a
``desk_settings`` row: the newest time among the events up to an id) and the newest time among the events
after that id, a range of the table's row ids (``officer_desk.models.event_clock`` says why that is exactly
``max(at)``). The first checkpoint is read here from the index, before it is dropped (two index probes, at
any size); a file without events gets none (a new desk's file stays as it was: a restore fills
``desk_settings`` from the archive). Two triggers remove the checkpoint when an event it covers is deleted or
its time or id changes; the next read then scans the table once and stores a new one. PostgreSQL keeps the
index: its ids come from a sequence drawn by concurrent desks, not in commit order.

``ix_cases_source_file_sha256`` (9 MB at 1,000,000): the digest of an imported file, looked up by equality
when a file without a dossier code is imported again. Demo and portal-synced cases have none, so the index
becomes partial, ``WHERE source_file_sha256 IS NOT NULL``, on both back-ends (one model definition); an
equality on the column implies the condition, so SQLite and PostgreSQL use it for that lookup as before.

The downgrade builds both indexes as they were and removes the triggers and the checkpoint.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_event_time_checkpoint"
down_revision: str | Sequence[str] | None = "0028_record_digest_derived"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKPOINT = "case_events_checkpoint"  # officer_desk.models.event_clock.CHECKPOINT
FORGET = f"BEGIN DELETE FROM desk_settings WHERE key = '{CHECKPOINT}'; END"
TRIGGERS = {
    "trg_case_events_checkpoint_delete": f"CREATE TRIGGER trg_case_events_checkpoint_delete AFTER DELETE ON "
                                         f"case_events {FORGET}",
    "trg_case_events_checkpoint_update": f"CREATE TRIGGER trg_case_events_checkpoint_update AFTER UPDATE OF id, at "
                                         f"ON case_events {FORGET}",
}
SOURCE_INDEX = "ix_cases_source_file_sha256"


def _source_index(partial: bool) -> None:
    op.execute(f"DROP INDEX IF EXISTS {SOURCE_INDEX}")
    where = " WHERE source_file_sha256 IS NOT NULL" if partial else ""
    op.execute(f"CREATE INDEX {SOURCE_INDEX} ON cases (source_file_sha256){where}")


def upgrade() -> None:
    _source_index(partial=True)
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # Both from indexes (the row id's b-tree and ix_case_events_at), in one statement: one snapshot.
    last_id, newest = bind.exec_driver_sql(
        "SELECT (SELECT max(id) FROM case_events), (SELECT max(at) FROM case_events)").one()
    if last_id is not None:
        # The time as stored (microseconds since 1970, UTC, since 0022): event_clock reads it with the column's type.
        bind.execute(sa.text("INSERT INTO desk_settings (key, value) VALUES (:key, :value) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {"key": CHECKPOINT, "value": json.dumps({"id": last_id, "at": newest})})
    for name, sql in TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(sql)
    op.execute("DROP INDEX IF EXISTS ix_case_events_at")


def downgrade() -> None:
    _source_index(partial=False)
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS ix_case_events_at")
    op.execute("CREATE INDEX ix_case_events_at ON case_events (at)")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DELETE FROM desk_settings WHERE key = '{CHECKPOINT}'")
