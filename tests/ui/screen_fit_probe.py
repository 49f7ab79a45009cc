"""Opens the window and each of its dialogs on whatever screen Qt gives it; prints their frames as JSON.

Run by ``test_screen_fit`` in a child process whose offscreen screen is a 1366×768 laptop minus a 40-pixel
taskbar (a screen size cannot change inside a running QApplication).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog


def main(home: str) -> int:
    from officer_desk.cases import QueueFilter
    from officer_desk.desk import open_desk
    from officer_desk.paths import Home
    from officer_desk.ui.actions import WindowAction
    from officer_desk.ui.main_window import MainWindow
    from officer_desk.ui.tasks import SyncTaskRunner

    app = QApplication(sys.argv[:1])
    desk = open_desk(Home(Path(home)), officer="canbo.test")
    window = MainWindow(desk, SyncTaskRunner())
    window.show()
    app.processEvents()
    frames: dict[str, Any] = {}

    def rect(widget: Any) -> list[int]:
        frame = widget.frameGeometry()
        return [frame.x(), frame.y(), frame.width(), frame.height()]

    def record(name: str) -> None:
        app.processEvents()
        dialog = window.active_dialog
        if isinstance(dialog, QDialog) and dialog.isVisible():
            frames[name] = rect(dialog)
            dialog.reject()
            app.processEvents()
        else:
            frames[name] = None

    frames["main_window"] = rect(window)
    window.assistant_action.setChecked(True)
    app.processEvents()
    frames["main_window_with_assistant"] = rect(window)
    window.assistant_action.setChecked(False)
    window.intake.new_dossier()
    record("intake")
    window.open_settings()
    record("settings")
    window.documents.verify_document()
    record("verify")
    received = desk.cases.rows(desk.cases.list_ids(QueueFilter(statuses=("received",)), 0, 1))[0].dossier_code
    window.open_case_by_code(received)
    window.action(WindowAction.REFUSE).trigger()
    record("refuse_reason")
    window.action(WindowAction.REQUEST_SUPPLEMENT).trigger()
    record("supplement")
    window.action(WindowAction.ASSIGN_TO).trigger()
    record("assign")
    processing = desk.cases.rows(desk.cases.list_ids(QueueFilter(statuses=("in_processing",)), 0, 1))[0]
    window.open_case_by_code(processing.dossier_code)
    window.action(WindowAction.CONTROL_SHEET).trigger()
    record("preview")
    overdue = desk.cases.list_ids(QueueFilter(statuses=("in_processing",), due="overdue"), 0, 1)
    window.open_case_by_code(desk.cases.rows(overdue)[0].dossier_code)
    window.action(WindowAction.APOLOGY).trigger()
    record("apology")
    screen = app.primaryScreen().availableGeometry()
    print(json.dumps({"available": [screen.x(), screen.y(), screen.width(), screen.height()], "frames": frames}))
    window.close()
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
