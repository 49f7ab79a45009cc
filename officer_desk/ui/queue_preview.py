"""The queue's first page on screen before the desk opens (issue 17): a read-only window in the main window's
place, size and column layout, showing the rows ``officer_desk.queue_first_page`` read straight from the
database, while the desk (SQLAlchemy, the ORM classes, the catalogue, the calendar, the window's modules)
opens on a worker. The main window, once built, shows the same rows at once and this window closes.

Imports only Qt, the translated labels and the row formatting shared with the queue model: none of the
desk, so the officer sees cases about as soon as a bare Qt window could show them. Never used on a set-up
desk (``read_first_page`` refuses: the officer signs in before any personal data is shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from officer_desk.paths import Home
from officer_desk.queue_first_page import FirstPageRow
from officer_desk.ui.icons import app_icon
from officer_desk.ui.queue_format import COLUMN_KEYS, DEFAULT_SORT_COLUMN, display_texts, header_title

# main_window.SETTINGS_VERSION and the keys it saves (a test keeps them equal): the same geometry and columns.
SETTINGS_VERSION = 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class FirstPageModel(QAbstractTableModel):
    """The preview's rows, formatted once. The procedure column stays empty until the main window takes over:
    the catalogue (the procedures' names) is not loaded yet, and an officer is never shown a bare code."""

    def __init__(self, rows: Sequence[FirstPageRow], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[FirstPageRow] = []
        self._texts: list[tuple[str, ...]] = []
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[FirstPageRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._texts = [display_texts(row, lambda _code: "") for row in self.rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and int(role) == _DISPLAY and 0 <= section < len(COLUMN_KEYS):
            return header_title(COLUMN_KEYS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) != _DISPLAY or not index.isValid():
            return None
        return self._texts[index.row()][index.column()]


class QueuePreview(QWidget):
    """The first page of the queue, read-only, until the main window takes its place."""

    def __init__(self, home: Home, title: str) -> None:
        super().__init__(None)
        self.setObjectName("queue_preview")
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.table = QTableView()
        self.table.setObjectName("queue_preview_view")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.model = FirstPageModel([], self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in enumerate((200, 190, 300, 90, 125, 90, 125, 110, 60)):  # as QueuePanel
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(DEFAULT_SORT_COLUMN, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        self.status = QLabel(QCoreApplication.translate("QueuePreview", "Opening the desk…"))
        self.status.setObjectName("queue_preview_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._restore(home)

    def show_status(self, text: str) -> None:
        """What the desk is doing while the preview stands in for the window (e.g. upgrading the database)."""
        self.status.setText(text)

    def _restore(self, home: Home) -> None:
        """The main window's saved geometry and queue columns (sort order included), else its default size."""
        settings = QSettings(str(home.root / "window.ini"), QSettings.Format.IniFormat)
        if str(settings.value("version", 0) or 0) == str(SETTINGS_VERSION):
            geometry, columns = settings.value("geometry"), settings.value("queue_header")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty():
                self.restoreGeometry(geometry)
            if isinstance(columns, QByteArray) and not columns.isEmpty():
                self.table.horizontalHeader().restoreState(columns)
            return
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None:
            self.resize(1440, 900)
            return
        self.resize(min(1440, area.width()), min(900, area.height()))
        self.move(area.topLeft())

    def sort_order(self) -> tuple[str, bool]:
        """The queue's sort key and direction as the main window will restore them."""
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        key = COLUMN_KEYS[column] if 0 <= column < len(COLUMN_KEYS) else "received_at"
        return key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def show_rows(self, rows: Sequence[FirstPageRow]) -> None:
        """Show the window with ``rows`` and paint it now (the caller goes on with the desk's slow start)."""
        self.model.set_rows(rows)
        self.show()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.table.viewport().repaint()

    def finish(self, window: QWidget) -> None:
        """The main window (shown, with these rows) takes over."""
        self.close()
        self.deleteLater()
