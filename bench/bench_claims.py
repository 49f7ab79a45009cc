"""Claims per second with 8 desks on one PostgreSQL (issue 12), and no case claimed twice.

    .venv/bin/python bench/bench_claims.py [--desks 8] [--cases 2000]

Starts its own PostgreSQL (tests/helpers/pg.py) and fills it with demo cases. Then N desk processes,
each a different officer, race through the SAME list of unassigned open cases, each in its own
order, claiming every case it can (``cases.assign``: the row is locked, a case held by someone else is
refused with a conflict). Afterwards every case has exactly one "assigned" event and its holder is
the officer of that event; the figure is successful claims per second over the race's wall time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select, update

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")

from officer_desk.demo import generate_cases  # noqa: E402
from officer_desk.desk import open_desk  # noqa: E402
from officer_desk.errors import ConflictError  # noqa: E402
from officer_desk.lifecycle import CLOCK_RUNNING  # noqa: E402
from officer_desk.models import Case, CaseEvent, Officer  # noqa: E402
from officer_desk.paths import Home  # noqa: E402
from tests.helpers.pg import start_server  # noqa: E402


def _desk_process(root: str, url: str, index: int, codes: list[str], start_at: float,
                  results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    os.environ["OFFICER_DESK_HOME"] = root
    desk = open_desk(Home(Path(root)), url, officer=f"canbo.{index}")
    order = codes[:]
    random.Random(index).shuffle(order)
    claimed = refused = 0
    while time.time() < start_at:
        time.sleep(0.01)
    began = time.perf_counter()
    for code in order:
        try:
            desk.cases.assign(code)
            claimed += 1
        except ConflictError:
            refused += 1
    results.put((index, claimed, refused, began, time.perf_counter()))
    desk.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=8)
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="od-bench-claims-"))
    server = start_server()
    try:
        import sqlalchemy as sa

        admin = sa.create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql('CREATE DATABASE "center"')
        admin.dispose()
        url = server.url("center")
        os.environ["OFFICER_DESK_HOME"] = str(work)
        desk = open_desk(Home(work), url, officer="canbo.0")
        generate_cases(desk, args.cases * 2, seed=12)
        with desk.db.session() as session:
            codes = list(session.execute(select(Case.dossier_code).where(
                Case.status.in_([s.value for s in CLOCK_RUNNING])).order_by(Case.id).limit(args.cases)).scalars())
            # The pool: open cases nobody holds (bench set-up, not an officer's action).
            session.execute(update(Case).where(Case.dossier_code.in_(codes)).values(assigned_officer_id=None))
            for index in range(args.desks):
                if session.execute(select(Officer).where(Officer.username == f"canbo.{index}")).scalar() is None:
                    session.add(Officer(username=f"canbo.{index}", full_name=f"Cán bộ {index}"))
        desk.close()
        load = os.getloadavg()[0]
        results: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        start_at = time.time() + 8  # every process opened and waiting
        processes = [multiprocessing.Process(target=_desk_process, args=(str(work), url, i, codes, start_at, results))
                     for i in range(args.desks)]
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=600) for _ in processes]
        for process in processes:
            process.join()
        began = min(o[3] for o in outcomes)
        ended = max(o[4] for o in outcomes)
        claimed = sum(o[1] for o in outcomes)
        refused = sum(o[2] for o in outcomes)
        # Every case exactly once: one "assigned" event, and the holder is that event's officer.
        desk = open_desk(Home(work), url, officer="canbo.0")
        with desk.db.session() as session:
            rows = session.execute(select(Case.dossier_code, Case.assigned_officer_id).where(
                Case.dossier_code.in_(codes))).all()
            events = session.execute(select(CaseEvent.case_id, CaseEvent.officer_id).join(Case).where(
                Case.dossier_code.in_(codes), CaseEvent.action == "assigned")).all()
            ids = dict(session.execute(select(Case.id, Case.dossier_code).where(Case.dossier_code.in_(codes))).all())
        desk.close()
        per_case = Counter(ids[case_id] for case_id, _officer in events)
        holder_of = {ids[case_id]: officer for case_id, officer in events}
        double = sum(1 for code in codes if per_case[code] > 1)
        wrong = sum(1 for code, holder in rows if holder_of.get(code) != holder)
        print(f"{args.desks} desks, {len(codes)} cases raced by every desk (load average {load:.1f} before, "
              f"{os.getloadavg()[0]:.1f} after)")
        print(f"claims: {claimed} succeeded, {refused} refused as already taken, in {ended - began:.1f} s "
              f"= {claimed / (ended - began):.0f} claims/s ({(claimed + refused) / (ended - began):.0f} attempts/s)")
        print(f"double claims: {double}; holders differing from their claim event: {wrong}; "
              f"unclaimed: {len(codes) - claimed}")
        assert double == 0 and wrong == 0 and claimed == len(codes)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
