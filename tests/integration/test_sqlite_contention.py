"""Eight processes work one local desk at once: every operation done (writers wait their turn), none crashed."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

from officer_desk.desk import open_desk
from officer_desk.paths import Home

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
CODE = "000.00.01.X99-261127-0007"
WORKERS = 8
ROUNDS = 15


def _worker(root: str, index: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    os.environ["OFFICER_DESK_HOME"] = root
    desk = open_desk(Home(Path(root)), officer=f"canbo{index}")
    done = failed = 0
    errors: list[str] = []
    try:
        for round_ in range(ROUNDS):
            try:
                desk.cases.update_dossier(CODE, {"form.ghi_chu": f"{index}-{round_}"})
                desk.cases.search("dang thi mai")
                done += 1
            except Exception as exc:  # noqa: BLE001 - counted and reported by the test
                failed += 1
                errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        desk.close()
    queue.put((done, failed, errors[:3]))


def test_eight_processes_on_one_sqlite_desk(isolated_home: Home, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "tam-tru-dang-thi-mai.json", folder / "d.json")
    shutil.copy(DATA / "hop-dong-thue.pdf", folder / "hop-dong-thue.pdf")
    desk = open_desk(isolated_home)
    desk.cases.import_paths([folder])
    desk.close()
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_worker, args=(str(isolated_home.root), i, queue)) for i in range(WORKERS)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert all(worker.exitcode == 0 for worker in workers)  # none crashed
    assert sum(r[1] for r in results) == 0, [r[2] for r in results]
    assert sum(r[0] for r in results) == WORKERS * ROUNDS
    desk = open_desk(isolated_home)
    try:
        edited = [e for e in desk.cases.detail(CODE).events if e.action == "edited"]
        assert len(edited) == WORKERS * ROUNDS
    finally:
        desk.close()
