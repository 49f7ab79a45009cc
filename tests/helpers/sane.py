"""SANE's virtual "test" scanner for tests: a private configuration folder that loads only that backend.

libsane reads ``SANE_CONFIG_DIR`` once per process (its folder list is cached at the first init), so every
test in a run shares one folder, made on first use; ``dll.conf`` in it is read again at each init, which
lets a test switch the backend off ("no scanner plugged in").
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pytest

from tests.helpers.environment import require_or_skip

# libsane runs each scan's reader on a thread and joins it on sane_cancel; inside the suite's long-lived
# process (hundreds of earlier tests' threads, forks and signals) the test backend's reader once deadlocked
# there (sane_test_cancel -> sanei_thread_waitpid, both threads in futex_wait) and froze the whole run. The SANE
# tests therefore run in a process of their own, started by tests/integration/test_sane_isolated.py with a
# time limit: a deadlock fails that one test with the child's output instead of hanging CI.
CHILD_ENV = "OFFICER_DESK_SANE_CHILD"
SANE_MODULES = ("tests/integration/test_sane_capture.py", "tests/ui/test_sane_scan.py")
in_own_process = pytest.mark.skipif(
    os.environ.get(CHILD_ENV) != "1",
    reason="SANE tests run in their own process (tests/integration/test_sane_isolated.py)",
)

SANE_LIBRARY_FOLDERS = (Path("/usr/lib/x86_64-linux-gnu/sane"), Path("/usr/lib/aarch64-linux-gnu/sane"),
                        Path("/usr/lib/sane"), Path("/usr/local/lib/sane"))


def backend_present() -> bool:
    try:
        import sane  # noqa: F401
    except ImportError:
        return False
    return any((folder / "libsane-test.so.1").exists() for folder in SANE_LIBRARY_FOLDERS)


@lru_cache(maxsize=1)
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="officer-desk-sane-"))
    atexit.register(shutil.rmtree, folder, True)
    shipped = Path("/etc/sane.d/test.conf")
    if shipped.exists():
        shutil.copy(shipped, folder / "test.conf")
    else:
        (folder / "test.conf").write_text("number_of_devices 2\n")
    os.environ["SANE_CONFIG_DIR"] = str(folder)
    return folder


@contextmanager
def sane_test_backend() -> Iterator[Path]:
    """SANE with the test backend only (two virtual scanners, test:0 and test:1) for one test."""
    require_or_skip(backend_present(), "SANE test backend (Debian libsane1) and python-sane")
    folder = _folder()
    (folder / "dll.conf").write_text("test\n")
    try:
        yield folder
    finally:
        (folder / "dll.conf").write_text("test\n")
