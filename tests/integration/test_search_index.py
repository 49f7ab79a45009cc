"""The lean search index (issue 17, migration 0016) on both back-ends: every kind of key still finds its case,
a changed name or phone leaves no stale key behind, the table is one B-tree, and an older desk upgrades in
place with the same cases found by the same keys."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.cases import QueueFilter
from officer_desk.cases.terms import case_search_terms, replace_case_terms
from officer_desk.database import open_database
from officer_desk.models import Case, CaseSearchTerm
from officer_desk.models.migrate import current_revision, head_revision, upgrade_to_head
from officer_desk.paths import Home
from tests.integration.test_database import _engine_at_first_revision

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"
# Every kind of key the officer types, as typed (diacritics, spaces, dots, +84), each must find the case.
TYPED_KEYS = [
    "Đặng Thị Mai", "dang thi mai", "dang th", "DANG", "Thị Mai", "thi m", "mai",  # name, word suffixes
    "025194001234", "025194",  # ID number and a prefix
    "0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "09123",  # phone as written
    CODE, "000.00.01", "000.00.01.x99-2611", "261127-0007", "261127-00",  # code, its prefix, YYMMDD-NNNN
]


def _import_sample(desk: Any, tmp_path: Path, **applicant: str) -> str:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    data["applicant"].update(applicant)
    path = tmp_path / f"{data['dossier_code']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    return str(data["dossier_code"])


def _found(desk: Any, text: str) -> list[str]:
    """Codes found by ``text``, sorted; the queue's search as you type finds the same ones."""
    by_search = sorted(row.dossier_code for row in desk.cases.search(text))
    ids, _cut = desk.cases.search_queue(QueueFilter(text=text), 200)
    assert sorted(row.dossier_code for row in desk.cases.rows(ids)) == by_search, text
    return by_search


def _stored_terms(desk: Any, code: str) -> set[str]:
    with desk.db.session() as session:
        case_id = session.execute(select(Case.id).where(Case.dossier_code == code)).scalar_one()
        return set(session.execute(select(CaseSearchTerm.term).where(CaseSearchTerm.case_id == case_id)).scalars())


def test_every_kind_of_key_finds_the_case(desk: Any, tmp_path: Path) -> None:
    code = _import_sample(desk, tmp_path)
    missed = [text for text in TYPED_KEYS if _found(desk, text) != [code]]
    assert missed == []
    assert _found(desk, "dang thi mair") == [] and _found(desk, "0912345679") == []


def test_a_changed_name_and_phone_leave_no_stale_key(desk: Any, tmp_path: Path) -> None:
    code = _import_sample(desk, tmp_path)
    desk.cases.update_dossier(code, {"applicant.full_name": "Lý Văn Hùng", "applicant.phone": "0988 111 222"})
    assert _found(desk, "ly van hung") == [code] and _found(desk, "van h") == [code]
    assert _found(desk, "0988111222") == [code] and _found(desk, "+84988111222") == [code]
    assert _found(desk, "dang thi") == [] and _found(desk, "thi mai") == [] and _found(desk, "0912345678") == []
    assert _stored_terms(desk, code) == case_search_terms("Lý Văn Hùng", "025194001234", "0988 111 222", code)


def test_old_keys_are_deleted_after_a_flush_and_from_an_expired_case(desk: Any, tmp_path: Path) -> None:
    """The sync path flushes the case before its terms are rewritten, and a case may arrive expired: the
    values the stored terms were made of are still known, so their keys are deleted by primary key."""
    code = _import_sample(desk, tmp_path)
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        session.expire(case)
        case.applicant_name = "Trần Thu Hà"
        case.applicant_name = "Trần Thu Hằng"  # twice: the first old value is the one stored
        session.flush()
        replace_case_terms(session, case)
        replace_case_terms(session, case)  # rewriting the same values again changes nothing
    assert _stored_terms(desk, code) == case_search_terms("Trần Thu Hằng", "025194001234", "0912 345 678", code)
    assert _found(desk, "thu hang") == [code] and _found(desk, "dang thi mai") == []


def test_the_term_table_is_one_btree_keyed_by_term_and_case(desk: Any) -> None:
    with desk.db.engine.connect() as connection:
        if desk.db.is_local:
            objects = connection.execute(sa.text(
                "SELECT type, sql FROM sqlite_master WHERE tbl_name = 'case_search_terms'")).all()
            assert [kind for kind, _sql in objects] == ["table"]  # no index beside the table
            assert "WITHOUT ROWID" in objects[0][1] and "PRIMARY KEY (term, case_id)" in objects[0][1]
        else:
            indexes = connection.execute(sa.text(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'case_search_terms'")).scalars().all()
            assert len(indexes) == 1 and "(term, case_id)" in indexes[0], indexes
            collation = connection.execute(sa.text(
                "SELECT collation_name FROM information_schema.columns"
                " WHERE table_name = 'case_search_terms' AND column_name = 'term'")).scalar_one()
            assert collation == "C"  # prefix ranges use the index
            columns = set(connection.execute(sa.text(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'case_search_terms'"
            )).scalars())
            assert columns == {"term", "case_id"}


def test_migration_0016_keeps_every_term_and_finds_the_same_cases(backend: str | None, isolated_home: Home) -> None:
    """An office upgrading in place from the previous head: the terms are copied into the new layout and
    the same typed keys find the same cases."""
    from officer_desk.desk import open_desk

    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, "0017_running_queue_index")
    now = datetime(2026, 11, 27, 8, 0)
    people = [("Đặng Thị Mai", "025194001234", "0912 345 678", CODE),
              ("Nguyễn Văn An", "001090000001", "+84 987 654 321", "000.00.01.X99-261127-0008"),
              ("Đỗ Thị Mai Anh", "", "", "000.00.01.X99-261128-0001")]
    stored: dict[str, set[str]] = {}
    with engine.begin() as conn:
        for name, id_number, phone, code in people:
            conn.execute(sa.text(
                "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
                " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
                " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
                " (:code, '1.004194', 'truc_tiep', 'received', :now, :name, :id, :phone, '', '{}', '{}', :code, 1,"
                " 1, :now, 0, false, :now, :now)"), {"code": code, "now": now, "name": name, "id": id_number,
                                                    "phone": phone})
            case_id = conn.execute(sa.text("SELECT id FROM cases WHERE dossier_code = :c"), {"c": code}).scalar_one()
            stored[code] = case_search_terms(name, id_number, phone, code)
            for term in sorted(stored[code]):  # the old layout: surrogate id, written by case
                conn.execute(sa.text("INSERT INTO case_search_terms (case_id, term) VALUES (:c, :t)"),
                             {"c": case_id, "t": term})
    engine.dispose()

    db = open_database(isolated_home, backend)  # upgrades in place
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT c.dossier_code, t.term FROM case_search_terms t"
                                        " JOIN cases c ON c.id = t.case_id")).all()
    finally:
        db.dispose()
    after: dict[str, set[str]] = {}
    for code, term in rows:
        after.setdefault(code, set()).add(term)
    assert after == stored
    desk = open_desk(isolated_home, backend)
    try:
        assert _found(desk, "mai") == [CODE, "000.00.01.X99-261128-0001"]
        assert _found(desk, "thi mai") == [CODE, "000.00.01.X99-261128-0001"]
        assert _found(desk, "mai anh") == ["000.00.01.X99-261128-0001"]
        assert _found(desk, "0987654321") == ["000.00.01.X99-261127-0008"]
        assert _found(desk, "261128-0001") == ["000.00.01.X99-261128-0001"]
        assert _found(desk, "025194") == [CODE]
    finally:
        desk.close()


def test_migration_0016_downgrades_to_the_old_layout_with_every_term(backend: str | None, isolated_home: Home) -> None:
    from alembic import command

    from officer_desk.models.migrate import alembic_config

    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine)
    now = datetime(2026, 11, 27, 8, 0)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
            " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
            " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
            " (:code, '1.004194', 'truc_tiep', 'received', :now, 'Đặng Thị Mai', '025194001234', '0912345678', '',"
            " '{}', '{}', 'abc', 1, 1, :now, 0, false, :now, :now)"), {"code": CODE, "now": now})
        case_id = conn.execute(sa.text("SELECT id FROM cases")).scalar_one()
        terms = case_search_terms("Đặng Thị Mai", "025194001234", "0912345678", CODE)
        conn.execute(sa.insert(CaseSearchTerm.__table__), [{"term": t, "case_id": case_id} for t in terms])
    command.downgrade(alembic_config(engine), "0017_running_queue_index")
    with engine.begin() as conn:
        assert set(conn.execute(sa.text("SELECT term FROM case_search_terms")).scalars()) == terms
        conn.execute(sa.text("INSERT INTO case_search_terms (case_id, term) VALUES (:c, 'x')"), {"c": case_id})
        ids = conn.execute(sa.text("SELECT id FROM case_search_terms")).scalars().all()
        assert len(set(ids)) == len(terms) + 1  # a surrogate id again, given by the database
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert set(conn.execute(sa.text("SELECT term FROM case_search_terms")).scalars()) == terms | {"x"}
    engine.dispose()
