"""Long operations run off the GUI thread with a progress dialog that can be cancelled."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtWidgets import QWidget

from officer_desk.ui.tasks import LongTask, SyncTaskRunner, TaskProgress, TaskRunner


def test_long_task_shows_progress_and_can_be_cancelled(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner(parent)
    seen_thread: list[threading.Thread] = []

    def work(progress: TaskProgress) -> int:
        seen_thread.append(threading.current_thread())
        done = 0
        for done in range(1, 10_000):
            if progress.cancelled():
                break
            progress.report(done, 10_000, f"item {done}")
            time.sleep(0.002)
        return done

    task = LongTask(runner, work, "Importing", parent, show_after_ms=0)
    results: list[int] = []
    task.finished.connect(results.append)
    task.start()
    qtbot.waitUntil(lambda: task.dialog.isVisible() and task.dialog.value() > 0, timeout=5000)
    assert task.dialog.maximum() == 10_000
    assert task.dialog.labelText().startswith("item ")
    from PySide6.QtWidgets import QPushButton

    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()  # the officer presses Cancel
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0] < 9_999
    assert seen_thread[0] is not threading.main_thread()
    assert not task.running
    runner.wait_for_done()


def test_failed_task_reports_the_error_on_the_gui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []
    threads: list[threading.Thread] = []

    def fail() -> None:
        raise ValueError("boom")

    def on_error(exc: BaseException) -> None:
        threads.append(threading.current_thread())
        errors.append(exc)

    runner.submit(fail, None, on_error)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], ValueError) and threads[0] is threading.main_thread()
    runner.wait_for_done()


def test_results_for_a_deleted_owner_are_dropped(qtbot: Any) -> None:
    runner = SyncTaskRunner()
    owner = QWidget()
    got: list[int] = []
    runner.submit(lambda: 1, got.append, owner=owner)
    import shiboken6

    shiboken6.delete(owner)
    runner.submit(lambda: 2, got.append, owner=owner)
    assert got == [1]


def test_window_import_runs_in_background(small_desk: Any, make_window: Any, qtbot: Any, tmp_path: Any) -> None:
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.json").write_text(json.dumps({
            "procedure_code": "1.004194", "channel": "truc_tiep",
            "applicant": {"full_name": f"Người Thử {index}", "id_number": "025194001234"},
        }), encoding="utf-8")
    (folder / "bad.json").write_text("{", encoding="utf-8")
    window = make_window(small_desk, TaskRunner())
    window.intake.import_folder(str(folder))
    qtbot.waitUntil(lambda: window.intake.long_task is not None and not window.intake.long_task.running, timeout=10_000)
    qtbot.waitUntil(lambda: window.active_dialog is not None and window.active_dialog.isVisible(), timeout=5000)
    box = window.active_dialog
    assert "3" in box.text() and "1" in box.text()
    assert "bad.json" in box.detailedText() and "Traceback" not in box.detailedText()
    box.close()
    window.runner.wait_for_done()
