"""The register book tab (issue 15): the period's dossiers in the book's columns, and a row opens its
processing control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ) in the preview."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from officer_desk.cases import QueueFilter
from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import Status
from officer_desk.models import Case, SignedDocument
from officer_desk.reports import Period
from officer_desk.ui.register_view import RegisterPanel
from tests.helpers.reports import load_dataset


def _row_of(panel: RegisterPanel, code: str) -> int:
    for row in range(panel.table.rowCount()):
        if panel.code_at(row) == code:
            return row
    raise AssertionError(f"{code} is not in the book")


def test_the_book_lists_the_period_in_its_columns(qtbot: Any, empty_desk: Any, sync_runner: Any) -> None:
    load_dataset(empty_desk)
    panel = RegisterPanel(empty_desk, sync_runner, today=lambda: date(2026, 4, 30))
    qtbot.addWidget(panel)
    panel.first.setDate(QDate(2026, 4, 24))
    panel.last.setDate(QDate(2026, 4, 30))
    panel.refresh()
    # B, C, D, E, F, I, J received in the period (test_reports.py), oldest first.
    assert panel.table.rowCount() == 7
    assert panel.table.horizontalHeaderItem(1).text() == "Mã hồ sơ"
    assert [panel.table.item(r, 0).text() for r in range(7)] == [str(n) for n in range(1, 8)]
    assert panel.code_at(0) == "000.00.01.X99-2604B-0001"
    assert "7" in panel.status.text()
    requested: list[str] = []
    panel.control_sheet_requested.connect(requested.append)
    assert not panel.control_button.isEnabled()
    panel.table.selectRow(2)
    assert panel.control_button.isEnabled()
    panel.control_button.click()
    assert requested == ["000.00.01.X99-2604D-0001"]
    panel.first.setDate(QDate(2026, 5, 2))
    panel.refresh()
    assert "after the last day" in panel.status.text() or "sau ngày" in panel.status.text()


def test_double_click_in_the_register_previews_the_control_sheet(small_desk: Any, make_window: Any,
                                                                   qtbot: Any) -> None:
    code = small_desk.cases.rows(
        small_desk.cases.list_ids(QueueFilter(statuses=(Status.IN_PROCESSING,)), 0, 1))[0].dossier_code
    with small_desk.db.session() as session:
        received = session.execute(select(Case.received_at).where(Case.dossier_code == code)).scalar_one()
    day = received.astimezone(LOCAL_TZ).date()
    window = make_window(small_desk)
    dashboard = window.dashboard
    dashboard.first.setDate(QDate(day.year, day.month, day.day))
    dashboard.last.setDate(QDate(day.year, day.month, day.day))
    dashboard.register_button.click()  # the dashboard's period, in the register book tab
    register = dashboard.register_panel
    assert window.dashboard_tabs.currentWidget() is register
    assert register.period() == Period(day, day)
    row = _row_of(register, code)
    register.table.scrollToItem(register.table.item(row, 1))
    centre = register.table.visualItemRect(register.table.item(row, 1)).center()
    # A double-click as the officer makes it: press, release, then the double-click event.
    qtbot.mouseClick(register.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(register.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    preview = window.active_dialog
    assert preview is not None and preview.objectName() == "pdf_preview", getattr(preview, "text", str)()
    assert preview.document.pageCount() >= 1
    with small_desk.db.session() as session:
        kinds = session.execute(select(SignedDocument.doc_type).join(Case, Case.id == SignedDocument.case_id)
                                .where(Case.dossier_code == code)).scalars().all()
    assert "control" in kinds  # issued and stored as `notice control` does
    preview.reject()
