"""The queue's sort indexes end with the tie-breaking id (issue 17, migration 0025), on both back-ends: on
PostgreSQL the id is an explicit last key, so a page far down is an index-only scan in the queue's order; on
SQLite, whose index entries end with the row id anyway, the due-date index is the due date alone. The
downgrade gives back the former definitions."""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import command

from officer_desk.models.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from officer_desk.paths import Home
from tests.integration.test_database import _engine_at_first_revision

MIGRATION = importlib.import_module("officer_desk.models.migrations.versions.0025_queue_sort_indexes_with_id")


def _case_indexes(engine: sa.Engine) -> dict[str, list[str]]:
    with engine.connect() as connection:
        return {str(index["name"]): [str(c) for c in index["column_names"]]
                for index in sa.inspect(connection).get_indexes("cases")}


def test_sort_indexes_end_with_the_id_and_the_downgrade_restores_them(backend: str | None,
                                                                       isolated_home: Home) -> None:
    engine = _engine_at_first_revision(backend, isolated_home)
    postgresql = engine.dialect.name == "postgresql"
    try:
        upgrade_to_head(engine)
        assert current_revision(engine) == head_revision()
        indexes = _case_indexes(engine)
        assert "ix_cases_due_received" not in indexes
        if postgresql:
            assert indexes["ix_cases_due_order"] == ["due_date", "id"]
            for name, (_before, after) in MIGRATION.POSTGRESQL.items():
                assert indexes[name] == after.split(", "), name
        else:
            assert indexes["ix_cases_due_order"] == ["due_date"]
            assert indexes["ix_cases_received_at"] == ["received_at"]
        command.downgrade(alembic_config(engine), str(MIGRATION.down_revision))
        indexes = _case_indexes(engine)
        assert "ix_cases_due_order" not in indexes
        assert indexes["ix_cases_due_received"] == ["due_date", "received_at"]
        if postgresql:
            for name, (before, _after) in MIGRATION.POSTGRESQL.items():
                assert indexes[name] == before.split(", "), name
        upgrade_to_head(engine)
        assert _case_indexes(engine)["ix_cases_due_order"] == (["due_date", "id"] if postgresql else ["due_date"])
    finally:
        engine.dispose()

