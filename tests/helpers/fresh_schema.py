"""New local desk files at the newest schema, copied from one migrated per test process.

Opening a desk on a new home runs every Alembic migration on its empty encrypted file (a few hundred
milliseconds of Python each time, on hundreds of test homes). ``clone_fresh_schemas`` (used by
``tests/conftest.py`` for every test) makes the desk's start-up upgrade of an EMPTY local file copy the
result instead: the first such file of a test process is migrated for real and kept as the template; the
next ones get the template's bytes, re-keyed with their own home's key (``PRAGMA rekey``), so every home
keeps its own key and the file is exactly what the migrations made.

Not affected: a file that holds anything (an older schema, a half-made desk) and any explicit revision
are upgraded by the real migrations, as are PostgreSQL databases and every desk a test starts as a
process (the CLI, the window); the migration tests call ``officer_desk.models.migrate.upgrade_to_head``
themselves. ``tests/integration/test_fresh_schema.py`` checks that a clone equals a file migrated for real.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

Upgrade = Callable[..., None]


class SchemaTemplates:
    """The template file of this test process (built on first use) and how many homes were cloned."""

    def __init__(self, real_upgrade: Upgrade) -> None:
        self.real_upgrade = real_upgrade
        self.folder: Path | None = None
        self.key = bytes(range(32))  # the template's own key; every clone is re-keyed with its home's
        self.clones = 0

    def close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def upgrade(self, engine: Engine, revision: str = "head", **attributes: Any) -> None:
        """Stands in for ``officer_desk.models.session.upgrade_to_head``."""
        key = attributes.get("db_key")
        if revision == "head" and engine.dialect.name == "sqlite" and isinstance(key, bytes) and _is_empty(engine):
            self._clone_into(engine, key)
            return
        self.real_upgrade(engine, revision, **attributes)

    def _template(self) -> Path:
        if self.folder is None:
            from officer_desk.models.session import create_sqlcipher_engine

            folder = Path(tempfile.mkdtemp(prefix="od-schema-"))
            path = folder / "template.db"
            engine = create_sqlcipher_engine(path, self.key)
            try:
                self.real_upgrade(engine)  # the real migrations, from an empty file, as a new desk runs them
            finally:
                engine.dispose()
            connection = _raw_connection(path, self.key)
            try:
                connection.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to copy
            finally:
                connection.close()
            self.folder = folder
        return self.folder / "template.db"

    def _clone_into(self, engine: Engine, key: bytes) -> None:
        template = self._template()
        path = Path(str(engine.url.database))
        engine.dispose()  # the empty file's pooled connections; the engine reconnects to the clone
        for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(template, path)
        connection = _raw_connection(path, self.key)
        try:
            connection.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
        finally:
            connection.close()
        self.clones += 1


def _raw_connection(path: Path, key: bytes) -> Any:
    import sqlcipher3

    connection = sqlcipher3.dbapi2.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails here on a wrong key
    return connection


def _is_empty(engine: Engine) -> bool:
    """Nothing at all in the file yet (a new home): no table, index, trigger or view."""
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar() == 0
