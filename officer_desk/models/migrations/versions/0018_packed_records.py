"""A smaller desk (issue 17): dossier records packed on SQLite, and six to eight fewer case indexes.

- SQLite: each case's two JSON records (as received, current; about 860 bytes each) are rewritten packed
  (``officer_desk.models.packed_json``: deflate with a preset dictionary, about 120 bytes). At 1,000,000
  cases the records took about 1.7 GB and, at 2 KB a row, left the table's pages a third empty. The
  space freed inside the file is reused by new cases; the file itself shrinks only by a VACUUM (a backup
  and restore does one). PostgreSQL keeps text.
- Both: the single-column indexes on status, due date, procedure and assigned officer go; composite
  indexes begin with each of them (ix_cases_status_due, ix_cases_due_received, ix_cases_duplicates,
  ix_cases_officer_received), so every lookup they served has an index still. SQLite also drops those on
  channel and commune, which ix_cases_report_by_channel / _by_commune (0014, SQLite only) begin with.
- Both: the indexes on the applicant's ID number and on the raw record's hash, which no query uses (the
  duplicate lookup reads ix_cases_duplicates, which ends with the ID number; the hash is read with its case,
  found by dossier code).
  Each index was written on every new case: fewer indexes, faster imports and demo loads, about 190 MB less
  at 1,000,000 cases.

Revision ID: 0018_packed_records
Revises: 0016_lean_search_terms
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from alembic import op

from officer_desk.models.packed_json import pack, unpack

revision: str = "0018_packed_records"
down_revision: str | Sequence[str] | None = "0016_lean_search_terms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERED = {"ix_cases_status": ["status"], "ix_cases_due_date": ["due_date"],
           "ix_cases_procedure_code": ["procedure_code"], "ix_cases_assigned_officer_id": ["assigned_officer_id"],
           "ix_cases_applicant_id_number": ["applicant_id_number"], "ix_cases_raw_sha256": ["raw_sha256"]}
COVERED_ON_SQLITE = {"ix_cases_channel": ["channel"], "ix_cases_commune": ["commune"]}
BATCH = 2000


def _indexes() -> dict[str, list[str]]:
    if op.get_bind().dialect.name == "sqlite":
        return {**COVERED, **COVERED_ON_SQLITE}
    return COVERED


def upgrade() -> None:
    for name in _indexes():
        op.drop_index(name, table_name="cases")
    if op.get_bind().dialect.name == "sqlite":
        _rewrite_records(lambda value: pack(value) if isinstance(value, str) else value)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rewrite_records(lambda value: value if value is None or isinstance(value, str) else unpack(value))
    for name, columns in _indexes().items():
        op.create_index(name, "cases", columns)


def _rewrite_records(convert: Callable[[object], object]) -> None:
    """Every case's two records through ``convert``, in id order, a batch at a time (bounded memory)."""
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.exec_driver_sql(
            "SELECT id, raw_json, dossier_json FROM cases WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH)).all()
        if not rows:
            return
        bind.exec_driver_sql("UPDATE cases SET raw_json = ?, dossier_json = ? WHERE id = ?",
                             [(convert(raw), convert(current), case_id) for case_id, raw, current in rows])
        last = rows[-1][0]
