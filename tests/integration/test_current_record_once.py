"""The current record stored only when it differs from the record as received (issue 17, migration 0023), on
both back-ends: NULL for an unedited case, read back whole; stored after an officer's edit, NULL again when
edited back; an office upgrades in place and downgrades; a sync sends the whole record."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.desk import open_desk
from officer_desk.models import Case
from officer_desk.models.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from officer_desk.models.packed_json import pack
from officer_desk.paths import Home
from tests.helpers.migrations import revision_before
from tests.integration.test_database import _engine_at_first_revision

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"
REVISION = "0023_current_record_once"
# The cases are written as a desk at this revision stored them (an ancestor of REVISION in any merge order).
WRITTEN_AT = "0021_sqlite_result_trigger_noop"


def _compact_sample(tmp_path: Path) -> tuple[Path, str]:
    """The sample dossier as one compact line (the text the desk writes as the current record)."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    text = json.dumps(data, ensure_ascii=False)
    path = tmp_path / "dossier.json"
    path.write_text(text, encoding="utf-8")
    return path, text


def _stored(db: Any, code: str = CODE) -> Any:
    with db.engine.connect() as connection:
        return connection.execute(sa.text("SELECT dossier_json FROM cases WHERE dossier_code = :code"),
                                  {"code": code}).scalar_one()


def _current(db: Any, code: str = CODE) -> str:
    with db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        by_orm = case.dossier_json
    with db.engine.connect() as connection:  # the same value as an SQL expression (reports, exports)
        by_sql = connection.execute(select(Case.dossier_json).where(Case.dossier_code == code)).scalar_one()
    assert by_orm == by_sql
    return by_orm


def test_an_unedited_case_stores_no_current_record_and_an_edit_stores_it(desk: Any, tmp_path: Path) -> None:
    path, text = _compact_sample(tmp_path)
    desk.cases.import_paths([path])
    assert _stored(desk.db) is None
    assert _current(desk.db) == text
    assert desk.cases.detail(CODE).row.applicant_name == "Đặng Thị Mai"

    phone = json.loads(text)["applicant"]["phone"]
    desk.cases.update_dossier(CODE, {"applicant.phone": "0900 000 001"})
    assert _stored(desk.db) is not None
    assert json.loads(_current(desk.db))["applicant"]["phone"] == "0900 000 001"
    assert json.loads(_current(desk.db))["applicant"] != json.loads(text)["applicant"]

    desk.cases.update_dossier(CODE, {"applicant.phone": phone})  # edited back: the record as received again
    assert _stored(desk.db) is None
    assert _current(desk.db) == text

    # A new record as received under an unedited current record: the current record stays what it was.
    with desk.db.session() as session:
        session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one().raw_json = '{"other": 1}'
    assert _stored(desk.db) is not None
    assert _current(desk.db) == text


def _insert_cases(engine: sa.Engine, records: dict[str, tuple[str, str]]) -> None:
    """Cases as the previous revision's desk stored them (SQLite: both records packed)."""
    sqlite = engine.dialect.name == "sqlite"
    now = datetime(2026, 11, 27, 8, 0)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
            " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
            " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
            " (:code, '1.004194', 'truc_tiep', 'received', :now, 'Đặng Thị Mai', '', '', '', :raw, :current,"
            " :sha, 1, 1, :now, 0, false, :now, :now)"),
            [{"code": code, "now": now, "raw": pack(raw) if sqlite else raw,
              "current": pack(current) if sqlite else current, "sha": hashlib.sha256(raw.encode()).hexdigest()}
             for code, (raw, current) in records.items()])


def test_migration_0023_clears_equal_records_in_place_and_downgrades(backend: str | None,
                                                                      isolated_home: Home) -> None:
    from alembic import command
    previous = revision_before(REVISION)
    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, WRITTEN_AT)
    # More than one batch of the migration's update; every 1,000th case edited by an officer.
    records = {f"000.00.01.X99-261127-{n:05d}": (f'{{"n": {n}}}', f'{{"n": {n}, "edited": true}}' if n % 1000 == 0
                                                   else f'{{"n": {n}}}') for n in range(1, 5_203)}
    edited = {code for code, (raw, current) in records.items() if raw != current}
    _insert_cases(engine, records)
    upgrade_to_head(engine, previous)

    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        stored = dict(conn.execute(sa.text("SELECT dossier_code, dossier_json FROM cases")).all())
        read = dict(conn.execute(select(Case.dossier_code, Case.dossier_json)).all())
    # SQLite clears the equal records in place; PostgreSQL keeps the rows it holds (no rewrite of every row).
    assert {code for code, value in stored.items() if value is not None} == (edited if backend is None
                                                                              else set(records))
    assert read == {code: current for code, (raw, current) in records.items()}
    with engine.begin() as conn:  # a case stored once since the upgrade (PostgreSQL: new cases only)
        conn.execute(sa.text("UPDATE cases SET dossier_json = NULL WHERE dossier_code = :code"), {"code": min(records)})

    command.downgrade(alembic_config(engine), previous)
    with engine.connect() as conn:
        stored_again = dict(conn.execute(select(Case.dossier_code, Case.__table__.c.dossier_json)).all())
    assert stored_again == {code: current for code, (raw, current) in records.items()}
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:  # NOT NULL again
        conn.execute(sa.text("UPDATE cases SET dossier_json = NULL WHERE dossier_code = :code"),
                     {"code": min(records)})
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM cases WHERE dossier_json IS NULL")).scalar_one() \
            == (len(records) - len(edited) if backend is None else 0)
    engine.dispose()


def test_a_sync_sends_the_whole_record_and_the_center_stores_it_once(isolated_home: Home, tmp_path: Path,
                                                                     pg_url: str) -> None:
    from officer_desk.sync import push
    from officer_desk.sync.state import case_wire

    offline = open_desk(isolated_home)
    try:
        path, text = _compact_sample(tmp_path)
        offline.cases.import_paths([path])
        assert _stored(offline.db) is None
        with offline.db.session() as session:
            case = session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one()
            assert case_wire(case, "desk")["columns"]["dossier_json"] == text
        assert push(offline, pg_url).pushed == [CODE]
        center = open_desk(offline.home, pg_url)
        try:
            assert _stored(center.db) is None
            assert _current(center.db) == text
            offline.cases.update_dossier(CODE, {"applicant.phone": "0900 000 001"})
            assert push(offline, pg_url).pushed == [CODE]
            assert _stored(center.db) is not None
            assert json.loads(_current(center.db))["applicant"]["phone"] == "0900 000 001"
        finally:
            center.close()
    finally:
        offline.close()
