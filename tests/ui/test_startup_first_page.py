"""The window's first queue page (issue 17): shown before the signing, receipts, OCR and reports stacks load.

Timing is measured in bench/bench_ui.py (first page against a bare PySide6 window); this test checks the
order that makes it fast, on the real start path (``officer-desk`` → run_app → MainWindow, threaded
workers, a real encrypted demo home): when the first page of cases is on screen, none of the heavy modules
is imported and the deferred work has not run; afterwards it has (the reports tab, the OCR hooks).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers.desks import OFFICER, ROOT, copy_home

PROBE = r"""
import json, os, sys
from PySide6.QtWidgets import QApplication
import officer_desk.ui.main_window as main_window

events = []
loaded = main_window.MainWindow._queue_loaded
ready = main_window.MainWindow._startup_ready

def first_page(self, total):
    if not events:
        heavy = sorted(name for name in HEAVY if name in sys.modules)
        events.append({"event": "first page", "rows": self.model.rowCount(), "visible": self.isVisible(),
                       "heavy": heavy, "reports": self.reports_installed, "ocr": hasattr(self, "ocr")})
    loaded(self, total)

def startup_ready(self):
    ready(self)
    heavy = sorted(name for name in HEAVY if name in sys.modules)
    events.append({"event": "ready", "heavy": heavy, "reports": self.reports_installed,
                   "ocr": hasattr(self, "ocr"), "tabs": self.dashboard_tabs.count()})
    print("EVENTS " + json.dumps(events), flush=True)
    os._exit(0)

main_window.MainWindow._queue_loaded = first_page
main_window.MainWindow._startup_ready = startup_ready
from officer_desk.cli import main
main(["--quit-after", "60"])
"""

# What the first queue page must not wait for (each is hundreds of milliseconds of imports at start-up).
HEAVY = ("pyhanko", "reportlab", "PIL", "numpy", "segno", "PySide6.QtCharts", "PySide6.QtPdf",
         "officer_desk.signing.pades", "officer_desk.receipts.service", "officer_desk.ocr.reader",
         "officer_desk.ui.dashboard", "officer_desk.accounts.certificates")


def test_the_first_queue_page_comes_before_the_deferred_work(small_template: Path, tmp_path: Path) -> None:
    home = copy_home(small_template, tmp_path / "home")
    env = {k: v for k, v in os.environ.items() if k != "OFFICER_DESK_DATABASE_URL"}
    env.update({"OFFICER_DESK_HOME": str(home), "OFFICER_DESK_OFFICER": OFFICER, "OFFICER_DESK_NO_KEYRING": "1",
                "QT_QPA_PLATFORM": "offscreen"})
    probe = f"HEAVY = {HEAVY!r}\n" + PROBE
    result = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=180)
    lines = [line for line in result.stdout.splitlines() if line.startswith("EVENTS ")]
    assert lines, result.stderr[-3000:]
    first, done = json.loads(lines[0].removeprefix("EVENTS "))
    assert first["event"] == "first page" and first["rows"] > 0 and first["visible"]
    assert first["heavy"] == [], f"imported before the first queue page: {first['heavy']}"
    assert not first["reports"] and not first["ocr"]
    # The deferred work ran after it: the reports tabs and the OCR hooks are there, the stacks imported.
    assert done["event"] == "ready" and done["reports"] and done["ocr"] and done["tabs"] >= 3
    assert {"PySide6.QtCharts", "PySide6.QtPdf", "numpy", "officer_desk.ui.dashboard"} <= set(done["heavy"])


def test_the_dashboard_asked_for_before_the_reports_load_comes_when_they_do(small_desk: Any, sync_runner: Any,
                                                                            qtbot: Any) -> None:
    from officer_desk.ui.main_window import MainWindow

    window = MainWindow(small_desk, sync_runner)  # the first page is loaded; the deferred work waits its turn
    qtbot.addWidget(window)
    assert window.model.rowCount() > 0 and not window.reports_installed
    window.show_dashboard()  # the key pressed at once: remembered, not an error
    window.show()
    qtbot.waitUntil(lambda: window.reports_installed, timeout=10_000)
    assert window.dashboard_tabs.currentWidget() is window.dashboard
    window.focus_queue()
    assert window.dashboard_tabs.currentIndex() == 0
    window.close()


PREVIEW_PROBE = r"""
import json, os, sys
import officer_desk.ui.queue_preview as queue_preview

events = []
show_rows = queue_preview.QueuePreview.show_rows
finish = queue_preview.QueuePreview.finish

def shown(self, rows):
    show_rows(self, rows)
    loaded = sorted(name for name in sys.modules if name.split(".")[0] == "sqlalchemy"
                    or name.startswith(DATABASE_LAYER) or name in HEAVY)
    view = self.table
    events.append({"event": "preview", "rows": self.model.rowCount(), "visible": self.isVisible(),
                   "painted": view.viewport().isVisible(), "loaded": loaded,
                   "codes": [view.model().index(r, 0).data() for r in range(self.model.rowCount())],
                   "cells": [str(view.model().index(r, c).data() or "") for r in range(self.model.rowCount())
                             for c in range(self.model.columnCount())]})

def finished(self, window):
    events.append({"event": "window", "visible": window.isVisible(),
                   "codes": [window.model.index(r, 0).data() for r in range(window.model.rowCount())],
                   "models": "officer_desk.models" in sys.modules})
    finish(self, window)
    print("EVENTS " + json.dumps(events), flush=True)
    os._exit(0)

queue_preview.QueuePreview.show_rows = shown
queue_preview.QueuePreview.finish = finished
from officer_desk.cli import main
main(["--quit-after", "60"])
print("EVENTS " + json.dumps(events), flush=True)
"""
# What the first page must be on screen without (issue 17): the database layer and the desk behind it.
DATABASE_LAYER = ("officer_desk.models", "officer_desk.cases", "officer_desk.catalogue", "officer_desk.desk",
                  "officer_desk.screening", "officer_desk.ui.main_window", "officer_desk.workdays", "holidays",
                  "alembic")


def _start(home: Path, probe: str) -> list[dict[str, Any]]:
    env = {k: v for k, v in os.environ.items() if k != "OFFICER_DESK_DATABASE_URL"}
    env.update({"OFFICER_DESK_HOME": str(home), "OFFICER_DESK_OFFICER": OFFICER, "OFFICER_DESK_NO_KEYRING": "1",
                "QT_QPA_PLATFORM": "offscreen"})
    header = f"HEAVY = {HEAVY!r}\nDATABASE_LAYER = {DATABASE_LAYER!r}\n"
    result = subprocess.run([sys.executable, "-c", header + probe], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=180)
    lines = [line for line in result.stdout.splitlines() if line.startswith("EVENTS ")]
    assert lines, result.stderr[-3000:]
    return list(json.loads(lines[0].removeprefix("EVENTS ")))


def test_the_first_page_is_on_screen_before_the_database_layer_loads(small_template: Path, tmp_path: Path) -> None:
    home = copy_home(small_template, tmp_path / "home")
    events = _start(home, PREVIEW_PROBE)
    assert [event["event"] for event in events] == ["preview", "window"]
    preview, window = events
    assert preview["rows"] == 50 and preview["visible"] and preview["painted"]
    assert preview["loaded"] == [], f"imported before the first queue page was painted: {preview['loaded']}"
    # Before the catalogue loads no procedure has its name: the cell stays empty rather than show a bare code.
    assert not [cell for cell in preview["cells"] if re.fullmatch(r"\d+\.\d{6}", cell)]
    # The main window takes over with the same rows (its own query for that page replaces them).
    assert window["visible"] and window["models"]
    assert window["codes"][:50] == preview["codes"]


SIGN_IN_PROBE = r"""
import json, os, sys
from PySide6.QtWidgets import QApplication, QDialog
import officer_desk.ui.queue_preview as queue_preview
import officer_desk.ui.sign_in as sign_in

events = []
show_rows = queue_preview.QueuePreview.show_rows

def shown(self, rows):
    events.append({"event": "preview", "rows": len(rows)})
    show_rows(self, rows)

def exec_(self):
    names = sorted(w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible())
    events.append({"event": "sign-in", "visible": names})
    return QDialog.DialogCode.Rejected

queue_preview.QueuePreview.show_rows = shown
sign_in.SignInDialog.exec = exec_
from officer_desk.cli import main
code = main(["--quit-after", "60"])
print("EVENTS " + json.dumps(events), flush=True)
"""


def test_a_set_up_desk_asks_for_sign_in_before_any_case_is_shown(office: Any, isolated_home: Any) -> None:
    from tests.helpers.office import import_clean_case

    import_clean_case(office)
    events = _start(isolated_home.root, SIGN_IN_PROBE)
    assert [event["event"] for event in events] == ["sign-in"]  # no first-page preview, before or after
    assert "queue_preview" not in events[0]["visible"] and "main_window" not in events[0]["visible"]


def test_the_queue_model_takes_the_previews_rows_then_its_own_page(small_desk: Any, sync_runner: Any) -> None:
    from dataclasses import asdict

    from PySide6.QtCore import Qt

    from officer_desk.cases import CaseRow, QueueFilter
    from officer_desk.queue_first_page import read_first_page
    from officer_desk.ui import labels
    from officer_desk.ui.queue_model import CASE_ROW_ROLE, COLUMN_KEYS, CaseQueueModel

    first = read_first_page(small_desk.home)
    assert first
    model = CaseQueueModel(small_desk.cases, sync_runner)
    model.show_rows([CaseRow(**asdict(row)) for row in first])
    assert model.rowCount() == len(first) and not model.queried
    status = COLUMN_KEYS.index("status")
    for r, row in enumerate(first):  # the cells as the queue always showed them, formatted once
        assert model.index(r, 0).data() == row.dossier_code
        assert model.index(r, status).data() == labels.status_label(row.status)
        assert model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) is None
    model.set_filter(QueueFilter())  # its own query: the same cases, now the model's own rows
    assert [model.index(r, 0).data(CASE_ROW_ROLE).id for r in range(len(first))] == [row.id for row in first]
    model.show_rows([CaseRow(**asdict(first[0]))])  # rows arriving late never replace a loaded queue
    assert model.rowCount() >= len(first)


def test_the_window_says_when_opening_will_upgrade_an_older_database(isolated_home: Any, sync_runner: Any) -> None:
    """An older schema is upgraded before the desk opens (minutes at 1,000,000 cases): the splash and the
    queue preview say so instead of a plain "Opening…"; a current one keeps the plain message."""
    import sqlalchemy as sa
    from PySide6.QtWidgets import QApplication

    from officer_desk.database import open_database
    from officer_desk.desk import open_desk
    from officer_desk.schema_version import HEAD_REVISION
    from officer_desk.ui.app import announce_upgrade
    from officer_desk.ui.queue_preview import QueuePreview
    from officer_desk.ui.splash import StartupSplash

    def stamp(revision: str) -> None:  # the revision only: what upgrade_pending reads
        db = open_database(isolated_home, upgrade=False)
        try:
            with db.engine.begin() as connection:
                connection.execute(sa.text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
        finally:
            db.dispose()

    open_desk(isolated_home).close()
    stamp("0021_sqlite_result_trigger_noop")
    splash, preview = StartupSplash(), QueuePreview(isolated_home, "Officer Desk")
    opening = preview.status.text()
    try:
        assert announce_upgrade(sync_runner, None, splash, preview) is True
        message = QApplication.translate("App", "Updating the database for this version of Officer Desk (once; a "
                                                "large desk can take several minutes)…")
        assert preview.status.text() == message != opening
        stamp(HEAD_REVISION)  # as after the upgrade
        preview.show_status(opening)
        assert announce_upgrade(sync_runner, None, splash, preview) is False
        assert preview.status.text() == opening
    finally:
        splash.close()
        preview.close()
