"""The main window driven from the keyboard on a 100,000-case database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from officer_desk.cases import QueueFilter
from officer_desk.lifecycle import Status
from tests.helpers.desks import SAMPLE_FINDINGS, add_findings


def _received_case(desk: Any, text: str = "") -> Any:
    """A case in 'received' whose applicant can be searched by full name."""
    ids = desk.cases.list_ids(QueueFilter(statuses=("received",)), 0, 50)
    for row in desk.cases.rows(ids):
        found = desk.cases.search(row.applicant_name, 200)
        if len(found) < 200 and row.id in {r.id for r in found}:
            return row
    raise AssertionError("no searchable received case")


def test_filter_search_accept_and_request_supplement_with_keys_only(large_desk: Any, make_window: Any,
                                                                    qtbot: Any) -> None:
    window = make_window(large_desk)
    assert window.model.rowCount() >= 50_000

    # Filter: the "New" status tab, reached with Ctrl+PgDown.
    qtbot.keyClick(window.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tab_bar.currentIndex() == 1
    assert window.model.filter.statuses == (Status.RECEIVED.value,)
    assert {window.model.case_row(r).status for r in range(20)} == {"received"}

    # Search: Ctrl+F, type the applicant's name without diacritics, Enter goes to the queue.
    case = _received_case(large_desk)
    from officer_desk.text import fold

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_edit
    qtbot.keyClicks(window.search_edit, fold(case.applicant_name))
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.table
    codes = [window.model.case_row(r).dossier_code for r in range(window.model.rowCount())]
    assert case.dossier_code in codes

    # Select the case with the arrow keys.
    target = codes.index(case.dossier_code)
    for _ in range(target):
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.detail is not None and window.detail.row.dossier_code == case.dossier_code
    assert window.case_actions["accept"].isEnabled()
    assert not window.case_actions["return_result"].isEnabled()

    # F2 accepts (issues the receipt when the receipts service is installed).
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert large_desk.cases.detail(case.dossier_code).row.status == Status.ACCEPTED
    assert window.detail.row.status == Status.ACCEPTED
    assert window.model.case_row(target).status == Status.ACCEPTED

    # F3 opens the supplement request; Space ticks the first item, Enter confirms.
    qtbot.keyClick(window.table, Qt.Key.Key_F3)
    dialog = window.active_dialog
    assert dialog is not None and dialog.objectName() == "supplement_dialog"
    qtbot.keyClick(dialog.items_list, Qt.Key.Key_Space)
    assert dialog.chosen()
    qtbot.keyClick(dialog.items_list, Qt.Key.Key_Return)
    detail = large_desk.cases.detail(case.dossier_code)
    assert detail.row.status == Status.SUPPLEMENT_REQUESTED
    assert detail.events[-1].reason.startswith("- ")
    assert window.detail.row.status == Status.SUPPLEMENT_REQUESTED
    assert not window.case_actions["accept"].isEnabled()


def test_scanned_dossier_code_opens_the_case(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    window = make_window(small_desk)
    code = small_desk.cases.rows(small_desk.cases.list_ids(QueueFilter(), 100, 1))[0].dossier_code
    window.focus_search()
    qtbot.keyClicks(window.search_edit, code)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.detail is not None and window.detail.row.dossier_code == code


def test_receipt_qr_in_search_box_opens_the_case(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    window = make_window(small_desk)
    code = small_desk.cases.rows(small_desk.cases.list_ids(QueueFilter(), 7, 1))[0].dossier_code
    payload = f"ODR1:R:{code}:AAAAAAAAAAAAAAAA:2611271030:X99-1:261127103000:SIG"
    window.focus_search()
    qtbot.keyClicks(window.search_edit, payload)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.row.dossier_code == code, timeout=3000)
    assert window.search_edit.text() == code


def test_refuse_needs_a_reason_and_actions_follow_the_lifecycle(small_desk: Any, make_window: Any,
                                                                qtbot: Any) -> None:
    window = make_window(small_desk)
    window.tab_bar.setCurrentIndex(1)  # New
    window.focus_queue()
    code = window.detail.row.dossier_code
    qtbot.keyClick(window.table, Qt.Key.Key_F4)
    dialog = window.active_dialog
    assert dialog.objectName() == "reason_dialog"
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Khong thuoc tham quyen")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert small_desk.cases.detail(code).row.status == Status.REFUSED
    assert not any(action.isEnabled() for action in window.case_actions.values())
    assert not window.assign_action.isEnabled()


def test_assign_and_unassign(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    window = make_window(small_desk)
    window.tab_bar.setCurrentIndex(1)
    window.focus_queue()
    code = window.detail.row.dossier_code
    assert window.assign_action.isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_F6)
    assert small_desk.cases.detail(code).row.assigned_officer == "canbo.test"
    assert window.unassign_action.isEnabled()
    qtbot.keyClick(window.table, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert small_desk.cases.detail(code).row.assigned_officer is None


def test_hints_panel_accept_and_dismiss_with_reason(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    code = small_desk.cases.rows(small_desk.cases.list_ids(QueueFilter(statuses=("received",)), 0, 1))[0].dossier_code
    add_findings(small_desk, code, SAMPLE_FINDINGS)
    window = make_window(small_desk)
    window.open_case_by_code(code)
    assert window.detail.row.dossier_code == code
    assert len(window.hints_panel.cards) == 3
    assert window.model.case_row(0).worst_severity == "error"

    # Accepting with an open error hint is refused with an explanation.
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert window.active_dialog is not None and "F3" in window.active_dialog.text()
    qtbot.keyClick(window.active_dialog, Qt.Key.Key_Return)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert small_desk.cases.detail(code).row.status == Status.RECEIVED

    # Ctrl+3 goes to the first hint's Accept button; Tab to Dismiss; a reason is required.
    first = window.hints_panel.cards[0]
    qtbot.waitUntil(first.dismiss_button.isVisible)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is first.accept_button
    error_id = first.finding.id
    qtbot.keyClick(first.accept_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.dismiss_button
    qtbot.keyClick(first.dismiss_button, Qt.Key.Key_Space)
    dialog = window.active_dialog
    qtbot.keyClicks(dialog.reason_edit, "Da xem ban chinh tai quay")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    finding = next(f for f in small_desk.cases.detail(code).findings if f.id == error_id)
    assert finding.decision == "dismissed" and finding.decided_by == "canbo.test"

    # The dismissed hint stays visible, greyed, with who dismissed it and why.
    card = window.hints_panel.card_for(error_id)
    assert card is not None and card.graphicsEffect() is not None
    assert "canbo.test" in card.findChild(type(card.message_label), "hint_decision").text()
    assert card.reopen_button.isVisibleTo(card) and not card.accept_button.isVisibleTo(card)

    # Nothing blocks accepting any more.
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    assert small_desk.cases.detail(code).row.status == Status.ACCEPTED


def test_status_tabs_show_counts_and_state_persists(small_desk: Any, make_window: Any, qtbot: Any) -> None:
    window = make_window(small_desk)
    counts = small_desk.cases.status_counts()
    assert window.tab_bar.tabText(1).endswith(f"({counts['received']})")
    window.table.setColumnWidth(1, 321)
    window.main_split.setSizes([200, 500])
    window.close()
    again = make_window(small_desk)
    assert again.table.columnWidth(1) == 321


def test_issued_document_goes_to_the_printer_or_can_be_saved(small_desk: Any, make_window: Any, qtbot: Any,
                                                             monkeypatch: Any, tmp_path: Any) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from officer_desk.ui import printing

    window = make_window(small_desk)
    printed: list[tuple[str, int]] = []

    def fake_print(self: Any, pdf: bytes, form: str, **kwargs: Any) -> Any:
        printed.append((form, kwargs.get("copies", 1)))
        return printing.PrintOutcome(False, "printer_stopped", "Máy in đang dừng", "HP")

    monkeypatch.setattr(printing.DocumentPrinter, "printer_names", staticmethod(lambda: ["HP"]))
    monkeypatch.setattr(printing.DocumentPrinter, "print_pdf", fake_print)
    window.documents.deliver_document(b"%PDF-1.7 test", "a5", 2, "receipt")
    assert printed == [("a5", 2)]
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and "Máy in đang dừng" in box.text()
    target = tmp_path / "receipt.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    box.button(QMessageBox.StandardButton.Save).click()
    assert target.read_bytes() == b"%PDF-1.7 test"
