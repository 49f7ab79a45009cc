"""The dashboard tab renders with data and with none, computes off the GUI thread, exports XLSX."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTabWidget

from officer_desk.ui.dashboard import DashboardWidget
from officer_desk.ui.tasks import TaskRunner
from tests.helpers.reports import load_dataset


def _dashboard(qtbot: Any, desk: Any, runner: Any) -> DashboardWidget:
    widget = DashboardWidget(desk, runner, today=lambda: date(2026, 4, 30))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.first.setDate(QDate(2026, 4, 24))
    widget.last.setDate(QDate(2026, 4, 30))
    return widget


def test_renders_with_data_on_a_worker_thread(qtbot: Any, empty_desk: Any, qapp: Any) -> None:
    load_dataset(empty_desk)
    runner = TaskRunner()
    widget = _dashboard(qtbot, empty_desk, runner)
    with qtbot.wait_signal(widget.report_shown, timeout=20_000) as shown:
        widget.refresh()
    report = shown.args[0]
    assert report.total.received == 7
    assert "<b>7</b>" in widget.headline.text() and "57,1 %" in widget.headline.text()
    assert widget.channels.table.rowCount() == 3
    assert widget.channels.table.item(0, 1).text() == "4"  # online
    # Rows per procedure plus the total row, behind the results chart.
    results = widget.results.table
    assert results.rowCount() == 3
    assert [results.item(2, c).text() for c in range(4)] == ["Tổng cộng", "1", "2", "1"]
    assert widget.findings.table.item(0, 1).text() == "2"
    assert widget.results.stack.currentWidget() is widget.results.view
    widget.results.toggle.click()
    assert widget.results.stack.currentWidget() is widget.results.table
    assert len(widget.days.chart.series()) == 1
    runner.wait_for_done()


def test_renders_with_no_data(qtbot: Any, empty_desk: Any, sync_runner: Any) -> None:
    widget = _dashboard(qtbot, empty_desk, sync_runner)
    widget.refresh()
    assert widget.report is not None and widget.report.total.received == 0
    assert "<b>0</b>" in widget.headline.text()
    for panel in widget.panels:
        assert panel.stack.currentWidget() is panel.empty
    widget.first.setDate(QDate(2026, 5, 2))
    widget.refresh()
    assert "after the last day" in widget.status.text() or "sau ngày" in widget.status.text()


def test_export_writes_the_table(qtbot: Any, empty_desk: Any, sync_runner: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    load_dataset(empty_desk)
    widget = _dashboard(qtbot, empty_desk, sync_runner)
    widget.refresh()
    widget.export(str(tmp_path / "r.xlsx"))
    sheet = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert sheet.cell(row=4, column=1).value == "Tổng cộng" and sheet.cell(row=4, column=2).value == 7


def test_main_window_has_the_tab_and_records_handling_time(make_window: Any, empty_desk: Any) -> None:
    ids = load_dataset(empty_desk)
    window = make_window(empty_desk)
    tabs = window.centralWidget()
    assert isinstance(tabs, QTabWidget) and tabs.count() == 3  # cases, dashboard, register book
    tabs.setCurrentIndex(1)
    assert window.dashboard.report is not None  # computed on first view
    window.work_timer.stop()  # the case the window opened at start (a span of milliseconds: not counted)
    moments = iter([datetime(2026, 5, 8, 2, 0, tzinfo=UTC), datetime(2026, 5, 8, 2, 7, tzinfo=UTC)])
    window.work_timer.clock = lambda: next(moments)
    detail = empty_desk.cases.detail(ids["I"])
    window.work_timer.case_shown(detail)
    window.work_timer.case_shown(None)
    with empty_desk.db.session() as session:
        from officer_desk.models import Case

        assert session.get(Case, ids["I"]).handling_seconds == 7 * 60
    assert timedelta(minutes=7).total_seconds() == 420
