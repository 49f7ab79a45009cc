"""Case services: intake, import/export, lifecycle transitions, assignment, queue queries, search.

Services take and return frozen dataclasses; ORM objects never leave a session. One Session per
user action; every change is audited and written to the case's timeline in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Select, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from officer_desk import dossier as dossier_format
from officer_desk.attachments import AttachmentStore
from officer_desk.audit import audit
from officer_desk.catalogue import Procedure
from officer_desk.dossier import LOCAL_TZ, Dossier
from officer_desk.errors import (
    ClockError,
    ConflictError,
    DeskError,
    DossierFormatError,
    InputError,
    LifecycleError,
    NotFoundError,
    UnknownProcedureError,
)
from officer_desk.fileio import write_bytes_atomic, write_text_atomic
from officer_desk.i18n import _
from officer_desk.lifecycle import (
    CLOCK_RUNNING,
    CLOSED_STATUSES,
    Action,
    Status,
    allowed_actions,
    check_transition,
)
from officer_desk.models import (
    Attachment,
    Case,
    CaseEvent,
    CaseSearchTerm,
    CaseStatusCount,
    DeskSetting,
    DossierSequence,
    Finding,
    Officer,
    OutboxItem,
    RegisterSequence,
)
from officer_desk.text import digits, fold, search_terms_for_name
from officer_desk.workdays import compute_due_date

if TYPE_CHECKING:
    from officer_desk.desk import Desk

MAX_JSON_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
CLOCK_TOLERANCE = timedelta(minutes=5)


class Progress(Protocol):
    def report(self, done: int, total: int, label: str = "") -> None: ...
    def cancelled(self) -> bool: ...


# --------------------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class CaseRow:
    id: int
    dossier_code: str
    applicant_name: str
    procedure_code: str
    channel: str
    received_at: datetime
    due_date: date | None
    status: str
    assigned_officer: str | None
    worst_severity: str | None
    open_finding_count: int
    receipt_issued: bool


@dataclass(frozen=True)
class AttachmentView:
    id: int
    doc_type: str
    kind: str
    quantity: int
    presented_only: bool
    certified: bool
    file_name: str | None
    content_sha256: str | None
    size: int | None
    media_type: str | None
    fields: dict[str, Any]
    # OCR (issue 14): where each value came from, and what OCR saw (confidence, page, box).
    provenance: dict[str, str] = field(default_factory=dict)
    ocr: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FindingView:
    id: int
    code: str
    severity: str
    target: str
    message_vi: str
    message_en: str
    evidence: str
    suggestion: str
    source: str
    decision: str
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str
    evidence_en: str = ""
    suggestion_en: str = ""

    def texts(self, language: str) -> tuple[str, str, str]:
        """(message, evidence, suggestion) in ``language`` (Vietnamese where no English was stored)."""
        if language == "en":
            return (self.message_en or self.message_vi, self.evidence_en or self.evidence,
                    self.suggestion_en or self.suggestion)
        return self.message_vi, self.evidence, self.suggestion


@dataclass(frozen=True)
class EventView:
    at: datetime
    officer: str | None
    action: str
    from_status: str | None
    to_status: str | None
    reason: str


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    version: int
    dossier: dict[str, Any]
    attachments: tuple[AttachmentView, ...]
    findings: tuple[FindingView, ...]
    events: tuple[EventView, ...]
    allowed_actions: tuple[str, ...]
    fee_vnd: int | None
    appointment_at: datetime | None
    register_book: str | None
    register_number: int | None
    receipt_issued_at: datetime | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows; every filter is an indexed column."""

    statuses: tuple[str, ...] = ()
    procedure_code: str | None = None
    channel: str | None = None
    officer: str | None = None
    due: str | None = None  # "today" | "overdue" | "soon"
    text: str = ""
    sort: str = "received_at"
    descending: bool = True


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    supplemented: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "failed": self.failed}


SORT_COLUMNS = {
    "dossier_code": Case.dossier_code,
    "applicant_name": Case.applicant_name,
    "procedure_code": Case.procedure_code,
    "channel": Case.channel,
    "received_at": Case.received_at,
    "due_date": Case.due_date,
    "status": Case.status,
    "assigned_officer": Case.assigned_officer_id,
    "worst_severity": Case.open_finding_count,
}


def _now() -> datetime:
    return datetime.now(UTC)


def case_search_terms(name: str, id_number: str, phone: str, code: str) -> set[str]:
    """Folded keys a case is found by: name word-suffixes, ID and phone digits, dossier code."""
    terms = set(search_terms_for_name(name))
    phone_digits = normalise_phone_digits(phone)
    for value in (digits(id_number), phone_digits, fold(code)):
        if value:
            terms.add(value)
    parts = fold(code).rsplit("-", 2)
    if len(parts) == 3:
        terms.add(f"{parts[1]}-{parts[2]}")  # YYMMDD-NNNN without the agency prefix
    return {t[:160] for t in terms if t}


def normalise_phone_digits(phone: str) -> str:
    value = digits(phone)
    if value.startswith("84") and len(value) in (11, 12):
        value = "0" + value[2:]
    return value


def _severity_summary(findings: Iterable[Finding]) -> tuple[str | None, int]:
    open_findings = [f for f in findings if f.decision == "open" and not f.superseded]
    if not open_findings:
        return None, 0
    worst = max(open_findings, key=lambda f: SEVERITY_RANK.get(f.severity, 0)).severity
    return worst, len(open_findings)


class CaseService:
    """Everything that reads or changes cases."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.db = desk.db
        self.attachments = AttachmentStore(desk.db)

    # ------------------------------------------------------------------ helpers

    def _officer(self, session: Session, username: str | None = None) -> Officer:
        username = username or self.desk.officer
        officer = session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none()
        if officer is None:
            officer = Officer(username=username, full_name=self.desk.config.officer_name or username)
            session.add(officer)
            session.flush()
        return officer

    def _case(self, session: Session, ref: str | int, lock: bool = False) -> Case:
        query = select(Case)
        query = query.where(Case.id == ref) if isinstance(ref, int) else query.where(Case.dossier_code == ref)
        if lock and session.bind is not None and session.bind.dialect.name == "postgresql":
            query = query.with_for_update()
        case = session.execute(query).scalar_one_or_none()
        if case is None:
            raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=str(ref)))
        return case

    def _event(
        self,
        session: Session,
        case: Case,
        officer: Officer | None,
        action: str,
        from_status: str | None = None,
        to_status: str | None = None,
        reason: str = "",
        **details: Any,
    ) -> None:
        session.add(
            CaseEvent(
                case=case,
                at=_now(),
                officer_id=officer.id if officer else None,
                action=action,
                from_status=from_status,
                to_status=to_status,
                reason=reason,
                details=details,
            )
        )
        audit(
            session,
            officer.username if officer else "system",
            f"case.{action}",
            "case",
            case.dossier_code,
            desk=self.desk.config.desk_number,
            from_status=from_status,
            to_status=to_status,
            **details,
        )
        if not self.db.is_local:
            return
        session.add(OutboxItem(kind=f"case.{action}", entity_id=case.dossier_code, payload={"to": to_status}))

    def procedure(self, code: str) -> Procedure:
        procedure = self.desk.catalogue.find(code)
        if procedure is None:
            raise UnknownProcedureError(_("Thủ tục {code} không có trong danh mục", code=code))
        return procedure

    def due_date_for(self, procedure: Procedure, received_at: datetime) -> date:
        return compute_due_date(
            received_at.astimezone(LOCAL_TZ),
            procedure.processing_unit,
            procedure.processing_days,
            self.desk.calendar,
            procedure.same_day_cutoff,
        )

    def calendar_warning(self, due: date | None) -> str | None:
        """A warning when ``due`` falls in a year whose swapped days off are not in the override table."""
        if due is None or self.desk.calendar.year_covered(due.year):
            return None
        return _(
            "Hạn trả {due} thuộc năm {year} mà lịch nghỉ bù, làm bù của năm đó chưa được cập nhật "
            "(resources/calendar/overrides.yaml); hãy kiểm tra lại ngày hẹn.",
            due=due.strftime("%d/%m/%Y"), year=due.year,
        )

    def fee_for(self, procedure: Procedure, channel: str) -> int | None:
        return procedure.fee_for(channel, self.desk.config.fees)

    # ------------------------------------------------------------------ numbering

    def next_dossier_code(self, session: Session, received_at: datetime) -> str:
        """``AGENCY-YYMMDD-NNNN``: never reused, unique across desks.

        Local (offline-capable) desks number from their own block k*1000+1 ... k*1000+999; the
        shared server keeps one sequence per agency and day (block 0) and skips the desk blocks.
        """
        agency = self.desk.config.agency_id
        day = received_at.astimezone(LOCAL_TZ).strftime("%y%m%d")
        block = self.desk.config.desk_number if self.db.is_local else 0
        value = self._increment(session, DossierSequence, {"agency_id": agency, "day": day, "block": block})
        if self.db.is_local:
            if value > 999:
                raise DeskError(_("Đã hết số hồ sơ của quầy {desk} trong ngày", desk=block))
            number = block * 1000 + value
        else:
            number = value if value <= 999 else value + 9000  # 1000..9999 belong to desks 1..9
        return f"{agency}-{day}-{number:04d}"

    def _increment(self, session: Session, table: Any, key: dict[str, Any]) -> int:
        """Atomically increment a counter row and return the new value (SQLite and PostgreSQL)."""
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            session.execute(pg_insert(table).values(**key, value=0).on_conflict_do_nothing())
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            session.execute(sqlite_insert(table).values(**key, value=0).on_conflict_do_nothing())
        conditions = [getattr(table, k) == v for k, v in key.items()]
        result = session.execute(
            update(table).where(*conditions).values(value=table.value + 1).returning(table.value)
        )
        return int(result.scalar_one())

    def next_register_number(self, session: Session, year: int) -> int:
        return self._increment(session, RegisterSequence, {"desk": self.desk.config.desk_number, "year": year})

    # ------------------------------------------------------------------ clock sanity

    def newest_event_time(self, session: Session) -> datetime | None:
        return session.execute(select(func.max(CaseEvent.at))).scalar()

    def clock_problem(self) -> datetime | None:
        """The newest stored event time when the PC clock is behind it (and not yet confirmed)."""
        with self.db.session() as session:
            newest = self.newest_event_time(session)
            if newest is None or _now() + CLOCK_TOLERANCE >= newest:
                return None
            confirmed = session.get(DeskSetting, "clock_confirmed_for")
            if confirmed is not None and confirmed.value == newest.isoformat():
                return None
            return newest

    def confirm_clock(self) -> None:
        """The officer confirms the PC clock is right although stored events look newer."""
        with self.db.session() as session:
            newest = self.newest_event_time(session)
            if newest is None:
                return
            setting = session.get(DeskSetting, "clock_confirmed_for")
            if setting is None:
                session.add(DeskSetting(key="clock_confirmed_for", value=newest.isoformat()))
            else:
                setting.value = newest.isoformat()
            audit(session, self.desk.officer, "clock.confirmed", "desk", str(self.desk.config.desk_number),
                  newest=newest.isoformat())

    def guard_clock(self) -> None:
        newest = self.clock_problem()
        if newest is not None:
            raise ClockError(
                _(
                    "Đồng hồ máy tính ({now}) đang chậm hơn sự kiện mới nhất đã lưu ({newest}). "
                    "Hãy kiểm tra giờ hệ thống rồi xác nhận trước khi làm thao tác có tính hạn.",
                    now=datetime.now(LOCAL_TZ).strftime("%d/%m/%Y %H:%M"),
                    newest=newest.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M"),
                )
            )

    # ------------------------------------------------------------------ intake and import

    def _fill_case(self, case: Case, parsed: Dossier, procedure: Procedure, dossier_obj: dict[str, Any]) -> None:
        applicant = parsed.applicant
        case.procedure_code = procedure.code
        case.channel = parsed.channel
        case.applicant_name = applicant.full_name[:200]
        case.applicant_id_number = digits(applicant.id_number)[:32] or applicant.id_number[:32]
        case.applicant_phone = applicant.phone[:32]
        case.subject_key = procedure.subject_key(parsed)
        case.dossier_json = json.dumps(dossier_obj, ensure_ascii=False)
        case.fee_vnd = self.fee_for(procedure, parsed.channel)

    def _replace_terms(self, session: Session, case: Case) -> None:
        if case.id is not None:
            session.execute(delete(CaseSearchTerm).where(CaseSearchTerm.case_id == case.id))
        session.flush()
        terms = case_search_terms(case.applicant_name, case.applicant_id_number, case.applicant_phone,
                                  case.dossier_code)
        if terms:
            session.execute(insert(CaseSearchTerm), [{"case_id": case.id, "term": t} for t in sorted(terms)])

    def _store_attachments(
        self, session: Session, case: Case, parsed: Dossier, files: dict[int, bytes]
    ) -> None:
        for index, item in enumerate(parsed.attachments):
            data = files.get(index)
            digest = self.attachments.put(session, data) if data is not None else None
            case.attachments.append(
                Attachment(
                    position=index,
                    doc_type=item.doc_type,
                    kind=item.kind,
                    quantity=item.quantity,
                    presented_only=item.presented_only,
                    certified=item.certified,
                    file_name=item.file,
                    content_sha256=digest,
                    size=len(data) if data is not None else None,
                    media_type=_media_type(item.file) if item.file else None,
                    fields_json=item.fields,
                    # OCR (issue 14): every value says where it came from (stated, else the channel's default).
                    provenance_json={str(k): item.source_of(str(k), parsed.channel) for k in item.fields},
                    ocr_json=item.ocr,
                )
            )

    def create_case(
        self,
        session: Session,
        parsed: Dossier,
        raw_text: str,
        files: dict[int, bytes] | None = None,
        source_sha256: str | None = None,
        is_demo: bool = False,
        status: str = Status.RECEIVED,
    ) -> Case:
        """Insert a new case (code kept or assigned) with its attachments, terms and timeline."""
        procedure = self.procedure(parsed.procedure_code)
        received_at = parsed.received_at or datetime.now(LOCAL_TZ)
        code = parsed.dossier_code or self.next_dossier_code(session, received_at)
        dossier_obj = dict(parsed.raw)
        if not parsed.dossier_code:
            dossier_obj["dossier_code"] = code
        if "received_at" not in dossier_obj:
            dossier_obj["received_at"] = dossier_format.format_received_at(received_at)
        officer = self._officer(session)
        case = Case(
            dossier_code=code,
            status=status,
            received_at=received_at,
            clock_started_at=received_at,
            due_date=self.due_date_for(procedure, received_at),
            raw_json=raw_text,
            raw_sha256=hashlib.sha256(raw_text.encode("utf-8")).hexdigest(),
            source_file_sha256=source_sha256,
            origin_desk=self.desk.config.desk_number,
            is_demo=is_demo,
        )
        self._fill_case(case, parsed, procedure, dossier_obj)
        session.add(case)
        self._store_attachments(session, case, parsed, files or {})
        session.flush()
        self._replace_terms(session, case)
        self._event(session, case, officer, "received", None, status, channel=parsed.channel)
        return case

    def import_paths(self, paths: Sequence[Path], progress: Progress | None = None) -> ImportReport:
        """Import dossier files (a folder means every ``*.json`` below it, sorted)."""
        files: list[Path] = []
        report = ImportReport()
        for path in paths:
            path = Path(path)
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
            elif path.is_file():
                files.append(path)
            else:
                report.failed.append({"file": str(path), "error": _("Không tìm thấy tệp hoặc thư mục")})
        for index, path in enumerate(files):
            if progress is not None:
                if progress.cancelled():
                    break
                progress.report(index, len(files), path.name)
            try:
                outcome, code = self.import_file(path)
            except DeskError as exc:
                report.failed.append({"file": str(path), "error": exc.message})
                continue
            except OSError as exc:
                report.failed.append(
                    {"file": str(path), "error": _("Không đọc được tệp: {reason}", reason=exc.strerror or "")}
                )
                continue
            if outcome == "skipped":
                report.skipped.append(code)
            else:
                report.imported.append(code)  # a merged supplement counts as imported (the contract's lists)
                if outcome == "supplemented":
                    report.supplemented.append(code)
        if progress is not None:
            progress.report(len(files), len(files), "")
        return report

    def read_dossier_file(self, path: Path) -> tuple[bytes, dict[str, Any], Dossier, dict[int, bytes]]:
        """Read and validate one dossier file and its attachment files (nothing is written)."""
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise InputError(
                _("Tệp JSON lớn hơn giới hạn {limit} MiB", limit=MAX_JSON_BYTES // (1024 * 1024)),
                code="too_large",
            )
        data = path.read_bytes()
        obj = dossier_format.loads(data)
        parsed = dossier_format.parse(obj)
        self.procedure(parsed.procedure_code)
        base = path.parent.resolve()
        files: dict[int, bytes] = {}
        for index, item in enumerate(parsed.attachments):
            if not item.file:
                continue
            candidate = (base / item.file).resolve()
            if not candidate.is_relative_to(base) or Path(item.file).is_absolute():
                raise DossierFormatError(
                    _("Tệp đính kèm {file} nằm ngoài thư mục của hồ sơ", file=item.file), code="path_escape"
                )
            if not candidate.is_file():
                raise DossierFormatError(_("Không tìm thấy tệp đính kèm {file}", file=item.file))
            if candidate.stat().st_size > MAX_ATTACHMENT_BYTES:
                raise InputError(
                    _("Tệp đính kèm {file} lớn hơn giới hạn {limit} MiB", file=item.file,
                      limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)),
                    code="too_large",
                )
            files[index] = candidate.read_bytes()
        return data, obj, parsed, files

    def import_file(self, path: Path) -> tuple[str, str]:
        """Import one file in one transaction: ("imported"|"skipped"|"supplemented", dossier code)."""
        data, obj, parsed, files = self.read_dossier_file(path)
        raw_text = data.decode("utf-8-sig")
        file_sha = hashlib.sha256(data).hexdigest()
        raw_sha = hashlib.sha256(raw_text.encode("utf-8")).hexdigest()
        try:
            with self.db.session() as session:
                if parsed.dossier_code:
                    existing = session.execute(
                        select(Case).where(Case.dossier_code == parsed.dossier_code)
                    ).scalar_one_or_none()
                    if existing is not None:
                        if existing.raw_sha256 == raw_sha:
                            return "skipped", existing.dossier_code
                        if existing.status == Status.SUPPLEMENT_REQUESTED:
                            self._merge_supplement(session, existing, parsed, raw_text, files)
                            return "supplemented", existing.dossier_code
                        raise ConflictError(
                            _(
                                "Xung đột: hồ sơ {code} đã có với nội dung khác; không ghi đè",
                                code=parsed.dossier_code,
                            )
                        )
                else:
                    existing_code = session.execute(
                        select(Case.dossier_code).where(Case.source_file_sha256 == file_sha)
                    ).scalar_one_or_none()
                    if existing_code is not None:
                        return "skipped", existing_code
                case = self.create_case(session, parsed, raw_text, files, source_sha256=file_sha)
                session.flush()
                self._screen_in_session(session, case)
                return "imported", case.dossier_code
        except IntegrityError as exc:
            raise ConflictError(_("Xung đột khi ghi hồ sơ (mã hồ sơ đã tồn tại)")) from exc

    def intake(self, dossier_obj: dict[str, Any], files: dict[str, bytes] | None = None) -> str:
        """Create a case from a dossier built at the counter (scans as bytes); returns its code.

        Same checks and transaction as an imported file, screened in that transaction; nothing is
        written outside the encrypted stores.
        """
        files = files or {}
        raw_text = json.dumps(dossier_obj, ensure_ascii=False)
        parsed = dossier_format.parse(dossier_format.loads(raw_text))
        self.procedure(parsed.procedure_code)
        by_index: dict[int, bytes] = {}
        for index, item in enumerate(parsed.attachments):
            if item.file is None:
                continue
            if item.file not in files:
                raise DossierFormatError(_("Không tìm thấy tệp đính kèm {file}", file=item.file))
            data = files[item.file]
            if len(data) > MAX_ATTACHMENT_BYTES:
                raise InputError(
                    _("Tệp đính kèm {file} lớn hơn giới hạn {limit} MiB", file=item.file,
                      limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)),
                    code="too_large",
                )
            by_index[index] = data
        try:
            with self.db.session() as session:
                case = self.create_case(session, parsed, raw_text, by_index)
                session.flush()
                self._screen_in_session(session, case)
                return case.dossier_code
        except IntegrityError as exc:
            raise ConflictError(_("Xung đột khi ghi hồ sơ (mã hồ sơ đã tồn tại)")) from exc

    def active_officers(self) -> list[tuple[str, str]]:
        """(username, full name) of every active officer, by username (for assignment pickers)."""
        with self.db.session() as session:
            rows = session.execute(
                select(Officer.username, Officer.full_name).where(Officer.active).order_by(Officer.username)
            ).all()
        return [(str(username), str(full_name or "")) for username, full_name in rows]

    def pending_outbox_count(self) -> int:
        """Changes waiting to be pushed to the shared database (local desks)."""
        if not self.db.is_local:
            return 0
        with self.db.session() as session:
            return int(session.execute(
                select(func.count(OutboxItem.id)).where(OutboxItem.status == "pending")
            ).scalar_one())

    def _merge_supplement(
        self, session: Session, case: Case, parsed: Dossier, raw_text: str, files: dict[int, bytes]
    ) -> None:
        """The file is the supplement to a case waiting for one: merge it and restart the clock."""
        self.guard_clock()
        procedure = self.procedure(parsed.procedure_code)
        officer = self._officer(session)
        check_transition(case.status, Action.SUPPLEMENT_RECEIVED)
        previous = case.status
        now = datetime.now(LOCAL_TZ)
        self._fill_case(case, parsed, procedure, dict(parsed.raw))
        case.raw_json = raw_text
        case.raw_sha256 = hashlib.sha256(raw_text.encode("utf-8")).hexdigest()
        case.attachments.clear()
        session.flush()
        self._store_attachments(session, case, parsed, files)
        case.status = Status.RECEIVED
        case.clock_started_at = now
        case.due_date = self.due_date_for(procedure, now)
        self._replace_terms(session, case)
        self._event(session, case, officer, Action.SUPPLEMENT_RECEIVED, previous, Status.RECEIVED,
                    clock_restarted=now.isoformat())
        session.flush()
        self._screen_in_session(session, case)

    def _screen_in_session(self, session: Session, case: Case) -> None:
        """Screen a case inside the current transaction (imported here: the engine imports this module)."""
        from officer_desk.screening.service import screen_case_in_session

        screen_case_in_session(self, session, case)

    # ------------------------------------------------------------------ findings

    def record_findings(
        self, session: Session, case: Case, findings: Sequence[dict[str, Any]], engine_version: str
    ) -> None:
        """Replace the case's open findings by a new screening result (decisions are kept)."""
        decided = {
            (f.code, f.target): f for f in case.findings if f.decision != "open" and not f.superseded
        }
        for finding in case.findings:
            if finding.decision == "open":
                finding.superseded = True
        for item in findings:
            key = (item["code"], item.get("target", ""))
            if key in decided:
                continue  # the officer already decided on this hint
            case.findings.append(
                Finding(
                    code=item["code"],
                    severity=item["severity"],
                    target=item.get("target", ""),
                    message_vi=item.get("message", ""),
                    message_en=item.get("message_en", ""),
                    evidence=item.get("evidence", ""),
                    suggestion=item.get("suggestion", ""),
                    evidence_en=item.get("evidence_en", ""),
                    suggestion_en=item.get("suggestion_en", ""),
                    source=item.get("source", "rule"),
                    engine_version=engine_version,
                    decision="open",
                    superseded=False,
                )
            )
        case.worst_severity, case.open_finding_count = _severity_summary(case.findings)
        case.screened_at = _now()
        case.screening_engine_version = engine_version
        audit(session, self.desk.officer, "case.screened", "case", case.dossier_code,
              desk=self.desk.config.desk_number, findings=len(findings), engine=engine_version)

    def decide_finding(self, finding_id: int, decision: str, reason: str = "") -> None:
        """The officer accepts or dismisses a hint (a dismissal needs a reason)."""
        if decision not in ("accepted", "dismissed", "open"):
            raise InputError(_("Quyết định không hợp lệ: {decision}", decision=decision))
        if decision == "dismissed" and not reason.strip():
            raise InputError(_("Cần ghi lý do khi bỏ qua gợi ý"))
        with self.db.session() as session:
            finding = session.get(Finding, finding_id)
            if finding is None:
                raise NotFoundError(_("Không tìm thấy gợi ý {id}", id=finding_id))
            officer = self._officer(session)
            finding.decision = decision
            finding.decided_by = officer.id
            finding.decided_at = _now()
            finding.decision_reason = reason.strip()
            case = finding.case
            case.worst_severity, case.open_finding_count = _severity_summary(case.findings)
            self._event(session, case, officer, f"finding_{decision}", reason=reason.strip(),
                        finding=finding.code, target=finding.target)

    # ------------------------------------------------------------------ lifecycle

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
            with self.db.session() as own:
                return self.transition(ref, action, reason, expected_version, own, **details)
        case = self._case(session, ref, lock=True)
        transition = check_transition(case.status, action, reason)
        if transition.uses_clock:
            self.guard_clock()
        if expected_version is not None and case.version != expected_version:
            raise ConflictError(
                _("Hồ sơ {code} vừa được người khác thay đổi; hãy tải lại", code=case.dossier_code)
            )
        officer = self._officer(session)
        self._check_lock_holder(case, officer)
        previous = case.status
        case.status = transition.target
        now = datetime.now(LOCAL_TZ)
        if action == Action.SUPPLEMENT_RECEIVED:
            case.clock_started_at = now
            case.due_date = self.due_date_for(self.procedure(case.procedure_code), now)
        self._event(session, case, officer, action, previous, transition.target, reason.strip(), **details)
        session.flush()
        return case.status

    def _check_lock_holder(self, case: Case, officer: Officer) -> None:
        if case.assigned_officer_id is not None and case.assigned_officer_id != officer.id:
            holder = case.assigned_officer.username if case.assigned_officer else "?"
            raise ConflictError(
                _("Hồ sơ {code} đang được giao cho {holder}", code=case.dossier_code, holder=holder)
            )

    def assign(self, ref: str | int, username: str | None = None, force: bool = False, reason: str = "") -> None:
        """Assign a case (one officer at a time); taking it from someone else needs ``force`` + reason."""
        with self.db.session() as session:
            case = self._case(session, ref, lock=True)
            if case.status in CLOSED_STATUSES:
                raise LifecycleError(_("Hồ sơ {code} đã kết thúc, không thể giao", code=case.dossier_code))
            actor = self._officer(session)
            target = self._officer(session, username) if username else actor
            holder = case.assigned_officer
            if holder is not None and holder.id != target.id:
                if not force:
                    raise ConflictError(
                        _("Hồ sơ {code} đang được giao cho {holder}", code=case.dossier_code,
                          holder=holder.username)
                    )
                if not reason.strip():
                    raise InputError(_("Cần ghi lý do khi nhận lại hồ sơ đang giao cho người khác"))
            case.assigned_officer_id = target.id
            case.assigned_at = _now()
            self._event(session, case, actor, "assigned", reason=reason.strip(), assignee=target.username,
                        previous=holder.username if holder else None)

    def unassign(self, ref: str | int) -> None:
        with self.db.session() as session:
            case = self._case(session, ref, lock=True)
            actor = self._officer(session)
            self._check_lock_holder(case, actor)
            case.assigned_officer_id = None
            case.assigned_at = None
            self._event(session, case, actor, "unassigned")

    def update_dossier(self, ref: str | int, changes: dict[str, Any], reason: str = "") -> None:
        """Officer corrections to applicant/form values (dotted paths); audited, the raw record is kept."""
        with self.db.session() as session:
            case = self._case(session, ref, lock=True)
            if case.status in CLOSED_STATUSES:
                raise LifecycleError(_("Hồ sơ {code} đã kết thúc, không thể sửa", code=case.dossier_code))
            officer = self._officer(session)
            self._check_lock_holder(case, officer)
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
            self._fill_case(case, parsed, self.procedure(parsed.procedure_code), obj)
            self._replace_terms(session, case)
            self._event(session, case, officer, "edited", reason=reason, fields=sorted(changes))
            session.flush()
            self._screen_in_session(session, case)

    # ------------------------------------------------------------------ queries

    def _filtered(self, query: Select[Any], flt: QueueFilter) -> Select[Any]:
        if flt.statuses:
            query = query.where(Case.status.in_(flt.statuses))
        if flt.procedure_code:
            query = query.where(Case.procedure_code == flt.procedure_code)
        if flt.channel:
            query = query.where(Case.channel == flt.channel)
        if flt.officer:
            query = query.join(Officer, Officer.id == Case.assigned_officer_id).where(
                Officer.username == flt.officer
            )
        today = datetime.now(LOCAL_TZ).date()
        if flt.due == "overdue":
            query = query.where(Case.status.in_([s.value for s in CLOCK_RUNNING]), Case.due_date < today)
        elif flt.due == "today":
            query = query.where(Case.status.in_([s.value for s in CLOCK_RUNNING]), Case.due_date == today)
        elif flt.due == "soon":
            soon = self.desk.calendar.add_working_days(today, 1)
            query = query.where(
                Case.status.in_([s.value for s in CLOCK_RUNNING]), Case.due_date >= today, Case.due_date <= soon
            )
        text = flt.text.strip()
        if text:
            query = query.where(Case.id.in_(self._search_subquery(text)))
        return query

    def _search_subquery(self, text: str) -> Select[Any]:
        return select(CaseSearchTerm.case_id).where(_term_ranges(search_keys(text))).distinct()

    def list_ids(self, flt: QueueFilter, offset: int = 0, limit: int = 200) -> list[int]:
        """Ids of one page of the queue, filtered and sorted in SQL."""
        column = SORT_COLUMNS.get(flt.sort, Case.received_at)
        order: list[Any] = [column.desc(), Case.id.desc()] if flt.descending else [column.asc(), Case.id.asc()]
        with self.db.session() as session:
            query = self._filtered(select(Case.id), flt).order_by(*order).offset(offset).limit(limit)
            return list(session.execute(query).scalars())

    def count(self, flt: QueueFilter) -> int:
        with self.db.session() as session:
            return int(session.execute(self._filtered(select(func.count(Case.id)), flt)).scalar_one())

    def search(self, text: str, limit: int = 50) -> list[CaseRow]:
        """Diacritics-insensitive search over name, ID number, phone and dossier code."""
        keys = search_keys(text)
        if not keys:
            return []
        ids: list[int] = []
        with self.db.session() as session:
            for key in keys:  # one index range per reading, best (digits) first
                ids += session.execute(
                    select(CaseSearchTerm.case_id)
                    .where(_term_ranges([key]))
                    .order_by(CaseSearchTerm.term, CaseSearchTerm.case_id)
                    .limit(limit * 4)
                ).scalars()
        unique = list(dict.fromkeys(ids))[:limit]
        return self.rows(unique)

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        """Queue rows for ``ids``, in that order."""
        if not ids:
            return []
        with self.db.session() as session:
            result = session.execute(
                select(
                    Case.id, Case.dossier_code, Case.applicant_name, Case.procedure_code, Case.channel,
                    Case.received_at, Case.due_date, Case.status, Officer.username, Case.worst_severity,
                    Case.open_finding_count, Case.receipt_issued_at,
                )
                .outerjoin(Officer, Officer.id == Case.assigned_officer_id)
                .where(Case.id.in_(list(ids)))
            ).all()
        by_id = {
            row[0]: CaseRow(
                id=row[0], dossier_code=row[1], applicant_name=row[2], procedure_code=row[3], channel=row[4],
                received_at=row[5], due_date=row[6], status=row[7], assigned_officer=row[8],
                worst_severity=row[9], open_finding_count=row[10], receipt_issued=row[11] is not None,
            )
            for row in result
        }
        return [by_id[i] for i in ids if i in by_id]

    def status_counts(self) -> dict[str, int]:
        """Number of cases per status, plus ``overdue`` (running clock, due date passed)."""
        today = datetime.now(LOCAL_TZ).date()
        with self.db.session() as session:
            counts = {s.value: 0 for s in Status}
            for status, count in session.execute(select(CaseStatusCount.status, CaseStatusCount.n)):
                counts[status] = int(count)
            counts["overdue"] = int(
                session.execute(
                    select(func.count(Case.id)).where(
                        Case.status.in_([s.value for s in CLOCK_RUNNING]), Case.due_date < today
                    )
                ).scalar_one()
            )
        return counts

    def detail(self, ref: str | int) -> CaseDetail:
        with self.db.session() as session:
            case = session.execute(
                (select(Case).where(Case.id == ref) if isinstance(ref, int) else
                 select(Case).where(Case.dossier_code == ref))
                .options(selectinload(Case.attachments), selectinload(Case.findings),
                         selectinload(Case.events).selectinload(CaseEvent.officer))
            ).scalar_one_or_none()
            if case is None:
                raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=str(ref)))
            row = self.rows([case.id])[0]
            officers = {o.id: o.username for o in session.execute(select(Officer)).scalars()}
            return CaseDetail(
                row=row,
                version=case.version,
                dossier=json.loads(case.dossier_json),
                attachments=tuple(
                    AttachmentView(a.id, a.doc_type, a.kind, a.quantity, a.presented_only, a.certified,
                                   a.file_name, a.content_sha256, a.size, a.media_type, dict(a.fields_json or {}),
                                   dict(a.provenance_json or {}), dict(a.ocr_json or {}))
                    for a in case.attachments
                ),
                findings=tuple(
                    FindingView(f.id, f.code, f.severity, f.target, f.message_vi, f.message_en, f.evidence,
                                f.suggestion, f.source, f.decision,
                                officers.get(f.decided_by) if f.decided_by else None, f.decided_at,
                                f.decision_reason, f.evidence_en, f.suggestion_en)
                    for f in sorted(case.findings, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), f.id))
                    if not f.superseded
                ),
                events=tuple(
                    EventView(e.at, e.officer.username if e.officer else None, e.action, e.from_status,
                              e.to_status, e.reason)
                    for e in case.events
                ),
                allowed_actions=tuple(a.value for a in allowed_actions(case.status)),
                fee_vnd=case.fee_vnd,
                appointment_at=case.appointment_at,
                register_book=case.register_book,
                register_number=case.register_number,
                receipt_issued_at=case.receipt_issued_at,
                warnings=tuple(w for w in (self.calendar_warning(case.due_date),) if w),
            )

    def attachment_bytes(self, content_sha256: str) -> bytes:
        with self.db.session() as session:
            return self.attachments.get(session, content_sha256)

    def open_duplicates_view(self, session: Session) -> Callable[[str, str, str, str | None], list[str]]:
        """A query for the screening engine: open dossiers with the same procedure, ID and subject."""

        def find(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
            query = select(Case.dossier_code).where(
                Case.procedure_code == procedure_code,
                Case.applicant_id_number == id_number,
                Case.subject_key == subject_key,
                Case.status.notin_([s.value for s in CLOSED_STATUSES]),
            )
            if exclude_code:
                query = query.where(Case.dossier_code != exclude_code)
            return list(session.execute(query.limit(10)).scalars())

        return find

    # ------------------------------------------------------------------ export

    def export(self, out_dir: Path, statuses: Sequence[str] = (), progress: Progress | None = None) -> list[str]:
        """Write ``DIR/<code>/application.json`` (current values) with the attachments beside it."""
        for status in statuses:
            if status not in {s.value for s in Status}:
                raise InputError(_("Trạng thái không hợp lệ: {status}", status=status))
        out_dir = Path(out_dir)
        exported: list[str] = []
        last_id = 0
        while True:
            with self.db.session() as session:
                query = select(Case).where(Case.id > last_id).order_by(Case.id).limit(500)
                if statuses:
                    query = query.where(Case.status.in_(list(statuses)))
                batch = list(session.execute(query.options(selectinload(Case.attachments))).scalars())
                if not batch:
                    break
                for case in batch:
                    if progress is not None and progress.cancelled():
                        return exported
                    folder = out_dir / _safe_folder_name(case.dossier_code)
                    for attachment in case.attachments:
                        if attachment.file_name and attachment.content_sha256:
                            target = (folder / attachment.file_name).resolve()
                            if not target.is_relative_to(folder.resolve()):
                                continue
                            data = self.attachments.get(session, attachment.content_sha256)
                            write_bytes_atomic(target, data)
                    write_text_atomic(
                        folder / "application.json",
                        json.dumps(json.loads(case.dossier_json), ensure_ascii=False, indent=2) + "\n",
                    )
                    exported.append(case.dossier_code)
                last_id = batch[-1].id
        return exported


def search_keys(text: str) -> list[str]:
    """The folded forms of what the officer typed, as stored in the search terms.

    Digits typed with spaces or dots may be a phone or ID number (0912.345.678) or the start of a
    dossier code (000.00.01): both readings are searched.
    """
    folded = fold(text)
    keys = [folded] if folded else []
    compact = folded.replace(" ", "").replace(".", "")
    if compact.lstrip("+").isdigit():
        digits_key = normalise_phone_digits(compact)
        if digits_key and digits_key not in keys:
            keys.insert(0, digits_key)
    return keys


def _term_ranges(keys: Sequence[str]) -> Any:
    return or_(*[and_(CaseSearchTerm.term >= key, CaseSearchTerm.term < key + "\uffff") for key in keys])


def _safe_folder_name(code: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in code)


def _media_type(name: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    return {
        ".pdf": "application/pdf",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".tif": "image/tiff",
        ".tiff": "image/tiff",
    }.get(suffix, "application/octet-stream")


__all__ = [
    "CaseDetail",
    "CaseRow",
    "CaseService",
    "ImportReport",
    "QueueFilter",
    "case_search_terms",
]
