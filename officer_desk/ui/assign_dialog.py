""""Assign to…": choose an officer of the desk (with a filter); taking over another officer's case needs a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from officer_desk.text import fold

if TYPE_CHECKING:
    from officer_desk.desk import Desk
    from officer_desk.ui.tasks import TaskRunner


def active_officers(desk: Desk) -> list[tuple[str, str]]:
    """(username, full name) of every active officer, by username; safe on a worker thread."""
    return desk.cases.active_officers()


class AssignDialog(QDialog):
    """Pick the officer a case goes to; when another officer holds it, a reason is required (forced take-over)."""

    def __init__(self, desk: Desk, runner: TaskRunner, code: str, holder: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.holder = holder
        self.setObjectName("assign_dialog")
        self.setWindowTitle(self.tr("Assign {code}").format(code=code))
        layout = QVBoxLayout(self)

        filter_label = QLabel(self.tr("&Find an officer:"))
        layout.addWidget(filter_label)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("assign_filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Name or user name"))
        filter_label.setBuddy(self.filter_edit)
        layout.addWidget(self.filter_edit)

        self.officers_list = QListWidget()
        self.officers_list.setObjectName("assign_officers")
        layout.addWidget(self.officers_list, 1)
        self.status_label = QLabel(self.tr("Loading officers…"))
        self.status_label.setObjectName("assign_status")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("assign_reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(80)
        self.reason_edit.setPlaceholderText(self.tr("Reason (required)"))
        if holder:
            reason_label = QLabel(self.tr("{code} is assigned to {holder}. &Why is it taken over?").format(
                code=code, holder=holder))
            reason_label.setWordWrap(True)
            reason_label.setBuddy(self.reason_edit)
            layout.addWidget(reason_label)
            layout.addWidget(self.reason_edit)
        else:
            self.reason_edit.hide()

        self.error_label = QLabel()
        self.error_label.setObjectName("assign_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign"))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.filter_edit.textChanged.connect(lambda _text: self._apply_filter())
        self.filter_edit.returnPressed.connect(self._confirm)
        self.filter_edit.installEventFilter(self)
        self.officers_list.itemActivated.connect(lambda _item: self._confirm())
        self.officers_list.currentItemChanged.connect(lambda _current, _previous: self.error_label.hide())
        self.resize(460, 420)
        runner.submit(lambda: active_officers(desk), self.set_officers, self._load_failed, owner=self)

    # ------------------------------------------------------------------ officers

    def set_officers(self, officers: list[tuple[str, str]]) -> None:
        self.officers_list.clear()
        for username, full_name in officers:
            if username == self.holder:
                continue  # it is already theirs
            item = QListWidgetItem(f"{full_name} ({username})" if full_name else username)
            item.setData(Qt.ItemDataRole.UserRole, username)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{full_name} {username}"))
            self.officers_list.addItem(item)
        self.status_label.setText("" if self.officers_list.count() else self.tr("No other active officer."))
        self.status_label.setVisible(not self.officers_list.count())
        self._apply_filter()

    def _load_failed(self, _exc: Any) -> None:
        self.status_label.setText(self.tr("The list of officers could not be loaded."))
        self.status_label.show()

    def _apply_filter(self) -> None:
        needle = fold(self.filter_edit.text())
        first: QListWidgetItem | None = None
        for row in range(self.officers_list.count()):
            item = self.officers_list.item(row)
            hidden = bool(needle) and needle not in str(item.data(Qt.ItemDataRole.UserRole + 1))
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        current = self.officers_list.currentItem()
        if current is None or current.isHidden():
            if first is not None:
                self.officers_list.setCurrentItem(first)
            else:
                self.officers_list.setCurrentRow(-1)

    def select_officer(self, username: str) -> bool:
        for row in range(self.officers_list.count()):
            item = self.officers_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == username and not item.isHidden():
                self.officers_list.setCurrentItem(item)
                return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down arrow in the filter box goes to the list.
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down:  # type: ignore[attr-defined]
                self.officers_list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ result

    @property
    def force(self) -> bool:
        """Taking the case from the officer who holds it."""
        return bool(self.holder)

    def username(self) -> str | None:
        item = self.officers_list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _refuse(self, message: str, focus: QWidget) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm(self) -> None:
        if self.username() is None:
            self._refuse(self.tr("Choose the officer to assign the case to."), self.filter_edit)
            return
        if self.force and not self.reason():
            self._refuse(self.tr("{holder} holds this case: write why it is taken over.").format(
                holder=self.holder), self.reason_edit)
            return
        self.accept()
