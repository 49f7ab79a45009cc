"""The running cases' queue on SQLite too: the partial index 0017 gave PostgreSQL, for the overdue, due-today
and due-soon pages.

Revision ID: 0029_sqlite_running_queue_index
Revises: 0026_event_time_checkpoint
Create Date: 2026-12-06

On SQLite the "overdue" page (newest first) read every running case past its due date through
``ix_cases_status_due`` and sorted them: 4,329 rows read whole for the 50 shown, 41 ms at 1,000,000 cases
(bench/README.md, session 7). This index holds only the running cases (15,174 of 1,000,000: about 0.4 MB), in
the page's order (received_at, then id, which the queue sorts ties by), with the due date in the key: the
page walks it backward, checks the date in the index and reads only the 50 rows shown (0.18 ms; due soon
0.89 -> 0.10 ms). The queue pins it for those pages (``INDEXED BY``): SQLite's planner prefers the status
index it can search by.

0017 kept it from SQLite because the queue bound its statuses then, and SQLite uses a partial index only for a
query holding its WHERE term as written; the queue writes ``CLOCK_RUNNING`` into its SQL as these constants
(sorted) since. PostgreSQL has had the index since 0017: nothing to do there.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0029_sqlite_running_queue_index"
down_revision: str | Sequence[str] | None = "0026_event_time_checkpoint"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_cases_running_received"
# As 0017, and as the queue writes the running statuses (officer_desk.cases.queue._RUNNING: sorted).
RUNNING = "('accepted', 'awaiting_signature', 'in_processing', 'received')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases (received_at, id, due_date) WHERE status IN {RUNNING}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
