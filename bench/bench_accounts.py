"""Sign-in cost: one Argon2id password check with the production parameters (goal 100–300 ms).

    .venv/bin/python bench/bench_accounts.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from officer_desk.accounts.passwords import FAST_ENV, MEMORY_KIB, PARALLELISM, TIME_COST, hash_password, verify_password


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.pop(FAST_ENV, None)  # the production cost, never the test setting
    stored = hash_password("mat-khau-cua-can-bo")
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        assert verify_password(stored, "mat-khau-cua-can-bo")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    print(f"argon2id t={TIME_COST} m={MEMORY_KIB} KiB p={PARALLELISM}: "
          f"median {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, min {timings[0]:.0f} ms "
          f"({args.repeat} checks)")


if __name__ == "__main__":
    main()
