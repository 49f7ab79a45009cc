"""Shared fixtures: an isolated home per test, and both database back-ends (SQLite, PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from officer_desk.paths import Home
from tests.helpers.environment import CLEARED_ENVIRONMENT, TEST_ENVIRONMENT, require_or_skip
from tests.helpers.fresh_schema import SchemaTemplates

# Fixture modules shared by several test folders, registered once (no star imports, no copies).
pytest_plugins = ["tests.helpers.signing", "tests.helpers.cups", "tests.helpers.office"]


@pytest.fixture(scope="session", autouse=True)
def fresh_schemas() -> Iterator[SchemaTemplates]:
    """New desk databases get the newest schema by copy, migrated once per process (see
    tests/helpers/fresh_schema.py: hundreds of test desks each ran every migration)."""
    import officer_desk.models.session as models_session

    templates = SchemaTemplates(models_session.upgrade_to_head)
    patch = pytest.MonkeyPatch()
    patch.setattr(models_session, "upgrade_to_head", templates.upgrade)
    try:
        yield templates
    finally:
        patch.undo()
        templates.close()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """Every test gets its own OFFICER_DESK_HOME; no keyring, no database URL from the environment."""
    home_root = tmp_path / "home"
    monkeypatch.setenv("OFFICER_DESK_HOME", str(home_root))
    for name, value in TEST_ENVIRONMENT.items():  # no keyring, cheap Argon2id and short slow-downs
        monkeypatch.setenv(name, value)
    for name in CLEARED_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    from officer_desk.i18n import set_language

    set_language("vi")
    return Home(home_root)


@pytest.fixture(scope="session")
def pg_server(fresh_schemas: SchemaTemplates) -> Iterator[object]:
    from tests.helpers.pg import find_bin_dir, start_server

    external = os.environ.get("OFFICER_DESK_TEST_PG_ADMIN_URL")
    if external:
        try:
            yield external
        finally:
            fresh_schemas.drop_pg_template()
        return
    require_or_skip(find_bin_dir() is not None, "PostgreSQL server binaries (Debian postgresql)")
    server = start_server()
    try:
        yield server
    finally:
        fresh_schemas.drop_pg_template()
        server.stop()


@pytest.fixture
def pg_url(pg_server: object, fresh_schemas: SchemaTemplates) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (a desk opened on it gets the newest schema by
    copy, see tests/helpers/fresh_schema.py)."""
    import sqlalchemy as sa

    if isinstance(pg_server, str):
        admin_url = pg_server
        make_url = lambda name: admin_url.rsplit("/", 1)[0] + "/" + name  # noqa: E731
    else:
        admin_url = pg_server.admin_url  # type: ignore[attr-defined]
        make_url = pg_server.url  # type: ignore[attr-defined]
    fresh_schemas.pg_admin_url = admin_url
    name = "od_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            )
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str | None:
    """Database URL for the parametrised back-end: None = local encrypted SQLite."""
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def desk(backend: str | None, isolated_home: Home) -> Iterator[object]:
    from officer_desk.desk import open_desk

    opened = open_desk(isolated_home, backend)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sqlite_desk(isolated_home: Home) -> Iterator[object]:
    """A desk on the local encrypted SQLite file only (what a test of SQLite's own storage needs)."""
    from officer_desk.desk import open_desk

    opened = open_desk(isolated_home)
    try:
        yield opened
    finally:
        opened.close()
