"""Status counters maintained by triggers: the queue's tab counts stay instant at a million cases.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

Triggers (not application code) keep ``case_status_counts`` exact for every write path: the
services, bulk demo generation, other desks on a shared server and future migrations.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TRIGGERS = [
    """CREATE TRIGGER trg_cases_count_insert AFTER INSERT ON cases BEGIN
         INSERT INTO case_status_counts (status, n) VALUES (NEW.status, 1)
           ON CONFLICT (status) DO UPDATE SET n = n + 1;
       END""",
    """CREATE TRIGGER trg_cases_count_delete AFTER DELETE ON cases BEGIN
         UPDATE case_status_counts SET n = n - 1 WHERE status = OLD.status;
       END""",
    """CREATE TRIGGER trg_cases_count_update AFTER UPDATE OF status ON cases
         WHEN OLD.status <> NEW.status BEGIN
         UPDATE case_status_counts SET n = n - 1 WHERE status = OLD.status;
         INSERT INTO case_status_counts (status, n) VALUES (NEW.status, 1)
           ON CONFLICT (status) DO UPDATE SET n = n + 1;
       END""",
]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION od_case_status_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status) THEN
    INSERT INTO case_status_counts (status, n) VALUES (NEW.status, 1)
      ON CONFLICT (status) DO UPDATE SET n = case_status_counts.n + 1;
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status) THEN
    UPDATE case_status_counts SET n = n - 1 WHERE status = OLD.status;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table(
        "case_status_counts",
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("status", name=op.f("pk_case_status_counts")),
    )
    op.execute(
        "INSERT INTO case_status_counts (status, n) SELECT status, count(*) FROM cases GROUP BY status"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER trg_cases_status_count AFTER INSERT OR DELETE OR UPDATE OF status ON cases "
            "FOR EACH ROW EXECUTE FUNCTION od_case_status_count()"
        )
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_cases_status_count ON cases")
        op.execute("DROP FUNCTION IF EXISTS od_case_status_count()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_cases_count_{name}")
    op.drop_table("case_status_counts")
