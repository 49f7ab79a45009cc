"""Widgets of the intake form: the procedure picker, the document checklist, one field editor."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk.catalogue import Catalogue
from officer_desk.i18n import current_language
from officer_desk.text import fold

PROCEDURE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3
CODE_ROLE = Qt.ItemDataRole.UserRole + 4


class ProcedureFilter(QSortFilterProxyModel):
    """Diacritics-insensitive match on name, code and keywords; name matches rank first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._text = ""
        self.setSortRole(NAME_ROLE)

    def set_text(self, text: str) -> None:
        self._words = fold(text).split()
        self._text = " ".join(self._words)
        self.invalidate()
        self.sort(0)

    def _rank(self, index: Any) -> int:
        name = index.data(NAME_ROLE) or ""
        code = index.data(CODE_ROLE) or ""
        if self._text and (code.startswith(self._text) or name.startswith(self._text)):
            return 0
        if self._text and self._text in name:
            return 1
        if self._words and all(word in name for word in self._words):
            return 2
        return 3

    def lessThan(self, left: Any, right: Any) -> bool:  # noqa: N802
        return (self._rank(left), left.data(NAME_ROLE) or "") < (self._rank(right), right.data(NAME_ROLE) or "")

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:  # noqa: N802
        if not self._words:
            return True
        haystack = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)


class ProcedurePicker(QWidget):
    """Search box + list of procedures; Enter or a click chooses."""

    chosen = Signal(object)  # Procedure

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        language = current_language()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Procedure (name or code):"))
        layout.addWidget(label)
        self.search = QLineEdit()
        self.search.setObjectName("procedure_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("e.g. khai sinh, tam tru, 1.004194"))
        label.setBuddy(self.search)
        layout.addWidget(self.search)
        self.source = QStandardItemModel(self)
        for procedure in sorted(catalogue, key=lambda p: p.name(language)):
            item = QStandardItem(f"{procedure.name(language)}\n{procedure.code} · {procedure.field_vi}")
            item.setData(procedure, PROCEDURE_ROLE)
            item.setData(fold(" ".join((procedure.name_vi, procedure.name_en, procedure.code,
                                        *procedure.keywords, *procedure.aliases))), SEARCH_ROLE)
            item.setData(fold(procedure.name(language)), NAME_ROLE)
            item.setData(procedure.code, CODE_ROLE)
            item.setToolTip(f"{procedure.name(language)} ({procedure.code})")
            item.setEditable(False)
            self.source.appendRow(item)
        self.proxy = ProcedureFilter(self)
        self.proxy.setSourceModel(self.source)
        self.list = QListView()
        self.list.setObjectName("procedure_list")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_current)
        self.search.installEventFilter(self)
        self.list.activated.connect(lambda index: self._choose(index))
        self.list.clicked.connect(lambda index: self._choose(index))
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _choose_current(self) -> None:
        if self.list.currentIndex().isValid():
            self._choose(self.list.currentIndex())

    def _choose(self, index: Any) -> None:
        procedure = index.data(PROCEDURE_ROLE)
        if procedure is not None:
            self.chosen.emit(procedure)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        # Up/Down in the search box move through the list without leaving the box.
        if watched is self.search and event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Up, Qt.Key.Key_Down
        ):
            row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.proxy.rowCount():
                self.list.setCurrentIndex(self.proxy.index(row, 0))
            return True
        return super().eventFilter(watched, event)

    def select_code(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            procedure = self.proxy.index(row, 0).data(PROCEDURE_ROLE)
            if procedure.code == code:
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                self.chosen.emit(procedure)
                return True
        return False


@dataclass
class FieldEditor:
    """One input with its type, requiredness and inline error label."""

    key: str  # "applicant.full_name" or "form.<dotted path>"
    kind: str
    required: bool
    widget: QWidget
    error: QLabel
    touched: bool = False  # the officer typed or chose something here (then leaving the field checks it)

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QLineEdit):
            return w.text().strip()
        if isinstance(w, QComboBox):
            return w.currentData() if w.currentData() is not None else w.currentText().strip()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        return None

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QLineEdit):
            w.setText(str(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index < 0:
                index = w.findText(str(value))
            if index >= 0:
                w.setCurrentIndex(index)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))


class DocumentChecklist(QTreeWidget):
    """The procedure's documents; files dropped on a row are attached to it."""

    files_dropped = Signal(object, list)  # QTreeWidgetItem | None, [paths]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        if not paths:
            super().dropEvent(event)
            return
        item = self.itemAt(event.position().toPoint())
        self.files_dropped.emit(item, paths)
        event.acceptProposedAction()
