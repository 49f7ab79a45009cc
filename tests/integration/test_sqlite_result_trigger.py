"""SQLite's "returned" trigger (migration 0021) skips a case that already holds the result date, and still
sets and clears what it always did otherwise. ``total_changes()`` counts the rows a trigger writes too."""

from __future__ import annotations

from typing import Any

import pytest

from officer_desk.database import open_database
from officer_desk.demo import enable_demo_mode, generate_cases
from officer_desk.desk import open_desk
from officer_desk.paths import Home


@pytest.fixture
def sqlite_desk(isolated_home: Home) -> Any:
    desk = open_desk(isolated_home)
    try:
        yield desk
    finally:
        desk.close()


def _returned(connection: Any, case_id: int, at: str) -> int:
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
        assert _returned(connection, case_id, "2030-01-02 03:04:05.000000") == 2  # the event and the case
        assert connection.exec_driver_sql("SELECT result_at FROM cases WHERE id = ?",
                                          (case_id,)).scalar_one() == "2030-01-02 03:04:05.000000"
        # computed facts are still cleared when the date is the same
        connection.exec_driver_sql("UPDATE cases SET processing_days = 3, result_timing = 'late' WHERE id = ?",
                                   (case_id,))
        assert _returned(connection, case_id, "2030-01-02 03:04:05.000000") == 2
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
