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
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from officer_desk.cases import CaseRow, CaseService, QueueFilter
from officer_desk.dossier import LOCAL_TZ
from officer_desk.ui import labels
from officer_desk.ui.icons import severity_icon
from officer_desk.ui.queue_format import COLUMN_KEYS, COLUMNS, display_rows, due_state, header_title
from officer_desk.ui.tasks import TaskRunner

__all__ = ["CASE_ID_ROLE", "CASE_ROW_ROLE", "COLUMNS", "COLUMN_KEYS", "PAGE_SIZE", "SEARCH_LIMIT", "CaseQueueModel"]

# About two screens of rows: the first screen appears from one page; scrolling asks for the next.
PAGE_SIZE = 50
SEARCH_LIMIT = 200
MAX_CACHED_PAGES = 64
MAX_CACHED_ROWS = 5_000

OVERDUE_COLOR = QColor("#c62828")
DUE_SOON_COLOR = QColor("#b26a00")
DUE_SOON_BACKGROUND = QColor("#fff4e0")
OVERDUE_BACKGROUND = QColor("#fdecea")
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_PLACEHOLDER = "…"
# The roles this model answers, as plain ints: a view asks a dozen roles per cell on every paint, and the
# ones answered with nothing return before any lookup (issue 17: the paint after each keystroke's rows
# competes with the next keystroke's query for the interpreter).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_CASE_ID = int(CASE_ID_ROLE)
_CASE_ROW = int(CASE_ROW_ROLE)
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _FOREGROUND, _BACKGROUND, _FONT, _DECORATION, _CASE_ID, _CASE_ROW))
_DUE_COLUMN = COLUMN_KEYS.index("due_date")
_HINTS_COLUMN = COLUMN_KEYS.index("worst_severity")
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_OVERDUE_FONT = QFont()
_OVERDUE_FONT.setBold(True)
_DUE_FOREGROUND = {"overdue": QBrush(OVERDUE_COLOR), "soon": QBrush(DUE_SOON_COLOR)}
_DUE_BACKGROUND = {"overdue": QBrush(OVERDUE_BACKGROUND), "soon": QBrush(DUE_SOON_BACKGROUND)}


_icons: dict[str, QIcon] = {}


def _severity_icon(severity: str) -> QIcon:
    icon = _icons.get(severity)
    if icon is None:
        icon = _icons[severity] = severity_icon(severity)
    return icon


class _Entry(NamedTuple):
    """A cached row with its cells already formatted (once, on the worker that read it), not per paint."""

    row: CaseRow
    texts: tuple[str, ...]
    due: str | None


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
        self._rows: OrderedDict[int, _Entry] = OrderedDict()
        # The last row of each whole page as it was read (its sort value then): the next page seeks past it.
        # Not the row cache's copy, which a refresh may have changed since (a new status, a finding decided).
        self._page_ends: dict[int, CaseRow] = {}
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

        def first_page() -> tuple[list[int], list[_Entry]]:
            rows = self.service.page(flt, 0, PAGE_SIZE)
            return [row.id for row in rows], self._entries(rows)

        self.runner.submit(
            first_page,
            lambda result: self._first_page_loaded(generation, *result),
            lambda exc: self._failed(generation, exc),
            owner=self,
            lane="queue",
        )

    def _entries(self, rows: Sequence[CaseRow]) -> list[_Entry]:
        """The rows with their cells formatted: called on the worker that read them, so the GUI thread's
        paint is a tuple lookup per cell."""
        today, soon = self._today, self._soon
        texts = display_rows(rows, self._procedure_name)
        return [_Entry(row, cells, due_state(row, today, soon)) for row, cells in zip(rows, texts, strict=True)]

    def show_rows(self, rows: Sequence[CaseRow]) -> None:
        """Rows already read elsewhere (the first page the start-up preview showed, issue 17), shown at once
        while this model's own query for the same page runs; its answer replaces them."""
        if self._total or not rows:
            return
        self._reset([row.id for row in rows], self._entries(rows), len(rows), loading=self.loading)

    def _reset(self, ids: list[int], rows: Sequence[_Entry], total: int, loading: bool = False) -> None:
        self.beginResetModel()
        self._total = total
        self._pages.clear()
        self._pending_pages.clear()
        self._page_ends.clear()
        for start in range(0, len(ids), PAGE_SIZE):
            self._pages[start // PAGE_SIZE] = ids[start:start + PAGE_SIZE]
        self._rows.clear()
        self._store_rows(rows)
        for page, page_ids in self._pages.items():
            self._note_page_end(page, page_ids)
        self.loading = loading
        self.endResetModel()

    def _first_page_loaded(self, generation: int, ids: list[int], rows: list[_Entry]) -> None:
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

    def _search(self, flt: QueueFilter) -> tuple[list[int], list[_Entry], bool]:
        ids, rows, truncated = self.service.search_page(flt, SEARCH_LIMIT, PAGE_SIZE)
        return ids, self._entries(rows), truncated

    def _search_loaded(self, generation: int, ids: list[int], rows: list[_Entry], truncated: bool) -> None:
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

    def _store_rows(self, rows: Sequence[_Entry]) -> None:
        for entry in rows:
            self._rows[entry.row.id] = entry
            self._rows.move_to_end(entry.row.id)
        while len(self._rows) > MAX_CACHED_ROWS:
            self._rows.popitem(last=False)

    def _request_page(self, page: int) -> None:
        if page in self._pending_pages or (page in self._pages and self._search_ids is None):
            return
        generation = self._generation
        flt = self.filter
        search_ids = self._search_ids
        after = self._row_before(page) if search_ids is None else None
        self._pending_pages.add(page)

        def query() -> tuple[list[int], list[_Entry]]:
            if search_ids is not None:  # the ids are known: only their rows are missing
                ids = search_ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
                return ids, self._entries(self.service.rows(ids))
            # Scrolling down: the page after a loaded one seeks past its last row (no OFFSET to count).
            rows = self.service.page_after(flt, after, PAGE_SIZE) if after is not None else None
            if rows is None:
                rows = self.service.page(flt, page * PAGE_SIZE, PAGE_SIZE)
            return [row.id for row in rows], self._entries(rows)

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

    def _row_before(self, page: int) -> CaseRow | None:
        """The last row of the page above ``page`` as it was read, when that page is loaded whole."""
        ids = self._pages.get(page - 1) if page > 0 else None
        end = self._page_ends.get(page - 1)
        if not ids or len(ids) < PAGE_SIZE or end is None or end.id != ids[-1]:
            return None
        return end

    def _note_page_end(self, page: int, ids: list[int]) -> None:
        entry = self._rows.get(ids[-1]) if len(ids) == PAGE_SIZE else None
        if entry is not None:
            self._page_ends[page] = entry.row

    def _put_page(self, page: int, ids: list[int], rows: list[_Entry]) -> None:
        self._pages[page] = ids
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_CACHED_PAGES:
            oldest = next(iter(self._pages))
            if oldest == page:
                break
            del self._pages[oldest]
            self._page_ends.pop(oldest, None)
        self._store_rows(rows)
        self._note_page_end(page, ids)

    def _page_loaded(self, generation: int, page: int, ids: list[int], rows: list[_Entry]) -> None:
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

        def query() -> list[_Entry]:
            return self._entries(self.service.rows([case_id]))

        def done(rows: list[_Entry]) -> None:
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
        entry = self._entry(row)
        return entry.row if entry is not None else None

    def _entry(self, row: int) -> _Entry | None:
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
            return header_title(COLUMN_KEYS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click to sort by this column")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED:
            return None
        row_number, column = index.row(), index.column()
        if not index.isValid() or row_number >= self._total or column >= len(COLUMNS):
            return None
        entry = self._entry(row_number)
        if entry is None:
            if role == _DISPLAY and column == 0:
                return _PLACEHOLDER
            return None
        if role == _DISPLAY:
            return entry.texts[column]
        if role == _CASE_ID:
            return entry.row.id
        if role == _CASE_ROW:
            return entry.row
        if column == _DUE_COLUMN:
            if role == _FOREGROUND:
                return _DUE_FOREGROUND.get(entry.due)  # type: ignore[arg-type]
            if role == _BACKGROUND:
                return _DUE_BACKGROUND.get(entry.due)  # type: ignore[arg-type]
            if role == _FONT and entry.due == "overdue":
                return _OVERDUE_FONT
        if role == _DECORATION and column == _HINTS_COLUMN and entry.row.worst_severity:
            return _severity_icon(entry.row.worst_severity)
        if role == _TOOLTIP:
            return self._tooltip(entry.row, COLUMN_KEYS[column])
        return None

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
        return due_state(row, self._today, self._soon)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = COLUMN_KEYS[column]
        if key == self.filter.sort and descending == self.filter.descending:
            return
        self.set_filter(replace(self.filter, sort=key, descending=descending))
