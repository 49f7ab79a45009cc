"""Service-quality figures on both back-ends, checked against a small data set computed by hand.

Calendar facts the hand computation uses (shipped override table, 2026): Fri 24/04 and Tue 28/04,
Wed 29/04 are worked; Sat 25, Sun 26, Mon 27/04 (compensation for Giỗ Tổ), Thu 30/04 and
Fri 01/05 are days off; Mon 04/05 to Fri 08/05 are worked.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import UsageError
from officer_desk.lifecycle import Action
from officer_desk.models import Case, Officer
from officer_desk.paths import Home
from officer_desk.reports import Period, Scope, build_report, parse_period
from officer_desk.reports.facts import MAX_SPAN_SECONDS
from officer_desk.reports.queries import CHANNELS
from tests.helpers.reports import NOW, P1, P2, PERIOD, Spec, load_dataset, local


@pytest.fixture
def dataset(desk: Any) -> dict[str, int]:
    return load_dataset(desk)


def test_the_calendar_the_hand_computation_relies_on(desk: Any) -> None:
    worked = {day: desk.calendar.is_working_day(date(2026, month, day)) for day, month in
              ((24, 4), (25, 4), (26, 4), (27, 4), (28, 4), (29, 4), (30, 4))}
    assert worked == {24: True, 25: False, 26: False, 27: False, 28: True, 29: True, 30: False}
    assert not desk.calendar.is_working_day(date(2026, 5, 1))
    assert all(desk.calendar.is_working_day(date(2026, 5, d)) for d in (4, 5, 6, 7, 8))


def test_every_figure_of_the_period(desk: Any, dataset: dict[str, int]) -> None:
    report = build_report(desk, PERIOD, now=NOW)
    data = report.as_json()
    # Cohort: B, C, D, E, F, I, J (A before, H after the period in local days).
    assert data["from"] == "24/04/2026" and data["to"] == "30/04/2026"
    assert data["received"] == 7
    assert data["by_channel"] == {"truc_tiep": 2, "truc_tuyen": 4, "buu_chinh": 1}
    assert data["online_rate"] == round(4 / 7, 4)
    assert data["results"] == {"early": 1, "on_time": 2, "late": 1}
    # Processing days B 1, C 1, D 2 (from the restart), E 3: median 1.5, P90 (nearest rank 4 of 4) 3.
    assert data["processing_days"] == {"median": 1.5, "p90": 3.0}
    assert data["supplement_rate"] == round(2 / 7, 4)
    assert data["refusal_rate"] == round(1 / 7, 4)
    rows = {row["key"]: row for row in data["rows"]}
    assert set(rows) == {P1, P2}
    assert {k: rows[P1][k] for k in ("received", "online_rate", "on_time", "late", "early")} == {
        "received": 5, "online_rate": round(3 / 5, 4), "on_time": 1, "late": 0, "early": 1}
    assert {k: rows[P2][k] for k in ("received", "online_rate", "on_time", "late", "early")} == {
        "received": 2, "online_rate": 0.5, "on_time": 1, "late": 1, "early": 0}
    assert rows[P2]["processing_days"] == {"median": 2.5, "p90": 3.0}
    assert rows[P1]["refusal_rate"] == 0.2 and rows[P1]["supplement_rate"] == 0.2
    assert rows[P2]["supplement_rate"] == 0.5
    # Handling: C 360 s, D capped at 1800 s → 2 dossiers, 18 minutes each on average.
    assert MAX_SPAN_SECONDS == 1800
    assert data["handling_minutes"] == 18.0
    # Hints raised in the period (A's before it, B's was superseded by a new screening).
    assert data["findings"] == [
        {"code": "MISSING_REQUIRED_DOC", "label": "Thiếu thành phần hồ sơ", "raised": 2, "dismissed": 1,
         "accepted": 0},
        {"code": "PHONE_INVALID", "label": "Số điện thoại không hợp lệ", "raised": 1, "dismissed": 0, "accepted": 1},
    ]
    # Backlog now (08/05): I is open, 10 days old and overdue; H is open but received after the period.
    assert data["backlog"] == {"0-2": 0, "3-5": 0, "6-10": 1, "11-20": 0, "21+": 0}
    assert data["overdue"] == 1
    # Documents issued in the period: B's receipt (00:10 local on 24/04), C's receipt, D's unsigned notice.
    assert data["documents"] == {"signatures": 2, "receipts": 2, "by_type": {"receipt": 2, "supplement": 1}}


def test_stored_facts_match_the_timeline(desk: Any, dataset: dict[str, int]) -> None:
    build_report(desk, PERIOD, now=NOW)
    with desk.db.session() as session:
        d = session.get(Case, dataset["D"])
        j = session.get(Case, dataset["J"])
        c = session.get(Case, dataset["C"])
        assert d.result_at == local(7, 5, 15).astimezone(UTC)
        assert (d.processing_days, d.result_timing, d.supplement_count) == (2, "on_time", 1)
        assert j.supplement_count == 1 and j.result_at is None
        assert c.commune == "Phường Việt Trì" and c.agency_id == "000.00.01.X99"
        assert c.handling_seconds == 360


@pytest.mark.parametrize(("by", "expected"), [
    ("channel", {"truc_tuyen": 4, "truc_tiep": 2, "buu_chinh": 1}),
    ("officer", {"": 5, "canbo.a": 2}),
    ("commune", {"Xã Yên Lạc": 6, "Phường Việt Trì": 1}),
])
def test_grouping(desk: Any, dataset: dict[str, int], by: str, expected: dict[str, int]) -> None:
    report = build_report(desk, PERIOD, by=by, now=NOW)
    got = {row.key: row.received for row in report.rows}
    if by == "officer":
        labels = {row.key: row.label for row in report.rows}
        assert labels["canbo.a"] == "Cán Bộ A" and labels[""] == "(chưa có cán bộ tiếp nhận)"
    assert got == expected


# A channel left empty and one the report does not know (a row written by another program or by hand): each
# is a group of its own in the by-channel report, and neither counts in the three channels' totals.
ODD_CHANNELS = (
    Spec("X", local(28, 4, 9), "", P2, "returned", date(2026, 5, 4), local(4, 5, 10), officer="canbo.a"),
    Spec("Y", local(29, 4, 15), "fax", P1, "received", date(2026, 5, 6), address="phường Việt Trì, tỉnh Phú Thọ",
         desk=2),
)
FIGURES = ("received", "by_channel", "returned", "early", "on_time", "late", "supplemented", "refused", "handled",
           "handling_seconds", "days")
WHOLE_YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))  # every dossier on record: no date test on SQLite
SCOPES = (Scope(), Scope(desk=2), Scope(office="000.00.01.X99"), Scope(commune="Phường Việt Trì"),
          Scope(procedure=P2), Scope(officer="canbo.a"))


def _by_channel_case_by_case(desk: Any, period: Period, scope: Scope) -> dict[str, dict[str, Any]]:
    """The by-channel figures counted one stored case at a time in Python: what the grouped SQL must give,
    whichever index it reads (on SQLite the by-procedure one since migration 0027)."""
    with desk.db.session() as session:
        officers = {officer.id: officer.username for officer in session.execute(select(Officer)).scalars()}
        cases = list(session.execute(select(Case)).scalars())
    groups: dict[str, dict[str, Any]] = {}
    for case in cases:
        if not period.start_utc <= case.received_at < period.end_utc or any((
                scope.desk is not None and case.origin_desk != scope.desk,
                scope.office and case.agency_id != scope.office,
                scope.commune and case.commune != scope.commune,
                scope.procedure and case.procedure_code != scope.procedure,
                scope.officer and officers.get(case.handling_officer_id) != scope.officer)):
            continue
        group = groups.setdefault(case.channel or "", {
            "received": 0, "by_channel": dict.fromkeys(CHANNELS, 0), "returned": 0, "early": 0, "on_time": 0,
            "late": 0, "supplemented": 0, "refused": 0, "handled": 0, "handling_seconds": 0, "days": {}})
        group["received"] += 1
        if case.channel in CHANNELS:
            group["by_channel"][case.channel] += 1
        if case.status == "returned":
            group["returned"] += 1
            if case.result_timing in ("early", "on_time", "late"):
                group[case.result_timing] += 1
            if case.processing_days is not None:
                group["days"][case.processing_days] = group["days"].get(case.processing_days, 0) + 1
        group["supplemented"] += bool(case.supplement_count)
        group["refused"] += case.status == "refused"
        group["handled"] += bool(case.handling_seconds)
        group["handling_seconds"] += case.handling_seconds or 0
    return groups


def test_by_channel_figures_match_the_cases_one_by_one(desk: Any) -> None:
    """Every figure of the by-channel report, for a short and a whole period and each scope, as counted case by
    case; its totals are the by-procedure report's."""
    load_dataset(desk, extra=ODD_CHANNELS)
    assert {row.key for row in build_report(desk, WHOLE_YEAR, by="channel", now=NOW).rows} == {
        "truc_tiep", "truc_tuyen", "buu_chinh", "", "fax"}
    for period in (PERIOD, WHOLE_YEAR, Period(date(2026, 4, 29), date(2026, 4, 29))):
        for scope in SCOPES:
            report = build_report(desk, period, scope, by="channel", now=NOW)
            expected = _by_channel_case_by_case(desk, period, scope)
            assert {row.key: {name: getattr(row, name) for name in FIGURES} for row in report.rows} == expected, (
                period, scope)
            by_procedure = build_report(desk, period, scope, by="procedure", now=NOW)
            assert {name: getattr(report.total, name) for name in FIGURES} == {
                name: getattr(by_procedure.total, name) for name in FIGURES}
    rows = {row.key: row for row in build_report(desk, PERIOD, by="channel", now=NOW).rows}
    assert (rows[""].received, rows[""].returned, rows["fax"].received, rows["truc_tuyen"].received) == (1, 1, 1, 4)
    assert rows[""].label == "" and rows["fax"].label == "fax"


def test_sqlite_by_channel_report_reads_the_by_procedure_index_in_group_order(isolated_home: Home) -> None:
    """No by-channel grouping index on SQLite (migration 0027): the by-channel query reads the by-procedure one
    in its order (no temporary b-tree for the grouping), for a whole year, a short period and a scope."""
    from officer_desk.desk import open_desk

    desk = open_desk(isolated_home)
    statements: list[tuple[str, Any]] = []

    def grouped(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if "GROUP BY" in statement and "INDEXED BY" in statement:
            statements.append((statement, parameters))

    try:
        load_dataset(desk)
        with desk.db.engine.connect() as connection:
            indexes = set(connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'").scalars())
        assert "ix_cases_report_by_channel" not in indexes and "ix_cases_report_by_procedure" in indexes
        sa.event.listen(desk.db.engine, "before_cursor_execute", grouped)
        try:
            for period, scope in ((WHOLE_YEAR, Scope()), (PERIOD, Scope()), (PERIOD, Scope(procedure=P2)),
                                  (PERIOD, Scope(officer="canbo.a"))):
                build_report(desk, period, scope, by="channel", now=NOW)
        finally:
            sa.event.remove(desk.db.engine, "before_cursor_execute", grouped)
        assert len(statements) == 4
        with desk.db.engine.connect() as connection:
            for statement, parameters in statements:
                plan = " / ".join(str(row[-1]) for row in connection.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {statement}", parameters))
                assert "USING COVERING INDEX ix_cases_report_by_procedure" in plan, plan
                assert "TEMP B-TREE" not in plan, plan
    finally:
        desk.close()


@pytest.mark.parametrize(("scope", "received", "early", "on_time", "late"), [
    (Scope(procedure=P2), 2, 0, 1, 1),
    (Scope(officer="canbo.a"), 2, 1, 1, 0),
    (Scope(commune="Phường Việt Trì"), 1, 1, 0, 0),
    (Scope(desk=2), 1, 0, 0, 0),
    (Scope(office="000.00.01.X99"), 7, 1, 2, 1),
    (Scope(office="000.00.02.X99"), 0, 0, 0, 0),
    (Scope(officer="nobody"), 0, 0, 0, 0),
])
def test_scope(desk: Any, dataset: dict[str, int], scope: Scope, received: int, early: int, on_time: int,
               late: int) -> None:
    total = build_report(desk, PERIOD, scope, now=NOW).total
    assert (total.received, total.early, total.on_time, total.late) == (received, early, on_time, late)


def test_empty_period_is_zeros(desk: Any, dataset: dict[str, int]) -> None:
    data = build_report(desk, Period(date(2025, 1, 1), date(2025, 1, 31)), now=NOW).as_json()
    assert data["received"] == 0 and data["online_rate"] == 0
    assert data["results"] == {"early": 0, "on_time": 0, "late": 0}
    assert data["processing_days"] == {"median": 0.0, "p90": 0.0}
    assert data["rows"] == [] and data["supplement_rate"] == 0 and data["refusal_rate"] == 0


def test_service_path_keeps_the_facts(desk: Any, tmp_path: Any) -> None:
    """Through the real services: a supplement request counts, a returned case gets its facts."""
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
    data = json.loads(sample.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    today = datetime.now(LOCAL_TZ)
    data["received_at"] = today.strftime("%d/%m/%Y %H:%M")
    codes = []
    for number in (1, 2):
        data["dossier_code"] = f"000.00.01.X99-{today:%y%m%d}-09{number:02d}"
        path = tmp_path / f"case{number}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        desk.cases.import_paths([path])
        codes.append(data["dossier_code"])
    # Accepting needs every error hint decided (issue 10): the officer found this one wrong at the counter.
    for finding in desk.cases.detail(codes[0]).findings:
        if finding.severity == "error":
            desk.cases.decide_finding(finding.id, "overridden", "Đã đối chiếu bản chính tại quầy")
    for action in (Action.ACCEPT, Action.START_PROCESSING, Action.MARK_RESULT_READY, Action.RETURN_RESULT):
        desk.cases.transition(codes[0], action)
    desk.cases.transition(codes[1], Action.REQUEST_SUPPLEMENT)
    day = today.date()
    report = build_report(desk, Period(day, day))
    assert report.total.received == 2 and report.total.returned == 1
    assert report.total.early + report.total.on_time == 1 and report.total.late == 0
    assert report.total.days == {0: 1}
    assert report.total.supplemented == 1


def test_period_errors() -> None:
    with pytest.raises(UsageError) as inverted:
        parse_period("02/05/2026", "01/05/2026")
    assert inverted.value.exit_code == 2 and "sau ngày kết thúc" in inverted.value.message
    for first, last in ((None, "01/05/2026"), ("31/02/2026", "01/03/2026"), ("2026-05-01", "02/05/2026")):
        with pytest.raises(UsageError):
            parse_period(first, last)
    assert parse_period("01/05/2026", "01/05/2026").days == 1
