"""Where the bytes of an SQLite desk file go (issue 17's size goal), table by table and index by index.

    .venv/bin/python bench/bench_db_size.py HOME [--top 40] [--export]

The desk file is encrypted, so ``dbstat`` cannot read it in place (the SQLCipher build has no ``dbstat``).
By default its pages are decrypted one by one into a plaintext copy next to it (page for page: the same
b-tree pages, the same free pages, so what the file is *as stored*); ``--export`` instead builds the copy
with ``sqlcipher_export`` (a logical copy: its b-trees are rebuilt, close to what a VACUUM leaves). The copy
is removed afterwards, even on error. Prints the file size, its pages and free (freelist) pages, and per
b-tree its pages in MB, its share, its rows, the payload bytes per row, the bytes left unused on its pages
and how full its pages are.
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

# SQLCipher 4's page format (the desk keeps its defaults): each page ends in a reserve of the IV (16 bytes)
# and the HMAC-SHA512 (64); page 1 starts with the file's 16-byte salt instead of the SQLite header text.
PAGE_RESERVE = 80
SALT = 16


def _checkpoint(database: Path, key: bytes) -> int:
    """Moves what is in the WAL into the file (pages as stored are the file's); returns the page size."""
    import sqlcipher3

    connection = sqlcipher3.connect(str(database))
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(connection.execute("PRAGMA page_size").fetchone()[0])
    finally:
        connection.close()


def decrypt_pages(database: Path, key: bytes, plain: Path) -> None:
    """A plaintext copy page for page (AES-256-CBC with the raw key and each page's IV; HMACs not checked)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    page_size = _checkpoint(database, key)
    aes = algorithms.AES(key)
    with database.open("rb") as source, plain.open("wb") as target:
        number = 0
        while page := source.read(page_size):
            start = SALT if number == 0 else 0
            iv = page[page_size - PAGE_RESERVE:page_size - PAGE_RESERVE + 16]
            decryptor = Cipher(aes, modes.CBC(iv)).decryptor()
            body = decryptor.update(page[start:page_size - PAGE_RESERVE]) + decryptor.finalize()
            target.write((b"SQLite format 3\0" if number == 0 else b"") + body + bytes(PAGE_RESERVE))
            number += 1


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


def breakdown(plain: Path) -> list[tuple[str, int, int, int, int]]:
    """(b-tree name, bytes of pages, rows (cells on leaf pages), payload bytes, unused bytes) per b-tree,
    largest first. ``unused`` counts what is free on the b-tree's pages (not the pages' reserve)."""
    connection = sqlite3.connect(str(plain))
    try:
        rows = connection.execute(
            "SELECT name, sum(pgsize), sum(CASE WHEN pagetype = 'leaf' THEN ncell ELSE 0 END), sum(payload), "
            "sum(unused) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    finally:
        connection.close()
    return [(str(name), int(size), int(cells), int(payload), int(unused))
            for name, size, cells, payload, unused in rows]


def free_pages(plain: Path) -> tuple[int, int, int]:
    """(pages, pages on the freelist, bytes reserved at the end of each page) of the plaintext copy (a
    page-for-page copy keeps SQLCipher's reserve; an export has none, so it fits more on a page)."""
    connection = sqlite3.connect(str(plain))
    try:
        pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
        free = int(connection.execute("PRAGMA freelist_count").fetchone()[0])
    finally:
        connection.close()
    with plain.open("rb") as header:
        reserve = header.read(100)[20]
    return pages, free, reserve


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--export", action="store_true",
                        help="measure a sqlcipher_export copy (rebuilt b-trees) instead of the pages as stored")
    args = parser.parse_args()
    home = Home(args.home)
    database = home.database
    plain = database.with_name(database.name + ".plaintext-size")
    key = load_database_key(home, create=False)
    try:
        (export_plaintext if args.export else decrypt_pages)(database, key, plain)
        rows = breakdown(plain)
        pages, free, reserve = free_pages(plain)
        page_size = plain.stat().st_size // max(pages, 1)
    finally:
        plain.unlink(missing_ok=True)
    total = sum(size for _n, size, _c, _p, _u in rows)
    unused = sum(u for _n, _s, _c, _p, u in rows)
    usable = page_size - reserve
    print(f"file {database.stat().st_size / 1e6:.1f} MB; {'export' if args.export else 'as stored'}: "
          f"{pages} pages of {page_size} B, free pages {free} ({free * page_size / 1e6:.1f} MB), "
          f"b-tree pages {total / 1e6:.1f} MB of which unused {unused / 1e6:.1f} MB")
    print(f"{'b-tree':<40} {'MB':>8} {'share':>6} {'rows':>10} {'B/row':>7} {'unused MB':>9} {'full':>5}")
    for name, size, cells, payload, free_bytes in rows[: args.top]:
        per_row = payload / cells if cells else 0.0
        full = f"{100 * (1 - free_bytes / (size // page_size * usable)):4.0f}%" if cells else "    -"
        print(f"{name:<40} {size / 1e6:8.1f} {100 * size / total:5.1f}% {cells:10d} {per_row:7.1f} "
              f"{free_bytes / 1e6:9.1f} {full}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
