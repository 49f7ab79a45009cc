"""NOT NULL dropped from (or put back on) a column of an SQLite table without rebuilding the table.

SQLite's ALTER TABLE cannot change a constraint; rebuilding ``cases`` copies every case, its indexes and
triggers (minutes at 1,000,000 cases). Removing a NOT NULL changes nothing stored, and SQLite's documentation
allows it by editing the table's declaration in ``sqlite_schema`` (https://sqlite.org/lang_altertable.html,
"Making Other Kinds Of Table Schema Changes"); the schema version is raised so that every connection reads
the declaration again. Putting it back is the same edit, done by a migration's downgrade only once no row
holds NULL there (it checks nothing itself). Migration 0028 uses it; 0023 does the same for its column.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import Connection

# A column's declaration as SQLAlchemy writes it in CREATE TABLE: name, type with an optional length.
_DECLARED = r"(\b{column}\s+[A-Za-z]+(?:\(\d+\))?)"


def declare_sqlite_nullable(bind: Connection, table: str, column: str, nullable: bool) -> None:
    """Drop (``nullable``) or put back NOT NULL on ``table.column`` in the stored declaration."""
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).scalar_one()
    declared = _DECLARED.format(column=re.escape(column))
    if nullable:
        changed, count = re.subn(declared + r"\s+NOT\s+NULL\b", r"\1", sql, flags=re.IGNORECASE)
    else:
        changed, count = re.subn(declared + r"(?=\s*[,)])", r"\1 NOT NULL", sql, flags=re.IGNORECASE)
    if count == 0:
        return  # already as wanted (a desk whose version row was set back by hand)
    if count != 1:
        raise RuntimeError(f"{table}.{column} is declared more than once in the SQLite schema")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (changed, table))
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")
    not_null = {row[1]: row[3] for row in bind.exec_driver_sql(f"PRAGMA table_info({table})")}
    if not_null.get(column) != (0 if nullable else 1):
        raise RuntimeError(f"{table}.{column}: the SQLite declaration did not take the change")
