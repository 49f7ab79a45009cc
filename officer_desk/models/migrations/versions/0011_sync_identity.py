"""Two-way sync: trusted identities, base versions, conflicts, applied bundles, registered desks,
case routes, and an idempotency key on timeline events (existing events keep NULL: sync derives
a stable key for them).

Revision ID: 0011_sync_identity
Revises: 0009_attachment_hmac
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_sync_identity"
down_revision: str | Sequence[str] | None = "0010_hint_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_key", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_case_events_event_key"), ["event_key"], unique=False)
    op.create_table(
        "sync_trusted_identities",
        sa.Column("desk_id", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=64), nullable=False),
        sa.Column("desk_number", sa.Integer(), nullable=True),
        sa.Column("signing_key", sa.String(length=128), nullable=False),
        sa.Column("encryption_key", sa.String(length=128), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("trusted_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("desk_id", name=op.f("pk_sync_trusted_identities")),
    )
    op.create_table(
        "sync_bases",
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("dossier_code", name=op.f("pk_sync_bases")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("mine", sa.JSON(), nullable=False),
        sa.Column("theirs", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_dossier_code"), ["dossier_code"], unique=False)
    op.create_table(
        "sync_applied_bundles",
        sa.Column("bundle_id", sa.String(length=64), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_sync_applied_bundles")),
    )
    op.create_table(
        "sync_desks",
        sa.Column("desk_id", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=64), nullable=False),
        sa.Column("desk_number", sa.Integer(), nullable=True),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("identity", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("desk_id", name=op.f("pk_sync_desks")),
        sa.UniqueConstraint("agency_code", "desk_number", name=op.f("uq_sync_desks_agency_code_desk_number")),
    )
    op.create_table(
        "sync_routes",
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("desk_id", sa.String(length=64), nullable=False),
        sa.Column("routed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("dossier_code", name=op.f("pk_sync_routes")),
    )
    with op.batch_alter_table("sync_routes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_routes_desk_id"), ["desk_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # Desks on the shared server hear about each other's changes (LISTEN officer_desk_cases).
        op.execute(NOTIFY_FUNCTION)
        op.execute("CREATE TRIGGER trg_cases_notify AFTER INSERT OR UPDATE ON cases "
                   "FOR EACH ROW EXECUTE FUNCTION officer_desk_notify_case()")


NOTIFY_FUNCTION = """
CREATE OR REPLACE FUNCTION officer_desk_notify_case() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('officer_desk_cases', NEW.id::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_cases_notify ON cases")
        op.execute("DROP FUNCTION IF EXISTS officer_desk_notify_case()")
    for table in ("sync_routes", "sync_desks", "sync_applied_bundles", "sync_conflicts", "sync_bases",
                  "sync_trusted_identities"):
        op.drop_table(table)
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_events_event_key"))
        batch_op.drop_column("event_key")
