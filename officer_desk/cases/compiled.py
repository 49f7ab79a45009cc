"""Queue statements compiled once per shape: the hot read paths without per-call SQL building.

Building a ``select()``, computing its cache key and adapting its result metadata cost the window's queue
page about 0.8 ms of Python per call — more than the query itself on PostgreSQL (profiled with cProfile at
100,000 cases: the statement construction, ``_generate_cache_key``, ``_adapt_to_context`` and the per-row
type processing). A ``CompiledRead`` is one such statement compiled once per database dialect; each call
only binds its varying values and runs the SQL text as it is (``exec_driver_sql``: SQLAlchemy's error
handling, disconnect detection and events still apply). The text is the same on every call, so
PostgreSQL's driver prepares it after a few executions and the server stops planning it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import CompoundSelect, Connection, Date, Select, literal_column
from sqlalchemy.engine import Dialect

Processor = Callable[[Any], Any]

# Where a statement's page window sits inside it (a subquery's LIMIT and OFFSET, see ``inner_page``) rather
# than at its end: comments the SQL text keeps, each before a placeholder number, replaced on every call.
PAGE_LIMIT = "/*page limit*/ 1"
PAGE_OFFSET = "/*page offset*/ 0"


def inner_page(query: Select[Any]) -> Select[Any]:
    """``query`` cut to the page ``CompiledRead.rows`` is asked for, wherever ``query`` ends up in a larger
    statement (e.g. as the subquery of ids a page's rows are joined to)."""
    return query.limit(literal_column(PAGE_LIMIT)).offset(literal_column(PAGE_OFFSET))


class CompiledRead:
    """One read statement compiled for one dialect: SQL text, fixed parameter values, parameter order for
    positional drivers, and the result conversions SQLAlchemy's types would apply (e.g. aware UTC times)."""

    def __init__(self, statement: Select[Any] | CompoundSelect[Any], dialect: Dialect, varying: Sequence[str]) -> None:
        # Every parameter carries a value (that of the first call): rendering the expanded IN lists needs them.
        compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        self.sql = compiled.string
        self._inner_page = PAGE_LIMIT in self.sql
        self.varying = tuple(varying)
        missing = set(self.varying) - set(compiled.binds)
        if missing:
            raise ValueError(f"statement has no parameters {sorted(missing)}")
        self._fixed = {name: value for name, value in compiled.construct_params().items()
                       if name not in self.varying}
        self._positions = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
        self._binds: dict[str, Processor | None] = {
            name: compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in self.varying
        }
        # Dates written into the SQL text as constants on PostgreSQL (named placeholders), not bound: with a
        # bound date (the queue's "today") the server plans the prepared statement again on every call (its
        # custom plans looked cheaper than the generic one): 0.3-0.4 ms of a 1.2 ms page 1,000 rows down the
        # overdue tab at 1,000,000 cases (bench/README.md, session 7). The text then changes once a day.
        self._dates = tuple(
            name for name in self.varying
            if dialect.paramstyle == "pyformat" and compiled.binds[name].type._type_affinity is Date
            and f"%({name})s" in self.sql)
        results = [column.type.dialect_impl(dialect).result_processor(dialect, None)
                   for column in statement.selected_columns]
        # Only the columns that need it are converted (on PostgreSQL: the aware UTC times).
        self._converted: tuple[tuple[int, Processor], ...] = tuple(
            (index, process) for index, process in enumerate(results) if process is not None)

    def parameters(self, values: Mapping[str, Any]) -> dict[str, Any] | tuple[Any, ...]:
        params = dict(self._fixed)
        for name in self.varying:
            if name in self._dates:
                continue  # in the text (``_text``)
            value = values[name]
            process = self._binds[name]
            params[name] = process(value) if process is not None and value is not None else value
        if self._positions is not None:
            return tuple(params[name] for name in self._positions)
        return params

    def rows(self, connection: Connection, values: Mapping[str, Any],
             limit: int | None = None, offset: int = 0) -> list[tuple[Any, ...]]:
        """Run it on ``connection``; every row converted as SQLAlchemy's column types would.

        ``limit``/``offset`` are written into the SQL as numbers, not parameters: PostgreSQL plans a
        prepared statement once for every value ("generic plan"), and with an unknown LIMIT it expects a
        tenth of the table and picks plans that cost 10-30 ms at 1,000,000 cases instead of 0.1 ms."""
        sql = self._text(values)
        if self._inner_page:
            if limit is None:
                raise ValueError("a statement with an inner page needs its limit")
            sql = sql.replace(PAGE_LIMIT, str(int(limit))).replace(PAGE_OFFSET, str(int(offset)))
        elif limit is not None:
            sql = f"{sql} LIMIT {int(limit)} OFFSET {int(offset)}"
        raw = connection.exec_driver_sql(sql, self.parameters(values)).all()
        converted = self._converted
        if not converted:
            return [tuple(row) for row in raw]
        rows: list[tuple[Any, ...]] = []
        for row in raw:
            out = list(row)
            for index, process in converted:
                if out[index] is not None:
                    out[index] = process(out[index])
            rows.append(tuple(out))
        return rows

    def _text(self, values: Mapping[str, Any]) -> str:
        sql = self.sql
        for name in self._dates:
            value = values[name]
            if not isinstance(value, date) or isinstance(value, datetime):
                raise TypeError(f"{name} must be a date, not {type(value).__name__}")
            sql = sql.replace(f"%({name})s", f"'{value.isoformat()}'")  # ISO digits and dashes only
        return sql


class CompiledReads:
    """A small per-process cache of ``CompiledRead`` keyed by dialect and a caller's shape key."""

    def __init__(self, limit: int = 256) -> None:
        self._limit = limit
        self._items: dict[tuple[Any, ...], CompiledRead] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], dialect: Dialect,
            build: Callable[[], tuple[Select[Any] | CompoundSelect[Any], Sequence[str]]]) -> CompiledRead:
        full = (dialect.name, dialect.paramstyle, *key)
        found = self._items.get(full)
        if found is not None:
            return found
        statement, varying = build()
        compiled = CompiledRead(statement, dialect, varying)
        with self._lock:
            if len(self._items) >= self._limit:
                self._items.clear()  # filter shapes are few; a runaway key never grows memory
            self._items[full] = compiled
        return compiled
