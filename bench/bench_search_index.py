"""A leaner search index (issue 17): layouts of the search terms measured side by side.

    nice -n 10 .venv/bin/python bench/bench_search_index.py [--home bench/.cache/home-100000] [--scale 1000000]

Reads the cases of a demo home (name, ID number, phone, dossier code — read only) and builds each layout in
a fresh SQLCipher file of its own (same page size and encryption as the desk), inserting in case order as the
desk does. For each: the file size as inserted and after VACUUM, extrapolated to ``--scale`` cases, and the
search (every reading of a typed text, one index range each, first 200 distinct cases as
``CaseQueue._search_ids`` asks) p50 / p95 over the same typed texts (name prefixes, inner name words, short
prefixes, ID, phone, whole codes, YYMMDD-NNNN), all in one run on one machine, interleaved per query.

Layouts:
  A  current (0002–0015): rowid table (id, case_id, term) + index (term, case_id) + unique (case_id, term)
     + index (case_id) — four B-trees;
  B  WITHOUT ROWID table, primary key (term, case_id), nothing else (0016) — one B-tree;
  C  B + an index (case_id) so a case's terms can be deleted without knowing them;
  D  B with name words instead of word suffixes (smaller; a multi-word text then needs an intersection
     or a check of the name: timed here on its first word only, so its figure is a lower bound);
  E  FTS5 over one folded column per case (contentless, prefix='2 3'), SQLite only (no PostgreSQL twin).

Service level on a real desk (``--service COPY``, a copy of a demo home of your own — it is upgraded in
place): opens the desk (the schema upgrade is timed), then types ``bench_ui``'s texts keystroke by keystroke
plus whole names, ID numbers, phones, codes and YYMMDD-NNNN of sampled cases, through
``CaseService.search_queue`` + the first page's rows as the window's worker does; p50 / p95, the file's
pages and free pages; ``--vacuum`` then times a VACUUM and gives the size after. ``--pg-root
COPY`` does the same on PostgreSQL (a copy of a ``bench_pg_scale.py --root`` folder: its server is started,
the database ``bench`` upgraded in place), with the database's and the term table's sizes. Before / after a change of
layout: run it once with the previous code (``PYTHONPATH=/work/main``) and once with this branch's.

Prints one JSON object (with the load average); figures go to bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402

from officer_desk.cases.terms import case_search_terms, search_keys  # noqa: E402
from officer_desk.rules.phone import phone_digits  # noqa: E402
from officer_desk.text import digits, fold  # noqa: E402

Source = tuple[int, str, str, str, str]  # case id, name, ID number, phone, code
LIMIT = 200


def _connect(path: Path, key: bytes) -> Any:
    connection = sqlcipher3.dbapi2.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection


def _read_sources(home: Path) -> list[Source]:
    key = bytes.fromhex((home / "db.key").read_text(encoding="utf-8").strip())
    connection = sqlcipher3.dbapi2.connect(f"file:{home / 'officer-desk.db'}?mode=ro", uri=True)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    rows = connection.execute("SELECT id, applicant_name, applicant_id_number, applicant_phone, dossier_code"
                              " FROM cases ORDER BY id").fetchall()
    connection.close()
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def _word_terms(name: str, id_number: str, phone: str, code: str) -> set[str]:
    terms = set(fold(name).split())
    terms |= {t for t in case_search_terms("", id_number, phone, code)}
    return terms


def _term_rows(sources: list[Source], terms: Callable[[str, str, str, str], set[str]]) -> Iterable[tuple[Any, ...]]:
    for case_id, name, id_number, phone, code in sources:
        for term in sorted(terms(name, id_number, phone, code)):
            yield term, case_id


def _range_search(table: str) -> Callable[[Any, list[str]], list[int]]:
    sql = f"SELECT case_id FROM {table} WHERE term >= ? AND term < ? ORDER BY term, case_id LIMIT {LIMIT * 4}"

    def search(connection: Any, keys: list[str]) -> list[int]:
        ids: list[int] = []
        for key in keys:
            ids += [row[0] for row in connection.execute(sql, (key, key + "\uffff"))]
        return list(dict.fromkeys(ids))[:LIMIT]
    return search


def _first_word_search(connection: Any, keys: list[str]) -> list[int]:
    return _range_search("t")(connection, [k.split()[0] if " " in k else k for k in keys])


def _fts_query(key: str) -> str:
    return '"' + key.replace('"', "") + '"*'


def _fts_search(connection: Any, keys: list[str]) -> list[int]:
    ids: list[int] = []
    for key in keys:
        ids += [row[0] for row in connection.execute(
            f"SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid LIMIT {LIMIT * 4}", (_fts_query(key),))]
    return list(dict.fromkeys(ids))[:LIMIT]


def _fts_text(name: str, id_number: str, phone: str, code: str) -> str:
    folded_code = fold(code)
    short = "-".join(folded_code.rsplit("-", 2)[1:])
    return " ".join(x for x in (fold(name), digits(id_number), phone_digits(phone), folded_code, short) if x)


def _build(kind: str, path: Path, key: bytes, sources: list[Source]) -> tuple[Any, float]:
    connection = _connect(path, key)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    started = time.perf_counter()
    connection.execute("BEGIN")
    if kind == "A":
        connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, term VARCHAR(160)"
                           " NOT NULL, UNIQUE (case_id, term))")
        connection.execute("CREATE INDEX t_term_case ON t (term, case_id)")
        connection.execute("CREATE INDEX t_case ON t (case_id)")
        connection.executemany("INSERT INTO t (term, case_id) VALUES (?, ?)", _term_rows(sources, case_search_terms))
    elif kind in ("B", "C", "D"):
        connection.execute("CREATE TABLE t (term VARCHAR(160) NOT NULL, case_id INTEGER NOT NULL,"
                           " PRIMARY KEY (term, case_id)) WITHOUT ROWID")
        if kind == "C":
            connection.execute("CREATE INDEX t_case ON t (case_id)")
        terms = _word_terms if kind == "D" else case_search_terms
        connection.executemany("INSERT INTO t (term, case_id) VALUES (?, ?)", _term_rows(sources, terms))
    elif kind == "E":
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(k, content='', prefix='2 3',"
                           " tokenize=\"unicode61 tokenchars '.-'\")")
        connection.executemany("INSERT INTO t (rowid, k) VALUES (?, ?)",
                               ((s[0], _fts_text(*s[1:])) for s in sources))
        connection.execute("INSERT INTO t (t) VALUES ('optimize')")
    connection.execute("COMMIT")
    return connection, time.perf_counter() - started


def _size(connection: Any) -> int:
    return int(connection.execute("PRAGMA page_count").fetchone()[0]) * int(
        connection.execute("PRAGMA page_size").fetchone()[0])


def _typed_texts(sources: list[Source], count: int, rng: random.Random) -> list[str]:
    texts: list[str] = []
    for _case_id, name, id_number, phone, code in rng.sample(sources, count):
        words = name.split()
        texts += [
            name[: rng.randint(3, max(3, len(name)))],              # the name as typed, with diacritics
            fold(" ".join(words[1:]))[: rng.randint(3, 12)] if len(words) > 1 else fold(name),  # inner words
            fold(words[-1])[:2],                                     # a two-letter prefix (many hits)
            id_number[: rng.randint(4, 12)],
            phone[: rng.randint(4, 10)],
            code,
            "-".join(code.rsplit("-", 2)[1:]),                        # YYMMDD-NNNN
        ]
    return [t for t in texts if t.strip()]


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 3),
            "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 3)}


TYPED = ["nguyen van hung", "tran thi mai", "le hoang", "0912345", "025194", "pham minh tuan", "do thi lan"]


def _pages(engine: Any) -> dict[str, float]:
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":  # a rebuilt table leaves no dead space behind
            return {"database_mb": round(int(connection.exec_driver_sql(
                        "SELECT pg_database_size(current_database())").scalar()) / 1e6, 1),
                    "terms_mb": round(int(connection.exec_driver_sql(
                        "SELECT pg_total_relation_size('case_search_terms')").scalar()) / 1e6, 1)}
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar())
        free = int(connection.exec_driver_sql("PRAGMA freelist_count").scalar())
        size = int(connection.exec_driver_sql("PRAGMA page_size").scalar())
    return {"file_mb": round(pages * size / 1e6, 1), "free_mb": round(free * size / 1e6, 1),
            "used_mb": round((pages - free) * size / 1e6, 1)}


def service(home_path: Path, samples: int, vacuum: bool, url: str | None = None) -> dict[str, Any]:
    from dataclasses import replace

    from sqlalchemy import text

    from officer_desk.cases.views import QueueFilter
    from officer_desk.desk import open_desk
    from officer_desk.models.migrate import current_revision
    from officer_desk.paths import Home

    os.environ.setdefault("OFFICER_DESK_NO_KEYRING", "1")
    home = Home(home_path)
    started = time.perf_counter()
    desk = open_desk(home, url, officer="canbo.lan")
    opened_s = time.perf_counter() - started
    result: dict[str, Any] = {"revision": current_revision(desk.db.engine),
                              "open_with_upgrade_s": round(opened_s, 1)}
    result.update(_pages(desk.db.engine))
    rng = random.Random(17)
    with desk.db.engine.connect() as connection:
        top = int(connection.execute(text("SELECT max(id) FROM cases")).scalar_one())
        picked = rng.sample(range(1, top + 1), samples)
        rows = connection.execute(text(
            "SELECT applicant_name, applicant_id_number, applicant_phone, dossier_code FROM cases WHERE id IN ("
            + ",".join(map(str, picked)) + ")")).all()
    texts = [t[:end] for t in TYPED for end in range(1, len(t) + 1)]
    for name, id_number, phone, code in rows:
        texts += [name, fold(name).split(" ", 1)[-1], id_number, phone, code, "-".join(code.rsplit("-", 2)[1:])]
    texts = [t for t in texts if t.strip()]
    flt = QueueFilter()
    for t in texts[:30]:  # warm
        desk.cases.search_queue(replace(flt, text=t), 200)

    def searches() -> dict[str, Any]:
        times: list[float] = []
        missed = 0
        cpu = time.process_time()
        for t in texts:
            begin = time.perf_counter()
            ids, _cut = desk.cases.search_queue(replace(flt, text=t), 200)
            desk.cases.rows(ids[:50])
            times.append(time.perf_counter() - begin)
            missed += not ids
        return {**_ms(times), "searches": len(texts), "searches_without_hit": missed,
                "search_cpu_s": round(time.process_time() - cpu, 2)}

    result.update(searches())
    if url is not None:  # once autovacuum has been by: index-only scans need the visibility map
        with desk.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM (ANALYZE) case_search_terms")
        result["after_vacuum_of_the_terms"] = searches()
    print(json.dumps(result), file=sys.stderr, flush=True)  # kept should the VACUUM fail
    if vacuum and url is None:
        started = time.perf_counter()
        raw = desk.db.engine.raw_connection()  # outside any transaction SQLAlchemy would begin
        try:
            raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
        finally:
            raw.close()
        result["vacuum_s"] = round(time.perf_counter() - started, 1)
        result["after_vacuum"] = _pages(desk.db.engine)
    desk.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=ROOT / "bench" / ".cache" / "home-100000")
    parser.add_argument("--scale", type=int, default=1_000_000, help="extrapolate sizes to this many cases")
    parser.add_argument("--cases", type=int, default=0, help="use only the first N cases (0: all)")
    parser.add_argument("--queries", type=int, default=150, help="sampled cases; 7 typed texts each")
    parser.add_argument("--layouts", default="ABCDE")
    parser.add_argument("--service", type=Path, help="a demo home of your own: service-level search on it")
    parser.add_argument("--samples", type=int, default=40, help="with --service: sampled cases")
    parser.add_argument("--vacuum", action="store_true", help="with --service: VACUUM after, timed")
    parser.add_argument("--pg-root", type=Path, help="service level on PostgreSQL: a copy of a bench_pg_scale "
                        "--root folder (its server and home; the database 'bench' is upgraded in place)")
    args = parser.parse_args()
    if args.pg_root:
        from tests.helpers.pg import start_server

        server = start_server(args.pg_root / "server")
        try:
            measured = service(args.pg_root / "home", args.samples, False, server.url("bench"))
        finally:
            server.stop()
        measured["loadavg"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(measured, indent=1))
        return
    if args.service:
        measured = service(args.service, args.samples, args.vacuum)
        measured["loadavg"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(measured, indent=1))
        return
    rng = random.Random(17)
    sources = _read_sources(args.home)
    if args.cases:
        sources = sources[: args.cases]
    factor = args.scale / len(sources)
    searches: dict[str, Callable[[Any, list[str]], list[int]]] = {
        "A": _range_search("t"), "B": _range_search("t"), "C": _range_search("t"), "D": _first_word_search,
        "E": _fts_search}
    result: dict[str, Any] = {"cases": len(sources), "scale": args.scale, "layouts": {}}
    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory(dir=ROOT / "bench" / ".cache") as tmp:
        connections = {}
        for kind in args.layouts:
            path = Path(tmp) / f"{kind}.db"
            connection, seconds = _build(kind, path, key, sources)
            inserted = _size(connection)
            connection.execute("VACUUM")
            vacuumed = _size(connection)
            connections[kind] = connection
            result["layouts"][kind] = {
                "build_s": round(seconds, 1), "inserted_mb": round(inserted / 1e6, 1),
                "vacuumed_mb": round(vacuumed / 1e6, 1),
                "at_scale_inserted_mb": round(inserted * factor / 1e6),
                "at_scale_vacuumed_mb": round(vacuumed * factor / 1e6)}
        texts = _typed_texts(sources, args.queries, rng)
        times: dict[str, list[float]] = {kind: [] for kind in connections}
        hits: dict[str, int] = {kind: 0 for kind in connections}
        for kind, connection in connections.items():  # warm the caches alike
            for text in texts[:50]:
                searches[kind](connection, search_keys(text))
        cpu = time.process_time()
        for text in texts:
            keys = search_keys(text)
            for kind, connection in connections.items():
                started = time.perf_counter()
                found = searches[kind](connection, keys)
                times[kind].append(time.perf_counter() - started)
                hits[kind] += bool(found)
        for kind in connections:
            result["layouts"][kind].update(_ms(times[kind]), texts_with_hits=hits[kind], texts=len(texts))
            connections[kind].close()
        result["search_cpu_s"] = round(time.process_time() - cpu, 2)
    result["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
