"""Alembic migrations, run programmatically: the desk upgrades an older database in place at start."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from officer_desk.schema_version import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# HEAD_REVISION (officer_desk.schema_version, imported above): the newest revision; a test keeps it equal to
# the scripts' head. Checking it with one query at start-up spares every launch the import of Alembic when the
# schema is already current.
__all__ = ["HEAD_REVISION", "alembic_config", "current_revision", "head_revision", "upgrade_to_head"]


def alembic_config(engine: Engine, **attributes: object) -> Config:
    """``attributes``: what a data migration needs besides the engine (``home``, ``db_key`` of a local desk)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    config.attributes.update(attributes)
    return config


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    head = script.get_current_head()
    assert head is not None
    return head


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


def upgrade_to_head(engine: Engine, revision: str = "head", **attributes: object) -> None:
    """Bring the schema to ``revision`` (default: the newest); never drops data."""
    if revision == "head" and _stored_revision(engine) == HEAD_REVISION:
        return
    from alembic import command

    from officer_desk.models.compact import compact_after_upgrade
    from officer_desk.models.statistics import optimize

    command.upgrade(alembic_config(engine, **attributes), revision)
    # The pages of what the migrations dropped go back to the disk (a local file where many are free).
    compact_after_upgrade(engine)
    # A migration's new index has no statistics yet, and with figures for the other indexes but none for
    # it SQLite may never choose it: analyse what needs it now, not at the end of some later demo.
    optimize(engine)
