"""UTC times stored as integers on SQLite (issue 17, migration 0022), on both back-ends: an aware time comes
back equal to the microsecond, SQLite stores an INTEGER and PostgreSQL a timestamp, and an office file written
before 0022 (text times, with and without a fraction) upgrades in place with every case, event, audit entry
and queue order unchanged; the downgrade gives SQLAlchemy's text back."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.audit import audit
from officer_desk.audit_log import AuditLog
from officer_desk.cases import QueueFilter
from officer_desk.demo import generate_cases
from officer_desk.models import AuditEntry, Case, CaseEvent, Officer
from officer_desk.models.base import UtcDateTime
from officer_desk.models.migrate import alembic_config, current_revision, upgrade_to_head
from officer_desk.models.base import Base

PREVIOUS_HEAD = "0021_sqlite_result_trigger_noop"
SQLALCHEMY_TEXT = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")
WHOLE_SECOND = "2026-11-27 08:00:00"  # a time written without a fraction (by hand, or the driver's adapter)


def _time_columns() -> dict[str, list[str]]:
    return {table.name: [c.name for c in table.columns if isinstance(c.type, UtcDateTime)]
            for table in Base.metadata.sorted_tables
            if any(isinstance(c.type, UtcDateTime) for c in table.columns)}


def _stored_types(engine: sa.Engine) -> set[str]:
    """typeof() of every non-NULL UTC time in the file (SQLite)."""
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


def _snapshot(desk: Any, seek: bool = True) -> dict[str, Any]:
    """What the desk reads back: every UTC time of the cases, events and audit entries, and queue orders.
    ``seek``: also the keyset page after a received time (it binds a time as the current schema stores it)."""
    with desk.db.session() as session:
        cases = {case.dossier_code: tuple(getattr(case, c) for c in _time_columns()["cases"])
                 for case in session.scalars(select(Case))}
        events = [(e.case_id, e.action, e.at) for e in session.scalars(select(CaseEvent).order_by(CaseEvent.id))]
        entries = [(e.id, e.at) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    orders = {}
    for flt in (QueueFilter(sort="received_at"), QueueFilter(sort="received_at", descending=False),
                QueueFilter(sort="due_date"), QueueFilter(due="overdue"), QueueFilter(due="soon")):
        page = desk.cases.page(flt, 0, 100)
        orders[repr(flt)] = [row.id for row in page]
        if seek and flt.sort == "received_at" and len(page) > 10:  # the keyset seek binds a time through the type
            orders[repr(flt) + " after"] = [row.id for row in desk.cases.page_after(flt, page[9], 10) or []]
    return {"cases": cases, "events": events, "entries": entries, "orders": orders,
            "counts": desk.cases.status_counts()}


def test_migration_0022_converts_the_text_times_in_place_and_back(
        desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command

    from officer_desk import audit_chain

    assert generate_cases(desk, 60, seed=17) == 60
    with desk.db.session() as session:
        for i in range(3):
            audit(session, "canbo.test", "case.accepted", "case", f"CODE-{i}", desk=1, step=i)
    sqlite = desk.db.engine.dialect.name == "sqlite"
    if sqlite:
        assert _stored_types(desk.db.engine) == {"integer"}
    before = _snapshot(desk)
    assert len(before["cases"]) == 60 and len(before["entries"]) >= 3 and before["orders"]

    engine = desk.db.engine
    command.downgrade(alembic_config(engine), PREVIOUS_HEAD)
    assert current_revision(engine) == PREVIOUS_HEAD
    if sqlite:  # the text SQLAlchemy wrote before 0022
        assert _stored_types(engine) == {"text"}
        with engine.connect() as connection:
            texts = connection.exec_driver_sql("SELECT received_at FROM cases").scalars().all()
        assert texts and all(SQLALCHEMY_TEXT.match(text) for text in texts)
    # An older file reads the same (the readers take text too; the desk upgrades it before it compares a
    # time in SQL); its audit chain verifies, on the fast path.
    monkeypatch.setattr(audit_chain, "_exact_digest", lambda *_args: pytest.fail("slow path"))
    older = _snapshot(desk, seek=False)
    assert older == {**before, "orders": {k: v for k, v in before["orders"].items() if not k.endswith("after")}}
    assert AuditLog(desk).verify().intact
    first_case = min(before["cases"])
    with engine.begin() as connection:  # a time with no fraction, as a hand-made row holds it
        if sqlite:
            connection.exec_driver_sql(f"UPDATE cases SET assigned_at = '{WHOLE_SECOND}' "
                                       f"WHERE dossier_code = '{first_case}'")
        else:
            connection.execute(sa.text("UPDATE cases SET assigned_at = :at WHERE dossier_code = :code"),
                               {"at": datetime.fromisoformat(WHOLE_SECOND), "code": first_case})

    upgrade_to_head(engine)
    assert current_revision(engine) != PREVIOUS_HEAD
    if sqlite:
        assert _stored_types(engine) == {"integer"}
        with engine.connect() as connection:  # the indexes and triggers set aside are back
            names = set(connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
        assert {"ix_cases_received_at", "ix_cases_backlog", "ix_case_events_at", "trg_cases_count_update",
                "trg_case_events_result"} <= names
    after = _snapshot(desk)
    index = _time_columns()["cases"].index("assigned_at")
    assert after["cases"][first_case][index] == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    after["cases"][first_case] = before["cases"][first_case]
    assert after == before
    assert AuditLog(desk).verify().intact
    # New rows after the upgrade sort with the converted ones.
    assert generate_cases(desk, 5, seed=18) == 5
    newest = desk.cases.page(replace(QueueFilter(), sort="received_at"), 0, 200)
    received = [row.received_at for row in newest]
    assert received == sorted(received, reverse=True) and len(received) == 65
