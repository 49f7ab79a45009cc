"""The counter's working day in the window (issue 10): lifecycle action bar, alerts, search, empty lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from officer_desk.cases import QueueFilter
from officer_desk.lifecycle import Status
from officer_desk.ui.actions import WindowAction


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
