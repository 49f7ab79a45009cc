"""The one place that writes ``Case`` rows: lookup, timeline events, numbering, derived columns, clock guard.

The parts of the case service (intake, lifecycle, findings, receipts) change cases only through a
``CaseRepository``; it holds no session of its own: every method works in the caller's transaction
(except the clock checks, which read in a short session of their own).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from officer_desk.accounts.roles import Permission
from officer_desk.attachments import AttachmentStore
from officer_desk.audit import audit
from officer_desk.cases.terms import replace_case_terms
from officer_desk.catalogue import Procedure
from officer_desk.dossier import LOCAL_TZ, Dossier
from officer_desk.errors import ClockError, ConflictError, DeskError, NotFoundError, UnknownProcedureError
from officer_desk.i18n import _
from officer_desk.models import (
    Attachment,
    Case,
    CaseEvent,
    DeskSetting,
    DossierSequence,
    Officer,
    OutboxItem,
    RegisterSequence,
)
from officer_desk.models.event_clock import advance_checkpoint, newest_event
from officer_desk.models.session import Database
from officer_desk.screening.service import ScreeningContext
from officer_desk.text import digits
from officer_desk.vocabulary import SEVERITY_RANK, Decision
from officer_desk.workdays import WorkingCalendar, compute_due_date

CLOCK_TOLERANCE = timedelta(minutes=5)


def due_date_for(procedure: Procedure, received_at: datetime, calendar: WorkingCalendar,
                 dossier: Dossier | None = None) -> date:
    """The due date by the rules in force on the receipt date (and the dossier's same-day sub-case); apart
    from the repository so the demo's worker processes compute it with no database."""
    procedure = procedure.for_dossier(dossier, received_at.astimezone(LOCAL_TZ).date())
    return compute_due_date(
        received_at.astimezone(LOCAL_TZ),
        procedure.processing_unit,
        procedure.processing_days,
        calendar,
        procedure.same_day_cutoff,
    )


class DeskContext(ScreeningContext, Protocol):
    """What the case services need from the open desk (``officer_desk.desk.Desk`` provides it)."""

    @property
    def db(self) -> Database: ...
    @property
    def officer(self) -> str: ...
    @property
    def officer_name(self) -> str: ...
    @property
    def set_up(self) -> bool: ...
    def require(self, permission: Permission) -> None: ...


def now_utc() -> datetime:
    return datetime.now(UTC)


class FindingState(Protocol):
    """What ``severity_summary`` reads of a finding (a ``Finding`` row, or a new case's finding)."""

    @property
    def severity(self) -> str: ...
    @property
    def decision(self) -> str: ...
    @property
    def superseded(self) -> bool: ...


def severity_summary(findings: Iterable[FindingState]) -> tuple[str | None, int]:
    """(worst severity, count) of the current findings that still stand: undecided or confirmed.

    A confirmed defect keeps the case's severity (the dossier still has it); an overridden hint does not.
    """
    open_findings = [f for f in findings if not f.superseded
                     and Decision.parse(f.decision) in (Decision.OPEN, Decision.CONFIRMED)]
    if not open_findings:
        return None, 0
    worst = max(open_findings, key=lambda f: SEVERITY_RANK.get(f.severity, 0)).severity
    return worst, len(open_findings)


def media_type(name: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    return {
        ".pdf": "application/pdf",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".tif": "image/tiff",
        ".tiff": "image/tiff",
    }.get(suffix, "application/octet-stream")


class CaseRepository:
    """Reads and writes of ``Case`` rows and their timeline, in the caller's session."""

    def __init__(self, desk: DeskContext) -> None:
        self.desk = desk
        self.db = desk.db
        self.attachments = AttachmentStore(desk.db)

    # ------------------------------------------------------------------ lookups

    def officer(self, session: Session, username: str | None = None) -> Officer:
        """The officer row for ``username`` (default: who is working), created on first use."""
        acting = username is None or username == self.desk.officer
        username = username or self.desk.officer
        if not username:  # a set-up desk before anyone signed in
            self.desk.require(Permission.CASE_WORK)
        officer = session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none()
        if officer is None:
            if self.desk.set_up:  # issue 9: on a set-up desk only accounts act or receive cases
                raise NotFoundError(_("Không có tài khoản {user}", user=username))
            officer = Officer(username=username, full_name=self.desk.officer_name if acting else username)
            session.add(officer)
            session.flush()
        return officer

    def case(self, session: Session, ref: str | int, lock: bool = False) -> Case:
        """The case by id or dossier code (row-locked on PostgreSQL when ``lock``)."""
        query = select(Case)
        query = query.where(Case.id == ref) if isinstance(ref, int) else query.where(Case.dossier_code == ref)
        if lock and session.bind is not None and session.bind.dialect.name == "postgresql":
            query = query.with_for_update()
        case = session.execute(query).scalar_one_or_none()
        if case is None:
            raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=str(ref)))
        return case

    def check_lock_holder(self, case: Case, officer: Officer) -> None:
        """Only the officer a case is assigned to may change it."""
        if case.assigned_officer_id is not None and case.assigned_officer_id != officer.id:
            holder = case.assigned_officer.username if case.assigned_officer else "?"
            raise ConflictError(
                _("Hồ sơ {code} đang được giao cho {holder}", code=case.dossier_code, holder=holder)
            )

    def event(
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
        """One timeline entry, its audit record and (local desks) its outbox item, in one transaction."""
        session.add(
            CaseEvent(
                case=case,
                at=now_utc(),
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

    # ------------------------------------------------------------------ procedure rules

    def procedure(self, code: str) -> Procedure:
        procedure = self.desk.catalogue.find(code)
        if procedure is None:
            raise UnknownProcedureError(_("Thủ tục {code} không có trong danh mục", code=code))
        return procedure

    def due_date_for(self, procedure: Procedure, received_at: datetime, dossier: Dossier | None = None) -> date:
        """The due date by the rules in force on the receipt date (and the dossier's same-day sub-case)."""
        return due_date_for(procedure, received_at, self.desk.calendar, dossier)

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
        # Each dialect's INSERT .. ON CONFLICT is imported when used: the PostgreSQL dialect alone costs
        # about 0.1 s of start-up, and a local desk never needs it.
        if session.get_bind().dialect.name == "postgresql":
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
        """The newest event time stored (on SQLite from a checkpoint and the events after it: event_clock)."""
        return newest_event(session).at

    def clock_problem(self) -> datetime | None:
        """The newest stored event time when the PC clock is behind it (and not yet confirmed)."""
        with self.db.session() as session:
            found = newest_event(session)
            problem = self._clock_problem(session, found.at)
        if found.worth_advancing:  # after the check's own transaction, and only if the file is free now
            advance_checkpoint(self.db.engine)
        return problem

    @staticmethod
    def _clock_problem(session: Session, newest: datetime | None) -> datetime | None:
        if newest is None or now_utc() + CLOCK_TOLERANCE >= newest:
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

    # ------------------------------------------------------------------ documents issued for a case

    def record_receipt(
        self, session: Session, ref: str | int, register_book: str, register_number: int, appointment: datetime,
        issued_at: datetime,
    ) -> Case:
        """The receipt's register entry, appointment and issue time (the receipt PDF exists by now)."""
        case = self.case(session, ref)
        case.register_book = register_book
        case.register_number = register_number
        case.appointment_at = appointment
        case.receipt_issued_at = issued_at
        return case

    def reschedule(self, session: Session, ref: str | int, appointment: datetime, reason: str = "") -> Case:
        """A new appointment for returning the result (the apology notice): the due date moves with it,
        and the change is on the case's timeline and in the audit log."""
        case = self.case(session, ref, lock=True)
        old_due = case.due_date
        case.appointment_at = appointment
        case.due_date = appointment.astimezone(LOCAL_TZ).date()
        self.event(session, case, self.officer(session), "rescheduled", reason=reason,
                   old_due_date=old_due.isoformat() if old_due else None, new_due_date=case.due_date.isoformat())
        return case

    # ------------------------------------------------------------------ derived columns

    def fill_case(self, case: Case, parsed: Dossier, procedure: Procedure, dossier_obj: dict[str, Any]) -> None:
        """The columns a case derives from its dossier record."""
        for column, value in self.case_values(parsed, procedure, dossier_obj).items():
            setattr(case, column, value)

    def case_values(self, parsed: Dossier, procedure: Procedure, dossier_obj: dict[str, Any]) -> dict[str, Any]:
        """The columns a case derives from its dossier record, by name (``fill_case``, a new case's row)."""
        applicant = parsed.applicant
        return {
            "procedure_code": procedure.code,
            "channel": parsed.channel,
            "applicant_name": applicant.full_name[:200],
            "applicant_id_number": digits(applicant.id_number)[:32] or applicant.id_number[:32],
            "applicant_phone": applicant.phone[:32],
            "subject_key": procedure.subject_key(parsed),
            "dossier_json": json.dumps(dossier_obj, ensure_ascii=False),
            "fee_vnd": self.fee_for(procedure, parsed.channel),
        }

    def replace_terms(self, session: Session, case: Case) -> None:
        """The case's search terms, rebuilt from its current name, ID, phone and code."""
        session.flush()
        replace_case_terms(session, case)

    def store_attachments(self, session: Session, case: Case, parsed: Dossier, files: dict[int, bytes]) -> None:
        """Attachment rows for the dossier's items, their bytes in the encrypted store."""
        for values in self.attachment_values(session, parsed, files):
            case.attachments.append(Attachment(**values))

    def attachment_values(self, session: Session, parsed: Dossier, files: dict[int, bytes]) -> list[dict[str, Any]]:
        """The columns of the dossier's attachment rows (their bytes put in the encrypted store now)."""
        values = []
        for index, item in enumerate(parsed.attachments):
            data = files.get(index)
            digest = self.attachments.put(session, data) if data is not None else None
            values.append({
                "position": index,
                "doc_type": item.doc_type,
                "kind": item.kind,
                "quantity": item.quantity,
                "presented_only": item.presented_only,
                "certified": item.certified,
                "file_name": item.file,
                "content_sha256": digest,
                "size": len(data) if data is not None else None,
                "media_type": media_type(item.file) if item.file else None,
                "fields_json": item.fields,
                # OCR (issue 14): every value says where it came from (stated, else the channel's default).
                "provenance_json": {str(k): item.source_of(str(k), parsed.channel) for k in item.fields},
                "ocr_json": item.ocr,
            })
        return values
