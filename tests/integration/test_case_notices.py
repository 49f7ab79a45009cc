"""Notices that depend on the case's history (issue 10 §4): the apology with a new appointment for an
overdue case (the due date changes, audited) and the processing control sheet, through the CLI contract."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from officer_desk.cli import main
from officer_desk.demo import enable_demo_mode
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action
from officer_desk.models import Case
from officer_desk.receipts.service import issue_receipt
from tests.integration.test_receipts_service import _import


def _pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed"
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _overdue_case(home: Any, tmp_path: Path) -> str:
    desk = open_desk(home)
    try:
        enable_demo_mode(desk)
        code = _import(desk, tmp_path)
        issue_receipt(desk, code, tmp_path / "r.pdf")
        desk.cases.transition(code, Action.START_PROCESSING)
        with desk.db.session() as session:
            case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
            case.due_date = date.today() - timedelta(days=2)
    finally:
        desk.close()
    return code


def test_apology_contract(isolated_home: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk = open_desk(isolated_home)
    try:
        enable_demo_mode(desk)
        fresh = _import(desk, tmp_path, "0021")
        with desk.db.session() as session:  # due in five days: not overdue
            case = session.execute(select(Case).where(Case.dossier_code == fresh)).scalar_one()
            case.due_date = date.today() + timedelta(days=5)
    finally:
        desk.close()
    code = _overdue_case(isolated_home, tmp_path)
    new_day = date.today() + timedelta(days=7)
    while new_day.weekday() >= 5:
        new_day += timedelta(days=1)
    out = tmp_path / "xl.pdf"
    # --reason is required.
    assert main(["notice", "apology", code, "--new-date", new_day.strftime("%d/%m/%Y"), "--out", str(out)]) == 2
    # A case that is not overdue is refused.
    assert main(["notice", "apology", fresh, "--new-date", new_day.strftime("%d/%m/%Y"), "--reason", "x",
                 "--out", str(out)]) == 1
    assert not out.exists()
    capsys.readouterr()
    # A date without a time is accepted; the due date becomes the new date, on the timeline and audited.
    assert main(["notice", "apology", code, "--new-date", new_day.strftime("%d/%m/%Y"),
                 "--reason", "Chờ kết quả xác minh của xã khác", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notice"] == "apology"
    desk = open_desk(isolated_home)
    try:
        detail = desk.cases.detail(code)
        assert detail.row.due_date == new_day
        assert detail.appointment_at is not None and detail.appointment_at.date() >= new_day - timedelta(days=1)
        assert detail.events[-1].action == "rescheduled"
        assert detail.events[-1].reason == "Chờ kết quả xác minh của xã khác"
    finally:
        desk.close()
    text = _pdf_text(out)
    assert "XIN LỖI" in text and new_day.strftime("%d/%m/%Y") in text


def test_control_sheet_lists_the_hand_overs(isolated_home: Any, tmp_path: Path) -> None:
    code = _overdue_case(isolated_home, tmp_path)
    out = tmp_path / "ks.pdf"
    assert main(["notice", "control", code, "--out", str(out)]) == 0
    text = _pdf_text(out)
    assert "KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT" in text
    assert "Bộ phận giải quyết" in text and "Cán bộ thụ lý" in text
