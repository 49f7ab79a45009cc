"""Register the shipped fonts (resources/fonts/*.ttf) and pick a UI font with full Vietnamese coverage."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from officer_desk.paths import resource

# Sans families shipped in resources/fonts, best first; each covers Vietnamese (Latin Extended Additional).
UI_FAMILIES = ("Liberation Sans", "DejaVu Sans")


def register_fonts() -> list[str]:
    """Add every shipped TTF to the application font database; returns the families registered."""
    families: list[str] = []
    for path in sorted(resource("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def ui_font(point_size: float = 10.0) -> QFont:
    """The window's font: a shipped sans that covers Vietnamese."""
    available = set(QFontDatabase.families())
    for family in UI_FAMILIES:
        if family in available:
            font = QFont(family)
            font.setPointSizeF(point_size)
            return font
    font = QFont()
    font.setPointSizeF(point_size)
    return font

