"""PostgreSQL at scale (issues 12 and 17): the demo bulk load, status counts and the queue page.

    nice -n 10 .venv/bin/python bench/bench_pg_scale.py --cases 1000000 [--root DIR] [--notify-cases 50000]

The server's data folder is kept under ``--root`` (default bench/.cache/pg-scale-N) and reused when
it already holds the cases, so the load is paid once. Prints wall time with the loader's and the
server's CPU seconds and the load average (the machine is shared); goals are reported, not asserted:
load < 600 s at 1,000,000; status counts p95 < 5 ms; queue page p95 < 3 ms.

``--replicate-to N`` (e.g. 1000000 on a copy of a 100,000-case root) multiplies the cases already held, inside
the server, instead of loading through the demo loader (a million through it takes about an hour on a shared
2-core box): see ``replicate``. What it builds is a queue-and-counts database, not a demo desk — the copies
have no events, attachments, findings or search terms.

``--notify-cases N`` also measures what the NOTIFY trigger costs a bulk insert of N cases (rolled back):
as migration 0011 made it (a notification per row), as 0012 makes it (one statement trigger) and off.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")

import sqlalchemy as sa  # noqa: E402

from bench.bench_sync import Timer  # noqa: E402
from officer_desk.cases import CaseRow, QueueFilter  # noqa: E402
from officer_desk.demo import enable_demo_mode, generate_cases  # noqa: E402
from officer_desk.desk import open_desk  # noqa: E402
from officer_desk.dossier import LOCAL_TZ  # noqa: E402
from officer_desk.lifecycle import CLOCK_RUNNING, Status  # noqa: E402
from officer_desk.paths import Home  # noqa: E402
from tests.helpers.pg import PgServer, start_server  # noqa: E402

OLD_NOTIFY = ("CREATE TRIGGER trg_cases_notify_row AFTER INSERT ON cases FOR EACH ROW "
              "EXECUTE FUNCTION officer_desk_notify_case()")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def show(name: str, samples: list[float], goal: float) -> None:
    p95 = percentile(samples, 95)
    print(f"  {name:<40} p50 {statistics.median(samples):7.2f} ms  p95 {p95:7.2f} ms  "
          f"(goal p95 < {goal:g} ms: {'met' if p95 < goal else 'NOT met'})", flush=True)


def _database(server: PgServer, name: str, fresh: bool) -> str:
    admin = sa.create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).first()
        if exists and fresh:
            conn.exec_driver_sql(f'DROP DATABASE "{name}"')
            exists = None
        if not exists:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return server.url(name)


def _count(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() or 0)
    except sa.exc.DBAPIError:
        return -1
    finally:
        engine.dispose()


def load(server: PgServer, home: Home, url: str, cases: int) -> None:
    desk = open_desk(home, url)
    enable_demo_mode(desk)
    with Timer(server) as timer:
        generate_cases(desk, cases, seed=2026)
    desk.close()
    print(f"  demo load of {cases} cases: {timer} (goal at 1,000,000: 600 s)", flush=True)


RAW_PAGE = ("SELECT id FROM cases ORDER BY received_at DESC, id DESC LIMIT 50",
            "SELECT c.id, c.dossier_code, c.applicant_name, c.procedure_code, c.channel, c.received_at, c.due_date, "
            "c.status, o.username, c.worst_severity, c.open_finding_count, c.receipt_issued_at FROM cases c "
            "LEFT JOIN officers o ON o.id = c.assigned_officer_id WHERE c.id = ANY(%s)")
# The floor for each page the app measures: the same rows by one hand-written statement on one open
# psycopg connection (no pool, no SQLAlchemy); LIMIT and OFFSET written into the text as numbers (as the app
# does: bound, they make PostgreSQL's generic plan for the prepared statement expect a tenth of the table).
RAW_COLUMNS = ("SELECT c.id, c.dossier_code, c.applicant_name, c.procedure_code, c.channel, c.received_at, "
               "c.due_date, c.status, o.username, c.worst_severity, c.open_finding_count, c.receipt_issued_at "
               "FROM cases c LEFT JOIN officers o ON o.id = c.assigned_officer_id ")
RUNNING = "('in_processing', 'accepted', 'received', 'awaiting_signature')"
RAW_ONE = {
    "all": RAW_COLUMNS + "ORDER BY c.received_at DESC, c.id DESC LIMIT {limit} OFFSET {offset}",
    "by_due": RAW_COLUMNS + "WHERE c.status IN ('in_processing') ORDER BY c.due_date, c.id "
                            "LIMIT {limit} OFFSET {offset}",
    "overdue": RAW_COLUMNS + f"WHERE c.status IN {RUNNING} AND c.due_date < current_date "
                             "ORDER BY c.received_at DESC, c.id DESC LIMIT {limit} OFFSET {offset}",
    # Due today or on the next working day ({soon}: the desk's calendar, filled in by ``measure``).
    "soon": RAW_COLUMNS + f"WHERE c.status IN {RUNNING} AND c.due_date >= current_date "
                          "AND c.due_date <= '{soon}'::DATE "
                          "ORDER BY c.received_at DESC, c.id DESC LIMIT {limit} OFFSET {offset}",
}
RAW_COUNTS = ("SELECT status, n FROM case_status_counts UNION ALL "
              "SELECT 'overdue', coalesce(sum(n), 0) FROM case_due_counts WHERE due_date < current_date UNION ALL "
              "SELECT 'due_today', coalesce(sum(n), 0) FROM case_due_counts WHERE due_date = current_date")


def interleaved(app, floor, rounds: int) -> tuple[list[float], list[float], float]:  # type: ignore[no-untyped-def]
    """The app's call and its floor alternately, ``rounds`` times each (so load changes hit both alike):
    their times in ms, and the desk process's CPU per app call in ms."""
    for _ in range(5):
        app(), floor()
    apps, floors, app_cpu = [], [], 0.0
    for _ in range(rounds):
        for fn, samples in ((app, apps), (floor, floors)):
            cpu, start = time.process_time(), time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
            if fn is app:
                app_cpu += time.process_time() - cpu
    return apps, floors, app_cpu / rounds * 1000


FIGURES: dict[str, object] = {}  # printed as one JSON line at the end (bench/run_all.py keeps it)


def show_pair(name: str, apps: list[float], floors: list[float], cpu_ms: float, goal: float) -> None:
    p95 = percentile(apps, 95)
    FIGURES[name] = {"p50_ms": round(statistics.median(apps), 3), "p95_ms": round(p95, 3),
                     "floor_p50_ms": round(statistics.median(floors), 3),
                     "floor_p95_ms": round(percentile(floors, 95), 3), "desk_cpu_ms": round(cpu_ms, 3),
                     "goal_p95_ms": goal, "met": p95 < goal}
    print(f"  {name:<36} p50 {statistics.median(apps):6.2f} ms  p95 {p95:6.2f} ms  "
          f"(floor p50 {statistics.median(floors):5.2f} / p95 {percentile(floors, 95):5.2f} ms; "
          f"desk CPU {cpu_ms:4.2f} ms/call; goal p95 < {goal:g} ms: {'met' if p95 < goal else 'NOT met'})",
          flush=True)


def reference(url: str) -> None:
    """The floor on this machine at this moment: one round trip, and the queue page as two raw queries on
    one open psycopg connection (no pool, no ORM) — the reference of the figures before issue 17's work."""
    import psycopg

    plain = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        show("reference: SELECT 1 round trip", timed(lambda: conn.execute("SELECT 1").fetchall(), 200), 3)

        def page() -> None:
            ids = [row[0] for row in conn.execute(RAW_PAGE[0])]
            conn.execute(RAW_PAGE[1], (ids,)).fetchall()

        show("reference: raw queue page (2 queries)", timed(page, 200), 3)


def measure(server: PgServer, home: Home, url: str, rounds: int = 300) -> None:
    """The window's calls (``CaseService.page``: one page of 50 rows; ``status_counts``), each interleaved
    with its floor: the same rows by one raw statement on one open psycopg connection."""
    import psycopg

    reference(url)
    plain = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    raw = psycopg.connect(plain, autocommit=True)
    desk = open_desk(home, url)
    try:
        print(f"  measuring at {desk.cases.count(QueueFilter())} cases, load average {os.getloadavg()[0]:.1f}")
        with Timer(server) as timer:
            show_pair("status counts", *interleaved(desk.cases.status_counts,
                                                    lambda: raw.execute(RAW_COUNTS).fetchall(), rounds), 5)
            shapes = {
                "all": QueueFilter(),
                "by_due": QueueFilter(statuses=(Status.IN_PROCESSING,), sort="due_date", descending=False),
                "overdue": QueueFilter(due="overdue"),
                "soon": QueueFilter(due="soon"),
            }
            names = {"all": "all, newest first", "by_due": "one status, by due date", "overdue": "overdue",
                     "soon": "due soon"}
            soon = desk.calendar.add_working_days(datetime.now(LOCAL_TZ).date(), 1)
            for key, flt in shapes.items():
                for offset in (0, 1000):
                    def app(flt: QueueFilter = flt, offset: int = offset) -> None:
                        desk.cases.page(flt, offset, 50)

                    def floor(key: str = key, offset: int = offset) -> None:
                        raw.execute(RAW_ONE[key].format(limit=50, offset=offset, soon=soon)).fetchall()

                    show_pair(f"queue page, {names[key]}, rows {offset}+", *interleaved(app, floor, rounds), 3)
                # The window scrolling down: the page after the one above seeks past its last row
                # (``page_after``; sorts by due date cannot seek and keep the OFFSET page above).
                above = desk.cases.page(flt, 950, 50)
                if len(above) == 50 and desk.cases.page_after(flt, above[-1], 50) is not None:
                    def seek(flt: QueueFilter = flt, after: CaseRow = above[-1]) -> None:
                        desk.cases.page_after(flt, after, 50)

                    def floor_1000(key: str = key) -> None:
                        raw.execute(RAW_ONE[key].format(limit=50, offset=1000, soon=soon)).fetchall()

                    show_pair(f"queue page, {names[key]}, rows 1000+ after the page above",
                              *interleaved(seek, floor_1000, rounds), 3)
        print(f"  measurement: {timer}", flush=True)
        FIGURES.update(cases=desk.cases.count(QueueFilter()), load_average=round(timer.load, 2),
                       desk_cpu_s=round(timer.cpu, 2), server_cpu_s=round(timer.pg, 2))
        print(json.dumps(FIGURES), flush=True)
    finally:
        desk.close()
        raw.close()


def replicate(url: str, target: int) -> None:
    """Grow the ``cases`` table to ``target`` rows inside the server: ``target / held - 1`` copies of the cases
    held, each by one ``INSERT … SELECT`` in its own transaction (new ids from the sequence; the dossier code
    gets ``-R<k>-<held>``; ``received_at`` moves by ``k`` seconds, every other column — status, due date, officer,
    the dossier JSON — is the original's), as a center ten times busier than the demo's would hold them. The
    insert triggers keep the counters exact; they are rebuilt from the table anyway (a plain ``GROUP BY``)
    and checked, then ``VACUUM ANALYZE``. Only the tables the queue page and the status counts read are
    grown (``cases``; ``officers`` is shared): the copies have no events, attachments, findings or search
    terms, so this database measures the queue and the counts, not search or a case's detail."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        held, last = conn.exec_driver_sql("SELECT count(*), max(id) FROM cases").one()
        if target <= held:
            engine.dispose()
            return
        if target % held:
            raise SystemExit(f"--replicate-to {target} is not a multiple of the {held} cases held")
        columns = [c["name"] for c in sa.inspect(conn).get_columns("cases") if c["name"] != "id"]
        names = ", ".join(columns)
        conn.commit()  # the reads above began a transaction; each copy commits on its own
        started = time.perf_counter()
        for k in range(1, target // held):
            # The held count in the suffix keeps codes unique if a run stopped half-way is started again.
            copied = {"dossier_code": f"dossier_code || '-R{k}-{held}'",
                      "received_at": f"received_at + interval '{k} seconds'"}
            source = ", ".join(copied.get(name, name) for name in columns)
            with conn.begin():
                conn.exec_driver_sql(f"INSERT INTO cases ({names}) SELECT {source} FROM cases "
                                     f"WHERE id <= {last} ORDER BY id")
            print(f"  replicated copy {k}: {time.perf_counter() - started:.0f} s, "
                  f"load average {os.getloadavg()[0]:.1f}", flush=True)
        running = ", ".join(f"'{s.value}'" for s in CLOCK_RUNNING)
        with conn.begin():
            conn.exec_driver_sql("DELETE FROM case_status_counts")
            conn.exec_driver_sql("INSERT INTO case_status_counts (status, n) "
                                 "SELECT status, count(*) FROM cases GROUP BY status")
            conn.exec_driver_sql("DELETE FROM case_due_counts")
            conn.exec_driver_sql(f"INSERT INTO case_due_counts (due_date, n) SELECT due_date, count(*) FROM cases "
                                 f"WHERE status IN ({running}) AND due_date IS NOT NULL GROUP BY due_date")
        total = conn.exec_driver_sql("SELECT sum(n) FROM case_status_counts").scalar()
        if total != target:
            raise SystemExit(f"replication left {total} cases counted, not {target}")
    engine.dispose()
    vacuum = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with vacuum.connect() as conn:
        conn.exec_driver_sql("VACUUM ANALYZE cases")
        conn.exec_driver_sql("ANALYZE")
    vacuum.dispose()
    print(f"  replicated to {target} cases in {time.perf_counter() - started:.0f} s (server-side "
          f"INSERT … SELECT; counters rebuilt; VACUUM ANALYZE)", flush=True)


def notify_cost(url: str, rows: int) -> None:
    """What the NOTIFY trigger costs one bulk INSERT of ``rows`` cases (copies of existing rows with new
    codes), timed on the server and rolled back: as migration 0011 made it (a notification per row from a
    row trigger), as 0012 makes it (one statement trigger: one 'bulk' note above 1,000 rows), and off."""
    columns = [c for c in sa.inspect(sa.create_engine(url)).get_columns("cases") if c["name"] != "id"]
    names = ", ".join(c["name"] for c in columns)
    source = ", ".join("dossier_code || '-n' || id" if c["name"] == "dossier_code" else c["name"] for c in columns)
    engine = sa.create_engine(url)
    for variant in ("0011 row trigger", "0012 statement trigger", "disabled"):
        samples = []
        for _ in range(3):
            with engine.connect() as conn:
                transaction = conn.begin()
                if variant != "0012 statement trigger":
                    conn.exec_driver_sql("ALTER TABLE cases DISABLE TRIGGER trg_cases_notify_insert")
                if variant == "0011 row trigger":
                    conn.exec_driver_sql(OLD_NOTIFY)
                start = time.perf_counter()
                conn.exec_driver_sql(f"INSERT INTO cases ({names}) SELECT {source} FROM cases "
                                     f"ORDER BY id LIMIT {rows}")
                conn.exec_driver_sql("SELECT 1")  # notifications are queued at commit; rolled back here
                samples.append(time.perf_counter() - start)
                transaction.rollback()
        print(f"  INSERT of {rows} cases, NOTIFY {variant}: median {statistics.median(samples):.2f} s "
              f"(load average {os.getloadavg()[0]:.1f})", flush=True)
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--root", type=Path)
    parser.add_argument("--notify-cases", type=int, default=0)
    parser.add_argument("--measure-only", action="store_true")
    parser.add_argument("--replicate-to", type=int, default=0,
                        help="grow the cases held to N inside the server (see replicate), then measure")
    args = parser.parse_args()
    root = args.root or ROOT / "bench" / ".cache" / f"pg-scale-{args.cases}"
    server = start_server(root / "server")
    try:
        home = Home(root / "home")
        os.environ["OFFICER_DESK_HOME"] = str(home.root)
        url = _database(server, "bench", fresh=False)
        held = _count(url)
        print(f"== PostgreSQL, {args.cases} cases ({max(held, 0)} cached), load average {os.getloadavg()[0]:.1f}")
        if args.replicate_to:
            replicate(url, args.replicate_to)
        elif held != args.cases and not args.measure_only:
            url = _database(server, "bench", fresh=True)
            load(server, home, url, args.cases)
        measure(server, home, url)
        if args.notify_cases:
            notify_cost(url, args.notify_cases)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
