"""Time from process start to the splash on screen (goal: 300 ms on an office PC without other load).

Run: QT_QPA_PLATFORM=offscreen OFFICER_DESK_HOME=<a demo home> python bench/bench_startup.py [runs]
The window's start parses only its own options and imports the database and signing stacks after the
splash is up (officer_desk/cli/__init__.py, officer_desk/ui/app.py).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

PROBE = r"""
import os, sys, time
from PySide6.QtWidgets import QSplashScreen
shown = QSplashScreen.show
def show(self):
    shown(self)
    print(int((time.time() - float(os.environ["BENCH_T0"])) * 1000))
    os._exit(0)
QSplashScreen.show = show
from officer_desk.cli import main
main(["--quit-after", "0.1"])
"""


def main() -> int:
    import time

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    for _ in range(runs):
        env = {**os.environ, "BENCH_T0": repr(time.time())}
        result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
        times.append(int(result.stdout.strip().splitlines()[-1]))
    print(f"splash after: median {statistics.median(times)} ms, min {min(times)} ms over {runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
