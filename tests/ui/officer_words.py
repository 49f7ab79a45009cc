"""What an officer reads on screen, collected from a widget tree, and the internals that must not be in it.

Issue 10 §6: no finding code (``MISSING_REQUIRED_DOC``), field path (``form.nguoi_huong.gioi_tinh``),
document id (``giay_khai_sinh_tre``) or raw choice value (``tre_em``) in any visible text. Tooltips and the
support details of an error box may keep them (they are for support), so they are not collected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INTERNAL = re.compile(
    r"\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b"  # finding codes (MISSING_REQUIRED_DOC)
    r"|\b(?:form|applicant|co_applicant|attachments)\.[a-z_.]+"  # field paths (form.nguoi_huong.gioi_tinh)
    r"|\b[a-z0-9]+(?:_[a-z0-9]+)+\b"  # document ids and raw choice values (giay_khai_sinh_tre, tre_em)
)
MODEL_ROWS = 200  # rows of a list or table read per view (the visible page and more)


def _columns(model: Any, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # one column; PySide keeps columnCount() private there
        return 1
    return int(model.columnCount(parent))


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found: list[str] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), MODEL_ROWS)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
                if value is not None:
                    found.append(str(value))
            first = model.index(row, 0, parent)
            if depth < 3 and model.rowCount(first) > 0:
                walk(first, depth + 1)

    walk(QModelIndex(), 0)
    for column in range(_columns(model, QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header is not None:
            found.append(str(header))
    return found


def visible_texts(root: QWidget) -> list[str]:
    """Every text an officer can read in ``root`` and its visible children (tooltips excepted)."""
    found: list[str] = [root.windowTitle()] if root.isWindow() else []
    for child in [root, *root.findChildren(QWidget)]:
        if child is not root and not child.isVisibleTo(root):
            continue
        if isinstance(child, QLabel):
            found.append(child.text())
        elif isinstance(child, QAbstractButton):
            found.append(child.text())
        elif isinstance(child, QGroupBox):
            found.append(child.title())
        elif isinstance(child, QTabWidget):
            found += [child.tabText(i) for i in range(child.count())]
        elif isinstance(child, QComboBox):
            found += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QLineEdit):
            found += [child.text(), child.placeholderText()]
        elif isinstance(child, (QTextEdit, QPlainTextEdit)):
            found.append(child.toPlainText())
        elif isinstance(child, QAbstractItemView) and not isinstance(child, QHeaderView):  # headers: from models
            found += _model_texts(child)
    return found


def leaks(texts: Iterable[str], allowed: Iterable[str] = ()) -> set[str]:
    """The internal codes, paths and ids in ``texts`` (``allowed``: text the test itself put there, such as
    a temporary folder's name)."""
    spared = [a for a in allowed if a]
    found: set[str] = set()
    for text in texts:
        for part in spared:
            text = (text or "").replace(part, "")
        found.update(match.group(0) for match in INTERNAL.finditer(text or ""))
    return found
