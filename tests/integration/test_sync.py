"""An offline desk (encrypted SQLite) pushes its changes to the center's PostgreSQL server."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from officer_desk.audit_chain import verify_chain
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action, Status
from officer_desk.models import AuditEntry, CaseEvent
from officer_desk.paths import Home
from officer_desk.sync import pending_count, push

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
CODE = "000.00.01.X99-261127-0007"


@pytest.fixture
def offline_desk(isolated_home: Home, tmp_path: Path):  # type: ignore[no-untyped-def]
    desk = open_desk(isolated_home)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tam-tru-dang-thi-mai.json", "hop-dong-thue.pdf"):
        shutil.copy(DATA / name, folder / name)
    desk.cases.import_paths([folder])
    yield desk
    desk.close()


def test_push_copies_new_case_with_timeline_and_attachments(offline_desk, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    offline_desk.cases.transition(CODE, Action.ACCEPT)
    assert pending_count(offline_desk) >= 2
    report = push(offline_desk, pg_url)
    assert report.pushed == [CODE] and not report.conflicts and not report.offline
    assert pending_count(offline_desk) == 0
    center = open_desk(offline_desk.home, pg_url)
    try:
        detail = center.cases.detail(CODE)
        assert detail.row.status == Status.ACCEPTED
        assert [e.action for e in detail.events][:2] == ["received", "accept"]
        attachment = next(a for a in detail.attachments if a.file_name)
        assert center.cases.attachment_bytes(attachment.content_sha256) == (DATA / "hop-dong-thue.pdf").read_bytes()
        assert [r.dossier_code for r in center.cases.search("dang thi mai")] == [CODE]
        for key in ("thi mai", "0912345678", "025194", "261127-0007", CODE):  # the bulk path's terms (COPY)
            assert [r.dossier_code for r in center.cases.search(key)] == [CODE], key
        # The chunk's audit entries (written in bulk) extend both sides' hash chains intact.
        for desk in (center, offline_desk):
            with desk.db.engine.connect() as connection:
                assert verify_chain(connection).intact
            with desk.db.session() as session:
                assert session.execute(select(AuditEntry.entity_id).where(
                    AuditEntry.action.in_(("sync.pushed", "sync.received")))).scalars().all() == [CODE]
    finally:
        center.close()
    assert push(offline_desk, pg_url).pushed == []  # nothing pending: nothing sent twice


def test_later_local_change_is_pushed_and_stale_one_is_a_conflict(offline_desk, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    push(offline_desk, pg_url)
    offline_desk.cases.transition(CODE, Action.ACCEPT)
    assert push(offline_desk, pg_url).pushed == [CODE]

    center = open_desk(offline_desk.home, pg_url, officer="canbo.trungtam")
    try:
        center.cases.transition(CODE, Action.START_PROCESSING)
        # The offline desk refuses meanwhile, with an event older than the server's.
        offline_desk.cases.transition(CODE, Action.REFUSE, "giấy tờ giả")
        with offline_desk.db.session() as session:
            session.execute(update(CaseEvent).where(CaseEvent.action == "refuse").values(
                at=datetime.now(UTC) - timedelta(hours=1)))
        report = push(offline_desk, pg_url)
        assert report.conflicts == [CODE]
        assert center.cases.detail(CODE).row.status == Status.IN_PROCESSING  # the server's newer state kept
    finally:
        center.close()


def test_unreachable_server_keeps_changes_pending(offline_desk) -> None:  # type: ignore[no-untyped-def]
    before = pending_count(offline_desk)
    report = push(offline_desk, "postgresql+psycopg://nobody:x@127.0.0.1:9/none?connect_timeout=2")
    assert report.offline and pending_count(offline_desk) == before
