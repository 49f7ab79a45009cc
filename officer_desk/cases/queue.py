"""Queue queries and search: one page of case ids, rows, counts, a case's detail (SQL does the work).

The window's queue model and the CLI's ``list``/``search``/``show`` read cases only through here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, func, literal, select, union_all
from sqlalchemy.orm import Session, selectinload

from officer_desk import dossier as dossier_format
from officer_desk.cases.repository import CaseRepository
from officer_desk.cases.terms import search_keys, term_ranges
from officer_desk.cases.views import AttachmentView, CaseDetail, CaseRow, EventView, FindingView, QueueFilter
from officer_desk.catalogue.fees import quote
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import DossierFormatError, NotFoundError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOCK_RUNNING, Status, allowed_actions
from officer_desk.models import (
    Case,
    CaseDueCount,
    CaseEvent,
    CaseSearchTerm,
    CaseStatusCount,
    Officer,
    OutboxItem,
    SyncConflict,
)
from officer_desk.vocabulary import SEVERITY_RANK, Decision

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
# The display join for the officer column, aliased so a filter by officer (which joins Officer itself)
# can sit in the same statement.
_SHOWN_OFFICER = Officer.__table__.alias("shown_officer")
# Exactly the columns the queue view shows, in CaseRow's order.
_ROW_COLUMNS = (
    Case.id, Case.dossier_code, Case.applicant_name, Case.procedure_code, Case.channel,
    Case.received_at, Case.due_date, Case.status, _SHOWN_OFFICER.c.username, Case.worst_severity,
    Case.open_finding_count, Case.receipt_issued_at,
)


def _case_row(row: Sequence[Any]) -> CaseRow:
    return CaseRow(
        id=row[0], dossier_code=row[1], applicant_name=row[2], procedure_code=row[3], channel=row[4],
        received_at=row[5], due_date=row[6], status=row[7], assigned_officer=row[8],
        worst_severity=row[9], open_finding_count=row[10], receipt_issued=row[11] is not None,
    )


def _order(flt: QueueFilter) -> list[Any]:
    column = SORT_COLUMNS.get(flt.sort, Case.received_at)
    return [column.desc(), Case.id.desc()] if flt.descending else [column.asc(), Case.id.asc()]


class CaseQueue:
    """Read-only queries over the cases, filtered and sorted in SQL on indexed columns."""

    def __init__(self, repository: CaseRepository) -> None:
        self.repository = repository

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
            soon = self.repository.desk.calendar.add_working_days(today, 1)
            query = query.where(
                Case.status.in_([s.value for s in CLOCK_RUNNING]), Case.due_date >= today, Case.due_date <= soon
            )
        text = flt.text.strip()
        if text:
            query = query.where(Case.id.in_(self._search_subquery(text)))
        return query

    def _search_subquery(self, text: str) -> Select[Any]:
        return select(CaseSearchTerm.case_id).where(term_ranges(search_keys(text))).distinct()

    def _connect(self) -> Connection:
        """A plain Core connection for the read-only queue paths: rows come back as tuples, with no
        ORM session, identity map or entity loading per row (the window asks on every keystroke)."""
        return self.repository.db.read_connection()

    def list_ids(self, flt: QueueFilter, offset: int = 0, limit: int = 200) -> list[int]:
        """Ids of one page of the queue, filtered and sorted in SQL."""
        with self._connect() as connection:
            query = self._filtered(select(Case.id), flt).order_by(*_order(flt)).offset(offset).limit(limit)
            return list(connection.execute(query).scalars().all())

    def page(self, flt: QueueFilter, offset: int = 0, limit: int = 50) -> list[CaseRow]:
        """One page of queue rows, filtered, sorted and cut in SQL in a single statement (the window's
        visible rows: ids and shown columns together, no second lookup by id)."""
        query = (
            self._filtered(select(*_ROW_COLUMNS), flt)
            .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id)
            .order_by(*_order(flt)).offset(offset).limit(limit)
        )
        with self._connect() as connection:
            return [_case_row(row) for row in connection.execute(query)]

    def count(self, flt: QueueFilter) -> int:
        with self._connect() as connection:
            return int(connection.execute(self._filtered(select(func.count(Case.id)), flt)).scalar_one())

    def search(self, text: str, limit: int = 50) -> list[CaseRow]:
        """Diacritics-insensitive search over name, ID number, phone and dossier code."""
        return self.rows(self._search_ids(text, limit))

    def search_queue(self, flt: QueueFilter, limit: int = 200) -> tuple[list[int], bool]:
        """The queue's search-as-you-type: the first ``limit`` hits of the search index, then the queue's
        own filter and order applied in SQL (the same ``_filtered`` as the full queue, so the window never
        re-implements them). Returns the ids and whether the hits were cut at ``limit``."""
        with self._connect() as connection:
            return self._search_queue(flt, limit, connection)

    def search_page(self, flt: QueueFilter, limit: int = 200, shown: int = 50,
                    ) -> tuple[list[int], list[CaseRow], bool]:
        """``search_queue`` and the rows of its first ``shown`` ids in one connection (one checkout and one
        transaction per keystroke of the window's search, not two)."""
        with self._connect() as connection:
            ids, truncated = self._search_queue(flt, limit, connection)
            return ids, self._rows(ids[:shown], connection), truncated

    def _search_queue(self, flt: QueueFilter, limit: int, connection: Connection) -> tuple[list[int], bool]:
        candidates = self._search_ids(flt.text, limit, connection)
        if not candidates:
            return [], False
        unfiltered_text = replace(flt, text="")
        query = (self._filtered(select(Case.id), unfiltered_text).where(Case.id.in_(candidates))
                 .order_by(*_order(flt)))
        return list(connection.execute(query).scalars().all()), len(candidates) >= limit

    def _search_ids(self, text: str, limit: int, connection: Connection | None = None) -> list[int]:
        keys = search_keys(text)
        if not keys:
            return []
        if connection is None:
            with self._connect() as own:
                return self._search_ids(text, limit, own)
        ids: list[int] = []
        for key in keys:  # one index range per reading, best (digits) first
            ids += connection.execute(
                select(CaseSearchTerm.case_id)
                .where(term_ranges([key]))
                .order_by(CaseSearchTerm.term, CaseSearchTerm.case_id)
                .limit(limit * 4)
            ).scalars().all()  # one fetchall, not a fetchone per row
        return list(dict.fromkeys(ids))[:limit]

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        """Queue rows for ``ids``, in that order."""
        if not ids:
            return []
        with self._connect() as connection:
            return self._rows(ids, connection)

    def _rows(self, ids: Sequence[int], connection: Connection) -> list[CaseRow]:
        if not ids:
            return []
        result = connection.execute(
            select(*_ROW_COLUMNS)
            .select_from(Case)
            .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id)
            .where(Case.id.in_(list(ids)))
        ).all()
        by_id = {row[0]: _case_row(row) for row in result}
        return [by_id[i] for i in ids if i in by_id]

    def status_counts(self) -> dict[str, int]:
        """Number of cases per status, plus ``overdue`` (running clock, due date passed) and ``due_today``."""
        today = datetime.now(LOCAL_TZ).date()
        with self.repository.db.read_session() as session:
            counts = {s.value: 0 for s in Status}
            running = [s.value for s in CLOCK_RUNNING]
            if session.get_bind().dialect.name == "postgresql":
                # One round trip: the per-status counters and the per-due-date counters (migration 0012),
                # a few hundred rows whatever the number of cases.
                due = func.coalesce(func.sum(CaseDueCount.n), 0)
                query = union_all(
                    select(CaseStatusCount.status, CaseStatusCount.n),
                    select(literal("overdue"), due).where(CaseDueCount.due_date < today),
                    select(literal("due_today"), due).where(CaseDueCount.due_date == today),
                )
                counts.update({str(key): int(n) for key, n in session.execute(query)})
                return counts
            for status, count in session.execute(select(CaseStatusCount.status, CaseStatusCount.n)):
                counts[status] = int(count)
            counts["overdue"] = int(session.execute(select(func.count(Case.id)).where(
                Case.status.in_(running), Case.due_date < today)).scalar_one())
            counts["due_today"] = int(session.execute(select(func.count(Case.id)).where(
                Case.status.in_(running), Case.due_date == today)).scalar_one())
        return counts

    def detail(self, ref: str | int) -> CaseDetail:
        with self.repository.db.session() as session:
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
                              e.to_status, e.reason, e.officer.full_name if e.officer else None)
                    for e in case.events
                ),
                allowed_actions=tuple(a.value for a in allowed_actions(case.status)),
                fee_vnd=case.fee_vnd,
                appointment_at=case.appointment_at,
                register_book=case.register_book,
                register_number=case.register_number,
                receipt_issued_at=case.receipt_issued_at,
                warnings=tuple(w for w in (self.repository.calendar_warning(case.due_date),
                                           sync_conflict_warning(session, case.dossier_code)) if w),
                **self._fee_basis(case),
            )

    def _fee_basis(self, case: Case) -> dict[str, str]:
        """How the case's fee is computed (the late fee when its late-registration hint stands)."""
        procedure = self.repository.desk.catalogue.find(case.procedure_code)
        if procedure is None:
            return {}
        try:
            parsed = dossier_format.parse(json.loads(case.dossier_json))
        except (ValueError, DossierFormatError):
            return {}
        day = (case.received_at or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).date()
        late = any(f.code == "LATE_REGISTRATION" and not f.superseded
                   and Decision.parse(f.decision) != Decision.OVERRIDDEN
                   for f in case.findings)
        result = quote(procedure.for_dossier(parsed, day), parsed, case.channel, self.repository.desk.config.fees,
                       day, late=late)
        return {"fee_basis_vi": result.basis_vi, "fee_basis_en": result.basis_en}

    def active_officers(self) -> list[tuple[str, str]]:
        """(username, full name) of every active officer, by username (for assignment pickers)."""
        with self.repository.db.session() as session:
            rows = session.execute(
                select(Officer.username, Officer.full_name).where(Officer.active).order_by(Officer.username)
            ).all()
        return [(str(username), str(full_name or "")) for username, full_name in rows]

    def pending_outbox_count(self) -> int:
        """Changes waiting to be pushed to the shared database (local desks)."""
        if not self.repository.db.is_local:
            return 0
        with self.repository.db.session() as session:
            return int(session.execute(
                select(func.count(OutboxItem.id)).where(OutboxItem.status == "pending")
            ).scalar_one())


def sync_conflict_warning(session: Session, code: str) -> str | None:
    """The case is flagged while a sync conflict waits (issue 12): neither version is dropped until decided."""
    open_conflict = session.execute(select(SyncConflict.id).where(
        SyncConflict.dossier_code == code, SyncConflict.resolved_at.is_(None)).limit(1)).scalar()
    if open_conflict is None:
        return None
    return _("Xung đột đồng bộ: quầy này và máy chủ đã sửa khác nhau; lãnh đạo bộ phận chọn giữ bản nào "
             "(Công cụ → Tình trạng đồng bộ)")
