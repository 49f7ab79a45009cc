"""Windows that fit the screen they open on: a 1366×768 commune laptop with a taskbar included.

The main window's first size comes from the available screen area (not a fixed 1440×900); every dialog is
clamped into the available area when it is shown, and a restored geometry from a larger monitor is pulled
back on screen. Dialogs whose content is taller than that scroll (their own scroll areas).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

# What the window system adds around a window (title bar, borders); unknown before the first show on
# some platforms, so a safe allowance is kept.
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget) -> QRect | None:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_window(window: QWidget, preferred: QSize | None = None, move: bool = True) -> None:
    """Resize ``window`` (to ``preferred`` where it fits) and move it so its frame is inside the screen."""
    area = available_area(window)
    if area is None:
        return
    frame_extra = window.frameGeometry().size() - window.geometry().size()
    extra = QSize(max(frame_extra.width(), FRAME_ALLOWANCE.width() if not window.isVisible() else 0),
                  max(frame_extra.height(), FRAME_ALLOWANCE.height() if not window.isVisible() else 0))
    wanted = preferred or window.size()
    width = max(min(wanted.width(), area.width() - extra.width()), min(window.minimumWidth(), area.width()))
    height = max(min(wanted.height(), area.height() - extra.height()), min(window.minimumHeight(), area.height()))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if move:
        keep_inside(window)


def keep_inside(window: QWidget) -> None:
    """Move ``window`` so that its frame is inside the available screen area (it keeps its size)."""
    area = available_area(window)
    if area is None:
        return
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.left() + max(0, area.width() - frame.width()))
    y = min(max(frame.y(), area.top()), area.top() + max(0, area.height() - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class ScreenFitter(QObject):
    """Application-wide: a dialog being shown is fitted into the available screen area first."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            # The size now; the position once Qt has placed the dialog over its parent (a move before that
            # would pin it to the corner).
            fit_window(watched, move=False)
            dialog = watched
            QTimer.singleShot(0, dialog, lambda: keep_inside(dialog))
        return False
