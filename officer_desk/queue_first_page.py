"""The queue's first page read straight from the database, before the desk is opened (issue 17).

The window shows these rows while the desk opens behind them (SQLAlchemy, the ORM classes, the catalogue,
the calendar and the window's own modules: most of a second on an office PC). Like ``screen``'s duplicate
lookup (``officer_desk.queue_lookup``) it needs no database layer: one statement on ``cases`` through the
SQLCipher driver itself (``query_only``), or through psycopg on PostgreSQL — no ORM, no table classes, no
migration, no write. It is the same page ``CaseQueue.page`` gives for the window's first filter (every
case, in the header's sort order); ``tests/integration/test_queue_first_page.py`` holds them equal.

A set-up desk is never read here: its officer signs in before any personal data is shown, so on such a
home (the same rule as ``accounts.service.home_kind``) this returns None and the window starts as before.
Any other reason it cannot read (no database yet, a key it cannot find, an older schema that the desk will
upgrade, a locked or unreachable database) is also None: the preview is an optimisation, never an error.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from officer_desk.paths import Home
from officer_desk.schema_version import HEAD_REVISION

log = logging.getLogger("officer_desk.queue")

# Same names as accounts.service (a test keeps them equal), read here so the
# first page imports no database layer.
HOME_KIND_KEY = "home_kind"
SET_UP = "set_up"
PAGE_SIZE = 50

# The queue's sort keys (``cases.queue.SORT_COLUMNS``) as columns of ``cases c``.
SORT_SQL = {
    "dossier_code": "c.dossier_code",
    "applicant_name": "c.applicant_name",
    "procedure_code": "c.procedure_code",
    "channel": "c.channel",
    "received_at": "c.received_at",
    "due_date": "c.due_date",
    "status": "c.status",
    "assigned_officer": "c.assigned_officer_id",
    "worst_severity": "c.open_finding_count",
}
_PAGE_SQL = (
    "SELECT c.id, c.dossier_code, c.applicant_name, c.procedure_code, c.channel, c.received_at, c.due_date,"
    " c.status, o.username, c.worst_severity, c.open_finding_count, c.receipt_issued_at"
    " FROM cases c LEFT JOIN officers o ON o.id = c.assigned_officer_id"
    " ORDER BY {column} {direction}, c.id {direction} LIMIT {limit}"
)
_SET_UP_SQL = (
    "SELECT 1 FROM desk_settings WHERE key = '" + HOME_KIND_KEY + "' AND value = '" + SET_UP + "'"
    " UNION ALL SELECT 1 FROM officers WHERE password_hash IS NOT NULL"
)


@dataclass(frozen=True)
class FirstPageRow:
    """One queue row, the fields of ``cases.views.CaseRow`` (which this module does not import)."""

    id: int
    dossier_code: str
    applicant_name: str
    procedure_code: str
    channel: str
    received_at: datetime
    due_date: date | None
    status: str
    assigned_officer: str | None
    worst_severity: str | None
    open_finding_count: int
    receipt_issued: bool


def page_sql(sort: str, descending: bool, limit: int = PAGE_SIZE) -> str:
    column = SORT_SQL.get(sort, SORT_SQL["received_at"])
    return _PAGE_SQL.format(column=column, direction="DESC" if descending else "ASC", limit=int(limit))


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _aware(value: Any) -> datetime:
    # As models.base.stored_utc (not imported: no database layer here): SQLite holds microseconds since the
    # epoch (migration 0022), or text before it; PostgreSQL returns naive UTC.
    if isinstance(value, int):
        return _EPOCH + timedelta(microseconds=value)
    stored = datetime.fromisoformat(value) if isinstance(value, str) else value
    return stored.replace(tzinfo=UTC)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, int):  # SQLite: days since 1970-01-01 (models.base.CalendarDate, migration 0022)
        return _EPOCH.date() + timedelta(days=value)
    return date.fromisoformat(value) if isinstance(value, str) else value


def _row(row: tuple[Any, ...]) -> FirstPageRow:
    return FirstPageRow(
        id=int(row[0]), dossier_code=row[1], applicant_name=row[2], procedure_code=row[3], channel=row[4],
        received_at=_aware(row[5]), due_date=_day(row[6]), status=row[7], assigned_officer=row[8],
        worst_severity=row[9], open_finding_count=int(row[10] or 0), receipt_issued=row[11] is not None,
    )


def read_first_page(home: Home, sort: str = "received_at", descending: bool = True, url: str | None = None,
                    limit: int = PAGE_SIZE) -> list[FirstPageRow] | None:
    """The first ``limit`` rows of the whole queue in this order; None where they must not or cannot be
    read before the desk opens (a set-up desk, no database, any failure: see the module's note)."""
    try:
        from officer_desk.config import database_url

        target = database_url(home, url)
        if target:
            return _read_postgresql(target, sort, descending, limit)
        if not home.database.exists():
            return None
        return _read_file(home, sort, descending, limit)
    except Exception as exc:  # noqa: BLE001 - the window opens as before; the desk reports real errors
        log.info("first queue page not read before the desk opened: %s", type(exc).__name__)
        return None


def upgrade_pending(home: Home, url: str | None = None) -> bool:
    """Whether the database holds an older schema that opening the desk will upgrade first (the window then
    says so: at 1,000,000 cases an upgrade can take minutes). False where it cannot tell (no database yet, a
    key it cannot find, an unreachable server): the desk's own opening reports those."""
    try:
        from officer_desk.config import database_url

        target = database_url(home, url)
        if target:
            with _postgresql_connection(target) as connection:
                return _stored_revision(connection) != HEAD_REVISION
        if not home.database.exists():
            return False
        connection = _file_connection(home)
        try:
            return _stored_revision(connection) != HEAD_REVISION
        finally:
            connection.close()
    except Exception as exc:  # noqa: BLE001 - only a message depends on it
        log.info("schema revision not read before the desk opened: %s", type(exc).__name__)
        return False


def _stored_revision(connection: Any) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def _file_connection(home: Home) -> Any:
    """A read-only SQLCipher connection to the desk file (the driver itself, no database layer)."""
    import sqlcipher3

    from officer_desk.security import load_database_key

    key = load_database_key(home, create=False)
    connection = sqlcipher3.dbapi2.connect(str(home.database), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA query_only = ON")  # this reader never writes, whatever runs on it
        connection.execute("PRAGMA busy_timeout = 2000")
    except Exception:
        connection.close()
        raise
    return connection


def _postgresql_connection(url: str) -> Any:
    import psycopg

    conninfo = url
    for prefix in ("postgresql+psycopg://", "postgres://"):
        if conninfo.startswith(prefix):
            conninfo = "postgresql://" + conninfo[len(prefix):]
    connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=3)
    try:
        connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    except Exception:
        connection.close()
        raise
    return connection


def _read_file(home: Home, sort: str, descending: bool, limit: int) -> list[FirstPageRow] | None:
    connection = _file_connection(home)
    try:
        if connection.execute(_SET_UP_SQL).fetchone() is not None:
            return None  # sign-in first
        return [_row(row) for row in connection.execute(page_sql(sort, descending, limit))]
    finally:
        connection.close()


def _read_postgresql(url: str, sort: str, descending: bool, limit: int) -> list[FirstPageRow] | None:
    with _postgresql_connection(url) as connection:
        if connection.execute(_SET_UP_SQL).fetchone() is not None:
            return None  # sign-in first
        return [_row(tuple(row)) for row in connection.execute(page_sql(sort, descending, limit))]  # type: ignore[arg-type]
