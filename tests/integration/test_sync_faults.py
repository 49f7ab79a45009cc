"""Fault injection against a real PostgreSQL: a desk killed mid-sync, connections dropped, the server
killed and restarted. Afterwards every case exists exactly once, with every event and attachment, on
both sides (more kill points: bench/bench_sync_faults.py)."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import officer_desk.sync.state as st
from officer_desk.desk import Desk, open_desk
from officer_desk.lifecycle import Action
from officer_desk.models import bulk as bulk_rows
from officer_desk.paths import Home
from officer_desk.sync import engine, synchronize
from tests.helpers.desks import override_open_errors
from tests.helpers.pg import start_server
from tests.helpers.sync_faults import POINTS, case_inventory, run_killed_sync

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"


def _fill(desk: Desk, n: int, folder: Path) -> list[str]:
    raw = json.loads((DATA / "tam-tru-dang-thi-mai.json").read_text(encoding="utf-8"))
    raw.pop("dossier_code")
    codes = []
    for i in range(n):
        item = json.loads(json.dumps(raw))
        item["applicant"]["id_number"] = f"0251940{i:05d}"
        item["applicant"]["full_name"] = f"Đặng Thị Mai {chr(65 + i)}"
        path = folder / f"d{i}.json"
        path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
        shutil.copy(DATA / "hop-dong-thue.pdf", folder / "hop-dong-thue.pdf")
        _status, code = desk.cases.import_file(path)
        codes.append(code)
    for code in codes[::2]:
        override_open_errors(desk, code)
        desk.cases.transition(code, Action.ACCEPT)
    return codes


def _converged(desk: Desk, url: str, codes: list[str]) -> None:
    report = synchronize(desk, url)
    assert not report.offline and report.conflicts == [], report
    center = open_desk(desk.home, url)
    try:
        mine, theirs = case_inventory(desk, codes), case_inventory(center, codes)
    finally:
        center.close()
    for code in codes:
        assert mine[code][0] == 1 and theirs[code][0] == 1, code  # exactly once on both sides
        assert mine[code][1] == theirs[code][1], code  # the same events
        assert mine[code][2] == theirs[code][2] and mine[code][2], code  # the same attachments
    assert engine.pending_count(desk) == 0


@pytest.fixture
def commune(isolated_home: Home, tmp_path: Path) -> Iterator[tuple[Desk, list[str]]]:
    folder = tmp_path / "in"
    folder.mkdir()
    desk = open_desk(isolated_home)
    codes = _fill(desk, 4, folder)
    yield desk, codes
    desk.close()


@pytest.mark.parametrize("point", POINTS)
def test_desk_killed_mid_sync_resumes_and_converges(commune: tuple[Desk, list[str]], pg_url: str,
                                                    point: str) -> None:
    desk, codes = commune
    if point == "during_pull":
        synchronize(desk, pg_url)  # something to pull: the center changes a case meanwhile
        center = open_desk(desk.home, pg_url, officer="canbo.trungtam")
        try:
            override_open_errors(center, codes[1])
            center.cases.transition(codes[1], Action.ACCEPT)
        finally:
            center.close()
        with desk.db.session() as session:  # and this desk forgot a case it had (pull brings it back)
            session.execute(sa.delete(st.Case).where(st.Case.dossier_code == codes[3]))
            session.execute(sa.delete(engine.SyncBase).where(engine.SyncBase.dossier_code == codes[3]))
    desk.close()
    after = 1 if point == "during_pull" else 2
    assert run_killed_sync(desk.home.root, pg_url, point, after) == 9  # killed at that point
    reopened = open_desk(desk.home)
    try:
        _converged(reopened, pg_url, codes)
    finally:
        reopened.close()


def test_connection_dropped_mid_sync_then_converges(commune: tuple[Desk, list[str]], pg_url: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    desk, codes = commune
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    original = bulk_rows.insert_rows
    calls = [0]

    def rows_then_drop(session, model, rows):  # type: ignore[no-untyped-def]
        # The chunk's cases are on the server (uncommitted); the cut comes between two of its inserts.
        result = original(session, model, rows)
        calls[0] += session.get_bind().dialect.name == "postgresql"
        if calls[0] == 2:
            with admin.connect() as conn:
                conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        return result

    monkeypatch.setattr(bulk_rows, "insert_rows", rows_then_drop)
    first = synchronize(desk, pg_url)
    assert first.offline  # the cut is reported as offline, nothing lost
    assert calls[0] == 2  # it happened mid-chunk
    monkeypatch.setattr(bulk_rows, "insert_rows", original)
    admin.dispose()
    _converged(desk, pg_url, codes)


def test_server_killed_mid_sync_then_restarted(commune: tuple[Desk, list[str]],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    desk, codes = commune
    server = start_server()  # its own server: this one gets killed
    try:
        admin = sa.create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql('CREATE DATABASE "center"')
        admin.dispose()
        url = server.url("center")
        original = bulk_rows.insert_rows
        calls = [0]

        def rows_then_crash(session, model, rows):  # type: ignore[no-untyped-def]
            result = original(session, model, rows)
            calls[0] += session.get_bind().dialect.name == "postgresql"
            if calls[0] == 3:
                killer = threading.Thread(target=server.crash)
                killer.start()
                killer.join()
            return result

        monkeypatch.setattr(bulk_rows, "insert_rows", rows_then_crash)
        assert synchronize(desk, url).offline
        assert calls[0] == 3
        monkeypatch.setattr(bulk_rows, "insert_rows", original)
        assert synchronize(desk, url).offline  # still down: changes wait
        server.start_again()
        _converged(desk, url, codes)
    finally:
        server.stop()
