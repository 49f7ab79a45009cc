"""Compacting the local SQLite file after bulk work (issue 17's size goal): a ``VACUUM`` rebuilds every
b-tree in key order, so no page is left part-full and no page free.

A bulk load leaves the pages of b-trees written out of key order part-full (the cases' secondary indexes,
the search terms across batches): at 100,000 demo cases 12.4 MB of the 170.5 MB file were unused bytes on
b-tree pages, 3.7 MB after a VACUUM (bench/README.md, "Session 7: a compact file as the demo leaves it").

What it costs and needs (why it is done only after a large load, never on a routine path):
- time: it reads and writes the whole file (3 s at 100,000 cases, ~23 s at 1,000,000);
- disk: the rebuilt copy goes to a temporary file (``temp_store = FILE`` for this statement: in memory it
  would be the size of the file) in SQLite's temporary folder, encrypted with the desk's key like the file
  itself; then, as the file is in WAL mode, every page of the result goes through the WAL next to it. So
  about twice the file's size must be free (the file's size in each place); when it is not, nothing is done;
- it is one transaction: an interrupted, failed or killed VACUUM leaves the file as it was (every row kept).

When: after a demo load that wrote most of the desk's cases (``officer_desk.demo``), and after a schema upgrade
that left a large share of the file's pages free (``compact_after_upgrade``: migrations that drop an index or
shrink rows free their pages for reuse, but only a VACUUM gives them back to the disk; an office upgrading a
1,000,000-case file from session 6's schema frees about 100 MB).

PostgreSQL compacts with its own ``VACUUM``; nothing is done there.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

# How often (SQLite virtual-machine steps) a running VACUUM asks whether the officer cancelled: a few
# milliseconds apart, so a cancel stops it at once and the check itself costs nothing measurable.
CANCEL_CHECK_STEPS = 100_000
# After an upgrade, the share of the file's pages left free that makes it worth compacting there and then (the
# VACUUM reads and writes the whole file: ~25 s at 1,000,000 cases, once, inside the upgrade the window announces).
UPGRADE_FREE_SHARE = 0.05
# Free space asked for beyond the file's size in each place (the rebuilt copy has its own b-tree pages).
SPACE_MARGIN = 1.1


def sqlite_temp_folder() -> Path:
    """Where SQLite puts a connection's temporary files (the VACUUM's rebuilt copy): its own order of
    places (SQLITE_TMPDIR, TMPDIR, /var/tmp, /usr/tmp, /tmp) on Unix, the system's temporary folder on
    Windows."""
    if sys.platform == "win32":
        import tempfile

        return Path(tempfile.gettempdir())
    for name in ("SQLITE_TMPDIR", "TMPDIR"):
        value = os.environ.get(name)
        if value and os.path.isdir(value) and os.access(value, os.W_OK | os.X_OK):
            return Path(value)
    for folder in ("/var/tmp", "/usr/tmp", "/tmp"):
        if os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
            return Path(folder)
    return Path.cwd()


def space_needed(database: Path) -> dict[Path, int]:
    """Bytes that must be free per folder for a VACUUM of ``database``: its size (with margin) in SQLite's
    temporary folder for the rebuilt copy and as much next to the file for the WAL; twice that where the
    two are one file system."""
    size = database.stat().st_size
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        size += wal.stat().st_size
    each = int(size * SPACE_MARGIN)
    home, temp = database.parent, sqlite_temp_folder()
    if home.stat().st_dev == temp.stat().st_dev:
        return {home: 2 * each}
    return {home: each, temp: each}


def compact_file(engine: Engine, database: Path, cancelled: Callable[[], bool] | None = None) -> bool:
    """VACUUM the desk file behind ``engine``; True when done. Never raises for the database: a lack of
    space, a failure or a cancel (``cancelled`` is asked while it runs and stops it, rolled back) is logged
    and leaves the file as it was."""
    if engine.dialect.name != "sqlite":
        return False
    try:
        for folder, needed in space_needed(database).items():
            free = shutil.disk_usage(folder).free
            if free < needed:
                log.warning("desk file not compacted: %d MB free in %s, %d MB needed",
                            free // 1_000_000, folder, needed // 1_000_000)
                return False
    except OSError as exc:
        log.warning("desk file not compacted: free space unknown (%s)", type(exc).__name__)
        return False
    import sqlcipher3

    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        if connection is None:
            return False
        stop = cancelled or (lambda: False)
        temp_store = connection.execute("PRAGMA temp_store").fetchone()[0]
        # The rebuilt copy in a temporary file, not in memory (it is the size of the file).
        connection.execute("PRAGMA temp_store = FILE")
        connection.set_progress_handler(lambda: 1 if stop() else 0, CANCEL_CHECK_STEPS)
        try:
            connection.execute("VACUUM")  # the driver connection runs in autocommit: VACUUM is its own transaction
        finally:
            connection.set_progress_handler(None, 0)
            connection.execute(f"PRAGMA temp_store = {int(temp_store)}")
        # The WAL held every page of the result: back into the file, and the WAL file emptied (not left
        # at the size of the file next to it). A reader elsewhere may hold it back; the next checkpoint
        # finishes then.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return True
    except (sqlcipher3.dbapi2.Error, OSError) as exc:
        if cancelled is not None and cancelled():
            log.info("desk file compaction stopped by a cancel; the file is as it was")
        else:
            log.warning("desk file not compacted (%s: %s); the file is as it was", type(exc).__name__, exc)
        return False
    finally:
        raw.close()


def compact_after_upgrade(engine: Engine) -> bool:
    """After migrations ran on a local file: VACUUM it when at least ``UPGRADE_FREE_SHARE`` of its pages are
    free (the pages of dropped indexes). True when done; never raises (as ``compact_file``)."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return False
    try:
        with engine.connect() as connection:
            pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
            free = int(connection.exec_driver_sql("PRAGMA freelist_count").scalar_one())
    except DBAPIError as exc:
        log.warning("desk file not compacted after the upgrade: %s", type(exc.orig).__name__)
        return False
    if not pages or free < UPGRADE_FREE_SHARE * pages:
        return False
    log.info("compacting the desk file after the upgrade: %d of %d pages free", free, pages)
    return compact_file(engine, Path(engine.url.database))
