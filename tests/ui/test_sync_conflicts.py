"""Two desks edit the same case offline and both sync: one conflict, both versions shown side by side,
a supervisor resolves it field by field in the window; the next sync has no conflict left."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from officer_desk.desk import open_desk
from officer_desk.paths import Home
from officer_desk.sync import synchronize
from officer_desk.sync.conflicts import list_conflicts

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
CODE = "000.00.01.X99-261127-0007"


def test_conflict_resolved_field_by_field_in_the_window(tmp_path: Path, pg_url: str, qtbot: Any,
                                                         make_window: Any) -> None:
    from officer_desk.ui.actions import WindowAction
    from officer_desk.ui.conflict_dialog import ConflictDialog
    from officer_desk.ui.sync_page import SyncPage

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tam-tru-dang-thi-mai.json", "hop-dong-thue.pdf"):
        shutil.copy(DATA / name, folder / name)
    a, b = open_desk(Home(tmp_path / "a")), open_desk(Home(tmp_path / "b"))
    try:
        for desk in (a, b):
            desk.cases.import_paths([folder])
            synchronize(desk, pg_url)
        a.cases.update_dossier(CODE, {"applicant.phone": "0900 000 001", "applicant.address": "Thôn A"})
        b.cases.update_dossier(CODE, {"applicant.phone": "0900 000 002", "applicant.address": "Thôn B"})
        synchronize(a, pg_url)
        assert synchronize(b, pg_url).conflicts == [CODE]

        window = make_window(b)
        window.action(WindowAction.SYNC_PAGE).trigger()
        page = window.sync.page
        assert isinstance(page, SyncPage)
        row = page.codes.index(CODE)
        assert page.table.item(row, 1).text() == "Xung đột"
        assert page.table.item(row, 2).text()  # the reason, in words
        page.table.selectRow(row)
        assert page.resolve_button.isEnabled()
        qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
        dialog = page.dialog
        assert isinstance(dialog, ConflictDialog) and dialog.table is not None
        shown = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
                 for r in range(dialog.table.rowCount())}
        assert shown == {"Địa chỉ": ("Thôn B", "Thôn A"), "Số điện thoại": ("0900 000 002", "0900 000 001")}
        for name, combo in dialog.choices.items():  # mine for the phone, the server's for the address
            combo.setCurrentIndex(0 if name.endswith("phone") else 1)
        qtbot.mouseClick(dialog.merge, Qt.MouseButton.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted and list_conflicts(b) == []
        assert page.codes.count(CODE) <= 1 and (CODE not in page.codes or page.states[page.codes.index(CODE)]
                                                 != "conflict")

        report = synchronize(b, pg_url)
        assert report.conflicts == [] and CODE in report.pushed
        synchronize(a, pg_url)
        for desk in (a, b):
            applicant = desk.cases.detail(CODE).dossier["applicant"]
            assert (applicant["phone"], applicant["address"]) == ("0900 000 002", "Thôn A")
        window.close()
    finally:
        a.close()
        b.close()
