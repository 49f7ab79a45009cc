"""The queue's sort indexes hold the tie-breaking id, so a page far down is read from the index alone.

Revision ID: 0025_queue_sort_indexes_with_id
Revises: 0021_sqlite_result_trigger_noop
Create Date: 2026-12-06

Every queue order ends with the case id (``ORDER BY due_date, id``), so that ties keep one order from page to
page. PostgreSQL's indexes on the sort columns did not hold the id: a page 1,000 rows down walked the index,
fetched each of the 1,050 rows from the table for its id and sorted the ties ("Incremental Sort" over an
"Index Scan"): 13-42 ms cold and 1-4 ms warm at 1,000,000 cases. With the id as the last key the same page is
an index-only scan in exactly the queue's order. SQLite stores the row id at the end of every index entry
already, so there the sort indexes give that order as they are; what changes on SQLite is the due-date index:
``(due_date, received_at)`` becomes ``(due_date)``, whose entries end with the row id, which is the due-date
sort's order itself (the received time was never a sort key) and a smaller index.

PostgreSQL:
- ``ix_cases_received_at``: (received_at) → (received_at, id), the default queue, newest first;
- ``ix_cases_status_due``: (status, due_date) → (status, due_date, id), a status tab sorted by due date;
- ``ix_cases_status_received``: (status, received_at) → (status, received_at, id), a status tab, newest first;
- ``ix_cases_due_received``: (due_date, received_at) → ``ix_cases_due_order`` (due_date, id).
SQLite: ``ix_cases_due_received`` → ``ix_cases_due_order`` (due_date).
The downgrade puts the former definitions back. SQLite's statistics for the new index come from
``upgrade_to_head``'s ``optimize``; PostgreSQL plans plain column indexes from the table's statistics.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0025_queue_sort_indexes_with_id"
down_revision: str | Sequence[str] | None = "0021_sqlite_result_trigger_noop"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name → (columns before, columns after), PostgreSQL.
POSTGRESQL = {
    "ix_cases_received_at": ("received_at", "received_at, id"),
    "ix_cases_status_due": ("status, due_date", "status, due_date, id"),
    "ix_cases_status_received": ("status, received_at", "status, received_at, id"),
}


def _replace(name: str, columns: str) -> None:
    op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute(f"CREATE INDEX {name} ON cases ({columns})")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        for name, (_before, after) in POSTGRESQL.items():
            _replace(name, after)
    op.execute("DROP INDEX IF EXISTS ix_cases_due_received")
    op.execute(f"CREATE INDEX ix_cases_due_order ON cases ({'due_date, id' if postgresql else 'due_date'})")


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        for name, (before, _after) in POSTGRESQL.items():
            _replace(name, before)
    op.execute("DROP INDEX IF EXISTS ix_cases_due_order")
    op.execute("CREATE INDEX ix_cases_due_received ON cases (due_date, received_at)")
