"""The dashboard tab: the center's numbers for a period and scope, charts with their tables behind them.

The figures come from ``officer_desk.reports.build_report`` (grouped SQL) on the task runner's
background lane; the widget only draws. ``install_dashboard`` adds the tab to the main window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.desk import Desk
from officer_desk.dossier import LOCAL_TZ
from officer_desk.reports import Period, Scope, ServiceReport, build_report
from officer_desk.reports.export import detail_tables, report_table, write_report
from officer_desk.ui.tasks import TaskRunner

TOP_ROWS = 8  # groups drawn in a chart; the table behind it has them all
COLOURS = {"early": "#2e7d32", "on_time": "#1565c0", "late": "#c62828", "online": "#1565c0",
           "direct": "#6d4c41", "post": "#f9a825", "median": "#1565c0", "p90": "#90caf9",
           "supplement": "#ef6c00", "refusal": "#c62828", "raised": "#5c6bc0", "dismissed": "#c62828"}


def _percent(value: float) -> str:
    return f"{value * 100:.1f} %".replace(".", ",")


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


class ChartPanel(QFrame):
    """A titled chart with its table behind it (the button, or Ctrl+T in the panel, flips them)."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        header = QHBoxLayout()
        self.title = QLabel(f"<b>{title}</b>")
        header.addWidget(self.title, 1)
        self.toggle = QToolButton()
        self.toggle.setObjectName(f"{object_name}_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setText(self.tr("Table"))
        self.toggle.setToolTip(self.tr("Show the numbers behind the chart"))
        self.toggle.setShortcut(QKeySequence("Ctrl+T"))
        self.toggle.toggled.connect(self._flip)
        header.addWidget(self.toggle)
        layout.addLayout(header)
        self.stack = QStackedWidget()
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(self.chart.margins() * 0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.table = QTableWidget()
        self.table.setObjectName(f"{object_name}_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.empty = QLabel(self.tr("No dossiers in this period"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")
        self.stack.addWidget(self.empty)

    def _flip(self, on: bool) -> None:
        self.toggle.setText(self.tr("Chart") if on else self.tr("Table"))
        self.stack.setCurrentWidget(self.table if on else self.view)

    def set_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(list(headers))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def reset_chart(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def show_empty(self, empty: bool) -> None:
        if empty:
            self.stack.setCurrentWidget(self.empty)
        else:
            self._flip(self.toggle.isChecked())

    def bars(self, categories: Sequence[str], sets: Sequence[tuple[str, str, Sequence[float]]],
             stacked: bool = False, percent: bool = False) -> None:
        """Horizontal bars, one category per row (long Vietnamese names stay readable)."""
        self.reset_chart()
        series = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
        # Qt draws the first category at the bottom: reversed, the list reads from the top.
        categories = list(categories)[::-1]
        for name, colour, values in sets:
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(COLOURS.get(colour, colour)))
            for value in list(values)[::-1]:
                bar_set.append(value * 100 if percent else value)
            series.append(bar_set)
        self.chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        # Labels are cut by us (the table has the full names); Qt would turn narrow ones into "...".
        axis_y.setTruncateLabels(False)
        font = axis_y.labelsFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        axis_y.setLabelsFont(font)
        axis_y.append([_short(c, 24) for c in categories])
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%.0f %%" if percent else "%.0f")
        if stacked:
            top = max((sum(v) for v in zip(*[s[2] for s in sets], strict=True)), default=0)
        else:
            top = max((max(s[2], default=0) for s in sets), default=0)
        axis_x.setRange(0, max(1.0, (top * 100 if percent else top) * 1.1))
        axis_x.applyNiceNumbers()
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)

    def pie(self, slices: Sequence[tuple[str, str, float]]) -> None:
        self.reset_chart()
        series = QPieSeries()
        total = sum(v for _n, _c, v in slices)
        for name, colour, value in slices:
            share = _percent(value / total) if total else "0 %"
            piece = series.append(f"{name} {share}", value)
            piece.setColor(QColor(COLOURS.get(colour, colour)))
        self.chart.addSeries(series)


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DashboardWidget(QWidget):
    """Period and scope selectors, headline figures, and six chart panels."""

    report_shown = Signal(object)  # ServiceReport
    register_requested = Signal(object)  # Period: the register book tab shows it

    def __init__(self, desk: Desk, runner: TaskRunner, parent: QWidget | None = None,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.desk = desk
        self.runner = runner
        self.report: ServiceReport | None = None
        self.register_panel: Any = None  # the register book tab (install_dashboard)
        self._today = today or (lambda: datetime.now(LOCAL_TZ).date())
        self._generation = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.addLayout(self._build_selectors())
        self.headline = QLabel()
        self.headline.setObjectName("dashboard_headline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.headline)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        self.channels = ChartPanel(self.tr("Dossiers received by channel"), "chart_channels")
        self.results = ChartPanel(self.tr("Results: early, on time, late"), "chart_results")
        self.days = ChartPanel(self.tr("Processing time (working days): median and 90th percentile"),
                               "chart_days")
        self.rates = ChartPanel(self.tr("Supplement requests and refusals"), "chart_rates")
        self.findings = ChartPanel(self.tr("Most frequent screening hints and dismissals"), "chart_findings")
        self.backlog = ChartPanel(self.tr("Open dossiers by age (days since receipt)"), "chart_backlog")
        self.panels = [self.channels, self.results, self.days, self.rates, self.findings, self.backlog]
        for index, panel in enumerate(self.panels):
            grid.addWidget(panel, index // 3, index % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        outer.addWidget(self.status)
        self._set_quick_period(1)

    # ------------------------------------------------------------------ selectors

    def _build_selectors(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.quick = QComboBox()
        self.quick.setObjectName("dashboard_quick")
        for text in (self.tr("Last 7 days"), self.tr("Last 30 days"), self.tr("This month"), self.tr("This year"),
                     self.tr("Chosen days")):
            self.quick.addItem(text)
        self.quick.setCurrentIndex(1)
        self.quick.activated.connect(self._set_quick_period)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.quick)
        row.addWidget(period_label)
        row.addWidget(self.quick)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, "dashboard_from"), (self.last, "dashboard_to")):
            edit.setObjectName(name)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _d: self.quick.setCurrentIndex(4))
        row.addWidget(self.first)
        row.addWidget(QLabel("–"))
        row.addWidget(self.last)
        self.procedure = QComboBox()
        self.procedure.setObjectName("dashboard_procedure")
        self.procedure.addItem(self.tr("All procedures"), "")
        for procedure in sorted(self.desk.catalogue, key=lambda p: p.name_vi):
            self.procedure.addItem(_short(procedure.name_vi, 48), procedure.code)
        self.procedure.setMaximumWidth(260)
        row.addWidget(self.procedure)
        self.officer = QComboBox()
        self.officer.setObjectName("dashboard_officer")
        self.officer.addItem(self.tr("All officers"), "")
        row.addWidget(self.officer)
        self.commune = QLineEdit()
        self.commune.setObjectName("dashboard_commune")
        self.commune.setPlaceholderText(self.tr("Commune or ward"))
        self.commune.setMaximumWidth(160)
        row.addWidget(self.commune)
        self.desk_number = QSpinBox()
        self.desk_number.setObjectName("dashboard_desk")
        self.desk_number.setRange(0, 9)
        self.desk_number.setSpecialValueText(self.tr("All desks"))
        self.desk_number.setPrefix(self.tr("Desk "))
        row.addWidget(self.desk_number)
        self.by = QComboBox()
        self.by.setObjectName("dashboard_by")
        for text, key in ((self.tr("By procedure"), "procedure"), (self.tr("By officer"), "officer"),
                          (self.tr("By channel"), "channel"), (self.tr("By commune"), "commune")):
            self.by.addItem(text, key)
        row.addWidget(self.by)
        self.refresh_button = QPushButton(self.tr("&Show"))
        self.refresh_button.setObjectName("dashboard_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setObjectName("dashboard_export")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        self.register_button = QPushButton(self.tr("&Register book…"))
        self.register_button.setObjectName("dashboard_register")
        self.register_button.setToolTip(self.tr("The dossiers of this period, each with its processing control sheet"))
        self.register_button.clicked.connect(lambda: self._open_register())
        row.addWidget(self.register_button)
        row.addStretch(1)
        return row

    def _set_quick_period(self, index: int) -> None:
        today = self._today()
        first = {0: today - timedelta(days=6), 1: today - timedelta(days=29), 2: today.replace(day=1),
                 3: today.replace(month=1, day=1)}.get(index)
        if first is None:
            return
        for edit, day in ((self.first, first), (self.last, today)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.quick.setCurrentIndex(index)

    def load_officers(self) -> None:
        """Fill the officer selector off the GUI thread (the list lives in the database)."""
        def filled(officers: list[tuple[str, str]]) -> None:
            for username, name in officers:
                self.officer.addItem(name or username, username)

        self.runner.submit(self.desk.cases.active_officers, filled, self._failed, owner=self, lane="background")

    def period(self) -> Period | None:
        first, last = self.first.date(), self.last.date()
        if first > last:
            return None
        return Period(date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day()))

    def scope(self) -> Scope:
        return Scope(desk=self.desk_number.value() or None, commune=self.commune.text().strip() or None,
                     procedure=self.procedure.currentData() or None, officer=self.officer.currentData() or None)

    # ------------------------------------------------------------------ computing

    def refresh(self) -> None:
        period = self.period()
        if period is None:
            self.status.setText(self.tr("The first day is after the last day: choose the period again."))
            return
        self._generation += 1
        generation = self._generation
        scope, by = self.scope(), str(self.by.currentData())
        self.status.setText(self.tr("Computing…"))
        self.refresh_button.setEnabled(False)

        def shown(report: ServiceReport) -> None:
            if generation == self._generation:
                self.show_report(report)

        self.runner.submit(lambda: build_report(self.desk, period, scope, by), shown, self._failed, owner=self,
                           lane="background")

    def _open_register(self) -> None:
        period = self.period()
        if period is None:
            self.status.setText(self.tr("The first day is after the last day: choose the period again."))
            return
        self.register_requested.emit(period)

    def _failed(self, exc: object) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("The figures could not be computed: {reason}").format(reason=str(exc)))

    def show_report(self, report: ServiceReport) -> None:
        self.report = report
        self.refresh_button.setEnabled(True)
        self.export_button.setEnabled(True)
        total = report.total
        self.headline.setText(self.tr(
            "<b>{received}</b> dossiers received · online <b>{online}</b> · results early {early}, on time "
            "{on_time}, late <b>{late}</b> · median {median} / P90 {p90} working days · at the desk "
            "{minutes} min per dossier · {signed} documents signed, {receipts} receipts · open {open} "
            "(overdue {overdue})"
        ).format(received=total.received, online=_percent(total.online_rate), early=total.early,
                 on_time=total.on_time, late=total.late, median=_number(total.median_days),
                 p90=_number(total.p90_days), minutes=_number(total.handling_minutes), signed=report.signatures,
                 receipts=report.receipts, open=sum(report.backlog.values()), overdue=report.overdue))
        self._draw(report)
        self.status.setText(self.tr("Period {period}, computed at {time}").format(
            period=report.period.label(), time=report.generated_at.astimezone(LOCAL_TZ).strftime("%H:%M:%S")))
        self.report_shown.emit(report)

    def _draw(self, report: ServiceReport) -> None:
        total, rows = report.total, report.rows[:TOP_ROWS]
        labels = [r.label for r in rows]
        empty = total.received == 0
        channel_names = (self.tr("Online"), self.tr("At the counter"), self.tr("By post"))
        channel_keys = ("truc_tuyen", "truc_tiep", "buu_chinh")
        self.channels.pie([(name, colour, float(total.by_channel.get(key, 0))) for name, colour, key in
                           zip(channel_names, ("online", "direct", "post"), channel_keys, strict=True)])
        self.channels.set_table([self.tr("Channel"), self.tr("Dossiers"), self.tr("Share")],
                                [[name, str(total.by_channel.get(key, 0)),
                                  _percent(total.by_channel.get(key, 0) / total.received if total.received else 0)]
                                 for name, key in zip(channel_names, channel_keys, strict=True)])
        self.results.bars(labels, [(self.tr("Early"), "early", [r.early for r in rows]),
                                   (self.tr("On time"), "on_time", [r.on_time for r in rows]),
                                   (self.tr("Late"), "late", [r.late for r in rows])], stacked=True)
        group = report_table(report).columns[0].header
        self.results.set_table([group, self.tr("Early"), self.tr("On time"), self.tr("Late"), self.tr("Late share")],
                               [[r.label, str(r.early), str(r.on_time), str(r.late),
                                 _percent(r.late / (r.early + r.on_time + r.late)
                                          if r.early + r.on_time + r.late else 0)]
                                for r in (*report.rows, total)])
        self.days.bars(labels, [(self.tr("Median"), "median", [r.median_days for r in rows]),
                                (self.tr("90th percentile"), "p90", [r.p90_days for r in rows])])
        self.days.set_table([group, self.tr("Returned"), self.tr("Median"), self.tr("90th percentile"),
                             self.tr("Minutes at the desk")],
                            [[r.label, str(r.returned), _number(r.median_days), _number(r.p90_days),
                              _number(r.handling_minutes)] for r in (*report.rows, total)])
        self.rates.bars(labels, [(self.tr("Supplement requested"), "supplement", [r.supplement_rate for r in rows]),
                                 (self.tr("Refused"), "refusal", [r.refusal_rate for r in rows])], percent=True)
        self.rates.set_table([group, self.tr("Received"), self.tr("Supplement requested"), self.tr("Refused")],
                             [[r.label, str(r.received), _percent(r.supplement_rate), _percent(r.refusal_rate)]
                              for r in (*report.rows, total)])
        findings = report.findings[:TOP_ROWS]
        self.findings.bars([f.label for f in findings],
                           [(self.tr("Raised"), "raised", [f.raised for f in findings]),
                            (self.tr("Dismissed by officers"), "dismissed", [f.dismissed for f in findings])])
        self.findings.set_table([self.tr("Hint"), self.tr("Raised"), self.tr("Dismissed"), self.tr("Accepted"),
                                 self.tr("Dismissal rate")],
                                [[f.label, str(f.raised), str(f.dismissed), str(f.accepted),
                                  _percent(f.dismissal_rate)] for f in report.findings])
        ages = list(report.backlog)
        self.backlog.bars(ages, [(self.tr("Open dossiers"), "median", [report.backlog[a] for a in ages])])
        self.backlog.set_table([self.tr("Days since receipt"), self.tr("Open dossiers")],
                               [[a, str(report.backlog[a])] for a in ages]
                               + [[self.tr("Overdue"), str(report.overdue)]])
        self.channels.show_empty(empty)
        self.results.show_empty(empty)
        self.days.show_empty(empty)
        self.rates.show_empty(empty)
        self.findings.show_empty(not report.findings)
        self.backlog.show_empty(not sum(report.backlog.values()))

    # ------------------------------------------------------------------ export

    def export(self, path: str | None = None) -> None:
        """Write the shown report as XLSX (or CSV by the file's suffix), off the GUI thread."""
        report = self.report
        if report is None:
            return
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the report"), f"bao-cao-{report.period.first:%Y%m%d}-{report.period.last:%Y%m%d}"
                ".xlsx", self.tr("Spreadsheet (*.xlsx);;CSV, UTF-8 (*.csv)"))
            if not path:
                return
        from pathlib import Path

        target = Path(path)
        fmt = "csv" if target.suffix.lower() == ".csv" else "xlsx"
        self.runner.submit(lambda: write_report(report, target, fmt),
                           lambda _r: self.status.setText(self.tr("Saved {path}").format(path=str(target))),
                           self._failed, owner=self, lane="background")

    def tab_titles(self) -> tuple[str, str]:
        """The main window's two tabs (translated in this class's context)."""
        return self.tr("Dossiers"), self.tr("Dashboard")

    def detail_tables(self) -> list[Any]:
        return detail_tables(self.report) if self.report is not None else []


def install_dashboard(window: QMainWindow, desk: Desk, runner: TaskRunner) -> tuple[DashboardWidget, QTabWidget]:
    """Put the window's central widget, the dashboard and the register book in tabs (the hook the main
    window calls; ``dashboard.register_panel`` asks for control sheets by its signal)."""
    from officer_desk.ui.register_view import RegisterPanel

    dashboard = DashboardWidget(desk, runner)
    register = RegisterPanel(desk, runner)
    dashboard.register_panel = register
    central = window.takeCentralWidget()
    tabs = QTabWidget()
    tabs.setObjectName("main_tabs")
    tabs.setDocumentMode(True)
    queue_title, dashboard_title = dashboard.tab_titles()
    if central is not None:
        tabs.addTab(central, queue_title)
    tabs.addTab(dashboard, dashboard_title)
    tabs.addTab(register, register.tab_title())
    window.setCentralWidget(tabs)
    # A widget put into a window already on screen is shown by a queued call (Qt's layouts); shown now, the
    # queue is on screen (and answers isVisible) the moment the tabs replace it, not one event later.
    if window.isVisible():  # (a window not shown yet shows its tabs with itself; hiding them here would stick)
        tabs.show()

    loaded = {"done": False, "register": False}

    def opened(index: int) -> None:
        # Computed on first view: the queue opens as fast as before.
        if tabs.widget(index) is dashboard and not loaded["done"]:
            loaded["done"] = True
            dashboard.load_officers()
            dashboard.refresh()
        if tabs.widget(index) is register and not loaded["register"]:
            loaded["register"] = True
            if register.table.rowCount() == 0:
                register.refresh()

    tabs.currentChanged.connect(opened)

    def show_register(period: Period) -> None:
        loaded["register"] = True  # read once, for this period
        register.show_period(period)
        tabs.setCurrentWidget(register)

    dashboard.register_requested.connect(show_register)
    return dashboard, tabs
