"""Every view and dialog an officer sees speaks the officer's language (issue 10 §6): the widget tree of
each, walked, holds no finding code, field path, document id or raw choice value.

On a real home (demo mode off): two desks import the same dossier — screened by the real engine, whose
findings name ``to_khai_ct01`` and ``applicant.phone`` — edit it offline and sync through PostgreSQL, so
the second desk also has a conflict to resolve. Then the queue, the case's every tab (hints, documents,
timeline…), the hints panel, the supplement dialog, the assistant, the intake dialog with a procedure
selected, the sync page, the conflict dialog, the settings (every tab), the dashboard and the verify
dialog with a result are read. A demo home (rich, inconsistent-looking data) is walked in
test_counter_flow.py over many cases with the same walker.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget
from sqlalchemy import select

from officer_desk.desk import open_desk
from officer_desk.models import Case
from officer_desk.paths import Home
from officer_desk.sync import synchronize
from officer_desk.ui.actions import WindowAction
from tests.ui.officer_words import leaks, visible_texts

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
CODE = "000.00.01.X99-261127-0007"


def test_every_view_and_dialog_speaks_the_officers_language_on_a_real_home(
        tmp_path: Path, pg_url: str, qtbot: Any, make_window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from officer_desk.ui.i18n import Translations
    from officer_desk.ui.settings_dialog import SettingsDialog

    translations = Translations()  # the officer's default: the window in Vietnamese
    translations.switch("vi")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "hop-dong-thue.pdf", folder / "hop-dong-thue.pdf")
    # The sample with two defects the engine reports: a missing form (CT01) and a phone number that no
    # longer exists (the old 11-digit form).
    dossier = json.loads((DATA / "tam-tru-dang-thi-mai.json").read_text(encoding="utf-8"))
    dossier["attachments"] = [item for item in dossier["attachments"] if item["doc_type"] != "to_khai_ct01"]
    dossier["applicant"]["phone"] = "0168 123 4567"
    (folder / "tam-tru-dang-thi-mai.json").write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")
    a, b = open_desk(Home(tmp_path / "a")), open_desk(Home(tmp_path / "b"))
    found: dict[str, set[str]] = {}

    def read(name: str, widget: QWidget | None) -> None:
        assert widget is not None, f"{name} did not open"
        texts = visible_texts(widget)
        assert any(t.strip() for t in texts), f"{name} shows nothing"
        found[name] = leaks(texts, allowed=[str(tmp_path), pg_url])

    def read_tabs(name: str, widget: QWidget) -> None:
        read(name, widget)
        for tabs in widget.findChildren(QTabWidget):
            if not tabs.isVisibleTo(widget):
                continue
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                read(f"{name} › {tabs.tabText(index)}", widget)

    try:
        for desk in (a, b):
            desk.cases.import_paths([folder])
            synchronize(desk, pg_url)
        with b.db.session() as session:  # real cases, demo mode off
            assert session.execute(select(Case.is_demo).where(Case.dossier_code == CODE)).scalar_one() is False
        a.cases.update_dossier(CODE, {"applicant.address": "Thôn A"})
        b.cases.update_dossier(CODE, {"applicant.address": "Thôn B"})
        synchronize(a, pg_url)
        assert synchronize(b, pg_url).conflicts == [CODE]
        assert {f.target for f in b.cases.detail(CODE).findings} & {"to_khai_ct01", "applicant.phone"}

        window = make_window(b)
        read("queue", window)
        window.open_case_by_code(CODE)
        qtbot.waitUntil(lambda: window.detail is not None and window.detail.row.dossier_code == CODE, timeout=5000)
        for index in range(window.case_view.tabs.count()):
            window.case_view.tabs.setCurrentIndex(index)
            read(f"case › {window.case_view.tabs.tabText(index)}", window)
        read("hints panel", window.hints_panel)

        qtbot.keyClick(window.table, Qt.Key.Key_F3)  # the supplement request: what is missing, in words
        dialog = window.active_dialog
        assert dialog is not None and dialog.objectName() == "supplement_dialog", dialog
        read("supplement dialog", dialog)
        dialog.reject()

        for key, name in ((WindowAction.REFUSE, "refusal reason dialog"), (WindowAction.ASSIGN_TO, "assign dialog")):
            window.action(key).trigger()
            read(name, window.active_dialog)
            window.active_dialog.reject()

        # F2 on a dossier with undecided error hints: refused, and the officer is told why in words.
        qtbot.keyClick(window.table, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: window.active_dialog is not None and window.active_dialog.isVisible(), timeout=5000)
        read("acceptance refused", window.active_dialog)
        window.active_dialog.close()
        assert b.cases.detail(CODE).row.status == "received"

        window.assistant_action.setChecked(True)
        panel = window.assistant
        with qtbot.waitSignal(panel.answered, timeout=5000):
            qtbot.keyClicks(panel.question_edit, "dang ky tam tru can gi")
        read("assistant", panel)
        qtbot.mouseClick(panel.intake_button, Qt.MouseButton.LeftButton)
        intake = window.active_dialog
        assert intake is not None and intake.procedure is not None
        read("intake dialog with a procedure", intake)
        intake.reject()
        window.assistant_action.setChecked(False)

        window.action(WindowAction.SYNC_PAGE).trigger()
        page = window.sync.page
        read("sync page", page)
        page.table.selectRow(page.codes.index(CODE))
        qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
        read("conflict dialog", page.dialog)
        page.dialog.reject()
        page.reject()

        settings = SettingsDialog(b, window)
        qtbot.addWidget(settings)
        settings.show()
        read_tabs("settings", settings)
        settings.reject()

        window.dashboard_tabs.setCurrentWidget(window.dashboard)
        qtbot.waitUntil(lambda: any(t.strip() for t in visible_texts(window.dashboard)), timeout=5000)
        read("dashboard", window.dashboard)
        window.dashboard_tabs.setCurrentIndex(0)

        window.verify_action.trigger()
        verify = window.active_dialog
        verify.verify_file(str(folder / "hop-dong-thue.pdf"))  # an unsigned PDF: the result says so, in words
        read("verify dialog", verify)
        verify.reject()
        window.close()
    finally:
        a.close()
        b.close()
        for translator in translations.installed:
            QApplication.removeTranslator(translator)
    assert {name: sorted(words) for name, words in found.items() if words} == {}


def test_the_walker_finds_codes_paths_and_ids(qtbot: Any) -> None:
    """The check above can fail: internals in a label, a table cell or a combo box are found."""
    from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel("Thiếu MISSING_REQUIRED_DOC"))
    table = QTableWidget(1, 1)
    table.setItem(0, 0, QTableWidgetItem("form.nguoi_huong.gioi_tinh"))
    layout.addWidget(table)
    combo = QComboBox()
    combo.addItems(["Trẻ em", "tre_em"])
    layout.addWidget(combo)
    root.show()
    assert leaks(visible_texts(root)) == {"MISSING_REQUIRED_DOC", "form.nguoi_huong.gioi_tinh", "tre_em"}
