"""Many rows into one table at once: COPY on PostgreSQL (one stream, no round trip per row), a plain
executemany on SQLite. Used where cases arrive by the hundred (sync chunks, bundles, the demo loader).
Runs inside the session's transaction; Python-side column defaults are applied as an ORM insert would.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import JSON, Table, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from officer_desk.models.base import Base


def insert_rows(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows: COPY on PostgreSQL (one stream, no per-row round trip), executemany elsewhere."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    rows = _complete(table, rows)
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    dialect = connection.dialect
    # The columns' own bind processing (aware datetimes to naive UTC), JSON serialised as the ORM does.
    processors: list[Callable[[Any], Any] | None] = [
        (lambda v: None if v is None else json.dumps(v)) if isinstance(table.c[name].type, JSON)
        else table.c[name].type._cached_bind_processor(dialect) for name in columns]
    names = ", ".join(f'"{name}"' for name in columns)
    driver = connection.connection.driver_connection
    assert driver is not None
    statement = f'COPY "{table.name}" ({names}) FROM STDIN'
    import psycopg

    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([value if proc is None else proc(value)
                                for proc, value in zip(processors, row.values(), strict=True)])
    except psycopg.Error as exc:
        # The driver's error as SQLAlchemy raises it for any statement (OperationalError for a lost
        # link, IntegrityError, DataError…), so callers handle a COPY like every other write.
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def _complete(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Same keys in every row, in one order, with the columns' Python defaults where a row lacks one
    (an older wire may lack a column; COPY applies no Python default)."""
    keys = {key for row in rows for key in row}
    defaults = {}
    for column in table.columns:
        if column.name in keys or column.primary_key or column.default is None:
            continue
        default = column.default
        if getattr(default, "is_scalar", False):
            defaults[column.name] = (lambda value: lambda: value)(default.arg)  # type: ignore[attr-defined]
        elif getattr(default, "is_callable", False):
            defaults[column.name] = (lambda fn: lambda: fn(None))(default.arg)  # type: ignore[attr-defined]
    order = sorted(keys) + sorted(defaults)
    return [{name: row[name] if name in row else (defaults[name]() if name in defaults else None)
             for name in order} for row in rows]
