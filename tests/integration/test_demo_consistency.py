"""Demo data that agrees with itself (issue 10 §9): statuses agree with findings and decisions, and every
dossier carries its papers (with small generated scans), so receipts list them."""

from __future__ import annotations

from typing import Any

from officer_desk.cases import QueueFilter
from officer_desk.demo import enable_demo_mode, generate_cases
from officer_desk.screening.service import acceptance_blockers
from tests.helpers.desks import CancelAfterFirstBatch

ACCEPTED = ("accepted", "in_processing", "awaiting_signature", "result_ready")


def test_demo_statuses_agree_with_findings_and_dossiers_carry_their_papers(desk: Any) -> None:
    enable_demo_mode(desk)
    assert generate_cases(desk, 240, 7) == 240
    ids = desk.cases.list_ids(QueueFilter(), 0, 500)
    statuses: dict[str, int] = {}
    for row in desk.cases.rows(ids):
        detail = desk.cases.detail(row.dossier_code)
        statuses[row.status] = statuses.get(row.status, 0) + 1
        if row.status in ACCEPTED:
            assert acceptance_blockers(detail.findings) == [], (row.dossier_code, row.status)
        if row.status == "supplement_requested":
            assert all(f.decision != "open" for f in detail.findings if f.severity == "error")
        # every decision names the officer who took it (the case view shows who decided)
        assert all(f.decided_by for f in detail.findings if f.decision != "open"), row.dossier_code
        listed = detail.dossier.get("attachments") or []
        assert len(detail.attachments) == len(listed), row.dossier_code
        for attachment in detail.attachments:
            if not attachment.presented_only:
                assert attachment.content_sha256
                assert desk.cases.attachment_bytes(attachment.content_sha256).startswith(b"%PDF")
    assert statuses.get("accepted", 0) + statuses.get("in_processing", 0) > 0
    assert sum(1 for row in desk.cases.rows(ids) if desk.cases.detail(row.dossier_code).attachments) > 200


def test_cancelled_demo_generation_says_what_it_kept(desk: Any, monkeypatch: Any) -> None:
    import officer_desk.demo as demo

    monkeypatch.setattr(demo, "BATCH", 50)
    result = demo.run_demo(desk, 400, 3, CancelAfterFirstBatch())
    assert result["cancelled"] is True and result["requested"] == 400
    assert 0 < result["cases"] < 400
    assert desk.cases.count(QueueFilter()) == result["cases"]


def test_demo_receipts_carry_the_appointment_of_their_due_date(desk: Any) -> None:
    """A demo dossier with a receipt has the appointment that receipt gave (on or after its due date), so a
    reprint shows it instead of the moment of reprinting."""
    enable_demo_mode(desk)
    generate_cases(desk, 60, 3)
    issued = 0
    for row in desk.cases.rows(desk.cases.list_ids(QueueFilter(), 0, 100)):
        if not row.receipt_issued or row.due_date is None:
            continue
        issued += 1
        detail = desk.cases.detail(row.dossier_code)
        assert detail.appointment_at is not None, row.dossier_code
        assert detail.appointment_at.date() >= row.due_date, row.dossier_code
    assert issued > 10
