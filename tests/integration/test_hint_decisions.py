"""Hint decisions with meaning (issue 10 §1): a confirmed error blocks acceptance everywhere; an overridden
one (with a reason) no longer does; stored decisions from before migration 0010 keep their meaning."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.cli import main
from officer_desk.database import open_database
from officer_desk.demo import enable_demo_mode
from officer_desk.desk import open_desk
from officer_desk.errors import InputError, LifecycleError
from officer_desk.lifecycle import Action, Status
from officer_desk.models import Case
from officer_desk.models.migrate import upgrade_to_head
from officer_desk.receipts.service import ReceiptRefused, issue_notice, issue_receipt, supplement_items
from officer_desk.screening.result import ScreeningFinding
from officer_desk.vocabulary import Severity
from tests.integration.test_database import _engine_at_first_revision
from tests.integration.test_receipts_service import _import

MISSING = ScreeningFinding("MISSING_REQUIRED_DOC", Severity.ERROR, "to_khai_ct01", "Thiếu Tờ khai CT01", "",
                           suggestion="Nộp bổ sung tờ khai CT01")
NOTE = ScreeningFinding("LATE_REGISTRATION", Severity.INFO, "form.ngay", "Đăng ký muộn", "")


@pytest.fixture
def demo_desk(desk: Any) -> Any:
    enable_demo_mode(desk)
    return desk


def _with_findings(desk: Any, tmp_path: Path, *findings: ScreeningFinding, suffix: str = "0007") -> tuple[str, list]:
    code = _import(desk, tmp_path, suffix)
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        desk.cases.record_findings(session, case.id, list(findings), "test")
    return code, desk.cases.detail(code).findings


def test_confirmed_error_blocks_the_receipt_and_the_accept_transition(demo_desk: Any, tmp_path: Path) -> None:
    code, findings = _with_findings(demo_desk, tmp_path, MISSING)
    # "accepted" is what the window sent before 0010 for "Xác nhận": it must mean "the defect is real".
    demo_desk.cases.decide_finding(findings[0].id, "accepted")
    assert demo_desk.cases.detail(code).findings[0].decision == "confirmed"
    with pytest.raises(ReceiptRefused, match="đã xác nhận"):
        issue_receipt(demo_desk, code, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
    with pytest.raises(LifecycleError, match="đã xác nhận"):
        demo_desk.cases.transition(code, Action.ACCEPT)
    assert demo_desk.cases.detail(code).row.status == Status.RECEIVED
    assert demo_desk.cases.detail(code).row.worst_severity == "error"  # the defect is still there
    # The confirmed defect is what the supplement request lists.
    assert [item.name for item in supplement_items(demo_desk, code)]
    issue_notice(demo_desk, "supplement", code, tmp_path / "bs.pdf")
    assert demo_desk.cases.detail(code).row.status == Status.SUPPLEMENT_REQUESTED


def test_overridden_error_needs_a_reason_and_no_longer_blocks(demo_desk: Any, tmp_path: Path) -> None:
    code, findings = _with_findings(demo_desk, tmp_path, MISSING, NOTE)
    error = next(f for f in findings if f.severity == "error")
    note = next(f for f in findings if f.severity == "info")
    with pytest.raises(InputError):
        demo_desk.cases.decide_finding(error.id, "overridden", "  ")
    with pytest.raises(InputError):  # info notes need no decision
        demo_desk.cases.decide_finding(note.id, "confirmed")
    with pytest.raises(ReceiptRefused, match="chưa quyết định"):
        issue_receipt(demo_desk, code, tmp_path / "r.pdf")
    demo_desk.cases.decide_finding(error.id, "overridden", "Đã xem bản chính tờ khai tại quầy")
    assert supplement_items(demo_desk, code) == []
    issue_receipt(demo_desk, code, tmp_path / "r.pdf")
    assert demo_desk.cases.detail(code).row.status == Status.ACCEPTED
    events = [e.action for e in demo_desk.cases.detail(code).events]
    assert "finding_overridden" in events


def test_receipt_command_refuses_a_confirmed_error(isolated_home: Any, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    desk = open_desk(isolated_home)
    try:
        enable_demo_mode(desk)
        code, findings = _with_findings(desk, tmp_path, MISSING)
        desk.cases.decide_finding(findings[0].id, "confirmed")
    finally:
        desk.close()
    capsys.readouterr()
    assert main(["receipt", code, "--out", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert "MISSING_REQUIRED_DOC" not in err and "yêu cầu bổ sung" in err
    assert not (tmp_path / "r.pdf").exists()


def test_migration_renames_stored_decisions(backend: str | None, isolated_home: Any) -> None:
    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, "0005")
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
            " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
            " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
            " ('X-261127-0001', '1.004194', 'truc_tiep', 'received', :now, 'A', '025194001234',"
            " '0912345678', '', '{}', '{}', 'abc', 1, 1, :now, 0, false, :now, :now)"), {"now": now})
        case_id = conn.execute(sa.text("SELECT id FROM cases")).scalar_one()
        for code, decision in (("A", "accepted"), ("B", "dismissed"), ("C", "open")):
            conn.execute(sa.text(
                "INSERT INTO findings (case_id, code, severity, target, message_vi, message_en, evidence, suggestion,"
                " evidence_en, suggestion_en, source, engine_version, created_at, decision, decision_reason,"
                " superseded) VALUES (:case, :code, 'error', '', '', '', '', '', '', '', '', 'x', :now, :decision,"
                " 'r', false)"), {"case": case_id, "code": code, "decision": decision, "now": now})
    engine.dispose()
    db = open_database(isolated_home, backend)
    try:
        with db.engine.connect() as conn:
            rows = dict(conn.execute(sa.text("SELECT code, decision FROM findings")).all())
        assert rows == {"A": "confirmed", "B": "overridden", "C": "open"}
    finally:
        db.dispose()
