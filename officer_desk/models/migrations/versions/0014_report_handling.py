"""Reports: the handling officer, the due date an apology moved, and leaner report indexes.

Revision ID: 0014_report_handling
Revises: 0015_notice_data
Create Date: 2026-12-06

Issue 15, docs/reports.md:
- ``handling_officer_id``: the officer who took the dossier in (the first officer on its timeline who
  received it at the counter or acted on it while it was new: accepted, refused, asked for a
  supplement). ``--by officer`` groups by it, not by whoever holds the case now.
- ``original_due_date``: the due date in force before the first apology letter (Mẫu 05) moved it.
  The on-time figures judge the result against it (a result after an apology is late), the backlog
  against the new date. A supplement received restarts the clock and clears it.
Both are kept by triggers on the timeline (every write path: services, sync, another desk on a
shared server) and filled here from the existing timeline.

The report indexes are rebuilt with the handling officer in place of the assigned one. On SQLite,
each grouping index now holds its measures in group order (key, processing days, channel, status,
timing, supplement count) so that the report groups on them in index order with two sums per row
instead of a dozen filtered counts (bench/README.md, "Reports").
"""

from __future__ import annotations

import json
from datetime import date
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0014_report_handling"
down_revision: str | Sequence[str] | None = "0015_notice_data"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCOPE_COLUMNS = ["procedure_code", "origin_desk", "handling_officer_id", "commune", "agency_id"]
# Read in this order by the grouped query (officer_desk.reports.queries.MEASURES).
MEASURES = ["processing_days", "channel", "status", "result_timing", "supplement_count"]
REPORT_INDEX_COLUMNS = ["received_at", *MEASURES, "handling_seconds", "procedure_code", "origin_desk",
                        "handling_officer_id", "commune", "agency_id"]
BACKLOG_INDEX_COLUMNS = ["status", "received_at", "due_date", *SCOPE_COLUMNS]
GROUPING_KEYS = {"procedure": "procedure_code", "officer": "handling_officer_id", "channel": "channel",
                 "commune": "commune"}


def grouping_index_columns(key: str) -> list[str]:
    """Key, the measures in the query's GROUP BY order, then what the WHERE clause reads."""
    rest = [c for c in ["received_at", "handling_seconds", *SCOPE_COLUMNS] if c != key]
    return [key, *[c for c in MEASURES if c != key], *rest]


OLD_REPORT_INDEX_COLUMNS = [
    "received_at", "procedure_code", "channel", "status", "origin_desk", "assigned_officer_id", "commune",
    "agency_id", "result_timing", "processing_days", "supplement_count", "handling_seconds",
]
OLD_BACKLOG_INDEX_COLUMNS = [
    "status", "received_at", "due_date", "procedure_code", "origin_desk", "assigned_officer_id", "commune",
    "agency_id",
]
OLD_MEASURE_COLUMNS = [
    "received_at", "channel", "status", "result_timing", "supplement_count", "handling_seconds", "origin_desk",
    "assigned_officer_id", "commune", "agency_id", "procedure_code",
]
OLD_GROUPING_KEYS = {"procedure": "procedure_code", "officer": "assigned_officer_id", "channel": "channel",
                     "commune": "commune"}

# Who took the dossier in: an officer receiving it at the counter, or the first officer acting on it
# while it was new (its from_status is 'received': accept, refuse, request a supplement).
TAKES_IN = "(NEW.action = 'received' OR NEW.from_status = 'received')"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER trg_case_events_handling AFTER INSERT ON case_events
         WHEN NEW.officer_id IS NOT NULL AND {TAKES_IN} BEGIN
         UPDATE cases SET handling_officer_id = NEW.officer_id
           WHERE id = NEW.case_id AND handling_officer_id IS NULL;
       END""",
    # The first apology keeps the due date it moved; the result's timing is judged again.
    """CREATE TRIGGER trg_case_events_rescheduled AFTER INSERT ON case_events
         WHEN NEW.action = 'rescheduled' BEGIN
         UPDATE cases SET original_due_date = COALESCE(original_due_date,
                                                       json_extract(NEW.details, '$.old_due_date')),
                          result_timing = NULL, processing_days = NULL
           WHERE id = NEW.case_id;
       END""",
    """CREATE TRIGGER trg_case_events_clock_restart AFTER INSERT ON case_events
         WHEN NEW.action = 'supplement_received' BEGIN
         UPDATE cases SET original_due_date = NULL WHERE id = NEW.case_id;
       END""",
]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION od_case_report_handling() RETURNS trigger AS $$
BEGIN
  IF NEW.officer_id IS NOT NULL AND (NEW.action = 'received' OR NEW.from_status = 'received') THEN
    UPDATE cases SET handling_officer_id = NEW.officer_id WHERE id = NEW.case_id AND handling_officer_id IS NULL;
  END IF;
  IF NEW.action = 'rescheduled' THEN
    UPDATE cases SET original_due_date = COALESCE(original_due_date, (NEW.details->>'old_due_date')::date),
                     result_timing = NULL, processing_days = NULL
      WHERE id = NEW.case_id;
  END IF;
  IF NEW.action = 'supplement_received' THEN
    UPDATE cases SET original_due_date = NULL WHERE id = NEW.case_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def _backfill(bind: Any) -> None:
    """The handling officer and the apology's original due date from the timeline as it stands."""
    op.execute(
        "UPDATE cases SET handling_officer_id = (SELECT e.officer_id FROM case_events e "
        "WHERE e.case_id = cases.id AND e.officer_id IS NOT NULL "
        "AND (e.action = 'received' OR e.from_status = 'received') ORDER BY e.at, e.id LIMIT 1) "
        "WHERE id IN (SELECT case_id FROM case_events WHERE officer_id IS NOT NULL "
        "AND (action = 'received' OR from_status = 'received'))"
    )
    # Apologies are rare (a few per office and month): read in order, one case at a time.
    rows = bind.execute(sa.text(
        "SELECT case_id, action, details FROM case_events WHERE action IN ('rescheduled', 'supplement_received') "
        "ORDER BY case_id, at, id")).all()
    original: dict[int, str | None] = {}
    for case_id, action, details in rows:
        if action == "supplement_received":
            original[case_id] = None
            continue
        data = json.loads(details) if isinstance(details, str) else details or {}
        if original.get(case_id) is None:
            original[case_id] = data.get("old_due_date") if isinstance(data, dict) else None
    statement = sa.text("UPDATE cases SET original_due_date = :due, result_timing = NULL, processing_days = NULL "
                        "WHERE id = :id").bindparams(sa.bindparam("due", type_=sa.Date()))
    for case_id, due in original.items():
        if due:
            bind.execute(statement, {"id": case_id, "due": date.fromisoformat(due)})


def _report_indexes(create: bool, report: list[str], backlog: list[str], keys: dict[str, str],
                    grouping: Any, sqlite: bool) -> None:
    # ``ix_cases_report`` (date-led) serves PostgreSQL; on SQLite the report reads the grouping indexes
    # only (a short period skip-scans them), so the upgrade builds one index fewer over every dossier.
    # ``report`` is empty when the date-led index is not wanted (or already absent).
    if create:
        if report:
            op.create_index("ix_cases_report", "cases", report)
        op.create_index("ix_cases_backlog", "cases", backlog)
        if sqlite:
            for name, key in keys.items():
                op.create_index(f"ix_cases_report_by_{name}", "cases", grouping(key))
    else:
        if report:
            op.drop_index("ix_cases_report", table_name="cases")
        op.drop_index("ix_cases_backlog", table_name="cases")
        if sqlite:
            for name in keys:
                op.drop_index(f"ix_cases_report_by_{name}", table_name="cases")


def _old_grouping(key: str) -> list[str]:
    return [key, "processing_days", *[c for c in OLD_MEASURE_COLUMNS if c != key]]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    _report_indexes(False, OLD_REPORT_INDEX_COLUMNS, [], OLD_GROUPING_KEYS, None, sqlite)
    if sqlite:
        # A plain ALTER (SQLite accepts a REFERENCES clause on a new NULL column): batch mode would copy
        # every dossier into a new table.
        op.execute("ALTER TABLE cases ADD COLUMN handling_officer_id INTEGER REFERENCES officers (id)")
    else:
        op.add_column("cases", sa.Column("handling_officer_id", sa.Integer(),
                                         sa.ForeignKey("officers.id", name="fk_cases_handling_officer_id_officers"),
                                         nullable=True))
    op.add_column("cases", sa.Column("original_due_date", sa.Date(), nullable=True))
    _backfill(bind)
    _report_indexes(True, [] if sqlite else REPORT_INDEX_COLUMNS, BACKLOG_INDEX_COLUMNS, GROUPING_KEYS,
                    grouping_index_columns, sqlite)
    if sqlite:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    else:
        op.execute(PG_FUNCTION)
        op.execute("CREATE TRIGGER trg_case_events_handling AFTER INSERT ON case_events "
                   "FOR EACH ROW EXECUTE FUNCTION od_case_report_handling()")


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        for name in ("trg_case_events_handling", "trg_case_events_rescheduled", "trg_case_events_clock_restart"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_case_events_handling ON case_events")
        op.execute("DROP FUNCTION IF EXISTS od_case_report_handling()")
    _report_indexes(False, [] if sqlite else REPORT_INDEX_COLUMNS, [], GROUPING_KEYS, None, sqlite)
    if sqlite:
        # In place (SQLite 3.35+, SQLCipher 4.12 ships 3.51): batch mode would copy the table, and its
        # rename trips over the triggers that name it.
        op.execute("ALTER TABLE cases DROP COLUMN original_due_date")
        op.execute("ALTER TABLE cases DROP COLUMN handling_officer_id")
    else:
        op.drop_constraint("fk_cases_handling_officer_id_officers", "cases", type_="foreignkey")
        op.drop_column("cases", "original_due_date")
        op.drop_column("cases", "handling_officer_id")
    # Results judged against the moved due date again, as before this revision.
    op.execute("UPDATE cases SET result_timing = NULL, processing_days = NULL WHERE result_at IS NOT NULL")
    _report_indexes(True, OLD_REPORT_INDEX_COLUMNS, OLD_BACKLOG_INDEX_COLUMNS, OLD_GROUPING_KEYS, _old_grouping,
                    sqlite)
