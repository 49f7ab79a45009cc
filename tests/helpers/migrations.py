"""Migration tests' common step: the revision a given one follows in the chain as merged (ids are not in
numeric order: each was reserved before the merge order was known)."""

from __future__ import annotations


def revision_before(revision: str) -> str:
    from alembic.script import ScriptDirectory

    from officer_desk.models.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config(None)).get_revision(revision)  # type: ignore[arg-type]
    assert script is not None and isinstance(script.down_revision, str), revision
    return script.down_revision
