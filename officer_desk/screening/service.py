"""Screening inside the desk: run the engine on stored cases and record the findings with the engine version.

- ``screen_case_in_session``: inside the caller's transaction (import, intake, supplement, edits).
- ``screen_case``: one case in its own session (the window's "Screen again").
- ``rescreen``: every case of some statuses, in batches (after a catalogue change).
- ``supplement_items``: the complete list of missing or wrong items for the supplement notice.
- ``finding_report``: how often each code fired and how often officers dismissed it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from officer_desk import dossier as dossier_format
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import DossierFormatError, InputError, NotFoundError
from officer_desk.i18n import _
from officer_desk.lifecycle import OPEN_STATUSES, Status
from officer_desk.logs import get_logger
from officer_desk.models import Case, Finding
from officer_desk.models.session import Database
from officer_desk.progress import Progress
from officer_desk.screening.context import DuplicateQueue
from officer_desk.screening.engine import screen_with_procedure
from officer_desk.screening.result import ENGINE_VERSION, ERROR, ScreeningFinding, ScreeningResult
from officer_desk.screening.wording import plain_words
from officer_desk.vocabulary import Decision, blocks_acceptance

if TYPE_CHECKING:
    from officer_desk.catalogue import Catalogue, Procedure
    from officer_desk.config import DeskConfig
    from officer_desk.workdays import WorkingCalendar

__all__ = [
    "ENGINE_VERSION", "FindingStats", "finding_report", "rescreen", "screen_case", "screen_case_in_session",
    "supplement_items",
]

BATCH_SIZE = 500


class ScreeningContext(Protocol):
    """The desk's catalogue, calendar and configuration the engine reads."""

    @property
    def catalogue(self) -> Catalogue: ...
    @property
    def calendar(self) -> WorkingCalendar: ...
    @property
    def config(self) -> DeskConfig: ...


class FindingsStore(Protocol):
    """Where a screening result is stored (``officer_desk.cases.CaseFindings`` and ``CaseService``)."""

    @property
    def desk(self) -> ScreeningContext: ...

    def open_duplicates_view(self, session: Session) -> DuplicateQueue: ...

    def record_findings(
        self, session: Session, case_id: int, findings: Sequence[ScreeningFinding], engine_version: str
    ) -> None: ...


class ScreeningDesk(ScreeningContext, Protocol):
    """An open desk: its database and its case store (``officer_desk.desk.Desk``)."""

    @property
    def db(self) -> Database: ...
    @property
    def cases(self) -> FindingsStore: ...


def _result_for(service: FindingsStore, session: Session, case: Case) -> ScreeningResult | None:
    screened = screen_record(service, session, case.id, case.dossier_json, case.procedure_code,
                             case.clock_started_at or case.received_at, case.dossier_code)
    if screened is None:
        return None
    result, key = screened
    if case.subject_key != key:
        case.subject_key = key
    return result


def screen_record(
    service: FindingsStore, session: Session, case_id: int | None, dossier_json: str, procedure_code: str,
    started: datetime | None, dossier_code: str,
) -> tuple[ScreeningResult, str] | None:
    """Screen a stored (or about to be stored) record: the result and the subject key the case should hold.

    ``started``: when the clock started (deadlines count from there); None when the record is unreadable.
    """
    desk = service.desk
    try:
        parsed = dossier_format.parse(json.loads(dossier_json))
    except (ValueError, DossierFormatError) as exc:
        get_logger().warning("screening: case %s has an unreadable record: %s", case_id, exc)
        return None
    procedure = desk.catalogue.find(parsed.procedure_code) or desk.catalogue.find(procedure_code)
    if procedure is None:
        get_logger().warning("screening: case %s: procedure %s not in the catalogue", case_id, procedure_code)
        return None
    # The clock restarts when a supplement completes the dossier: deadlines count from there.
    if started is not None:
        parsed = dataclasses.replace(parsed, received_at=started.astimezone(LOCAL_TZ))
    if not parsed.dossier_code:
        parsed = dataclasses.replace(parsed, dossier_code=dossier_code)
    # Keys stored before duplicates were matched by subject (issue #11) are refreshed here, so `rescreen`
    # brings an upgraded desk's open queue to the current key.
    key = procedure.subject_key(parsed)
    result = screen_with_procedure(parsed, procedure, desk.calendar, desk.config,
                                   service.open_duplicates_view(session), catalogue=desk.catalogue)
    return result, key


def screen_case_in_session(service: FindingsStore, session: Session, case: Case) -> None:
    """Screen ``case`` and record the findings in the caller's transaction (fast: no I/O but the queue query)."""
    result = _result_for(service, session, case)
    if result is None:
        return
    service.record_findings(session, case.id, result.findings, ENGINE_VERSION)
    # The fee as the dossier owes it (pages, copies, late registration), computed with the findings.
    case.fee_vnd = result.fee_vnd


def screen_case(desk: ScreeningDesk, code: str) -> list[dict[str, str]]:
    """Screen one case in its own transaction; the findings as recorded (dicts of ``record_findings``)."""
    service = desk.cases
    with desk.db.session() as session:
        case = session.execute(
            select(Case).where(Case.dossier_code == code).options(selectinload(Case.findings))
        ).scalar_one_or_none()
        if case is None:
            raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=code))
        result = _result_for(service, session, case)
        if result is None:
            return []
        service.record_findings(session, case.id, result.findings, ENGINE_VERSION)
        return result.records()


def rescreen(desk: ScreeningDesk, statuses: Sequence[str] = (), progress: Progress | None = None) -> int:
    """Screen again every case whose status is in ``statuses`` (empty = all open cases); returns how many.

    Works in batches of ``BATCH_SIZE`` cases, one transaction each; reports progress and stops when
    cancelled (the batches already done stay done).
    """
    valid = {s.value for s in Status}
    for status in statuses:
        if status not in valid:
            raise InputError(_("Trạng thái không hợp lệ: {status}", status=status))
    wanted = list(statuses) or sorted(s.value for s in OPEN_STATUSES)
    with desk.db.session() as session:
        total = int(session.execute(select(func.count(Case.id)).where(Case.status.in_(wanted))).scalar_one())
    done = 0
    last_id = 0
    service = desk.cases
    desk.catalogue, desk.calendar  # noqa: B018 - loaded once, outside the batches
    while True:
        if progress is not None and progress.cancelled():
            break
        with desk.db.session() as session:
            batch = list(session.execute(
                select(Case).where(Case.id > last_id, Case.status.in_(wanted)).order_by(Case.id)
                .limit(BATCH_SIZE).options(selectinload(Case.findings))
            ).scalars())
            if not batch:
                break
            for case in batch:
                screen_case_in_session(service, session, case)
            last_id = batch[-1].id
        done += len(batch)
        if progress is not None:
            progress.report(done, total, _("Sàng lọc lại hồ sơ"))
    return done


# -- the supplement notice --------------------------------------------------------------------------

_APPLICANT_LABELS = {
    "applicant": "Giấy tờ tùy thân / số định danh của người nộp",
    "co_applicant": "Giấy tờ tùy thân / số định danh của người cùng nộp",
    "full_name": "Họ tên",
    "date_of_birth": "Ngày sinh",
    "phone": "Số điện thoại",
    "gender": "Giới tính",
    "id_number": "Số định danh cá nhân",
    "id_valid_until": "Giấy tờ tùy thân (thời hạn)",
    "birth_registration_place": "Nơi đăng ký khai sinh",
    "address": "Địa chỉ",
}


def _get(finding: Any, *names: str) -> Any:
    for name in names:
        if isinstance(finding, dict):
            if name in finding:
                return finding[name]
        elif hasattr(finding, name):
            return getattr(finding, name)
    return None


def _label(target: str, procedure: Procedure | None) -> str:
    """The catalogue's name for what ``target`` points at; "" when the procedure does not know it."""
    if target.startswith("form."):
        path = target.removeprefix("form.")
        declared = procedure.declaration_field(path) if procedure is not None else None
        return declared.label_vi if declared is not None else ""
    if target.startswith(("applicant", "co_applicant")):
        role, _sep, field = target.partition(".")
        label = _APPLICANT_LABELS.get(field or role, field or role)
        if field and role == "co_applicant":
            label = f"{label} (người cùng nộp)"
        elif field:
            label = f"{label} (người nộp)"
        return label
    if target.startswith("queue:"):
        return _("Hồ sơ trùng {code}", code=target.removeprefix("queue:"))
    if procedure is not None:
        requirement = procedure.document_for(target)
        if requirement is not None:
            return requirement.name_vi
    return ""


def acceptance_blockers(findings: Iterable[Any]) -> list[Any]:
    """The error hints that keep a dossier from being accepted: undecided or confirmed (the defect is real).

    The one gate for the receipt service, the lifecycle's accept and the window (an overridden hint, checked
    against the original and found wrong, no longer blocks).
    """
    return [f for f in findings
            if blocks_acceptance(str(_get(f, "severity")), str(_get(f, "decision") or Decision.OPEN),
                                 _get(f, "superseded") is True)]


def blocking_message(code: str, blocking: Sequence[Any]) -> str:
    """What the officer is told when acceptance is refused: how many defects, and what to do instead."""
    confirmed = sum(1 for f in blocking if Decision.parse(str(_get(f, "decision") or "open")) == Decision.CONFIRMED)
    undecided = len(blocking) - confirmed
    if undecided:
        return _("Hồ sơ {code} còn {n} lỗi chưa quyết định và {m} lỗi đã xác nhận; hãy xác nhận hoặc bác bỏ "
                 "từng lỗi, rồi yêu cầu bổ sung hoặc từ chối thay vì tiếp nhận",
                 code=code, n=undecided, m=confirmed)
    return _("Hồ sơ {code} có {m} lỗi đã xác nhận; không thể tiếp nhận — hãy yêu cầu bổ sung hoặc từ chối",
             code=code, m=confirmed)


def citizen_todo(code: str) -> str:
    """What the citizen has to do about a defect, in words for the citizen.

    A hint's own suggestion is addressed to the officer ("Đối chiếu số định danh … với thẻ căn cước") and
    never goes on the paper handed to the citizen.
    """
    if code.startswith("MISSING") or code.endswith("_MISSING"):
        return _("Nộp bổ sung giấy tờ này")
    if "EXPIRED" in code:
        return _("Nộp giấy tờ còn hiệu lực")
    return _("Khai lại cho đúng với giấy tờ gốc và mang theo bản chính để đối chiếu")


def supplement_items(findings: Iterable[Any], procedure: Procedure | None = None) -> list[tuple[str, str]]:
    """Every missing or wrong item, once: (label, reason) in Vietnamese, for the supplement request.

    ``findings``: recorded dicts, ``Finding`` rows, ``FindingView``s or ``ScreeningFinding``s. Only errors
    that are still open (or confirmed by the officer) count; overridden and superseded ones do not.
    """
    items: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for finding in findings:
        if _get(finding, "severity") != ERROR:
            continue
        decision = _get(finding, "decision")
        if (decision and Decision.parse(str(decision)) == Decision.OVERRIDDEN) or _get(finding, "superseded") is True:
            continue
        target = str(_get(finding, "target") or "")
        reason = plain_words(str(_get(finding, "message_vi", "message") or ""), procedure)
        label = _label(target, procedure)
        if not label:
            # A path or id the procedure does not name never reaches the citizen's paper (issue 10 §6):
            # the hint's own words say what is missing.
            label, reason = (reason, "") if reason else (plain_words(target, procedure), "")
        key = (label, reason)
        if key in seen:
            continue
        seen.add(key)
        items.append(key)
    return items


# -- feedback: how often each code fires and is dismissed -------------------------------------------

@dataclass(frozen=True)
class FindingStats:
    code: str
    fired: int
    dismissed: int
    accepted: int

    @property
    def dismissal_rate(self) -> float:
        return self.dismissed / self.fired if self.fired else 0.0


def screened_case_count(desk: ScreeningDesk) -> int:
    with desk.db.session() as session:
        return int(session.execute(select(func.count(Case.id)).where(Case.screened_at.is_not(None))).scalar_one())


def finding_report(desk: ScreeningDesk) -> list[FindingStats]:
    """Per code: current findings (not superseded by a later screening), and the officers' decisions."""
    with desk.db.session() as session:
        rows = session.execute(
            select(Finding.code, Finding.decision, func.count(Finding.id))
            .where(Finding.superseded.is_(False))
            .group_by(Finding.code, Finding.decision)
        ).all()
    counts: dict[str, dict[str, int]] = {}
    for code, decision, count in rows:
        counts.setdefault(code, {})[decision] = int(count)
    stats = [
        FindingStats(code, sum(by.values()), by.get(Decision.OVERRIDDEN, 0), by.get(Decision.CONFIRMED, 0))
        for code, by in counts.items()
    ]
    return sorted(stats, key=lambda s: (-s.fired, s.code))
