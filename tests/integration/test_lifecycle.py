"""Case lifecycle on both back-ends: transitions, audit, assignment lock, clock sanity."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.errors import ClockError, ConflictError, LifecycleError
from officer_desk.lifecycle import TRANSITIONS, Action, Status, allowed_actions
from officer_desk.models import AuditEntry, CaseEvent
from officer_desk.screening.result import ScreeningFinding
from officer_desk.vocabulary import Severity
from tests.helpers.desks import override_open_errors

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"


@pytest.fixture
def case_code(desk, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    override_open_errors(desk, CODE)  # these tests are about the lifecycle, not about the hints
    return CODE


def test_transition_table_is_the_single_source_of_allowed_actions() -> None:
    assert allowed_actions(Status.RECEIVED) == [Action.ACCEPT, Action.REQUEST_SUPPLEMENT, Action.REFUSE,
                                                Action.WITHDRAW]
    assert allowed_actions(Status.RETURNED) == []
    assert all(t.target in Status for t in TRANSITIONS.values())


def test_full_path_to_returned_is_audited(desk, case_code: str) -> None:  # type: ignore[no-untyped-def]
    for action in (Action.ACCEPT, Action.START_PROCESSING, Action.SUBMIT_FOR_SIGNATURE,
                   Action.MARK_RESULT_READY, Action.RETURN_RESULT):
        desk.cases.transition(case_code, action)
    detail = desk.cases.detail(case_code)
    assert detail.row.status == Status.RETURNED
    assert [e.to_status for e in detail.events if e.to_status] == [
        "received", "accepted", "in_processing", "awaiting_signature", "result_ready", "returned"]
    assert all(e.officer == "canbo.test" for e in detail.events)
    with desk.db.session() as session:
        actions = list(session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == case_code)).scalars())
    assert "case.return_result" in actions and "case.accept" in actions
    assert desk.cases.status_counts()["returned"] == 1
    assert desk.cases.status_counts()["received"] == 0


def test_illegal_transition_raises_and_changes_nothing(desk, case_code: str) -> None:  # type: ignore[no-untyped-def]
    before = desk.cases.detail(case_code)
    with pytest.raises(LifecycleError, match="Trả kết quả"):
        desk.cases.transition(case_code, Action.RETURN_RESULT)
    with pytest.raises(LifecycleError, match="lý do"):
        desk.cases.transition(case_code, Action.REFUSE, "  ")
    after = desk.cases.detail(case_code)
    assert after.row.status == before.row.status and after.version == before.version
    assert len(after.events) == len(before.events)


def test_stale_version_is_a_conflict(desk, case_code: str) -> None:  # type: ignore[no-untyped-def]
    version = desk.cases.detail(case_code).version
    desk.cases.transition(case_code, Action.ACCEPT, expected_version=version)
    with pytest.raises(ConflictError):
        desk.cases.transition(case_code, Action.START_PROCESSING, expected_version=version)


def test_assignment_is_a_lock_another_officer_cannot_silently_take(desk, case_code: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    desk.cases.assign(case_code)
    other = type(desk.cases)(desk)
    desk.officer = "canbo.khac"
    with pytest.raises(ConflictError, match="canbo.test"):
        other.assign(case_code)
    with pytest.raises(ConflictError):
        other.transition(case_code, Action.ACCEPT)
    with pytest.raises(Exception, match="lý do"):
        other.assign(case_code, force=True)
    other.assign(case_code, force=True, reason="cán bộ cũ nghỉ phép")
    assert desk.cases.detail(case_code).row.assigned_officer == "canbo.khac"
    other.transition(case_code, Action.ACCEPT)


def test_supplement_received_restarts_the_clock(desk, case_code: str) -> None:  # type: ignore[no-untyped-def]
    desk.cases.transition(case_code, Action.REQUEST_SUPPLEMENT, "thiếu hợp đồng thuê")
    desk.cases.transition(case_code, Action.SUPPLEMENT_RECEIVED)
    detail = desk.cases.detail(case_code)
    assert detail.row.status == Status.RECEIVED
    from officer_desk.dossier import LOCAL_TZ

    today = datetime.now(LOCAL_TZ).date()
    assert detail.row.due_date == desk.calendar.add_working_days(today, 3)  # 3 working days from the restart


def test_clock_behind_newest_event_blocks_deadline_actions(desk, case_code: str) -> None:  # type: ignore[no-untyped-def]
    with desk.db.session() as session:
        event = session.execute(select(CaseEvent).order_by(CaseEvent.id.desc())).scalars().first()
        event.at = datetime.now(UTC) + timedelta(days=3)  # as if the PC clock jumped back 3 days
    assert desk.cases.clock_problem() is not None
    with pytest.raises(ClockError, match="Đồng hồ"):
        desk.cases.transition(case_code, Action.ACCEPT)
    assert desk.cases.detail(case_code).row.status == Status.RECEIVED
    desk.cases.confirm_clock()
    assert desk.cases.clock_problem() is None
    desk.cases.transition(case_code, Action.ACCEPT)


def test_finding_decisions_are_recorded_and_audited(desk, case_code: str) -> None:  # type: ignore[no-untyped-def]
    with desk.db.session() as session:
        from officer_desk.models import Case

        case = session.execute(select(Case).where(Case.dossier_code == case_code)).scalar_one()
        desk.cases.record_findings(session, case.id, [
            ScreeningFinding("PHONE_INVALID", Severity.WARNING, "applicant.phone", "m", ""),
            ScreeningFinding("MISSING_REQUIRED_DOC", Severity.ERROR, "to_khai_ct01", "m", ""),
        ], "test-1")
    detail = desk.cases.detail(case_code)
    assert detail.row.worst_severity == "error" and detail.row.open_finding_count == 2
    error = next(f for f in detail.findings if f.target == "to_khai_ct01")
    with pytest.raises(Exception, match="lý do"):
        desk.cases.decide_finding(error.id, "overridden", "")
    # The old stored word "dismissed" still reads as "overridden" (migration 0010).
    desk.cases.decide_finding(error.id, "dismissed", "đã xuất trình bản chính")
    detail = desk.cases.detail(case_code)
    overridden = next(f for f in detail.findings if f.id == error.id)
    assert overridden.decision == "overridden" and overridden.decided_by == "canbo.test"
    assert detail.row.worst_severity == "warning" and detail.row.open_finding_count == 1
    assert "finding_overridden" in [e.action for e in detail.events]


def test_due_date_in_an_uncovered_year_is_warned(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    data["dossier_code"] = "000.00.01.X99-271230-0001"
    data["received_at"] = "30/12/2027 09:00"
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    warnings = desk.cases.detail(data["dossier_code"]).warnings
    assert len(warnings) == 1 and "2028" in warnings[0]
