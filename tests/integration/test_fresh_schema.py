"""The tests' new desk files (tests/helpers/fresh_schema.py) are what the real migrations make, each under
its own home's key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from officer_desk.desk import open_desk
from officer_desk.errors import DatabaseKeyError
from officer_desk.models.migrate import HEAD_REVISION, upgrade_to_head
from officer_desk.models.session import create_sqlcipher_engine
from officer_desk.paths import Home
from tests.helpers.fresh_schema import SchemaTemplates


def _contents(engine: Any) -> dict[str, Any]:
    with engine.connect() as connection:
        master = connection.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' "
            "ORDER BY type, name").all()
        tables = [row[1] for row in master if row[0] == "table"]
        rows = {table: sorted(map(tuple, connection.exec_driver_sql(f'SELECT * FROM "{table}"').all()), key=repr)
                for table in tables}
        return {"master": [tuple(row) for row in master], "rows": rows,
                "version": connection.execute(text("SELECT version_num FROM alembic_version")).scalar()}


def test_a_cloned_new_file_equals_one_migrated_for_real(fresh_schemas: SchemaTemplates, tmp_path: Path) -> None:
    clones = fresh_schemas.clones
    home = Home(tmp_path / "cloned")
    desk = open_desk(home)
    try:
        assert fresh_schemas.clones == clones + 1  # this home's file was a clone, not migrated again
        cloned = _contents(desk.db.engine)
    finally:
        desk.close()

    real = create_sqlcipher_engine(tmp_path / "real.db", bytes(32))
    try:
        upgrade_to_head(real)
        migrated = _contents(real)
    finally:
        real.dispose()
    assert cloned["version"] == migrated["version"] == HEAD_REVISION
    assert cloned["master"] == migrated["master"]
    assert cloned["rows"] == migrated["rows"]

    # The clone is encrypted with its own home's key, not the template's.
    wrong = create_sqlcipher_engine(home.database, fresh_schemas.key)
    try:
        with pytest.raises(DatabaseKeyError):
            wrong.connect()
    finally:
        wrong.dispose()


def _pg_contents(url: str) -> dict[str, Any]:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            def rows(sql: str) -> list[tuple[Any, ...]]:
                return sorted(tuple(row) for row in connection.exec_driver_sql(sql).all())

            tables = [row[0] for row in rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
            return {
                "columns": rows("SELECT table_name, column_name, data_type, column_default, is_nullable "
                                "FROM information_schema.columns WHERE table_schema = 'public'"),
                "indexes": rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"),
                "constraints": rows("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                                    "FROM pg_constraint WHERE connamespace = 'public'::regnamespace"),
                "triggers": rows("SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
                                 "WHERE NOT tgisinternal"),
                "functions": rows("SELECT proname, pg_get_functiondef(oid) FROM pg_proc "
                                  "WHERE pronamespace = 'public'::regnamespace"),
                "rows": {table: sorted(map(repr, connection.exec_driver_sql(f'SELECT * FROM "{table}"').all()))
                         for table in tables},
            }
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_copied_new_postgresql_database_equals_one_migrated_for_real(fresh_schemas: SchemaTemplates,
                                                                         pg_url: str, tmp_path: Path) -> None:
    import sqlalchemy as sa

    clones = fresh_schemas.clones
    desk = open_desk(Home(tmp_path / "home"), pg_url)
    desk.close()
    assert fresh_schemas.clones == clones + 1  # this database was copied from the template
    copied = _pg_contents(pg_url)

    admin = sa.create_engine(str(fresh_schemas.pg_admin_url), isolation_level="AUTOCOMMIT")
    real_url = pg_url.rsplit("/", 1)[0] + "/" + pg_url.rsplit("/", 1)[1] + "_real"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{real_url.rsplit("/", 1)[1]}"')
    try:
        engine = sa.create_engine(real_url)
        try:
            upgrade_to_head(engine)
        finally:
            engine.dispose()
        migrated = _pg_contents(real_url)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{real_url.rsplit("/", 1)[1]}"')
        admin.dispose()
    assert copied["rows"]["alembic_version"] == [repr((HEAD_REVISION,))]
    assert copied == migrated
