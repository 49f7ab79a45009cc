"""Attachments say where each value in their fields came from (typed, portal, qr, ocr, ocr-edited),
and keep what OCR saw (confidence, page, region) beside the values.

Revision ID: 0007_ocr_provenance
Revises: 0005
Create Date: 2026-12-06

Existing attachments get the default the interchange format gives a file without ``provenance``:
``portal`` for online filings, ``typed`` otherwise. Nothing is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_ocr_provenance"
down_revision: str | Sequence[str] | None = "0006_accounts_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provenance_json", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("ocr_json", sa.JSON(), nullable=False, server_default="{}"))
    bind = op.get_bind()
    attachments = sa.table(
        "attachments",
        sa.column("id", sa.Integer()),
        sa.column("case_id", sa.Integer()),
        sa.column("fields_json", sa.JSON()),
        sa.column("provenance_json", sa.JSON()),
    )
    cases = sa.table("cases", sa.column("id", sa.Integer()), sa.column("channel", sa.String()))
    rows = bind.execute(
        sa.select(attachments.c.id, attachments.c.fields_json, cases.c.channel)
        .select_from(attachments.join(cases, cases.c.id == attachments.c.case_id))
    ).all()
    for attachment_id, fields, channel in rows:
        if isinstance(fields, str):  # SQLite hands back JSON text on some drivers
            fields = json.loads(fields or "{}")
        if not isinstance(fields, dict) or not fields:
            continue
        source = "portal" if channel == "truc_tuyen" else "typed"
        bind.execute(
            attachments.update().where(attachments.c.id == attachment_id)
            .values(provenance_json={str(key): source for key in fields})
        )


def downgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_column("ocr_json")
        batch_op.drop_column("provenance_json")
