"""``officer-desk demo``: demo mode (demo CA, desk certificate) and synthetic dossiers in bulk.

Bulk generation writes rows in batches (no per-case ORM objects) so a year of a busy center
(1,000,000 cases) is generated in minutes; the newest open cases are screened so the window shows hints.
For large loads worker processes build the rows (demo_rows.py) while this process takes ids and writes;
each batch is one transaction, so a load that is cancelled or killed keeps whole batches only.
A local desk file is compacted (VACUUM) after a load that wrote most of its cases (``_compact_file``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from officer_desk.cases.repository import severity_summary
from officer_desk.demo_data import DEMO_CHUNK, chunk_rng, demo_day
from officer_desk.demo_files import sample_scan
from officer_desk.demo_rows import ChunkRows, ChunkSpec, LoadContext, built_chunks, pool_size
from officer_desk.desk import DEMO_OFFICER, Desk
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.lifecycle import CLOSED_STATUSES, Status
from officer_desk.models import Case, CaseStatusCount, DeskSetting, DossierSequence, Officer
from officer_desk.models.bulk import Prepared, insert_rows, new_ids, status_counts_per_batch, write_prepared
from officer_desk.models.compact import compact_file
from officer_desk.models.statistics import ANALYSIS_LIMIT, optimize
from officer_desk.progress import Progress
from officer_desk.screening.service import screen_case_in_session
from officer_desk.vocabulary import Decision, Severity

# Cases per transaction (what a cancel keeps whole). Large: each commit rewrites (and SQLCipher re-encrypts)
# every index page the batch touched, and the cases' random-order indexes touch about one page per case.
BATCH = 10_000
SCREEN_NEWEST = 5000
DEMO_SETTING = "demo_mode_since"
DEMO_AGENCIES = [f"000.00.{n:02d}.H41" for n in range(1, 41)]
DEMO_OFFICERS = [DEMO_OFFICER, ("canbo.hung", "Đặng Văn Hùng"), ("canbo.mai", "Đỗ Thị Mai")]


class DemoRefused(DeskError):
    code = "demo_refused"
    exit_code = 1


def enable_demo_mode(desk: Desk) -> dict[str, Any]:
    """Turn demo mode on for this home (refused when real cases were created before, or on a set-up desk)."""
    if desk.set_up:  # issue 9: a real office's desk never falls back to demo certificates
        raise DemoRefused(_("Quầy này đã được cài đặt cho một cơ quan thật; không bật chế độ demo"))
    with desk.db.session() as session:
        setting = session.get(DeskSetting, DEMO_SETTING)
        if setting is None:
            real = session.execute(select(func.count(Case.id)).where(Case.is_demo.is_(False))).scalar_one()
            if real:
                raise DemoRefused(
                    _("Cơ sở dữ liệu đã có {n} hồ sơ thật; không bật chế độ demo trên dữ liệu thật", n=real)
                )
            session.add(DeskSetting(key=DEMO_SETTING, value=datetime.now(UTC).isoformat()))
        for username, name in DEMO_OFFICERS:
            if session.execute(select(Officer.id).where(Officer.username == username)).first() is None:
                session.add(Officer(username=username, full_name=name))
    from officer_desk.signing.demo_ca import create_demo_ca

    return {key: str(value) for key, value in vars(create_demo_ca(desk.home)).items()}


def run_demo(desk: Desk, count: int, seed: int, progress: Progress | None = None) -> dict[str, Any]:
    """Demo mode and ``count`` dossiers; ``cancelled`` says the run stopped early, ``cases`` what it kept."""
    material = enable_demo_mode(desk)
    created = generate_cases(desk, count, seed, progress) if count else 0
    cancelled = progress is not None and progress.cancelled() and created < count
    return {"cases": created, "requested": count, "cancelled": cancelled, "demo": material,
            "home": str(desk.home.root)}


def generate_cases(desk: Desk, count: int, seed: int, progress: Progress | None = None,
                   workers: int | None = None) -> int:
    """Insert ``count`` synthetic dossiers in batches; returns how many were created.

    ``workers``: processes that build the rows while this one writes (default: ``pool_size(count)``, none
    for small loads); the same seed gives the same dossiers with any number of them.
    """
    today = datetime.now(LOCAL_TZ).date()
    now = datetime.now(UTC)
    spread = 365 if count > 20_000 else 30
    sequence: dict[tuple[str, str], int] = defaultdict(int)
    with desk.db.session() as session:
        officer_ids = [
            row[0] for row in session.execute(
                select(Officer.id).where(Officer.username.in_([u for u, _n in DEMO_OFFICERS]))
            )
        ]
        # Continue the portal numbering of earlier demo runs (codes are never reused).
        for seq in session.execute(select(DossierSequence).where(DossierSequence.agency_id.in_(DEMO_AGENCIES))):
            sequence[(seq[0].agency_id, seq[0].day)] = seq[0].value

    def specs() -> Iterator[ChunkSpec]:
        for chunk in range((count + DEMO_CHUNK - 1) // DEMO_CHUNK):
            agencies = chunk_rng("agencies", seed, chunk)
            codes = []
            for index in range(chunk * DEMO_CHUNK, min(count, (chunk + 1) * DEMO_CHUNK)):
                agency = agencies.choice(DEMO_AGENCIES)
                yymmdd = demo_day(index, count, spread, today).strftime("%y%m%d")
                sequence[(agency, yymmdd)] += 1
                codes.append(f"{agency}-{yymmdd}-{sequence[(agency, yymmdd)]:04d}")
            yield ChunkSpec(seed, chunk, count, spread, today, now, codes, officer_ids)

    def cancelled() -> bool:
        return progress is not None and progress.cancelled()

    created = 0
    newest_open: list[str] = []
    dialect = desk.db.engine.dialect
    context = LoadContext(desk.catalogue, desk.config, desk.calendar, f"{dialect.name}+{dialect.driver}")
    workers = pool_size(count) if workers is None else workers
    # closing(): a cancel stops the workers at once (the chunks they were building are dropped)
    with bulk_connection(desk) as connection, closing(built_chunks(context, specs(), workers, cancelled)) as chunks:
        batch: list[ChunkRows] = []
        for _spec, chunk in chunks:
            first = 0
            while first < len(chunk) and not cancelled():
                part = chunk.part(first, first + BATCH - sum(len(rows) for rows in batch))
                batch.append(part)
                first += len(part)
                if sum(len(rows) for rows in batch) >= BATCH:
                    created += _write_batch(desk, connection, batch, newest_open)
                    batch = []
                    if progress is not None:
                        progress.report(created, count, "")
            if cancelled():
                break  # what was written before a cancel is kept whole: every batch is one transaction
        if batch and not cancelled():
            created += _write_batch(desk, connection, batch, newest_open)
            if progress is not None:
                progress.report(created, count, "")
    optimize(desk.db.engine)  # screening below plans its lookups from these figures
    if not cancelled():
        # Screening thousands of cases takes seconds; a cancelled run stops now (its cases have no hints
        # until "Screen all open cases again").
        _screen_codes(desk, newest_open, progress)
    _refresh_statistics(desk)
    if not cancelled():  # a cancelled load starts no long work (and a cancel stops a compaction under way)
        _compact_file(desk, created, count, progress)
    return created


def _compact_file(desk: Desk, created: int, count: int, progress: Progress | None = None) -> bool:
    """After a load that wrote at least half of the local desk's cases, VACUUM the file: the load leaves the
    pages of b-trees written out of key order part-full (5 % of the file at 100,000 and at 1,000,000 cases;
    bench/README.md, "Session 7"). Not after a smaller load: the VACUUM reads and writes the whole file
    (23 s at 1,000,000 cases) for what few pages the load added. Never fails the load (compact_file)."""
    if desk.db.engine.dialect.name != "sqlite" or not created:
        return False
    with desk.db.session() as session:
        total = session.execute(select(func.coalesce(func.sum(CaseStatusCount.n), 0))).scalar_one()
    if 2 * created < total:
        return False
    if progress is not None:
        progress.report(created, count, _("Đang thu gọn tệp cơ sở dữ liệu (một lần, sau khi tạo nhiều hồ sơ)…"))
    return compact_file(desk.db.engine, desk.home.database, progress.cancelled if progress is not None else None)


# SQLite page cache of the loading connection (KiB, negative as PRAGMA cache_size takes it): the cases'
# indexes are written in random order, and every page that falls out of the cache is decrypted again when
# read back. A pooled connection keeps 8 MB (session.py); the loader's is set back before it returns.
BULK_CACHE_KIB = 256 * 1024


@contextmanager
def bulk_connection(desk: Desk) -> Iterator[Connection]:
    """One connection for the whole load (each batch still one transaction, committed with its fsync)."""
    with desk.db.engine.connect() as connection:
        local = connection.dialect.name == "sqlite"
        lz4 = False
        if local:
            normal = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
            connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
            connection.commit()
        elif connection.dialect.name == "postgresql":
            # The dossier JSON (twice per case) is compressed on its way into TOAST: LZ4 where the server
            # has it, several times faster than the default pglz (the value read back is the same text).
            lz4 = bool(connection.exec_driver_sql(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'").scalar())
            if lz4:
                connection.exec_driver_sql("SET default_toast_compression = 'lz4'")
            connection.commit()
        try:
            yield connection
        finally:
            if local or lz4:
                connection.rollback()  # a batch cut short by an error was already rolled back; be sure
            if local:
                connection.exec_driver_sql(f"PRAGMA cache_size = {int(normal)}")
                connection.commit()
            elif lz4:  # the connection goes back to the pool
                connection.exec_driver_sql("RESET default_toast_compression")
                connection.commit()


def _refresh_statistics(desk: Desk) -> None:
    """After a bulk load the planner needs fresh statistics (and PostgreSQL a visibility map)."""
    with desk.db.engine.connect() as connection:
        if desk.db.engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            # Every table, each from SQLite's bounded sample (as PRAGMA optimize does): a full ANALYZE reads
            # every index of a million-case file (35 s at 650,000 cases, bench/README.md "Statistics").
            connection.exec_driver_sql(ANALYSIS_LIMIT)
            connection.exec_driver_sql("ANALYZE")
            connection.commit()


def _store_numbering(session: Session, numbers: dict[tuple[str, str], int]) -> None:
    """Raise the demo agencies' counters (agency, day) to the numbers a batch gave, in the batch's own
    transaction: a load that is killed and run again numbers on after what it stored. A counter never
    goes down."""
    table = cast(Table, DossierSequence.__table__)
    stored = {(agency, day): value for agency, day, value in session.execute(
        select(DossierSequence.agency_id, DossierSequence.day, DossierSequence.value)
        .where(DossierSequence.agency_id.in_(DEMO_AGENCIES), DossierSequence.block == 0,
               DossierSequence.day.in_({day for _agency, day in numbers})))}
    raised = [{"agency": agency, "the_day": day, "the_value": value}
              for (agency, day), value in numbers.items() if (agency, day) in stored and value > stored[(agency, day)]]
    if raised:
        session.connection().execute(
            update(table).where(table.c.agency_id == bindparam("agency"), table.c.day == bindparam("the_day"),
                                table.c.block == 0).values(value=bindparam("the_value")), raised)
    insert_rows(session, DossierSequence, [
        {"agency_id": agency, "day": day, "block": 0, "value": value}
        for (agency, day), value in numbers.items() if (agency, day) not in stored])


def _write_batch(desk: Desk, connection: Connection, batch: list[ChunkRows], newest_open: list[str]) -> int:
    """One batch in one transaction: cases (ids taken first, no RETURNING), search terms, events, papers and
    the numbering counters. Notes the newest open cases; returns how many cases it wrote."""
    statuses = [status for rows in batch for status in rows.statuses]
    with (desk.db.sessions(bind=connection) as session, session.begin(),
          status_counts_per_batch(session, statuses)):
        ids = iter(new_ids(session, Case, sum(len(rows) for rows in batch)))
        terms: list[tuple[Any, ...]] = []
        for rows in batch:
            case_ids = [next(ids) for _code in rows.codes]
            cases = rows.cases
            write_prepared(session, Prepared(cases.table, ["id", *cases.columns], [
                (case_id, *values) for case_id, values in zip(case_ids, cases.values, strict=True)]))
            first = rows.first  # the rows below name their case by its position in the chunk
            for table in (rows.events, rows.attachments):
                write_prepared(session, Prepared(table.table, table.columns, [
                    (case_ids[values[0] - first], *values[1:]) for values in table.values]))
            terms.extend((case_ids[values[0] - first], *values[1:]) for values in rows.terms.values)
            for title in rows.scans.values():
                desk.cases.attachments.put(session, sample_scan(title))  # encrypted, stored once
        # The whole batch's terms in key order (each part is one sorted run): the one B-tree is appended to
        # in order instead of at random (officer_desk.cases.terms.term_rows).
        columns = batch[0].terms.columns
        if columns:
            at = columns.index("term")
            terms.sort(key=lambda values: (values[at], values[0]))
            write_prepared(session, Prepared(batch[0].terms.table, columns, terms))
        numbers: dict[tuple[str, str], int] = {}
        for rows in batch:
            for code in rows.codes:
                agency, yymmdd, number = code.rsplit("-", 2)
                numbers[(agency, yymmdd)] = max(numbers.get((agency, yymmdd), 0), int(number))
        _store_numbering(session, numbers)
    for rows in batch:
        newest_open.extend(code for code, status in zip(rows.codes, rows.statuses, strict=True)
                           if status not in CLOSED_STATUSES)
    del newest_open[:-SCREEN_NEWEST]
    return sum(len(rows) for rows in batch)


def _screen_codes(desk: Desk, codes: list[str], progress: Progress | None = None) -> None:
    """Screen the newest open demo cases so the window has hints to show (stops at a cancel)."""
    for start in range(0, len(codes), 500):
        if progress is not None and progress.cancelled():
            return
        with desk.db.session() as session:
            cases = session.execute(select(Case).where(Case.dossier_code.in_(codes[start:start + 500]))).scalars()
            for case in cases:
                screen_case_in_session(desk.cases, session, case)
                _settle_findings(case)


def _settle_findings(case: Case) -> None:
    """Decisions that agree with the demo case's status: a supplement was requested for confirmed defects;
    an accepted dossier has no undecided error (the officer checked the originals at the counter)."""
    if case.status == Status.RECEIVED:
        return
    decided_at = case.received_at + timedelta(minutes=4)
    for finding in case.findings:
        if finding.superseded or finding.severity != Severity.ERROR or finding.decision != Decision.OPEN:
            continue
        if case.status == Status.SUPPLEMENT_REQUESTED:
            finding.decision, finding.decision_reason = Decision.CONFIRMED.value, ""
        else:
            finding.decision = Decision.OVERRIDDEN.value
            finding.decision_reason = "Đã đối chiếu bản chính khi tiếp nhận (dữ liệu mẫu)"
        finding.decided_at = decided_at
        finding.decided_by = case.assigned_officer_id  # the demo officer who took the dossier in decided
    case.worst_severity, case.open_finding_count = severity_summary(case.findings)
