"""The window's queue calls on an existing desk home (SQLite, or PostgreSQL with ``--url``): page and counts.

    nice -n 10 .venv/bin/python bench/bench_page_calls.py --home bench/.cache/home-100000 [--url URL] [--rounds 200]

Times ``CaseService.page(filter, offset, 50)`` for five filter shapes (the due-date tabs among them) at rows
0+ and 1000+, and ``status_counts()``: p50/p95 and the desk process's CPU per call (on a shared machine the CPU
says what a call costs, the wall time what it took at that load). Used for the SQLite side of issue 17's PostgreSQL
work (the same code path serves both back-ends): run it with the old and the new code on copies of one home.
Opening a home upgrades its schema: use a copy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")

from officer_desk.cases import QueueFilter  # noqa: E402
from officer_desk.desk import open_desk  # noqa: E402
from officer_desk.lifecycle import Status  # noqa: E402
from officer_desk.paths import Home  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--url")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    os.environ["OFFICER_DESK_HOME"] = str(args.home)
    desk = open_desk(Home(args.home), args.url)
    try:
        print(f"{desk.db.description}: {desk.cases.count(QueueFilter())} cases, "
              f"load average {os.getloadavg()[0]:.1f}")
        shapes = {"all, newest first": QueueFilter(),
                  "one status, by due date": QueueFilter(statuses=(Status.IN_PROCESSING,), sort="due_date",
                                                         descending=False),
                  "overdue": QueueFilter(due="overdue"),
                  "due today": QueueFilter(due="today"),
                  "due soon": QueueFilter(due="soon")}
        calls = {f"page, {name}, rows {offset}+": (lambda f=flt, o=offset: desk.cases.page(f, o, 50))
                 for name, flt in shapes.items() for offset in (0, 1000)}
        calls["status counts"] = desk.cases.status_counts
        for name, call in calls.items():
            for _ in range(5):
                call()
            samples, cpu = [], time.process_time()
            for _ in range(args.rounds):
                start = time.perf_counter()
                call()
                samples.append((time.perf_counter() - start) * 1000)
            cpu_ms = (time.process_time() - cpu) / args.rounds * 1000
            samples.sort()
            print(f"  {name:<38} p50 {statistics.median(samples):6.2f} ms  "
                  f"p95 {samples[int(0.95 * (len(samples) - 1))]:6.2f} ms  desk CPU {cpu_ms:5.2f} ms/call", flush=True)
    finally:
        desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
