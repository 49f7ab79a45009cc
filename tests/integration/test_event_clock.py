"""The clock guard's newest event time without SQLite's index on the events' times (issue 17, migration 0026),
and the source-file digest index made partial.

On SQLite the newest time is a checkpoint (the newest time among the events up to an id) and a range read of
the events after it (officer_desk.models.event_clock). These tests hold it to ``max(at)`` read from the
whole table after every kind of write: the demo's and the import's Core writers, the ORM, an event older than
the checkpoint, deleted events (by SQL, with and without the triggers), no checkpoint at all, an unreadable
one; and the guard itself (a future event blocks, confirming clears it, a newer one blocks again). PostgreSQL
keeps its index and stores no checkpoint. The migration test checks the upgrade in place (the checkpoint read
from the index before it goes), the downgrade, and that the import's lookup by file digest still uses the
partial index on both back-ends."""

from __future__ import annotations

import importlib
import json
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import func, select

from officer_desk.demo import generate_cases
from officer_desk.errors import ClockError
from officer_desk.lifecycle import Action
from officer_desk.models import Case, CaseEvent, event_clock
from officer_desk.models.base import utc_micros
from officer_desk.models.event_clock import CHECKPOINT, advance_checkpoint, newest_event
from officer_desk.models.migrate import alembic_config, upgrade_to_head
from officer_desk.models.statistics import optimize

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
MIGRATION = importlib.import_module("officer_desk.models.migrations.versions.0026_event_time_checkpoint")
SOURCE_INDEX = "ix_cases_source_file_sha256"


def _sqlite(desk: Any) -> bool:
    return bool(desk.db.engine.dialect.name == "sqlite")


def _scanned(desk: Any) -> tuple[int | None, datetime | None]:
    """The truth: the largest id and ``max(at)`` read from every event."""
    with desk.db.engine.connect() as connection:
        row = connection.execute(select(func.max(CaseEvent.id), func.max(CaseEvent.at))).one()
    return row[0], row[1]


def _newest(desk: Any) -> datetime | None:
    with desk.db.read_connection() as connection:
        return newest_event(connection).at


def _checkpoint(desk: Any) -> dict[str, Any] | None:
    with desk.db.engine.connect() as connection:
        value = connection.execute(sa.text("SELECT value FROM desk_settings WHERE key = :key"),
                                   {"key": CHECKPOINT}).scalar()
    return None if value is None else dict(json.loads(value))


def _covers_all(desk: Any) -> bool:
    """The checkpoint is over every event stored (SQLite)."""
    last_id, newest = _scanned(desk)
    return _checkpoint(desk) == {"id": last_id, "at": None if newest is None else utc_micros(newest)}


def _dossier_file(tmp_path: Path, name: str = "case.json", **changes: Any) -> Path:
    """The sample dossier without a code (the import looks it up by the file's digest) and without files."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data.pop("dossier_code", None)
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    data.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _add_event(desk: Any, at: datetime) -> int:
    """An event written by the ORM (as the timeline, sync's add_events and conflict resolution write them)."""
    with desk.db.session() as session:
        case_id = session.execute(select(func.min(Case.id))).scalar_one()
        event = CaseEvent(case_id=case_id, at=at, action="note", reason="")
        session.add(event)
        session.flush()
        return int(event.id)


def test_the_guard_sees_the_newest_event_from_every_writer(desk: Any, tmp_path: Path) -> None:
    sqlite = _sqlite(desk)
    assert generate_cases(desk, 12, seed=26) == 12  # the demo's Core bulk writer, then the bulk-work hook
    if sqlite:
        assert _covers_all(desk)
    else:
        assert _checkpoint(desk) is None  # PostgreSQL: max(at) over its index, no checkpoint
    stored = _checkpoint(desk)

    # The import's Core writer (no bulk-work hook for one file): its event is past the checkpoint and newest.
    outcome, code = desk.cases.import_file(_dossier_file(tmp_path))
    assert outcome == "imported"
    assert _newest(desk) == _scanned(desk)[1]
    if sqlite:
        assert _checkpoint(desk) == stored and _scanned(desk)[1] > datetime.fromtimestamp(stored["at"] / 1e6, UTC)
    desk.cases.transition(code, Action.REQUEST_SUPPLEMENT, "thiếu giấy tờ")  # the ORM timeline
    assert _newest(desk) == _scanned(desk)[1]
    assert desk.cases.clock_problem() is None

    # An event from the future (a clock set back since): the guard stops deadline actions until confirmed.
    ahead = datetime.now(UTC) + timedelta(days=3)
    future_id = _add_event(desk, ahead)
    assert desk.cases.clock_problem() == ahead
    with pytest.raises(ClockError):
        desk.cases.repository.guard_clock()
    desk.cases.confirm_clock()
    assert desk.cases.clock_problem() is None
    # An event older than the checkpoint's newest changes nothing, before and after the checkpoint moves.
    _add_event(desk, ahead - timedelta(days=30))
    assert _newest(desk) == ahead
    optimize(desk.db.engine)  # after bulk work / on close
    assert not sqlite or _covers_all(desk)
    assert _newest(desk) == ahead and desk.cases.clock_problem() is None  # the confirmation still holds
    # A newer one needs a new confirmation.
    further = ahead + timedelta(hours=1)
    _add_event(desk, further)
    assert desk.cases.clock_problem() == further

    # Deleted events: the newest time is that of the events left (the triggers drop the checkpoint).
    optimize(desk.db.engine)
    with desk.db.engine.begin() as connection:
        connection.execute(sa.delete(CaseEvent).where(CaseEvent.id >= future_id, CaseEvent.at >= ahead))
    if sqlite:
        assert _checkpoint(desk) is None
    assert _newest(desk) == _scanned(desk)[1] < ahead
    assert desk.cases.clock_problem() is None
    assert not sqlite or _covers_all(desk)  # the check that read every event stored a new checkpoint


@pytest.fixture
def desk_with_events(sqlite_desk: Any) -> Any:
    generate_cases(sqlite_desk, 6, seed=27)
    return sqlite_desk


def test_a_checkpoint_that_does_not_hold_is_not_trusted(desk_with_events: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = desk_with_events
    assert _covers_all(desk)
    newest = _scanned(desk)[1]
    # None at all: the table is read whole, and the clock check stores one.
    with desk.db.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM desk_settings WHERE key = :key"), {"key": CHECKPOINT})
    with desk.db.read_connection() as connection:
        found = newest_event(connection)
    assert found.at == newest and not found.trusted and found.worth_advancing
    assert desk.cases.clock_problem() is None and _covers_all(desk)
    # Unreadable (edited by hand): the same.
    with desk.db.engine.begin() as connection:
        connection.execute(sa.text("UPDATE desk_settings SET value = 'x' WHERE key = :key"), {"key": CHECKPOINT})
    assert _newest(desk) == newest
    optimize(desk.db.engine)
    assert _covers_all(desk)

    # Events at the checkpoint's end deleted where no trigger saw it: the largest id falls below the checkpoint's.
    ahead = datetime.now(UTC) + timedelta(days=2)
    _add_event(desk, ahead)
    optimize(desk.db.engine)
    assert _newest(desk) == ahead
    with desk.db.engine.begin() as connection:
        for name in MIGRATION.TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
        connection.execute(sa.delete(CaseEvent).where(CaseEvent.at == ahead))
    assert _checkpoint(desk) is not None
    assert _newest(desk) == newest
    desk.cases.clock_problem()
    assert _covers_all(desk)

    # Many events since the checkpoint: a clock check moves it.
    monkeypatch.setattr(event_clock, "ADVANCE_AFTER", 2)
    stored = _checkpoint(desk)
    _add_event(desk, newest - timedelta(days=1))
    desk.cases.clock_problem()
    assert _checkpoint(desk) == stored  # one event: read, not worth a write
    _add_event(desk, newest - timedelta(days=2))
    desk.cases.clock_problem()
    assert _checkpoint(desk) != stored and _covers_all(desk)


def test_moving_the_checkpoint_never_waits_nor_fails(desk_with_events: Any) -> None:
    desk = desk_with_events
    stored = _checkpoint(desk)
    _add_event(desk, datetime.now(UTC))
    # This thread holds the write lock in a transaction of its own: the move is left for later.
    with desk.db.session() as session:
        session.execute(sa.text("UPDATE desk_settings SET value = value WHERE key = 'none'"))
        advance_checkpoint(desk.db.engine)
    assert _checkpoint(desk) == stored
    # Another connection (as another process would) holds it: no waiting for busy_timeout's minute, no error.
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with desk.db.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE desk_settings SET value = value WHERE key = 'none'")
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(30)
        started = time.monotonic()
        advance_checkpoint(desk.db.engine)
        assert time.monotonic() - started < 10  # not the 60 s busy_timeout
        assert _newest(desk) == _scanned(desk)[1]  # readers are not held up either
    finally:
        release.set()
        holder.join()
    assert _checkpoint(desk) == stored
    with desk.db.engine.connect() as connection:  # the pooled connections wait their minute again
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60000
    advance_checkpoint(desk.db.engine)
    assert _covers_all(desk)


def _indexes(engine: sa.Engine) -> dict[str, str]:
    """name → definition of the indexes on cases and case_events."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                              "AND tbl_name IN ('cases', 'case_events') AND sql IS NOT NULL")
        else:
            rows = connection.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes "
                                              "WHERE tablename IN ('cases', 'case_events')")
        return {str(name): str(sql) for name, sql in rows}


def _triggers(engine: sa.Engine) -> set[str]:
    if engine.dialect.name != "sqlite":
        return set()
    with engine.connect() as connection:
        return set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())


def _lookup_plan(desk: Any, digest: str) -> str:
    """The plan of the import's own lookup by file digest (officer_desk.cases.intake)."""
    from officer_desk.cases.intake import _CODE_BY_SOURCE

    engine = desk.db.engine
    sql = str(_CODE_BY_SOURCE.compile(dialect=engine.dialect))
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, (bytes.fromhex(digest),)).all()
            return " / ".join(str(row[-1]) for row in rows)
        connection.exec_driver_sql("SET enable_seqscan = off")  # a few rows: a table scan would cost less
        rows = connection.exec_driver_sql("EXPLAIN " + sql, {"sha": digest}).all()
        return " / ".join(str(row[0]) for row in rows)


def test_migration_0026_in_place_and_back(desk: Any, tmp_path: Path) -> None:
    sqlite = _sqlite(desk)
    engine = desk.db.engine
    generate_cases(desk, 8, seed=28)
    path = _dossier_file(tmp_path)
    assert desk.cases.import_file(path)[0] == "imported"
    _add_event(desk, datetime.now(UTC) - timedelta(days=400))  # the newest id is not the newest time

    command.downgrade(alembic_config(engine), str(MIGRATION.down_revision))
    indexes = _indexes(engine)
    assert "ix_case_events_at" in indexes and "WHERE" not in indexes[SOURCE_INDEX].upper()
    assert not _triggers(engine) & set(MIGRATION.TRIGGERS)
    assert _checkpoint(desk) is None

    upgrade_to_head(engine)
    indexes = _indexes(engine)
    assert ("ix_case_events_at" in indexes) is not sqlite  # PostgreSQL keeps it
    assert "source_file_sha256 IS NOT NULL" in indexes[SOURCE_INDEX]
    if sqlite:
        assert set(MIGRATION.TRIGGERS) <= _triggers(engine)
        assert _covers_all(desk)  # read from the index before it went
    else:
        assert _checkpoint(desk) is None
    assert _newest(desk) == _scanned(desk)[1]

    # The import's lookup by digest reads the partial index; a file imported again is skipped.
    with desk.db.engine.connect() as connection:
        digest = connection.execute(select(Case.source_file_sha256).where(Case.source_file_sha256.is_not(None))
                                    ).scalar_one()
    assert SOURCE_INDEX in _lookup_plan(desk, digest)
    assert desk.cases.import_file(path)[0] == "skipped"
