"""Many rows into one table at once: COPY on PostgreSQL (one stream, no round trip per row), one prepared
``executemany`` on SQLite. Used where cases arrive by the hundred (sync chunks, bundles, the demo loader).
Runs inside the session's transaction; Python-side column defaults are applied as an ORM insert would, and
every value goes through its column's own bind processing (the same stored bytes as an ORM insert).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Table, insert
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from officer_desk.models.base import Base


@dataclass
class Prepared:
    """Rows of one table ready for the driver: column names and, per row, the bind-processed values (what
    the driver stores, as an ORM insert would send it). Plain data: it can be built in another process."""

    table: str
    columns: list[str]
    values: list[tuple[Any, ...]]


def dialect_named(name: str) -> Dialect:
    """A dialect by ``name+driver`` (``Dialect.name``/``.driver`` of an engine), for preparing rows in a
    process that has no engine (the demo loader's workers)."""
    return cast(Dialect, make_url(f"{name}://").get_dialect()())


def prepare_rows(model: type[Base], rows: list[dict[str, Any]], dialect: Dialect) -> Prepared:
    """The rows as the driver takes them: every column present, defaults applied, values bind-processed."""
    table = cast(Table, model.__table__)
    if not rows:
        return Prepared(table.name, [], [])
    keys = rows[0].keys()
    if not all(row.keys() == keys for row in rows):
        rows = _complete(table, rows)  # rows of an older wire may lack columns: fill each row's own gaps
        keys = rows[0].keys()
    defaults = _defaults(table, set(keys))  # the same for every row now
    given = sorted(keys)
    fill = [defaults[name] for name in sorted(defaults)]
    columns = given + sorted(defaults)
    processors: list[Callable[[Any], Any] | None] = [
        # COPY takes JSON as text, serialised as the ORM does; elsewhere the column's own processing.
        (lambda v: None if v is None else json.dumps(v))
        if dialect.name == "postgresql" and isinstance(table.c[name].type, JSON)
        else table.c[name].type._cached_bind_processor(dialect) for name in columns]
    bind = [(index, proc) for index, proc in enumerate(processors) if proc is not None]
    take = itemgetter(*given)
    values: list[tuple[Any, ...]] = []
    for row in rows:
        picked = take(row)
        if len(given) == 1:
            picked = (picked,)
        if fill:
            picked = (*picked, *[default() for default in fill])
        if bind:
            listed = list(picked)
            for index, proc in bind:
                listed[index] = proc(listed[index])
            picked = tuple(listed)
        values.append(picked)
    return Prepared(table.name, columns, values)


def insert_rows(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows: COPY on PostgreSQL (one stream, no per-row round trip), executemany on SQLite."""
    if not rows:
        return
    dialect = session.connection().dialect
    if dialect.name not in ("sqlite", "postgresql"):
        session.execute(insert(cast(Table, model.__table__)), rows)
        return
    write_prepared(session, prepare_rows(model, rows, dialect))


def write_prepared(session: Session, prepared: Prepared) -> None:
    """Write rows made by ``prepare_rows`` for this session's dialect, in the session's transaction."""
    if not prepared.values:
        return
    connection = session.connection()
    names = ", ".join(f'"{name}"' for name in prepared.columns)
    if connection.dialect.name == "sqlite":
        # The driver's own executemany: SQLAlchemy's spends more time building parameters per row than
        # SQLite spends storing it.
        marks = ", ".join("?" for _name in prepared.columns)
        connection.exec_driver_sql(f'INSERT INTO "{prepared.table}" ({names}) VALUES ({marks})', prepared.values)
        return
    driver = connection.connection.driver_connection
    assert driver is not None
    statement = f'COPY "{prepared.table}" ({names}) FROM STDIN'
    import psycopg

    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for values in prepared.values:
                copy.write_row(values)
    except psycopg.Error as exc:
        # The driver's error as SQLAlchemy raises it for any statement (OperationalError for a lost
        # link, IntegrityError, DataError…), so callers handle a COPY like every other write.
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def new_ids(session: Session, model: type[Base], count: int) -> list[int]:
    """``count`` primary keys for rows about to be inserted in this transaction, ascending, so a bulk insert
    needs no ``RETURNING`` (which SQLAlchemy's batched insert reassembles at a cost that grows with the batch).

    PostgreSQL takes them from the column's sequence (never handed out twice, whatever other desks do).
    SQLite: the next ``rowid``s, as SQLite would give them (the tables have no AUTOINCREMENT); safe because a
    local write transaction holds the file's write lock from its ``BEGIN IMMEDIATE`` to its commit.
    """
    if count <= 0:
        return []
    table = cast(Table, model.__table__)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        sequence = connection.exec_driver_sql(
            "SELECT pg_get_serial_sequence(%(table)s, 'id')", {"table": table.name}).scalar_one()
        return sorted(connection.exec_driver_sql(
            "SELECT nextval(%(sequence)s) FROM generate_series(1, %(count)s)",
            {"sequence": sequence, "count": count}).scalars())
    if connection.dialect.name != "sqlite" or not connection.in_transaction():
        raise RuntimeError("new_ids needs a write transaction on SQLite or PostgreSQL")
    last = connection.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table.name}"').scalar_one()
    return list(range(last + 1, last + 1 + count))


# SQLite keeps the status counts with a row trigger per inserted case (migration 0003): for a bulk insert it
# runs an upsert per row and makes every row's insert keep a statement journal (a copy of each page the
# row touches that the transaction already changed) in case the trigger fails halfway.
STATUS_COUNT_TRIGGER = "trg_cases_count_insert"


@contextmanager
def status_counts_per_batch(session: Session, statuses: Iterable[str]) -> Iterator[None]:
    """Cases inserted inside this block are counted once, by status, as the block ends: on SQLite the
    per-row count trigger is dropped for the block and re-created, with its stored text, before the
    transaction commits. DDL is part of the transaction on SQLite, so an error rolls the drop back with the
    rows, and no other connection can insert a case meanwhile (the write transaction holds the file's
    write lock from its ``BEGIN IMMEDIATE``). ``statuses``: those of every case the block inserts.
    Elsewhere (PostgreSQL counts per statement already) the block runs as it is."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    if not connection.in_transaction():
        raise RuntimeError("status_counts_per_batch needs the write transaction the cases go into")
    trigger = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (STATUS_COUNT_TRIGGER,)).scalar()
    if trigger is None:
        raise RuntimeError(f"the status count trigger {STATUS_COUNT_TRIGGER} is missing")
    connection.exec_driver_sql(f"DROP TRIGGER {STATUS_COUNT_TRIGGER}")
    yield
    counted = Counter(statuses)
    if counted:
        connection.exec_driver_sql(
            "INSERT INTO case_status_counts (status, n) VALUES (?, ?) "
            "ON CONFLICT (status) DO UPDATE SET n = n + excluded.n", list(counted.items()))
    connection.exec_driver_sql(trigger)


def _defaults(table: Table, keys: set[str]) -> dict[str, Callable[[], Any]]:
    """The columns' Python defaults for the columns a row lacks (an older wire may lack a column; COPY
    applies no Python default)."""
    defaults: dict[str, Callable[[], Any]] = {}
    for column in table.columns:
        if column.name in keys or column.primary_key or column.default is None:
            continue
        default = column.default
        if getattr(default, "is_scalar", False):
            defaults[column.name] = (lambda value: lambda: value)(default.arg)  # type: ignore[attr-defined]
        elif getattr(default, "is_callable", False):
            defaults[column.name] = (lambda fn: lambda: fn(None))(default.arg)  # type: ignore[attr-defined]
    return defaults


def _complete(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Same keys in every row, with the columns' Python defaults where a row lacks one."""
    keys = {key for row in rows for key in row}
    defaults = _defaults(table, keys)
    return [{name: row[name] if name in row else (defaults[name]() if name in defaults else None)
             for name in sorted(keys | set(defaults))} for row in rows]
