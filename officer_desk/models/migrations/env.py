"""Alembic environment: runs on the engine the desk passes in (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from officer_desk.models import tables  # noqa: F401  (registers the tables on Base.metadata)
from officer_desk.models.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        raise RuntimeError("officer-desk migrations need an engine in config.attributes['engine']")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
