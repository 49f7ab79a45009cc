"""The newest event time this desk has stored (the clock guard's reference), on SQLite without an index on
the events' times (issue 17, migration 0026).

The clock guard (``CaseRepository.clock_problem``) compares the PC clock with the newest ``case_events.at``
the desk holds: a deadline counted from a clock set back would be wrong. PostgreSQL reads ``max(at)`` from
``ix_case_events_at`` as before. On SQLite that index held every event's time (34 MB at 1,000,000 cases)
for this one number; migration 0026 drops it. Instead a checkpoint in ``desk_settings`` holds the newest time
among the events up to some id, and the newest time is the later of it and the newest time among the events
after that id: a range of the table's row ids, the events written since the checkpoint last moved.

Why that is still exactly ``max(at)`` over the stored events, the number the guard needs:
- SQLite gives a new row the id after the table's largest (no writer picks event ids itself; a restore brings
  the archive's ids and checkpoint, one snapshot, into an empty file), and it has one writer at a time, so
  every event stored after the checkpoint was taken has a larger id than the checkpoint's and is in the range
  read (in every snapshot: ids follow commit order), whoever wrote it (the ORM, the Core bulk writers of the
  demo, an import, a sync pull) and whatever its time (one older than the checkpoint's changes nothing, as it
  would not change ``max(at)``);
- the events up to the checkpoint's id are the ones it was taken over, unchanged: the triggers of migration
  0026 remove the checkpoint when an event is deleted or its time or id changes (the guard's own test moves
  an event's time), and a table whose largest id is below the checkpoint's (rows gone some other way: a file
  edited by hand) is not trusted either. Without a checkpoint the next read scans the table once and a
  new one is stored.
PostgreSQL's ids come from a sequence that concurrent desks draw from (in blocks, by the bulk writers), not in
commit order, so an event committed late could sit below a checkpoint's id unseen: PostgreSQL keeps the index.

The checkpoint moves forward where that is cheap and safe: after bulk work and when the desk closes (with
the planner's statistics, ``officer_desk.models.statistics.optimize``; the migration stores the first one),
and after a clock check whose range read covered ``ADVANCE_AFTER`` events or more. Moving it never fails
nor holds up the caller: a busy or read-only file keeps the checkpoint it has (the range read stays exact,
only longer), and the next chance tries again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from officer_desk.models.base import stored_utc, utc_micros
from officer_desk.models.tables import CaseEvent
from officer_desk.models.write_lock import holds_write_lock

log = logging.getLogger(__name__)

# The desk_settings key (migration 0026 stores the first one; its triggers delete it).
CHECKPOINT = "case_events_checkpoint"
# A clock check that read this many events past the checkpoint moves it (about 15 pages of the table: the
# range read stays well under a millisecond between two moves; a move is one small write).
ADVANCE_AFTER = 512

# The table's largest id, and the newest time and the number of events past an id: one statement, so the
# three describe the same snapshot. ``id > :after`` is a range of the table's own b-tree (the row id).
_RANGE = text("SELECT (SELECT max(id) FROM case_events), max(at), count(*) FROM case_events WHERE id > :after")
_READ = text("SELECT value FROM desk_settings WHERE key = :key")
_STORE = text("INSERT INTO desk_settings (key, value) VALUES (:key, :value) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
_FORGET = text("DELETE FROM desk_settings WHERE key = :key")


@dataclass(frozen=True)
class NewestEvent:
    """What one read found: the newest stored event time, and whether the checkpoint should move."""

    at: datetime | None
    last_id: int | None = None  # the table's largest event id (SQLite)
    read: int = 0  # events read past the checkpoint (every event when there was none)
    trusted: bool = True  # False: no usable checkpoint (none, unreadable, or above the table's largest id)

    @property
    def worth_advancing(self) -> bool:
        return not self.trusted or self.read >= ADVANCE_AFTER


def newest_event(db: Session | Connection) -> NewestEvent:
    """The newest ``case_events.at`` stored, read in the caller's transaction (it writes nothing)."""
    bind = db.get_bind() if isinstance(db, Session) else db
    if bind.dialect.name != "sqlite":
        return NewestEvent(db.execute(select(func.max(CaseEvent.at))).scalar())
    checkpoint = _checkpoint(db)
    after, floor = checkpoint if checkpoint is not None else (0, None)
    last_id, newest, read = db.execute(_RANGE, {"after": after}).one()
    trusted = checkpoint is not None
    if trusted and (last_id or 0) < after:
        # Events up to the checkpoint's id are gone in a way the triggers did not see: read them all.
        last_id, newest, read = db.execute(_RANGE, {"after": 0}).one()
        floor, trusted = None, False
    at = None if newest is None else stored_utc(newest)
    if floor is not None and (at is None or floor > at):
        at = floor
    return NewestEvent(at, last_id, int(read), trusted)


def _checkpoint(db: Session | Connection) -> tuple[int, datetime | None] | None:
    value = db.execute(_READ, {"key": CHECKPOINT}).scalar()
    if value is None:
        return None
    try:
        stored = json.loads(value)
        return int(stored["id"]), None if stored["at"] is None else stored_utc(stored["at"])
    except (ValueError, TypeError, KeyError):
        return None  # unreadable (edited by hand): the table is read whole and a new one stored


def advance_checkpoint(engine: Engine, at_least: int = 1) -> None:
    """Move the checkpoint up to the newest event (SQLite; nothing elsewhere) when ``at_least`` events were
    stored past it or it is not usable. Its own short write transaction, taken only if the write lock is free
    now: never waits behind another writer, never fails the caller."""
    if engine.dialect.name != "sqlite":
        return
    driver_error = engine.dialect.loaded_dbapi.Error  # what the driver's own cursor raises
    try:
        with engine.connect() as connection:
            # On the driver's connection, outside any transaction: no waiting for the write lock (the file's
            # busy_timeout is a minute); a writer elsewhere means the checkpoint moves at the next chance.
            cursor = connection.connection.cursor()
            try:
                waits = int(cursor.execute("PRAGMA busy_timeout").fetchone()[0])
                cursor.execute("PRAGMA busy_timeout = 0")
                try:
                    with connection.begin():
                        # Not when this thread holds the write lock in another transaction (this one then
                        # began deferred, see session.py): writing here would wait for itself.
                        if holds_write_lock(connection):
                            _advance(connection, at_least)
                finally:
                    try:
                        cursor.execute(f"PRAGMA busy_timeout = {waits}")
                    except driver_error:
                        connection.invalidate()  # never back to the pool with writers failing at once
                        raise
            finally:
                cursor.close()
    except (DBAPIError, driver_error) as exc:
        log.warning("events' time checkpoint not moved: %s", type(getattr(exc, "orig", exc)).__name__)


def _advance(connection: Connection, at_least: int) -> None:
    found = newest_event(connection)
    if found.last_id is None:
        # No events: nothing to remember (a new desk's file stays without one, as a restore needs it: the
        # archive's desk_settings rows go into it), and one left over from events now gone is dropped.
        connection.execute(_FORGET, {"key": CHECKPOINT})
        return
    if found.trusted and found.read < at_least:
        return
    connection.execute(_STORE, {"key": CHECKPOINT, "value": checkpoint_value(found.last_id, found.at)})


def checkpoint_value(last_id: int, at: datetime | int | None) -> str:
    """The stored checkpoint: the largest event id it covers and the newest time among those events, in the
    column's SQLite form (microseconds since 1970, UTC; migration 0026 stores the value it reads as it is)."""
    stored = utc_micros(at) if isinstance(at, datetime) else at
    return json.dumps({"id": last_id, "at": stored})
