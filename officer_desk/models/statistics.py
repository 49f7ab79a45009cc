"""Planner statistics for the local SQLite file: what lets its query plans stay good as the desk grows.

SQLite plans from ``sqlite_stat1``; a desk that only ever grew by imports at the counter never had them,
and a plan chosen without them (or from figures taken when the desk was small) can scan a whole procedure
for a lookup that one index answers. ``PRAGMA optimize`` re-analyses just the tables that need it (never
analysed, grown or shrunk 25-fold, or with an index that has no figures yet), each with SQLite's bounded
sample (``analysis_limit``), so it costs milliseconds when nothing changed and about a second when a
650,000-case desk had none (a full ANALYZE: 35 s; bench/README.md, "Statistics").

PostgreSQL keeps its own statistics (autovacuum); these calls do nothing there.

The same moments (after bulk work, on close) move the events' time checkpoint forward
(``officer_desk.models.event_clock``): the clock guard's range read then starts after what the work wrote.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from officer_desk.models.event_clock import advance_checkpoint

log = logging.getLogger(__name__)

# 0x10000: look at every table, not only those this connection queried (a fresh connection queried none);
# 0x00002: run ANALYZE where needed.
OPTIMIZE = "PRAGMA optimize=0x10002"
# Rows sampled per index: enough for the planner's choices, bounded at any size (SQLite's advice: 100-1000).
ANALYSIS_LIMIT = "PRAGMA analysis_limit=1000"


def optimize_connection(connection: Connection) -> None:
    """Refresh the statistics that went stale, on an open SQLite connection (the caller commits)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(ANALYSIS_LIMIT)  # per connection: set each time
        connection.exec_driver_sql(OPTIMIZE)


def optimize(engine: Engine) -> None:
    """After bulk work (import, demo, sync) and when the desk closes.

    Never fails the caller: statistics only make plans better, and a busy or read-only file keeps the
    ones it has (the next close tries again); so does the events' time checkpoint (its own transaction).
    """
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect() as connection:
            optimize_connection(connection)
            connection.commit()
    except DBAPIError as exc:
        log.warning("statistics not refreshed: %s", type(exc.orig).__name__)
    advance_checkpoint(engine)
