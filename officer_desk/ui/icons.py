"""Icons shipped in resources/icons (SVG), loaded once."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from officer_desk.paths import resource


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def severity_icon(severity: str | None, decision: str = "open") -> QIcon:
    if decision == "dismissed":
        return icon("severity-dismissed")
    if decision == "accepted":
        return icon("severity-accepted")
    if severity in ("error", "warning", "info"):
        return icon(f"severity-{severity}")
    return QIcon()


def app_icon() -> QIcon:
    return icon("app")
