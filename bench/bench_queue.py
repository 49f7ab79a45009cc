"""Queue benchmarks at scale (issue: foundation): demo generation, search, queue page, status counts.

    .venv/bin/python bench/bench_queue.py --cases 1000000 [--backend sqlite|postgresql|both]

Builds the database once per back-end under bench/.cache/ (reused when it already holds the cases),
then measures. Figures go to bench/README.md by hand; goals are reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from officer_desk.cases import QueueFilter  # noqa: E402
from officer_desk.demo import enable_demo_mode, generate_cases  # noqa: E402
from officer_desk.desk import open_desk  # noqa: E402
from officer_desk.lifecycle import Status  # noqa: E402
from officer_desk.paths import Home  # noqa: E402

CACHE = ROOT / "bench" / ".cache"


class Progress:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.last = 0.0

    def report(self, done: int, total: int, label: str = "") -> None:
        now = time.perf_counter()
        if now - self.last > 10 or done == total:
            self.last = now
            print(f"  generated {done}/{total} in {now - self.started:.0f} s", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float], goal: float | None = None) -> None:
    p50, p95 = statistics.median(samples), percentile(samples, 95)
    verdict = "" if goal is None else f"  (goal {goal:.0f} ms: {'met' if p95 < goal else 'NOT met'})"
    print(f"  {name:<38} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms{verdict}")


def run(backend: str, cases: int, pg_url: str | None) -> None:
    home = Home(CACHE / f"{backend}-{cases}")
    os.environ["OFFICER_DESK_NO_KEYRING"] = "1"
    desk = open_desk(home, pg_url)
    existing = desk.cases.count(QueueFilter())
    print(f"\n== {backend}: {desk.db.description} ({existing} cases cached)")
    if existing != cases:
        desk.close()
        if backend == "sqlite":
            shutil.rmtree(home.root, ignore_errors=True)
        desk = open_desk(home, pg_url)
        enable_demo_mode_quiet(desk)
        start = time.perf_counter()
        generate_cases(desk, cases, seed=2026, progress=Progress())
        elapsed = time.perf_counter() - start
        met = "met" if elapsed < 600 else "NOT met"
        print(f"  demo generation of {cases} cases: {elapsed:.0f} s (goal 600 s: {met})")
    rng = random.Random(1)
    sample_rows = desk.cases.rows(desk.cases.list_ids(QueueFilter(sort="dossier_code"), rng.randint(0, 1000), 200))
    names = [r.applicant_name for r in sample_rows]
    codes = [r.dossier_code for r in sample_rows]
    ids = [desk.cases.detail(r.id).dossier["applicant"]["id_number"] for r in sample_rows[:50]]
    queries = iter([])

    def cycle(values: list[str]):  # type: ignore[no-untyped-def]
        while True:
            yield from values

    queries = cycle(names)
    report("search by name (full)", timed(lambda: desk.cases.search(next(queries), 50), 200), 20)
    given = cycle([n.split()[-1] for n in names])
    report("search by given name (1 word)", timed(lambda: desk.cases.search(next(given), 50), 200), 20)
    id_iter = cycle(ids)
    report("search by ID number", timed(lambda: desk.cases.search(next(id_iter), 50), 200), 20)
    code_iter = cycle(codes)
    report("search by dossier code", timed(lambda: desk.cases.search(next(code_iter), 50), 200), 20)
    flt = QueueFilter(statuses=(Status.IN_PROCESSING,), sort="due_date", descending=False)
    report("filtered queue page (ids + 50 rows)",
           timed(lambda: desk.cases.rows(desk.cases.list_ids(flt, 0, 50)), 100), 5)
    report("queue page, all, newest first", timed(lambda: desk.cases.rows(desk.cases.list_ids(QueueFilter(), 0, 50)),
                                                  100), 5)
    report("status counts", timed(desk.cases.status_counts, 30), 10)
    desk.close()


def enable_demo_mode_quiet(desk) -> None:  # type: ignore[no-untyped-def]
    enable_demo_mode(desk)


def _holds(url: str, cases: int) -> bool:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == cases
    except sa.exc.DBAPIError:
        return False
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    if args.backend in ("sqlite", "both"):
        run("sqlite", args.cases, None)
    if args.backend in ("postgresql", "both"):
        from tests.helpers.pg import start_server

        # The server's data folder is kept under bench/.cache so a second run reuses the million cases.
        server = start_server(CACHE / f"pg-{args.cases}")
        try:
            import sqlalchemy as sa

            admin = sa.create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                exists = conn.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = 'bench'").first()
                if exists and not _holds(server.url("bench"), args.cases):
                    conn.exec_driver_sql("DROP DATABASE bench")  # a partial run: start again
                    exists = None
                if not exists:
                    conn.exec_driver_sql("CREATE DATABASE bench")
            run("postgresql", args.cases, server.url("bench"))
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
