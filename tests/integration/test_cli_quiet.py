"""A real command-line run keeps libraries' warnings off the officer's terminal; developers can ask for them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from officer_desk.paths import Home


def _verify_not_a_pdf(home: Home, tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    target = tmp_path / "not-a.pdf"
    target.write_text("not a PDF", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    env.update(OFFICER_DESK_HOME=str(home.root), **extra_env)
    return subprocess.run([sys.executable, "-m", "officer_desk.cli", "verify", str(target)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_signing_command_prints_no_dependency_warning(isolated_home: Home, tmp_path: Path) -> None:
    done = _verify_not_a_pdf(isolated_home, tmp_path)
    assert done.returncode != 0 and done.stdout  # the verdict ("not readable"), on stdout
    assert "Warning" not in done.stderr and "pyhanko" not in done.stderr.lower(), done.stderr


def test_developers_get_the_warnings_back_with_pythonwarnings(isolated_home: Home, tmp_path: Path) -> None:
    done = _verify_not_a_pdf(isolated_home, tmp_path, PYTHONWARNINGS="default")
    assert "CryptographyDeprecationWarning" in done.stderr
