"""Declarative base and column types shared by every table."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Date, DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def utc_micros(value: datetime) -> int:
    """An aware datetime as whole microseconds since the Unix epoch, UTC (exact: integer arithmetic)."""
    return (value - EPOCH) // _MICROSECOND


def from_utc_micros(value: int) -> datetime:
    """The aware UTC datetime of ``utc_micros`` (exact)."""
    return EPOCH + timedelta(microseconds=value)


def stored_utc(value: Any) -> datetime:
    """A stored UTC time as its aware datetime, whatever form the row holds: an integer (SQLite since
    migration 0022), the text SQLite held before it (a file not yet upgraded, a row written by hand), or the
    naive datetime PostgreSQL's driver returns."""
    if isinstance(value, int):
        return from_utc_micros(value)
    stored: datetime = datetime.fromisoformat(value) if isinstance(value, str) else value
    if stored.tzinfo is not None:
        return stored.astimezone(UTC)
    return stored.replace(tzinfo=UTC)


def sqlite_utc_text(column: str, separator: str = " ") -> str:
    """SQLite SQL for a stored UTC time as the text 'YYYY-MM-DD HH:MM:SS.ffffff' (``separator`` between date
    and time): integer microseconds converted (whole seconds floored, so times before 1970 too), text as it is."""
    fraction = f"((({column} % 1000000) + 1000000) % 1000000)"
    return (f"CASE WHEN typeof({column}) = 'integer' THEN strftime('%Y-%m-%d{separator}%H:%M:%S', "
            f"({column} - {fraction}) / 1000000, 'unixepoch') || '.' || substr('00000' || {fraction}, -6) "
            f"ELSE replace({column}, ' ', '{separator}') END")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored in UTC, read back aware.

    PostgreSQL: ``timestamp without time zone`` holding naive UTC. SQLite (issue 17): an INTEGER of
    microseconds since the Unix epoch, 8 bytes where the text 'YYYY-MM-DD HH:MM:SS.ffffff' took 26, in the
    row and in every index that holds the column (``received_at`` is in about ten). The columns stay
    declared DATETIME (NUMERIC affinity), so an integer is stored as one; integers sort and compare in time
    order, as the text did. Older text rows still read (``stored_utc``); migration 0022 converts them."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(DateTime(timezone=False))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        if dialect.name == "sqlite":
            return utc_micros(value)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return stored_utc(value)


EPOCH_DAY = date(1970, 1, 1)


def stored_day(value: Any) -> date:
    """A stored calendar date, whatever form the row holds: SQLite's day number since 1970-01-01 (since
    migration 0022), its text 'YYYY-MM-DD' before, or the date PostgreSQL's driver returns."""
    if isinstance(value, int):
        return EPOCH_DAY + timedelta(days=value)
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value  # type: ignore[no-any-return]


class CalendarDate(TypeDecorator[date]):
    """Calendar dates (due dates). PostgreSQL: ``date``. SQLite (issue 17): an INTEGER of days since
    1970-01-01, 2 bytes where the text 'YYYY-MM-DD' took 10, in the row and in the indexes that hold it
    (the due date is in three); integers sort as the dates do. The columns stay declared DATE (NUMERIC
    affinity). Older text rows still read (``stored_day``); migration 0022 converts them."""

    impl = Date
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Integer())
        return dialect.type_descriptor(Date())

    def process_bind_param(self, value: date | None, dialect: Dialect) -> date | int | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return value.toordinal() - EPOCH_DAY.toordinal()
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        if value is None:
            return None
        return stored_day(value)


class SearchTerm(TypeDecorator[str]):
    """Folded search keys: byte-order collation on PostgreSQL so prefix ranges use the index."""

    impl = String(160)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(String(160, collation="C"))
        return dialect.type_descriptor(String(160))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)
