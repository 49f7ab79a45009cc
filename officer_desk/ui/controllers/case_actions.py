"""Case actions: accept (receipt), supplement request, refusal, withdrawal, return, lifecycle steps,
assignment, and the officer's decisions on screening hints."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from officer_desk.cases import CaseDetail
from officer_desk.i18n import current_language
from officer_desk.lifecycle import Action
from officer_desk.screening.service import acceptance_blockers, citizen_todo
from officer_desk.screening.wording import plain_words
from officer_desk.ui import labels, services
from officer_desk.ui.actions import WindowAction
from officer_desk.ui.controllers.base import Controller
from officer_desk.ui.controllers.documents import DocumentsController
from officer_desk.ui.controllers.signing import SigningController
from officer_desk.ui.dialogs import SupplementDialog, SupplementItem, open_dialog
from officer_desk.vocabulary import Decision

if TYPE_CHECKING:  # pyHanko loads on the signing worker after the first queue page (issue 17)
    from officer_desk.signing.pades import PdfSigner


class CaseActionsController(Controller):
    """Handlers of the Case menu and the hint cards; each checks the action is still allowed."""

    def __init__(self, window: QWidget, documents: DocumentsController, signing: SigningController) -> None:
        super().__init__(window)
        self.documents = documents
        self.signing = signing

    # ------------------------------------------------------------------ lifecycle

    def transition(self, action: Action, reason: str = "", **details: Any) -> None:
        detail = self.current()
        if detail is None or action not in detail.allowed_actions:
            return
        code, version = detail.row.dossier_code, detail.version
        label = labels.action_label(action).rstrip("…")

        def call() -> str:
            return str(self.desk.cases.transition(code, action, reason, expected_version=version, **details))

        self.window.run(call, lambda status: self.window.after_change(
            self.tr("{code}: {action} — now “{status}”").format(code=code, action=label,
                                                               status=labels.status_label(status))))

    def accept_case(self) -> None:
        detail = self.current()
        if detail is None or Action.ACCEPT not in detail.allowed_actions:
            return
        blocking = acceptance_blockers(detail.findings)
        if blocking:
            confirmed = sum(1 for f in blocking if f.decision != "open")
            if confirmed:
                text = self.tr("This dossier has {confirmed} confirmed defects and {open} error hints not yet decided. "
                               "A dossier with a confirmed defect cannot be accepted: request a supplement (F3) or "
                               "refuse it (F4).")
            else:
                text = self.tr("This dossier still has {open} error hints not yet decided. For each one, confirm the "
                               "defect (then request a supplement with F3) or mark the hint as wrong, with a reason.")
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot accept"),
                              text.format(confirmed=confirmed, open=len(blocking) - confirmed),
                              QMessageBox.StandardButton.Ok, self.widget)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.active_dialog = box
            box.open()
            return
        code, version, case_id = detail.row.dossier_code, detail.version, detail.row.id
        what = self.tr("receipt")

        def done(outcome: services.IssuedOutcome) -> None:
            if outcome.already_issued:
                # A second F2 or a retry: the receipt exists; shown, never printed twice.
                self.window.after_change(self.tr("{code}: already accepted; the receipt was issued before "
                                                 "(Ctrl+P prints it again)").format(code=code))
                return
            self.window.after_change(self.tr("{code}: accepted").format(code=code))
            if outcome.pdf:
                self.documents.present(outcome, 2)  # two copies: the citizen's and the one kept with the file
            self.window.action_done.emit(code, Action.ACCEPT.value)

        self.signing.issue(
            code, what, lambda session: services.accept_case(self.desk, code, version, session), done,
            existing=lambda: services.issued_receipt(self.desk, code, case_id))

    def supplement_items(self, detail: CaseDetail) -> list[SupplementItem]:
        """The checklist for a supplement request: error hints first (ticked), then the procedure's papers."""
        language = current_language()
        items: list[SupplementItem] = []
        seen: set[str] = set()
        procedure = self.desk.catalogue.find(detail.row.procedure_code)
        for finding in detail.findings:
            if finding.severity != "error" or finding.decision in ("overridden", "dismissed"):
                continue
            message = plain_words(finding.message_en if language == "en" and finding.message_en
                                  else finding.message_vi, procedure)
            key = f"{finding.code}:{finding.target}"
            # The citizen's words on the paper: never the hint's suggestion, which is addressed to the officer.
            items.append(SupplementItem(key, message or labels.severity_label(finding.severity), True,
                                        citizen_todo(finding.code)))
            seen.add(finding.target)
        present = {a.doc_type for a in detail.attachments}
        if procedure is not None:
            for document in procedure.documents:
                if document.id in seen:
                    continue
                name = document.name_en if language == "en" and document.name_en else document.name_vi
                missing = document.required and not (set(document.accepted_doc_types()) & present)
                items.append(SupplementItem(f"doc:{document.id}", f"{name} ({labels.kind_label(document.kind)})",
                                            missing))
        return items

    def request_supplement(self) -> None:
        detail = self.current()
        if detail is None or Action.REQUEST_SUPPLEMENT not in detail.allowed_actions:
            return
        dialog = SupplementDialog(detail.row.dossier_code, self.supplement_items(detail), self.widget)
        code, version = detail.row.dossier_code, detail.version

        def confirmed() -> None:
            items, reason = dialog.notice_items(), dialog.reason_text()
            if not items:  # nothing to list on a notice: a status change only, no key needed
                self.window.run(lambda: services.request_supplement(self.desk, code, items, reason, version),
                                lambda _r: self.window.after_change(self.tr("{code}: supplement requested").format(
                                    code=code)))
                return
            self._issue(Action.REQUEST_SUPPLEMENT,
                        lambda session: services.request_supplement(self.desk, code, items, reason, version, session),
                        1)

        self.window.active_dialog = open_dialog(dialog, confirmed)

    def _issue(self, action: Action, call: Callable[[PdfSigner], services.IssuedOutcome], copies: int) -> None:
        """Run an action that may issue a signed notice (signing worker, once); print it when one came back."""
        detail = self.window.detail
        code = detail.row.dossier_code if detail else ""
        label = labels.action_label(action).rstrip("…")

        def done(outcome: services.IssuedOutcome) -> None:
            self.window.after_change(self.tr("{code}: {action} — done").format(code=code, action=label))
            if outcome.pdf and not outcome.already_issued:
                self.documents.present(outcome, copies)
            self.window.action_done.emit(code, action.value)

        self.signing.issue(code, label, call, done)

    def return_result(self) -> None:
        detail = self.current()
        if detail is None or Action.RETURN_RESULT not in detail.allowed_actions:
            return
        code, version = detail.row.dossier_code, detail.version
        self._issue(Action.RETURN_RESULT, lambda session: services.return_result(self.desk, code, version, session), 1)

    def refuse_case(self) -> None:
        detail = self.current()
        if detail is None or Action.REFUSE not in detail.allowed_actions:
            return
        code, version = detail.row.dossier_code, detail.version
        self.ask_reason(self.tr("Refuse {code}").format(code=code),
                        self.tr("Why is the dossier refused? The reason is printed on the refusal notice."),
                        lambda reason: self._issue(Action.REFUSE, lambda session: services.refuse_case(
                            self.desk, code, reason, version, session), 1))

    def withdraw_case(self) -> None:
        detail = self.current()
        if detail is None or Action.WITHDRAW not in detail.allowed_actions:
            return
        self.ask_reason(self.tr("Withdraw {code}").format(code=detail.row.dossier_code),
                        self.tr("Why does the applicant withdraw the dossier?"),
                        lambda reason: self.transition(Action.WITHDRAW, reason))

    # ------------------------------------------------------------------ assignment

    def _enabled(self, key: WindowAction) -> bool:
        return self.window.action(key).isEnabled()

    def assign_to_me(self) -> None:
        detail = self.current()
        if detail is None or not self._enabled(WindowAction.ASSIGN_TO_ME):
            return
        code, holder = detail.row.dossier_code, detail.row.assigned_officer
        assigned = self.tr("{code}: assigned to you").format(code=code)
        if holder and holder != self.desk.officer:
            self.ask_reason(
                self.tr("Take over {code}").format(code=code),
                self.tr("{code} is assigned to {holder}. Why do you take it over?").format(code=code, holder=holder),
                lambda reason: self.window.run(lambda: self.desk.cases.assign(code, force=True, reason=reason),
                                               lambda _r: self.window.after_change(assigned)))
            return
        self.window.run(lambda: self.desk.cases.assign(code), lambda _r: self.window.after_change(assigned))

    def assign_to(self) -> None:
        """Give the case to an officer chosen in a dialog; taking it from its holder needs a reason."""
        detail = self.current()
        if detail is None or not self._enabled(WindowAction.ASSIGN_TO):
            return
        from officer_desk.ui.assign_dialog import AssignDialog

        code, holder = detail.row.dossier_code, detail.row.assigned_officer
        dialog = AssignDialog(self.desk, self.runner, code, holder, self.widget)

        def confirmed() -> None:
            username, force, reason = dialog.username(), dialog.force, dialog.reason()
            if username is None:
                return
            self.window.run(lambda: self.desk.cases.assign(code, username, force=force, reason=reason),
                            lambda _r: self.window.after_change(self.tr("{code}: assigned to {officer}").format(
                                code=code, officer=username)))

        self.window.active_dialog = open_dialog(dialog, confirmed)

    def unassign(self) -> None:
        detail = self.current()
        if detail is None or not self._enabled(WindowAction.UNASSIGN):
            return
        code = detail.row.dossier_code
        self.window.run(lambda: self.desk.cases.unassign(code),
                        lambda _r: self.window.after_change(self.tr("{code}: released").format(code=code)))

    # ------------------------------------------------------------------ hints

    def decide_hint(self, finding_id: int, decision: str, reason: str = "") -> None:
        self.window.run(lambda: self.desk.cases.decide_finding(finding_id, decision, reason),
                        lambda _r: self.window.after_change(self.tr("Hint updated")))

    def confirm_hint(self, finding_id: int) -> None:
        self.decide_hint(finding_id, Decision.CONFIRMED)

    def override_hint(self, finding_id: int) -> None:
        self.ask_reason(self.tr("The hint is wrong"),
                        self.tr("What did you check, and why is the hint wrong (e.g. “original ID card seen at the "
                                "counter”)? Your name and the reason are kept with the case."),
                        lambda reason: self.decide_hint(finding_id, Decision.OVERRIDDEN, reason))

    def rescreen(self) -> None:
        detail = self.current()
        if detail is None:
            return
        code = detail.row.dossier_code
        self.window.run(lambda: services.screen_case(self.desk, code),
                        lambda _r: self.window.after_change(self.tr("{code}: screened again").format(code=code)))
