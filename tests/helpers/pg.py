"""A private PostgreSQL server for the test run, started from the Debian binaries.

PostgreSQL refuses to run as root, so under root the server runs as the ``postgres`` user
(``runuser``). Its socket and data live in a temporary folder; it listens on 127.0.0.1 only.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PgServer:
    data_dir: Path
    port: int
    bin_dir: Path
    run_as: str | None
    persistent: bool = False

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://odtest:odtest@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://odtest:odtest@127.0.0.1:{self.port}/{database}"

    def _cmd(self, *args: str) -> list[str]:
        if self.run_as:
            return ["runuser", "-u", self.run_as, "--", *args]
        return list(args)

    def crash(self) -> None:
        """Kill the server as a power cut would (immediate shutdown, data kept)."""
        subprocess.run(
            self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"),
            capture_output=True, check=False,
        )

    def start_again(self) -> None:
        root = self.data_dir.parent
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {root} -c fsync=off -c full_page_writes=off"
        subprocess.run(
            self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-o", options, "-l",
                      str(root / "log"), "-w", "-t", "60", "start"),
            check=True, capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"),
            capture_output=True,
            check=False,
        )
        if not self.persistent:
            shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def find_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(root: Path | None = None) -> PgServer:
    """Start a server in a temporary folder, or in ``root`` (kept, and reused when it exists)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
    run_as = "postgres" if os.geteuid() == 0 else None
    persistent = root is not None
    if root is None:
        root = Path(tempfile.mkdtemp(prefix="od-pg-"))
    root.mkdir(parents=True, exist_ok=True)
    data_dir = root / "data"
    password_file = root / "pw"
    password_file.write_text("odtest\n")
    if run_as:
        shutil.chown(root, run_as)
        shutil.chown(password_file, run_as)
        os.chmod(root, 0o700)
    server = PgServer(data_dir, _free_port(), bin_dir, run_as, persistent)
    if not (data_dir / "PG_VERSION").exists():
        subprocess.run(
            server._cmd(
                str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "odtest", "--pwfile", str(password_file),
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
            ),
            check=True,
            capture_output=True,
        )
    options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        server._cmd(str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-o", options, "-l", str(root / "log"),
                    "-w", "-t", "60", "start"),
        check=True,
        capture_output=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("PostgreSQL did not start listening")
