"""Database engines and sessions: encrypted SQLite (SQLCipher) by default, PostgreSQL by URL.

The local file uses a raw 256-bit key (no passphrase KDF per connection), WAL with synchronous=FULL
so a case acknowledged to the officer survives a power cut, and pooled connections.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, make_url
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from officer_desk.errors import DatabaseKeyError, DeskError
from officer_desk.i18n import _
from officer_desk.models.liveness import KEEPALIVES, watch_liveness
from officer_desk.models.migrate import upgrade_to_head
from officer_desk.models.write_lock import WRITE_LOCK_HELD
from officer_desk.paths import Home
from officer_desk.paths import normalise_pg_url as _normalise_pg_url

# Execution option naming a connection that only reads (``engine.connect().execution_options(**{READ_ONLY: True})``).
READ_ONLY = "officer_desk_read_only"


class DatabaseOpenError(DeskError):
    code = "database"
    exit_code = 2


@dataclass
class Database:
    """An open database: engine, session factory and what it is (for the status bar)."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    is_local: bool
    db_key: bytes | None  # the SQLCipher key (None on PostgreSQL)
    home: Home

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def read_connection(self) -> Connection:
        """A plain Core connection for reading (the queue's pages, counts and searches on every keystroke).
        Locally it begins deferred (see ``READ_ONLY``): under WAL it reads a snapshot and never waits behind
        a writer. On PostgreSQL it runs without an explicit transaction (autocommit: no BEGIN/COMMIT round trip)."""
        connection = self.engine.connect()
        if self.is_local:
            return connection.execution_options(**{READ_ONLY: True})
        return connection.execution_options(isolation_level="AUTOCOMMIT")

    @property
    def description(self) -> str:
        if self.is_local:
            return str(self.home.database)
        return self.engine.url.render_as_string(hide_password=True)

    def reachable(self) -> bool:
        """Whether the database answers now (a shared server may be out of reach)."""
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except Exception:  # noqa: BLE001 - any failure means "offline" for the status bar
            return False
        return True

    def dispose(self) -> None:
        self.engine.dispose()


class _SQLiteHintCompiler(SQLiteCompiler):
    """Renders ``Select.with_hint(table, "INDEXED BY ix", "sqlite")`` after the table name (SQLAlchemy's
    SQLite compiler drops table hints): the reports pin the index where SQLite's planner picks wrongly."""

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        return text


def create_sqlcipher_engine(path: Path, key: bytes, **kwargs: Any) -> Engine:
    import sqlcipher3

    engine = create_engine(f"sqlite:///{path}", module=sqlcipher3.dbapi2, **kwargs)
    engine.dialect.statement_compiler = _SQLiteHintCompiler
    hex_key = key.hex()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's implicit transactions are turned off so SQLAlchemy controls BEGIN (savepoints work).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA key = \"x'{hex_key}'\"")
        try:
            cursor.execute("SELECT count(*) FROM sqlite_master")
        except Exception as exc:
            cursor.close()
            raise DatabaseKeyError(
                _("Không mở được cơ sở dữ liệu {path}: sai khóa hoặc tệp bị hỏng", path=str(path))
            ) from exc
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 60000")  # writers wait their turn, never fail
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA cache_size = -8000")  # 8 MB per pooled connection keeps the desk under 300 MB
        cursor.close()

    holders = threading.local()  # how many IMMEDIATE transactions this thread holds on this engine

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # The write lock is taken up front: a deferred transaction that reads and then writes fails at
        # once with "database is locked" when another process wrote meanwhile (a lock upgrade cannot
        # wait). IMMEDIATE waits its turn (busy_timeout); WAL readers in other processes never wait.
        # A session opened while this thread already holds the lock (a nested read) begins deferred:
        # waiting for our own lock would never end.
        # Read-only connections (the queue's Core reads, see READ_ONLY) begin deferred too: under WAL they
        # read a snapshot and never wait behind a writer or a long COUNT on another thread.
        if getattr(holders, "n", 0) or connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
            return
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        connection.info[WRITE_LOCK_HELD] = True
        holders.n = 1

    def _on_end(connection: Any) -> None:
        if connection.info.pop(WRITE_LOCK_HELD, False):
            holders.n = 0

    event.listen(engine, "commit", _on_end)
    event.listen(engine, "rollback", _on_end)

    return engine


def create_pg_engine(url: str, **kwargs: Any) -> Engine:
    """The shared database's engine. No ``pool_pre_ping``: a pooled connection is checked on its socket
    (``liveness``), so a queue page is one round trip, not two; a dropped connection is still replaced
    before use. TCP keepalives unless the URL sets its own."""
    parsed = make_url(url)
    keepalives = {k: v for k, v in KEEPALIVES.items() if k not in parsed.query}
    engine = create_engine(parsed, pool_size=5, connect_args=keepalives, **kwargs)
    watch_liveness(engine)
    return engine


_open_lock = threading.Lock()


def connect_database(
    home: Home, url: str | None, database_key: Callable[[Home], bytes], upgrade: bool = True
) -> Database:
    """Open (and create or upgrade in place) a database: PostgreSQL at ``url``, else the home's encrypted file.

    ``database_key`` gives the file's key (called only for the file, after the home folder exists).
    """
    resolved = url
    with _open_lock:
        try:
            if resolved:
                engine = create_pg_engine(_normalise_pg_url(resolved))
                db = Database(engine, sessionmaker(engine, expire_on_commit=False), resolved, False, None, home)
            else:
                home.ensure()
                key = database_key(home)
                # LIFO: a checkout takes the connection returned last, whose SQLCipher page cache holds the
                # decrypted pages the previous query read (FIFO rotated through every pooled connection, so
                # each keystroke of the window's search decrypted its index pages again: issue 17).
                engine = create_sqlcipher_engine(home.database, key, pool_size=5, max_overflow=5,
                                                 pool_use_lifo=True)
                db = Database(
                    engine, sessionmaker(engine, expire_on_commit=False), str(home.database), True, key, home
                )
            if upgrade:
                # a local desk's data migrations (0009 renames attachment files) need its home and key
                upgrade_to_head(db.engine, home=db.home if db.is_local else None, db_key=db.db_key)
        except DeskError:
            raise
        except SADatabaseError as exc:
            if isinstance(exc.orig, DeskError):
                raise exc.orig from exc
            raise DatabaseOpenError(
                _("Không mở được cơ sở dữ liệu: {reason}", reason=type(exc.orig).__name__)
            ) from exc
        except Exception as exc:
            if isinstance(exc.__cause__, DeskError):
                raise exc.__cause__ from exc
            raise DatabaseOpenError(
                _("Không mở được cơ sở dữ liệu: {reason}", reason=type(exc).__name__)
            ) from exc
    return db
