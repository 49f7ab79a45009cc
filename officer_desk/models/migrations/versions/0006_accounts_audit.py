"""Accounts (password hash, sign-in counters, bound certificates) and the hash-chained audit log.

Existing audit entries are chained in id order, so ``audit verify`` covers them from the start.

Revision ID: 0006_accounts_audit
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_accounts_audit"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("officers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("password_changed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_failed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_sign_in_at", sa.DateTime(), nullable=True))
    op.create_table(
        "officer_certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("keystore_id", sa.String(length=64), nullable=False),
        sa.Column("module_path", sa.String(length=500), nullable=False),
        sa.Column("key_id", sa.String(length=128), nullable=False),
        sa.Column("token_label", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("common_name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("not_after", sa.DateTime(), nullable=False),
        sa.Column("certificate_pem", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"],
                                name=op.f("fk_officer_certificates_officer_id_officers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officer_certificates")),
    )
    with op.batch_alter_table("officer_certificates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_officer_certificates_officer_id"), ["officer_id"], unique=False)

    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    op.create_table(
        "audit_seals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("desk", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=128), nullable=False),
        sa.Column("signature", sa.String(length=160), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_seals")),
    )
    with op.batch_alter_table("audit_seals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_seals_entry_id"), ["entry_id"], unique=False)
    _chain_existing_entries()


def _chain_existing_entries() -> None:
    from officer_desk.models.audit_hash import GENESIS, canonical_details, entry_digest, time_text

    bind = op.get_bind()
    entries = sa.table(
        "audit_entries", sa.column("id", sa.Integer), sa.column("at", sa.DateTime), sa.column("actor", sa.String),
        sa.column("desk", sa.Integer), sa.column("action", sa.String), sa.column("entity_type", sa.String),
        sa.column("entity_id", sa.String), sa.column("details", sa.JSON), sa.column("prev_hash", sa.String),
        sa.column("entry_hash", sa.String),
    )
    previous = GENESIS
    last_id = 0
    pending: list[dict[str, object]] = []
    rows = bind.execute(sa.select(entries.c.id, entries.c.at, entries.c.actor, entries.c.desk, entries.c.action,
                                  entries.c.entity_type, entries.c.entity_id, entries.c.details)
                        .order_by(entries.c.id)).all()
    for row in rows:
        details = canonical_details(row.details or {})
        digest = entry_digest(row.id, time_text(row.at), row.actor or "", int(row.desk or 0), row.action or "",
                              row.entity_type or "", row.entity_id or "", details, previous)
        # details are rewritten in their canonical form (same content, sorted keys)
        pending.append({"b_id": row.id, "b_details": details, "b_prev": previous, "b_hash": digest})
        previous, last_id = digest, row.id
    if pending:
        bind.execute(
            sa.text("UPDATE audit_entries SET prev_hash = :b_prev, entry_hash = :b_hash WHERE id = :b_id"),
            pending,
        )
        statement = (
            "UPDATE audit_entries SET details = CAST(:b_details AS JSON) WHERE id = :b_id"
            if bind.dialect.name == "postgresql"
            else "UPDATE audit_entries SET details = :b_details WHERE id = :b_id"
        )
        bind.execute(sa.text(statement), pending)
    bind.execute(sa.text("INSERT INTO audit_chain_head (id, last_id, entry_hash) VALUES (1, :last, :hash)"),
                 {"last": last_id, "hash": previous})


def downgrade() -> None:
    op.drop_table("audit_seals")
    op.drop_table("audit_chain_head")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_column("entry_hash")
        batch_op.drop_column("prev_hash")
    op.drop_table("officer_certificates")
    with op.batch_alter_table("officers", schema=None) as batch_op:
        batch_op.drop_column("last_sign_in_at")
        batch_op.drop_column("last_failed_at")
        batch_op.drop_column("failed_sign_ins")
        batch_op.drop_column("password_changed_at")
        batch_op.drop_column("password_hash")
