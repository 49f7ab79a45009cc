"""The queue panel: status tabs with counts, the filter bar, the search box (typed or scanned) and the table."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from officer_desk.cases import QueueFilter
from officer_desk.desk import Desk
from officer_desk.dossier import DOSSIER_CODE_RE
from officer_desk.i18n import current_language
from officer_desk.lifecycle import Status
from officer_desk.ui import labels, services
from officer_desk.ui.queue_model import COLUMN_KEYS, CaseQueueModel
from officer_desk.ui.tasks import TaskRunner

log = logging.getLogger("officer_desk.ui")
# Quiet time after a keystroke before the query runs: long enough to swallow a barcode scanner's burst
# (characters a few ms apart, one query for the whole code), short enough that an officer's typing
# (keys 100 ms or more apart) is answered per key. The query itself is a few ms (bench/bench_ui.py).
SEARCH_DELAY_MS = 60


@dataclass(frozen=True)
class StatusTab:
    key: str
    statuses: tuple[str, ...] = ()
    due: str | None = None


STATUS_TABS: tuple[StatusTab, ...] = (
    StatusTab("all"),
    StatusTab("received", (Status.RECEIVED.value,)),
    StatusTab("accepted", (Status.ACCEPTED.value,)),
    StatusTab("in_processing", (Status.IN_PROCESSING.value,)),
    StatusTab("awaiting_signature", (Status.AWAITING_SIGNATURE.value,)),
    StatusTab("result_ready", (Status.RESULT_READY.value,)),
    StatusTab("supplement_requested", (Status.SUPPLEMENT_REQUESTED.value,)),
    StatusTab("returned", (Status.RETURNED.value,)),
    StatusTab("refused", (Status.REFUSED.value, Status.WITHDRAWN.value)),
    StatusTab("overdue", (), "overdue"),
)


class QueuePanel(QWidget):
    """Status tabs and the queue table; owns the filter bar that the window puts in its tool bar area."""

    current_case_changed = Signal(object)  # case id, or None while its page is loading
    queue_emptied = Signal()
    case_activated = Signal()
    message = Signal(str, int)  # text for the status bar, milliseconds
    counts_loaded = Signal(object)  # {status: n, "overdue": n, "due_today": n}

    def __init__(self, desk: Desk, runner: TaskRunner, model: CaseQueueModel, search_tip: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        self.model = model
        self._pending_select_code: str | None = None
        self._waiting_for_page = False
        self._known_officers: set[str] = set()
        self._build_filters(search_tip)
        self._build_table()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_settled)
        self._connect()

    # ------------------------------------------------------------------ construction

    def _build_filters(self, search_tip: str) -> None:
        self.filter_bar = QToolBar(self.tr("Filters"))
        self.filter_bar.setObjectName("filter_bar")
        self.filter_bar.setMovable(False)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search name, ID number, phone, dossier code — or scan (Ctrl+F)"))
        self.search_edit.setToolTip(search_tip)
        self.search_edit.setMinimumWidth(360)
        self.filter_bar.addWidget(self.search_edit)
        self.filter_bar.addSeparator()

        self.procedure_combo = QComboBox()
        self.procedure_combo.setObjectName("procedure_combo")
        self.procedure_combo.setToolTip(self.tr("Procedure"))
        self.procedure_combo.addItem(self.tr("All procedures"), None)
        language = current_language()
        for procedure in sorted(self.desk.catalogue, key=lambda p: p.name(language)):
            self.procedure_combo.addItem(f"{procedure.name(language)} ({procedure.code})", procedure.code)
        self.procedure_combo.setMaximumWidth(300)
        self.filter_bar.addWidget(self.procedure_combo)

        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel_combo")
        self.channel_combo.setToolTip(self.tr("Channel"))
        self.channel_combo.addItem(self.tr("All channels"), None)
        for channel in ("truc_tiep", "truc_tuyen", "buu_chinh"):
            self.channel_combo.addItem(labels.channel_label(channel), channel)
        self.filter_bar.addWidget(self.channel_combo)

        self.officer_combo = QComboBox()
        self.officer_combo.setObjectName("officer_combo")
        self.officer_combo.setToolTip(self.tr("Assigned officer"))
        self.officer_combo.addItem(self.tr("All officers"), None)
        self.officer_combo.addItem(self.tr("Mine ({officer})").format(officer=self.desk.officer), self.desk.officer)
        self.filter_bar.addWidget(self.officer_combo)

        self.due_combo = QComboBox()
        self.due_combo.setObjectName("due_combo")
        self.due_combo.setToolTip(self.tr("Due date"))
        self.due_combo.addItem(self.tr("Any due date"), None)
        self.due_combo.addItem(self.tr("Due today"), "today")
        self.due_combo.addItem(self.tr("Due within one working day"), "soon")
        self.due_combo.addItem(self.tr("Overdue"), "overdue")
        self.filter_bar.addWidget(self.due_combo)

    def _tab_title(self, key: str) -> str:
        titles = {
            "all": self.tr("All"),
            "received": labels.status_label(Status.RECEIVED),
            "accepted": labels.status_label(Status.ACCEPTED),
            "in_processing": labels.status_label(Status.IN_PROCESSING),
            "awaiting_signature": labels.status_label(Status.AWAITING_SIGNATURE),
            "result_ready": labels.status_label(Status.RESULT_READY),
            "supplement_requested": labels.status_label(Status.SUPPLEMENT_REQUESTED),
            "returned": labels.status_label(Status.RETURNED),
            "refused": self.tr("Refused / withdrawn"),
            "overdue": self.tr("Overdue"),
        }
        return titles[key]

    def _build_table(self) -> None:
        self.header_row = QWidget()
        tabs_row = QHBoxLayout(self.header_row)
        tabs_row.setContentsMargins(0, 0, 0, 0)
        self.tab_bar = QTabBar()
        self.tab_bar.setObjectName("status_tabs")
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDrawBase(False)
        self.tab_bar.setUsesScrollButtons(True)  # ten tabs must not set the window's minimum width
        for tab in STATUS_TABS:
            index = self.tab_bar.addTab(self._tab_title(tab.key))
            self.tab_bar.setTabData(index, tab.key)
        self.tab_bar.setTabToolTip(0, self.tr("Ctrl+PgDown / Ctrl+PgUp switch tabs"))
        tabs_row.addWidget(self.tab_bar, 1)
        self.result_label = QLabel()
        self.result_label.setObjectName("result_label")
        tabs_row.addWidget(self.result_label)

        self.table = QTableView()
        self.table.setObjectName("queue_view")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never asks a million rows for their size.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        widths = (200, 190, 300, 90, 125, 90, 125, 110, 60)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

        # An empty list says why (over the table's empty viewport), never just a blank table.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("queue_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #616161; font-size: 11pt; padding: 24px;")
        self.empty_label.hide()

        # The tab row stays above the window's splitter (as before the split); the table goes in it.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._search_changed)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.search_edit.installEventFilter(self)
        for combo in (self.procedure_combo, self.channel_combo, self.officer_combo, self.due_combo):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.tab_bar.currentChanged.connect(self._tab_changed)
        self.model.loading_started.connect(lambda: self.result_label.setText(self.tr("Searching…")))
        self.model.dataChanged.connect(self._rows_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(lambda _index: self.case_activated.emit())

    # ------------------------------------------------------------------ filter and search

    def current_filter(self) -> QueueFilter:
        tab = STATUS_TABS[max(0, self.tab_bar.currentIndex())]
        due = tab.due or self.due_combo.currentData()
        return replace(
            self.model.filter,
            sort=self._sort_key(),
            descending=self.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            statuses=tab.statuses,
            procedure_code=self.procedure_combo.currentData(),
            channel=self.channel_combo.currentData(),
            officer=self.officer_combo.currentData(),
            due=due,
            text=self.search_edit.text().strip(),
        )

    def _sort_key(self) -> str:
        column = self.table.horizontalHeader().sortIndicatorSection()
        return COLUMN_KEYS[column] if 0 <= column < len(COLUMN_KEYS) else "received_at"

    def _tab_changed(self, index: int) -> None:
        self._pending_select_code = None
        # The overdue tab reads best most-overdue first (and that order has an index).
        if 0 <= index < len(STATUS_TABS) and STATUS_TABS[index].key == "overdue":
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(COLUMN_KEYS.index("due_date"), Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            header.viewport().update()
        self.apply_filter()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.filter or not self.model.queried:
            self.model.set_filter(flt)

    def _search_changed(self, _text: str) -> None:
        # Answer while typing, but not per character of a scanner burst.
        self._search_timer.start()

    def _search_settled(self) -> None:
        code = services.dossier_code_from_receipt(self.search_edit.text())
        if code is not None:
            self.open_case_by_code(code)  # a receipt's QR scanned into the search box
            return
        self.apply_filter()

    def _search_entered(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        code = services.dossier_code_from_receipt(text)
        if code is None and DOSSIER_CODE_RE.match(text) and text.count("-") >= 2:
            code = text  # a dossier code typed or scanned (barcode on a paper file)
        if code is not None:
            self.open_case_by_code(code)
            return
        self.apply_filter()
        self.focus_queue()

    def show_code(self, code: str) -> None:
        """Put a code in the search box without searching (the caller opens the case)."""
        self.search_edit.blockSignals(True)
        self.search_edit.setText(code)
        self.search_edit.blockSignals(False)

    def open_case_by_code(self, code: str) -> None:
        """Show one case (a scanned dossier code or receipt) whatever the filters: search it and select it."""
        self._pending_select_code = code
        widgets = (self.search_edit, self.tab_bar, self.procedure_combo, self.channel_combo, self.officer_combo,
                   self.due_combo)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.setText(code)
        self.tab_bar.setCurrentIndex(0)
        for combo in (self.procedure_combo, self.channel_combo, self.officer_combo, self.due_combo):
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self._search_timer.stop()
        self.apply_filter()

    def stop(self) -> None:
        self._search_timer.stop()

    # ------------------------------------------------------------------ rows

    def show_loaded(self, total: int) -> None:
        count = f"{total:,}".replace(",", ".")
        if self.model.truncated:
            text = self.tr("First {count} matches — type more to narrow").format(count=count)
        elif self.model.counting:
            text = self.tr("{count}+ cases, counting…").format(count=count)
        else:
            text = self.tr("{count} cases").format(count=count)
        self.result_label.setText(text)
        self._show_empty(total == 0 and not self.model.loading)
        if self._pending_select_code is not None and not self.model.loading:
            self._select_pending()
            return
        if total and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)
        elif not total:
            self.queue_emptied.emit()

    def empty_reason(self) -> str:
        """Why the list is empty, in the officer's words."""
        flt = self.model.filter
        tab = STATUS_TABS[max(0, self.tab_bar.currentIndex())]
        if flt.text:
            return self.tr("No dossier matches “{text}”.").format(text=flt.text)
        if tab.key == "overdue":
            return self.tr("No overdue dossiers.")
        if flt.due == "today":
            return self.tr("No dossiers due today.")
        filtered = any(combo.currentIndex() > 0 for combo in
                       (self.procedure_combo, self.channel_combo, self.officer_combo, self.due_combo))
        if filtered:
            return self.tr("No dossiers with the filters chosen above.")
        if tab.key == "all":
            return self.tr("No dossiers yet: receive one with New dossier (Ctrl+N).")
        return self.tr("No dossiers in “{status}”.").format(status=self._tab_title(tab.key))

    def _show_empty(self, empty: bool) -> None:
        if empty:
            self.empty_label.setText(self.empty_reason())
            self.empty_label.setGeometry(self.table.viewport().rect())
            self.empty_label.show()
        else:
            self.empty_label.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.empty_label.isVisible():
            self.empty_label.setGeometry(self.table.viewport().rect())

    def _select_pending(self) -> None:
        code = self._pending_select_code
        self._pending_select_code = None
        for row in range(min(self.model.rowCount(), 50)):
            case = self.model.case_row(row)
            if case is not None and case.dossier_code.casefold() == (code or "").casefold():
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)
                self.focus_queue()
                # The box is ready for the next scan; the tabs show their whole lists again (a code left in
                # the box would filter every tab down to this one case).
                self.show_code("")
                self.result_label.setText(self.tr("{code} opened — choose a tab to see the queue").format(code=code))
                return
        self.message.emit(self.tr("No case with code {code}").format(code=code), 5000)

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        current = self.table.currentIndex()
        if self._waiting_for_page and current.isValid() and top_left.row() <= current.row() <= bottom_right.row():
            self._current_row_changed(current, QModelIndex())
        for row in range(top_left.row(), min(bottom_right.row() + 1, top_left.row() + 300)):
            case = self.model.case_row(row) if row < self.model.rowCount() else None
            if case is not None and case.assigned_officer and case.assigned_officer not in self._known_officers:
                self._known_officers.add(case.assigned_officer)
                if case.assigned_officer != self.desk.officer:
                    self.officer_combo.addItem(case.assigned_officer, case.assigned_officer)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        case = self.model.case_row(current.row())
        self._waiting_for_page = case is None  # dataChanged brings us back here once the page is in
        self.current_case_changed.emit(None if case is None else case.id)

    # ------------------------------------------------------------------ counts and focus

    def refresh_counts(self) -> None:
        self.runner.submit(self.desk.cases.status_counts, self._counts_loaded, lambda exc: log.warning(
            "status counts failed: %s", type(exc).__name__), owner=self, lane="background")

    def _counts_loaded(self, counts: dict[str, int]) -> None:
        total = sum(counts.get(status.value, 0) for status in Status)
        for index, tab in enumerate(STATUS_TABS):
            if tab.key == "all":
                value = total
            elif tab.key == "overdue":
                value = counts.get("overdue", 0)
            else:
                value = sum(counts.get(status, 0) for status in tab.statuses)
            self.tab_bar.setTabText(index, f"{self._tab_title(tab.key)} ({value:,})".replace(",", "."))
            if tab.key == "overdue" and value:
                self.tab_bar.setTabTextColor(index, Qt.GlobalColor.darkRed)
        self.counts_loaded.emit(counts)

    def show_overdue(self) -> None:
        self.tab_bar.setCurrentIndex(next(i for i, tab in enumerate(STATUS_TABS) if tab.key == "overdue"))
        self.focus_queue()

    def show_due_today(self) -> None:
        self.tab_bar.setCurrentIndex(0)
        self.due_combo.setCurrentIndex(max(0, self.due_combo.findData("today")))
        self.focus_queue()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def focus_queue(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)

    def step_tab(self, step: int) -> None:
        self.tab_bar.setCurrentIndex((self.tab_bar.currentIndex() + step) % self.tab_bar.count())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down arrow or Escape in the search box goes to the queue; the officer keeps typing elsewhere.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down or (key == Qt.Key.Key_Escape and not self.search_edit.text()):
                self.focus_queue()
                return True
            if key == Qt.Key.Key_Escape:
                self.search_edit.clear()
                return True
        return super().eventFilter(watched, event)
