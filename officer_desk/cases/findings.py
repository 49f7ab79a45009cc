"""Screening hints on cases: recording a screening result, the officer's decision on each hint."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from officer_desk.cases.repository import CaseRepository, DeskContext, now_utc, severity_summary
from officer_desk.errors import InputError, LifecycleError, NotFoundError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOSED_STATUSES
from officer_desk.models import AuditEntry, Case, Finding
from officer_desk.screening.result import ScreeningFinding
from officer_desk.screening.service import screen_case_in_session
from officer_desk.vocabulary import Decision, Severity


def duplicates_query(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> Select[Any]:
    """Open dossiers with the same procedure, subject and applicant ID (any applicant when ``id_number`` is
    "": a civil-status event, the same whoever files); ix_cases_duplicates answers it."""
    query = _duplicates_statement(bool(id_number), bool(exclude_code))
    return query.params(_duplicates_parameters(procedure_code, id_number, subject_key, exclude_code))


@functools.cache
def _duplicates_statement(by_applicant: bool, excluding: bool) -> Select[Any]:
    """The lookup with bound parameters, built once per shape (building it costs more than running it)."""
    cases = Case.__table__.c
    query = select(cases.dossier_code).where(
        cases.procedure_code == bindparam("procedure_code"),
        cases.subject_key == bindparam("subject_key"),
        cases.status.notin_(sorted(s.value for s in CLOSED_STATUSES)),
    )
    if by_applicant:
        query = query.where(cases.applicant_id_number == bindparam("id_number"))
    if excluding:
        query = query.where(cases.dossier_code != bindparam("exclude_code"))
    return query.limit(10)


def _duplicates_parameters(procedure_code: str, id_number: str, subject_key: str,
                           exclude_code: str | None) -> dict[str, str]:
    values = {"procedure_code": procedure_code, "subject_key": subject_key}
    if id_number:
        values["id_number"] = id_number
    if exclude_code:
        values["exclude_code"] = exclude_code
    return values


def finding_values(item: ScreeningFinding, engine_version: str) -> dict[str, Any]:
    """The columns of a new, undecided finding (an ORM ``Finding``, or a new case's row)."""
    return {
        "code": item.code,
        "severity": item.severity,
        "target": item.target,
        "message_vi": item.message,
        "message_en": item.message_en,
        "evidence": item.evidence,
        "suggestion": item.suggestion,
        "evidence_en": item.evidence_en,
        "suggestion_en": item.suggestion_en,
        "source": item.source,
        "engine_version": engine_version,
        "decision": Decision.OPEN.value,
        "superseded": False,
    }


class CaseFindings:
    """The findings of cases: what the screening engine found and what the officer decided."""

    def __init__(self, repository: CaseRepository) -> None:
        self.repository = repository

    @property
    def desk(self) -> DeskContext:
        return self.repository.desk

    def screen_in_session(self, session: Session, case: Case) -> None:
        """Screen a case inside the current transaction (import, intake, supplement, edit)."""
        screen_case_in_session(self, session, case)

    def open_duplicates_view(self, session: Session) -> Callable[[str, str, str, str | None], list[str]]:
        """A query for the screening engine: open dossiers with the same procedure, ID and subject."""

        def find(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
            # The session's own statement (it flushes pending changes first: a rescreen batch sees the keys
            # it refreshed), executed with this lookup's values.
            query = _duplicates_statement(bool(id_number), bool(exclude_code))
            return list(session.execute(
                query, _duplicates_parameters(procedure_code, id_number, subject_key, exclude_code)).scalars())

        return find

    def record_findings(
        self, session: Session, case_id: int, findings: Sequence[ScreeningFinding], engine_version: str
    ) -> None:
        """Replace the case's open findings by a new screening result (decisions are kept)."""
        case = session.get(Case, case_id)  # from the session's identity map when the caller holds it
        if case is None:
            raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=str(case_id)))
        decided = {
            (f.code, f.target): f for f in case.findings if f.decision != Decision.OPEN and not f.superseded
        }
        for finding in case.findings:
            if finding.decision == Decision.OPEN:
                finding.superseded = True
        for item in findings:
            if (item.code, item.target) in decided:
                continue  # the officer already decided on this hint
            case.findings.append(Finding(**finding_values(item, engine_version)))
        case.worst_severity, case.open_finding_count = severity_summary(case.findings)
        case.screened_at = now_utc()
        case.screening_engine_version = engine_version
        session.add(AuditEntry(**self.screened_entry(case.dossier_code, len(findings), engine_version)))

    def screened_entry(self, code: str, findings: int, engine_version: str) -> dict[str, Any]:
        """The audit entry of a screening (``record_findings``; a new case's through the chain's bulk path)."""
        return {"actor": self.desk.officer, "desk": self.desk.config.desk_number, "action": "case.screened",
                "entity_type": "case", "entity_id": code, "details": {"findings": findings, "engine": engine_version}}

    def decide_finding(self, finding_id: int, decision: str, reason: str = "") -> None:
        """The officer confirms a hint (the defect is real) or overrides it (with a reason), or reopens it."""
        try:
            chosen = Decision.parse(decision)
        except ValueError:
            raise InputError(_("Quyết định không hợp lệ: {decision}", decision=decision)) from None
        if chosen == Decision.OVERRIDDEN and not reason.strip():
            raise InputError(_("Cần ghi lý do khi bác bỏ gợi ý (vì sao gợi ý không đúng)"))
        with self.repository.db.session() as session:
            finding = session.get(Finding, finding_id)
            if finding is None:
                raise NotFoundError(_("Không tìm thấy gợi ý {id}", id=finding_id))
            if finding.severity == Severity.INFO and chosen != Decision.OPEN:
                raise InputError(_("Ghi chú thông tin không cần quyết định"))
            officer = self.repository.officer(session)
            case = finding.case
            if case.status in CLOSED_STATUSES:
                raise LifecycleError(_("Hồ sơ {code} đã kết thúc, không thể sửa", code=case.dossier_code))
            finding.decision = chosen.value
            finding.decided_by = officer.id
            finding.decided_at = now_utc()
            finding.decision_reason = reason.strip()
            case.worst_severity, case.open_finding_count = severity_summary(case.findings)
            self.repository.event(session, case, officer, f"finding_{chosen.value}", reason=reason.strip(),
                                  finding=finding.code, target=finding.target)
