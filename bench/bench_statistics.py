"""Plans that do not depend on luck (issue 17): the duplicate lookup and one import into a large desk.

    OFFICER_DESK_NO_KEYRING=1 .venv/bin/python bench/bench_statistics.py --home COPY [--imports 30]

``COPY`` is a desk home of your own (a copy of a 1,000,000-case demo home — never the shared original: the
desk upgrades it in place and imports into it). Measures:

- opening it (schema upgrade to 0013 included the first time: the duplicate index is built, then
  ``PRAGMA optimize``), and the duplicate lookup's query plan;
- the duplicate lookup (the screening's, ORM) on 200 stored (procedure, applicant ID, subject) triples:
  median / p95, once with the statistics the desk keeps and once with none (``sqlite_stat1`` emptied, a
  desk that only ever grew by imports) — the index must make both fast;
- importing one dossier at a time (``CaseService.import_file``: parse, validate, screen incl. duplicates,
  insert, search terms, audit): median / p95 over ``--imports`` new dossiers (goal: < 15 ms at 1,000,000),
  with the CPU time of each import (what a loaded machine does not inflate), and in the same run, one
  before each import, the commit floor: a one-row transaction on the desk's own engine (SQLCipher, WAL,
  synchronous=FULL — what any acknowledged write costs on this disk), on a scratch table dropped at the end;
- importing each of those files again (``reimport_unchanged``): recognised as the case it made, skipped;
- the clock guard's check (``clock_problem``, its own short transaction) 200 times after those imports.

Prints one JSON object with the load average; figures go to bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from officer_desk.cases.findings import duplicates_query  # noqa: E402
from officer_desk.demo_data import demo_dossiers  # noqa: E402
from officer_desk.desk import Desk, open_desk  # noqa: E402
from officer_desk.paths import Home  # noqa: E402

FLOOR_TABLE = "bench_commit_floor"


def _commit_floor(desk: Desk) -> float:
    """One one-row transaction through the desk's engine (its pragmas and its BEGIN IMMEDIATE)."""
    started = time.perf_counter()
    with desk.db.engine.begin() as connection:
        connection.exec_driver_sql(f"INSERT INTO {FLOOR_TABLE} (v) VALUES ('x')")
    return time.perf_counter() - started


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 2)}


def _lookups(desk: Desk, triples: list[tuple[str, str, str]]) -> dict[str, object]:
    times = []
    with desk.db.session() as session:
        plan = " / ".join(str(row[-1]) for row in session.execute(sa.text(
            "EXPLAIN QUERY PLAN " + str(duplicates_query(*triples[0], "X").compile(
                dialect=desk.db.engine.dialect, compile_kwargs={"literal_binds": True})))))
        for procedure, id_number, subject in triples:
            started = time.perf_counter()
            session.execute(duplicates_query(procedure, id_number, subject, "X")).all()
            times.append(time.perf_counter() - started)
    return {**_ms(times), "plan": plan}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--imports", type=int, default=30)
    args = parser.parse_args()
    home = Home(args.home)
    results: dict[str, object] = {}
    started = time.perf_counter()
    desk = open_desk(home)
    results["open_s"] = round(time.perf_counter() - started, 2)
    try:
        with desk.db.engine.connect() as connection:
            results["cases"] = connection.execute(sa.text("SELECT max(id) FROM cases")).scalar()
            sample = connection.execute(sa.text(
                "SELECT procedure_code, applicant_id_number, subject_key FROM cases "
                "WHERE id IN (SELECT abs(random()) % (SELECT max(id) FROM cases) + 1 FROM cases LIMIT 200)")).all()
        triples = [(str(p), str(i), str(s)) for p, i, s in sample]
        results["lookup_with_statistics"] = _lookups(desk, triples)

        folder = Path(tempfile.mkdtemp(prefix="od-import-"))
        rng = random.Random(17)
        run = time.time_ns() // 1000 % 10**9
        paths = []
        for index, (dossier, _status) in enumerate(
                demo_dossiers(desk.catalogue, args.imports, rng.randrange(1 << 30), date.today())):
            # Codes new to this home on every run (a second run on the same copy must import, not skip).
            dossier["dossier_code"] = f"000.00.01.X99-991231-{run:09d}{index:04d}"
            for item in dossier.get("attachments") or []:
                item["presented_only"] = True
            path = folder / f"{index:04d}.json"
            path.write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
        desk.cases.import_file(paths[0])  # warm: catalogue, calendar, statements
        with desk.db.engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {FLOOR_TABLE} (id INTEGER PRIMARY KEY, v TEXT)")
        times, cpu, floor = [], [], []
        try:
            for path in paths[1:]:
                floor.append(_commit_floor(desk))
                started, cpu_started = time.perf_counter(), time.process_time()
                outcome, _code = desk.cases.import_file(path)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
                if outcome != "imported":
                    raise SystemExit(f"{path.name} was {outcome}, not imported: the figures would not be imports")
        finally:
            with desk.db.engine.begin() as connection:
                connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FLOOR_TABLE}")
        results["import_one"] = {**_ms(times), "cpu_median_ms": _ms(cpu)["median_ms"]}
        # The same files again: each is recognised as the case it made and skipped (the stored record compared).
        again = []
        for path in paths[1:]:
            started = time.perf_counter()
            outcome, _code = desk.cases.import_file(path)
            again.append(time.perf_counter() - started)
            if outcome != "skipped":
                raise SystemExit(f"{path.name} was {outcome} again, not skipped")
        results["reimport_unchanged"] = _ms(again)
        # The clock guard's check (lifecycle actions, signing, receipts, the status bar): on SQLite since
        # migration 0026 a checkpoint and a row-id range read over the events the imports above just wrote.
        clock = []
        for _ in range(200):
            started = time.perf_counter()
            desk.cases.clock_problem()
            clock.append(time.perf_counter() - started)
        results["clock_check"] = _ms(clock)
        results["commit_floor"] = _ms(floor)
        results["import_over_floor"] = round(statistics.median(times) / statistics.median(floor), 1)
    finally:
        desk.db.dispose()  # not desk.close(): the no-statistics run below must start from none

    desk = open_desk(home)
    with desk.db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM sqlite_stat1")
    desk.db.dispose()
    desk = open_desk(home)
    try:
        results["lookup_without_statistics"] = _lookups(desk, triples)
    finally:
        desk.close()  # PRAGMA optimize puts the statistics back
    results["load_average"] = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
