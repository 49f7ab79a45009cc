"""SQLite: the "returned" event's trigger leaves a case alone when it already holds the result date.

Revision ID: 0021_sqlite_result_trigger_noop
Revises: 0020_report_triggers_noop
Create Date: 2026-12-06

``trg_case_events_result`` (0008) sets a case's ``result_at`` from its "returned" event and clears the
facts computed from it. SQLite rewrote the case row, and every index that holds one of those columns
(the four report indexes, the pending-facts index), even when the case held exactly those values already.
The demo loader writes returned cases with their result date set (as 0020 does on PostgreSQL): at
1,000,000 cases this update was a second write of most case rows. The trigger now changes what it changed
before and skips only updates that would change nothing. The handling-officer trigger (0014) already
skips a case that has its handling officer.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0021_sqlite_result_trigger_noop"
down_revision: str | Sequence[str] | None = "0020_report_triggers_noop"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRIGGER = """CREATE TRIGGER trg_case_events_result AFTER INSERT ON case_events
     WHEN NEW.to_status = 'returned' BEGIN
     UPDATE cases SET result_at = NEW.at, result_timing = NULL, processing_days = NULL
       WHERE id = NEW.case_id{unchanged};
   END"""
UNCHANGED = " AND (result_at IS NOT NEW.at OR result_timing IS NOT NULL OR processing_days IS NOT NULL)"


def _replace(unchanged: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS trg_case_events_result")
        op.execute(_TRIGGER.format(unchanged=unchanged))


def upgrade() -> None:
    _replace(UNCHANGED)


def downgrade() -> None:
    _replace("")
