"""The demo leaves a compact local file (issue 17's size goal): a load that wrote at least half of the desk's
cases ends with a VACUUM (no free page left, nothing a further VACUUM would shrink); a smaller load on a
larger desk, a cancelled load, a cancel during the compaction and a lack of disk space leave the file as
it was, with every case the load wrote."""

from __future__ import annotations

import logging
from collections import namedtuple
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import officer_desk.demo as demo
import officer_desk.models.compact as compact
from officer_desk.cli import main
from officer_desk.models import Case
from officer_desk.models.compact import UPGRADE_FREE_SHARE
from officer_desk.models.migrate import upgrade_to_head
from officer_desk.paths import Home
from officer_desk.schema_version import HEAD_REVISION
from tests.helpers.desks import CancelAfterFirstBatch
from tests.helpers.migrations import revision_before


def _pragma(desk: Any, name: str) -> int:
    with desk.db.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"PRAGMA {name}").scalar_one())


def _free_pages_made(desk: Any) -> int:
    """Free pages on the file's freelist, as a deletion leaves them (a scratch table of ~4 MB dropped)."""
    raw = desk.db.engine.raw_connection()
    try:
        connection = raw.driver_connection
        connection.execute("CREATE TABLE scratch_space (blob BLOB)")
        connection.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                           "INSERT INTO scratch_space SELECT randomblob(4000) FROM n")
        connection.execute("DROP TABLE scratch_space")
    finally:
        raw.close()
    free = _pragma(desk, "freelist_count")
    assert free > 500
    return free


def _cases(desk: Any) -> int:
    with desk.db.session() as session:
        return int(session.execute(select(func.count(Case.id))).scalar_one())


def _compacted(desk: Any) -> bool:
    """No free page, and a VACUUM now would not shrink the file by a page."""
    pages = _pragma(desk, "page_count")
    if _pragma(desk, "freelist_count"):
        return False
    raw = desk.db.engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM")
    finally:
        raw.close()
    return _pragma(desk, "page_count") == pages


def _intact(desk: Any) -> None:
    with desk.db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"


def test_a_demo_that_wrote_most_of_the_desk_leaves_the_file_compact(sqlite_desk: Any) -> None:
    _free_pages_made(sqlite_desk)
    result = demo.run_demo(sqlite_desk, 300, seed=5)
    assert result["cases"] == 300 and not result["cancelled"]
    assert _cases(sqlite_desk) == 300
    wal = sqlite_desk.home.database.with_name(sqlite_desk.home.database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the WAL does not stay at the size of the file
    assert _compacted(sqlite_desk)


def test_a_small_demo_on_a_larger_desk_leaves_the_file_as_it_was(sqlite_desk: Any) -> None:
    demo.run_demo(sqlite_desk, 300, seed=5)
    free = _free_pages_made(sqlite_desk)
    assert demo.run_demo(sqlite_desk, 100, seed=6)["cases"] == 100  # 100 of 400 cases: not compacted
    assert _cases(sqlite_desk) == 400
    assert 0 < _pragma(sqlite_desk, "freelist_count") <= free  # the load took some free pages, no VACUUM ran


def test_a_cancelled_demo_does_not_compact(sqlite_desk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BATCH", 100)
    _free_pages_made(sqlite_desk)
    result = demo.run_demo(sqlite_desk, 300, seed=5, progress=CancelAfterFirstBatch())
    assert result["cancelled"] and result["cases"] == 100
    assert _cases(sqlite_desk) == 100
    assert _pragma(sqlite_desk, "freelist_count") > 0


class CancelWhenCompacting:
    """The officer cancels once the demo says it compacts the file."""

    def __init__(self) -> None:
        self.labels: list[str] = []

    def report(self, done: int, total: int, label: str = "") -> None:
        if label:
            self.labels.append(label)

    def cancelled(self) -> bool:
        return bool(self.labels)


def test_a_cancel_during_the_compaction_stops_it_and_keeps_every_case(
        sqlite_desk: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(compact, "CANCEL_CHECK_STEPS", 50)  # a small file's VACUUM is over in a few steps
    _free_pages_made(sqlite_desk)
    progress = CancelWhenCompacting()
    with caplog.at_level(logging.INFO, logger=compact.__name__):
        result = demo.run_demo(sqlite_desk, 300, seed=5, progress=progress)
    assert progress.labels == ["Đang thu gọn tệp cơ sở dữ liệu (một lần, sau khi tạo nhiều hồ sơ)…"]
    assert result["cases"] == 300 and _cases(sqlite_desk) == 300
    assert _pragma(sqlite_desk, "freelist_count") > 0  # the VACUUM was rolled back, not half done
    assert "stopped by a cancel" in caplog.text
    _intact(sqlite_desk)


def test_too_little_disk_space_skips_the_compaction_and_keeps_the_load(
        sqlite_desk: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(compact.shutil, "disk_usage", lambda _path: usage(10**9, 10**9 - 4096, 4096))
    _free_pages_made(sqlite_desk)
    with caplog.at_level(logging.WARNING, logger=compact.__name__):
        assert demo.run_demo(sqlite_desk, 300, seed=5)["cases"] == 300
    assert "not compacted" in caplog.text
    assert _cases(sqlite_desk) == 300
    assert _pragma(sqlite_desk, "freelist_count") > 0
    _intact(sqlite_desk)


def test_the_demo_command_says_that_it_compacts(isolated_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--cases", "20", "--seed", "3", "--lang", "en"]) == 0
    assert "Compacting the database file" in capsys.readouterr().err


def test_the_space_a_compaction_needs_is_the_files_size_in_each_place(tmp_path: Path) -> None:
    database = tmp_path / "officer-desk.db"
    database.write_bytes(bytes(1_000_000))
    needed = compact.space_needed(database)
    assert sum(needed.values()) == 2 * int(1_000_000 * compact.SPACE_MARGIN)


def test_the_cli_progress_prints_step_labels_only_for_work_that_names_steps(
        capsys: pytest.CaptureFixture[str]) -> None:
    from officer_desk.cli.cases import StderrProgress
    from officer_desk.cli.output import Output

    files = StderrProgress(Output(), "Nhập hồ sơ")  # an import labels each file: names are not printed
    files.report(1, 2, "ho-so-nguyen-van-an.json")
    steps = StderrProgress(Output(), "Tạo hồ sơ mẫu", steps=True)
    steps.report(2, 2, "Đang thu gọn")
    steps.report(2, 2, "Đang thu gọn")
    err = capsys.readouterr().err
    assert "ho-so-nguyen-van-an" not in err and "Nhập hồ sơ: 1/2 (50%)" in err
    assert err.count("Tạo hồ sơ mẫu: Đang thu gọn") == 1


def _one_migration_back(desk: Any) -> None:
    from alembic import command

    from officer_desk.models.migrate import alembic_config

    command.downgrade(alembic_config(desk.db.engine), revision_before(HEAD_REVISION))


def test_an_upgrade_that_leaves_many_pages_free_compacts_the_file(sqlite_desk: Any) -> None:
    demo.generate_cases(sqlite_desk, 200, seed=7)
    _one_migration_back(sqlite_desk)
    free = _free_pages_made(sqlite_desk)  # what dropped indexes of a large desk leave: far over 5 % here
    assert free >= UPGRADE_FREE_SHARE * _pragma(sqlite_desk, "page_count")

    upgrade_to_head(sqlite_desk.db.engine)

    assert _compacted(sqlite_desk)
    assert _cases(sqlite_desk) == 200
    _intact(sqlite_desk)


def test_an_upgrade_that_frees_a_few_pages_leaves_the_file_as_it_was(sqlite_desk: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    vacuums: list[Path] = []
    monkeypatch.setattr(compact, "compact_file", lambda _engine, database, *_a: vacuums.append(database))
    demo.generate_cases(sqlite_desk, 200, seed=7)
    _one_migration_back(sqlite_desk)
    with sqlite_desk.db.engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE scratch_space (n INTEGER)")
        connection.exec_driver_sql("INSERT INTO scratch_space VALUES (1)")
        connection.exec_driver_sql("DROP TABLE scratch_space")  # one free page: far under 5 %
        connection.commit()
    free = _pragma(sqlite_desk, "freelist_count")
    assert 0 < free < UPGRADE_FREE_SHARE * _pragma(sqlite_desk, "page_count")

    upgrade_to_head(sqlite_desk.db.engine)

    assert vacuums == []  # (the freed page itself may be reused by what the upgrade creates)
    assert _cases(sqlite_desk) == 200
