"""A smaller desk (issue 17): a case's record digest stored only when it is not the SHA-256 of its record.

Revision ID: 0028_record_digest_derived
Revises: 0027_channel_from_procedure
Create Date: 2026-12-06

``cases.raw_sha256`` is the SHA-256 of the UTF-8 of ``cases.raw_json`` by construction (every writer computes
it so; a sync copies it with the record). It becomes nullable and holds NULL when it is that digest; the
application computes it from the record when it reads it (officer_desk.models.record_digest). At 1,000,000
cases on SQLite that is 36 MB after a VACUUM (the digest's 32 bytes a case since 0024; bench/README.md).

- Both back-ends: the column loses NOT NULL; new cases, supplements and synced cases store NULL unless the
  digest they carry is not their record's own.
- SQLite: every case whose stored digest is its record's own gets NULL, a batch of ids at a time. SQL cannot
  compute SHA-256 there, so each batch is read (the record unpacked, hashed in Python) and the equal ones are
  cleared by id; a digest that differs stays exactly as stored. The space freed is reused by new cases; the
  file shrinks by a VACUUM (a backup and restore does one). 1.3 s at 100,000 cases; 20.8 s at 1,000,000.
- PostgreSQL keeps the digests its cases hold, as 0023 kept its records: an UPDATE of every case writes a new
  version of every row (0023 measured the 100,000-case table growing from 203 to 295 MB after VACUUM ANALYZE;
  only VACUUM FULL, which locks the table, gives space back), with a NOTIFY per case to every listening desk,
  for 64 bytes a row. The same code reads both (a stored value is read as it is, NULL is derived).
- SQLite cannot drop a NOT NULL with ALTER TABLE: the table's declaration is edited as SQLite's documentation
  allows for a constraint that changes nothing stored (officer_desk.models.sqlite_declaration), not rebuilt.
- Triggers: on SQLite the cases' UPDATE trigger is ``AFTER UPDATE OF status`` (0003), which an update of
  raw_sha256 does not fire. On PostgreSQL the downgrade's update would send a NOTIFY per case for digests that
  read the same: the trigger is disabled for it, inside the migration's transaction (as in 0023).

The downgrade writes every derived digest back (computed from the record) and restores NOT NULL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from alembic import op
from officer_desk.models.hex_digest import from_stored, to_stored
from officer_desk.models.packed_json import unpack
from officer_desk.models.sqlite_declaration import declare_sqlite_nullable

revision: str = "0028_record_digest_derived"
down_revision: str | Sequence[str] | None = "0027_channel_from_procedure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.alter_column("cases", "raw_sha256", nullable=True)
        return
    declare_sqlite_nullable(bind, "cases", "raw_sha256", nullable=True)
    select = "SELECT id, raw_json, raw_sha256 FROM cases WHERE id > ? AND raw_sha256 IS NOT NULL ORDER BY id LIMIT ?"
    low = 0
    while True:
        rows = bind.exec_driver_sql(select, (low, BATCH)).all()
        if not rows:
            break
        derivable = [(case_id,) for case_id, record, stored in rows if _own_digest(record, stored)]
        if derivable:
            bind.exec_driver_sql("UPDATE cases SET raw_sha256 = NULL WHERE id = ?", derivable)
        low = rows[-1][0]


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    postgresql = bind.dialect.name == "postgresql"
    if postgresql:
        bind.exec_driver_sql("ALTER TABLE cases DISABLE TRIGGER trg_cases_notify")
    # Placeholders as the driver takes them (qmark on SQLite, format on psycopg).
    mark = "?" if bind.dialect.paramstyle == "qmark" else "%s"
    select = (f"SELECT id, raw_json FROM cases WHERE id > {mark} AND raw_sha256 IS NULL ORDER BY id"
              f" LIMIT {mark}")
    update = f"UPDATE cases SET raw_sha256 = {mark} WHERE id = {mark}"
    low = 0
    while True:
        rows = bind.exec_driver_sql(select, (low, BATCH)).all()
        if not rows:
            break
        digests = [(_stored_as(hashlib.sha256(unpack(record).encode("utf-8")).hexdigest(), sqlite), case_id)
                   for case_id, record in rows]
        bind.exec_driver_sql(update, digests)
        low = rows[-1][0]
    if postgresql:
        bind.exec_driver_sql("ALTER TABLE cases ENABLE TRIGGER trg_cases_notify")
    if sqlite:
        declare_sqlite_nullable(bind, "cases", "raw_sha256", nullable=False)
    else:
        op.alter_column("cases", "raw_sha256", nullable=False)


def _own_digest(record: bytes | str, stored: bytes | str) -> bool:
    """Whether the stored digest (bytes since 0024, or text) is, as the application reads it, the record's."""
    own = hashlib.sha256(unpack(record).encode("utf-8"))
    if isinstance(stored, bytes):
        return stored == own.digest()  # the common case: no hex of either side
    return from_stored(stored) == own.hexdigest()


def _stored_as(digest: str, sqlite: bool) -> bytes | str | None:
    """What ``HexDigest`` stores for ``digest`` on this back-end (its bytes on SQLite, the text elsewhere)."""
    return to_stored(digest) if sqlite else digest
