"""Hint decisions say what they mean: ``accepted`` becomes ``confirmed``, ``dismissed`` becomes ``overridden``.

A hint the officer "accepted" was one they agreed with — the dossier has the defect — so it is a confirmed
defect; a "dismissed" hint (always with a reason) was one the officer found wrong, i.e. overridden. The
rows keep who decided, when and why; only the names change. The audit trail keeps its old event names.

Revision ID: 0010_hint_decisions
Revises: 0011_sync_identity
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_hint_decisions"
down_revision: str | Sequence[str] | None = "0009_attachment_hmac"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RENAMES = (("accepted", "confirmed"), ("dismissed", "overridden"))


def upgrade() -> None:
    for old, new in RENAMES:
        op.execute(sa.text("UPDATE findings SET decision = :new WHERE decision = :old").bindparams(old=old, new=new))


def downgrade() -> None:
    for old, new in RENAMES:
        op.execute(sa.text("UPDATE findings SET decision = :old WHERE decision = :new").bindparams(old=old, new=new))
