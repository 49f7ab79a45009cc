"""pytest-qt fixtures for the window: offscreen, Qt warnings fail, demo databases built once and copied.

The 100,000-case template home is built once with ``officer_desk.demo.generate_cases`` (and kept in
pytest's cache between runs, keyed by the demo generator, the schema and the date); each test that
needs it gets its own copy of the home folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
LARGE_CASES = int(os.environ.get("OFFICER_DESK_UI_TEST_CASES", "100000"))
SMALL_CASES = 300
SCREENED_IN_TEMPLATES = 300
OFFICER = "canbo.test"

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
                large.append(item)
    if large:
        # The 100,000-case tests run last, while the template is built beside the other tests.
        items[:] = [item for item in items if item not in large] + large
        _start_large_build(config)


_large_build: dict[str, Any] = {}


def _template_location(config: pytest.Config, count: int) -> tuple[Path, bool]:
    """Where the template for ``count`` cases lives, and whether it is kept between runs."""
    key = _source_key(count)
    cache = getattr(config, "cache", None)
    if cache is not None:
        folder = Path(cache.mkdir(f"officer-desk-ui-{count}"))
        return folder / key, True
    return Path(tempfile.gettempdir()) / f"officer-desk-ui-{os.getpid()}-{count}" / key, False


def _start_large_build(config: pytest.Config) -> None:
    """Build the large template in a child process, overlapping the tests that do not need it."""
    home, kept = _template_location(config, LARGE_CASES)
    if (home / "READY").exists() or "process" in _large_build:
        return
    if kept:
        for stale in home.parent.iterdir():
            shutil.rmtree(stale, ignore_errors=True)
    home.parent.mkdir(parents=True, exist_ok=True)
    script = ("import sys; from pathlib import Path; from tests.ui.conftest import build_demo_home; "
              "home = Path(sys.argv[1]); build_demo_home(home, int(sys.argv[2])); "
              "(home / 'READY').write_text('ok')")
    env = {k: v for k, v in os.environ.items() if k != "OFFICER_DESK_DATABASE_URL"}
    env["OFFICER_DESK_NO_KEYRING"] = "1"
    _large_build.update(home=home, kept=kept, process=subprocess.Popen(
        [sys.executable, "-c", script, str(home), str(LARGE_CASES)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))


def pytest_sessionfinish(session: pytest.Session) -> None:
    process = _large_build.get("process")
    if process is not None and process.poll() is None:
        process.kill()
        process.wait()
    if _large_build and not _large_build.get("kept"):
        shutil.rmtree(Path(_large_build["home"]).parent, ignore_errors=True)


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


def _source_key(count: int) -> str:
    digest = hashlib.sha256()
    for pattern in ("officer_desk/demo*.py", "officer_desk/models/**/*.py", "officer_desk/cases/*.py",
                    "officer_desk/text.py", "resources/procedures/*.yaml"):
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.read_bytes())
    digest.update(f"{count}-{date.today().isoformat()}".encode())
    return digest.hexdigest()[:16]


def build_demo_home(root: Path, count: int, seed: int = 11) -> Path:
    """A home with demo mode and ``count`` synthetic dossiers (the key is a file in the home)."""
    import officer_desk.demo as demo
    from officer_desk.demo import enable_demo_mode, generate_cases
    from officer_desk.desk import open_desk
    from officer_desk.paths import Home

    previous = os.environ.get("OFFICER_DESK_HOME")
    os.environ["OFFICER_DESK_HOME"] = str(root)
    try:
        desk = open_desk(Home(root), officer=OFFICER)
        # The generator screens the newest 5,000 open cases; a few hundred give the window its hints and
        # keep the once-per-run build short (the screening engine has its own tests and benchmark).
        screened = getattr(demo, "SCREEN_NEWEST", None)
        try:
            enable_demo_mode(desk)  # demo officers (cases get assigned to them) and the demo CA
            if screened is not None:
                demo.SCREEN_NEWEST = min(screened, SCREENED_IN_TEMPLATES)
            generate_cases(desk, count, seed)
        finally:
            if screened is not None:
                demo.SCREEN_NEWEST = screened
            desk.close()
    finally:
        if previous is None:
            os.environ.pop("OFFICER_DESK_HOME", None)
        else:
            os.environ["OFFICER_DESK_HOME"] = previous
    return root


def _template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, count: int) -> Path:
    key = _source_key(count)
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        folder = Path(cache.mkdir(f"officer-desk-ui-{count}"))
        home = folder / key
        if (home / "READY").exists():
            return home
        for stale in folder.iterdir():
            shutil.rmtree(stale, ignore_errors=True)
    else:
        home = tmp_path_factory.mktemp(f"template-{count}") / key
    build_demo_home(home, count)
    (home / "READY").write_text(key)
    return home


def copy_home(template: Path, target: Path) -> Path:
    """A private copy of a template home (copy-on-write where the file system allows)."""
    result = subprocess.run(["cp", "-a", "--reflink=auto", str(template), str(target)], capture_output=True)
    if result.returncode != 0:
        shutil.copytree(template, target)
    return target


@pytest.fixture(scope="session")
def large_template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    process = _large_build.get("process")
    if process is not None:
        _stdout, stderr = process.communicate()
        home = Path(_large_build["home"])
        if process.returncode != 0 or not (home / "READY").exists():
            pytest.fail(f"building the {LARGE_CASES:,}-case template failed:\n{stderr.decode()[-3000:]}")
        return home
    return _template(request, tmp_path_factory, LARGE_CASES)


@pytest.fixture(scope="session")
def small_template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(request, tmp_path_factory, SMALL_CASES)


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
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def add_findings(desk: Any, code: str, findings: list[dict[str, Any]]) -> None:
    """Store screening findings on a case, as the screening engine would (test set-up only)."""
    from sqlalchemy import select

    from officer_desk.models import Case
    from officer_desk.screening.result import ScreeningFinding

    with desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        desk.cases.record_findings(session, case.id, [ScreeningFinding(**f) for f in findings], "test-1")


SAMPLE_FINDINGS = [
    {"code": "MISSING_REQUIRED_DOC", "severity": "error", "target": "giay_chung_sinh",
     "message": "Thiếu Giấy chứng sinh", "message_en": "The medical birth certificate is missing",
     "evidence": "Không có thành phần giay_chung_sinh trong hồ sơ", "suggestion": "Yêu cầu bổ sung giấy chứng sinh"},
    {"code": "PHONE_INVALID", "severity": "warning", "target": "applicant.phone",
     "message": "Số điện thoại không hợp lệ", "message_en": "Invalid phone number",
     "evidence": "0168 123 4567", "suggestion": "Hỏi lại số điện thoại"},
    {"code": "LATE_REGISTRATION", "severity": "info", "target": "form.tre.ngay_sinh",
     "message": "Đăng ký quá hạn 60 ngày", "message_en": "Registered after 60 days",
     "evidence": "Sinh ngày 01/01/2026", "suggestion": ""},
]
