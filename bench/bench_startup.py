"""Launch → first frame painted, as the officer sees it (goal: 300 ms on an office PC without other load).

Run (offscreen):  QT_QPA_PLATFORM=offscreen python bench/bench_startup.py [runs]
Run (a real X server, Xvfb):  QT_QPA_PLATFORM=xcb xvfb-run -a python bench/bench_startup.py [runs]

Each run starts a fresh interpreter; the clock starts in this process just before the child is spawned (so
the interpreter's own start and every import count) and stops when the first Paint event reaches any widget
of the child — seen by an event filter on the QApplication, nothing in the desk patched. In the same run, and
alternating with it, a bare PySide6 reference (import QtWidgets, QApplication, one QLabel shown) is timed the
same way: the floor no Qt program on this machine can beat; the ratio desk/bare is what the desk adds.
OFFICER_DESK_HOME defaults to an empty temporary home (the splash comes before the home is read).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

# Installed before the program's own import of PySide6.QtWidgets: the class the desk instantiates is this
# subclass, whose event filter sees every widget's events.
FILTER = r"""
import os, sys, time
import PySide6.QtWidgets as _widgets
from PySide6.QtCore import QEvent, QObject

class _FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("first-paint", int((time.time() - float(os.environ["BENCH_T0"])) * 1000), type(obj).__name__,
                  flush=True)
            os._exit(0)
        return False

class _ProbeApplication(_widgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self._first_paint = _FirstPaint()
        self.installEventFilter(self._first_paint)

_widgets.QApplication = _ProbeApplication
"""

DESK = FILTER + r"""
from officer_desk.cli import main
main(["--quit-after", "0.1"])
"""

BARE = FILTER + r"""
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Officer Desk…")
label.show()
app.exec()
"""


def first_paint(probe: str, env: dict[str, str]) -> tuple[int, str]:
    env = {**env, "BENCH_T0": repr(time.time())}
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            _, ms, widget = line.split()
            return int(ms), widget
    raise SystemExit(f"no paint seen (exit {result.returncode}): {result.stderr[-2000:]}")


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ}
        env.setdefault("OFFICER_DESK_HOME", home)
        # An installed desk runs from compiled bytecode (pip writes it at install); a development shell's
        # PYTHONDONTWRITEBYTECODE would time the compiler instead. The warm-up runs write it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        first_paint(BARE, env)  # warm the file cache; not counted
        first_paint(DESK, env)
        desk: list[int] = []
        bare: list[int] = []
        widget = ""
        for _ in range(runs):
            bare.append(first_paint(BARE, env)[0])
            ms, widget = first_paint(DESK, env)
            desk.append(ms)
    platform = os.environ.get("QT_QPA_PLATFORM", "(default)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    desk_median, bare_median = statistics.median(desk), statistics.median(bare)
    print(f"platform {platform}, {runs} runs, load average {load:.2f}")
    print(f"desk: first paint ({widget}) median {desk_median:.0f} ms, min {min(desk)} ms, max {max(desk)} ms")
    print(f"bare PySide6 window: median {bare_median:.0f} ms, min {min(bare)} ms, max {max(bare)} ms")
    print(f"ratio desk/bare: {desk_median / bare_median:.2f}; goal 300 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
