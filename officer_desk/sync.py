"""Push a local (offline) desk's changes to the center's shared PostgreSQL database.

Every change on a local desk leaves an outbox item in the same transaction. ``push`` copies each
changed case to the shared database when it is reachable: a new case is inserted with its timeline,
findings and attachments; a known case receives the timeline entries it lacks, and takes the local
status only when the local change is newer than anything recorded on the server (otherwise the case
is reported as a conflict and left for an officer). Items are marked done only after the server
transaction commits, so a lost connection mid-way loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload

from officer_desk.attachments import AttachmentStore
from officer_desk.audit import audit
from officer_desk.cases import case_search_terms
from officer_desk.database import open_database
from officer_desk.desk import Desk
from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.models import Attachment, Case, CaseEvent, CaseSearchTerm, Finding, Officer, OutboxItem
from officer_desk.models.session import Database

_CASE_COLUMNS = (
    "procedure_code", "channel", "status", "received_at", "due_date", "assigned_at", "applicant_name",
    "applicant_id_number", "applicant_phone", "subject_key", "raw_json", "dossier_json", "raw_sha256",
    "source_file_sha256", "origin_desk", "receipt_issued_at", "register_book", "register_number",
    "appointment_at", "clock_started_at", "worst_severity", "open_finding_count", "screened_at",
    "screening_engine_version", "fee_vnd", "is_demo",
)


class SyncError(DeskError):
    code = "sync"
    exit_code = 1


@dataclass
class SyncReport:
    pushed: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    offline: bool = False

    def as_json(self) -> dict[str, object]:
        return {"pushed": self.pushed, "conflicts": self.conflicts, "offline": self.offline}


def pending_count(desk: Desk) -> int:
    with desk.db.session() as session:
        return int(session.execute(
            select(func.count(OutboxItem.id)).where(OutboxItem.status == "pending")
        ).scalar_one())


def _officer_id(session: Session, username: str | None, cache: dict[str, int]) -> int | None:
    if not username:
        return None
    if username not in cache:
        found = session.execute(select(Officer.id).where(Officer.username == username)).scalar()
        if found is None:
            officer = Officer(username=username, full_name=username)
            session.add(officer)
            session.flush()
            found = officer.id
        cache[username] = found
    return cache[username]


def push(desk: Desk, url: str) -> SyncReport:
    """Push pending local changes to the shared database at ``url``."""
    if not desk.db.is_local:
        raise SyncError(_("Quầy này đang dùng trực tiếp cơ sở dữ liệu chung; không cần đồng bộ"))
    report = SyncReport()
    try:
        remote = open_database(desk.home, url)
    except DeskError as exc:
        if isinstance(exc.__cause__, OperationalError) or "database" in exc.code:
            report.offline = True
            return report
        raise
    try:
        with desk.db.session() as local:
            codes = list(dict.fromkeys(local.execute(
                select(OutboxItem.entity_id).where(OutboxItem.status == "pending").order_by(OutboxItem.id)
            ).scalars()))
        for code in codes:
            try:
                conflict = _push_case(desk, remote, code)
            except OperationalError:
                report.offline = True
                break
            with desk.db.session() as local:
                items = local.execute(
                    select(OutboxItem).where(OutboxItem.entity_id == code, OutboxItem.status == "pending")
                ).scalars()
                for item in items:
                    item.status = "conflict" if conflict else "done"
                    item.attempts += 1
                audit(local, desk.officer, "sync.conflict" if conflict else "sync.pushed", "case", code,
                      desk=desk.config.desk_number)
            (report.conflicts if conflict else report.pushed).append(code)
    finally:
        remote.dispose()
    return report


def _push_case(desk: Desk, remote: Database, code: str) -> bool:
    """Copy one case; True when the server holds newer, different changes (a conflict)."""
    local_store = AttachmentStore(desk.db)
    remote_store = AttachmentStore(remote)
    with desk.db.session() as local, remote.session() as server:
        case = local.execute(
            select(Case).where(Case.dossier_code == code).options(
                selectinload(Case.events).selectinload(CaseEvent.officer), selectinload(Case.findings),
                selectinload(Case.attachments), selectinload(Case.assigned_officer))
        ).scalar_one_or_none()
        if case is None:
            return False
        officers: dict[str, int] = {}
        target = server.execute(select(Case).where(Case.dossier_code == code).with_for_update()).scalar_one_or_none()
        local_last = max((e.at for e in case.events), default=case.updated_at)
        if target is None:
            target = Case(dossier_code=code, version=1)
            for name in _CASE_COLUMNS:
                setattr(target, name, getattr(case, name))
            target.assigned_officer_id = _officer_id(
                server, case.assigned_officer.username if case.assigned_officer else None, officers)
            server.add(target)
            server.flush()
            for attachment in case.attachments:
                if attachment.content_sha256:
                    remote_store.put(server, local_store.get(local, attachment.content_sha256))
                server.add(Attachment(
                    case_id=target.id, position=attachment.position, doc_type=attachment.doc_type,
                    kind=attachment.kind, quantity=attachment.quantity, presented_only=attachment.presented_only,
                    certified=attachment.certified, file_name=attachment.file_name,
                    content_sha256=attachment.content_sha256, size=attachment.size,
                    media_type=attachment.media_type, fields_json=attachment.fields_json))
            conflict = False
        else:
            server_last = server.execute(
                select(func.max(CaseEvent.at)).where(CaseEvent.case_id == target.id)
            ).scalar() or target.updated_at
            known = {(e.at, e.action) for e in server.execute(
                select(CaseEvent).where(CaseEvent.case_id == target.id)).scalars()}
            newer_local = [e for e in case.events if (e.at, e.action) not in known]
            conflict = bool(newer_local) and server_last > min(e.at for e in newer_local) and \
                target.status != case.status
            if not conflict and newer_local and local_last >= server_last:
                for name in ("status", "due_date", "clock_started_at", "receipt_issued_at", "register_book",
                             "register_number", "appointment_at", "dossier_json", "worst_severity",
                             "open_finding_count"):
                    setattr(target, name, getattr(case, name))
        if not conflict:
            known = {(e.at, e.action) for e in server.execute(
                select(CaseEvent).where(CaseEvent.case_id == target.id)).scalars()}
            for event in case.events:
                if (event.at, event.action) in known:
                    continue
                server.add(CaseEvent(
                    case_id=target.id, at=event.at, action=event.action, from_status=event.from_status,
                    to_status=event.to_status, reason=event.reason,
                    details={**(event.details or {}), "synced_from_desk": desk.config.desk_number},
                    officer_id=_officer_id(server, event.officer.username if event.officer else None, officers)))
            server.execute(delete(Finding).where(Finding.case_id == target.id))
            for finding in case.findings:
                server.add(Finding(
                    case_id=target.id, code=finding.code, severity=finding.severity, target=finding.target,
                    message_vi=finding.message_vi, message_en=finding.message_en, evidence=finding.evidence,
                    suggestion=finding.suggestion, evidence_en=finding.evidence_en,
                    suggestion_en=finding.suggestion_en, source=finding.source, engine_version=finding.engine_version,
                    created_at=finding.created_at, decision=finding.decision, decided_at=finding.decided_at,
                    decision_reason=finding.decision_reason, superseded=finding.superseded))
            server.execute(delete(CaseSearchTerm).where(CaseSearchTerm.case_id == target.id))
            terms = case_search_terms(target.applicant_name, target.applicant_id_number, target.applicant_phone,
                                      target.dossier_code)
            server.execute(insert(CaseSearchTerm), [{"case_id": target.id, "term": t} for t in sorted(terms)])
            audit(server, desk.officer, "sync.received", "case", code, desk=desk.config.desk_number,
                  at=datetime.now(UTC).isoformat())
        return conflict
