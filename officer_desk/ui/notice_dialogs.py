"""The apology with a new appointment (Mẫu 05): the officer picks the new date and writes the reason."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ApologyDialog(QDialog):
    """New appointment date (after today) and the reason for the delay; OK stays off until both are set."""

    def __init__(self, code: str, due: date | None, proposed: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("apology_dialog")
        self.setWindowTitle(self.tr("Apology and new appointment — {code}").format(code=code))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The result was due on {due}. The citizen receives a signed apology with the new "
                               "date; the dossier's due date becomes that date.").format(
                                   due=due.strftime("%d/%m/%Y") if due else "—"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("new_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        tomorrow = date.today() + timedelta(days=1)
        self.date_edit.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.date_edit.setDate(QDate(proposed.year, proposed.month, proposed.day))
        form.addRow(self.tr("New &appointment:"), self.date_edit)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("apology_reason")
        self.reason_edit.setPlaceholderText(self.tr("Why is the result late? (printed for the citizen)"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(80)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Issue the apology"))
        ok.setEnabled(False)
        self.reason_edit.textChanged.connect(lambda: ok.setEnabled(bool(self.reason())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.setFocus()

    def new_date(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()
