"""Owner-only files from the first command; no temp file outlives the next run (issue 16 #5)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from officer_desk.fileio import clean_stale_temp_files, write_bytes_atomic

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_home_and_logs_are_owner_only_from_the_first_command(tmp_path: Path) -> None:
    home = tmp_path / "fresh-home"
    env = {**os.environ, "OFFICER_DESK_HOME": str(home), "OFFICER_DESK_NO_KEYRING": "1"}
    env.pop("OFFICER_DESK_DATABASE_URL", None)
    # the logger alone, before any database: it created the home 0755 with 0644 files
    subprocess.run([sys.executable, "-c", "from officer_desk.logs import get_logger; get_logger().info('first')"],
                   env=env, capture_output=True, check=True, timeout=120)
    assert _mode(home) == 0o700 and _mode(home / "logs") == 0o700
    assert _mode(home / "logs" / "officer-desk.log") == 0o600
    # then a whole desk: database, keys, demo certificates, attachments
    subprocess.run([sys.executable, "-m", "officer_desk.cli", "demo", "--cases", "2"], env=env,
                   capture_output=True, check=True, timeout=300)
    assert home.is_dir()
    assert _mode(home) == 0o700
    for path in home.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert _mode(path) & 0o077 == 0, (path, oct(_mode(path)), oct(expected))


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = tmp_path / f".receipt.pdf.{dead}.x1y2.tmp"
    stale.write_bytes(b"half a receipt")
    mine = tmp_path / f".receipt.pdf.{os.getpid()}.live.tmp"
    mine.write_bytes(b"being written")
    write_bytes_atomic(tmp_path / "receipt.pdf", b"%PDF-1.7 whole")
    assert not stale.exists() and mine.exists()
    assert (tmp_path / "receipt.pdf").read_bytes() == b"%PDF-1.7 whole"
    other = tmp_path / f".db.key.{dead}.abc.tmp"
    other.write_bytes(b"key")
    assert clean_stale_temp_files(tmp_path) == 1 and not other.exists()
