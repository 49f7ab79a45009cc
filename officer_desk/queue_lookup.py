"""The desk's open queue, read-only, for ``officer-desk screen FILE`` (duplicates against queued dossiers).

Only opened when the home has a database (its file, or a PostgreSQL URL): a file checked on a machine
without a desk stays a pure check. One plain SQL query on the ``cases`` table through SQLAlchemy Core — no
ORM session, no migration, no write (the connection is rolled back and closed). The rule of what is "open"
is the lifecycle's, as in ``CaseFindings.open_duplicates_view``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from officer_desk.config import load_config
from officer_desk.errors import DeskError
from officer_desk.lifecycle import CLOSED_STATUSES
from officer_desk.paths import Home

# Same names as officer_desk.database, read here so a file checked without a desk imports no database code.
DATABASE_URL_ENV = "OFFICER_DESK_DATABASE_URL"

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
    if os.environ.get(DATABASE_URL_ENV):
        return True
    try:
        configured = load_config(home).database_url
    except DeskError:
        configured = ""
    return bool(configured) or home.database.exists()


@contextmanager
def read_only_queue(home: Home) -> Iterator[Any]:
    """A duplicate view over the home's queue, or None when the home has no database."""
    if not has_database(home):
        yield None
        return
    from sqlalchemy import text

    from officer_desk.database import open_database

    db = open_database(home, upgrade=False)
    sql, closed = lookup_sql(by_applicant=False)
    by_event = text(sql)
    by_applicant = text(lookup_sql(by_applicant=True)[0])
    connection = db.engine.connect()

    def find(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
        parameters = {**closed, "procedure": procedure_code, "subject": subject_key, "exclude": exclude_code or ""}
        if id_number:  # "" = a civil-status event, the same whoever files
            rows = connection.execute(by_applicant, {**parameters, "id_number": id_number})
        else:
            rows = connection.execute(by_event, parameters)
        return [str(row[0]) for row in rows]

    try:
        yield find
    finally:
        connection.rollback()
        connection.close()
        db.dispose()
