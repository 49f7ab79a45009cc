"""PostgreSQL: triggers that cost once per statement on bulk inserts, and running cases counted per due date.

Revision ID: 0012_bulk_triggers
Revises: 0014_report_handling
Create Date: 2026-12-06

A sync chunk, a bundle or the demo loader inserts cases hundreds or thousands at a time (multi-row
INSERT, COPY). The per-row triggers of 0003 (status counts) and 0011 (NOTIFY) ran a PL/pgSQL call per
row; on INSERT they now run once per statement over the statement's new rows (a transition table).
Updates and deletes (one case at a time) keep their row triggers. The report-facts trigger of 0008 is
only invoked for the two kinds of events it acts on.

``case_due_counts`` counts the cases whose clock runs, per due date, kept exact by triggers like
``case_status_counts``: the queue's "overdue" and "due today" counts read a few hundred rows instead of
counting every overdue case (10.8 ms p95 at 1,000,000 cases). SQLite keeps its direct count (1.7 ms).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_bulk_triggers"
down_revision: str | Sequence[str] | None = "0014_report_handling"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statuses whose processing clock runs (officer_desk.lifecycle.CLOCK_RUNNING when written).
RUNNING = "('received', 'accepted', 'in_processing', 'awaiting_signature')"

STATEMENTS = [
    # Status counts: inserts per statement, updates of status and deletes per row (function of 0003).
    "DROP TRIGGER IF EXISTS trg_cases_status_count ON cases",
    "CREATE TRIGGER trg_cases_status_count AFTER DELETE OR UPDATE OF status ON cases "
    "FOR EACH ROW EXECUTE FUNCTION od_case_status_count()",
    """CREATE OR REPLACE FUNCTION od_case_status_count_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO case_status_counts (status, n) SELECT status, count(*) FROM od_new_cases GROUP BY status
    ON CONFLICT (status) DO UPDATE SET n = case_status_counts.n + excluded.n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql""",
    "CREATE TRIGGER trg_cases_status_count_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS od_new_cases "
    "FOR EACH STATEMENT EXECUTE FUNCTION od_case_status_count_insert()",
    # NOTIFY: one statement sends the ids of its new cases (or one 'bulk' note); updates stay per row.
    "DROP TRIGGER IF EXISTS trg_cases_notify ON cases",
    "CREATE TRIGGER trg_cases_notify AFTER UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION officer_desk_notify_case()",
    """CREATE OR REPLACE FUNCTION officer_desk_notify_new_cases() RETURNS trigger AS $$
BEGIN
  -- A bulk load (demo, bundle, first sync of a commune) says so once: a listener shows new cases when
  -- its list reloads, so a million notifications would cost the loader and tell nobody anything.
  IF (SELECT count(*) FROM od_new_cases) > 1000 THEN
    PERFORM pg_notify('officer_desk_cases', 'bulk');
  ELSE
    PERFORM pg_notify('officer_desk_cases', id::text) FROM od_new_cases;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql""",
    "CREATE TRIGGER trg_cases_notify_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS od_new_cases "
    "FOR EACH STATEMENT EXECUTE FUNCTION officer_desk_notify_new_cases()",
    # Report facts: invoked only for the events it acts on.
    "DROP TRIGGER IF EXISTS trg_case_events_report ON case_events",
    "CREATE TRIGGER trg_case_events_report AFTER INSERT ON case_events FOR EACH ROW "
    "WHEN (NEW.to_status = 'returned' OR NEW.action = 'request_supplement') "
    "EXECUTE FUNCTION od_case_report_facts()",
    # Running cases per due date.
    f"""CREATE OR REPLACE FUNCTION od_case_due_count_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO case_due_counts (due_date, n)
    SELECT due_date, count(*) FROM od_new_cases WHERE status IN {RUNNING} AND due_date IS NOT NULL
    GROUP BY due_date
    ON CONFLICT (due_date) DO UPDATE SET n = case_due_counts.n + excluded.n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION od_case_due_count() RETURNS trigger AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.status IN {RUNNING} AND OLD.due_date IS NOT NULL;
  now_counted boolean := TG_OP <> 'DELETE' AND NEW.status IN {RUNNING} AND NEW.due_date IS NOT NULL;
BEGIN
  IF TG_OP = 'UPDATE' AND was = now_counted AND OLD.due_date IS NOT DISTINCT FROM NEW.due_date THEN
    RETURN NULL;
  END IF;
  IF was THEN
    UPDATE case_due_counts SET n = n - 1 WHERE due_date = OLD.due_date;
  END IF;
  IF now_counted THEN
    INSERT INTO case_due_counts (due_date, n) VALUES (NEW.due_date, 1)
      ON CONFLICT (due_date) DO UPDATE SET n = case_due_counts.n + 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql""",
    "CREATE TRIGGER trg_cases_due_count_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS od_new_cases "
    "FOR EACH STATEMENT EXECUTE FUNCTION od_case_due_count_insert()",
    "CREATE TRIGGER trg_cases_due_count AFTER DELETE OR UPDATE OF status, due_date ON cases "
    "FOR EACH ROW EXECUTE FUNCTION od_case_due_count()",
]


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("case_due_counts"):
        return  # already applied (a desk whose version row was set back by hand)
    op.create_table(
        "case_due_counts",
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("due_date", name=op.f("pk_case_due_counts")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"INSERT INTO case_due_counts (due_date, n) SELECT due_date, count(*) FROM cases "
               f"WHERE status IN {RUNNING} AND due_date IS NOT NULL GROUP BY due_date")
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in ("trg_cases_due_count", "trg_cases_due_count_insert", "trg_cases_notify_insert",
                     "trg_cases_status_count_insert", "trg_cases_status_count", "trg_cases_notify"):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON cases")
        op.execute("DROP TRIGGER IF EXISTS trg_case_events_report ON case_events")
        for name in ("od_case_due_count", "od_case_due_count_insert", "officer_desk_notify_new_cases",
                     "od_case_status_count_insert"):
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        op.execute("CREATE TRIGGER trg_cases_status_count AFTER INSERT OR DELETE OR UPDATE OF status ON cases "
                   "FOR EACH ROW EXECUTE FUNCTION od_case_status_count()")
        op.execute("CREATE TRIGGER trg_cases_notify AFTER INSERT OR UPDATE ON cases "
                   "FOR EACH ROW EXECUTE FUNCTION officer_desk_notify_case()")
        op.execute("CREATE TRIGGER trg_case_events_report AFTER INSERT ON case_events "
                   "FOR EACH ROW EXECUTE FUNCTION od_case_report_facts()")
    op.drop_table("case_due_counts")
