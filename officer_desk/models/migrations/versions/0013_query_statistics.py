"""The duplicate lookup's own index, and fresh planner statistics after every migration.

Revision ID: 0013_query_statistics
Revises: 0011_sync_identity
Create Date: 2026-12-06

Screening looks for an open dossier with the same procedure, subject and applicant ID on every import.
With only single-column indexes the plan depended on statistics: without them (a desk filled by imports)
SQLite walked every case of the procedure — 1.8 s per import at a million cases. One index in the lookup's
order answers both of its forms: procedure + subject + applicant ID, and procedure + subject alone for a
civil-status event (``ev|…`` keys, whoever files), whatever the statistics say.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013_query_statistics"
down_revision: str | Sequence[str] | None = "0011_sync_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cases_duplicates", "cases", ["procedure_code", "subject_key", "applicant_id_number"])


def downgrade() -> None:
    op.drop_index("ix_cases_duplicates", table_name="cases")
