"""The window's search as you type in statements compiled once (issue 17): term ranges, candidates in the
queue's filter and order, rows by id.

Each keystroke used to build three to five ``select()`` afresh, and two of them held an ``IN (...)`` list whose
length varied with the hits: SQLAlchemy computed a cache key and rendered the expanded list on every call (and
PostgreSQL could never reuse a prepared statement, its text changing with the count). Here a list of ids is one
parameter — ``json_each(?)`` on SQLite, ``= ANY(%(ids)s::INTEGER[])`` on PostgreSQL — so each
statement's SQL text is constant per filter shape and compiled once per process (``CompiledRead``); a call
only binds its values. Results are exactly those of the SQLAlchemy-built statements they replace (tests:
tests/integration/test_search_reads.py, on both back-ends).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Integer, Select, any_, bindparam, func, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect

from officer_desk.cases.compiled import CompiledRead, CompiledReads
from officer_desk.models import Case, CaseSearchTerm

_COMPILED = CompiledReads()
IDS = "ids"


def ids_condition(dialect: Dialect) -> Any:
    """``cases.id`` is one of the ids bound as the single parameter ``ids`` (see ``ids_value``)."""
    if dialect.name == "postgresql":
        return Case.id == any_(bindparam(IDS, None, type_=ARRAY(Integer)))  # psycopg renders %(ids)s::INTEGER[]
    # json_each's rows feed an IN list SQLite builds itself; the cases are then read by rowid.
    return Case.id.in_(select(literal_column("value")).select_from(func.json_each(bindparam(IDS, None))))


def ids_value(dialect: Dialect, ids: Sequence[int]) -> Any:
    """What ``ids_condition``'s parameter is bound to."""
    if dialect.name == "postgresql":
        return [int(i) for i in ids]
    return json.dumps([int(i) for i in ids])


def candidate_ids(connection: Connection, keys: Sequence[str], limit: int, per_key: int) -> list[int]:
    """The first ``limit`` distinct case ids of the first ``per_key`` hits of each key in turn, in (term, case id)
    order: exactly ``dedupe(hits(key1)[:per_key] + hits(key2)[:per_key] + ...)[:limit]``.

    A key's hits are read ``limit`` at a time (then the rest of its ``per_key``) and the reading stops as soon as
    ``limit`` distinct ids are known: the first ``limit`` hits of the first key usually are (a case has several
    terms, but rarely two side by side in one range), where reading ``per_key`` up front fetched 4x the rows."""
    found: dict[int, None] = {}
    for key in keys:
        bounds = {"low": key, "high": key + "\uffff"}
        first = min(limit, per_key)
        for offset, count in ((0, first), (first, per_key - first)):
            if count <= 0:
                break
            rows = _term_statement(connection).rows(connection, bounds, limit=count, offset=offset)
            found.update(dict.fromkeys(row[0] for row in rows))
            if len(found) >= limit:
                return list(found)[:limit]
            if len(rows) < count:
                break  # the range has no more hits
    return list(found)


def _term_statement(connection: Connection) -> CompiledRead:
    """Case ids whose stored term lies in [low, high), in (term, case id) order."""

    def build() -> tuple[Select[Any], list[str]]:
        term = CaseSearchTerm.term
        low, high = bindparam("low", None, type_=term.type), bindparam("high", None, type_=term.type)
        query = (select(CaseSearchTerm.case_id).where(term >= low, term < high)
                 .order_by(term, CaseSearchTerm.case_id))
        return query, ["low", "high"]

    return _COMPILED.get(("term_hits",), connection.dialect, build)


def ordered_ids(connection: Connection, shape: tuple[Any, ...], values: dict[str, Any], ids: Sequence[int],
                build: Callable[[Any], Select[Any]]) -> list[int]:
    """``ids`` kept by a queue filter and put in its order: ``build(condition)`` is the filter's ``select`` of
    ``Case.id`` with the ids condition and the order applied; ``shape`` names the filter's shape (its compiled
    statement's key) and ``values`` its varying values."""
    dialect = connection.dialect

    def compile_() -> tuple[Select[Any], list[str]]:
        # The cases are read by id, never through a filter's index: at most a few hundred rowid lookups,
        # where SQLite's planner otherwise takes e.g. the "due soon" range of ix_cases_status_due and walks
        # every running case due in the next days (the IN list of the SQLAlchemy-built statement did too).
        query = build(ids_condition(dialect)).with_hint(Case, "NOT INDEXED", "sqlite")
        return query, [name for name in query.compile(dialect=dialect).binds if name in values or name == IDS]

    statement = _COMPILED.get(("search_order", *shape), dialect, compile_)
    return [row[0] for row in statement.rows(connection, {**values, IDS: ids_value(dialect, ids)})]


def rows_by_id(connection: Connection, ids: Sequence[int],
               build: Callable[[Any], Select[Any]]) -> list[tuple[Any, ...]]:
    """The rows ``build(condition)`` selects for ``ids`` (in the order the database returns them)."""
    dialect = connection.dialect

    def compile_() -> tuple[Select[Any], list[str]]:
        return build(ids_condition(dialect)), [IDS]

    statement: CompiledRead = _COMPILED.get(("rows_by_id",), dialect, compile_)
    return statement.rows(connection, {IDS: ids_value(dialect, ids)})
