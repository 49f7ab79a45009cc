"""Demo desks for the window tests and the screenshots: built once per source version, copied per test.

Templates live under ``.cache/test-templates/`` at the top of the checkout (git-ignored), keyed by the
demo generator, the schema, the case layer, the procedures and the date, so the 100,000-case home is
built once and reused by the next run (``scripts/test.sh`` disables pytest's own cache).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_CACHE = ROOT / ".cache" / "test-templates"
OFFICER = "canbo.test"
SCREENED_IN_TEMPLATES = 300
# Everything the content of a template home depends on.
_KEY_SOURCES = ("officer_desk/demo*.py", "officer_desk/models/**/*.py", "officer_desk/cases/**/*.py",
                "officer_desk/text.py", "resources/procedures/*.yaml")


def source_key(count: int) -> str:
    digest = hashlib.sha256()
    for pattern in _KEY_SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.read_bytes())
    digest.update(f"{count}-{date.today().isoformat()}".encode())
    return digest.hexdigest()[:16]


def template_home(count: int) -> Path:
    """Where the template home for ``count`` cases lives (it holds a READY file once complete)."""
    return TEMPLATE_CACHE / f"officer-desk-ui-{count}" / source_key(count)


def drop_stale_templates(home: Path) -> None:
    """Remove the other keys of this template (older sources or days); a build in progress is kept."""
    if not home.parent.is_dir():
        return
    for stale in home.parent.iterdir():
        if stale != home and not stale.name.startswith(home.name):
            shutil.rmtree(stale, ignore_errors=True)


def build_template(home: Path, count: int) -> Path:
    """Build into a private folder and move it into place, so an interrupted or parallel run never
    leaves (or reads) a half-built template. One process builds while the others (pytest-xdist's workers,
    each asking for the same template) wait for it, instead of building the same home again beside it."""
    if (home / "READY").exists():
        return home
    home.parent.mkdir(parents=True, exist_ok=True)
    lock = _claim_build(home)
    if lock is None:  # another process built it meanwhile
        return home
    try:
        drop_stale_templates(home)
        building = home.with_name(f"{home.name}.building-{os.getpid()}")
        shutil.rmtree(building, ignore_errors=True)
        build_demo_home(building, count)
        (building / "READY").write_text(home.name)
        try:
            building.rename(home)
        except OSError:  # another run finished the same template first
            shutil.rmtree(building, ignore_errors=True)
    finally:
        lock.unlink(missing_ok=True)
    return home


def _claim_build(home: Path) -> Path | None:
    """The build lock of ``home`` (a file naming its holder's process), or None once the template is READY.
    A lock whose holder died (a killed run) is taken over."""
    lock = home.with_name(f"{home.name}.lock")
    while not (home / "READY").exists():
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if not _holder_alive(lock):
                lock.unlink(missing_ok=True)
            else:
                time.sleep(0.5)
            continue
        with os.fdopen(fd, "w") as file:
            file.write(str(os.getpid()))
        return lock
    return None


def _holder_alive(lock: Path) -> bool:
    try:
        pid = int(lock.read_text() or "0")
    except (OSError, ValueError):
        return True  # being written this instant
    if pid <= 0 or os.name != "posix":  # no cheap liveness check elsewhere: the waiter's time limit decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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


def copy_home(template: Path, target: Path) -> Path:
    """A private copy of a template home (copy-on-write where the file system allows)."""
    result = subprocess.run(["cp", "-a", "--reflink=auto", str(template), str(target)], capture_output=True)
    if result.returncode != 0:
        shutil.copytree(template, target)
    return target


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


def override_open_errors(desk: Any, code: str, reason: str = "Đã đối chiếu bản gốc") -> None:
    """Decide every undecided error hint of a case as overridden (the officer checked the original), so
    the case may be accepted: the acceptance gate refuses a case with undecided or confirmed errors."""
    for finding in desk.cases.detail(code).findings:
        if finding.severity == "error" and finding.decision == "open":
            desk.cases.decide_finding(finding.id, "overridden", reason)


class CancelAfterFirstBatch:
    """A demo's progress that asks to stop once the first batch is reported (a cancel mid-generation)."""

    def __init__(self) -> None:
        self.stop = False

    def report(self, done: int, total: int, label: str = "") -> None:
        self.stop = True

    def cancelled(self) -> bool:
        return self.stop
