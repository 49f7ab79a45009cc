"""Attachment files are named by a keyed hash, and migration 0009 renames an older home's files (issue 16)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select, text

from officer_desk.desk import open_desk
from officer_desk.models import Attachment
from officer_desk.models.migrate import head_revision, upgrade_to_head
from officer_desk.paths import Home

DOSSIERS = Path(__file__).resolve().parents[1] / "data" / "dossiers"
pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def _digests(desk) -> list[str]:  # type: ignore[no-untyped-def]
    with desk.db.session() as session:
        return [d for d in session.execute(select(Attachment.content_sha256)).scalars() if d]


def test_names_do_not_reveal_the_content_digest(isolated_home: Home, backend: str | None) -> None:
    desk = open_desk(isolated_home)
    try:
        desk.cases.import_paths([DOSSIERS])
        stored_pdf = (DOSSIERS / "hop-dong-thue.pdf").read_bytes()
        known = hashlib.sha256(stored_pdf).hexdigest()
        assert known in _digests(desk)
        names = [p.name for p in isolated_home.attachments.rglob("*") if p.is_file()]
        assert names and all(name.startswith("h") and len(name) == 65 for name in names)
        assert known not in " ".join(str(p) for p in isolated_home.attachments.rglob("*"))
        with desk.db.session() as session:
            assert desk.cases.attachments.get(session, known) == stored_pdf
    finally:
        desk.db.dispose()


def test_migration_0009_renames_an_older_homes_files(isolated_home: Home, backend: str | None) -> None:
    desk = open_desk(isolated_home)
    try:
        desk.cases.import_paths([DOSSIERS])
        digests = _digests(desk)
        store = desk.cases.attachments
        # make the home look like one from before 0009: plaintext names, schema at 0008
        for digest in digests:
            legacy = isolated_home.attachments / digest[:2] / digest
            legacy.parent.mkdir(exist_ok=True)
            store.path_for(digest).rename(legacy)
        # Run 0009 again over the home (the schema is otherwise at head: later migrations must not rerun).
        with desk.db.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0008_reports'"))
        upgrade_to_head(desk.db.engine, "0009_attachment_hmac", home=desk.db.home, db_key=desk.db.db_key)
        with desk.db.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
    finally:
        desk.db.dispose()
    reopened = open_desk(isolated_home)
    try:
        plain = [p for p in isolated_home.attachments.rglob("*") if p.is_file() and not p.name.startswith("h")]
        assert plain == []
        with reopened.db.session() as session:
            for digest in digests:
                data = reopened.cases.attachments.get(session, digest)
                assert hashlib.sha256(data).hexdigest() == digest
    finally:
        reopened.db.dispose()
