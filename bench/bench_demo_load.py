"""The demo load at scale (issues 17 and 12): ``officer-desk demo --cases N`` into a fresh home, by phase.

    nice -n 10 .venv/bin/python bench/bench_demo_load.py --cases 100000 --root DIR [--postgresql] [--workers W]
        [--keep] [--every N] [--no-compact]

Runs the demo's own code (``run_demo``) into ``DIR/home`` (removed first; on ``--postgresql`` a private
server under ``DIR/server``, fresh database) and prints per phase the wall time, the CPU seconds of the
loading process and of its worker processes (and of the PostgreSQL server), and the load average: the
machine is shared, so the CPU seconds say what the work costs and the wall time what it took at that load.
Goals (reported, not asserted): 1,000,000 cases under 300 s on SQLite, under 600 s into PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")

import officer_desk.demo as demo  # noqa: E402
from officer_desk.desk import open_desk  # noqa: E402
from officer_desk.paths import Home  # noqa: E402


class Clock:
    """Wall and CPU (this process; worker processes once they have exited; the server) between marks."""

    def __init__(self, server: Any = None) -> None:
        self.server = server
        self.marks: list[tuple[str, float, float, float, float, float]] = []
        self.mark("start")

    def _server_cpu(self) -> float:
        if self.server is None:
            return 0.0
        from bench.bench_sync import server_cpu

        return server_cpu(self.server)

    def mark(self, name: str) -> None:
        times = os.times()
        self.marks.append((name, time.perf_counter(), times.user + times.system,
                           times.children_user + times.children_system, self._server_cpu(),
                           os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0))

    def report(self) -> None:
        for (_n, wall0, cpu0, kids0, pg0, _l), (name, wall, cpu, kids, pg, load) in zip(
                self.marks, self.marks[1:], strict=False):
            server = f", server CPU {pg - pg0:6.1f} s" if self.server is not None else ""
            print(f"  {name:<34} {wall - wall0:7.1f} s wall, loader CPU {cpu - cpu0:6.1f} s, "
                  f"workers CPU {kids - kids0:6.1f} s{server} (load average {load:.1f})", flush=True)
        first, last = self.marks[0], self.marks[-1]
        server = f", server CPU {last[4] - first[4]:.1f} s" if self.server is not None else ""
        print(f"  {'total':<34} {last[1] - first[1]:7.1f} s wall, loader CPU {last[2] - first[2]:.1f} s, "
              f"workers CPU {last[3] - first[3]:.1f} s{server}", flush=True)


def _timed(clock: Clock, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        clock.mark(name)
        return result
    return wrapper


def _live_children_cpu() -> float:
    """CPU seconds of this process's running children (the workers, before they exit)."""
    from bench.bench_sync import process_tree_cpu

    return process_tree_cpu(os.getpid(), own=False)


class Every:
    """Progress that prints the running figures every ``step`` cases (a long load says how it goes)."""

    def __init__(self, step: int) -> None:
        self.step, self.next, self.start = step, step, time.perf_counter()

    def report(self, done: int, total: int, label: str = "") -> None:
        if done >= self.next:
            self.next = (done // self.step + 1) * self.step
            times = os.times()
            print(f"    {done:>9,} cases: {time.perf_counter() - self.start:7.1f} s wall, loader CPU "
                  f"{times.user + times.system:6.1f} s, running workers CPU {_live_children_cpu():6.1f} s "
                  f"(load average {os.getloadavg()[0]:.1f})", flush=True)

    def cancelled(self) -> bool:
        return False


def _marked_before(clock: Clock, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        clock.mark(name)
        return fn(*args, **kwargs)
    return wrapper


def _workers(cases: int) -> int:
    pool_size = getattr(demo, "pool_size", None)
    return 0 if pool_size is None else int(pool_size(cases))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--postgresql", action="store_true")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: the demo's)")
    parser.add_argument("--keep", action="store_true", help="keep the home (and server data) afterwards")
    parser.add_argument("--every", type=int, default=0, help="print running figures every N cases")
    parser.add_argument("--no-compact", action="store_true",
                        help="leave the file as loaded (no VACUUM at the end): the figures before session 7")
    args = parser.parse_args()
    home = Home(args.root / "home")
    shutil.rmtree(home.root, ignore_errors=True)
    os.environ["OFFICER_DESK_HOME"] = str(home.root)
    server = url = None
    if args.postgresql:
        from bench.bench_pg_scale import _database
        from tests.helpers.pg import start_server

        server = start_server(args.root / "server")
        url = _database(server, "demo_load", fresh=True)
    try:
        desk = open_desk(home, url)
        print(f"== demo load, {args.cases} cases, {'PostgreSQL' if url else 'SQLite (SQLCipher)'}, "
              f"workers {_workers(args.cases) if args.workers is None else args.workers}, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        clock = Clock(server)
        demo.enable_demo_mode(desk)
        clock.mark("demo mode (CA, certificates)")
        # Phase marks: the load ends where the statistics are refreshed (the workers have exited by then;
        # an older loader saved its numbering counters in between, counted with the load).
        optimize = demo.optimize
        if hasattr(demo, "_save_sequences"):
            demo._save_sequences = _timed(clock, "generate + write", demo._save_sequences)
        else:
            optimize = _marked_before(clock, "generate + write", optimize)
        demo.optimize = _timed(clock, "PRAGMA optimize", optimize)  # type: ignore[assignment]
        demo._screen_codes = _timed(clock, "screen newest open cases", demo._screen_codes)  # type: ignore[method-assign]
        demo._refresh_statistics = _timed(clock, "final ANALYZE", demo._refresh_statistics)  # type: ignore[method-assign]
        if hasattr(demo, "_compact_file"):  # (an older loader left the file as loaded)
            compact = (lambda *_a, **_k: False) if args.no_compact else demo._compact_file
            demo._compact_file = _timed(clock, "compact the file (VACUUM)", compact)  # type: ignore[method-assign]
        # (an older loader, run for the "before" figures, takes no ``workers``)
        extra = {} if args.workers is None else {"workers": args.workers}
        progress = Every(args.every) if args.every else None
        created = demo.generate_cases(desk, args.cases, seed=2026, progress=progress, **extra)
        desk.db.dispose()
        assert created == args.cases, created
        clock.report()
        if url is None:
            size = sum(p.stat().st_size for p in home.root.glob("officer-desk.db*"))
            print(f"  database file {size / 1e9:.3f} GB ({size} bytes)", flush=True)
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
            print(f"  peak memory of the loading process {peak:.0f} MB", flush=True)
        except ImportError:  # not on Windows
            pass
    finally:
        if server is not None:
            server.stop()
        if not args.keep:
            shutil.rmtree(home.root, ignore_errors=True)
            if server is not None:
                shutil.rmtree(args.root / "server", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
