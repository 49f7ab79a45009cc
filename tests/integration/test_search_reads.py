"""The window's search as you type in compiled statements (issue 17, officer_desk/cases/search_reads.py): on both
back-ends it returns the ids, order, truncation flag and rows of the statements SQLAlchemy built per keystroke
before, for every queue filter shape, and its SQL text no longer changes with the number of hits."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.cases import CaseRow, QueueFilter
from officer_desk.cases.queue import _ROW_COLUMNS, _SHOWN_OFFICER, _case_row, _order
from officer_desk.cases.terms import search_keys, term_ranges
from officer_desk.demo import generate_cases
from officer_desk.desk import Desk
from officer_desk.models import Case, CaseSearchTerm
from tests.integration.test_queue_page_path import _shapes
from tests.integration.test_search_index import SAMPLE


def _reference(desk: Desk, flt: QueueFilter, limit: int, shown: int) -> tuple[list[int], list[CaseRow], bool]:
    """``search_page`` as it was built before: a select per term range, the candidates filtered and ordered with
    an ``IN (...)`` list of their ids, the shown rows read with another."""
    queue = desk.cases.queue
    with desk.db.read_connection() as connection:
        hits: list[int] = []
        for key in search_keys(flt.text):
            hits += connection.execute(
                select(CaseSearchTerm.case_id).where(term_ranges([key]))
                .order_by(CaseSearchTerm.term, CaseSearchTerm.case_id).limit(limit * 4)
            ).scalars().all()
        candidates = list(dict.fromkeys(hits))[:limit]
        if not candidates:
            return [], [], False
        query = (queue._filtered(select(Case.id), replace(flt, text="")).where(Case.id.in_(candidates))
                 .order_by(*_order(flt)))
        ids = list(connection.execute(query).scalars().all())
        rows = connection.execute(
            select(*_ROW_COLUMNS).select_from(Case)
            .outerjoin(_SHOWN_OFFICER, _SHOWN_OFFICER.c.id == Case.assigned_officer_id)
            .where(Case.id.in_(ids[:shown]))
        ).all()
    by_id = {row[0]: _case_row(row) for row in rows}
    return ids, [by_id[i] for i in ids[:shown] if i in by_id], len(candidates) >= limit


def _typed(desk: Desk) -> list[str]:
    """What an officer types, keystroke by keystroke, taken from the cases themselves (names, ID numbers,
    phones, codes), plus text that finds nothing."""
    rows = desk.cases.rows(desk.cases.list_ids(QueueFilter(), 0, 5))
    with desk.db.read_connection() as connection:
        id_number, phone = connection.execute(
            select(Case.applicant_id_number, Case.applicant_phone).where(Case.id == rows[1].id)).one()
    texts = [rows[0].applicant_name.lower(), rows[2].applicant_name.split()[-1], id_number[:6], phone[:5],
             rows[3].dossier_code[-11:], "zzq"]
    return [text[:end] for text in texts for end in range(1, len(text) + 1)]


def test_search_page_gives_the_results_of_the_statements_built_per_keystroke(desk: Desk) -> None:
    assert generate_cases(desk, 240, seed=17) == 240
    compared = truncated = 0
    for flt in _shapes(desk):
        for text in _typed(desk):
            for limit, shown in ((200, 50), (12, 5)):
                searched = replace(flt, text=text)
                expected = _reference(desk, searched, limit, shown)
                assert desk.cases.search_page(searched, limit, shown) == expected, (searched, limit)
                assert desk.cases.search_queue(searched, limit) == (expected[0], expected[2])
                compared += len(expected[0])
                truncated += expected[2]
    assert compared > 5_000 and truncated > 50  # the texts found cases, and some hit the limit


def test_a_case_found_by_several_of_its_terms_counts_once(desk: Desk, tmp_path: Path) -> None:
    """Hits are read a limit at a time: when one case fills the first hits with several of its terms (``an``,
    ``an an``, ``an an an``), the rest of the range is read, up to 4x the limit, exactly as before."""
    paths = []
    for n, name in enumerate(("An An An", "An Bình", "An An Bảo", "Anh Thư", "Ân Hậu", "An"), start=1):
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        data["attachments"] = [a for a in data["attachments"] if "file" not in a]
        data["dossier_code"] = f"000.00.01.X99-261127-{n:04d}"
        data["applicant"].update(full_name=name, id_number=f"02519400000{n}", phone=f"091200000{n}")
        paths.append(tmp_path / f"{n}.json")
        paths[-1].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert len(desk.cases.import_paths(paths).imported) == 6
    for text in ("a", "an", "an a", "an an", "0912", "025194"):
        for limit, shown in ((1, 1), (2, 1), (3, 2), (4, 4), (200, 50)):
            flt = QueueFilter(text=text)
            assert desk.cases.search_page(flt, limit, shown) == _reference(desk, flt, limit, shown), (text, limit)


def test_rows_by_id_keep_the_order_asked_and_skip_unknown_ids(desk: Desk) -> None:
    assert generate_cases(desk, 30, seed=3) == 30
    ids = desk.cases.list_ids(QueueFilter(), 0, 30)
    asked = [ids[7], ids[2], 10_000_000, ids[29], ids[2]]
    rows = desk.cases.rows(asked)
    assert [row.id for row in rows] == [ids[7], ids[2], ids[29], ids[2]]
    assert rows[0] == desk.cases.page(QueueFilter(), 7, 1)[0]
    assert desk.cases.rows([]) == [] and desk.cases.rows([10_000_000]) == []


def test_the_search_sql_does_not_change_with_the_number_of_hits(desk: Desk) -> None:
    """One SQL text per statement whatever the hits (so compiled once, and prepared once on PostgreSQL)."""
    assert generate_cases(desk, 120, seed=11) == 120
    typed = _typed(desk)
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(args[2])

    sa.event.listen(desk.db.engine, "before_cursor_execute", seen)
    hits = set()
    for text in typed:
        ids, _rows, _cut = desk.cases.search_page(QueueFilter(text=text), 200, 50)
        hits.add(len(ids))
    sa.event.remove(desk.db.engine, "before_cursor_execute", seen)
    assert len(hits) > 5  # the texts found different numbers of cases
    # A term range is read a limit at a time (LIMIT/OFFSET written as numbers); otherwise three statements.
    texts = {re.sub(r" LIMIT \d+ OFFSET \d+$", "", s) for s in statements if "case_search_terms" in s or "cases" in s}
    assert len(texts) == 3, sorted(texts)  # term range, candidates in queue order, rows by id
