"""The record's digest stored only when it is not the SHA-256 of the record (issue 17, migration 0028), on both
back-ends: NULL for a case as the desk writes it and read as its record's digest; a re-import of the same file
is recognised and a changed one is not (the supplement path stores the new record's digest, derived); a digest
that differs is kept and read back exactly; the Core writers (new case, demo loader, sync chunks) store it so;
a sync carries the digest both ways; an office upgrades in place and downgrades to every value it held."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action
from officer_desk.models import Case
from officer_desk.models.base import UtcDateTime
from officer_desk.models.hex_digest import HexDigest
from officer_desk.models.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from officer_desk.models.packed_json import PackedJson
from officer_desk.models.record_digest import holds_record, stored_digest
from officer_desk.paths import Home
from tests.helpers.migrations import revision_before
from tests.integration.test_database import _engine_at_first_revision

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"
REVISION = "0028_record_digest_derived"
# The cases are written as a desk at this revision stored them (an ancestor of REVISION in any merge order).
WRITTEN_AT = "0022_sqlite_integer_times"
OTHER = hashlib.sha256(b"not the record").hexdigest()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dossier(folder: Path, code: str = CODE, phone: str | None = None) -> tuple[Path, str]:
    """The sample dossier (papers without files) as one compact line; ``phone``: a changed record."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    data["dossier_code"] = code
    if phone is not None:
        data["applicant"]["phone"] = phone
    text = json.dumps(data, ensure_ascii=False)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code}-{phone or 'as-received'}.json"
    path.write_text(text, encoding="utf-8")
    return path, text


def _stored(db: Any, code: str = CODE) -> str | None:
    """The stored column, as the application's type reads it (hex; None when derived)."""
    with db.engine.connect() as connection:
        return connection.execute(select(Case.__table__.c.raw_sha256).where(Case.dossier_code == code)).scalar_one()


def _digest(db: Any, code: str = CODE) -> tuple[str, str]:
    """(the digest the application reads, the record it belongs to)."""
    with db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        return case.raw_sha256, case.raw_json


def test_the_stored_value_is_null_exactly_when_derivable() -> None:
    record = '{"a": "Đặng"}'
    assert stored_digest(record, _sha(record)) is None
    assert stored_digest(record, OTHER) == OTHER and stored_digest(record, "ABC") == "ABC"
    assert holds_record(None, record, record) and not holds_record(None, record, record + " ")
    # A stored value is compared as stored, whatever the record: never re-derived.
    assert not holds_record(OTHER, record, record) and holds_record(_sha(record), "{}", record)
    with pytest.raises(sa.exc.ArgumentError):  # no SQL expression: a query naming it fails, never reads NULL
        select(Case.raw_sha256)  # type: ignore[call-overload]


def test_import_reimport_and_supplement_keep_the_digest(desk: Any, tmp_path: Path) -> None:
    path, text = _dossier(tmp_path / "in")
    assert desk.cases.import_paths([path]).imported == [CODE]
    assert _stored(desk.db) is None
    assert _digest(desk.db) == (_sha(text), text)
    assert desk.cases.import_paths([path]).skipped == [CODE]  # unchanged: recognised

    changed, changed_text = _dossier(tmp_path / "changed", phone="0900 000 001")
    report = desk.cases.import_paths([changed])  # changed while not waiting for a supplement: refused
    assert report.imported == [] and report.skipped == [] and len(report.failed) == 1
    desk.cases.transition(CODE, Action.REQUEST_SUPPLEMENT, "thiếu giấy tờ")
    assert desk.cases.import_paths([changed]).supplemented == [CODE]
    assert _stored(desk.db) is None
    assert _digest(desk.db) == (_sha(changed_text), changed_text)
    assert desk.cases.import_paths([changed]).skipped == [CODE]  # the new record is the one recognised now
    assert len(desk.cases.import_paths([path]).failed) == 1  # and the first one no longer

    # A digest that is not the record's own is stored and read back exactly, and compared as it is.
    with desk.db.session() as session:
        session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one().raw_sha256 = OTHER
    assert _stored(desk.db) == OTHER
    assert _digest(desk.db) == (OTHER, changed_text)
    assert len(desk.cases.import_paths([changed]).failed) == 1  # its record, but not the digest it holds
    with desk.db.session() as session:  # set back to the record's own: derived again
        session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one().raw_sha256 = _sha(changed_text)
    assert _stored(desk.db) is None

    # A new record as received without a digest of its own: the digest stays what it was, as a column did.
    with desk.db.session() as session:
        session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one().raw_json = '{"other": 1}'
    assert _stored(desk.db) == _sha(changed_text)
    assert _digest(desk.db) == (_sha(changed_text), '{"other": 1}')


def test_the_demo_loader_stores_no_digest(desk: Any) -> None:
    from officer_desk.demo import enable_demo_mode, generate_cases

    enable_demo_mode(desk)
    assert generate_cases(desk, 12, 7) == 12
    with desk.db.engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT count(*) FROM cases WHERE raw_sha256 IS NOT NULL")).scalar_one()
    assert stored == 0
    with desk.db.session() as session:
        cases = session.execute(select(Case)).scalars().all()
        assert len(cases) == 12 and all(case.raw_sha256 == _sha(case.raw_json) for case in cases)


def test_a_sync_carries_the_digest_both_ways(isolated_home: Home, tmp_path: Path, pg_url: str) -> None:
    """SQLite desk -> PostgreSQL center (a push, bulk chunk) -> another SQLite desk (a pull, bulk chunk): a
    derived digest stays derived on every side, one that differs arrives exactly."""
    from officer_desk.sync import synchronize
    from officer_desk.sync.engine import desk_identity
    from officer_desk.sync.routing import route_cases
    from officer_desk.sync.state import case_wire

    kept_code = "000.00.01.X99-261127-0008"
    sender = open_desk(isolated_home)
    try:
        path, text = _dossier(tmp_path / "in")
        kept_path, kept_text = _dossier(tmp_path / "in", kept_code)
        assert sender.cases.import_paths([path, kept_path]).imported == [CODE, kept_code]
        with sender.db.session() as session:
            session.execute(select(Case).where(Case.dossier_code == kept_code)).scalar_one().raw_sha256 = OTHER
            case = session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one()
            assert case_wire(case, "desk")["columns"]["raw_sha256"] == _sha(text)  # the wire carries the value
        assert sorted(synchronize(sender, pg_url).pushed) == [CODE, kept_code]
        center = open_desk(Home(tmp_path / "center"), pg_url)
        try:
            assert (_stored(center.db), _digest(center.db)) == (None, (_sha(text), text))
            assert (_stored(center.db, kept_code), _digest(center.db, kept_code)) == (OTHER, (OTHER, kept_text))
            receiver = open_desk(Home(tmp_path / "receiver"))
            try:
                assert synchronize(receiver, pg_url).pulled == []  # registered with the center
                route_cases(center, [CODE, kept_code], desk_identity(receiver).desk_id)
                assert sorted(synchronize(receiver, pg_url).pulled) == [CODE, kept_code]
                assert (_stored(receiver.db), _digest(receiver.db)) == (None, (_sha(text), text))
                assert (_stored(receiver.db, kept_code), _digest(receiver.db, kept_code)) == \
                       (OTHER, (OTHER, kept_text))
                assert receiver.cases.import_paths([path]).skipped == [CODE]  # recognised on the third side
            finally:
                receiver.close()
        finally:
            center.close()
    finally:
        sender.close()


def _insert_cases(engine: sa.Engine, records: dict[str, tuple[str, str]]) -> None:
    """Cases as a desk at WRITTEN_AT stored them: the record packed and the digest as bytes on SQLite."""
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    statement = sa.text(
        "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
        " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
        " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
        " (:code, '1.004194', 'truc_tiep', 'received', :now, 'Đặng Thị Mai', '', '', '', :raw, NULL,"
        " :sha, 1, 1, :now, 0, false, :now, :now)").bindparams(
        sa.bindparam("now", type_=UtcDateTime()), sa.bindparam("raw", type_=PackedJson()),
        sa.bindparam("sha", type_=HexDigest(64)))
    with engine.begin() as conn:
        conn.execute(statement, [{"code": code, "now": now, "raw": raw, "sha": sha}
                                 for code, (raw, sha) in records.items()])


def test_migration_0028_clears_derivable_digests_in_place_and_downgrades(backend: str | None,
                                                                        isolated_home: Home) -> None:
    from alembic import command
    previous = revision_before(REVISION)
    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, WRITTEN_AT)
    # More than one batch of the migration; every 1,000th digest not its record's, one not even hex.
    records = {f"000.00.01.X99-261127-{n:05d}": (f'{{"n": {n}, "tên": "Mai"}}',
                                                 OTHER if n % 1000 == 0 else "ABC" if n == 7
                                                 else _sha(f'{{"n": {n}, "tên": "Mai"}}')) for n in range(1, 5_203)}
    kept = {code for code, (raw, sha) in records.items() if sha != _sha(raw)}
    _insert_cases(engine, records)
    upgrade_to_head(engine, previous)

    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    digests = {code: sha for code, (raw, sha) in records.items()}
    column = Case.__table__.c.raw_sha256
    with engine.connect() as conn:
        stored = dict(conn.execute(select(Case.dossier_code, column)).all())
    # SQLite clears the derivable digests in place; PostgreSQL keeps the rows it holds (no rewrite of every row).
    assert {code for code, value in stored.items() if value is not None} == (kept if backend is None
                                                                             else set(records))
    assert {code: stored[code] for code in kept} == {code: digests[code] for code in kept}
    with Session(engine) as session:
        assert {case.dossier_code: case.raw_sha256 for case in session.execute(select(Case)).scalars()} == digests
    with engine.begin() as conn:  # a case stored without its digest since the upgrade (PostgreSQL: new cases)
        conn.execute(sa.text("UPDATE cases SET raw_sha256 = NULL WHERE dossier_code = :code"), {"code": min(records)})

    command.downgrade(alembic_config(engine), previous)
    with engine.connect() as conn:
        assert dict(conn.execute(select(Case.dossier_code, column)).all()) == digests
        if backend is None:  # as 0024 stores them: bytes, and the text that is not lowercase hex
            kinds = dict(conn.execute(sa.text("SELECT typeof(raw_sha256), count(*) FROM cases GROUP BY 1")).all())
            assert kinds == {"blob": len(records) - 1, "text": 1}
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:  # NOT NULL again
        conn.execute(sa.text("UPDATE cases SET raw_sha256 = NULL WHERE dossier_code = :code"), {"code": min(records)})
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM cases WHERE raw_sha256 IS NULL")).scalar_one() \
            == (len(records) - len(kept) if backend is None else 0)
    engine.dispose()
