"""A supervisor resolves a sync conflict: both versions side by side, field by field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.desk import Desk
from officer_desk.sync.conflicts import MERGE, MINE, THEIRS, OpenConflict, resolve
from officer_desk.sync.status import field_label, value_text


class ConflictDialog(QDialog):
    """Keep this desk's version, the server's, or choose per field; nothing is dropped before that."""

    def __init__(self, desk: Desk, conflict: OpenConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.conflict = conflict
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Sync conflict — {code}").format(code=conflict.code))
        layout = QVBoxLayout(self)
        self.choices: dict[str, QComboBox] = {}
        if conflict.kind == "identity":
            layout.addWidget(QLabel(self.tr(
                "Another desk used the same dossier code for a different citizen or procedure. Both dossiers "
                "are kept: this desk's dossier gets a new code.")))
            self.table = None
        else:
            layout.addWidget(QLabel(self.tr(
                "This desk and the server changed the same information. Choose which value to keep.")))
            self.table = QTableWidget(len(conflict.fields), 4, self)
            self.table.setObjectName("conflict_table")
            self.table.setHorizontalHeaderLabels(
                [self.tr("Information"), self.tr("On this desk"), self.tr("On the server"), self.tr("Keep")])
            for row, name in enumerate(conflict.fields):
                self.table.setItem(row, 0, QTableWidgetItem(field_label(name)))
                self.table.setItem(row, 1, QTableWidgetItem(value_text(conflict.mine.get(name))))
                self.table.setItem(row, 2, QTableWidgetItem(value_text(conflict.theirs.get(name))))
                combo = QComboBox(self.table)
                combo.addItem(self.tr("This desk's value"), MINE)
                combo.addItem(self.tr("The server's value"), THEIRS)
                self.table.setCellWidget(row, 3, combo)
                self.choices[name] = combo
            self.table.resizeColumnsToContents()
            layout.addWidget(self.table)
        self.message = QLabel()
        self.message.setObjectName("conflict_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        if conflict.kind == "identity":
            self.keep_both = QPushButton(self.tr("Keep both (new code for this desk's dossier)"))
            self.keep_both.clicked.connect(lambda: self.decide(MINE))
            buttons.addWidget(self.keep_both)
        else:
            self.keep_mine = QPushButton(self.tr("Keep this desk's version"))
            self.keep_mine.setObjectName("keep_mine")
            self.keep_mine.clicked.connect(lambda: self.decide(MINE))
            self.keep_theirs = QPushButton(self.tr("Keep the server's version"))
            self.keep_theirs.setObjectName("keep_theirs")
            self.keep_theirs.clicked.connect(lambda: self.decide(THEIRS))
            self.merge = QPushButton(self.tr("Keep the values chosen per field"))
            self.merge.setObjectName("keep_per_field")
            self.merge.clicked.connect(lambda: self.decide(MERGE))
            for button in (self.keep_mine, self.keep_theirs, self.merge):
                buttons.addWidget(button)
        cancel = QPushButton(self.tr("Decide later"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def decide(self, choice: str) -> None:
        per_field = {name: str(combo.currentData()) for name, combo in self.choices.items()}
        try:
            resolve(self.desk, self.conflict.code, choice, per_field)
        except Exception as exc:  # noqa: BLE001 - shown in words; nothing was changed (one transaction)
            from officer_desk.errors import DeskError

            self.message.setText(exc.message if isinstance(exc, DeskError) else self.tr(
                "The conflict could not be resolved; nothing was changed."))
            return
        self.accept()
