"""Where the bytes of an SQLite desk file go (issue 17's size goal), table by table and index by index.

    .venv/bin/python bench/bench_db_size.py HOME [--top 40]

The desk file is encrypted, so ``dbstat`` cannot read it in place: the file is exported to a plaintext copy
next to it (``sqlcipher_export``; removed afterwards, even on error), and the standard library's SQLite
reports each b-tree's pages and payload. Prints the file size, the plaintext page total, and per b-tree its
pages in MB, its share, its rows and the payload bytes per row.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")

from officer_desk.paths import Home  # noqa: E402
from officer_desk.security import load_database_key  # noqa: E402


def export_plaintext(database: Path, key: bytes, plain: Path) -> None:
    import sqlcipher3

    plain.unlink(missing_ok=True)
    connection = sqlcipher3.connect(str(database))
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(plain),))
        connection.execute("SELECT sqlcipher_export('plaintext')")
        connection.execute("DETACH DATABASE plaintext")
    finally:
        connection.close()


def breakdown(plain: Path) -> list[tuple[str, int, int, int]]:
    """(b-tree name, bytes of pages, rows (cells on leaf pages), payload bytes) per b-tree, largest first."""
    connection = sqlite3.connect(str(plain))
    try:
        rows = connection.execute(
            "SELECT name, sum(pgsize), sum(CASE WHEN pagetype = 'leaf' THEN ncell ELSE 0 END), sum(payload) "
            "FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    finally:
        connection.close()
    return [(str(name), int(size), int(cells), int(payload)) for name, size, cells, payload in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    home = Home(args.home)
    database = home.database
    plain = database.with_name(database.name + ".plaintext-size")
    try:
        export_plaintext(database, load_database_key(home, create=False), plain)
        rows = breakdown(plain)
    finally:
        plain.unlink(missing_ok=True)
    total = sum(size for _n, size, _c, _p in rows)
    print(f"file {database.stat().st_size / 1e6:.1f} MB, plaintext pages {total / 1e6:.1f} MB")
    print(f"{'b-tree':<40} {'MB':>8} {'share':>6} {'rows':>10} {'B/row':>7}")
    for name, size, cells, payload in rows[: args.top]:
        per_row = payload / cells if cells else 0.0
        print(f"{name:<40} {size / 1e6:8.1f} {100 * size / total:5.1f}% {cells:10d} {per_row:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
