"""The procedure assistant as a dock: a citizen's question -> the matching procedures, their papers and fees."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from officer_desk.ui.tasks import TaskRunner

ASK_DELAY_MS = 250
TOP_ANSWERS = 3


@dataclass(frozen=True)
class AssistantAnswer:
    """One answer, computed on the pool, as plain values the panel shows."""

    code: str
    name: str
    processing_time: str
    fee: str
    documents: tuple[str, ...]
    passage: str
    key_condition: str = ""


def answer_question(question: str, catalogue: Any, config: Any) -> list[AssistantAnswer]:
    """Runs on the pool: the assistant's best procedures for ``question``."""
    from officer_desk.catalogue import fee_text
    from officer_desk.screening.assistant import ask

    answers = []
    for answer in ask(question, catalogue, TOP_ANSWERS):
        item = answer.as_json(config)
        answers.append(AssistantAnswer(str(item["procedure_code"]), str(item["name"]), str(item["processing_time"]),
                                       fee_text(answer.procedure), tuple(str(d) for d in item["documents"]),
                                       str(item["passage"]), answer.key_condition()))
    return answers


class AssistantPanel(QDockWidget):
    """Ask which procedure fits a citizen's question; answers follow the typing (debounced, off the GUI thread)."""

    intake_requested = Signal(str)  # procedure code
    answered = Signal(str)  # the question the shown answers belong to

    def __init__(self, desk: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Procedure assistant"), parent)
        self.desk = desk
        self.runner = runner
        self.answers: list[AssistantAnswer] = []
        self._generation = 0
        self.setObjectName("assistant_dock")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        self.question_edit = QLineEdit()
        self.question_edit.setObjectName("assistant_question")
        self.question_edit.setClearButtonEnabled(True)
        self.question_edit.setPlaceholderText(self.tr("Citizen's question…"))
        self.question_edit.setToolTip(self.tr("For example: what is needed to register a birth"))
        layout.addWidget(self.question_edit)

        self.status_label = QLabel()
        self.status_label.setObjectName("assistant_status")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.answers_list = QListWidget()
        self.answers_list.setObjectName("assistant_answers")
        self.answers_list.setMaximumHeight(110)
        self.answers_list.setWordWrap(True)
        layout.addWidget(self.answers_list)

        self.details = QTextBrowser()
        self.details.setObjectName("assistant_details")
        self.details.setOpenLinks(False)
        layout.addWidget(self.details, 1)

        self.intake_button = QPushButton(self.tr("New dossier for this procedure"))
        self.intake_button.setObjectName("assistant_intake_button")
        self.intake_button.setEnabled(False)
        self.intake_button.clicked.connect(self._request_intake)
        layout.addWidget(self.intake_button)
        body.setMinimumWidth(360)  # room for a procedure name and its papers without wrapping every word
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ASK_DELAY_MS)
        self._timer.timeout.connect(self.ask_now)
        self.question_edit.textChanged.connect(lambda _text: self._timer.start())
        self.question_edit.returnPressed.connect(self.ask_now)
        self.answers_list.currentRowChanged.connect(self._show_answer)
        self._show_answers("", [])

    def focus_question(self) -> None:
        self.question_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.question_edit.selectAll()

    def ask_now(self) -> None:
        """Ask the question in the line edit now; a newer question makes older answers stale."""
        self._timer.stop()
        question = self.question_edit.text().strip()
        self._generation += 1
        generation = self._generation
        if not question:
            self._show_answers("", [])
            return
        catalogue, config = self.desk.catalogue, self.desk.config
        self.status_label.setText(self.tr("Searching…"))
        self.runner.submit(lambda: answer_question(question, catalogue, config),
                           lambda answers: self._answered(generation, question, answers),
                           lambda exc: self._failed(generation, exc), owner=self)

    def _answered(self, generation: int, question: str, answers: list[AssistantAnswer]) -> None:
        if generation != self._generation:
            return  # the officer kept typing: a newer question is on its way
        self._show_answers(question, answers)
        self.answered.emit(question)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        from officer_desk.ui.dialogs import describe_error

        self._show_answers("", [])
        self.status_label.setText(describe_error(exc)[0])

    def _show_answers(self, question: str, answers: list[AssistantAnswer]) -> None:
        self.answers = answers
        self.answers_list.blockSignals(True)
        self.answers_list.clear()
        for rank, answer in enumerate(answers, 1):
            item = QListWidgetItem(f"{rank}. {answer.name} ({answer.code})")
            item.setData(Qt.ItemDataRole.UserRole, answer.code)
            item.setToolTip(answer.name)
            self.answers_list.addItem(item)
        self.answers_list.blockSignals(False)
        if not question:
            self.status_label.setText(self.tr("Type the citizen's question, with or without diacritics."))
        elif not answers:
            self.status_label.setText(self.tr("Not in this desk's catalogue — ask at the counter."))
        else:
            self.status_label.setText(self.tr("{count} matching procedure(s), best first.").format(count=len(answers)))
        if answers:
            self.answers_list.setCurrentRow(0)
            self._show_answer(0)
        else:
            self._show_answer(-1)

    def _show_answer(self, row: int) -> None:
        if not 0 <= row < len(self.answers):
            self.details.clear()
            self.intake_button.setEnabled(False)
            return
        answer = self.answers[row]
        documents = "".join(f"<li>{html.escape(document)}</li>" for document in answer.documents)
        # tr() outside the f-string: lupdate does not see calls inside f-string fields.
        code_label, time_label, fee_label = self.tr("Code"), self.tr("Processing time"), self.tr("Fee")
        documents_label, matched_label = self.tr("Required documents"), self.tr("Matched passage")
        condition_label = self.tr("Key condition")
        condition = (f"<p><b>{html.escape(condition_label)}</b>: {html.escape(answer.key_condition)}</p>"
                     if answer.key_condition else "")
        self.details.setHtml(
            f"<h3>{html.escape(answer.name)}</h3>"
            f"<p>{html.escape(code_label)}: <b>{html.escape(answer.code)}</b><br>"
            f"{html.escape(time_label)}: <b>{html.escape(answer.processing_time)}</b><br>"
            f"{html.escape(fee_label)}: <b>{html.escape(answer.fee)}</b></p>"
            f"{condition}<p><b>{html.escape(documents_label)}</b></p><ul>{documents}</ul>"
            f"<p><b>{html.escape(matched_label)}</b>: <i>«{html.escape(answer.passage)}»</i></p>")
        self.intake_button.setEnabled(True)

    def current_code(self) -> str | None:
        row = self.answers_list.currentRow()
        return self.answers[row].code if 0 <= row < len(self.answers) else None

    def _request_intake(self) -> None:
        code = self.current_code()
        if code:
            self.intake_requested.emit(code)
