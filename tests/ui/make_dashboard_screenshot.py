"""Make docs/screenshots/dashboard-vi.png (1440×900), dashboard-vi-1366.png (1366×768) and register-vi.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.make_dashboard_screenshot [OUT_DIR] [CASES]

A fresh demo home (the demo generator), completed as bench/bench_reports.py does (supplements,
results spread over the following days, hints, receipts, handling time), shown on the dashboard tab.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(out_dir: Path, cases: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "bench"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "home"
        os.environ["OFFICER_DESK_HOME"] = str(root)
        os.environ["OFFICER_DESK_NO_KEYRING"] = "1"
        from bench_reports import prepare  # type: ignore[import-not-found]

        from officer_desk.config import DeskConfig, save_config
        from officer_desk.demo import enable_demo_mode, generate_cases
        from officer_desk.desk import open_desk
        from officer_desk.paths import Home

        save_config(DeskConfig(agency_name="Trung tâm Phục vụ hành chính công tỉnh Phú Thọ",
                               officer_name="Nguyễn Thị Lan"), Home(root))
        desk = open_desk(Home(root), officer="canbo.lan")
        enable_demo_mode(desk)
        generate_cases(desk, cases, seed=5)
        prepare(desk)
        from PySide6.QtWidgets import QTabWidget

        from officer_desk.ui.app import create_application, grab_window
        from officer_desk.ui.i18n import Translations
        from officer_desk.ui.main_window import MainWindow
        from officer_desk.ui.tasks import TaskRunner
        from tests.ui.make_screenshots import settle

        app = create_application([sys.argv[0]])
        translations = Translations()  # kept: its translators live as long as it does
        translations.switch("vi")
        runner = TaskRunner(app)
        window = MainWindow(desk, runner)
        for (width, height), name in (((1440, 900), "dashboard-vi.png"), ((1366, 768), "dashboard-vi-1366.png")):
            window.resize(width, height)
            window.show()
            tabs = window.centralWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentIndex(1)
            settle(app, window, 2.0)
            window.dashboard.refresh()
            settle(app, window, 2.0)
            grab_window(window, str(out_dir / name))
        # The register book tab, its rows opening their control sheets (issue 15).
        window.resize(1440, 900)
        tabs.setCurrentIndex(2)
        settle(app, window, 2.0)
        window.dashboard.register_panel.refresh()
        settle(app, window, 2.0)
        grab_window(window, str(out_dir / "register-vi.png"))
        window.close()
        desk.close()
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    sys.exit(main(target, count))
