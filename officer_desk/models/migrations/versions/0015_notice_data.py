"""Issued notices keep what they said: ``signed_documents.data_sha256`` names an encrypted attachment blob
holding the notice's data (items, reasons, new appointment, hand-overs…), so that a notice reopened from the
case's documents list is reprinted with the very same content, marked "Bản in lại" like a receipt. Documents
issued before this revision keep NULL (they open as stored).

Revision ID: 0015_notice_data
Revises: 0013_query_statistics
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_notice_data"
down_revision: str | Sequence[str] | None = "0013_query_statistics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("signed_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("data_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("signed_documents", schema=None) as batch_op:
        batch_op.drop_column("data_sha256")
