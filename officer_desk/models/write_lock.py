"""Whether a connection's SQLite transaction holds the file's write lock, in a module of its own: the engine
sets it (``officer_desk.models.session``) and the writers that must never wait read it
(``officer_desk.models.event_clock``) without importing the engine's module."""

from __future__ import annotations

from sqlalchemy.engine import Connection

# ``Connection.info`` key set while the connection's transaction began IMMEDIATE (it holds the write lock).
WRITE_LOCK_HELD = "od_immediate"


def holds_write_lock(connection: Connection) -> bool:
    return bool(connection.info.get(WRITE_LOCK_HELD))
