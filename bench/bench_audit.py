"""``audit verify`` on a long chain (goal: 1,000,000 entries in under 10 s).

    .venv/bin/python bench/bench_audit.py [--entries 1000000] [--backend sqlite|postgresql URL]

Builds (once, under bench/.cache/audit-N/) an encrypted SQLite home whose audit log holds N chained
entries shaped like the desk's own (case actions with a few details), then times the full
verification through the same code path as ``officer-desk audit verify``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from officer_desk.models.audit_hash import GENESIS, canonical_details, entry_digest, time_text  # noqa: E402
from officer_desk.paths import Home  # noqa: E402

ACTIONS = ("case.accept", "case.assigned", "case.screened", "receipt.issued", "case.start_processing",
           "notice.supplement", "auth.signed_in", "case.return_result")


def build(home: Home, url: str | None, entries: int) -> None:
    from officer_desk.database import open_database

    db = open_database(home, url)
    with db.engine.connect() as connection:
        present = connection.exec_driver_sql("SELECT count(*) FROM audit_entries").scalar()
    if present == entries:
        db.dispose()
        return
    print(f"building {entries:,} entries ...", file=sys.stderr)
    random.seed(9)
    start = datetime(2026, 1, 2, 1, 0, tzinfo=UTC)
    previous = GENESIS
    batch: list[dict[str, object]] = []
    began = time.perf_counter()
    postgres = db.engine.dialect.name == "postgresql"
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM audit_entries")
        for entry_id in range(1, entries + 1):
            at = start + timedelta(seconds=entry_id * 17)
            action = ACTIONS[entry_id % len(ACTIONS)]
            code = f"000.00.01.H41-26{(entry_id // 3000) % 12 + 1:02d}01-{entry_id % 9999:04d}"
            details = canonical_details({"desk": 1, "from_status": "received", "to_status": "accepted",
                                         "register_number": entry_id % 5000})
            digest = entry_digest(entry_id, time_text(at), "canbo.lan", 1, action, "case", code, details, previous)
            # stored as the desk's ORM stores it (SQLite: text with microseconds)
            stored_at = at.replace(tzinfo=None) if postgres else at.strftime("%Y-%m-%d %H:%M:%S.%f")
            batch.append({"id": entry_id, "at": stored_at, "actor": "canbo.lan", "desk": 1,
                          "action": action, "entity_type": "case", "entity_id": code, "details": details,
                          "prev_hash": previous, "entry_hash": digest})
            previous = digest
            if len(batch) == 20000:
                _insert(connection, batch)
                batch = []
        if batch:
            _insert(connection, batch)
        connection.exec_driver_sql(f"UPDATE audit_chain_head SET last_id = {entries}, entry_hash = '{previous}'")
    print(f"built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    db.dispose()


def _insert(connection, batch) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    details = "CAST(:details AS JSON)" if connection.dialect.name == "postgresql" else ":details"
    connection.execute(sa.text(
        "INSERT INTO audit_entries (id, at, actor, desk, action, entity_type, entity_id, details, prev_hash, "
        f"entry_hash) VALUES (:id, :at, :actor, :desk, :action, :entity_type, :entity_id, {details}, :prev_hash, "
        ":entry_hash)"), batch)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--database", metavar="URL", help="PostgreSQL URL (default: encrypted SQLite)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = ROOT / ".cache" / f"audit-{args.entries}"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["OFFICER_DESK_NO_KEYRING"] = "1"
    home = Home(folder)
    build(home, args.database, args.entries)
    from officer_desk.audit_log import AuditLog
    from officer_desk.desk import open_desk

    desk = open_desk(home, args.database)
    timings = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        report = AuditLog(desk).verify()
        timings.append(time.perf_counter() - began)
        assert report.intact and report.entries == args.entries, report
    desk.close()
    print(f"audit verify, {args.entries:,} entries ({'PostgreSQL' if args.database else 'SQLite'}): "
          f"best {min(timings):.2f} s, runs {', '.join(f'{t:.2f}' for t in timings)} s (goal < 10 s)")


if __name__ == "__main__":
    main()
