"""Screening benchmarks (issue 4): engine time per dossier, and re-screening a queue of 10,000 dossiers.

    .venv/bin/python bench/bench_screening.py [--dossiers 5000] [--queue 10000] [--cores 2]

Goals (reported, never asserted, never met by removing a check): median under 5 ms per dossier; the
10,000-dossier queue re-screened in under 60 s on 2 cores, with progress. The queue is built once under
bench/.cache/screening-<N>/ (demo dossiers) and reused. Figures go to bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from officer_desk.cases import QueueFilter  # noqa: E402
from officer_desk.catalogue import load_catalogue  # noqa: E402
from officer_desk.demo import enable_demo_mode, generate_cases  # noqa: E402
from officer_desk.demo_data import make_dossier  # noqa: E402
from officer_desk.desk import open_desk  # noqa: E402
from officer_desk.dossier import LOCAL_TZ, parse  # noqa: E402
from officer_desk.lifecycle import Status  # noqa: E402
from officer_desk.paths import Home  # noqa: E402
from officer_desk.screening.engine import screen_dossier  # noqa: E402
from officer_desk.screening.service import rescreen  # noqa: E402
from officer_desk.workdays import default_calendar  # noqa: E402

CACHE = ROOT / "bench" / ".cache"


class Progress:
    def __init__(self, label: str) -> None:
        self.label = label
        self.started = time.perf_counter()
        self.last = 0.0

    def report(self, done: int, total: int, label: str = "") -> None:
        now = time.perf_counter()
        if now - self.last > 5 or done == total:
            self.last = now
            print(f"  {self.label}: {done}/{total} in {now - self.started:.1f} s", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_engine(count: int) -> None:
    catalogue = load_catalogue()
    calendar = default_calendar()
    rng = random.Random(2026)
    procedures = list(catalogue)
    dossiers = []
    for _ in range(count):
        procedure = rng.choice(procedures)
        received = datetime(2026, rng.randint(1, 12), rng.randint(1, 28), rng.randint(7, 16), 0, tzinfo=LOCAL_TZ)
        dossiers.append(parse(make_dossier(rng, procedure, received, flawed=rng.random() < 0.15)))
    for dossier in dossiers[:200]:  # warm the caches (holiday table, syllable checks)
        screen_dossier(dossier, catalogue, calendar)
    samples: list[float] = []
    fired: Counter[str] = Counter()
    for dossier in dossiers:
        start = time.perf_counter()
        result = screen_dossier(dossier, catalogue, calendar)
        samples.append((time.perf_counter() - start) * 1000)
        fired.update(f.code for f in result.findings)
    p50, p95 = statistics.median(samples), percentile(samples, 95)
    verdict = "met" if p50 < 5 else "NOT met"
    print(f"engine, {count} synthetic dossiers: p50 {p50:.3f} ms, p95 {p95:.3f} ms, max {max(samples):.2f} ms "
          f"(goal median < 5 ms: {verdict})")
    print("  findings per code: " + ", ".join(f"{code} {n}" for code, n in fired.most_common()))


def bench_queue(count: int) -> None:
    os.environ["OFFICER_DESK_NO_KEYRING"] = "1"
    home = Home(CACHE / f"screening-{count}")
    desk = open_desk(home)
    existing = desk.cases.count(QueueFilter())
    if existing != count:
        desk.close()
        shutil.rmtree(home.root, ignore_errors=True)
        desk = open_desk(home)
        enable_demo_mode(desk)
        start = time.perf_counter()
        generate_cases(desk, count, seed=2026, progress=Progress("demo queue"))
        print(f"built a queue of {count} demo dossiers in {time.perf_counter() - start:.0f} s")
    statuses = [s.value for s in Status]
    start = time.perf_counter()
    done = rescreen(desk, statuses, Progress("rescreen"))
    elapsed = time.perf_counter() - start
    verdict = "met" if elapsed < 60 else "NOT met"
    print(f"rescreen of {done} queued dossiers ({desk.db.description}): {elapsed:.1f} s, "
          f"{elapsed / max(done, 1) * 1000:.2f} ms per dossier (goal 10,000 in < 60 s: {verdict})")
    desk.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=5000, help="synthetic dossiers for the engine timing")
    parser.add_argument("--queue", type=int, default=10_000, help="queued dossiers to re-screen (0: skip)")
    parser.add_argument("--cores", type=int, default=2, help="CPU cores the process may use (Linux)")
    args = parser.parse_args()
    if args.cores and hasattr(os, "sched_setaffinity"):
        available = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, set(available[: args.cores]))
        print(f"running on cores {sorted(os.sched_getaffinity(0))}")
    CACHE.mkdir(parents=True, exist_ok=True)
    bench_engine(args.dossiers)
    if args.queue:
        bench_queue(args.queue)
    return 0


if __name__ == "__main__":
    sys.exit(main())
