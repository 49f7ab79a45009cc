"""A smaller desk (issue 17): SQLite stores UTC times and due dates as integers.

``models.base.UtcDateTime`` wrote the 26-byte text 'YYYY-MM-DD HH:MM:SS.ffffff' on SQLite; it now writes an
8-byte integer of microseconds since the Unix epoch, in the row and in every index that holds the column: a
case has nine such times, two events with their ``at``, and ``received_at`` sits in about ten indexes (about
350 of 2,370 bytes a case). ``models.base.CalendarDate`` (the due dates) wrote 'YYYY-MM-DD' (10 bytes) and
now writes the day number since 1970-01-01 (2 bytes), in the row and three indexes. Here every value already
stored is converted in place, a batch of rows at a time (by rowid). The columns stay declared DATETIME and
DATE: NUMERIC affinity keeps an integer an integer, so no table is rebuilt. The readers accept text as well,
so a value this could not read (text in a form SQLAlchemy never wrote and Python cannot parse) keeps its
text rather than being lost. The trigger that copies an apology's old due date from the event's JSON details
into ``original_due_date`` (0014) now stores its day number.

While the times change, the indexes that hold them are dropped and then created again from their stored
SQL (one sorted build each, not a delete and insert per row and index), and the triggers on the table are
dropped and created again, so the conversion fires none of them (DDL is part of the transaction on
SQLite: an error rolls it all back). PostgreSQL keeps ``timestamp without time zone``: nothing to do there.
The downgrade writes back the exact text SQLAlchemy wrote. The space freed inside the file is reused by new
rows; the file itself shrinks only by a VACUUM (a backup and restore does one).

Revision ID: 0022_sqlite_integer_times
Revises: 0023_current_record_once
Create Date: 2026-12-06
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from alembic import op

revision: str = "0022_sqlite_integer_times"
down_revision: str | Sequence[str] | None = "0023_current_record_once"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every UtcDateTime column at this revision (models/tables.py, models/sync_tables.py), by table.
TIMES = {
    "attachment_blobs": ["created_at"],
    "audit_entries": ["at"],
    "audit_seals": ["at"],
    "case_events": ["at"],
    "case_work_spans": ["started_at", "ended_at"],
    "cases": ["received_at", "assigned_at", "receipt_issued_at", "appointment_at", "clock_started_at",
              "screened_at", "created_at", "updated_at", "result_at"],
    "findings": ["created_at", "decided_at"],
    "officer_certificates": ["not_after", "created_at"],
    "officers": ["created_at", "password_changed_at", "last_failed_at", "last_sign_in_at"],
    "outbox_items": ["created_at"],
    "signed_documents": ["created_at"],
    "sync_applied_bundles": ["applied_at"],
    "sync_bases": ["synced_at"],
    "sync_conflicts": ["created_at", "resolved_at"],
    "sync_desks": ["registered_at"],
    "sync_routes": ["routed_at"],
    "sync_trusted_identities": ["trusted_at"],
}
# Every CalendarDate column (the Date columns before this revision).
DAYS = {"cases": ["due_date", "original_due_date"], "case_due_counts": ["due_date"]}
BATCH = 20_000  # rowids per UPDATE
EPOCH = datetime(1970, 1, 1)
MICROSECOND = timedelta(microseconds=1)
JULIAN_EPOCH_DAY = 2440587.5  # julianday('1970-01-01')
D = "[0-9]"
# The forms a stored text takes: SQLAlchemy's (always six fractional digits), and whole seconds (a row
# written by hand or by the sqlite3 driver's own adapter). Both converted in SQL; anything else in Python.
WITH_FRACTION = f"{D * 4}-{D * 2}-{D * 2} {D * 2}:{D * 2}:{D * 2}.{D * 6}"
WHOLE_SECONDS = f"{D * 4}-{D * 2}-{D * 2} {D * 2}:{D * 2}:{D * 2}"
DAY = f"{D * 4}-{D * 2}-{D * 2}"

RESCHEDULED = """CREATE TRIGGER trg_case_events_rescheduled AFTER INSERT ON case_events
         WHEN NEW.action = 'rescheduled' BEGIN
         UPDATE cases SET original_due_date = COALESCE(original_due_date,
                                                       {old_due_date}),
                          result_timing = NULL, processing_days = NULL
           WHERE id = NEW.case_id;
       END"""
OLD_DUE_DATE = "json_extract(NEW.details, '$.old_due_date')"  # 0014: the text 'YYYY-MM-DD'
OLD_DUE_DAY = f"CAST(julianday({OLD_DUE_DATE}) - {JULIAN_EPOCH_DAY} AS INTEGER)"


def _time_to_integer(column: str) -> str:
    """The integer of a text time in one of the two forms; any other value as it is. The date and time must
    come back unchanged from SQLite's own reading (it would roll 30 February over to March)."""
    whole = f"substr({column}, 1, 19)"
    seconds = f"CAST(strftime('%s', {whole}) AS INTEGER) * 1000000"
    valid = f"strftime('%Y-%m-%d %H:%M:%S', strftime('%s', {whole}), 'unixepoch') = {whole}"
    return (f"CASE WHEN typeof({column}) <> 'text' THEN {column}"
            f" WHEN {column} GLOB '{WITH_FRACTION}' AND {valid}"
            f" THEN {seconds} + CAST(substr({column}, 21, 6) AS INTEGER)"
            f" WHEN {column} GLOB '{WHOLE_SECONDS}' AND {valid} THEN {seconds}"
            f" ELSE {column} END")


def _time_to_text(column: str) -> str:
    """SQLAlchemy's text of an integer time (models.base.sqlite_utc_text as it was at this revision)."""
    fraction = f"((({column} % 1000000) + 1000000) % 1000000)"
    return (f"CASE WHEN typeof({column}) = 'integer' THEN strftime('%Y-%m-%d %H:%M:%S', "
            f"({column} - {fraction}) / 1000000, 'unixepoch') || '.' || substr('00000' || {fraction}, -6) "
            f"ELSE {column} END")


def _day_to_integer(column: str) -> str:
    return (f"CASE WHEN typeof({column}) = 'text' AND {column} GLOB '{DAY}' AND date(julianday({column})) = {column}"
            f" THEN CAST(julianday({column}) - {JULIAN_EPOCH_DAY} AS INTEGER) ELSE {column} END")


def _day_to_text(column: str) -> str:
    return f"CASE WHEN typeof({column}) = 'integer' THEN date({column} * 86400, 'unixepoch') ELSE {column} END"


def _parsed_time(value: str) -> int | None:
    """A text time in any ISO form Python reads, as microseconds; None where it reads none (kept as text)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment - EPOCH) // MICROSECOND


def _parsed_day(value: str) -> int | None:
    try:
        return (date.fromisoformat(value) - EPOCH.date()).days
    except ValueError:
        return None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _convert(TIMES, _time_to_integer, _parsed_time)
        _convert(DAYS, _day_to_integer, _parsed_day)
        _rescheduled_trigger(OLD_DUE_DAY)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rescheduled_trigger(OLD_DUE_DATE)
        _convert(DAYS, _day_to_text, None)
        _convert(TIMES, _time_to_text, None)


def _rescheduled_trigger(old_due_date: str) -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_case_events_rescheduled")
    op.execute(RESCHEDULED.format(old_due_date=old_due_date))


def _convert(tables: dict[str, list[str]], expression: Callable[[str], str],
             parsed: Callable[[str], int | None] | None) -> None:
    """Every value of ``tables``' columns through ``expression`` (SQL), a batch of rowids at a time; then, to
    integers, the text SQL left (another form) through ``parsed``."""
    bind = op.get_bind()
    present = {name for (name,) in bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in tables.items():
        if table not in present:
            continue
        indexes, triggers = _set_aside(table, columns)
        last = bind.exec_driver_sql(f'SELECT max(rowid) FROM "{table}"').scalar() or 0
        assignments = ", ".join(f'"{column}" = {expression(column)}' for column in columns)
        for low in range(0, last, BATCH):
            bind.exec_driver_sql(f'UPDATE "{table}" SET {assignments} WHERE rowid > ? AND rowid <= ?',
                                 (low, low + BATCH))
        if parsed is not None:
            for column in columns:
                rows = bind.exec_driver_sql(
                    f'SELECT rowid, "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\'').all()
                changed = [(value, rowid) for rowid, text in rows if (value := parsed(text)) is not None]
                if changed:
                    bind.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', changed)
        for sql in (*indexes, *triggers):
            bind.exec_driver_sql(sql)


def _set_aside(table: str, columns: list[str]) -> tuple[list[str], list[str]]:
    """Drop the table's indexes that hold one of ``columns`` (as a key or in a partial index's condition) and
    every trigger on the table; returns the SQL that creates them again."""
    bind = op.get_bind()
    words = re.compile(r"\b(" + "|".join(re.escape(column) for column in columns) + r")\b")
    indexes: list[str] = []
    for name, sql in bind.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table,)).all():
        keys = {row[2] for row in bind.exec_driver_sql(f'PRAGMA index_info("{name}")')}
        if keys & set(columns) or words.search(sql.split(" WHERE ", 1)[1] if " WHERE " in sql else ""):
            indexes.append(sql)
            bind.exec_driver_sql(f'DROP INDEX "{name}"')
    triggers: list[str] = []
    for name, sql in bind.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)).all():
        triggers.append(sql)
        bind.exec_driver_sql(f'DROP TRIGGER "{name}"')
    return indexes, triggers
