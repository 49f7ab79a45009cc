"""Settings are written to config.toml; the language switches the whole window, Qt's dialogs included."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from officer_desk.config import load_config
from officer_desk.ui.i18n import Translations
from officer_desk.ui.settings_dialog import SettingsDialog, parse_spans

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


@pytest.fixture
def translations(qapp: Any) -> Any:
    installed = Translations()
    yield installed
    installed.switch("vi")
    for translator in installed.installed:
        QApplication.removeTranslator(translator)


def test_settings_are_saved_to_config_toml(empty_desk: Any, qtbot: Any) -> None:
    dialog = SettingsDialog(empty_desk)
    qtbot.addWidget(dialog)
    dialog.agency_name.setText("UBND phường Vĩnh Yên")
    dialog.desk_number.setValue(3)
    dialog.hours_table.item(5, 0).setText("07:30-11:30")
    dialog.hours_table.item(6, 0).setText("")
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    changed: list[str] = []
    dialog.language_changed.connect(changed.append)
    dialog.save()
    config = load_config(empty_desk.home)
    assert config.agency_name == "UBND phường Vĩnh Yên" and config.desk_number == 3
    assert config.office_hours["sat"] == ("07:30-11:30",) and "sun" not in config.office_hours
    assert config.paper_size == "a4" and config.language == "en"
    assert empty_desk.config == config and changed == ["en"]


def test_bad_hours_are_refused_and_nothing_is_written(empty_desk: Any, qtbot: Any) -> None:
    dialog = SettingsDialog(empty_desk)
    qtbot.addWidget(dialog)
    dialog.hours_table.item(0, 0).setText("7h30-11h")
    dialog.save()
    assert dialog.message.text() and not empty_desk.home.config_file.exists()
    assert parse_spans("07:30-11:30, 13:30-17:00") == ("07:30-11:30", "13:30-17:00")
    assert parse_spans("") == ()
    assert parse_spans("11:30-07:30") is None


def test_vietnamese_by_default_and_english_on_request(translations: Any, small_desk: Any, make_window: Any) -> None:
    translations.switch("vi")
    window = make_window(small_desk)
    assert window.menuBar().actions()[0].text() == "&Tệp"
    assert window.tab_bar.tabText(1).startswith("Mới nhận")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in box.buttons()] == ["Đồng ý", "Hủy"]  # Qt's own texts, translated
    message = QMessageBox()
    message.setDetailedText("x")
    assert any(b.text() == "Xem chi tiết…" for b in message.buttons())
    translations.switch("en")
    english = make_window(small_desk)
    assert english.menuBar().actions()[0].text() == "&File"
    assert english.tab_bar.tabText(1).startswith("New")


def _messages(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((context.findtext("name") or "", message.findtext("source") or "",
                          translation.get("type"), translation.text))
    return found


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalogues_are_complete_and_current(language: str, tmp_path: Path) -> None:
    """Every tr() text of the window is in both catalogues, translated, with the same placeholders."""
    import re

    current = tmp_path / f"current_{language}.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "officer_desk" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(current)], check=True, capture_output=True)
    wanted = {(context, source) for context, source, _t, _x in _messages(current)}
    shipped = _messages(TRANSLATIONS / f"officer_desk_{language}.ts")
    have = {(context, source) for context, source, kind, text in shipped if kind is None and text}
    assert wanted - have == set()
    for _context, source, _kind, text in shipped:
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", text or "")), source
        if language == "en":
            assert text == source


def test_screenshot_command(small_template: Path, tmp_path: Path) -> None:
    """``officer-desk --screenshot PATH --quit-after S --lang en`` opens the window, writes a PNG, exits 0."""
    from tests.helpers.desks import copy_home

    home = copy_home(small_template, tmp_path / "home")
    shot = tmp_path / "shot.png"
    env = {"OFFICER_DESK_HOME": str(home), "OFFICER_DESK_NO_KEYRING": "1", "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "officer_desk.cli", "--screenshot", str(shot), "--quit-after", "1.5",
                             "--lang", "en"], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    assert "Traceback" not in result.stderr


def test_startup_error_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text("desk_number = 'one'\n", encoding="utf-8")
    env = {"OFFICER_DESK_HOME": str(home), "OFFICER_DESK_NO_KEYRING": "1", "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "officer_desk.cli", "--quit-after", "1"], env=env,
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2
    assert "config.toml" in result.stderr and "Traceback" not in result.stderr


def test_switching_language_in_settings_rebuilds_the_window(translations: Any, small_desk: Any, qtbot: Any,
                                                            sync_runner: Any) -> None:
    from officer_desk.i18n import current_language
    from officer_desk.ui.app import Application

    translations.switch("vi")
    application = Application(QApplication.instance(), small_desk, translations, sync_runner)
    first = application.show_window()
    qtbot.waitExposed(first)
    first.table.setColumnWidth(1, 333)
    dialog = SettingsDialog(small_desk, first)
    dialog.language_changed.connect(first.language_change_requested)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    second = application.window
    assert second is not first and second is not None
    assert second.menuBar().actions()[0].text() == "&File" and current_language() == "en"
    assert second.table.columnWidth(1) == 333  # widget state carried over
    second.close()
