"""A smaller desk (issue 17): on SQLite the by-channel report reads the by-procedure grouping index.

Revision ID: 0027_channel_from_procedure
Revises: 0022_sqlite_integer_times
Create Date: 2026-12-06

Migration 0014 gave SQLite one covering grouping index per report grouping, each laid out as (key, processing
days, channel, status, timing, supplement count, received_at, handling seconds, scope columns). The channel is
one of the measures every grouped query groups on, so the by-procedure groups, folded by their channel in
Python (``officer_desk.reports.queries.grouped_counts``), give the by-channel figures exactly:
``ix_cases_report_by_channel`` is redundant (55.5 MB of 1,578 MB at 1,000,000 cases, 5.5 MB at 100,000).
The index is dropped in place (its pages are reused by new rows; the file itself shrinks by a VACUUM, which
a backup and restore does). PostgreSQL never had it (its report reads ``ix_cases_report``): nothing there.

The downgrade creates it again exactly as 0014 did (one sorted build: about 2 s at 100,000 cases).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0027_channel_from_procedure"
down_revision: str | Sequence[str] | None = "0022_sqlite_integer_times"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_cases_report_by_channel"
# 0014's grouping_index_columns("channel"): the key, the other measures, then what the WHERE clause reads.
COLUMNS = ["channel", "processing_days", "status", "result_timing", "supplement_count", "received_at",
           "handling_seconds", "procedure_code", "origin_desk", "handling_officer_id", "commune", "agency_id"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index(INDEX, table_name="cases", if_exists=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(INDEX, "cases", COLUMNS, if_not_exists=True)
