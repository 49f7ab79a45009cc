"""The window's first frame (issue 10): the splash is painted before the desk's heavy modules load.

Timing is measured in bench/bench_startup.py; these tests check the structure that makes it fast: what is
imported when the splash shows, and that the splash is painted without waiting (no QSplashScreen, whose
show() sleeps up to a second waiting for the window to be exposed).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSplashScreen

from officer_desk.ui.splash import StartupSplash

PROBE = r"""
import os, sys
import officer_desk.ui.startup as startup
shown = startup.show_splash

def probe():
    splash = shown()
    heavy = sorted(name for name in sys.modules if name in HEAVY)
    print("SPLASH", type(splash).__name__, splash.isVisible(), ",".join(heavy) or "-", flush=True)
    os._exit(0)

startup.show_splash = probe
from officer_desk.cli import main
main(["--quit-after", "0.1"])
"""

# What the splash must not wait for: the database, the accounts, config, logging, catalogues, the window.
HEAVY = ("sqlalchemy", "officer_desk.desk", "officer_desk.database", "officer_desk.accounts",
         "officer_desk.config", "officer_desk.logs", "officer_desk.catalogue", "officer_desk.ui.main_window",
         "officer_desk.ui.app", "officer_desk.cli.acting", "officer_desk.cli.output", "importlib.metadata",
         # nor the first queue page's own reader (issue 17): the database driver comes after the splash
         "sqlcipher3", "psycopg", "officer_desk.queue_first_page", "officer_desk.ui.queue_preview")


def test_the_splash_shows_before_the_desk_loads(tmp_path: Any) -> None:
    env = {**os.environ, "OFFICER_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    probe = f"HEAVY = {HEAVY!r}\n" + PROBE
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("SPLASH ")]
    assert lines, result.stderr[-2000:]
    _, kind, visible, heavy = lines[0].split()
    assert (kind, visible) == ("StartupSplash", "True")
    assert heavy == "-", f"imported before the splash: {heavy}"


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_splash_is_painted_when_shown_and_shows_its_step(qtbot: Any) -> None:
    splash = StartupSplash()
    qtbot.addWidget(splash)
    paints = _Paints()
    splash.installEventFilter(paints)
    splash.show_now()
    assert splash.isVisible() and paints.count >= 1  # painted inside show_now(), before the caller goes on
    before = paints.count
    splash.show_message("Đang mở cơ sở dữ liệu…")
    assert splash.message() == "Đang mở cơ sở dữ liệu…" and paints.count > before
    assert not isinstance(splash, QSplashScreen)
    splash.finish(None)
    assert not splash.isVisible()
