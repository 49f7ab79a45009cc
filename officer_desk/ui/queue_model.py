"""The case queue as a lazy table model: rows are fetched a page of 50 at a time, only when visible.

Anki-style: filtering and sorting happen in SQL (``CaseService.page`` / ``count`` /
``search_queue``); the model keeps the total, the pages of ids it has seen and a bounded cache of
rows. Queries run on the task runner, so a million cases open and scroll without freezing the
window; a row that is not loaded yet shows a placeholder until its page arrives. A page is one
small statement selecting exactly the shown columns (no ORM entities), which is what keeps each
keystroke of the search under 10 ms end to end.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from officer_desk.cases import CaseRow, CaseService, QueueFilter
from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import CLOCK_RUNNING
from officer_desk.ui import labels
from officer_desk.ui.icons import severity_icon
from officer_desk.ui.tasks import TaskRunner

# About two screens of rows: the first screen appears from one page; scrolling asks for the next.
PAGE_SIZE = 50
SEARCH_LIMIT = 200
MAX_CACHED_PAGES = 64
MAX_CACHED_ROWS = 5_000

COLUMNS: tuple[tuple[str, str], ...] = (
    ("dossier_code", "Dossier code"),
    ("applicant_name", "Applicant"),
    ("procedure_code", "Procedure"),
    ("channel", "Channel"),
    ("received_at", "Received"),
    ("due_date", "Due"),
    ("status", "Status"),
    ("assigned_officer", "Officer"),
    ("worst_severity", "Hints"),
)
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)
OVERDUE_COLOR = QColor("#c62828")
DUE_SOON_COLOR = QColor("#b26a00")
DUE_SOON_BACKGROUND = QColor("#fff4e0")
OVERDUE_BACKGROUND = QColor("#fdecea")
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_PLACEHOLDER = "…"
_CLOCK_RUNNING = {s.value for s in CLOCK_RUNNING}


def _header(key: str) -> str:
    # Literal calls so lupdate sees every title.
    titles = {
        "dossier_code": QCoreApplication.translate("CaseQueueModel", "Dossier code"),
        "applicant_name": QCoreApplication.translate("CaseQueueModel", "Applicant"),
        "procedure_code": QCoreApplication.translate("CaseQueueModel", "Procedure"),
        "channel": QCoreApplication.translate("CaseQueueModel", "Channel"),
        "received_at": QCoreApplication.translate("CaseQueueModel", "Received"),
        "due_date": QCoreApplication.translate("CaseQueueModel", "Due"),
        "status": QCoreApplication.translate("CaseQueueModel", "Status"),
        "assigned_officer": QCoreApplication.translate("CaseQueueModel", "Officer"),
        "worst_severity": QCoreApplication.translate("CaseQueueModel", "Hints"),
    }
    return titles[key]


class CaseQueueModel(QAbstractTableModel):
    """The queue of cases for one ``QueueFilter``; loads lazily through ``CaseService``."""

    loading_started = Signal()
    loaded = Signal(int)  # total number of cases for the filter
    load_failed = Signal(object)

    def __init__(
        self,
        service: CaseService,
        runner: TaskRunner,
        procedure_name: Callable[[str], str] | None = None,
        soon_limit: Callable[[date], date] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.filter = QueueFilter()
        self._procedure_name = procedure_name or (lambda code: code)
        self._soon_limit = soon_limit or (lambda today: today)
        self._total = 0
        self._generation = 0
        self._pages: OrderedDict[int, list[int]] = OrderedDict()
        self._pending_pages: set[int] = set()
        self._rows: OrderedDict[int, CaseRow] = OrderedDict()
        # Search mode: every matching id is known at once (at most SEARCH_LIMIT); rows come by page.
        self._search_ids: list[int] | None = None
        self._today = datetime.now(LOCAL_TZ).date()
        self._soon = self._soon_limit(self._today)
        self.loading = False
        self.counting = False
        self.truncated = False

    # ------------------------------------------------------------------ loading

    @property
    def queried(self) -> bool:
        """Whether a query has been started (the first one runs when the window opens)."""
        return self._generation > 0

    def set_filter(self, flt: QueueFilter) -> None:
        """Show the cases matching ``flt`` (a new query; earlier answers still in flight are dropped)."""
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Run the query for the current filter.

        Queue mode: the first page arrives first (a few ms even at 1,000,000 cases); the total
        follows from a separate COUNT and the rows are inserted then, so the window is usable at
        once. Search mode (text typed): the index search returns the best SEARCH_LIMIT matches,
        which are filtered and sorted in memory - fast enough to answer every keystroke.
        """
        self._generation += 1
        generation = self._generation
        flt = self.filter
        self._today = datetime.now(LOCAL_TZ).date()
        self._soon = self._soon_limit(self._today)
        self.loading = True
        self.counting = False
        self.loading_started.emit()
        if flt.text.strip():
            self.runner.submit(
                lambda: self._search(flt),
                lambda result: self._search_loaded(generation, *result),
                lambda exc: self._failed(generation, exc),
                owner=self,
                lane="queue",
            )
            return

        def first_page() -> tuple[list[int], list[CaseRow]]:
            rows = self.service.page(flt, 0, PAGE_SIZE)
            return [row.id for row in rows], rows

        self.runner.submit(
            first_page,
            lambda result: self._first_page_loaded(generation, *result),
            lambda exc: self._failed(generation, exc),
            owner=self,
            lane="queue",
        )

    def _reset(self, ids: list[int], rows: Sequence[CaseRow], total: int) -> None:
        self.beginResetModel()
        self._total = total
        self._pages.clear()
        self._pending_pages.clear()
        for start in range(0, len(ids), PAGE_SIZE):
            self._pages[start // PAGE_SIZE] = ids[start:start + PAGE_SIZE]
        self._rows.clear()
        self._store_rows(rows)
        self.loading = False
        self.endResetModel()

    def _first_page_loaded(self, generation: int, ids: list[int], rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return
        self.truncated = False
        self._search_ids = None
        self._reset(ids, rows, len(ids))
        if len(ids) < PAGE_SIZE:
            self.loaded.emit(self._total)
            return
        self.counting = True
        self.loaded.emit(self._total)
        flt = self.filter
        self.runner.submit(
            lambda: self.service.count(flt),
            lambda total: self._counted(generation, total),
            lambda exc: self._failed(generation, exc),
            owner=self,
            lane="background",
        )

    def _counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self.counting = False
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        self.loaded.emit(self._total)

    def _search(self, flt: QueueFilter) -> tuple[list[int], list[CaseRow], bool]:
        ids, truncated = self.service.search_queue(flt, SEARCH_LIMIT)
        return ids, self.service.rows(ids[:PAGE_SIZE]), truncated

    def _search_loaded(self, generation: int, ids: list[int], rows: list[CaseRow], truncated: bool) -> None:
        if generation != self._generation:
            return
        self.truncated = truncated
        self._search_ids = ids
        self._reset(ids, rows, len(ids))
        self.loaded.emit(self._total)

    def _failed(self, generation: int, exc: object) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.load_failed.emit(exc)

    def _store_rows(self, rows: Sequence[CaseRow]) -> None:
        for row in rows:
            self._rows[row.id] = row
            self._rows.move_to_end(row.id)
        while len(self._rows) > MAX_CACHED_ROWS:
            self._rows.popitem(last=False)

    def _request_page(self, page: int) -> None:
        if page in self._pending_pages or (page in self._pages and self._search_ids is None):
            return
        generation = self._generation
        flt = self.filter
        search_ids = self._search_ids
        self._pending_pages.add(page)

        def query() -> tuple[list[int], list[CaseRow]]:
            if search_ids is not None:  # the ids are known: only their rows are missing
                ids = search_ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
                return ids, self.service.rows(ids)
            rows = self.service.page(flt, page * PAGE_SIZE, PAGE_SIZE)
            return [row.id for row in rows], rows

        if self.runner.synchronous:
            ids, rows = query()
            self._pending_pages.discard(page)
            self._put_page(page, ids, rows)
            return
        self.runner.submit(
            query,
            lambda result: self._page_loaded(generation, page, *result),
            lambda exc: self._page_failed(generation, page, exc),
            owner=self,
            lane="queue",
        )

    def _put_page(self, page: int, ids: list[int], rows: list[CaseRow]) -> None:
        self._pages[page] = ids
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_CACHED_PAGES:
            oldest = next(iter(self._pages))
            if oldest == page:
                break
            del self._pages[oldest]
        self._store_rows(rows)

    def _page_loaded(self, generation: int, page: int, ids: list[int], rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return
        self._pending_pages.discard(page)
        self._put_page(page, ids, rows)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _page_failed(self, generation: int, page: int, exc: object) -> None:
        if generation == self._generation:
            self._pending_pages.discard(page)
            self.load_failed.emit(exc)

    def refresh_case(self, case_id: int) -> None:
        """Re-read one case after an action (it keeps its place until the next query)."""

        def query() -> list[CaseRow]:
            return self.service.rows([case_id])

        def done(rows: list[CaseRow]) -> None:
            self._store_rows(rows)
            row = self.row_of(case_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

        self.runner.submit(query, done, lambda exc: self.load_failed.emit(exc), owner=self, lane="queue")

    # ------------------------------------------------------------------ lookups

    def case_id(self, row: int) -> int | None:
        """The id at ``row``, loading its page when needed (None until it arrives)."""
        if row < 0 or row >= self._total:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        ids = self._pages.get(page)
        if ids is None:
            self._request_page(page)
            ids = self._pages.get(page)
            if ids is None:
                return None
        self._pages.move_to_end(page)
        return ids[offset] if offset < len(ids) else None

    def case_row(self, row: int) -> CaseRow | None:
        case_id = self.case_id(row)
        if case_id is None:
            return None
        cached = self._rows.get(case_id)
        if cached is None:
            # Not loaded yet (search mode) or evicted from the row cache while its page stayed.
            if self._search_ids is None:
                self._pages.pop(row // PAGE_SIZE, None)
            self._request_page(row // PAGE_SIZE)
            cached = self._rows.get(case_id)
        return cached

    def row_of(self, case_id: int) -> int | None:
        """Row of a case among the loaded pages (None when it is not loaded)."""
        for page, ids in self._pages.items():
            try:
                return page * PAGE_SIZE + ids.index(case_id)
            except ValueError:
                continue
        return None

    def loaded_row_count(self) -> int:
        return sum(len(ids) for ids in self._pages.values())

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(COLUMN_KEYS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click to sort by this column")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._total or index.column() >= len(COLUMNS):
            return None
        row = self.case_row(index.row())
        key = COLUMN_KEYS[index.column()]
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return _PLACEHOLDER
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == CASE_ID_ROLE:
            return row.id
        if role == CASE_ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and key == "due_date":
            state = self.due_state(row)
            if state == "overdue":
                return QBrush(OVERDUE_COLOR)
            if state == "soon":
                return QBrush(DUE_SOON_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and key == "due_date":
            state = self.due_state(row)
            if state == "overdue":
                return QBrush(OVERDUE_BACKGROUND)
            if state == "soon":
                return QBrush(DUE_SOON_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and key == "due_date" and self.due_state(row) == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and key == "worst_severity" and row.worst_severity:
            return severity_icon(row.worst_severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        return None

    def _display(self, row: CaseRow, key: str) -> str:
        if key == "dossier_code":
            return row.dossier_code
        if key == "applicant_name":
            return row.applicant_name
        if key == "procedure_code":
            return self._procedure_name(row.procedure_code)
        if key == "channel":
            return labels.channel_label(row.channel)
        if key == "received_at":
            return row.received_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
        if key == "due_date":
            return row.due_date.strftime("%d/%m/%Y") if row.due_date else ""
        if key == "status":
            return labels.status_label(row.status)
        if key == "assigned_officer":
            return row.assigned_officer or ""
        if key == "worst_severity":
            return str(row.open_finding_count) if row.open_finding_count else ""
        return ""

    def _tooltip(self, row: CaseRow, key: str) -> str | None:
        if key == "procedure_code":
            return f"{row.procedure_code} — {self._procedure_name(row.procedure_code)}"
        if key == "due_date":
            state = self.due_state(row)
            if state == "overdue":
                return self.tr("Overdue")
            if state == "soon":
                return self.tr("Due within one working day")
        if key == "worst_severity" and row.open_finding_count:
            return self.tr("{count} open hints; worst: {severity}").format(
                count=row.open_finding_count, severity=labels.severity_label(row.worst_severity)
            )
        return None

    def due_state(self, row: CaseRow) -> str | None:
        """``overdue`` / ``soon`` (due within one working day) / None, for running clocks only."""
        if row.due_date is None or row.status not in _CLOCK_RUNNING:
            return None
        if row.due_date < self._today:
            return "overdue"
        if row.due_date <= self._soon:
            return "soon"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMN_KEYS[column]
        if key == self.filter.sort and descending == self.filter.descending:
            return
        self.set_filter(replace(self.filter, sort=key, descending=descending))
