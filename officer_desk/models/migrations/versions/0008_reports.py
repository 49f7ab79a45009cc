"""Report facts kept on each case, officer work spans, and the indexes the reports read.

Revision ID: 0008_reports
Revises: 0007_ocr_provenance
Create Date: 2026-12-06

The service-quality report (issue 15) groups a year of dossiers in SQL. On SQLite the report
columns must come from an index: a case row holds its JSON before these columns, so reading them
from the table walks the JSON's overflow pages. ``result_at`` and ``supplement_count`` are kept by
triggers on the timeline (every write path: services, demo data, other desks on a shared server);
``processing_days``, ``result_timing``, ``commune`` and ``agency_id`` need the working-day calendar
or the dossier's JSON and are filled by ``officer_desk.reports.facts.refresh_facts``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_reports"
down_revision: str | Sequence[str] | None = "0007_ocr_provenance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REPORT_INDEX_COLUMNS = [
    "received_at", "procedure_code", "channel", "status", "origin_desk", "assigned_officer_id", "commune",
    "agency_id", "result_timing", "processing_days", "supplement_count", "handling_seconds",
]

# SQLite only: one index per grouping, led by the group key and the processing days, so that a
# report groups in index order (no sort of every dossier of the period) and skips through the period
# (skip-scan) for short ones. PostgreSQL hashes the groups and reads ix_cases_report instead.
GROUPING_KEYS = {"procedure": "procedure_code", "officer": "assigned_officer_id", "channel": "channel",
                 "commune": "commune"}
MEASURE_COLUMNS = [
    "received_at", "channel", "status", "result_timing", "supplement_count", "handling_seconds", "origin_desk",
    "assigned_officer_id", "commune", "agency_id", "procedure_code",
]

# Open dossiers by age and overdue, with every scope column: read from the index alone.
BACKLOG_INDEX_COLUMNS = [
    "status", "received_at", "due_date", "procedure_code", "origin_desk", "assigned_officer_id", "commune",
    "agency_id",
]

SQLITE_TRIGGERS = [
    """CREATE TRIGGER trg_case_events_result AFTER INSERT ON case_events
         WHEN NEW.to_status = 'returned' BEGIN
         UPDATE cases SET result_at = NEW.at, result_timing = NULL, processing_days = NULL
           WHERE id = NEW.case_id;
       END""",
    """CREATE TRIGGER trg_case_events_supplement AFTER INSERT ON case_events
         WHEN NEW.action = 'request_supplement' BEGIN
         UPDATE cases SET supplement_count = supplement_count + 1 WHERE id = NEW.case_id;
       END""",
]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION od_case_report_facts() RETURNS trigger AS $$
BEGIN
  IF NEW.to_status = 'returned' THEN
    UPDATE cases SET result_at = NEW.at, result_timing = NULL, processing_days = NULL WHERE id = NEW.case_id;
  END IF;
  IF NEW.action = 'request_supplement' THEN
    UPDATE cases SET supplement_count = supplement_count + 1 WHERE id = NEW.case_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("result_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("result_timing", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("processing_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("supplement_count", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("handling_seconds", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("commune", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("agency_id", sa.String(length=64), nullable=True))
    op.create_table(
        "case_work_spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_work_spans_case_id_cases"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], name=op.f("fk_case_work_spans_officer_id_officers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_work_spans")),
    )
    op.create_index("ix_case_work_spans_case_id", "case_work_spans", ["case_id"])
    # What is already on the timeline: results and supplement requests.
    op.execute(
        "UPDATE cases SET result_at = (SELECT MAX(e.at) FROM case_events e WHERE e.case_id = cases.id "
        "AND e.to_status = 'returned') WHERE status = 'returned'"
    )
    op.execute(
        "UPDATE cases SET supplement_count = (SELECT COUNT(*) FROM case_events e WHERE e.case_id = cases.id "
        "AND e.action = 'request_supplement') "
        "WHERE id IN (SELECT case_id FROM case_events WHERE action = 'request_supplement')"
    )
    op.create_index("ix_cases_report", "cases", REPORT_INDEX_COLUMNS)
    # Only the returned dossiers whose facts are still to compute (a handful between two reports).
    op.create_index("ix_cases_facts_pending", "cases", ["id"],
                    sqlite_where=sa.text("processing_days IS NULL AND result_at IS NOT NULL"),
                    postgresql_where=sa.text("processing_days IS NULL AND result_at IS NOT NULL"))
    op.create_index("ix_cases_commune", "cases", ["commune"])
    op.create_index("ix_cases_backlog", "cases", BACKLOG_INDEX_COLUMNS)
    op.create_index("ix_findings_report", "findings", ["created_at", "superseded", "code", "decision", "case_id"])
    op.create_index("ix_signed_documents_report", "signed_documents", ["created_at", "doc_type", "signer", "case_id"])
    if op.get_bind().dialect.name == "sqlite":
        for name, key in GROUPING_KEYS.items():
            op.create_index(f"ix_cases_report_by_{name}", "cases",
                            [key, "processing_days", *[c for c in MEASURE_COLUMNS if c != key]])
        op.create_index("ix_findings_report_by_code", "findings", ["code", "decision", "created_at", "superseded", "case_id"])
        op.create_index("ix_signed_documents_report_by_type", "signed_documents",
                        ["doc_type", "created_at", "signer", "case_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER trg_case_events_report AFTER INSERT ON case_events "
            "FOR EACH ROW EXECUTE FUNCTION od_case_report_facts()"
        )
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_case_events_report ON case_events")
        op.execute("DROP FUNCTION IF EXISTS od_case_report_facts()")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_case_events_result")
        op.execute("DROP TRIGGER IF EXISTS trg_case_events_supplement")
        for name in GROUPING_KEYS:
            op.drop_index(f"ix_cases_report_by_{name}", table_name="cases")
        op.drop_index("ix_findings_report_by_code", table_name="findings")
        op.drop_index("ix_signed_documents_report_by_type", table_name="signed_documents")
    op.drop_index("ix_signed_documents_report", table_name="signed_documents")
    op.drop_index("ix_findings_report", table_name="findings")
    op.drop_index("ix_cases_backlog", table_name="cases")
    op.drop_index("ix_cases_commune", table_name="cases")
    op.drop_index("ix_cases_facts_pending", table_name="cases")
    op.drop_index("ix_cases_report", table_name="cases")
    op.drop_index("ix_case_work_spans_case_id", table_name="case_work_spans")
    op.drop_table("case_work_spans")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name in ("agency_id", "commune", "handling_seconds", "supplement_count", "processing_days",
                     "result_timing", "result_at"):
            batch_op.drop_column(name)
