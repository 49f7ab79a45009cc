"""A private CUPS scheduler with a cups-pdf queue, for the printing tests.

``cups_queue`` starts ``cupsd`` with its own configuration in a temporary folder (listening on a
unix socket there), adds a cups-pdf queue with ``lpadmin`` and points libcups (and so Qt) at it
through ``CUPS_SERVER``. cups-pdf reads its per-queue settings only from
``/etc/cups/cups-pdf-<queue>.conf``, so that one file is written there for the test's unique queue
name and removed afterwards. Needs root (cupsd drops to the ``lp`` user for filters) and the Debian
packages cups and printer-driver-cups-pdf; skipped without them, failing instead under CI=true.

The fixture is registered for every test by ``tests/conftest.py``.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.environment import require_or_skip

CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
START_TIMEOUT_S = 20.0
JOB_TIMEOUT_S = 60.0


@dataclass
class CupsQueue:
    """A running private scheduler and its cups-pdf queue."""

    root: Path
    socket: Path
    name: str
    out: Path

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(command), env=self.env, capture_output=True, text=True, timeout=30, check=True)

    def outputs(self) -> set[Path]:
        return set(self.out.glob("*.pdf"))

    def pending_jobs(self) -> str:
        return self.run("lpstat", "-o", self.name).stdout.strip()

    def wait_for_new_output(self, before: set[Path], timeout: float = JOB_TIMEOUT_S) -> Path:
        """The PDF that cups-pdf writes for the next job (bounded wait; fails with the scheduler log)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = sorted(self.outputs() - before)
            if new and not self.pending_jobs():
                path = new[-1]
                size = -1
                while time.monotonic() < deadline and path.stat().st_size != size:
                    size = path.stat().st_size
                    time.sleep(0.2)
                return path
            time.sleep(0.2)
        log = (self.root / "log" / "error_log").read_text(errors="replace")[-3000:]
        pytest.fail(f"no printed PDF after {timeout:.0f} s; queue: {self.pending_jobs()!r}\n{log}")

    def no_new_output(self, before: set[Path], wait: float = 3.0) -> bool:
        time.sleep(wait)
        return not (self.outputs() - before)


def _set_libcups_server(server: str | None) -> None:
    """libcups keeps the server per thread once used: point the in-process library at ours too."""
    name = ctypes.util.find_library("cups")
    if not name:
        return
    with contextlib.suppress(OSError, AttributeError):
        lib = ctypes.CDLL(name)
        lib.cupsSetServer.argtypes = [ctypes.c_char_p]
        lib.cupsSetServer(server.encode() if server else None)


def _write_configuration(root: Path, socket: Path) -> tuple[Path, Path]:
    for sub in ("etc/ppd", "spool/tmp", "cache", "run", "log", "out", "pdf-spool"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    # cupsd runs its filters as lp, which must be able to reach the queue's files.
    root.chmod(0o755)
    (root / "out").chmod(0o777)
    cupsd_conf = root / "etc" / "cupsd.conf"
    cupsd_conf.write_text(
        f"""Listen {socket}
LogLevel debug
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
        encoding="utf-8",
    )
    files_conf = root / "etc" / "cups-files.conf"
    files_conf.write_text(
        f"""ServerRoot {root}/etc
RequestRoot {root}/spool
TempDir {root}/spool/tmp
CacheDir {root}/cache
StateDir {root}/run
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
FileDevice Yes
Sandboxing Relaxed
User lp
Group lp
SystemGroup root
""",
        encoding="utf-8",
    )
    return cupsd_conf, files_conf


@pytest.fixture(scope="module")
def cups_queue() -> Iterator[CupsQueue]:
    require_or_skip(os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0, "root, to run a private cupsd")
    require_or_skip(shutil.which("cupsd") is not None and shutil.which("lpadmin") is not None, "Debian package cups")
    require_or_skip(CUPS_PDF_BACKEND.exists() and CUPS_PDF_PPD.exists(), "Debian package printer-driver-cups-pdf")
    require_or_skip(Path("/etc/cups").is_dir(), "/etc/cups (for the cups-pdf queue settings)")

    # Directly under the temp folder: short enough for a unix socket path, and reachable by lp.
    root = Path(tempfile.mkdtemp(prefix="officer-desk-cups-"))
    socket = root / "cups.sock"
    cupsd_conf, files_conf = _write_configuration(root, socket)
    process = subprocess.Popen(
        ["cupsd", "-f", "-c", str(cupsd_conf), "-s", str(files_conf)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    queue = CupsQueue(root, socket, f"odtest{os.getpid()}", root / "out")
    settings = Path("/etc/cups") / f"cups-pdf-{queue.name}.conf"
    previous_server = os.environ.get("CUPS_SERVER")
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"cupsd exited: {process.stderr.read().decode(errors='replace') if process.stderr else ''}")
            if socket.exists():
                status = subprocess.run(["lpstat", "-r"], env=queue.env, capture_output=True, text=True, timeout=10)
                if "is running" in status.stdout:
                    break
            if time.monotonic() > deadline:
                pytest.fail("cupsd did not start within the time limit")
            time.sleep(0.2)
        settings.write_text(
            f"Out {queue.out}\nAnonDirName {queue.out}\nSpool {root}/pdf-spool\nLog {root}/log\n"
            "LogType 3\nGrp root\nUserPrefix\n",
            encoding="utf-8",
        )
        queue.run("lpadmin", "-p", queue.name, "-E", "-v", f"cups-pdf:/{queue.name}", "-P", str(CUPS_PDF_PPD))
        queue.run("lpadmin", "-d", queue.name)
        os.environ["CUPS_SERVER"] = str(socket)
        _set_libcups_server(str(socket))
        yield queue
    finally:
        with contextlib.suppress(Exception):
            subprocess.run(["lpadmin", "-x", queue.name], env=queue.env, capture_output=True, timeout=10)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()
        settings.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)
        if previous_server is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = previous_server
        _set_libcups_server(previous_server)
