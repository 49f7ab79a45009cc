"""SQLite's row triggers and the demo loader: the "returned" trigger (migration 0021) skips a case that
already holds the result date and still sets and clears what it always did otherwise (``total_changes()``
counts the rows a trigger writes too); the status count trigger, dropped inside each load transaction and
counted per batch, is back with its own text after a load and after a load that failed halfway."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

import officer_desk.demo as demo
from officer_desk.database import open_database
from officer_desk.demo import enable_demo_mode, generate_cases
from officer_desk.models.base import utc_micros
from officer_desk.paths import Home

# As SQLite stores a UTC time since migration 0022: microseconds since the epoch (2030-01-02 03:04:05 UTC).
RESULT_AT = utc_micros(datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC))


def _returned(connection: Any, case_id: int, at: int) -> int:
    """Insert a "returned" event; how many rows the statement and its triggers wrote."""
    before = connection.exec_driver_sql("SELECT total_changes()").scalar_one()
    connection.exec_driver_sql(
        "INSERT INTO case_events (case_id, at, action, from_status, to_status, reason, details) "
        "VALUES (?, ?, 'return_result', 'result_ready', 'returned', '', '{}')", (case_id, at))
    return int(connection.exec_driver_sql("SELECT total_changes()").scalar_one() - before)


def test_the_result_trigger_writes_a_case_only_when_something_changes(sqlite_desk: Any) -> None:
    enable_demo_mode(sqlite_desk)
    assert generate_cases(sqlite_desk, 40, 5) == 40
    with sqlite_desk.db.engine.begin() as connection:
        case_id, result_at = connection.exec_driver_sql(
            "SELECT id, result_at FROM cases WHERE status = 'returned' ORDER BY id LIMIT 1").one()
        assert _returned(connection, case_id, result_at) == 1  # the event only: the case already said so
        assert _returned(connection, case_id, RESULT_AT) == 2  # the event and the case
        assert connection.exec_driver_sql("SELECT result_at FROM cases WHERE id = ?",
                                          (case_id,)).scalar_one() == RESULT_AT
        # computed facts are still cleared when the date is the same
        connection.exec_driver_sql("UPDATE cases SET processing_days = 3, result_timing = 'late' WHERE id = ?",
                                   (case_id,))
        assert _returned(connection, case_id, RESULT_AT) == 2
        assert connection.exec_driver_sql("SELECT processing_days, result_timing FROM cases WHERE id = ?",
                                          (case_id,)).one() == (None, None)


def test_the_downgrade_gives_back_the_old_trigger(isolated_home: Home) -> None:
    from alembic import command

    from officer_desk.models.migrate import alembic_config

    db = open_database(isolated_home)
    try:
        command.downgrade(alembic_config(db.engine), "0020_report_triggers_noop")
        with db.engine.connect() as connection:
            sql = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'trg_case_events_result'").scalar_one()
        assert "IS NOT NEW.at" not in sql and "WHERE id = NEW.case_id" in sql
    finally:
        db.dispose()


def _count_trigger(desk: Any) -> str:
    with desk.db.engine.connect() as connection:
        return str(connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'trg_cases_count_insert'").scalar_one())


def _counts(desk: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Stored status counts and the counts of the cases themselves."""
    with desk.db.engine.connect() as connection:
        stored = dict(connection.exec_driver_sql("SELECT status, n FROM case_status_counts WHERE n > 0").all())
        direct = dict(connection.exec_driver_sql("SELECT status, count(*) FROM cases GROUP BY status").all())
    return stored, direct


def test_the_count_trigger_is_back_after_a_load_and_after_a_failed_one(
        sqlite_desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    enable_demo_mode(sqlite_desk)
    before = _count_trigger(sqlite_desk)
    assert generate_cases(sqlite_desk, 120, 3) == 120
    assert _count_trigger(sqlite_desk) == before
    stored, direct = _counts(sqlite_desk)
    assert stored == direct and sum(direct.values()) == 120

    real_write = demo.write_prepared
    calls = 0

    def failing_write(session: Any, prepared: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:  # cases and events of the batch written, its papers not
            raise OSError("disk gone")
        real_write(session, prepared)

    monkeypatch.setattr(demo, "write_prepared", failing_write)
    with pytest.raises(OSError):
        generate_cases(sqlite_desk, 50, 4)
    monkeypatch.undo()
    assert _count_trigger(sqlite_desk) == before
    assert _counts(sqlite_desk) == (stored, direct)  # nothing of the failed batch stayed
    # and the trigger counts a case inserted by anything else again
    sqlite_desk.cases.import_paths([_sample(sqlite_desk.home.root)])
    stored, direct = _counts(sqlite_desk)
    assert stored == direct and sum(direct.values()) == 121


def _sample(folder: Any) -> Any:
    import json
    from pathlib import Path

    source = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    path = Path(folder) / "sample.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
