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
    if decision in ("overridden", "dismissed"):
        return icon("severity-dismissed")
    if decision in ("confirmed", "accepted"):
        return icon("severity-error")  # a confirmed defect stays a defect: red, never a green tick
    if severity in ("error", "warning", "info"):
        return icon(f"severity-{severity}")
    return QIcon()


def app_icon() -> QIcon:
    return icon("app")
