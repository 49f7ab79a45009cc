"""The register book on screen (Sổ theo dõi hồ sơ, docs/reports.md): the dossiers received in a
period, oldest first, in the book's configured columns; a row opens that dossier's processing control
sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ), issued as ``notice control`` issues it.

The rows are read on the task runner's background lane, at most ``SHOWN_ROWS`` of them (a shorter
period shows the rest); the whole book of a busy period is the PDF/XLSX of ``officer-desk register``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.desk import Desk
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.reports import Period
from officer_desk.reports.register import COLUMNS, register_columns, register_rows
from officer_desk.ui.tasks import TaskRunner

SHOWN_ROWS = 2000
MAX_COLUMN_WIDTH = 280
CODE_ROLE = Qt.ItemDataRole.UserRole


def _load(desk: Desk, period: Period) -> tuple[list[str], list[tuple[Any, ...]], bool]:
    """(headers, rows with the dossier code last, whether the period has more rows than shown)."""
    columns = register_columns(desk.config.register_columns)
    rows = list(islice(register_rows(desk, period, (*columns, COLUMNS["dossier_code"])), SHOWN_ROWS + 1))
    return [_(c.header_vi) for c in columns], rows[:SHOWN_ROWS], len(rows) > SHOWN_ROWS


class RegisterPanel(QWidget):
    """Period, the book's rows, and the control sheet of the row the officer opens."""

    control_sheet_requested = Signal(str)  # dossier code
    rows_shown = Signal(int)

    def __init__(self, desk: Desk, runner: TaskRunner, parent: QWidget | None = None,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("register_panel")
        self.desk = desk
        self.runner = runner
        self._generation = 0
        today_value = (today or (lambda: datetime.now(LOCAL_TZ).date()))()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Received from:"))
        self.first = QDateEdit()
        self.last = QDateEdit()
        label.setBuddy(self.first)
        row.addWidget(label)
        for edit, name, day in ((self.first, "register_from", today_value - timedelta(days=6)),
                                (self.last, "register_to", today_value)):
            edit.setObjectName(name)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setDate(QDate(day.year, day.month, day.day))
        row.addWidget(self.first)
        row.addWidget(QLabel("–"))
        row.addWidget(self.last)
        self.show_button = QPushButton(self.tr("&Show the book"))
        self.show_button.setObjectName("register_show")
        self.show_button.clicked.connect(self.refresh)
        row.addWidget(self.show_button)
        self.control_button = QPushButton(self.tr("Processing &control sheet"))
        self.control_button.setObjectName("register_control_sheet")
        self.control_button.setToolTip(self.tr("The control sheet of the selected dossier (or double-click a row)"))
        self.control_button.setEnabled(False)
        self.control_button.clicked.connect(self.open_selected)
        row.addWidget(self.control_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.table = QTableWidget()
        self.table.setObjectName("register_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Double-click or Enter on a row: that dossier's control sheet.
        self.table.itemActivated.connect(lambda item: self.open_row(item.row()))
        self.table.itemSelectionChanged.connect(
            lambda: self.control_button.setEnabled(bool(self.table.selectedItems())))
        outer.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("register_status")
        outer.addWidget(self.status)

    def period(self) -> Period | None:
        first, last = self.first.date(), self.last.date()
        if first > last:
            return None
        return Period(date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day()))

    def show_period(self, period: Period) -> None:
        """The book of a period chosen elsewhere (the dashboard's)."""
        for edit, day in ((self.first, period.first), (self.last, period.last)):
            edit.setDate(QDate(day.year, day.month, day.day))
        self.refresh()

    def refresh(self) -> None:
        period = self.period()
        if period is None:
            self.status.setText(self.tr("The first day is after the last day: choose the period again."))
            return
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Reading the book…"))
        self.show_button.setEnabled(False)

        def shown(result: tuple[list[str], list[tuple[Any, ...]], bool]) -> None:
            if generation == self._generation:
                self._fill(period, *result)

        self.runner.submit(lambda: _load(self.desk, period), shown, self._failed, owner=self, lane="background")

    def _failed(self, exc: object) -> None:
        self.show_button.setEnabled(True)
        reason = exc.message if isinstance(exc, DeskError) else str(exc)
        self.status.setText(self.tr("The book could not be read: {reason}").format(reason=reason))

    def _fill(self, period: Period, headers: list[str], rows: list[tuple[Any, ...]], more: bool) -> None:
        self.show_button.setEnabled(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            code = str(values[-1])
            for c, value in enumerate(values[:-1]):
                text = "" if value is None else str(value)
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a capped column elides; the whole text on hover
                item.setData(CODE_ROLE, code)
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):  # long procedure names wrap instead
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))
        self.control_button.setEnabled(False)
        if more:
            self.status.setText(self.tr("{period}: the first {n} dossiers are shown; choose a shorter period to see "
                                        "the rest.").format(period=period.label(), n=len(rows)))
        else:
            self.status.setText(self.tr("{period}: {n} dossiers. Double-click a row for its processing control "
                                        "sheet.").format(period=period.label(), n=len(rows)))
        self.rows_shown.emit(len(rows))

    def code_at(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return None if item is None else str(item.data(CODE_ROLE))

    def open_row(self, row: int) -> None:
        code = self.code_at(row)
        if code:
            self.control_sheet_requested.emit(code)

    def open_selected(self) -> None:
        rows = {item.row() for item in self.table.selectedItems()}
        if rows:
            self.open_row(min(rows))

    def tab_title(self) -> str:
        return self.tr("Register book")
