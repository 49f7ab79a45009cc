"""The counter's working day in the window (issue 10): lifecycle action bar, alerts, search, empty lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from officer_desk.cases import QueueFilter
from officer_desk.lifecycle import Status
from officer_desk.ui.actions import WindowAction
from tests.ui.officer_words import INTERNAL, visible_texts


def _code(desk: Any, status: str) -> str:
    return desk.cases.rows(desk.cases.list_ids(QueueFilter(statuses=(status,)), 0, 1))[0].dossier_code


def _shown_buttons(window: Any) -> set[str]:
    return {b.defaultAction().objectName() for b in window.case_view.action_buttons if b.isVisibleTo(window)}


def test_new_dossier_is_always_on_screen_with_its_key(small_desk: Any, make_window: Any) -> None:
    window = make_window(small_desk)
    buttons = [w for w in window.counter_bar.findChildren(QToolButton)
               if w.defaultAction() is window.action(WindowAction.NEW_DOSSIER)]
    assert buttons and buttons[0].isVisibleTo(window)
    assert "Ctrl+N" in buttons[0].text()


def test_action_bar_shows_the_next_legal_actions_with_their_keys(small_desk: Any, make_window: Any) -> None:
    window = make_window(small_desk)
    window.open_case_by_code(_code(small_desk, Status.RECEIVED))
    shown = _shown_buttons(window)
    assert {"act_accept", "act_supplement", "act_refuse"} <= shown
    assert "act_sign" not in shown and "act_return" not in shown
    accept = next(b for b in window.case_view.action_buttons if b.defaultAction().objectName() == "act_accept")
    assert "F2" in accept.text()

    window.open_case_by_code(_code(small_desk, Status.IN_PROCESSING))
    shown = _shown_buttons(window)
    assert "act_sign" in shown and "act_accept" not in shown

    window.open_case_by_code(_code(small_desk, Status.SUPPLEMENT_REQUESTED))
    assert "act_supp_received" in _shown_buttons(window)


def test_overdue_and_due_today_alerts_stay_on_screen(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    counts = small_desk.cases.status_counts()
    assert counts["overdue"] > 0
    window = make_window(small_desk)
    qtbot.waitUntil(lambda: window.alerts.isVisibleTo(window), timeout=3000)
    assert f"{counts['overdue']}" in window.alerts.overdue_button.text()
    qtbot.mouseClick(window.alerts.overdue_button, Qt.MouseButton.LeftButton)
    assert window.model.filter.due == "overdue"


def test_search_is_cleared_after_opening_a_case_by_code(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    window = make_window(small_desk)
    code = _code(small_desk, Status.RECEIVED)
    window.focus_search()
    qtbot.keyClicks(window.search_edit, code)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.detail is not None and window.detail.row.dossier_code == code
    assert window.search_edit.text() == ""
    overdue = small_desk.cases.status_counts()["overdue"]
    window.queue.show_overdue()
    qtbot.waitUntil(lambda: not window.model.loading, timeout=3000)
    assert window.model.rowCount() == overdue > 0


def test_empty_lists_say_why(empty_desk: Any, make_window: Any, qtbot: Any) -> None:
    from officer_desk.i18n import set_language

    set_language("en")
    window = make_window(empty_desk)
    qtbot.waitUntil(lambda: window.queue.empty_label.isVisibleTo(window), timeout=3000)
    assert "New dossier" in window.queue.empty_label.text()
    window.queue.show_overdue()
    qtbot.waitUntil(lambda: "overdue" in window.queue.empty_label.text(), timeout=3000)
    assert window.queue.empty_label.isVisibleTo(window)


def _clean_received(desk: Any) -> str:
    """A received case whose hints no longer block acceptance (each error overridden with a reason)."""
    from officer_desk.ui import services

    code = _code(desk, Status.RECEIVED)
    services.screen_case(desk, code)  # as the window does for a case never screened
    for finding in desk.cases.detail(code).findings:
        if finding.severity != "info" and finding.decision == "open":
            desk.cases.decide_finding(finding.id, "overridden", "Đã đối chiếu bản chính")
    return code


def test_receipt_is_previewed_then_a_printer_problem_is_a_dialog_and_the_document_is_listed(
        small_desk: Any, make_window: Any, qtbot: Any, monkeypatch: Any, tmp_path: Any) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = make_window(small_desk)
    code = _clean_received(small_desk)
    window.open_case_by_code(code)
    assert window.detail.row.dossier_code == code
    for finding in window.detail.findings:  # what the window shows (it may have screened the case again)
        if finding.severity != "info" and finding.decision == "open":
            small_desk.cases.decide_finding(finding.id, "overridden", "Đã đối chiếu bản chính")
    window.case_panel.reload()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    preview = window.active_dialog
    assert preview is not None and preview.objectName() == "pdf_preview", getattr(preview, "text", str)()
    assert preview.document.pageCount() >= 1
    # The case lists the receipt as issued, not printed.
    panel = window.case_view.documents_panel
    qtbot.waitUntil(lambda: len(panel.documents) == 1, timeout=3000)
    assert panel.documents[0].doc_type == "receipt" and panel.documents[0].delivered == ""
    # No printer: a dialog with the reason and a retry, not a status-bar line that fades.
    preview.print_button.click()
    problem = preview.problem
    assert problem is not None and problem.objectName() == "printer_problem"
    assert "printer" in problem.text() and problem.button(QMessageBox.StandardButton.Retry) is not None
    target = tmp_path / "receipt.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    problem.button(QMessageBox.StandardButton.Save).click()
    assert target.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: panel.documents and panel.documents[0].delivered == "saved", timeout=3000)


def test_apology_from_the_window_moves_the_due_date(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    from datetime import date

    ids = small_desk.cases.list_ids(QueueFilter(statuses=(Status.IN_PROCESSING,), due="overdue"), 0, 1)
    code = small_desk.cases.rows(ids)[0].dossier_code
    window = make_window(small_desk)
    window.open_case_by_code(code)
    action = window.action(WindowAction.APOLOGY)
    assert action.isEnabled()
    action.trigger()
    dialog = window.active_dialog
    assert dialog.objectName() == "apology_dialog"
    dialog.reason_edit.setPlainText("Chờ kết quả xác minh")
    new_date = dialog.new_date()
    assert new_date > date.today()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert small_desk.cases.detail(code).row.due_date == new_date
    assert window.active_dialog.objectName() == "pdf_preview"
    window.active_dialog.reject()
    assert not window.action(WindowAction.APOLOGY).isEnabled()  # no longer overdue


def test_control_sheet_from_the_window(small_desk: Any, make_window: Any) -> None:
    code = _code(small_desk, Status.IN_PROCESSING)
    window = make_window(small_desk)
    window.open_case_by_code(code)
    assert window.action(WindowAction.CONTROL_SHEET).isEnabled()
    window.action(WindowAction.CONTROL_SHEET).trigger()
    preview = window.active_dialog
    assert preview.objectName() == "pdf_preview", preview.text() + preview.detailedText()
    assert preview.document.pageCount() >= 1


def test_every_dialog_fits_a_1366x768_laptop_with_a_taskbar(small_template: Any, tmp_path: Any) -> None:
    """Issue 10 §8: the window, the assistant and every dialog stay inside the available screen area."""
    import json
    import os
    import subprocess
    import sys

    from tests.helpers.desks import ROOT, copy_home

    home = copy_home(small_template, tmp_path / "home")
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "OFFICER_DESK_HOME": str(home), "OFFICER_DESK_NO_KEYRING": "1",
           "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "HOME": str(tmp_path)}
    env.pop("OFFICER_DESK_DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "tests.ui.screen_fit_probe", str(home)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    ax, ay, aw, ah = report["available"]
    assert (aw, ah) == (1366, 728)
    outside = {}
    for name, frame in report["frames"].items():
        assert frame is not None, f"{name} did not open"
        x, y, w, h = frame
        if not (x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah):
            outside[name] = frame
    assert outside == {}


def test_the_case_view_speaks_the_officers_language(small_desk: Any, make_window: Any) -> None:
    """Issue 10 §5: no finding code, field path, document id or raw choice value in any text of the window —
    the queue, the case's every tab (hints, documents with issued notices and reprints, timeline) — over many
    demo cases (every view and dialog on a real home: test_officer_language_views.py)."""
    from officer_desk.receipts.documents import case_documents
    from officer_desk.receipts.model import SupplementItem
    from officer_desk.receipts.reprint import reprint_document
    from officer_desk.receipts.service import issue_notice
    from tests.helpers.desks import add_findings

    ids = small_desk.cases.list_ids(QueueFilter(), 0, 60)
    # The engine's evidence names field paths and document ids; the window shows the catalogue's words.
    first = small_desk.cases.rows(ids[:1])[0].dossier_code
    add_findings(small_desk, first, [{
        "code": "ID_GENDER_MISMATCH", "severity": "error", "target": "form.nguoi_huong.gioi_tinh",
        "message": "Giới tính không khớp", "message_en": "Sex does not match",
        "evidence": "Chữ số thứ 4 là 1 (nữ); form.nguoi_huong.gioi_tinh ghi «Nam»; không có giay_khai_sinh_tre",
        "suggestion": "Đối chiếu applicant.id_number với thẻ"}])
    # Issued documents (and a reprint) on the documents tab and the timeline.
    received = _code(small_desk, Status.RECEIVED)
    issued = issue_notice(small_desk, "supplement", received, None,
                          items=[SupplementItem("Giấy khai sinh", "Thiếu bản chính")])
    reprint_document(small_desk, case_documents(small_desk, issued.dossier_code)[0].id)
    codes = [received, *(row.dossier_code for row in small_desk.cases.rows(ids))]
    window = make_window(small_desk)
    leaks: dict[str, set[str]] = {}
    for code in codes:
        window.open_case_by_code(code)
        for tab in range(window.case_view.tabs.count()):
            window.case_view.tabs.setCurrentIndex(tab)
            for text in visible_texts(window):
                for match in INTERNAL.finditer(text or ""):
                    leaks.setdefault(match.group(0), set()).add(code)
    assert {k: sorted(v)[:2] for k, v in leaks.items()} == {}


def _pdf_text(pdf: bytes, tmp_path: Any) -> str:
    import shutil
    import subprocess

    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed"
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_supplement_notice_is_written_for_the_citizen(small_desk: Any, make_window: Any, qtbot: Any,
                                                          tmp_path: Any) -> None:
    """Issue 10 §5: officer instructions and internal codes never reach the paper."""
    from tests.helpers.desks import SAMPLE_FINDINGS, add_findings

    code = _code(small_desk, Status.RECEIVED)
    identity = {"code": "ID_GENDER_MISMATCH", "severity": "error", "target": "applicant.id_number",
                "message": "Số định danh không khớp với giới tính", "message_en": "ID number does not match the sex",
                "evidence": "", "suggestion": "Đối chiếu số định danh và giới tính với thẻ căn cước/CCCD"}
    add_findings(small_desk, code, [*SAMPLE_FINDINGS, identity])
    window = make_window(small_desk)
    window.open_case_by_code(code)
    qtbot.keyClick(window.table, Qt.Key.Key_F3)
    dialog = window.active_dialog
    assert dialog.objectName() == "supplement_dialog"
    dialog.accept()
    preview = window.active_dialog
    assert preview.objectName() == "pdf_preview"
    text = _pdf_text(preview.pdf, tmp_path)
    assert "Số định danh không khớp với giới tính" in text
    assert "Đối chiếu" not in text and "thẻ căn cước/CCCD" not in text
    assert not INTERNAL.search(text), INTERNAL.search(text)


def test_error_boxes_say_where_to_click_not_which_command(qapp: Any) -> None:
    from officer_desk.errors import UsageError
    from officer_desk.ui.dialogs import describe_error

    error = UsageError("Chưa có chứng thư của máy để ký: dùng --keystore P12 (hoặc bật chế độ demo bằng "
                       "'officer-desk demo').", code="no_desk_key")
    message, details = describe_error(error)
    assert "officer-desk" not in message and "--keystore" not in message
    assert "Settings" in message or "Cài đặt" in message
    assert "--keystore" in details  # support still sees the original


def test_a_slow_action_shows_busy_and_cannot_be_pressed_twice(small_desk: Any, make_window: Any, qtbot: Any,
                                                              monkeypatch: Any) -> None:
    """Issue 10 §7: every action over 200 ms shows a busy state and disables what must not run twice
    (signing has its own indicator, issue 9; this is the window's other actions)."""
    code = _code(small_desk, Status.ACCEPTED)
    small_desk.cases.assign(code, force=True, reason="Nhận lại để xử lý")  # the holder acts on a case
    window = make_window(small_desk)
    window.open_case_by_code(code)
    start = window.action(WindowAction.START_PROCESSING)
    assert start.isEnabled()
    pending: list[Any] = []
    real_submit = window.runner.submit

    def hold(fn: Any, ok: Any = None, err: Any = None, owner: Any = None, lane: str = "interactive") -> None:
        if owner is window:  # the window's own actions wait; background work (counts, status) runs
            pending.append((fn, ok))
        else:
            real_submit(fn, ok, err, owner, lane)

    monkeypatch.setattr(window.runner, "submit", hold)
    qtbot.keyClick(window.table, Qt.Key.Key_F7)
    assert len(pending) == 1 and not start.isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_F7)  # a second press while the first runs does nothing
    assert len(pending) == 1
    qtbot.waitUntil(window.busy_indicator.isVisible, timeout=2000)
    monkeypatch.undo()
    fn, ok = pending.pop()
    ok(fn())
    assert not window.busy_indicator.isVisible() and not window.busy
    assert small_desk.cases.detail(code).row.status == Status.IN_PROCESSING


def test_requirements_checklist_from_the_assistant(small_desk: Any, make_window: Any, qtbot: Any,
                                                   tmp_path: Any) -> None:
    """Issue 10 §4: a printable phiếu hướng dẫn from the procedure assistant, previewed before printing."""
    window = make_window(small_desk)
    window.assistant_action.setChecked(True)
    window.assistant.question_edit.setText("đăng ký khai sinh")
    window.assistant.ask_now()
    qtbot.waitUntil(lambda: window.assistant.checklist_button.isEnabled(), timeout=3000)
    window.assistant.checklist_button.click()
    preview = window.active_dialog
    assert preview.objectName() == "pdf_preview" and preview.document.pageCount() >= 1
    text = _pdf_text(preview.pdf, tmp_path)
    assert "PHIẾU HƯỚNG DẪN" in text and "Giấy chứng sinh" in text
    assert not INTERNAL.search(text)
    preview.reject()
