"""The action registry: one QAction per declared action, unique keys, menus and buttons built from it;
and F2 issues a real signed receipt stored with the case (not only a status change)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from officer_desk.cases import QueueFilter
from officer_desk.lifecycle import Status
from officer_desk.ui.actions import CASE_BUTTONS, MENUS, REGISTRY, ActionState, WindowAction, create_actions


def test_every_declared_action_is_one_qaction_of_the_window(small_desk: Any, make_window: Any) -> None:
    window = make_window(small_desk)
    assert set(REGISTRY) == set(WindowAction)
    for key in WindowAction:
        found = [a for a in window.findChildren(QAction) if a.objectName() == key.value]
        assert found == [window.action(key)], key
        assert window.action(key) in window.actions()  # reachable by its keys wherever the focus is


def test_shortcuts_are_unique_and_named_in_tips_and_buttons(small_desk: Any, make_window: Any) -> None:
    window = make_window(small_desk)
    keys = [window.action(k).shortcut().toString() for k in WindowAction if not window.action(k).shortcut().isEmpty()]
    assert len(keys) == len(set(keys)) and len(keys) >= 20
    assert window.action(WindowAction.ACCEPT).shortcut().toString() == "F2"
    assert window.action(WindowAction.ACCEPT).toolTip().endswith("(F2)")
    buttons = window.case_view.action_buttons
    assert [b.defaultAction() for b in buttons] == [window.action(k) for k in CASE_BUTTONS]
    for button in buttons:
        assert button.text().endswith(f"({button.defaultAction().shortcut().toString()})"), button.text()


def test_menus_are_built_from_the_registry(small_desk: Any, make_window: Any) -> None:
    window = make_window(small_desk)
    menus = [a.menu() for a in window.menuBar().actions()]
    assert len(menus) == len(MENUS)
    placed: list[WindowAction] = []
    for menu, spec in zip(menus, MENUS, strict=True):
        assert menu.title() == spec.title()
        shown = [a for a in menu.actions() if not a.isSeparator()]
        declared = [key for key in spec.items if key is not None]
        assert shown == [window.action(key) for key in declared]
        assert sum(a.isSeparator() for a in menu.actions()) == spec.items.count(None)
        placed += declared
    assert sorted(placed, key=lambda k: k.value) == sorted(WindowAction, key=lambda k: k.value)


def test_enabled_when_follows_the_selected_case(small_desk: Any, make_window: Any) -> None:
    window = make_window(small_desk)
    window.show_detail(None)
    for key in (WindowAction.ACCEPT, WindowAction.ASSIGN_TO_ME, WindowAction.UNASSIGN, WindowAction.REPRINT_RECEIPT):
        assert not window.action(key).isEnabled(), key
    assert window.action(WindowAction.NEW_DOSSIER).isEnabled()
    code = small_desk.cases.rows(small_desk.cases.list_ids(QueueFilter(statuses=("received",)), 0, 1))[0].dossier_code
    detail = small_desk.cases.detail(code)
    state = ActionState(detail, small_desk.officer)
    assert REGISTRY[WindowAction.ACCEPT].enabled_when(state)  # type: ignore[misc]
    assert not REGISTRY[WindowAction.RETURN_RESULT].enabled_when(state)  # type: ignore[misc]


def test_a_missing_handler_is_an_error(qapp: Any) -> None:
    from PySide6.QtCore import QObject

    with pytest.raises(KeyError, match="ACCEPT"):
        create_actions(QObject(), {key: (lambda: None) for key in WindowAction if key is not WindowAction.ACCEPT})


def _acceptable_code(desk: Any) -> str:
    for row in desk.cases.rows(desk.cases.list_ids(QueueFilter(statuses=("received",)), 0, 50)):
        detail = desk.cases.detail(row.dossier_code)
        if not any(f.decision == "open" and f.severity == "error" for f in detail.findings):
            return str(row.dossier_code)
    raise AssertionError("no acceptable received case")


def test_f2_issues_a_signed_receipt_kept_with_the_case(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    """The window goes through the receipts service: a bare status change (the old fallback) fails here."""
    from officer_desk.receipts.service import stored_document
    from officer_desk.signing.verify import VALID, verify_pdf

    code = _acceptable_code(small_desk)
    window = make_window(small_desk)
    window.open_case_by_code(code)
    assert window.detail is not None and window.detail.row.dossier_code == code
    assert window.detail.register_number is None and window.detail.receipt_issued_at is None
    issued: list[tuple[str, str]] = []
    window.action_done.connect(lambda c, a: issued.append((c, a)))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)

    detail = small_desk.cases.detail(code)
    assert detail.row.status == Status.ACCEPTED
    assert detail.register_number is not None and detail.register_book
    assert detail.receipt_issued_at is not None and detail.appointment_at is not None
    pdf = stored_document(small_desk, code, "receipt")
    report = verify_pdf(pdf, home=small_desk.home)
    assert report.verdict == VALID and len(report.signatures) == 1, report.reasons
    assert issued == [(code, "accept")]
    assert window.detail.register_number == detail.register_number  # the case panel shows the stored receipt
    assert window.action(WindowAction.REPRINT_RECEIPT).isEnabled()
