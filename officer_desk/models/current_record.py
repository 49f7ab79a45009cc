"""A case's current record stored only when it differs from the record as received (issue 17, migration 0023).

A case keeps the dossier as received (``raw_json``) and its current values (``dossier_json``: officer
edits, supplements). Officers edit few dossiers, so the two were almost always the same text, stored
twice (124 bytes a case packed on SQLite; about 860 as PostgreSQL text). The column ``cases.dossier_json``
now holds NULL when the current record is the record as received, and every reader takes
``coalesce(dossier_json, raw_json)``: ``Case.dossier_json`` (tables.py) is that value in Python and in SQL,
the stored column is ``Case.stored_dossier_json``. Both back-ends store it so (same code): on SQLite the two
columns are packed the same way, on PostgreSQL both are text, so ``coalesce`` returns the record either way.

Writers set ``Case.dossier_json`` to the record; whether it is stored is decided when the row is written:
ORM writes by the flush hooks below, Core writes (a new case, the demo loader, a sync chunk) by
``stored_current``.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import event, func, inspect
from sqlalchemy.sql.elements import ColumnElement

from officer_desk.models.packed_json import PackedJson

T = TypeVar("T")


def stored_current(raw: str | None, current: str | None) -> str | None:
    """What ``cases.dossier_json`` stores for a current record ``current``: NULL when it is the record as
    received (the same text; a record equal in content but written differently stays, so that a reader gets
    the very text it got before)."""
    return None if current == raw else current


def current_record_expression(stored: Any, raw: Any) -> ColumnElement[str]:
    """The current record in SQL (packed on SQLite: the result is unpacked like either column)."""
    return func.coalesce(stored, raw, type_=PackedJson()).label("dossier_json")


def stores_current_record_once(cls: type[T]) -> type[T]:
    """Class decorator for ``Case``: its flushes store the current record only when it differs."""
    event.listen(cls, "before_insert", _before_write)
    event.listen(cls, "before_update", _before_write)
    return cls


def _before_write(_mapper: Any, _connection: Any, case: Any) -> None:
    state = inspect(case)
    stored = case.stored_dossier_json
    if stored is None and not state.attrs.stored_dossier_json.history.has_changes():
        # The record as received changes (a supplement, a sync) under a current record that was the old
        # one: the current record stays what it was. (raw_json keeps its old value: active_history.)
        replaced = state.attrs.raw_json.history.deleted
        if replaced and replaced[0] is not None:
            stored = replaced[0]
    stored = stored_current(case.raw_json, stored)
    if stored != case.stored_dossier_json:
        case.stored_dossier_json = stored
