"""Packed dossier records and the dropped covering indexes (issue 17, migration 0018), on both back-ends:
SQLite stores each record as a small BLOB and hands back the same text, PostgreSQL keeps text, an older desk
upgrades in place with every record readable and unchanged, and the downgrade gives the text back."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.database import open_database
from officer_desk.models import Case
from officer_desk.models.migrate import current_revision, head_revision, upgrade_to_head
from officer_desk.models.packed_json import VERSION_1, pack, unpack
from officer_desk.models.packing_dictionary import DICTIONARY_V1
from officer_desk.paths import Home
from tests.integration.test_database import _engine_at_first_revision

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"
PREVIOUS_HEAD = "0016_lean_search_terms"
DROPPED = {"ix_cases_status", "ix_cases_due_date", "ix_cases_procedure_code", "ix_cases_assigned_officer_id",
           "ix_cases_applicant_id_number", "ix_cases_raw_sha256"}
DROPPED_ON_SQLITE = {"ix_cases_channel", "ix_cases_commune"}


def test_the_version_1_dictionary_never_changes() -> None:
    """Every record packed since 0018 needs these exact bytes to be read: a new dictionary is a new version."""
    assert hashlib.sha256(DICTIONARY_V1).hexdigest() == (
        "431ec9d615854434a68aa4d77acec5cb8f793dc816d210940cbeb1ff5652990b")


def test_a_dossier_packs_to_a_fraction_and_reads_back_the_same() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    packed = pack(text)
    assert packed[0] == VERSION_1
    assert len(packed) < len(text.encode()) / 3
    assert unpack(packed) == text
    assert unpack(text) == text  # a record stored as text before 0018
    assert unpack(b'{"a": 1}') == '{"a": 1}'  # UTF-8 bytes that were never packed
    with pytest.raises(ValueError):
        unpack(packed[:-4])


def _stored_records(db: Any, code: str) -> tuple[Any, Any]:
    with db.engine.connect() as connection:
        return tuple(connection.execute(sa.text(
            "SELECT raw_json, dossier_json FROM cases WHERE dossier_code = :code"), {"code": code}).one())


def _index_names(db_or_engine: Any) -> set[str]:
    engine = getattr(db_or_engine, "engine", db_or_engine)
    with engine.connect() as connection:
        return {index["name"] for index in sa.inspect(connection).get_indexes("cases")}


def test_an_imported_case_is_stored_packed_on_sqlite_and_as_text_on_postgresql(desk: Any, tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    raw, current = _stored_records(desk.db, CODE)
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one()
        assert json.loads(case.raw_json) == data
        assert json.loads(case.dossier_json)["applicant"]["full_name"] == data["applicant"]["full_name"]
        assert current is None  # the current record is the record as received (migration 0023)
        if desk.db.engine.dialect.name == "sqlite":
            assert isinstance(raw, bytes) and raw[0] == VERSION_1
            assert unpack(raw) == case.raw_json == case.dossier_json
        else:
            assert raw == case.raw_json == case.dossier_json
    assert not _index_names(desk.db) & DROPPED


def test_migration_0018_packs_every_record_in_place_and_drops_the_covered_indexes(
        backend: str | None, isolated_home: Home) -> None:
    """An office upgrading from the previous head: every record reads back unchanged, packed on SQLite."""
    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, PREVIOUS_HEAD)
    assert DROPPED <= _index_names(engine)
    sqlite = engine.dialect.name == "sqlite"
    now = datetime(2026, 11, 27, 8, 0)
    text = SAMPLE.read_text(encoding="utf-8")
    records = {f"000.00.01.X99-261127-{n:04d}": (text.replace("Mai", f"Mai {n}"), text if n % 2 else "{}")
               for n in range(1, 2_506)}  # more than one batch of the rewrite
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
            " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
            " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
            " (:code, '1.004194', 'truc_tiep', 'received', :now, 'Đặng Thị Mai', '', '', '', :raw, :current, :code,"
            " 1, 1, :now, 0, false, :now, :now)"),
            [{"code": code, "now": now, "raw": raw, "current": current} for code, (raw, current) in records.items()])
    engine.dispose()

    db = open_database(isolated_home, backend)  # upgrades in place
    try:
        assert current_revision(db.engine) == head_revision()
        names = _index_names(db)
        assert not names & DROPPED
        assert not names & DROPPED_ON_SQLITE if sqlite else DROPPED_ON_SQLITE <= names
        with db.session() as session:
            read = {case.dossier_code: (case.raw_json, case.dossier_json) for case in session.scalars(select(Case))}
        assert read == records
        for code in (min(records), max(records)):
            raw, current = _stored_records(db, code)
            if sqlite:
                assert isinstance(raw, bytes) and isinstance(current, bytes)
                assert (unpack(raw), unpack(current)) == records[code]
            else:
                assert (raw, current) == records[code]
    finally:
        db.dispose()


def test_migration_0018_downgrades_to_text_and_the_indexes(backend: str | None, isolated_home: Home) -> None:
    from alembic import command

    from officer_desk.models.migrate import alembic_config

    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine)
    now = datetime(2026, 11, 27, 8, 0)
    text = SAMPLE.read_text(encoding="utf-8")
    with engine.begin() as conn:
        conn.execute(sa.insert(Case.__table__), [{
            "dossier_code": CODE, "procedure_code": "1.004194", "channel": "truc_tiep", "status": "received",
            "received_at": now.astimezone(), "applicant_name": "Đặng Thị Mai", "raw_json": text,
            "dossier_json": text, "raw_sha256": "abc", "clock_started_at": now.astimezone()}])
    command.downgrade(alembic_config(engine), PREVIOUS_HEAD)
    with engine.connect() as conn:
        assert tuple(conn.execute(sa.text("SELECT raw_json, dossier_json FROM cases")).one()) == (text, text)
    assert DROPPED <= _index_names(engine)
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(select(Case.raw_json)).scalar_one() == text
    engine.dispose()
