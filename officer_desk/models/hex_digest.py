"""Hex digests (SHA-256, event keys) stored as their bytes on SQLite: half the bytes, text to the application.

A lowercase hex digest takes 64 bytes as text and 32 as a BLOB, in the row and in every index that holds it.
At 1,000,000 cases the desk keeps about 4.6 million of them (each case's record hash, its attachments'
content hashes, its events' idempotency keys and their index): about 140 bytes a case (issue 17, migration
0024). The application always sees the lowercase hex ``str`` it wrote; only SQLite stores it differently.

Exactly what was written is read back, whatever it is: a value that is not lowercase hex of even length (an
uppercase fingerprint, a sync key such as ``received:CODE``, an empty string) is stored as the text itself,
and a BLOB is read back as its lowercase hex. The same value is always stored the same way, so a lookup by
value (``column == digest``, a join of two such columns) finds it; a value compared with such a column must
go through this type (an ORM or Core comparison does; raw SQL must bind ``to_stored(digest)``).

PostgreSQL keeps its text columns exactly as before (same DDL, same values).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# The same test in SQL (SQLite's GLOB is case-sensitive): what migration 0024 converts in place.
SQL_IS_LOWER_HEX = "typeof({column}) = 'text' AND length({column}) % 2 = 0 AND {column} <> '' " \
                   "AND {column} NOT GLOB '*[^0-9a-f]*'"


def to_stored(value: str | None) -> bytes | str | None:
    """What SQLite stores for ``value``: the bytes of a lowercase hex digest, anything else as it is."""
    if not value:
        return value
    # bytes.fromhex also takes capitals and spaces: only a value its bytes spell exactly is stored as them.
    # (Four times faster than a regular expression first, on the demo loader's four digests a case.)
    try:
        stored = bytes.fromhex(value)
    except ValueError:
        return value
    return stored if stored.hex() == value else value


def from_stored(value: Any) -> str | None:
    """The application's value of a stored one (a BLOB is read back as lowercase hex)."""
    if value is None or isinstance(value, str):
        return value
    return bytes(value).hex()


class HexDigest(TypeDecorator[str]):
    """A lowercase hex digest: a BLOB of its bytes on SQLite, text elsewhere (``HexDigest(64)``: VARCHAR(64))."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        if dialect.name != "sqlite":
            return value
        return to_stored(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return from_stored(value)

    def literal_processor(self, dialect: Dialect) -> Any:
        # A value written inline (``literal_binds``) must name what is stored, as a bound one does.
        quote = self.impl_instance.literal_processor(dialect)
        if dialect.name != "sqlite" or quote is None:
            return quote

        def process(value: str | None) -> str:
            stored = to_stored(value)
            return f"X'{value}'" if isinstance(stored, bytes) else quote(value)

        return process
