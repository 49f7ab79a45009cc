""""Scan from scanner" in the case's documents area, on SANE's virtual test scanner: the officer picks a
scanner, the page is scanned and read on a worker thread (the window stays responsive), attached encrypted;
Cancel stops the scan and attaches nothing; no scanner gives a clear message."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from officer_desk.ocr.sane_capture import ScannerError, ScanSettings
from officer_desk.ui.case_view import CaseView
from officer_desk.ui.controllers.ocr import OcrController
from officer_desk.ui.tasks import TaskRunner
from tests.helpers.sane import in_own_process, sane_test_backend
from tests.ui.officer_words import leaks, visible_texts
from tests.ui.test_ocr_controller import dossier

pytestmark = in_own_process


def _controller(qtbot: Any, desk: Any, runner: Any, code: str) -> tuple[OcrController, list[object], list[str]]:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[object] = []
    controller = OcrController(desk, runner, parent, lambda: (code, "truc_tiep"), errors.append)
    messages: list[str] = []
    controller.message.connect(messages.append)
    return controller, errors, messages


def test_the_documents_area_offers_the_scan_once_a_case_is_shown(qtbot: Any, empty_desk: Any) -> None:
    code = empty_desk.cases.intake(dossier())
    view = CaseView(empty_desk.catalogue)
    qtbot.addWidget(view)
    assert not view.scan_button.isEnabled()
    view.show_case(empty_desk.cases.detail(code))
    assert view.scan_button.isEnabled() and view.scan_button.text() in ("Quét từ máy quét", "Scan from scanner")
    with qtbot.wait_signal(view.scan_requested, timeout=1000):
        view.scan_button.click()


def test_a_page_is_scanned_off_the_gui_thread_and_attached(qtbot: Any, empty_desk: Any) -> None:
    with sane_test_backend():
        code = empty_desk.cases.intake(dossier())
        before = len(empty_desk.cases.detail(code).attachments)
        runner = TaskRunner()
        controller, errors, messages = _controller(qtbot, empty_desk, runner, code)
        controller.scan_settings = ScanSettings(resolution=150, options={"test-picture": "Grid"})
        threads: list[threading.Thread] = []
        attach = controller.service.attach_capture

        def recording(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.current_thread())
            return attach(*args, **kwargs)

        controller.service.attach_capture = recording  # type: ignore[method-assign]
        controller.scan_from_scanner()
        qtbot.waitUntil(lambda: controller.scanner_dialog is not None and controller.scanner_dialog.isVisible(),
                        timeout=20_000)
        dialog = controller.scanner_dialog
        assert dialog is not None and dialog.choice.count() == 2  # test:0 and test:1
        texts = visible_texts(dialog)
        assert "frontend-tester" in " ".join(texts) and not leaks(texts)  # the model, never "test:0"
        assert "test:0" not in " ".join(texts)
        dialog.choice.setCurrentIndex(1)
        dialog.accept()
        qtbot.waitUntil(lambda: len(empty_desk.cases.detail(code).attachments) == before + 1, timeout=60_000)
        qtbot.waitUntil(lambda: any("check the values" in m or "kiểm tra" in m for m in messages), timeout=10_000)
        assert runner.wait_for_done(30_000)
        assert errors == [] and threads and threads[0] is not threading.main_thread()
        stored = empty_desk.cases.detail(code).attachments[-1]
        assert stored.file_name.startswith("scan-") and stored.media_type == "image/png"


def test_cancel_stops_the_scan_and_attaches_nothing(qtbot: Any, empty_desk: Any) -> None:
    with sane_test_backend():
        code = empty_desk.cases.intake(dossier())
        before = len(empty_desk.cases.detail(code).attachments)
        runner = TaskRunner()
        controller, errors, messages = _controller(qtbot, empty_desk, runner, code)
        # 0.2 s after each buffer the backend sends: about 4 s for the page unless it is cancelled.
        controller.scan_settings = ScanSettings(options={"read-limit": True, "read-limit-size": 1000,
                                                         "read-delay": True, "read-delay-duration": 200_000})
        controller.scan_from_scanner()
        qtbot.waitUntil(lambda: controller.scanner_dialog is not None and controller.scanner_dialog.isVisible(),
                        timeout=20_000)
        assert controller.scanner_dialog is not None
        controller.scanner_dialog.accept()
        task = controller.scan_task
        assert task is not None
        qtbot.waitUntil(lambda: task.progress.snapshot()[0] > 0, timeout=20_000)  # lines are arriving
        cancel = next(b for b in task.dialog.findChildren(QPushButton) if b.isVisible())
        cancel.click()  # the officer presses Cancel in the progress dialog
        qtbot.waitUntil(lambda: not task.running, timeout=20_000)
        assert runner.wait_for_done(30_000)
        assert errors == [] and any("nothing was attached" in m or "không đính kèm" in m for m in messages), messages
        assert len(empty_desk.cases.detail(code).attachments) == before


def test_no_scanner_is_said_plainly(qtbot: Any, empty_desk: Any, sync_runner: Any) -> None:
    with sane_test_backend() as folder:
        (folder / "dll.conf").write_text("")  # nothing plugged in
        code = empty_desk.cases.intake(dossier())
        controller, errors, _messages = _controller(qtbot, empty_desk, sync_runner, code)
        controller.scan_from_scanner()
        assert len(errors) == 1 and isinstance(errors[0], ScannerError) and errors[0].code == "no_scanner"
        assert controller.scan_task is None
