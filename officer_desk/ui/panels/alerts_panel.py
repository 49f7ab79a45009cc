"""Deadline alerts the officer cannot miss: overdue dossiers and dossiers due today, above the queue.

The bar stays on screen (it does not fade like a status-bar message) while any dossier is overdue or due
today, and each count is a button that shows those dossiers.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class AlertsBar(QFrame):
    """Red for overdue, amber for due today; hidden when neither."""

    show_overdue = Signal()
    show_due_today = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alerts_bar")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(8)
        self.icon = QLabel("⚠")
        self.icon.setStyleSheet("font-size: 14pt; color: #c62828;")
        row.addWidget(self.icon)
        self.overdue_button = QPushButton()
        self.overdue_button.setObjectName("alert_overdue")
        self.overdue_button.setAutoDefault(False)
        self.overdue_button.setStyleSheet("QPushButton { color: white; background: #c62828; font-weight: bold; "
                                          "border-radius: 3px; padding: 3px 10px; }")
        self.overdue_button.clicked.connect(self.show_overdue)
        self.due_button = QPushButton()
        self.due_button.setObjectName("alert_due_today")
        self.due_button.setAutoDefault(False)
        self.due_button.setStyleSheet("QPushButton { color: black; background: #ffb300; font-weight: bold; "
                                      "border-radius: 3px; padding: 3px 10px; }")
        self.due_button.clicked.connect(self.show_due_today)
        row.addWidget(self.overdue_button)
        row.addWidget(self.due_button)
        row.addStretch(1)
        self.setStyleSheet("QFrame#alerts_bar { background: #fdecea; border: 1px solid #ef9a9a; }")
        self.hide()

    def set_counts(self, counts: Mapping[str, int]) -> None:
        overdue, due_today = int(counts.get("overdue", 0)), int(counts.get("due_today", 0))
        self.overdue_button.setText(self.tr("Overdue: {count} dossiers — show them").format(count=overdue))
        self.overdue_button.setToolTip(self.tr("The due date has passed: issue an apology with a new appointment "
                                               "(Mẫu 05) or finish them first"))
        self.due_button.setText(self.tr("Due today: {count} dossiers — show them").format(count=due_today))
        self.overdue_button.setVisible(overdue > 0)
        self.due_button.setVisible(due_today > 0)
        self.setVisible(overdue > 0 or due_today > 0)
