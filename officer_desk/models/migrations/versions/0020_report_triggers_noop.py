"""PostgreSQL: the timeline's report triggers leave a case alone when it already holds their values.

Revision ID: 0020_report_triggers_noop
Revises: 0018_packed_records
Create Date: 2026-12-06

``od_case_report_facts`` (0008, ``WHEN`` clause since 0012) sets a case's ``result_at`` from its
"returned" event and clears the facts computed from it. It updated the case even when the case already
held exactly those values: on PostgreSQL every such update writes a new version of the case row into
every one of its indexes and fires the row-level NOTIFY trigger. The demo loader writes returned cases
with their ``result_at`` already set (bench/README.md "The demo load at scale": this update was two thirds
of the server's work in a 1,000,000-case load and left a dead copy of most case rows). The values the
trigger leaves are the same as before; only updates that would change nothing are skipped. The
handling-officer trigger (0014, already a no-op for a case that has its handling officer) gets a ``WHEN``
clause with its function's own conditions, so the events that cannot change a case (most of a timeline)
no longer call PL/pgSQL. SQLite's triggers are unchanged (its ``WHEN`` clauses were already there).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0020_report_triggers_noop"
down_revision: str | Sequence[str] | None = "0018_packed_records"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = """
CREATE OR REPLACE FUNCTION od_case_report_facts() RETURNS trigger AS $$
BEGIN
  IF NEW.to_status = 'returned' THEN
    UPDATE cases SET result_at = NEW.at, result_timing = NULL, processing_days = NULL
     WHERE id = NEW.case_id{unchanged};
  END IF;
  IF NEW.action = 'request_supplement' THEN
    UPDATE cases SET supplement_count = supplement_count + 1 WHERE id = NEW.case_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""
# What 0020 adds to 0008's function: skip a case that already holds the values (the downgrade leaves it out).
UNCHANGED = ("\n       AND (result_at IS DISTINCT FROM NEW.at OR result_timing IS NOT NULL"
             " OR processing_days IS NOT NULL)")


# The handling-officer trigger (0014) ran its function for every event; only these can change a case.
HANDLING_WHEN = ("(NEW.officer_id IS NOT NULL AND (NEW.action = 'received' OR NEW.from_status = 'received')) "
                 "OR NEW.action IN ('rescheduled', 'supplement_received')")


def _handling_trigger(when: str) -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_case_events_handling ON case_events")
    op.execute(f"CREATE TRIGGER trg_case_events_handling AFTER INSERT ON case_events FOR EACH ROW {when}"
               "EXECUTE FUNCTION od_case_report_handling()")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION.format(unchanged=UNCHANGED))
        _handling_trigger(f"WHEN ({HANDLING_WHEN}) ")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION.format(unchanged=""))  # 0008's function, as it was
        _handling_trigger("")
