"""The SANE capture tests, run in a process of their own (see tests/helpers/sane.py for why)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.environment import require_or_skip
from tests.helpers.sane import CHILD_ENV, SANE_MODULES, backend_present

ROOT = Path(__file__).resolve().parents[2]


def test_sane_capture_in_its_own_process() -> None:
    require_or_skip(backend_present(), "SANE test backend (Debian libsane1) and python-sane")
    env = dict(os.environ, **{CHILD_ENV: "1"})
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SANE_MODULES],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"the SANE tests did not finish in 240 s:\n{exc.stdout}\n{exc.stderr}") from exc
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-3000:]
