"""The screening hints beside a case: severity, message, evidence, suggestion, and the officer's decision.

An error or warning is either *confirmed* (the dossier really has the defect: it stays red, goes into the
supplement request or the refusal and blocks acceptance) or *overridden* with a reason (checked against the
original, the hint is wrong: greyed, no longer blocks). Info notes need no decision. The finding code is
for support only: it is in the card's tooltip, never in its text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
from officer_desk.screening.wording import plain_words
from officer_desk.ui import labels
from officer_desk.ui.icons import severity_icon
from officer_desk.vocabulary import LEGACY_DECISIONS, Decision, Severity

SEVERITY_COLORS = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}


def _local(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M") if moment else ""


class HintCard(QFrame):
    """One hint; its buttons ask the panel to record the officer's decision."""

    confirm_requested = Signal(int)
    override_requested = Signal(int)
    reopen_requested = Signal(int)

    def __init__(self, finding: FindingView, closed: bool, parent: QWidget | None = None,
                 procedure: Any = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("hint_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        color = SEVERITY_COLORS.get(finding.severity, "#616161")
        decision = LEGACY_DECISIONS.get(finding.decision, finding.decision)
        decided = decision != Decision.OPEN
        needs_decision = finding.severity != Severity.INFO
        border = "#bdbdbd" if decision == Decision.OVERRIDDEN else color
        self.setStyleSheet(
            f"QFrame#hint_card {{ border: 1px solid #d0d0d0; border-left: 4px solid {border};"
            " border-radius: 4px; background: palette(base); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)

        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(severity_icon(finding.severity, decision).pixmap(QSize(18, 18)))
        top.addWidget(icon)
        title = QLabel(f"<b>{labels.severity_label(finding.severity)}</b>")
        top.addWidget(title, 1)
        self.setToolTip(self.tr("Support code: {code}").format(code=finding.code))
        layout.addLayout(top)

        # The engine's texts may name field paths and document ids: shown in the catalogue's words.
        message, evidence_text, suggestion_text = (plain_words(text, procedure)
                                                   for text in finding.texts(current_language()))
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
            if decision == Decision.OVERRIDDEN:
                text = self.tr("Hint overridden (checked: the hint is wrong) by {officer} on {at}: {reason}")
                style = "color: #616161;"
            elif finding.severity == Severity.ERROR:
                text = self.tr("Defect confirmed by {officer} on {at}: it goes into the supplement request or "
                               "the refusal; the dossier cannot be accepted")
                style = f"color: {color}; font-weight: bold;"
            else:
                text = self.tr("Confirmed by {officer} on {at}: listed in the supplement request")
                style = f"color: {color};"
            status = QLabel(
                text.format(officer=finding.decided_by or "?", at=_local(finding.decided_at),
                            reason=_escape(finding.decision_reason))
            )
            status.setWordWrap(True)
            status.setStyleSheet(style)
            status.setObjectName("hint_decision")
            layout.addWidget(status)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.confirm_button = QPushButton(self.tr("Confirm defect"))
        self.confirm_button.setToolTip(self.tr(
            "The dossier really has this defect: it is listed in the supplement request or the refusal, "
            "and the dossier cannot be accepted"))
        self.override_button = QPushButton(self.tr("Hint is wrong…"))
        self.override_button.setToolTip(self.tr(
            "You checked the original and the hint is wrong: it no longer blocks acceptance (a reason is required)"))
        self.reopen_button = QPushButton(self.tr("Undo decision"))
        for button in (self.confirm_button, self.override_button, self.reopen_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.confirm_button.clicked.connect(lambda: self.confirm_requested.emit(finding.id))
        self.override_button.clicked.connect(lambda: self.override_requested.emit(finding.id))
        self.reopen_button.clicked.connect(lambda: self.reopen_requested.emit(finding.id))
        self.confirm_button.setVisible(needs_decision and not decided)
        self.override_button.setVisible(needs_decision and not decided)
        self.reopen_button.setVisible(needs_decision and decided)
        for button in (self.confirm_button, self.override_button, self.reopen_button):
            button.setEnabled(not closed)
        layout.addLayout(buttons)

        if decision == Decision.OVERRIDDEN:
            effect = QGraphicsOpacityEffect(self)
            effect.setOpacity(0.55)
            self.setGraphicsEffect(effect)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HintsPanel(QWidget):
    """All hints of the shown case, worst first; decided ones below, greyed."""

    confirm_requested = Signal(int)
    override_requested = Signal(int)
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

    def show_case(self, detail: CaseDetail | None, screening_available: bool = False, procedure: Any = None) -> None:
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
        # Info notes need no decision, so they never count as waiting for one.
        open_count = sum(1 for f in detail.findings if f.decision == Decision.OPEN and f.severity != Severity.INFO)
        self.title.setText(
            self.tr("<b>Screening hints</b> — {open} to decide of {total}").format(
                open=open_count, total=len(detail.findings)
            )
        )
        closed = not detail.allowed_actions
        ordered = sorted(detail.findings, key=lambda f: LEGACY_DECISIONS.get(f.decision, f.decision) == "overridden")
        for position, finding in enumerate(ordered):
            card = HintCard(finding, closed, procedure=procedure)
            card.confirm_requested.connect(self.confirm_requested)
            card.override_requested.connect(self.override_requested)
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
