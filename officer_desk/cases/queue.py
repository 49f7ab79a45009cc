"""Queue queries and search: one page of case ids, rows, counts, a case's detail (SQL does the work).

The window's queue model and the CLI's ``list``/``search``/``show`` read cases only through here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, selectinload

from officer_desk import dossier as dossier_format
from officer_desk.cases.compiled import CompiledReads, inner_page
from officer_desk.cases.repository import CaseRepository
from officer_desk.cases.search_reads import candidate_ids, ordered_ids, rows_by_id
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
# The queue's hot statements, compiled once per process and shape (see ``CompiledRead``).
_COMPILED = CompiledReads()
# Sorts whose column is never NULL and shown in the row (``CaseRow`` attribute): the page after a loaded one
# can seek past that page's last row in the sort index instead of counting an OFFSET (``page_after``).
KEYSET_SORTS = {"dossier_code": "dossier_code", "applicant_name": "applicant_name",
                "procedure_code": "procedure_code", "channel": "channel", "received_at": "received_at",
                "status": "status", "worst_severity": "open_finding_count"}
# From this offset on a page walks the ids in the sort index alone (a subquery) and reads only the page's rows
# whole (``_deep_page``; with search text: ids, then rows by id). Selecting the shown columns while skipping
# would read every skipped row whole (wide rows: 12 s for the last page of 1,000,000 cases on
# SQLite, 0.12 s in two steps; already 17 ms against 4 ms at offset 1,000), so the window's jump to the end
# or the middle of the queue stays a fraction of a second. Nearer the top one statement is the cheaper.
DEEP_PAGE_OFFSET = 200
# Due-date windows (due today, due soon) on PostgreSQL take that path from the first page: their cases are
# found by due date but shown newest first, so one statement reads every case of the window whole (1,720 at
# 1,000,000 cases in the benchmark, planned for 60) to sort them; walking their ids first sorts index
# entries and reads 50 rows (due soon, first page: p95 4.03 -> 1.63 ms; bench/README.md, session 7). SQLite
# reads each case's received_at from the table either way.
DUE_WINDOWS = ("today", "soon")
# The running cases in the queue's default order with their due dates (partial: PostgreSQL 0017, SQLite 0029).
RUNNING_QUEUE_INDEX = "ix_cases_running_received"


def _case_row(row: Sequence[Any]) -> CaseRow:
    return CaseRow(
        id=row[0], dossier_code=row[1], applicant_name=row[2], procedure_code=row[3], channel=row[4],
        received_at=row[5], due_date=row[6], status=row[7], assigned_officer=row[8],
        worst_severity=row[9], open_finding_count=row[10], receipt_issued=row[11] is not None,
    )


def _shape(flt: QueueFilter) -> tuple[Any, ...]:
    """What a filter's statement depends on besides its bound values (the key of its compiled statement)."""
    return (tuple(str(s) for s in flt.statuses), bool(flt.procedure_code), bool(flt.channel), bool(flt.officer),
            flt.due, flt.sort, flt.descending)


def _rows_statement(condition: Any) -> Select[Any]:
    """The queue's row columns of the cases that meet ``condition``."""
    return (select(*_ROW_COLUMNS).select_from(Case)
            .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id).where(condition))


def _on_running_index(query: Select[Any], flt: QueueFilter) -> Select[Any]:
    """A due-date page (overdue, due today, due soon) in the default order reads the running cases' index on
    SQLite: walked backward with the date checked in it, only the shown rows read (overdue at 1,000,000 cases:
    41.7 -> 0.47 ms a page). Pinned because SQLite's planner prefers the (status, due date) index it can search by,
    and then reads and sorts every matching case. ``query`` must hold the due filter's running-status term,
    which lets SQLite use the partial index. PostgreSQL's planner takes the index by itself."""
    if flt.due and SORT_COLUMNS.get(flt.sort, Case.received_at) is Case.received_at:
        return query.with_hint(Case, f"INDEXED BY {RUNNING_QUEUE_INDEX}", "sqlite")
    return query


def _order(flt: QueueFilter) -> list[Any]:
    column = SORT_COLUMNS.get(flt.sort, Case.received_at)
    return [column.desc(), Case.id.desc()] if flt.descending else [column.asc(), Case.id.asc()]


# Sorted: one order keeps the SQL text, and so the server's prepared statements, the same in every process.
_RUNNING = tuple(sorted(s.value for s in CLOCK_RUNNING))


def _status_in(statuses: Sequence[str]) -> Any:
    """``status IN (...)`` with the statuses written into the SQL as constants: they are part of a filter's
    shape anyway, and PostgreSQL can then match a prepared statement to a partial index on the running
    statuses (migration 0017) and use the status statistics even in a generic plan."""
    values = [str(s) for s in statuses]
    return Case.status.in_(bindparam("statuses", values, expanding=True, literal_execute=True, unique=True))


def _counts_statement(postgresql: bool) -> tuple[CompoundSelect[Any], list[str]]:
    """The status counts as one statement: the per-status counters, then the overdue and due-today counts —
    on PostgreSQL from the per-due-date counters (migration 0012: a few hundred rows whatever the number of
    cases), elsewhere counted on the (status, due date) index."""
    today = bindparam("today", datetime.now(LOCAL_TZ).date(), type_=Case.due_date.type)
    if postgresql:
        due = func.coalesce(func.sum(CaseDueCount.n), 0)
        overdue = select(literal("overdue"), due).where(CaseDueCount.due_date < today)
        due_today = select(literal("due_today"), due).where(CaseDueCount.due_date == today)
    else:
        running = _status_in(_RUNNING)
        overdue = select(literal("overdue"), func.count(Case.id)).where(running, Case.due_date < today)
        due_today = select(literal("due_today"), func.count(Case.id)).where(running, Case.due_date == today)
    return union_all(select(CaseStatusCount.status, CaseStatusCount.n), overdue, due_today), ["today"]


class CaseQueue:
    """Read-only queries over the cases, filtered and sorted in SQL on indexed columns."""

    def __init__(self, repository: CaseRepository) -> None:
        self.repository = repository

    def _filter_values(self, flt: QueueFilter) -> dict[str, Any]:
        """The values a filter binds (named like the statement's parameters, see ``_filtered``)."""
        today = datetime.now(LOCAL_TZ).date()
        values: dict[str, Any] = {"procedure_code": flt.procedure_code, "channel": flt.channel,
                                  "officer": flt.officer, "today": today}
        if flt.due == "soon":
            values["soon"] = self.repository.desk.calendar.add_working_days(today, 1)
        return values

    def _filtered(self, query: Select[Any], flt: QueueFilter, values: dict[str, Any] | None = None) -> Select[Any]:
        """``query`` filtered by ``flt``: its varying values as named parameters (``_filter_values``), so one
        statement serves every call of the same shape (see ``page``)."""
        values = self._filter_values(flt) if values is None else values

        def bound(name: str, type_: Any = None) -> Any:
            return bindparam(name, values.get(name), type_=type_)

        if flt.statuses:
            query = query.where(_status_in(flt.statuses))
        if flt.procedure_code:
            query = query.where(Case.procedure_code == bound("procedure_code", Case.procedure_code.type))
        if flt.channel:
            query = query.where(Case.channel == bound("channel", Case.channel.type))
        if flt.officer:
            query = query.join(Officer, Officer.id == Case.assigned_officer_id).where(
                Officer.username == bound("officer", Officer.username.type)
            )
        running = _status_in(_RUNNING)
        day = Case.due_date.type  # bound as the column stores it (a day number on SQLite)
        if flt.due == "overdue":
            query = query.where(running, Case.due_date < bound("today", day))
        elif flt.due == "today":
            query = query.where(running, Case.due_date == bound("today", day))
        elif flt.due == "soon":
            query = query.where(running, Case.due_date >= bound("today", day),
                                Case.due_date <= bound("soon", day))
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
        visible rows: ids and shown columns together, no second lookup by id; far down, and for the due-date
        windows on PostgreSQL, ``_deep_page``). Without
        search text the statement is compiled once per filter shape (``CompiledRead``): one round trip and
        little Python."""
        if flt.text.strip():
            if offset >= DEEP_PAGE_OFFSET:
                return self.rows(self.list_ids(flt, offset, limit))
            query = (
                self._filtered(select(*_ROW_COLUMNS), flt)
                .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id)
                .order_by(*_order(flt)).offset(offset).limit(limit)
            )
            with self._connect() as connection:
                return [_case_row(row) for row in connection.execute(query).all()]
        shape = _shape(flt)
        values = self._filter_values(flt)
        if offset >= DEEP_PAGE_OFFSET or (flt.due in DUE_WINDOWS and not self.repository.db.is_local):
            return self._deep_page(flt, shape, values, offset, limit)

        def build() -> tuple[Select[Any], list[str]]:
            query = _on_running_index(
                self._filtered(select(*_ROW_COLUMNS), flt, values)
                .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id)
                .order_by(*_order(flt)), flt)
            return query, [name for name in query.compile().binds if name in values]

        with self._connect() as connection:
            statement = _COMPILED.get(("page", *shape), connection.dialect, build)
            rows = statement.rows(connection, values, limit=limit, offset=offset)
        return [_case_row(row) for row in rows]

    def _deep_page(self, flt: QueueFilter, shape: tuple[Any, ...], values: dict[str, Any], offset: int,
                   limit: int) -> list[CaseRow]:
        """A page far down (a jump of the scroll bar): the page's ids walked in the sort index alone (a
        subquery), and only those rows read whole. One statement compiled once per shape: at 1,000,000 cases on
        PostgreSQL, 1,000 rows down, the id walk is an index-only scan of 0.3-0.8 ms (migration 0025) and
        building the statement per call, or a second round trip for the rows, cost more than the walk."""

        def build() -> tuple[Select[Any], list[str]]:
            order = _order(flt)
            ids = inner_page(_on_running_index(
                self._filtered(select(Case.id.label("page_id")), flt, values).order_by(*order), flt))
            page = ids.subquery("page")
            query = (select(*_ROW_COLUMNS).select_from(Case).join(page, page.c.page_id == Case.id)
                     .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id)
                     .order_by(*order))
            return query, [name for name in query.compile().binds if name in values]

        with self._connect() as connection:
            statement = _COMPILED.get(("deep_page", *shape), connection.dialect, build)
            return [_case_row(row) for row in statement.rows(connection, values, limit=limit, offset=offset)]

    def page_after(self, flt: QueueFilter, after: CaseRow, limit: int = 50) -> list[CaseRow] | None:
        """The page that follows ``after`` (the last row of a loaded page) in the queue's order, or None when
        the sort cannot seek (a column that may be NULL or is not in the row; search text: its ids are known).

        The same rows as ``page`` at the next offset while the queue is unchanged, read by a seek in the sort
        index past ``after`` (sort value, then id) instead of an OFFSET that walks every row above: at
        1,000,000 cases on PostgreSQL a page 1,000 rows down costs p95 3.6-4.4 ms by OFFSET and 1.5-2.4 ms
        after the page above it (bench/README.md). The window scrolls page after page."""
        attribute = KEYSET_SORTS.get(flt.sort)
        if attribute is None or flt.text.strip():
            return None
        column = SORT_COLUMNS[flt.sort]
        values = self._filter_values(flt)
        values.update(after_value=getattr(after, attribute), after_id=after.id)

        def build() -> tuple[Select[Any], list[str]]:
            value = bindparam("after_value", values["after_value"], type_=column.type)
            case_id = bindparam("after_id", values["after_id"], type_=Integer())
            # "value <= v" alone is the index range the planner seeks; the rest drops the ties already shown.
            past = (and_(column <= value, or_(column < value, Case.id < case_id)) if flt.descending
                    else and_(column >= value, or_(column > value, Case.id > case_id)))
            query = _on_running_index(
                self._filtered(select(*_ROW_COLUMNS), flt, values).where(past)
                .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id)
                .order_by(*_order(flt)), flt)
            return query, [name for name in query.compile().binds if name in values]

        with self._connect() as connection:
            statement = _COMPILED.get(("page_after", *_shape(flt)), connection.dialect, build)
            rows = statement.rows(connection, values, limit=limit)
        return [_case_row(row) for row in rows]

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
        values = self._filter_values(unfiltered_text)

        def build(condition: Any) -> Select[Any]:
            return self._filtered(select(Case.id), unfiltered_text, values).where(condition).order_by(*_order(flt))

        ids = ordered_ids(connection, _shape(flt), values, candidates, build)
        return ids, len(candidates) >= limit

    def _search_ids(self, text: str, limit: int, connection: Connection | None = None) -> list[int]:
        keys = search_keys(text)
        if not keys:
            return []
        if connection is None:
            with self._connect() as own:
                return self._search_ids(text, limit, own)
        # One index range per reading, best (digits) first; 4x the limit per range, as a case has several terms.
        return candidate_ids(connection, keys, limit, limit * 4)

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        """Queue rows for ``ids``, in that order."""
        if not ids:
            return []
        with self._connect() as connection:
            return self._rows(ids, connection)

    def _rows(self, ids: Sequence[int], connection: Connection) -> list[CaseRow]:
        if not ids:
            return []
        result = rows_by_id(connection, ids, _rows_statement)
        by_id = {row[0]: _case_row(row) for row in result}
        return [by_id[i] for i in ids if i in by_id]

    def status_counts(self) -> dict[str, int]:
        """Number of cases per status, plus ``overdue`` (running clock, due date passed) and ``due_today``:
        one statement, compiled once (``CompiledRead``), on a plain read connection."""
        today = datetime.now(LOCAL_TZ).date()
        counts = {s.value: 0 for s in Status}
        with self._connect() as connection:
            postgresql = connection.dialect.name == "postgresql"
            statement = _COMPILED.get(("status_counts",), connection.dialect, lambda: _counts_statement(postgresql))
            counts.update({str(key): int(n or 0) for key, n in statement.rows(connection, {"today": today})})
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
