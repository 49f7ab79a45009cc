"""Qt translations: the window's own catalogue (resources/translations/officer_desk_<lang>) and qtbase.

Compiled ``.qm`` files are used when present and current; otherwise the ``.ts`` source is read
directly, so a checkout that has not run scripts/build_translations.py still speaks Vietnamese.
Qt ships no Vietnamese qtbase catalogue, so resources/translations/qtbase_vi.ts covers the texts of
Qt's own dialogs that the desk shows (buttons, file dialog, text-field menus).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from officer_desk.paths import resource

LANGUAGES = ("vi", "en")


class TsTranslator(QTranslator):
    """A translator reading a Qt Linguist .ts file (used when no compiled .qm is available)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._messages: dict[tuple[str, str, str], str] = {}
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                comment = message.findtext("comment") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                text = translation.text or ""
                if text:
                    self._messages[(name, source, comment)] = text

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        # None becomes a null QString: "not translated here, ask the next translator".
        return self._messages.get((context, source_text, disambiguation or ""))

    def isEmpty(self) -> bool:  # noqa: N802
        return not self._messages

    def __len__(self) -> int:
        return len(self._messages)


def _load(name: str, language: str, folders: list[Path]) -> QTranslator | None:
    for folder in folders:
        qm = folder / f"{name}_{language}.qm"
        ts = folder / f"{name}_{language}.ts"
        if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
            compiled = QTranslator()
            if compiled.load(str(qm)):
                return compiled
        if ts.exists():
            ts_translator = TsTranslator(ts)
            if not ts_translator.isEmpty():
                return ts_translator
    return None


class Translations:
    """The translators installed on the application; ``switch`` replaces them."""

    def __init__(self) -> None:
        self.installed: list[QTranslator] = []
        self.language = "vi"

    def switch(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self.installed:
            app.removeTranslator(translator)
        self.installed = []
        self.language = language if language in LANGUAGES else "vi"
        ours = resource("translations")
        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        candidates: list[QTranslator | None] = [
            _load("qtbase", self.language, [qt_folder, ours]),
            _load("officer_desk", self.language, [ours]),
        ]
        for candidate in candidates:
            if candidate is not None and app.installTranslator(candidate):
                self.installed.append(candidate)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if self.language == "vi" else QLocale.Language.English,
                                   QLocale.Country.Vietnam))
        from officer_desk.i18n import set_language

        set_language(self.language)
