"""Case lifecycle and assignment: status transitions, who holds a case, officer corrections."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from officer_desk import dossier as dossier_format
from officer_desk.accounts.roles import Permission
from officer_desk.cases.findings import CaseFindings
from officer_desk.cases.repository import CaseRepository, now_utc
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import ConflictError, InputError, LifecycleError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOSED_STATUSES, Action, check_transition


class CaseLifecycle:
    """Changes of a case's status, assignment and dossier values, each audited on its timeline."""

    def __init__(self, repository: CaseRepository, findings: CaseFindings) -> None:
        self.repository = repository
        self.findings = findings

    def transition(
        self,
        ref: str | int,
        action: Action | str,
        reason: str = "",
        expected_version: int | None = None,
        session: Session | None = None,
        **details: Any,
    ) -> str:
        """Apply a lifecycle action; an illegal one raises and changes nothing. Returns the new status."""
        action = Action(action)
        if session is None:
            with self.repository.db.session() as own:
                return self.transition(ref, action, reason, expected_version, own, **details)
        case = self.repository.case(session, ref, lock=True)
        transition = check_transition(case.status, action, reason)
        if transition.uses_clock:
            self.repository.guard_clock()
        if expected_version is not None and case.version != expected_version:
            raise ConflictError(
                _("Hồ sơ {code} vừa được người khác thay đổi; hãy tải lại", code=case.dossier_code)
            )
        officer = self.repository.officer(session)
        self.repository.check_lock_holder(case, officer)
        previous = case.status
        case.status = transition.target
        now = datetime.now(LOCAL_TZ)
        if action == Action.SUPPLEMENT_RECEIVED:
            case.clock_started_at = now
            case.due_date = self.repository.due_date_for(self.repository.procedure(case.procedure_code), now)
        self.repository.event(session, case, officer, action, previous, transition.target, reason.strip(), **details)
        session.flush()
        return case.status

    def assign(self, ref: str | int, username: str | None = None, force: bool = False, reason: str = "") -> None:
        """Assign a case (one officer at a time); taking it from someone else needs ``force`` + reason."""
        with self.repository.db.session() as session:
            case = self.repository.case(session, ref, lock=True)
            if case.status in CLOSED_STATUSES:
                raise LifecycleError(_("Hồ sơ {code} đã kết thúc, không thể giao", code=case.dossier_code))
            actor = self.repository.officer(session)
            target = self.repository.officer(session, username) if username else actor
            holder = case.assigned_officer
            if target.id != actor.id or (holder is not None and holder.id != actor.id):  # issue 9
                self.repository.desk.require(Permission.CASE_ASSIGN_ANY)
            if holder is not None and holder.id != target.id:
                if not force:
                    raise ConflictError(
                        _("Hồ sơ {code} đang được giao cho {holder}", code=case.dossier_code,
                          holder=holder.username)
                    )
                if not reason.strip():
                    raise InputError(_("Cần ghi lý do khi nhận lại hồ sơ đang giao cho người khác"))
            case.assigned_officer_id = target.id
            case.assigned_at = now_utc()
            self.repository.event(session, case, actor, "assigned", reason=reason.strip(), assignee=target.username,
                        previous=holder.username if holder else None)

    def unassign(self, ref: str | int) -> None:
        with self.repository.db.session() as session:
            case = self.repository.case(session, ref, lock=True)
            actor = self.repository.officer(session)
            if case.assigned_officer_id is not None and case.assigned_officer_id != actor.id:  # issue 9
                self.repository.desk.require(Permission.CASE_UNASSIGN_ANY)
            else:
                self.repository.check_lock_holder(case, actor)
            case.assigned_officer_id = None
            case.assigned_at = None
            self.repository.event(session, case, actor, "unassigned")

    def update_dossier(self, ref: str | int, changes: dict[str, Any], reason: str = "") -> None:
        """Officer corrections to applicant/form values (dotted paths); audited, the raw record is kept."""
        with self.repository.db.session() as session:
            case = self.repository.case(session, ref, lock=True)
            if case.status in CLOSED_STATUSES:
                raise LifecycleError(_("Hồ sơ {code} đã kết thúc, không thể sửa", code=case.dossier_code))
            officer = self.repository.officer(session)
            self.repository.check_lock_holder(case, officer)
            obj = json.loads(case.dossier_json)
            for path, value in changes.items():
                node = obj
                parts = path.split(".")
                for part in parts[:-1]:
                    node = node.setdefault(part, {})
                    if not isinstance(node, dict):
                        raise InputError(_("Không sửa được trường {path}", path=path))
                node[parts[-1]] = value
            parsed = dossier_format.parse(obj)
            self.repository.fill_case(case, parsed, self.repository.procedure(parsed.procedure_code), obj)
            self.repository.replace_terms(session, case)
            self.repository.event(session, case, officer, "edited", reason=reason, fields=sorted(changes))
            session.flush()
            self.findings.screen_in_session(session, case)
