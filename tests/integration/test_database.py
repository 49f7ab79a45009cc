"""The database layer on both back-ends: migrations in place, encryption at rest, numbering."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from officer_desk.database import open_database
from officer_desk.errors import DatabaseKeyError
from officer_desk.models.migrate import current_revision, head_revision, upgrade_to_head
from officer_desk.models.session import create_sqlcipher_engine
from officer_desk.paths import Home
from officer_desk.security import load_database_key


def _engine_at_first_revision(backend: str | None, home: Home) -> sa.Engine:
    if backend is None:
        home.ensure()
        return create_sqlcipher_engine(home.database, load_database_key(home))
    from officer_desk.models.session import _normalise_pg_url

    return sa.create_engine(_normalise_pg_url(backend))


def test_upgrade_from_first_revision_keeps_data_and_indexes_it(backend: str | None, isolated_home: Home) -> None:
    engine = _engine_at_first_revision(backend, isolated_home)
    upgrade_to_head(engine, "0001")
    assert current_revision(engine) == "0001"
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
                " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
                " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
                " ('X-261127-0001', '1.004194', 'truc_tiep', 'received', :now, 'Đặng Thị Mai', '025194001234',"
                " '0912345678', '', '{}', '{}', 'abc', 1, 1, :now, 0, false, :now, :now)"
            ),
            {"now": now},
        )
    engine.dispose()

    db = open_database(isolated_home, backend)  # the desk upgrades in place when it opens
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            name = conn.execute(sa.text("SELECT applicant_name FROM cases")).scalar_one()
            terms = set(conn.execute(sa.text("SELECT term FROM case_search_terms")).scalars())
        assert name == "Đặng Thị Mai"
        assert {"dang thi mai", "thi mai", "mai", "025194001234", "0912345678"} <= terms
    finally:
        db.dispose()


def test_sqlite_file_is_encrypted_and_needs_its_key(isolated_home: Home) -> None:
    db = open_database(isolated_home)
    db.dispose()
    header = isolated_home.database.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    isolated_home.key_file.write_text("00" * 32 + "\n", encoding="utf-8")
    with pytest.raises(DatabaseKeyError):
        open_database(isolated_home)


def test_missing_key_for_existing_database_is_a_clear_error(isolated_home: Home) -> None:
    open_database(isolated_home).dispose()
    isolated_home.key_file.unlink()
    with pytest.raises(DatabaseKeyError, match="khóa"):
        open_database(isolated_home)


def test_key_file_from_environment(isolated_home: Home, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    key_file = tmp_path / "center.key"
    key_file.write_text("ab" * 32 + "\n", encoding="utf-8")
    monkeypatch.setenv("OFFICER_DESK_DB_KEY_FILE", str(key_file))
    assert load_database_key(isolated_home) == bytes.fromhex("ab" * 32)
    assert not isolated_home.key_file.exists()


def test_sqlite_pragmas_for_durability(isolated_home: Home) -> None:
    db = open_database(isolated_home)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_dossier_codes_are_unique_under_concurrency(desk) -> None:  # type: ignore[no-untyped-def]
    received = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    codes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def allocate() -> None:
        try:
            for _i in range(15):
                with desk.db.session() as session:
                    code = desk.cases.next_dossier_code(session, received)
                with lock:
                    codes.append(code)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=allocate) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(codes) == 60 and len(set(codes)) == 60
    prefix = f"{desk.config.agency_id}-261127-"
    assert all(code.startswith(prefix) for code in codes)
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    if desk.db.is_local:  # desk 1 numbers from its own block 1001..1999
        assert numbers == list(range(1001, 1061))
    else:
        assert numbers == list(range(1, 61))


def test_head_constant_matches_the_migration_scripts() -> None:
    from officer_desk.models.migrate import HEAD_REVISION

    assert HEAD_REVISION == head_revision()


def test_reachable_reports_a_live_and_a_dead_server(desk) -> None:  # type: ignore[no-untyped-def]
    assert desk.db.reachable()
    desk.db.engine.dispose()
    dead = open_database(desk.home, desk.db.url, upgrade=False) if not desk.db.is_local else None
    if dead is not None:
        assert dead.reachable()
        dead.dispose()
    import sqlalchemy as sa

    from officer_desk.models.session import Database

    gone = Database(sa.create_engine("postgresql+psycopg://x:y@127.0.0.1:9/none?connect_timeout=1"),
                    desk.db.sessions, "gone", False, None, desk.home)
    assert not gone.reachable()
