"""A commune without a link writes its changes as a USB bundle from the window (Tools menu): a file
dialog, the action disabled while the bundle is written, a clear message when nobody is trusted yet;
the center imports the file with the rules of sync."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from officer_desk.desk import open_desk
from officer_desk.errors import InputError
from officer_desk.paths import Home
from officer_desk.sync.bundle import import_bundle
from officer_desk.sync.engine import desk_identity
from officer_desk.sync.identity import trust_identity

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
CODE = "000.00.01.X99-261127-0007"


def test_bundle_exported_from_the_window(tmp_path: Path, qtbot: Any, make_window: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from officer_desk.ui.actions import WindowAction

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tam-tru-dang-thi-mai.json", "hop-dong-thue.pdf"):
        shutil.copy(DATA / name, folder / name)
    commune, center = open_desk(Home(tmp_path / "commune")), open_desk(Home(tmp_path / "center"))
    try:
        commune.cases.import_paths([folder])
        window = make_window(commune)
        action = window.action(WindowAction.BUNDLE_EXPORT)

        # Nobody trusted yet: said in words, no file dialog, nothing written.
        told: list[str] = []
        monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
        asked: list[str] = []

        def save_name(*_args: Any) -> tuple[str, str]:
            asked.append("save")
            return str(tmp_path / "usb" / "gui-di"), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
        action.trigger()
        assert len(told) == 1 and "trusted" in told[0] and not asked  # (UI tests run untranslated)

        trust_identity(commune.db, desk_identity(center).public, "test")
        trust_identity(center.db, desk_identity(commune).public, "test")
        (tmp_path / "usb").mkdir()
        import officer_desk.ui.controllers.sync_controller as controller

        during: list[tuple[bool, str]] = []
        real_export = controller.export_bundle

        def watched(*args: Any) -> list[str]:
            # Busy while the bundle is written: the action is off and the status bar says so.
            during.append((action.isEnabled(), window.statusBar().currentMessage()))
            return real_export(*args)

        monkeypatch.setattr(controller, "export_bundle", watched)
        action.trigger()
        assert asked == ["save"]
        assert during == [(False, "Writing the bundle…")]
        qtbot.waitUntil(lambda: not window.sync.exporting, timeout=30_000)
        assert action.isEnabled()
        written = tmp_path / "usb" / "gui-di.odb"
        assert written.exists()
        assert "1" in window.statusBar().currentMessage() and "gui-di.odb" in window.statusBar().currentMessage()
        assert import_bundle(center, written).applied == [CODE]

        # A place that cannot be written (a file where the folder should be): a clear error in a dialog,
        # the action usable again, the changes still pending.
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(written / "x.odb"), ""))
        shown: list[object] = []
        monkeypatch.setattr(window, "show_error", shown.append)
        action.trigger()
        qtbot.waitUntil(lambda: not window.sync.exporting, timeout=30_000)
        assert len(shown) == 1 and isinstance(shown[0], InputError) and action.isEnabled()
        assert "x.odb" in str(shown[0])
        window.close()
    finally:
        commune.close()
        center.close()
