"""The screening hints beside a case: severity, message, evidence, suggestion, Accept / Dismiss.

Dismissed hints stay visible, greyed, with who dismissed them and why. Until the screening
engine lands, the panel shows the case's stored findings (``CaseDetail.findings``).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from officer_desk.cases import CaseDetail, FindingView
from officer_desk.dossier import LOCAL_TZ
from officer_desk.i18n import current_language
from officer_desk.ui import labels
from officer_desk.ui.icons import severity_icon

SEVERITY_COLORS = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}


def _local(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M") if moment else ""


class HintCard(QFrame):
    """One hint; its buttons ask the panel to record the officer's decision."""

    accept_requested = Signal(int)
    dismiss_requested = Signal(int)
    reopen_requested = Signal(int)

    def __init__(self, finding: FindingView, closed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("hint_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        color = SEVERITY_COLORS.get(finding.severity, "#616161")
        decided = finding.decision != "open"
        border = "#bdbdbd" if decided else color
        self.setStyleSheet(
            f"QFrame#hint_card {{ border: 1px solid #d0d0d0; border-left: 4px solid {border};"
            " border-radius: 4px; background: palette(base); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)

        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(severity_icon(finding.severity, finding.decision).pixmap(QSize(18, 18)))
        top.addWidget(icon)
        title = QLabel(f"<b>{labels.severity_label(finding.severity)}</b> · <span style='color:#757575'>"
                       f"{finding.code}</span>")
        top.addWidget(title, 1)
        layout.addLayout(top)

        message, evidence_text, suggestion_text = finding.texts(current_language())
        self.message_label = QLabel(message or finding.code)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # received text is never markup
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        if evidence_text:
            evidence = QLabel(self.tr("<i>Evidence:</i> {text}").format(text=_escape(evidence_text)))
            evidence.setWordWrap(True)
            evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(evidence)
        if suggestion_text:
            suggestion = QLabel(self.tr("<i>Suggested action:</i> {text}").format(text=_escape(suggestion_text)))
            suggestion.setWordWrap(True)
            layout.addWidget(suggestion)

        if decided:
            if finding.decision == "dismissed":
                text = self.tr("Dismissed by {officer} on {at}: {reason}")
            else:
                text = self.tr("Accepted by {officer} on {at}")
            status = QLabel(
                text.format(officer=finding.decided_by or "?", at=_local(finding.decided_at),
                            reason=_escape(finding.decision_reason))
            )
            status.setWordWrap(True)
            status.setObjectName("hint_decision")
            layout.addWidget(status)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Agree with this hint (it will be listed when requesting a supplement)"))
        self.dismiss_button = QPushButton(self.tr("Dismiss…"))
        self.dismiss_button.setToolTip(self.tr("The hint does not apply; a reason is required"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        for button in (self.accept_button, self.dismiss_button, self.reopen_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.accept_button.clicked.connect(lambda: self.accept_requested.emit(finding.id))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(finding.id))
        self.reopen_button.clicked.connect(lambda: self.reopen_requested.emit(finding.id))
        self.accept_button.setVisible(not decided)
        self.dismiss_button.setVisible(not decided)
        self.reopen_button.setVisible(decided)
        for button in (self.accept_button, self.dismiss_button, self.reopen_button):
            button.setEnabled(not closed)
        layout.addLayout(buttons)

        if finding.decision == "dismissed":
            effect = QGraphicsOpacityEffect(self)
            effect.setOpacity(0.55)
            self.setGraphicsEffect(effect)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HintsPanel(QWidget):
    """All hints of the shown case, worst first; decided ones below, greyed."""

    accept_requested = Signal(int)
    dismiss_requested = Signal(int)
    reopen_requested = Signal(int)
    rescreen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hints_panel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("hints_title")
        header.addWidget(self.title, 1)
        self.rescreen_button = QPushButton(self.tr("Screen again"))
        self.rescreen_button.setAutoDefault(False)
        self.rescreen_button.clicked.connect(self.rescreen_requested)
        header.addWidget(self.rescreen_button)
        outer.addLayout(header)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.container = QWidget()
        self.cards_layout = QVBoxLayout(self.container)
        self.cards_layout.setContentsMargins(2, 2, 6, 2)
        self.cards_layout.setSpacing(8)
        self.cards_layout.addStretch(1)
        self.scroll_area.setWidget(self.container)
        outer.addWidget(self.scroll_area, 1)
        self.cards: list[HintCard] = []
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setStyleSheet("color: #616161; padding: 8px;")
        self.cards_layout.insertWidget(0, self.empty_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.show_case(None)

    def show_case(self, detail: CaseDetail | None, screening_available: bool = False) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        self.rescreen_button.setVisible(detail is not None and screening_available)
        if detail is None:
            self.title.setText(self.tr("<b>Screening hints</b>"))
            self.empty_label.setText(self.tr("Select a case to see its screening hints."))
            self.empty_label.show()
            return
        open_count = sum(1 for f in detail.findings if f.decision == "open")
        self.title.setText(
            self.tr("<b>Screening hints</b> — {open} open of {total}").format(
                open=open_count, total=len(detail.findings)
            )
        )
        closed = not detail.allowed_actions
        ordered = sorted(detail.findings, key=lambda f: f.decision != "open")
        for position, finding in enumerate(ordered):
            card = HintCard(finding, closed)
            card.accept_requested.connect(self.accept_requested)
            card.dismiss_requested.connect(self.dismiss_requested)
            card.reopen_requested.connect(self.reopen_requested)
            self.cards_layout.insertWidget(position, card)
            self.cards.append(card)
        if detail.findings:
            self.empty_label.hide()
        else:
            if detail.row.worst_severity is None and screening_available:
                self.empty_label.setText(self.tr("No hints: the screening found nothing to check."))
            else:
                self.empty_label.setText(self.tr("No hints stored for this case."))
            self.empty_label.show()

    def card_for(self, finding_id: int) -> HintCard | None:
        return next((card for card in self.cards if card.finding.id == finding_id), None)
