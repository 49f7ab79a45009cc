"""The start-up splash: on screen within 300 ms of launch, with a line saying what the desk is doing.

Not ``QSplashScreen``: in Qt 6 its ``show()`` waits in a sleep loop for the window to be exposed and, on
both the offscreen and the xcb platforms measured here (PySide6 6.12), only gives up after its one-second
timeout — 1.0 s of the 1.25 s the window used to take to its first frame (bench/bench_startup.py). A
frameless top-level widget that paints a pre-rendered PNG (no SVG plugin to load) and one line of text is
exposed and painted at the first turn of the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from officer_desk.paths import resource

WIDTH = 380
HEIGHT = 220
ICON = "app-128.png"  # rendered from app.svg by scripts/render_splash_icon.py
BACKGROUND = QColor("#ffffff")
BORDER = QColor("#b71c1c")  # the app icon's red
TEXT = QColor("#37474f")


class StartupSplash(QWidget):
    """The desk's name and the current step ("Opening the database…") until the main window shows."""

    def __init__(self) -> None:
        # QSplashScreen's flags: not "stay on top", so the set-up wizard or sign-in shown over it is reachable
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._pixmap = QPixmap(str(resource("icons", ICON)))
        self._message = ""
        self.setFixedSize(WIDTH, HEIGHT)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.center().x() - WIDTH // 2, area.center().y() - HEIGHT // 2)

    def message(self) -> str:
        return self._message

    def show_message(self, text: str) -> None:
        """Show ``text`` under the name and paint it now: the caller goes on with slow work."""
        self._message = text
        if self.isVisible():
            self.repaint()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def show_now(self) -> None:
        """Show and let the platform expose and paint the splash before the caller continues."""
        self.show()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def finish(self, window: QWidget | None = None) -> None:
        """Close once the main window (already shown) takes over."""
        self.close()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        painter.setPen(BORDER)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if not self._pixmap.isNull():
            side = min(self._pixmap.width(), 112)
            painter.drawPixmap(QRect((WIDTH - side) // 2, 24, side, side), self._pixmap)
        painter.setPen(TEXT)
        painter.drawText(QRect(12, 146, WIDTH - 24, 28), int(Qt.AlignmentFlag.AlignCenter), "Officer Desk")
        if self._message:  # up to three lines (an upgrade's message is longer than "Opening the database…")
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(QRect(12, 172, WIDTH - 24, HEIGHT - 176), int(flags), self._message)
        painter.end()
