"""Folded search terms: diacritics-insensitive search over name, ID number, phone and dossier code.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

Existing cases get their terms computed here, so an upgraded office finds its old dossiers.
The folding rules are copied (frozen) from officer_desk.text at the time of this revision.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CONFUSABLES = {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(_CONFUSABLES.get(ch, ch) for ch in text)
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    stripped = stripped.replace("\u0110", "D").replace("\u0111", "d")
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


def _terms(name: str, id_number: str, phone: str, code: str) -> set[str]:
    words = _fold(name).split()
    terms = {" ".join(words[i:]) for i in range(len(words))}
    for value in (id_number, "".join(ch for ch in phone if ch.isdigit()), _fold(code)):
        if value:
            terms.add(value)
    return {t[:160] for t in terms if t}


def upgrade() -> None:
    term_type = sa.String(length=160)
    if op.get_bind().dialect.name == "postgresql":
        term_type = sa.String(length=160, collation="C")
    op.create_table(
        "case_search_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("term", term_type, nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_search_terms_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_search_terms")),
        sa.UniqueConstraint("case_id", "term", name=op.f("uq_case_search_terms_case_id_term")),
    )
    with op.batch_alter_table("case_search_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_search_terms_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_case_search_terms_term_case", ["term", "case_id"], unique=False)

    bind = op.get_bind()
    cases = sa.table(
        "cases",
        sa.column("id", sa.Integer),
        sa.column("applicant_name", sa.String),
        sa.column("applicant_id_number", sa.String),
        sa.column("applicant_phone", sa.String),
        sa.column("dossier_code", sa.String),
    )
    terms_table = sa.table(
        "case_search_terms", sa.column("case_id", sa.Integer), sa.column("term", sa.String)
    )
    last_id = 0
    while True:
        rows = bind.execute(
            sa.select(cases).where(cases.c.id > last_id).order_by(cases.c.id).limit(5000)
        ).fetchall()
        if not rows:
            break
        batch = [
            {"case_id": row.id, "term": term}
            for row in rows
            for term in sorted(
                _terms(row.applicant_name or "", row.applicant_id_number or "", row.applicant_phone or "",
                       row.dossier_code or "")
            )
        ]
        if batch:
            bind.execute(terms_table.insert(), batch)
        last_id = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("case_search_terms", schema=None) as batch_op:
        batch_op.drop_index("ix_case_search_terms_term_case")
        batch_op.drop_index(batch_op.f("ix_case_search_terms_case_id"))
    op.drop_table("case_search_terms")
