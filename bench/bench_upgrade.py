"""An office's desk file upgraded in place: how long opening an older file takes, and its size before and after.

    .venv/bin/python bench/bench_upgrade.py HOME

HOME is a COPY of a desk home at an older schema (it is upgraded, and compacted when the migrations left 5 %
or more of its pages free: ``officer_desk.models.compact.compact_after_upgrade``). Prints each migration's
start (Alembic's log, with times), the wall and CPU seconds of opening the desk, the load average, the
number of cases, the file size before and after, and the peak memory.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    args = parser.parse_args()
    os.environ["OFFICER_DESK_HOME"] = str(args.home)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    for noisy in ("alembic.runtime.plugins",):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    from officer_desk.cases.queue import QueueFilter
    from officer_desk.desk import open_desk
    from officer_desk.paths import Home

    home = Home(args.home)
    before = home.database.stat().st_size
    wall, cpu = time.perf_counter(), time.process_time()
    desk = open_desk(home)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    try:
        cases = desk.cases.count(QueueFilter())
    finally:
        desk.close()
    print(f"opening (upgrade included): {wall:.1f} s wall, {cpu:.1f} s CPU, load average {os.getloadavg()[0]:.1f}")
    print(f"cases {cases:,}; file {before:,} -> {home.database.stat().st_size:,} bytes; "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
