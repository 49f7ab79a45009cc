"""UTC times stored as integers on SQLite (issue 17, migration 0022), on both back-ends: an aware time comes
back equal to the microsecond, SQLite stores an INTEGER and PostgreSQL a timestamp, and an office file written
before 0022 (text times, with and without a fraction) upgrades in place with every case, event, audit entry
and queue order unchanged; the downgrade gives SQLAlchemy's text back."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.audit import audit
from officer_desk.audit_log import AuditLog
from officer_desk.cases import QueueFilter
from officer_desk.demo import generate_cases
from officer_desk.models import AuditEntry, Case, CaseEvent, Officer
from officer_desk.models.base import Base, CalendarDate, UtcDateTime
from officer_desk.models.migrate import alembic_config, current_revision, upgrade_to_head

PREVIOUS_HEAD = "0023_current_record_once"
SQLALCHEMY_TEXT = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")
WHOLE_SECOND = "2026-11-27 08:00:00"  # a time written without a fraction (by hand, or the driver's adapter)
APPOINTMENT = datetime(2027, 1, 4, 8, 30, tzinfo=UTC)


def _time_columns() -> dict[str, list[str]]:
    """The UTC time and calendar date columns, by table."""
    compact = (UtcDateTime, CalendarDate)
    return {table.name: [c.name for c in table.columns if isinstance(c.type, compact)]
            for table in Base.metadata.sorted_tables if any(isinstance(c.type, compact) for c in table.columns)}


def _stored_types(engine: sa.Engine) -> set[str]:
    """typeof() of every non-NULL UTC time and due date in the file (SQLite)."""
    found: set[str] = set()
    with engine.connect() as connection:
        for table, columns in _time_columns().items():
            for column in columns:
                found.update(connection.exec_driver_sql(
                    f'SELECT DISTINCT typeof("{column}") FROM "{table}" WHERE "{column}" IS NOT NULL').scalars())
    return found


def test_an_aware_time_round_trips_to_the_microsecond(desk: Any) -> None:
    hanoi = timezone(timedelta(hours=7))
    moment = datetime(2026, 12, 6, 20, 15, 42, 123457, tzinfo=hanoi)
    with desk.db.session() as session:
        session.add(Officer(username="canbo.gio", full_name="Giờ", role="officer", active=True, created_at=moment,
                            last_sign_in_at=datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)))
    with desk.db.session() as session:
        officer = session.execute(select(Officer).where(Officer.username == "canbo.gio")).scalar_one()
        assert officer.created_at == moment and officer.created_at.tzinfo == UTC
        assert officer.last_sign_in_at == datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
        # The same time found by comparing in SQL (bound through the type).
        assert session.execute(select(Officer.id).where(Officer.created_at == moment)).scalar_one() == officer.id
        assert session.execute(select(Officer.id).where(Officer.created_at > moment)).first() is None
    with desk.db.engine.connect() as connection:
        stored, kind = connection.execute(sa.text(
            "SELECT created_at, " + ("typeof(created_at)" if desk.db.engine.dialect.name == "sqlite" else "''")
            + " FROM officers WHERE username = 'canbo.gio'")).one()
    if desk.db.engine.dialect.name == "sqlite":
        assert kind == "integer" and stored == 1796562942123457
    else:
        assert stored == datetime(2026, 12, 6, 13, 15, 42, 123457)  # timestamp without time zone, UTC


def _snapshot(desk: Any, bound: bool = True) -> dict[str, Any]:
    """What the desk reads back: every UTC time and due date of the cases, events and audit entries, and
    queue orders. ``bound``: also what compares a bound time or date in SQL (the keyset page after a received
    time, the due filters, the counts), bound as the current schema stores it."""
    with desk.db.session() as session:
        cases = {case.dossier_code: tuple(getattr(case, c) for c in _time_columns()["cases"])
                 for case in session.scalars(select(Case))}
        events = [(e.case_id, e.action, e.at) for e in session.scalars(select(CaseEvent).order_by(CaseEvent.id))]
        entries = [(e.id, e.at) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    orders = {}
    filters = [QueueFilter(sort="received_at"), QueueFilter(sort="received_at", descending=False),
               QueueFilter(sort="due_date"), QueueFilter(sort="due_date", descending=False)]
    if bound:
        filters += [QueueFilter(due="overdue"), QueueFilter(due="soon"), QueueFilter(due="today")]
    for flt in filters:
        page = desk.cases.page(flt, 0, 100)
        orders[repr(flt)] = [row.id for row in page]
        if bound and flt.sort == "received_at" and len(page) > 10:  # the keyset seek binds a time through the type
            orders[repr(flt) + " after"] = [row.id for row in desk.cases.page_after(flt, page[9], 10) or []]
    return {"cases": cases, "events": events, "entries": entries, "orders": orders,
            "counts": desk.cases.status_counts() if bound else None}


def test_migration_0022_converts_the_text_times_in_place_and_back(
        desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command

    from officer_desk import audit_chain

    assert generate_cases(desk, 60, seed=17) == 60
    codes = [row.dossier_code for row in desk.cases.page(QueueFilter(sort="dossier_code"), 0, 60)]
    with desk.db.session() as session:
        for i in range(3):
            audit(session, "canbo.test", "case.accepted", "case", f"CODE-{i}", desk=1, step=i)
        # An apology moves a due date: a trigger copies the old one from the event's details (0014).
        desk.cases.repository.reschedule(session, codes[0], APPOINTMENT, "chậm")
    sqlite = desk.db.engine.dialect.name == "sqlite"
    if sqlite:
        assert _stored_types(desk.db.engine) == {"integer"}
    before = _snapshot(desk)
    assert len(before["cases"]) == 60 and len(before["entries"]) >= 3 and before["orders"]
    due_index = _time_columns()["cases"].index("due_date")
    assert before["cases"][codes[0]][due_index] == date(2027, 1, 4)
    assert before["cases"][codes[0]][_time_columns()["cases"].index("original_due_date")] is not None

    engine = desk.db.engine
    command.downgrade(alembic_config(engine), PREVIOUS_HEAD)
    assert current_revision(engine) == PREVIOUS_HEAD
    if sqlite:  # the text SQLAlchemy wrote before 0022
        assert _stored_types(engine) == {"text"}
        with engine.connect() as connection:
            texts = connection.exec_driver_sql("SELECT received_at FROM cases").scalars().all()
            days = connection.exec_driver_sql("SELECT due_date FROM cases WHERE due_date IS NOT NULL").scalars().all()
        assert texts and all(SQLALCHEMY_TEXT.match(text) for text in texts)
        assert days and all(re.match(r"^\d{4}-\d\d-\d\d$", day) for day in days)
    # An older file reads the same (the readers take text too; the desk upgrades it before it compares a
    # time in SQL); its audit chain verifies, on the fast path.
    monkeypatch.setattr(audit_chain, "_exact_digest", lambda *_args: pytest.fail("slow path"))
    older = _snapshot(desk, bound=False)
    assert older == {**before, "counts": None, "orders": {k: v for k, v in before["orders"].items()
                                                          if "due='" not in k and not k.endswith("after")}}
    assert AuditLog(desk).verify().intact
    first_case = min(before["cases"])
    with engine.begin() as connection:  # a time with no fraction, as a hand-made row holds it
        if sqlite:
            connection.exec_driver_sql(f"UPDATE cases SET assigned_at = '{WHOLE_SECOND}' "
                                       f"WHERE dossier_code = '{first_case}'")
            # Another ISO form (read by Python, not by the migration's SQL) and text it cannot read at all.
            connection.exec_driver_sql("UPDATE officers SET last_failed_at = '2026-11-27T08:00:00.5+07:00', "
                                       "last_sign_in_at = 'not a time' WHERE id = (SELECT min(id) FROM officers)")
        else:
            connection.execute(sa.text("UPDATE cases SET assigned_at = :at WHERE dossier_code = :code"),
                               {"at": datetime.fromisoformat(WHOLE_SECOND), "code": first_case})

    upgrade_to_head(engine)
    assert current_revision(engine) != PREVIOUS_HEAD
    if sqlite:
        with engine.connect() as connection:
            assert connection.exec_driver_sql(
                "SELECT last_failed_at, last_sign_in_at FROM officers WHERE id = (SELECT min(id) FROM officers)"
            ).one() == (1795741200500000, "not a time")  # 01:00:00.5 UTC; the unreadable text kept, not lost
            connection.exec_driver_sql(
                "UPDATE officers SET last_sign_in_at = NULL WHERE typeof(last_sign_in_at) = 'text'")
            connection.commit()
        assert _stored_types(engine) == {"integer"}
        with engine.connect() as connection:  # the indexes and triggers set aside are back
            names = set(connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
        # (ix_case_events_at too, until migration 0026 drops it on SQLite)
        assert {"ix_cases_received_at", "ix_cases_backlog", "ix_audit_entries_at", "trg_cases_count_update",
                "trg_case_events_result"} <= names
    after = _snapshot(desk)
    index = _time_columns()["cases"].index("assigned_at")
    assert after["cases"][first_case][index] == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    after["cases"][first_case] = before["cases"][first_case]
    assert after == before
    assert AuditLog(desk).verify().intact
    with desk.db.session() as session:  # the trigger stores the old due date as the column does now
        desk.cases.repository.reschedule(session, codes[1], APPOINTMENT, "chậm")
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == codes[1])).scalar_one()
        assert case.original_due_date == before["cases"][codes[1]][due_index]
    if sqlite:
        assert _stored_types(engine) == {"integer"}
    # New rows after the upgrade sort with the converted ones.
    assert generate_cases(desk, 5, seed=18) == 5
    newest = desk.cases.page(replace(QueueFilter(), sort="received_at"), 0, 200)
    received = [row.received_at for row in newest]
    assert received == sorted(received, reverse=True) and len(received) == 65
