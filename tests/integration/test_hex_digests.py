"""Hex digests stored as bytes on SQLite (issue 17, migration 0024), on both back-ends: the application reads
back exactly what it wrote, lookups and joins by digest find their rows, an older desk upgrades in place with
every value unchanged (and without the event-key index no query reads), and the downgrade gives the text and
the index back. PostgreSQL keeps text and the index."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select

from officer_desk.database import open_database
from officer_desk.models import Attachment, AttachmentBlob, Case, CaseEvent
from officer_desk.models.base import Base, CalendarDate, UtcDateTime, stored_day, stored_utc
from officer_desk.models.hex_digest import from_stored, to_stored
from officer_desk.models.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from officer_desk.paths import Home
from tests.integration.test_database import _engine_at_first_revision

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
SAMPLE = DATA / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"
PREVIOUS_HEAD = "0025_queue_sort_indexes_with_id"


def test_digests_round_trip_whatever_they_are() -> None:
    digest = hashlib.sha256(b"x").hexdigest()
    assert to_stored(digest) == bytes.fromhex(digest) and from_stored(to_stored(digest)) == digest
    for kept in ("received:000.00.01.X99-261127-0007", digest.upper(), "abc", "", "ab\n", None):
        assert to_stored(kept) == kept and from_stored(kept) == kept


def _typeof(db: Any, column: str, rest: str) -> list[str]:
    """SQLite's storage class of ``column`` per row (``SELECT ... FROM rest``); PostgreSQL's type as the same
    words (``text`` for its VARCHAR)."""
    engine = getattr(db, "engine", db)
    kind = f"typeof({column})" if engine.dialect.name == "sqlite" else (
        f"CASE WHEN {column} IS NULL THEN 'null' WHEN pg_typeof({column})::text = 'character varying' THEN 'text'"
        f" ELSE pg_typeof({column})::text END")
    with engine.connect() as connection:
        return [str(row) for row in connection.execute(sa.text(f"SELECT {kind} FROM {rest}")).scalars()]


def test_an_imported_case_keeps_its_digests_as_bytes_on_sqlite_as_text_on_postgresql(desk: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = Path(shutil.copy(SAMPLE, folder / SAMPLE.name))
    scan = (DATA / "hop-dong-thue.pdf").read_bytes()
    shutil.copy(DATA / "hop-dong-thue.pdf", folder / "hop-dong-thue.pdf")
    assert desk.cases.import_paths([path]).imported == [CODE]
    sqlite = desk.db.engine.dialect.name == "sqlite"
    stored = "blob" if sqlite else "text"
    # The record's digest is its record's SHA-256: derived when read, stored NULL (migration 0028).
    assert _typeof(desk.db, "raw_sha256", "cases") == ["null"]
    assert _typeof(desk.db, "source_file_sha256", "cases") == [stored]
    assert set(_typeof(desk.db, "event_key", "case_events")) == {stored}
    assert stored in _typeof(desk.db, "content_sha256", "attachments")
    digest = hashlib.sha256(scan).hexdigest()
    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == CODE)).scalar_one()
        assert case.raw_sha256 == hashlib.sha256(case.raw_json.encode("utf-8")).hexdigest()
        assert case.source_file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest in [a.content_sha256 for a in case.attachments]
        # A key from the wire that is not hex (sync's "received:CODE") is kept as text, exactly.
        session.add(CaseEvent(case_id=case.id, action="note", event_key=f"received:{CODE}"))
        # Both sides of the join the server's pull makes (attachments to their blobs) are stored alike (a
        # local desk keeps its blobs in files: the row is made here; PostgreSQL has it from the import).
        if session.get(AttachmentBlob, digest) is None:
            session.add(AttachmentBlob(sha256=digest, data=b"sealed"))
        session.commit()
        assert session.get(AttachmentBlob, digest) is not None
        found = session.execute(select(CaseEvent.id).where(CaseEvent.event_key == f"received:{CODE}")).scalar_one()
        assert session.get(CaseEvent, found).event_key == f"received:{CODE}"  # type: ignore[union-attr]
        joined = select(Attachment.file_name).join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.content_sha256)
        assert session.execute(joined).scalars().all() == ["hop-dong-thue.pdf"]
    assert desk.cases.attachment_bytes(digest) == scan
    assert desk.cases.import_paths([path]).skipped == [CODE]  # the same file, recognised by its digest
    assert _typeof(desk.db, "event_key", "case_events WHERE action = 'note'") == ["text"]


def _snapshot(engine: sa.Engine, table: str) -> list[tuple[Any, ...]]:
    # Times and due dates as the instants and days they hold: migration 0022 (after this one) stores them as
    # integers on SQLite, and its downgrade writes SQLAlchemy's text back.
    decode = {c.name: stored_utc if isinstance(c.type, UtcDateTime) else stored_day
              for c in Base.metadata.tables[table].columns if isinstance(c.type, UtcDateTime | CalendarDate)}
    with engine.connect() as connection:
        result = connection.execute(sa.text(f"SELECT * FROM {table} ORDER BY id"))
        keys = list(result.keys())
        return [tuple(decode[key](value) if key in decode and value is not None else value
                      for key, value in zip(keys, row, strict=True)) for row in result]


def _event_indexes(engine: sa.Engine) -> set[str]:
    with engine.connect() as connection:
        return {str(index["name"]) for index in sa.inspect(connection).get_indexes("case_events")}


def test_migration_0024_converts_in_place_and_downgrades_to_the_same_text(
        backend: str | None, isolated_home: Home) -> None:
    """A desk at the previous head: every digest reads back identical, nothing else changes, no trigger fires."""
    from alembic import command

    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, PREVIOUS_HEAD)
    sqlite = engine.dialect.name == "sqlite"
    now = datetime(2026, 11, 27, 8, 0)
    hexes = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(4)]
    # Ids far apart: the conversion walks rowids in batches of 50,000, gaps included.
    cases = {1: hexes[0], 2: "ABC", 60_001: hexes[1], 130_000: hexes[2]}
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO cases (id, dossier_code, procedure_code, channel, status, received_at, applicant_name,"
            " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256,"
            " source_file_sha256, version, origin_desk, clock_started_at, open_finding_count, is_demo, created_at,"
            " updated_at) VALUES (:id, :code, '1.004194', 'truc_tiep', 'received', :now, 'Mai', '', '', '', '{}',"
            " '{}', :sha, :source, 1, 1, :now, 0, false, :now, :now)"),
            [{"id": case_id, "code": f"X-{case_id}", "now": now, "sha": sha, "source": hexes[3] if case_id == 1
              else None} for case_id, sha in cases.items()])
        conn.execute(sa.text(
            "INSERT INTO case_events (id, case_id, at, action, to_status, reason, details, event_key) VALUES"
            " (:id, :case, :now, 'received', 'received', '', '{}', :key)"),
            [{"id": 1, "case": 1, "now": now, "key": hexes[0][:32]}, {"id": 2, "case": 2, "now": now, "key": None},
             {"id": 90_000, "case": 60_001, "now": now, "key": "received:X-60001"}])
        conn.execute(sa.text(
            "INSERT INTO attachments (id, case_id, position, doc_type, kind, quantity, presented_only, certified,"
            " content_sha256, fields_json) VALUES (:id, :case, 0, 'cccd', 'copy', 1, false, false, :sha, '{}')"),
            [{"id": 1, "case": 1, "sha": hexes[1]}, {"id": 2, "case": 2, "sha": None}])
    tables = ("cases", "case_events", "attachments", "case_status_counts")
    before = {table: _snapshot(engine, table) for table in tables[:3]}
    with engine.connect() as conn:
        before["case_status_counts"] = sorted(conn.execute(sa.text("SELECT status, n FROM case_status_counts")).all())
    engine.dispose()

    db = open_database(isolated_home, backend)  # upgrades in place
    try:
        assert current_revision(db.engine) == head_revision()
        # The event-key index no query reads: gone on SQLite, kept on PostgreSQL.
        assert ("ix_case_events_event_key" in _event_indexes(db.engine)) is not sqlite
        kinds = _typeof(db, "raw_sha256", "cases ORDER BY id")
        assert kinds == (["blob", "text", "blob", "blob"] if sqlite else ["text"] * 4)
        assert _typeof(db, "event_key", "case_events ORDER BY id") == (
            ["blob", "null", "text"] if sqlite else ["text", "null", "text"])
        with db.session() as session:
            # (read by the ORM: none is its record's digest, so 0028 kept every one as stored)
            assert {case.id: case.raw_sha256 for case in session.execute(select(Case)).scalars()} == cases
            by_source = select(Case.dossier_code).where(Case.source_file_sha256 == hexes[3])
            assert session.execute(by_source).scalar() == "X-1"
            assert session.execute(select(CaseEvent.case_id).where(CaseEvent.event_key == hexes[0][:32])).scalar() == 1
            assert session.execute(select(Attachment.content_sha256).where(Attachment.id == 1)).scalar() == hexes[1]
        with db.engine.connect() as connection:
            counts = sorted(connection.execute(sa.text("SELECT status, n FROM case_status_counts")).all())
            assert counts == before["case_status_counts"]
            columns = {row[1]: row[0] for row in connection.exec_driver_sql("PRAGMA table_info(cases)")} \
                if sqlite else {}
        if sqlite:  # every other column of every row as it was
            # (and the current record: 0023 stores it only when it differs from the record as received)
            digest_at = {columns["raw_sha256"], columns["source_file_sha256"], columns["dossier_json"]}
            for old, new in zip(before["cases"], _snapshot(db.engine, "cases"), strict=True):
                assert [v for i, v in enumerate(old) if i not in digest_at] == \
                       [v for i, v in enumerate(new) if i not in digest_at]
        command.downgrade(alembic_config(db.engine), PREVIOUS_HEAD)
        for table in tables[:3]:
            assert _snapshot(db.engine, table) == before[table], table
        assert "ix_case_events_event_key" in _event_indexes(db.engine)
    finally:
        db.dispose()
