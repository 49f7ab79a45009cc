"""Sync figures (issue 12): push of N outbox items, pull of N cases, bundle export/import of N cases,
and the fault-injection loop (a desk killed at many points, convergence checked after each).

    .venv/bin/python bench/bench_sync.py [--n 10000] [--kills 20]

Starts its own PostgreSQL (tests/helpers/pg.py); the desks are encrypted SQLite files in a temp folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select, update

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")

from officer_desk.database import open_database  # noqa: E402
from officer_desk.demo import generate_cases  # noqa: E402
from officer_desk.desk import Desk, open_desk  # noqa: E402
from officer_desk.models import Case, CaseRoute, OutboxItem  # noqa: E402
from officer_desk.paths import Home  # noqa: E402
from officer_desk.sync import synchronize  # noqa: E402
from officer_desk.sync.bundle import export_bundle, import_bundle  # noqa: E402
from officer_desk.sync.engine import desk_identity  # noqa: E402
from officer_desk.sync.identity import trust_identity  # noqa: E402
from tests.helpers.pg import start_server  # noqa: E402
from tests.helpers.sync_faults import POINTS, case_inventory, run_killed_sync  # noqa: E402


def _desk(root: Path) -> Desk:
    os.environ["OFFICER_DESK_HOME"] = str(root)
    return open_desk(Home(root))


def _filled(root: Path, n: int) -> tuple[Desk, list[str]]:
    desk = _desk(root)
    generate_cases(desk, n, seed=12)
    with desk.db.session() as session:
        codes = list(session.execute(select(Case.dossier_code).order_by(Case.id)).scalars())
        session.execute(insert(OutboxItem), [{"kind": "case.received", "entity_id": c, "payload": {}} for c in codes])
    return desk, codes


def _database(server: object, name: str) -> str:
    import sqlalchemy as sa

    admin = sa.create_engine(server.admin_url, isolation_level="AUTOCOMMIT")  # type: ignore[attr-defined]
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return str(server.url(name))  # type: ignore[attr-defined]


def process_tree_cpu(pid: int, own: bool = True) -> float:
    """CPU seconds of ``pid``'s running children, and with ``own`` of ``pid`` itself with the children it
    reaped (Linux /proc; 0 where there is none)."""
    total = 0
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if own and int(entry) == pid:
            total += sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
        elif int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK") if total else 0.0


def server_cpu(server: object) -> float:
    """CPU seconds used by the PostgreSQL server so far (its processes, and the backends it reaped)."""
    return process_tree_cpu(int((server.data_dir / "postmaster.pid").read_text().split()[0]))  # type: ignore[attr-defined]


class Timer:
    """Wall time, and the CPU this process and the server used: on a shared, loaded machine the CPU
    seconds say what the work costs, the wall time what it took at that load."""

    def __init__(self, server: object) -> None:
        self.server = server

    def __enter__(self) -> Timer:
        self.wall, self.cpu, self.pg = time.perf_counter(), time.process_time(), server_cpu(self.server)
        self.load = os.getloadavg()[0]
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.pg = server_cpu(self.server) - self.pg

    def figures(self) -> dict[str, float]:
        return {"wall_s": round(self.wall, 2), "desk_cpu_s": round(self.cpu, 2), "server_cpu_s": round(self.pg, 2),
                "load_average": round(self.load, 1)}

    def __str__(self) -> str:
        return (f"{self.wall:.1f} s wall (desk process CPU {self.cpu:.1f} s, PostgreSQL CPU {self.pg:.1f} s, "
                f"load average {self.load:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=20)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    work = Path(tempfile.mkdtemp(prefix="od-bench-sync-"))
    # The center's desks share one key file (attachments on the server are read by every desk).
    key_file = work / "center.key"
    key_file.write_text(secrets.token_hex(32) + "\n")
    os.environ["OFFICER_DESK_DB_KEY_FILE"] = str(key_file)
    server = start_server()
    try:
        url = _database(server, "center")
        commune, codes = _filled(work / "commune", args.n)
        open_database(commune.home, url).dispose()  # the server's schema exists (not timed)
        with Timer(server) as timer:
            report = synchronize(commune, url)
        assert len(report.pushed) == args.n and not report.conflicts, report.as_json() if args.n < 50 else None
        print(f"push of {args.n} outbox items (new cases): {timer}")
        summary: dict[str, object] = {"items": args.n, "push": timer.figures(), "push_goal_met": timer.wall < 20}

        other = _desk(work / "other")
        identity = desk_identity(other)
        center = open_desk(Home(work / "commune"), url)
        with center.db.session() as session:
            # The province assigns every case to another commune's desk.
            session.execute(update(CaseRoute).values(desk_id=identity.desk_id))
        center.close()
        with Timer(server) as timer:
            pulled = synchronize(other, url)
        assert len(pulled.pulled) == args.n
        print(f"pull of {args.n} cases assigned to a desk: {timer}")
        summary["pull"] = timer.figures()

        sender, _codes = _filled(work / "sender", args.n)
        receiver = _desk(work / "receiver")
        trust_identity(sender.db, desk_identity(receiver).public, "bench")
        trust_identity(receiver.db, desk_identity(sender).public, "bench")
        bundle = work / "usb.odb"
        with Timer(server) as export_timer:
            export_bundle(sender, bundle)
        with Timer(server) as import_timer:
            result = import_bundle(receiver, bundle)
        assert len(result.applied) == args.n
        print(f"bundle of {args.n} cases ({bundle.stat().st_size / 1e6:.1f} MB): export {export_timer}; "
              f"import {import_timer}")
        summary.update(bundle_export=export_timer.figures(), bundle_import=import_timer.figures(),
                       bundle_mb=round(bundle.stat().st_size / 1e6, 1))
        for desk in (commune, other, sender, receiver):
            desk.close()
        print(f"load average after the timed runs: {os.getloadavg()[0]:.1f}")

        rng = random.Random(12)
        kills = 0
        for attempt in range(args.kills):
            root = work / f"kill{attempt}"
            desk, kill_codes = _filled(root, 30)
            desk.close()
            kill_url = _database(server, f"kill{attempt}")
            point = POINTS[attempt % 2]  # the two push points; during_pull is covered by the tests
            # before_server_commit: the n-th case of the chunk; after_server_commit: the 2nd server
            # transaction is the chunk (the 1st registers the desk)
            after = rng.randint(1, 30) if point == "before_server_commit" else 2
            kills += run_killed_sync(root, kill_url, point, after) == 9
            desk = _desk(root)
            final = synchronize(desk, kill_url)
            assert not final.conflicts and not final.offline, (attempt, point, after, final.as_json())
            kill_center = open_desk(Home(root), kill_url)
            mine, theirs = case_inventory(desk, kill_codes), case_inventory(kill_center, kill_codes)
            kill_center.close()
            desk.close()
            assert all(mine[c][0] == theirs[c][0] == 1 and mine[c][1] == theirs[c][1] and mine[c][2] == theirs[c][2]
                       for c in kill_codes)
        print(f"fault injection: {args.kills} runs, {kills} desks killed mid-sync at random points; "
              "all converged (every case once, same events and attachments on both sides)")
        summary.update(kill_runs=args.kills, killed=kills, converged=True)
        print(json.dumps(summary))  # the last line: bench/run_all.py reads the figures from it
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
