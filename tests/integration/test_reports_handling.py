"""The handling officer and the apology's due date in the report (issue 15; docs/reports.md), on both
back-ends, checked against a small data set computed by hand.

Calendar facts (shipped override table, 2026; test_reports.py checks them): Fri 24/04, Tue 28/04 and
Wed 29/04 are worked; Sat 25, Sun 26, Mon 27/04, Thu 30/04, Fri 01/05 and the weekend 02–03/05 are off;
Mon 04/05 to Fri 08/05 are worked.

| case | taken in by | holds it now | due (original → after apology) | result | timing |
|---|---|---|---|---|---|
| K1 | canbo.a at the counter | canbo.b | 29/04 | 28/04 | early, 1 working day |
| K2 | online; canbo.b accepted it | canbo.a | 28/04 → 05/05 (apology 29/04) | 05/05 | LATE (against 28/04), 4 days |
| K3 | canbo.b at the counter | canbo.a | 30/04 → 12/05 (apology 04/05) | open | backlog, not overdue |
| K4 | online, nobody yet | — | 05/05 | open | backlog, overdue |
| K5 | canbo.a at the counter | canbo.b | 04/05 | 06/05 | late, 3 days |
| K6 | canbo.b at the counter | canbo.b | 28/04 → 06/05 (apology); supplement restarts the clock | 06/05 | on time, 2 |
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from officer_desk.lifecycle import Action
from officer_desk.models import Case, CaseEvent, Officer
from officer_desk.models.base import stored_day
from officer_desk.reports import Period, Scope, build_report
from tests.helpers.reports import NOW, P1, PERIOD, local


def _case(session: Any, name: str, received: datetime, channel: str, status: str, due: date,
          holder: int | None, clock_started: datetime | None = None) -> Case:
    code = f"000.00.01.X99-2604{name}-0001"
    text = json.dumps({"format": "officer-desk/application@1", "dossier_code": code, "procedure_code": P1,
                       "channel": channel, "applicant": {"full_name": f"Người {name}",
                                                         "address": "xã Yên Lạc, tỉnh Phú Thọ"}})
    case = Case(dossier_code=code, procedure_code=P1, channel=channel, status=status, received_at=received,
                due_date=due, clock_started_at=clock_started or received, applicant_name=f"Người {name}",
                raw_json=text, dossier_json=text, raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
                origin_desk=1, assigned_officer_id=holder)
    session.add(case)
    session.flush()
    return case


def _event(session: Any, case: Case, at: datetime, action: str, officer: int | None = None,
           from_status: str | None = None, to_status: str | None = None, **details: Any) -> None:
    session.add(CaseEvent(case_id=case.id, at=at, action=action, officer_id=officer, from_status=from_status,
                          to_status=to_status, details=details))
    session.flush()


def _apology(session: Any, case: Case, at: datetime, officer: int, old: date, new: date) -> None:
    # As CaseRepository.reschedule writes it (the apology notice, Mẫu 05).
    _event(session, case, at, "rescheduled", officer, old_due_date=old.isoformat(), new_due_date=new.isoformat())


@pytest.fixture
def handled(desk: Any) -> dict[str, int]:
    with desk.db.session() as session:
        a = Officer(username="canbo.a", full_name="Cán Bộ A")
        b = Officer(username="canbo.b", full_name="Cán Bộ B")
        session.add_all([a, b])
        session.flush()
        k1 = _case(session, "K1", local(24, 4, 9), "truc_tiep", "returned", date(2026, 4, 29), b.id)
        _event(session, k1, local(24, 4, 9), "received", a.id, None, "received")
        _event(session, k1, local(24, 4, 11), "assigned", a.id, assignee="canbo.b")
        _event(session, k1, local(28, 4, 10), Action.RETURN_RESULT.value, b.id, "result_ready", "returned")

        k2 = _case(session, "K2", local(24, 4, 10), "truc_tuyen", "returned", date(2026, 5, 5), a.id)
        _event(session, k2, local(24, 4, 10), "received", None, None, "received")
        _event(session, k2, local(24, 4, 11), Action.ACCEPT.value, b.id, "received", "accepted")
        _event(session, k2, local(24, 4, 14), "assigned", b.id, assignee="canbo.a")
        _apology(session, k2, local(29, 4, 16), a.id, date(2026, 4, 28), date(2026, 5, 5))
        _event(session, k2, local(5, 5, 15), Action.RETURN_RESULT.value, a.id, "result_ready", "returned")

        k3 = _case(session, "K3", local(28, 4, 8), "truc_tiep", "in_processing", date(2026, 5, 12), a.id)
        _event(session, k3, local(28, 4, 8), "received", b.id, None, "received")
        _apology(session, k3, local(4, 5, 9), a.id, date(2026, 4, 30), date(2026, 5, 12))

        k4 = _case(session, "K4", local(29, 4, 9), "truc_tuyen", "received", date(2026, 5, 5), None)
        _event(session, k4, local(29, 4, 9), "received", None, None, "received")

        k5 = _case(session, "K5", local(29, 4, 14), "truc_tiep", "returned", date(2026, 5, 4), b.id)
        _event(session, k5, local(29, 4, 14), "received", a.id, None, "received")
        _event(session, k5, local(6, 5, 11), Action.RETURN_RESULT.value, b.id, "result_ready", "returned")

        k6 = _case(session, "K6", local(24, 4, 9, 30), "truc_tiep", "returned", date(2026, 5, 6), b.id,
                   clock_started=local(4, 5, 9))
        _event(session, k6, local(24, 4, 9, 30), "received", b.id, None, "received")
        _apology(session, k6, local(29, 4, 9), b.id, date(2026, 4, 28), date(2026, 5, 6))
        _event(session, k6, local(30, 4, 9), Action.REQUEST_SUPPLEMENT.value, b.id, "in_processing",
               "supplement_requested")
        _event(session, k6, local(4, 5, 9), Action.SUPPLEMENT_RECEIVED.value, b.id, "supplement_requested",
               "received")
        _event(session, k6, local(6, 5, 10), Action.RETURN_RESULT.value, b.id, "result_ready", "returned")
        return {"a": a.id, "b": b.id, "K2": k2.id, "K3": k3.id, "K6": k6.id}


def test_timeline_keeps_the_handling_officer_and_the_original_due_date(desk: Any, handled: dict[str, int]) -> None:
    build_report(desk, PERIOD, now=NOW)
    with desk.db.session() as session:
        facts = {c.dossier_code.split("-")[1][4:]: (c.handling_officer_id, c.assigned_officer_id, c.original_due_date,
                                         c.result_timing)
                 for c in session.execute(select(Case)).scalars()}
    a, b = handled["a"], handled["b"]
    assert facts == {
        "K1": (a, b, None, "early"),
        "K2": (b, a, date(2026, 4, 28), "late"),
        "K3": (b, a, date(2026, 4, 30), None),
        "K4": (None, None, None, None),
        "K5": (a, b, None, "late"),
        "K6": (b, b, None, "on_time"),  # the supplement restarted the clock: the apology's date is gone
    }


def test_results_count_an_apology_as_late_and_the_backlog_uses_the_new_date(desk: Any,
                                                                             handled: dict[str, int]) -> None:
    data = build_report(desk, PERIOD, now=NOW).as_json()
    assert data["received"] == 6
    # K2 was returned on its new date (on time by it) but after its original one: late.
    assert data["results"] == {"early": 1, "on_time": 1, "late": 2}
    # Processing days K1 1, K2 4, K5 3, K6 2 (from the restart): median 2.5, P90 (rank 4 of 4) 4.
    assert data["processing_days"] == {"median": 2.5, "p90": 4.0}
    # Open now (08/05): K3 (10 days old, new due 12/05: not overdue though 30/04 has passed) and K4
    # (9 days old, due 05/05: overdue).
    assert data["backlog"] == {"0-2": 0, "3-5": 0, "6-10": 2, "11-20": 0, "21+": 0}
    assert data["overdue"] == 1


def test_officer_rows_are_the_officer_who_took_the_dossier_in(desk: Any, handled: dict[str, int]) -> None:
    rows = {row.key: row for row in build_report(desk, PERIOD, by="officer", now=NOW).rows}
    # By the officer holding the case now it would be canbo.a: K2, K3 and canbo.b: K1, K5, K6.
    assert {key: row.received for key, row in rows.items()} == {"canbo.a": 2, "canbo.b": 3, "": 1}
    assert (rows["canbo.a"].early, rows["canbo.a"].on_time, rows["canbo.a"].late) == (1, 0, 1)
    assert (rows["canbo.b"].early, rows["canbo.b"].on_time, rows["canbo.b"].late) == (0, 1, 1)
    assert rows["canbo.a"].label == "Cán Bộ A" and rows[""].label == "(chưa có cán bộ tiếp nhận)"
    scoped = build_report(desk, PERIOD, Scope(officer="canbo.a"), now=NOW)
    assert (scoped.total.received, scoped.total.early, scoped.total.on_time, scoped.total.late) == (2, 1, 0, 1)
    assert sum(scoped.backlog.values()) == 0 and scoped.overdue == 0  # K3 and K4 are not canbo.a's
    b_scope = build_report(desk, PERIOD, Scope(officer="canbo.b"), now=NOW)
    assert b_scope.backlog["6-10"] == 1 and b_scope.overdue == 0  # K3


def test_a_period_holding_every_dossier_gives_the_same_figures(desk: Any, handled: dict[str, int]) -> None:
    """On SQLite a period that holds every dossier on record reads the grouping index without the date
    test: the figures must not change."""
    wide = build_report(desk, Period(date(2026, 1, 1), date(2026, 12, 31)), by="officer", now=NOW).as_json()
    narrow = build_report(desk, PERIOD, by="officer", now=NOW).as_json()
    for key in ("received", "results", "processing_days", "rows"):
        assert wide[key] == narrow[key]
    assert build_report(desk, Period(date(2026, 4, 24), date(2026, 4, 24)), now=NOW).total.received == 3


def test_apology_through_the_cli_counts_late(isolated_home: Any, tmp_path: Path) -> None:
    """The real path: receipt, processing, `notice apology --new-date`, result returned on the new date's
    side of the original one; the report counts it late, the backlog meanwhile not overdue."""
    from officer_desk.cli import main
    from officer_desk.desk import open_desk
    from tests.integration.test_case_notices import _overdue_case

    code = _overdue_case(isolated_home, tmp_path)
    today = date.today()
    new_day = today + timedelta(days=7)
    while new_day.weekday() >= 5:
        new_day += timedelta(days=1)
    assert main(["notice", "apology", code, "--new-date", new_day.strftime("%d/%m/%Y"),
                 "--reason", "Chờ kết quả xác minh", "--out", str(tmp_path / "xl.pdf")]) == 0
    desk = open_desk(isolated_home)
    try:
        received = desk.cases.detail(code).row.received_at.date()
        period = Period(min(received, today), max(received, today))
        before = build_report(desk, period)
        assert before.overdue == 0 and sum(before.backlog.values()) == 1
        for action in (Action.MARK_RESULT_READY, Action.RETURN_RESULT):
            desk.cases.transition(code, action)
        after = build_report(desk, period)
        assert (after.total.early, after.total.on_time, after.total.late) == (0, 0, 1)
        rows = build_report(desk, period, by="officer").rows
        assert [row.key for row in rows] == [desk.officer]  # the officer who took it in
    finally:
        desk.close()


def test_migration_0014_reads_the_existing_timeline(backend: str | None, isolated_home: Any) -> None:
    """An office upgrading in place: the handling officer and the apology's original due date come from
    the timeline already stored, and a result judged before the upgrade is judged again."""
    import sqlalchemy as sa

    from officer_desk.database import open_database
    from officer_desk.models.migrate import upgrade_to_head
    from tests.integration.test_database import _engine_at_first_revision

    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, "0011_sync_identity")
    now = datetime(2026, 5, 5, 8, 0)
    with engine.begin() as conn:
        for username in ("canbo.a", "canbo.b"):
            conn.execute(sa.text("INSERT INTO officers (username, full_name, role, active, created_at) "
                                 "VALUES (:u, :u, 'officer', true, :now)"), {"u": username, "now": now})
        a, b = (conn.execute(sa.text("SELECT id FROM officers WHERE username = :u"), {"u": u}).scalar_one()
                for u in ("canbo.a", "canbo.b"))
        conn.execute(sa.text(
            "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
            " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
            " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at, due_date,"
            " assigned_officer_id, result_at, result_timing, processing_days, supplement_count, handling_seconds)"
            " VALUES ('X-260424-0001', '1.004194', 'truc_tuyen', 'returned', :at, 'A', '', '', '', '{}', '{}',"
            " 'abc', 1, 1, :at, 0, false, :at, :at, :due, :b, :now, 'on_time', 4, 0, 0)"),
            {"at": datetime(2026, 4, 24, 3, 0), "due": date(2026, 5, 5), "b": b, "now": now})
        case_id = conn.execute(sa.text("SELECT id FROM cases")).scalar_one()
        events = [("received", None, None, "received", {}),
                  ("accept", a, "received", "accepted", {}),
                  ("assigned", a, None, None, {"assignee": "canbo.b"}),
                  ("rescheduled", b, None, None, {"old_due_date": "2026-04-28", "new_due_date": "2026-05-05"}),
                  ("return_result", b, "result_ready", "returned", {})]
        for minute, (action, officer, source, target, details) in enumerate(events):
            conn.execute(sa.text(
                "INSERT INTO case_events (case_id, at, officer_id, action, from_status, to_status, reason, details)"
                " VALUES (:case, :at, :officer, :action, :source, :target, '', :details)"),
                {"case": case_id, "at": datetime(2026, 4, 24, 4, minute), "officer": officer, "action": action,
                 "source": source, "target": target, "details": json.dumps(details)})
    engine.dispose()
    db = open_database(isolated_home, backend)
    try:
        with db.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT handling_officer_id, assigned_officer_id, original_due_date,"
                                       " result_timing, processing_days FROM cases")).one()
        assert (row[0], row[1]) == (a, b)
        # original_due_date as stored: a day number on SQLite since migration 0022, a date on PostgreSQL
        assert stored_day(row[2]) == date(2026, 4, 28) and row[3] is None and row[4] is None  # judged again
    finally:
        db.dispose()
