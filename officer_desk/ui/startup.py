"""The window's first frame: the QApplication and the start-up splash, before the rest of the desk loads.

``officer_desk.cli`` calls :func:`show_splash` as soon as it knows the line opens the window; everything
else (config, logging, catalogues, the database, the main window's modules) is imported after the splash
is painted, and :func:`officer_desk.ui.app.create_application` takes this application and splash over.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from officer_desk.ui.splash import StartupSplash

_shown: list[StartupSplash] = []


def show_splash() -> StartupSplash:
    """The splash on screen (created once per process)."""
    if _shown and _shown[0].isVisible():
        return _shown[0]
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    splash = StartupSplash()
    splash.show_now()
    _shown[:] = [splash]
    return splash


def take_splash() -> StartupSplash | None:
    """The splash shown by :func:`show_splash`, handed over once (None when none is on screen)."""
    splash = _shown.pop() if _shown else None
    return splash if splash is not None and splash.isVisible() else None
