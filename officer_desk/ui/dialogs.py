"""Small dialogs: error message with details, a reason prompt, the supplement request, and helpers.

Dialogs are opened window-modal with ``open()`` (never a nested ``exec()``), so the window keeps
painting and tests drive them with key presses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from officer_desk.errors import DeskError
from officer_desk.ui.error_advice import window_advice

log = logging.getLogger("officer_desk.ui")


def describe_error(exc: BaseException) -> tuple[str, str]:
    """(message an officer understands, details for support) — never a traceback."""
    if isinstance(exc, DeskError):
        # The core's message may advise a command line; the officer is told where to click instead.
        return window_advice(exc.message), f"{type(exc).__name__} ({exc.code}): {exc.message}"
    if isinstance(exc, OSError):
        message = QCoreApplication.translate("Errors", "The file could not be read or written: {reason}").format(
            reason=exc.strerror or type(exc).__name__
        )
        return message, f"{type(exc).__name__}: {exc.filename or ''}"
    message = QCoreApplication.translate(
        "Errors",
        "Something went wrong and the operation was not completed. Nothing was saved half-way; you can try again. "
        "If it keeps happening, send the details below to your IT support.",
    )
    return message, f"{type(exc).__name__}: {str(exc)[:300]}"


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """Show an error as a message box with details (non-blocking); logs the traceback."""
    if not isinstance(exc, DeskError):
        log.error("unexpected error in the window", exc_info=(type(exc), exc, exc.__traceback__))
    message, details = describe_error(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "Officer Desk"))
    box.setText(message)
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("error_box")
    box.open()
    return box


class ReasonDialog(QDialog):
    """Asks for a reason (refusal, dismissal, taking over a case); OK stays disabled while empty."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, initial: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("reason_dialog")
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason_edit = QPlainTextEdit(initial)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Reason (required)"))
        label.setBuddy(self.reason_edit)
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self._update()
        self.resize(460, 220)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason().strip()))
        ok.setToolTip(self.tr("Ctrl+Enter"))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        # Ctrl+Enter confirms from inside the multi-line reason box.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.reason().strip():
                self.accept()
            return
        super().keyPressEvent(event)

    def reason(self) -> str:
        return self.reason_edit.toPlainText()


@dataclass(frozen=True)
class SupplementItem:
    """One thing the applicant must bring (a document or a correction)."""

    key: str
    text: str
    checked: bool
    todo: str = ""  # what the applicant has to do (the hint's suggestion)


class SupplementDialog(QDialog):
    """Choose the missing items (pre-filled from the error hints) and add a note."""

    def __init__(self, code: str, items: Sequence[SupplementItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request supplement — {code}").format(code=code))
        self.setObjectName("supplement_dialog")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Missing or incorrect items (Space ticks an item):"))
        layout.addWidget(label)
        self.items_list = QListWidget()
        label.setBuddy(self.items_list)
        for item in items:
            entry = QListWidgetItem(item.text)
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            entry.setData(Qt.ItemDataRole.UserRole + 1, item.todo)
            if item.todo:
                entry.setToolTip(item.todo)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked)
            self.items_list.addItem(entry)
        if self.items_list.count():
            self.items_list.setCurrentRow(0)
        layout.addWidget(self.items_list, 1)
        note_label = QLabel(self.tr("&Note to the applicant:"))
        layout.addWidget(note_label)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(80)
        note_label.setBuddy(self.note_edit)
        layout.addWidget(self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Request supplement"))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.items_list.itemChanged.connect(lambda _item: self._update())
        self.note_edit.textChanged.connect(self._update)
        self._update()
        self.resize(560, 420)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.chosen()) or bool(self.note().strip())
        )

    def _confirm(self) -> None:
        if self.chosen() or self.note().strip():
            self.accept()

    def chosen(self) -> list[tuple[str, str]]:
        result = []
        for row in range(self.items_list.count()):
            item = self.items_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                result.append((str(item.data(Qt.ItemDataRole.UserRole)), item.text()))
        return result

    def notice_items(self) -> list[tuple[str, str]]:
        """(item, what to do) for the supplement notice: the ticked items, then the note."""
        result = []
        for row in range(self.items_list.count()):
            item = self.items_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                result.append((item.text(), str(item.data(Qt.ItemDataRole.UserRole + 1) or "")))
        if self.note().strip():
            result.append((self.note().strip(), ""))
        return result

    def note(self) -> str:
        return self.note_edit.toPlainText()

    def reason_text(self) -> str:
        lines = [f"- {text}" for _key, text in self.chosen()]
        if self.note().strip():
            lines.append(self.note().strip())
        return "\n".join(lines)


def open_dialog(dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
    """Open ``dialog`` window-modal; ``on_accept`` runs when the officer confirms."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(on_accept)
    dialog.open()
    return dialog
