"""New desk databases at the newest schema, copied from one migrated per test process.

Opening a desk on a new home (or a new PostgreSQL database) runs every Alembic migration on the empty
database: a few hundred milliseconds each time, on hundreds of test desks. ``SchemaTemplates`` (the
``fresh_schemas`` fixture of ``tests/conftest.py``, for every test) makes the desk's start-up upgrade of an
EMPTY database copy the result instead. The first such database of a test process is migrated for real
and kept as the template; the next ones are copies of it:
- a local file gets the template's bytes re-keyed with its own home's key (``PRAGMA rekey``), so every
  home keeps its own key;
- a PostgreSQL database of the test server (``pg_url``) is dropped and created again ``TEMPLATE`` the
  migrated one (PostgreSQL's own way to copy a database), under the same name.

Not affected: a database that holds anything (an older schema, a half-made desk) and any explicit
revision are upgraded by the real migrations, as is every desk a test starts as a process (the CLI, the
window); the migration tests call ``officer_desk.models.migrate.upgrade_to_head`` themselves.
``tests/integration/test_fresh_schema.py`` checks that a copy equals a database migrated for real.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, make_url
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool

Upgrade = Callable[..., None]


class SchemaTemplates:
    """The template file of this test process (built on first use) and how many homes were cloned."""

    def __init__(self, real_upgrade: Upgrade) -> None:
        self.real_upgrade = real_upgrade
        self.folder: Path | None = None
        self.key = bytes(range(32))  # the template's own key; every clone is re-keyed with its home's
        self.clones = 0
        self.pg_admin_url: str | None = None  # the test server's (set by pg_url)
        self.pg_template: str | None = None

    def close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def drop_pg_template(self) -> None:
        """Before the test server stops (an outside server keeps no copy)."""
        if self.pg_template is not None and self.pg_admin_url is not None:
            with _admin(self.pg_admin_url) as admin:
                admin.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.pg_template}"')
        self.pg_template = self.pg_admin_url = None

    def upgrade(self, engine: Engine, revision: str = "head", **attributes: Any) -> None:
        """Stands in for ``officer_desk.models.session.upgrade_to_head``."""
        if revision == "head":
            key = attributes.get("db_key")
            if engine.dialect.name == "sqlite" and isinstance(key, bytes) and _is_empty(engine):
                self._clone_into(engine, key)
                return
            if engine.dialect.name == "postgresql" and self._on_test_server(engine) and _pg_is_empty(engine):
                if self._pg_clone_into(engine):
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


    def _on_test_server(self, engine: Engine) -> bool:
        if self.pg_admin_url is None:
            return False
        admin = make_url(self.pg_admin_url)
        return (engine.url.host, engine.url.port) == (admin.host, admin.port) and engine.url.database != admin.database

    def _pg_clone_into(self, engine: Engine) -> bool:
        """Replace the empty database by a copy of the migrated template (False: another session uses it)."""
        assert self.pg_admin_url is not None
        name = str(engine.url.database)
        if self.pg_template is None:
            template = "od_schema_" + uuid.uuid4().hex[:12]
            with _admin(self.pg_admin_url) as admin:
                admin.exec_driver_sql(f'CREATE DATABASE "{template}"')
            template_engine = create_engine(engine.url.set(database=template))
            try:
                self.real_upgrade(template_engine)  # the real migrations, as a new desk runs them
            finally:
                template_engine.dispose()
            self.pg_template = template
        engine.dispose()  # the empty database's pooled connections; the engine reconnects to the copy
        with _admin(self.pg_admin_url) as admin:
            others = admin.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %(name)s", {"name": name}).scalar()
            if others:
                return False  # the test holds a connection of its own there: migrate it as it is
            admin.exec_driver_sql(f'DROP DATABASE "{name}"')
            admin.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{self.pg_template}"')
        self.clones += 1
        return True


@contextmanager
def _admin(url: str) -> Iterator[Connection]:
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _pg_is_empty(engine: Engine) -> bool:
    """No relation, function or type of ours yet (a new database)."""
    with engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            "        WHERE n.nspname = 'public')"
            "     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            "        WHERE n.nspname = 'public')"
            "     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            "        WHERE n.nspname = 'public')").scalar() == 0


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
