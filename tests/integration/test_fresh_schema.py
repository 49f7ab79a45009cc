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
