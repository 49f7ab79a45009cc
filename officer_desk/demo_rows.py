"""The demo loader's rows, built apart from the database so that worker processes can build them while the
loading process writes (``officer-desk demo --cases 1000000``: generating, parsing and folding a million
dossiers is most of the work).

One chunk of ``DEMO_CHUNK`` dossiers is the unit: everything random in it comes from streams seeded by
(seed, chunk), and the only state carried from chunk to chunk, the portal numbering, is decided by the
loading process before the chunk is handed out. So a seed gives the same dossiers, codes, statuses and
officers whether the chunks are built in this process or in any number of workers (a test checks it).
Worker processes are started with ``spawn`` (the only start method on Windows; no forked database
connections or locks) and never touch the database: the loading process assigns ids and writes.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import secrets
import time
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy.engine import Dialect

from officer_desk.appointments import appointment_for
from officer_desk.cases.repository import due_date_for
from officer_desk.cases.terms import term_rows
from officer_desk.catalogue import Catalogue
from officer_desk.config import DeskConfig
from officer_desk.demo_data import DEMO_CHUNK, chunk_rng, demo_dossiers
from officer_desk.demo_files import sample_scan
from officer_desk.dossier import LOCAL_TZ, parse
from officer_desk.lifecycle import CLOCK_RUNNING
from officer_desk.models import Attachment, Case, CaseEvent, CaseSearchTerm
from officer_desk.models.bulk import Prepared, dialect_named, prepare_rows
from officer_desk.text import digits
from officer_desk.workdays import WorkingCalendar

# Below this many dossiers the chunks are built in the loading process (starting workers costs ~1 s each).
POOL_FROM = 20_000
NOT_ISSUED = frozenset({"received", "supplement_requested", "refused", "withdrawn"})


@dataclass(frozen=True)
class LoadContext:
    """What building a case row needs from the desk: no database, so it travels to worker processes."""

    catalogue: Catalogue
    config: DeskConfig
    calendar: WorkingCalendar
    dialect: str  # ``name+driver`` of the database's dialect: rows are prepared as its driver takes them


@dataclass(frozen=True)
class ChunkSpec:
    """One chunk to build: dossiers ``start`` to ``start + len(codes)`` of ``count``, with their codes."""

    seed: int
    chunk: int
    count: int
    spread: int
    today: date
    now: datetime
    codes: list[str]
    officer_ids: list[int]


@dataclass
class ChunkRows:
    """A built chunk, prepared for the driver (``models.bulk.prepare_rows``): the cases without their ids,
    and their search terms (in key order), events and papers (by case) with, in place of ``case_id``, the
    case's position in the chunk (the loader takes the ids when it writes). ``scans``: the generated scans
    the papers point to."""

    cases: Prepared
    terms: Prepared
    events: Prepared
    attachments: Prepared
    codes: list[str]
    statuses: list[str]
    scans: dict[str, str]  # doc_type -> title of the generated scan (sample_scan)
    first: int = 0  # position in the chunk of this part's first case

    def __len__(self) -> int:
        return len(self.codes)

    def part(self, first: int, end: int) -> ChunkRows:
        """Cases ``first`` to ``end`` with their rows (the loader writes a chunk in batches)."""
        if first == 0 and end >= len(self):
            return self

        def rows(prepared: Prepared) -> Prepared:
            low = bisect_left(prepared.values, first, key=itemgetter(0))
            high = bisect_left(prepared.values, end, key=itemgetter(0))
            return Prepared(prepared.table, prepared.columns, prepared.values[low:high])

        cases = Prepared(self.cases.table, self.cases.columns, self.cases.values[first:end])
        # the terms are in key order, not by case: picked by position, their order kept
        terms = Prepared(self.terms.table, self.terms.columns,
                         [values for values in self.terms.values if first <= values[0] < end])
        return ChunkRows(cases, terms, rows(self.events), rows(self.attachments), self.codes[first:end],
                         self.statuses[first:end], self.scans, first)


def build_chunk(context: LoadContext, spec: ChunkSpec) -> ChunkRows:
    """The rows of one chunk, exactly as the loader stores them (ids and scan digests aside)."""
    rng = chunk_rng("desk", spec.seed, spec.chunk)
    start = spec.chunk * DEMO_CHUNK
    cases: list[dict[str, Any]] = []
    sources: list[tuple[int, str, str, str, str]] = []  # what each case's search terms are made of
    events: list[dict[str, Any]] = []
    papers: list[dict[str, Any]] = []
    scans: dict[str, str] = {}
    today = spec.now.astimezone(LOCAL_TZ).date()
    pairs = demo_dossiers(context.catalogue, spec.count, spec.seed, spec.today, spec.spread,
                          start=start, stop=start + len(spec.codes))
    for position, ((dossier, status), code) in enumerate(zip(pairs, spec.codes, strict=True)):
        dossier["dossier_code"] = code
        parsed = parse(dossier)
        procedure = context.catalogue.get(parsed.procedure_code)
        assert parsed.received_at is not None
        received = parsed.received_at
        due_date = due_date_for(procedure, received, context.calendar)
        if due_date < today and status in CLOCK_RUNNING and rng.random() < 0.9:
            status = "returned"  # most dossiers past their date were finished on time
        text = json.dumps(dossier, ensure_ascii=False)
        acted = received + timedelta(minutes=5)  # the demo officer's step after the dossier was received
        issued = acted if status not in NOT_ISSUED else None
        officer = rng.choice(spec.officer_ids) if spec.officer_ids and status != "received" else None
        applicant = parsed.applicant
        id_number = digits(applicant.id_number)
        cases.append({
            "dossier_code": code,
            "procedure_code": procedure.code,
            "channel": parsed.channel,
            "status": status,
            "received_at": received,
            "clock_started_at": received,
            "due_date": due_date,
            "assigned_officer_id": officer,
            "applicant_name": applicant.full_name,
            "applicant_id_number": id_number,
            "applicant_phone": applicant.phone,
            "subject_key": procedure.subject_key(parsed),
            "raw_json": text,
            "dossier_json": None,  # the current record is the record as received (migration 0023)
            "raw_sha256": None,  # the record's own SHA-256, derived when read (migration 0028)
            "version": 1,
            "origin_desk": context.config.desk_number,
            "receipt_issued_at": issued,
            # the appointment the demo receipt gave (a reprint carries it, as at a real counter)
            "appointment_at": appointment_for(due_date, received, context.config, context.calendar)
            if issued is not None else None,
            "fee_vnd": procedure.fee_for(parsed.channel, context.config.fees),
            # What the timeline's triggers set from the events below (result date: 0008; handling officer:
            # 0014), given here so that they find nothing to change: no second version of every case row
            # in every index on PostgreSQL (migration 0020).
            "result_at": acted if status == "returned" else None,
            # and what the handling-officer trigger sets from the demo officer's event (0014)
            "handling_officer_id": officer,
            "is_demo": True,
            "open_finding_count": 0,
            "created_at": spec.now,
            "updated_at": spec.now,
        })
        sources.append((position, applicant.full_name, id_number, applicant.phone, code))
        # every event row with the same keys (prepare_rows then needs no per-row completion); no details: the
        # case says it is demo data (is_demo), and nothing read the {"demo": true} each event once carried
        events.append({"case_id": position, "at": received, "action": "received", "officer_id": None,
                       "from_status": None, "to_status": "received", "reason": "", "details": {},
                       "event_key": _event_key()})
        if status != "received":
            # The demo officer who took the dossier in acted on it (the report's handling officer).
            events.append({"case_id": position, "at": acted, "action": "demo_status",
                           "from_status": "received", "to_status": status, "officer_id": officer, "reason": "",
                           "details": {}, "event_key": _event_key()})
        papers.extend(_papers(position, procedure, dossier, scans))
    dialect = _dialect(context.dialect)
    # term_rows: the terms' own function (officer_desk.cases.terms), in key order with the case's position
    terms = _case_first(prepare_rows(CaseSearchTerm, term_rows(sources), dialect))
    return ChunkRows(prepare_rows(Case, cases, dialect), terms,
                     _case_first(prepare_rows(CaseEvent, events, dialect)),
                     _case_first(prepare_rows(Attachment, papers, dialect)),
                     [row["dossier_code"] for row in cases], [row["status"] for row in cases], scans)


def _case_first(prepared: Prepared) -> Prepared:
    """The ``case_id`` column first (the loader puts the case's id there, and batches split on it)."""
    at = prepared.columns.index("case_id") if prepared.columns else 0
    if at == 0:
        return prepared
    return Prepared(prepared.table, [prepared.columns[at], *prepared.columns[:at], *prepared.columns[at + 1:]],
                    [(values[at], *values[:at], *values[at + 1:]) for values in prepared.values])


def _event_key() -> str:
    """A new event's idempotency key, as unique as the column default's (``uuid4().hex``: 32 hex digits)
    but led by the time it was made, so that a load's keys come in rising order: on a million-case
    PostgreSQL load, random keys put two million inserts at random places of the key index (a page read
    and a page written back for most of them once the index outgrows the server's buffers)."""
    return f"{time.time_ns() // 1_000_000:012x}{secrets.token_hex(10)}"


@cache
def _dialect(name: str) -> Dialect:
    return dialect_named(name)


def _papers(position: int, procedure: Any, dossier: dict[str, Any], scans: dict[str, str]) -> list[dict[str, Any]]:
    """The papers a demo dossier lists; those handed in as files get a small generated scan (by title)."""
    rows = []
    for number, item in enumerate(dossier.get("attachments") or []):
        doc_type = str(item["doc_type"])
        row: dict[str, Any] = {
            "case_id": position, "position": number, "doc_type": doc_type, "kind": item.get("kind", "copy"),
            "quantity": int(item.get("quantity", 1)), "presented_only": bool(item.get("presented_only")),
            "certified": item.get("kind") == "certified_copy", "fields_json": item.get("fields") or {},
            "file_name": None, "content_sha256": None, "size": None, "media_type": None}
        if not row["presented_only"]:
            requirement = procedure.document_for(doc_type)
            title = scans.setdefault(doc_type, requirement.name_vi if requirement is not None
                                     else doc_type.replace("_", " "))
            scan = sample_scan(title)
            # A file name as a scanner saves it: what the paper is, in words (never the document id).
            row.update(file_name=f"{number + 1:02d} {title[:80]}.pdf".replace("/", "-"),
                       content_sha256=hashlib.sha256(scan).hexdigest(), size=len(scan),
                       media_type="application/pdf")
        rows.append(row)
    return rows


# The worker's context, sent once when the worker starts (not with every chunk).
_worker_context: LoadContext | None = None


def _start_worker(context: LoadContext) -> None:
    global _worker_context
    _worker_context = context


def _build_in_worker(spec: ChunkSpec) -> ChunkRows:
    assert _worker_context is not None
    return build_chunk(_worker_context, spec)


def pool_size(count: int) -> int:
    """Worker processes for ``count`` dossiers: none for small loads, else one per core (at most 4; the
    loading process itself mostly waits on the database)."""
    if count < POOL_FROM:
        return 0
    return max(1, min(4, os.cpu_count() or 1))


def built_chunks(context: LoadContext, specs: Iterator[ChunkSpec], workers: int,
                 stop: Callable[[], bool]) -> Generator[tuple[ChunkSpec, ChunkRows], None, None]:
    """Each spec with its rows, in order; built here (``workers`` = 0) or by worker processes, a few chunks
    ahead of the caller (bounded, so a slow database does not pile chunks up in memory). ``stop`` is asked
    before each chunk is handed out; the chunks already being built are still yielded."""
    if workers <= 0:
        for spec in specs:
            if stop():
                return
            yield spec, build_chunk(context, spec)
        return
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=spawn, initializer=_start_worker,
                             initargs=(context,)) as pool:
        pending: deque[tuple[ChunkSpec, Future[ChunkRows]]] = deque()
        try:
            for spec in specs:
                if stop():
                    break
                pending.append((spec, pool.submit(_build_in_worker, spec)))
                if len(pending) > 2 * workers:
                    done, rows = pending.popleft()
                    yield done, rows.result()
            while pending:
                done, rows = pending.popleft()
                yield done, rows.result()
        finally:
            for _spec, future in pending:
                future.cancel()
