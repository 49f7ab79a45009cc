"""The queue's sort indexes end with the tie-breaking id (issue 17, migration 0025), on both back-ends: on
PostgreSQL the id is an explicit last key, so a page far down is an index-only scan in the queue's order; on
SQLite, whose index entries end with the row id anyway, the due-date index is the due date alone. The
downgrade gives back the former definitions."""

from __future__ import annotations

import importlib
from typing import Any

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



RUNNING_QUEUE = importlib.import_module("officer_desk.models.migrations.versions.0029_sqlite_running_queue_index")


def _running_queue_index(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            sql = "SELECT indexdef FROM pg_indexes WHERE indexname = :name"
        else:
            sql = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
        return connection.execute(sa.text(sql), {"name": RUNNING_QUEUE.INDEX}).scalar()


def test_the_running_cases_index_on_both_back_ends_and_its_downgrade(desk: Any) -> None:
    """0029 gives SQLite the partial index PostgreSQL has had since 0017; the downgrade takes only SQLite's."""
    engine = desk.db.engine
    sqlite = engine.dialect.name == "sqlite"
    definition = _running_queue_index(engine)
    assert definition is not None
    assert "(received_at, id, due_date)" in definition and "in_processing" in definition, definition
    command.downgrade(alembic_config(engine), str(RUNNING_QUEUE.down_revision))
    assert (_running_queue_index(engine) is None) is sqlite  # PostgreSQL keeps 0017's
    upgrade_to_head(engine)
    assert _running_queue_index(engine) == definition
