"""A pooled PostgreSQL connection's liveness, checked without a round trip on every checkout.

``pool_pre_ping`` sends ``SELECT 1`` before every use of a pooled connection: one round trip more per
queue page, status count and keystroke of search — the most expensive part of a page on a busy server,
where each round trip waits for the server process to be scheduled. A connection that the server dropped
(a restart, ``pg_terminate_backend``, an idle timeout, a crash) tells so on its socket: the server sends
its farewell or the kernel its end-of-file or reset, and the socket becomes readable although no query is
pending. So a checkout looks at the socket first (a non-blocking ``select``, a few microseconds) and pings
only when something arrived or the connection has idled longer than ``PING_AFTER_IDLE_S``; a failed ping
is reported to the pool as a disconnection, which replaces the connection (and every older one in the
pool) before the caller sees it. TCP keepalives make a peer that vanished silently (a cut cable, a NAT
that forgot the connection) show up the same way.
"""

from __future__ import annotations

import select
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import InvalidatePoolError

# A connection idle this long is pinged before use even when its socket is quiet: a desk left open over
# lunch pays one round trip, the queue's paging and typing pay none.
PING_AFTER_IDLE_S = 60.0
# libpq's TCP keepalive settings for the shared database: a server that vanished without a word is noticed
# within about a minute of idling (idle 30 s, then 3 probes 10 s apart).
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}

_CHECKED_IN_AT = "od_checked_in_at"


def peer_spoke(dbapi_connection: Any) -> bool:
    """Whether an idle connection has something to read — the server's goodbye, an end-of-file, a reset,
    or (harmless) a notice — or is already known to be closed. Never blocks."""
    if dbapi_connection.closed:
        return True
    try:
        socket = dbapi_connection.fileno()
        readable, _, failed = select.select([socket], [], [socket], 0)
    except Exception:  # noqa: BLE001 - no socket to look at (closed meanwhile): a ping will tell
        return True
    return bool(readable or failed)


def watch_liveness(engine: Engine) -> None:
    """Check each checkout of ``engine``'s pool as described above (instead of ``pool_pre_ping``)."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_CHECKED_IN_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get(_CHECKED_IN_AT)
        if idle_since is None:
            return  # fresh from connect(): nothing to check
        if not peer_spoke(dbapi_connection) and time.monotonic() - idle_since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # noqa: BLE001 - any failure: the connection is unusable, get a new one
            # The server is likely gone or restarted: every pooled connection older than now goes too.
            raise InvalidatePoolError(f"pooled connection lost: {type(exc).__name__}") from exc
