"""The queue page and the status counts as the window reads them (issues 12 and 17): statements compiled once
per filter shape give the same rows as the general path on both back-ends; on PostgreSQL a page is one
statement with no liveness ping, and pooled connections the server dropped are replaced before use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from officer_desk.cases import QueueFilter
from officer_desk.cases.queue import DEEP_PAGE_OFFSET
from officer_desk.demo import generate_cases
from officer_desk.desk import Desk, open_desk
from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import CLOCK_RUNNING, Status
from officer_desk.models import liveness
from officer_desk.paths import Home


def _shapes(desk: Desk) -> list[QueueFilter]:
    sample = desk.cases.rows(desk.cases.list_ids(QueueFilter(), 0, 200))
    officer = next((r.assigned_officer for r in sample if r.assigned_officer), desk.officer)
    return [
        QueueFilter(),
        QueueFilter(descending=False),
        QueueFilter(statuses=(Status.RECEIVED, Status.IN_PROCESSING), sort="due_date", descending=False),
        QueueFilter(statuses=(Status.RETURNED,), sort="applicant_name"),
        QueueFilter(due="overdue"),
        QueueFilter(due="today", sort="due_date"),
        QueueFilter(due="soon", sort="due_date", descending=False),
        QueueFilter(procedure_code=sample[0].procedure_code),
        QueueFilter(channel=sample[0].channel, sort="status"),
        QueueFilter(officer=officer, sort="assigned_officer"),
        QueueFilter(procedure_code="no-such-procedure"),
    ]


def test_compiled_page_gives_the_rows_of_the_general_path(desk: Desk) -> None:
    assert generate_cases(desk, 240, seed=17) == 240
    today = datetime.now(LOCAL_TZ).date()
    seen = 0
    for flt in _shapes(desk):
        for offset in (0, 50, 0):  # the last call runs the statement compiled by the first
            expected = desk.cases.rows(desk.cases.list_ids(flt, offset, 50))
            page = desk.cases.page(flt, offset, 50)
            assert page == expected, flt
            seen += len(page)
            for row in page:
                assert row.received_at.tzinfo is not None and row.received_at.utcoffset() == UTC.utcoffset(None)
                assert row.due_date is None or isinstance(row.due_date, date)
                if flt.due == "overdue":
                    assert row.status in {s.value for s in CLOCK_RUNNING} and row.due_date < today
                if flt.procedure_code:
                    assert row.procedure_code == flt.procedure_code
    assert seen > 240  # the shapes were not all empty


def test_counts_are_one_statement_and_exact(desk: Desk) -> None:
    assert generate_cases(desk, 120, seed=5) == 120
    today = datetime.now(LOCAL_TZ).date()
    rows = desk.cases.rows(desk.cases.list_ids(QueueFilter(), 0, 200))
    running = {s.value for s in CLOCK_RUNNING}
    statements: list[str] = []
    sa.event.listen(desk.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    counts = desk.cases.status_counts()
    assert len([s for s in statements if "case_status_counts" in s]) == 1
    for status in Status:
        assert counts[status.value] == sum(r.status == status.value for r in rows)
    assert counts["overdue"] == sum(r.status in running and r.due_date is not None and r.due_date < today
                                    for r in rows)
    assert counts["due_today"] == sum(r.status in running and r.due_date == today for r in rows)


def test_a_deep_page_walks_the_sort_index_then_reads_its_rows_by_id(desk: Desk) -> None:
    """Far down the queue (the window's jump to the end) the skipped rows are walked by id only, in a subquery
    the page's rows are joined to: a statement that skips rows while selecting the shown columns would read each
    skipped row whole (seconds at 1,000,000 cases)."""
    assert generate_cases(desk, DEEP_PAGE_OFFSET + 60, seed=18) == DEEP_PAGE_OFFSET + 60
    for flt in (QueueFilter(), QueueFilter(sort="applicant_name", descending=False),
                QueueFilter(statuses=(Status.RECEIVED, Status.IN_PROCESSING), sort="due_date")):
        for offset in (DEEP_PAGE_OFFSET - 50, DEEP_PAGE_OFFSET, DEEP_PAGE_OFFSET + 20):
            statements: list[str] = []

            def seen(*args: Any, into: list[str] = statements) -> None:
                into.append(" ".join(str(args[2]).split()))

            sa.event.listen(desk.db.engine, "before_cursor_execute", seen)
            try:
                page = desk.cases.page(flt, offset, 50)
            finally:
                sa.event.remove(desk.db.engine, "before_cursor_execute", seen)
            assert page == desk.cases.rows(desk.cases.list_ids(flt, offset, 50)), (flt, offset)
            skipping = [s for s in statements if "OFFSET" in s.upper()]
            assert len(skipping) == 1, statements
            sql = skipping[0]
            ids_from = sql.find("(SELECT cases.id AS page_id FROM cases ")
            ids_to = sql.find(") AS page ON page.page_id = cases.id")
            walks_ids_only = 0 <= ids_from < sql.upper().find(" OFFSET ") < ids_to
            assert walks_ids_only == (offset >= DEEP_PAGE_OFFSET), sql


@pytest.fixture
def center(pg_url: str, isolated_home: Home) -> Iterator[Desk]:
    desk = open_desk(isolated_home, pg_url)
    generate_cases(desk, 60, seed=3)
    try:
        yield desk
    finally:
        desk.close()


def _count_pings(desk: Desk) -> list[int]:
    dialect: Any = desk.db.engine.dialect
    original = dialect.do_ping
    calls = [0]

    def counted(dbapi_connection: Any) -> bool:
        calls[0] += 1
        return bool(original(dbapi_connection))

    dialect.do_ping = counted
    return calls


def test_a_page_on_postgresql_is_one_statement_and_no_ping(center: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    center.cases.page(QueueFilter(), 0, 50)
    center.cases.status_counts()
    pings = _count_pings(center)
    statements: list[str] = []
    sa.event.listen(center.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    for _ in range(5):
        assert len(center.cases.page(QueueFilter(), 0, 50)) == 50
        center.cases.status_counts()
    assert len(statements) == 10 and pings[0] == 0
    # A connection that idled long is pinged before use: a quiet socket is not trusted forever.
    monkeypatch.setattr(liveness, "PING_AFTER_IDLE_S", 0.0)
    center.cases.page(QueueFilter(), 0, 50)
    assert pings[0] == 1


def test_pooled_connections_the_server_dropped_are_replaced_before_use(center: Desk, pg_url: str) -> None:
    before = center.cases.page(QueueFilter(), 0, 50)
    counts = center.cases.status_counts()
    pings = _count_pings(center)
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            # The timeout argument waits until each backend has exited: the pooled sockets are closed then.
            killed = conn.exec_driver_sql(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()").scalar()
        assert killed and killed >= 1
        assert center.cases.page(QueueFilter(), 0, 50) == before
        assert center.cases.status_counts() == counts
        assert pings[0] >= 1  # the dropped connection was noticed on its socket and checked, not used
        with center.db.session() as session:  # writers get a live connection too
            assert session.execute(sa.text("SELECT 1")).scalar() == 1
    finally:
        admin.dispose()


def test_the_overdue_page_reads_the_running_cases_index_even_when_prepared(center: Desk) -> None:
    """Migration 0017's partial index serves the page as the driver runs it: a prepared statement whose
    generic plan must prove ``status IN (...)`` from the SQL text (hence the statuses as constants). The date
    is in the text too (``CompiledRead``: a bound date made the server plan the statement on every call)."""
    statements: list[str] = []
    sa.event.listen(center.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    center.cases.page(QueueFilter(due="overdue"), 0, 50)
    sql = statements[-1]
    today = datetime.now(LOCAL_TZ).date()
    assert "LIMIT 50 OFFSET 0" in sql and "%(" not in sql  # no parameter: the statement is planned once
    assert f"cases.due_date < '{today.isoformat()}'::DATE" in sql
    with center.db.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # 60 cases: a sequential scan would win otherwise
        # and, since the current record is stored once (0023), a bitmap scan of a few heap pages too
        conn.exec_driver_sql("SET enable_bitmapscan = off")
        conn.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
        conn.exec_driver_sql(f"PREPARE overdue_page AS {sql}")
        plan = "\n".join(row[0] for row in conn.exec_driver_sql("EXPLAIN EXECUTE overdue_page"))
    assert "ix_cases_running_received" in plan, plan


def test_a_due_window_page_on_postgresql_walks_its_ids_first(center: Desk) -> None:
    """Due today / due soon, shown newest first: the ids are sorted in a subquery and only the page's rows are
    read whole (``DUE_WINDOWS``), from the first page on; the rows are those of the general path."""
    statements: list[str] = []
    sa.event.listen(center.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    for flt in (QueueFilter(due="soon"), QueueFilter(due="today"), QueueFilter(due="soon", sort="due_date")):
        statements.clear()
        page = center.cases.page(flt, 0, 50)
        assert len(statements) == 1 and "page_id" in statements[0], flt
        assert page == center.cases.rows(center.cases.list_ids(flt, 0, 50)), flt


def test_due_date_pages_on_sqlite_walk_the_running_cases_index(sqlite_desk: Desk) -> None:
    """Overdue, due today, due soon, newest first (first page, a page far down, the page after): SQLite reads
    the running cases' index (migration 0029) in the page's order, with no sort of the matching cases (the
    first page: none at all), and the rows are those of the general path."""
    assert generate_cases(sqlite_desk, 240, seed=17) == 240
    statements: list[tuple[str, Any]] = []
    sa.event.listen(sqlite_desk.db.engine, "before_cursor_execute", lambda *a: statements.append((a[2], a[3])))
    shown = 0
    for flt in (QueueFilter(due="overdue"), QueueFilter(due="today"), QueueFilter(due="soon")):
        for offset in (0, DEEP_PAGE_OFFSET):
            statements.clear()
            page = sqlite_desk.cases.page(flt, offset, 50)
            assert page == sqlite_desk.cases.rows(sqlite_desk.cases.list_ids(flt, offset, 50)), (flt, offset)
            shown += len(page)
            sql, parameters = next((q, p) for q, p in statements if "FROM cases" in q)
            with sqlite_desk.db.engine.connect() as connection:
                plan = " / ".join(str(row[3]) for row in connection.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + sql, parameters))
            assert "USING COVERING INDEX ix_cases_running_received" in plan or (
                "USING INDEX ix_cases_running_received" in plan), (flt, offset, plan)
            if offset == 0:  # (a page far down sorts its 50 rows again after reading them by id)
                assert "TEMP B-TREE" not in plan, (flt, plan)
        first = sqlite_desk.cases.page(flt, 0, 5)
        if len(first) == 5:
            assert sqlite_desk.cases.page_after(flt, first[-1], 5) == sqlite_desk.cases.page(flt, 5, 5)
    assert shown > 0  # the demo's spread of due dates gave some of these pages rows
