"""Assign to… (Ctrl+G): choose an officer of the desk; taking over another officer's case needs a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from officer_desk.cases import QueueFilter
from officer_desk.demo import enable_demo_mode
from officer_desk.ui.assign_dialog import AssignDialog, active_officers


def _received_code(desk: Any) -> str:
    for row in desk.cases.rows(desk.cases.list_ids(QueueFilter(statuses=("received",)), 0, 50)):
        if row.assigned_officer is None:
            return str(row.dossier_code)
    raise AssertionError("no unassigned received case in the template")


def _open_dialog(window: Any, qtbot: Any, code: str) -> AssignDialog:
    window.open_case_by_code(code)
    assert window.detail.row.dossier_code == code
    assert window.assign_to_action.isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, AssignDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_active_officers_lists_the_demo_officers(small_desk: Any) -> None:
    enable_demo_mode(small_desk)
    usernames = [username for username, _name in active_officers(small_desk)]
    assert {"canbo.lan", "canbo.hung", "canbo.mai"} <= set(usernames)


def test_action_has_a_free_shortcut_and_follows_assign_to_me(small_desk: Any, make_window: Any) -> None:
    window = make_window(small_desk)
    assert window.assign_to_action.shortcut() == QKeySequence("Ctrl+G")
    others = [a for a in window.actions() if a is not window.assign_to_action and not a.shortcut().isEmpty()]
    assert QKeySequence("Ctrl+G") not in {a.shortcut() for a in others}
    window.open_case_by_code(_received_code(small_desk))
    assert window.assign_to_action.isEnabled() == window.assign_action.isEnabled()
    window.show_detail(None)
    assert not window.assign_to_action.isEnabled() and not window.assign_action.isEnabled()


def test_assign_a_received_case_to_another_officer(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    enable_demo_mode(small_desk)
    code = _received_code(small_desk)
    window = make_window(small_desk)
    dialog = _open_dialog(window, qtbot, code)
    assert not dialog.reason_edit.isVisibleTo(dialog)  # nobody holds it: no reason asked

    # The filter box narrows the list (accents and case do not matter).
    qtbot.keyClicks(dialog.filter_edit, "hung")
    visible = [dialog.officers_list.item(r) for r in range(dialog.officers_list.count())
               if not dialog.officers_list.item(r).isHidden()]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in visible] == ["canbo.hung"]
    assert dialog.username() == "canbo.hung"
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)

    assert small_desk.cases.detail(code).row.assigned_officer == "canbo.hung"
    QApplication.processEvents()
    assert window.detail.row.assigned_officer == "canbo.hung"  # the row and the case view were refreshed
    row = next(window.model.case_row(r) for r in range(window.model.rowCount())
               if window.model.case_row(r) is not None and window.model.case_row(r).dossier_code == code)
    assert row.assigned_officer == "canbo.hung"


def test_taking_over_without_a_reason_is_refused_inline(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    enable_demo_mode(small_desk)
    code = _received_code(small_desk)
    small_desk.cases.assign(code, "canbo.lan")
    window = make_window(small_desk)
    dialog = _open_dialog(window, qtbot, code)
    usernames = {dialog.officers_list.item(r).data(Qt.ItemDataRole.UserRole)
                 for r in range(dialog.officers_list.count())}
    assert "canbo.lan" not in usernames and "canbo.hung" in usernames
    assert dialog.select_officer("canbo.hung")
    assert dialog.reason_edit.isVisibleTo(dialog)

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog) and "canbo.lan" in dialog.error_label.text()
    assert small_desk.cases.detail(code).row.assigned_officer == "canbo.lan"

    qtbot.keyClicks(dialog.reason_edit, "Chi Lan nghi phep")  # keyClicks types ASCII only
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert small_desk.cases.detail(code).row.assigned_officer == "canbo.hung"
