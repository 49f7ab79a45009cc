"""The demo loader writes the report facts the timeline's triggers keep (result date, handling officer),
so that on PostgreSQL the triggers find nothing to change (migration 0020; bench/README.md "The demo load
at scale"). Checked against the timeline on both back-ends, and the triggers' own behaviour on PostgreSQL:
a case that already holds the values keeps its row version; one that does not is still updated."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from officer_desk.demo import enable_demo_mode, generate_cases


def test_demo_cases_hold_the_facts_their_timeline_gives(desk: Any) -> None:
    enable_demo_mode(desk)
    assert generate_cases(desk, 300, 11) == 300
    with desk.db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT c.id, c.status, c.result_at, c.handling_officer_id, "
            "(SELECT max(e.at) FROM case_events e WHERE e.case_id = c.id AND e.to_status = 'returned'), "
            "(SELECT e.officer_id FROM case_events e WHERE e.case_id = c.id AND e.officer_id IS NOT NULL "
            " AND (e.action = 'received' OR e.from_status = 'received') ORDER BY e.at, e.id LIMIT 1) "
            "FROM cases c").all()
    assert len(rows) == 300
    returned = handled = 0
    for case_id, status, result_at, handling, returned_at, taken_in_by in rows:
        assert result_at == returned_at, case_id  # what 0008's trigger (and its backfill) gives
        assert handling == taken_in_by, case_id  # what 0014's trigger (and its backfill) gives
        returned += status == "returned"
        handled += handling is not None
    assert returned > 50 and handled > 100  # the check above compared real values, not only NULLs


@pytest.fixture
def pg_desk(pg_url: str, isolated_home: Any) -> Any:
    from officer_desk.desk import open_desk

    opened = open_desk(isolated_home, pg_url)
    try:
        yield opened
    finally:
        opened.close()


def _event(connection: Any, case_id: int, at: datetime, action: str, to_status: str, officer: int | None,
           from_status: str | None = None) -> None:
    connection.exec_driver_sql(
        "INSERT INTO case_events (case_id, at, action, from_status, to_status, officer_id, reason, details) "
        "VALUES (%(case)s, %(at)s, %(action)s, %(from)s, %(to)s, %(officer)s, '', '{}')",
        {"case": case_id, "at": at, "action": action, "from": from_status, "to": to_status, "officer": officer})


def test_postgresql_report_triggers_skip_a_case_that_already_holds_their_values(pg_desk: Any) -> None:
    enable_demo_mode(pg_desk)
    assert generate_cases(pg_desk, 40, 5) == 40
    with pg_desk.db.engine.begin() as connection:
        case_id, result_at, officer = connection.exec_driver_sql(
            "SELECT id, result_at, handling_officer_id FROM cases WHERE status = 'returned' "
            "AND handling_officer_id IS NOT NULL ORDER BY id LIMIT 1").one()
        other = connection.exec_driver_sql("SELECT id FROM officers WHERE id <> %(o)s LIMIT 1",
                                           {"o": officer}).scalar_one()

        def version() -> Any:
            return connection.exec_driver_sql("SELECT xmin::text FROM cases WHERE id = %(id)s",
                                              {"id": case_id}).scalar_one()

        before = version()
        _event(connection, case_id, result_at, "return_result", "returned", other, "result_ready")
        _event(connection, case_id, result_at, "note", "returned", other, "received")
        assert version() == before  # same result date, handling officer already known: no new row version
        assert connection.exec_driver_sql("SELECT handling_officer_id FROM cases WHERE id = %(id)s",
                                          {"id": case_id}).scalar_one() == officer
        later = datetime(2030, 1, 2, 3, 4, 5)
        _event(connection, case_id, later, "return_result", "returned", other, "result_ready")
        assert connection.exec_driver_sql("SELECT result_at FROM cases WHERE id = %(id)s",
                                          {"id": case_id}).scalar_one() == later
        # a case with no handling officer yet still gets one from its first act
        fresh = connection.exec_driver_sql(
            "SELECT id FROM cases WHERE handling_officer_id IS NULL ORDER BY id LIMIT 1").scalar_one()
        _event(connection, fresh, later, "accept", "accepted", other, "received")
        assert connection.exec_driver_sql("SELECT handling_officer_id FROM cases WHERE id = %(id)s",
                                          {"id": fresh}).scalar_one() == other


def test_migration_0020_downgrades_to_the_triggers_it_replaced(pg_desk: Any) -> None:
    from alembic import command

    from officer_desk.models.migrate import alembic_config, upgrade_to_head

    engine = pg_desk.db.engine

    def definitions() -> tuple[str, str]:
        with engine.connect() as connection:
            function = connection.exec_driver_sql(
                "SELECT prosrc FROM pg_proc WHERE proname = 'od_case_report_facts'").scalar_one()
            trigger = connection.exec_driver_sql(
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'trg_case_events_handling'").scalar_one()
        return function, trigger

    function, trigger = definitions()
    assert "IS DISTINCT FROM NEW.at" in function and " WHEN " in trigger
    command.downgrade(alembic_config(engine), "0018_packed_records")
    function, trigger = definitions()
    assert "IS DISTINCT FROM" not in function and "WHERE id = NEW.case_id;" in function
    assert " WHEN " not in trigger
    upgrade_to_head(engine)
    assert "IS DISTINCT FROM NEW.at" in definitions()[0]
