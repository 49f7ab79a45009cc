"""Indexes for the queue's remaining sorts and filters at a million cases.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Sorting by applicant and filtering by officer (newest first) otherwise scan the whole table.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_applicant_name", "cases", ["applicant_name"])
    op.create_index("ix_cases_officer_received", "cases", ["assigned_officer_id", "received_at"])
    op.create_index("ix_cases_due_received", "cases", ["due_date", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_cases_due_received", table_name="cases")
    op.drop_index("ix_cases_officer_received", table_name="cases")
    op.drop_index("ix_cases_applicant_name", table_name="cases")
