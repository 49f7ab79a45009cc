"""The desk's open queue, read-only, for ``officer-desk screen FILE`` (duplicates against queued dossiers).

Only opened when the home has a database (its file, or a PostgreSQL URL): a file checked on a machine
without a desk stays a pure check. One plain SQL query on the ``cases`` table — the local file through the
SQLCipher driver itself (``query_only``), PostgreSQL through SQLAlchemy Core — no ORM, no table classes, no
migration, no write: ``screen FILE`` starts in a fraction of the desk's start-up (issue 17). The rule of
what is "open" is the lifecycle's, as in ``CaseFindings.open_duplicates_view``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from officer_desk.config import database_url
from officer_desk.errors import DatabaseKeyError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOSED_STATUSES
from officer_desk.paths import Home

# Two statements, not one with "(:id = '' OR applicant_id_number = :id)": SQLite cannot seek an index on an
# OR with a parameter, and would walk every case of the procedure (ix_cases_duplicates answers both).
_QUERY = (
    "SELECT dossier_code FROM cases WHERE procedure_code = :procedure AND subject_key = :subject{by_id} "
    "AND status NOT IN ({closed}) AND (:exclude = '' OR dossier_code <> :exclude) ORDER BY dossier_code LIMIT 10"
)


def lookup_sql(by_applicant: bool) -> tuple[str, dict[str, str]]:
    """The lookup's SQL (named parameters) and its fixed parameters: by applicant ID, or by event alone."""
    closed = sorted(s.value for s in CLOSED_STATUSES)
    names = ", ".join(f":closed{i}" for i in range(len(closed)))
    by_id = " AND applicant_id_number = :id_number" if by_applicant else ""
    return _QUERY.format(by_id=by_id, closed=names), {f"closed{i}": value for i, value in enumerate(closed)}


def has_database(home: Home) -> bool:
    """Whether the home has a queue to read: a PostgreSQL URL (option, environment, config) or its file."""
    return bool(database_url(home)) or home.database.exists()


Finder = Callable[[str, str, str, str | None], list[str]]


@contextmanager
def read_only_queue(home: Home) -> Iterator[Finder | None]:
    """A duplicate view over the home's queue, or None when the home has no database."""
    if not has_database(home):
        yield None
        return
    url = database_url(home)
    sql_event, closed = lookup_sql(by_applicant=False)
    sql_applicant = lookup_sql(by_applicant=True)[0]

    def parameters(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None,
                   ) -> tuple[str, dict[str, str]]:
        values = {**closed, "procedure": procedure_code, "subject": subject_key, "exclude": exclude_code or ""}
        if id_number:  # "" = a civil-status event, the same whoever files
            return sql_applicant, {**values, "id_number": id_number}
        return sql_event, values

    if url:
        with _postgresql_queue(url, parameters) as find:
            yield find
    else:
        with _file_queue(home, parameters) as find:
            yield find


@contextmanager
def _file_queue(home: Home, parameters: Callable[..., tuple[str, dict[str, str]]]) -> Iterator[Finder]:
    import sqlcipher3

    from officer_desk.security import load_database_key

    key = load_database_key(home, create=False)
    connection = sqlcipher3.dbapi2.connect(str(home.database), isolation_level=None)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise DatabaseKeyError(_("Không mở được cơ sở dữ liệu {path}: sai khóa hoặc tệp bị hỏng",
                                     path=str(home.database))) from exc
        connection.execute("PRAGMA query_only = ON")  # this view never writes, whatever runs on it
        connection.execute("PRAGMA busy_timeout = 60000")

        def find(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
            sql, values = parameters(procedure_code, id_number, subject_key, exclude_code)
            return [str(row[0]) for row in connection.execute(sql, values)]

        yield find
    finally:
        connection.close()


@contextmanager
def _postgresql_queue(url: str, parameters: Callable[..., tuple[str, dict[str, str]]]) -> Iterator[Finder]:
    from sqlalchemy import create_engine, text

    from officer_desk.paths import normalise_pg_url

    engine = create_engine(normalise_pg_url(url))
    connection = engine.connect()

    def find(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
        sql, values = parameters(procedure_code, id_number, subject_key, exclude_code)
        return [str(row[0]) for row in connection.execute(text(sql), values)]

    try:
        yield find
    finally:
        connection.rollback()
        connection.close()
        engine.dispose()
