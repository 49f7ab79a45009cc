"""Where a keystroke of the window's search goes (issue 17): the window's own query path, step by step.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_search_handoff.py [HOME]

Opens the window on a demo home (default: bench_ui's cached 100,000-case home), types bench_ui's texts twice,
paced by the debounce, and on the second pass times: the hand-off to the queue lane's worker, the query
(``search_page``), formatting the rows on the worker, the hand-off back to the GUI thread, the model reset, and
the whole (the same end point as bench_ui's "end to end"). It wraps the model's own methods; nothing else changes.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
STEPS = ("to the worker", "query", "rows formatted", "back to the GUI", "model reset", "end to end")


def main() -> None:
    home = sys.argv[1] if len(sys.argv) > 1 else str(HERE / ".cache" / "home-100000")
    os.environ.update({"OFFICER_DESK_HOME": home, "OFFICER_DESK_NO_KEYRING": "1",
                       "OFFICER_DESK_OFFICER": "canbo.lan"})
    from bench_ui import TYPED, _pause, _wait, _wait_for_signal

    from officer_desk.ui import app as start
    from officer_desk.ui import queue_model
    from officer_desk.ui.i18n import Translations
    from officer_desk.ui.tasks import TaskRunner

    application = start.create_application([sys.argv[0]])
    translations = Translations()
    translations.switch("vi")
    runner = TaskRunner(application)
    desk = start._open_desk_in_background(runner, None, window_modules=True)
    from officer_desk.ui.main_window import MainWindow

    window = MainWindow(desk, runner)
    window.resize(1440, 900)
    window.show()
    model = window.model
    _wait(application, lambda: model.rowCount() > 0 and not model.loading, 60_000)
    _wait(application, lambda: runner.pending() == 0, 60_000)

    marks: dict[str, float] = {}
    format_rows, search_loaded = model._entries, model._search_loaded

    def search(flt: Any) -> tuple[list[int], list[Any], bool]:
        marks["worker"] = time.perf_counter()
        ids, rows, truncated = model.service.search_page(flt, queue_model.SEARCH_LIMIT, queue_model.PAGE_SIZE)
        marks["queried"] = time.perf_counter()
        entries = format_rows(rows)
        marks["formatted"] = time.perf_counter()
        return ids, entries, truncated

    def loaded(generation: int, *result: Any) -> None:
        marks["gui"] = time.perf_counter()
        search_loaded(generation, *result)
        marks["reset"] = time.perf_counter()

    model._search = search  # type: ignore[method-assign]
    model._search_loaded = loaded  # type: ignore[method-assign]
    model.loaded.disconnect()  # the panel's own reaction is not timed (as in bench_ui)
    samples: dict[str, list[float]] = {step: [] for step in STEPS}
    for typing in range(2):  # the first pass warms the index pages
        for text in TYPED:
            for end in range(1, len(text) + 1):
                begin = time.perf_counter()
                model.set_filter(replace(model.filter, text=text[:end]))
                done = _wait_for_signal(model.loaded, 30_000)
                if typing and done:
                    points = (begin, marks["worker"], marks["queried"], marks["formatted"], marks["gui"],
                              marks["reset"])
                    for step, (start_at, end_at) in zip(STEPS[:-1], pairwise(points), strict=True):
                        samples[step].append((end_at - start_at) * 1000)
                    samples["end to end"].append((done[0] - begin) * 1000)
                _pause(60)
    print(f"load average {os.getloadavg()[0]:.1f}, {len(samples['end to end'])} keystrokes")
    for step, values in samples.items():
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        print(f"  {step:<16} p50 {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms")
    os._exit(0)  # the window's workers hold pooled connections: no orderly teardown needed for a measurement


if __name__ == "__main__":
    main()
