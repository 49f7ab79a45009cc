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

_QUERY = (
    "SELECT dossier_code FROM cases WHERE procedure_code = :procedure AND subject_key = :subject "
    "AND status NOT IN ({closed}) AND (:id_number = '' OR applicant_id_number = :id_number) "
    "AND (:exclude = '' OR dossier_code <> :exclude) ORDER BY dossier_code LIMIT 10"
)


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
    from sqlalchemy import bindparam, text

    from officer_desk.database import open_database

    db = open_database(home, upgrade=False)
    closed = sorted(s.value for s in CLOSED_STATUSES)
    names = ", ".join(f":closed{i}" for i in range(len(closed)))
    statement = text(_QUERY.format(closed=names)).bindparams(
        *(bindparam(f"closed{i}", value) for i, value in enumerate(closed))
    )
    connection = db.engine.connect()

    def find(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
        rows = connection.execute(statement, {"procedure": procedure_code, "subject": subject_key,
                                              "id_number": id_number or "", "exclude": exclude_code or ""})
        return [str(row[0]) for row in rows]

    try:
        yield find
    finally:
        connection.rollback()
        connection.close()
        db.dispose()
