"""Shared fixtures: an isolated home per test, and both database back-ends (SQLite, PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from officer_desk.paths import Home
from tests.helpers.environment import require_or_skip

# Fixture modules shared by several test folders, registered once (no star imports, no copies).
pytest_plugins = ["tests.helpers.signing", "tests.helpers.cups", "tests.helpers.office"]



@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """Every test gets its own OFFICER_DESK_HOME; no keyring, no database URL from the environment."""
    home_root = tmp_path / "home"
    monkeypatch.setenv("OFFICER_DESK_HOME", str(home_root))
    monkeypatch.setenv("OFFICER_DESK_NO_KEYRING", "1")
    monkeypatch.setenv("OFFICER_DESK_OFFICER", "canbo.test")
    monkeypatch.setenv("OFFICER_DESK_TEST_FAST_AUTH", "1")  # cheap Argon2id and short slow-downs
    for variable in ("OFFICER_DESK_AS", "OFFICER_DESK_PASSWORD_FILE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.delenv("OFFICER_DESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("OFFICER_DESK_DB_KEY_FILE", raising=False)
    from officer_desk.i18n import set_language

    set_language("vi")
    return Home(home_root)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    from tests.helpers.pg import find_bin_dir, start_server

    external = os.environ.get("OFFICER_DESK_TEST_PG_ADMIN_URL")
    if external:
        yield external
        return
    require_or_skip(find_bin_dir() is not None, "PostgreSQL server binaries (Debian postgresql)")
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: object) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    import sqlalchemy as sa

    if isinstance(pg_server, str):
        admin_url = pg_server
        make_url = lambda name: admin_url.rsplit("/", 1)[0] + "/" + name  # noqa: E731
    else:
        admin_url = pg_server.admin_url  # type: ignore[attr-defined]
        make_url = pg_server.url  # type: ignore[attr-defined]
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
