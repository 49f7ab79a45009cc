"""Migration 0027 (issue 17), on both back-ends: SQLite drops ``ix_cases_report_by_channel`` in place (the
by-channel report reads the by-procedure index, tests/integration/test_reports.py) and the downgrade creates it
again exactly as migration 0014 did; PostgreSQL, which never had it, keeps every index as it was."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command

from officer_desk.models.migrate import alembic_config, current_revision, upgrade_to_head
from officer_desk.paths import Home
from tests.integration.test_database import _engine_at_first_revision

MIGRATION = importlib.import_module("officer_desk.models.migrations.versions.0027_channel_from_procedure")
REPORT_0014 = importlib.import_module("officer_desk.models.migrations.versions.0014_report_handling")
INDEX = "ix_cases_report_by_channel"


def _case_indexes(engine: sa.Engine) -> dict[str, str]:
    """Every index on cases with the SQL that defines it."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            rows = connection.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'cases'")
        else:
            rows = connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL")
        return {str(name): str(sql) for name, sql in rows}


def test_the_by_channel_index_goes_on_sqlite_and_the_downgrade_restores_it(backend: str | None,
                                                                         isolated_home: Home) -> None:
    engine = _engine_at_first_revision(backend, isolated_home)
    sqlite = engine.dialect.name == "sqlite"
    try:
        upgrade_to_head(engine, "0001")
        now = datetime.now(UTC).replace(tzinfo=None)
        with engine.begin() as conn:
            for number, channel in enumerate(("truc_tiep", "truc_tuyen", "buu_chinh"), 1):
                conn.execute(sa.text(
                    "INSERT INTO cases (dossier_code, procedure_code, channel, status, received_at, applicant_name,"
                    " applicant_id_number, applicant_phone, subject_key, raw_json, dossier_json, raw_sha256, version,"
                    " origin_desk, clock_started_at, open_finding_count, is_demo, created_at, updated_at) VALUES"
                    " (:code, '1.004194', :channel, 'received', :now, 'A', '', '', '', '{}', '{}', 'abc', 1, 1, :now,"
                    " 0, false, :now, :now)"), {"code": f"X-261206-000{number}", "channel": channel, "now": now})
        upgrade_to_head(engine, str(MIGRATION.down_revision))
        before = _case_indexes(engine)
        upgrade_to_head(engine, MIGRATION.revision)  # (not the head: later migrations may follow it)
        assert current_revision(engine) == MIGRATION.revision
        after = _case_indexes(engine)
        if sqlite:
            assert INDEX in before and "ix_cases_report_by_procedure" in after
            assert after == {name: sql for name, sql in before.items() if name != INDEX}
        else:
            assert INDEX not in before and after == before
        command.downgrade(alembic_config(engine), str(MIGRATION.down_revision))
        assert _case_indexes(engine) == before
        if sqlite:
            with engine.connect() as connection:
                columns = [row[2] for row in connection.exec_driver_sql(f"PRAGMA index_info({INDEX})")]
                assert columns == REPORT_0014.grouping_index_columns("channel") == MIGRATION.COLUMNS
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                assert connection.exec_driver_sql(
                    f"SELECT count(*) FROM cases INDEXED BY {INDEX} WHERE channel = 'buu_chinh'").scalar() == 1
        upgrade_to_head(engine, MIGRATION.revision)
        assert _case_indexes(engine) == after
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM cases").scalar() == 3
    finally:
        engine.dispose()
