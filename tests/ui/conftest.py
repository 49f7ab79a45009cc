"""pytest-qt fixtures for the window: offscreen, Qt warnings fail, demo databases built once and copied.

The 100,000-case template home is built once with ``officer_desk.demo.generate_cases`` and kept under
``.cache/test-templates/`` between runs (see ``tests.helpers.desks``); each test that needs it gets its
own copy of the home folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.desks import OFFICER, ROOT, build_template, copy_home, drop_stale_templates, template_home

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LARGE_CASES = int(os.environ.get("OFFICER_DESK_UI_TEST_CASES", "100000"))
SMALL_CASES = 300
LARGE_BUILD_WAIT_S = 1200  # the per-test limit of the large tests is 1,500 s

# Messages the offscreen platform prints whatever the application does.
ALLOWED_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    large: list[pytest.Item] = []
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
            if "large_desk" in getattr(item, "fixturenames", ()):
                # The first of them waits for the template build (minutes on a loaded 2-core machine):
                # the per-test limit of pyproject.toml would cut that wait, not a hung test.
                item.add_marker(pytest.mark.timeout(1500))
                large.append(item)
    if large:
        # The 100,000-case tests run last, while the template is built beside the other tests.
        items[:] = [item for item in items if item not in large] + large
        _start_large_build()


_large_build: dict[str, Any] = {}


def _start_large_build() -> None:
    """Build the large template in a child process, overlapping the tests that do not need it."""
    home = template_home(LARGE_CASES)
    if (home / "READY").exists() or "process" in _large_build:
        return
    drop_stale_templates(home)
    home.parent.mkdir(parents=True, exist_ok=True)
    script = ("import sys; from pathlib import Path; from tests.helpers.desks import build_template; "
              "build_template(Path(sys.argv[1]), int(sys.argv[2]))")
    env = {k: v for k, v in os.environ.items() if k != "OFFICER_DESK_DATABASE_URL"}
    env["OFFICER_DESK_NO_KEYRING"] = "1"
    _large_build.update(home=home, process=subprocess.Popen(
        [sys.executable, "-c", script, str(home), str(LARGE_CASES)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    process = _large_build.get("process")
    if process is not None and process.poll() is None and os.environ.get("PYTEST_XDIST_WORKER") and exitstatus == 0:
        # Under pytest-xdist the build this worker started may be the one another worker's large tests wait
        # for (see build_template's lock): let it finish rather than make that worker start it again.
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=LARGE_BUILD_WAIT_S)
    if process is not None and process.poll() is None:
        process.kill()
        process.wait()
        home = Path(_large_build["home"])
        shutil.rmtree(home.with_name(f"{home.name}.building-{process.pid}"), ignore_errors=True)


@pytest.fixture(autouse=True)
def _qt_warnings_fail(request: pytest.FixtureRequest) -> Iterator[None]:
    """A Qt warning (or worse) during a test fails it, except the allow-listed offscreen noise."""
    if "qtlog" not in request.fixturenames:
        request.getfixturevalue("qtlog")
    qtlog = request.getfixturevalue("qtlog")
    yield
    from PySide6.QtCore import QtMsgType

    bad = [
        record.message
        for record in qtlog.records
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not any(allowed in record.message for allowed in ALLOWED_QT_MESSAGES)
    ]
    if bad:
        pytest.fail("Qt warnings:\n" + "\n".join(bad))


@pytest.fixture(autouse=True)
def _no_real_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Window tests never print on a real (or CUPS-PDF) printer: no printer is visible to them."""
    from officer_desk.ui.printing import DocumentPrinter

    monkeypatch.setattr(DocumentPrinter, "printer_names", staticmethod(lambda: []))


@pytest.fixture(scope="session")
def large_template() -> Path:
    process = _large_build.get("process")
    if process is not None:
        _stdout, stderr = process.communicate()
        home = Path(_large_build["home"])
        if process.returncode != 0 or not (home / "READY").exists():
            pytest.fail(f"building the {LARGE_CASES:,}-case template failed:\n{stderr.decode()[-3000:]}")
        return home
    return build_template(template_home(LARGE_CASES), LARGE_CASES)


@pytest.fixture(scope="session")
def small_template() -> Path:
    return build_template(template_home(SMALL_CASES), SMALL_CASES)


def _open(home_root: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from officer_desk.desk import open_desk
    from officer_desk.paths import Home

    monkeypatch.setenv("OFFICER_DESK_HOME", str(home_root))
    return open_desk(Home(home_root), officer=OFFICER)


@pytest.fixture
def large_desk(large_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    desk = _open(copy_home(large_template, tmp_path / "large-home"), monkeypatch)
    yield desk
    desk.close()


@pytest.fixture
def small_desk(small_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    desk = _open(copy_home(small_template, tmp_path / "small-home"), monkeypatch)
    yield desk
    desk.close()


@pytest.fixture
def empty_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    desk = _open(tmp_path / "empty-home", monkeypatch)
    yield desk
    desk.close()


@pytest.fixture
def sync_runner(qapp: Any) -> Any:
    from officer_desk.ui.tasks import SyncTaskRunner

    return SyncTaskRunner()


@pytest.fixture
def make_window(qtbot: Any, sync_runner: Any) -> Iterator[Any]:
    """Build a MainWindow over a desk (synchronous runner, state file in the test's home)."""
    from PySide6.QtWidgets import QApplication

    from officer_desk.ui.main_window import MainWindow

    windows: list[Any] = []

    def make(desk: Any, runner: Any = None) -> Any:
        window = MainWindow(desk, runner or sync_runner)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # The reports tabs and the OCR hooks come after the first queue page (issue 17): wait for them
        # (the first window of a test process imports the signing, receipts and OCR stacks here).
        qtbot.waitUntil(lambda: window.started, timeout=30_000)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()

