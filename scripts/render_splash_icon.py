"""Render resources/icons/app.svg to the PNG the start-up splash paints (resources/icons/app-128.png).

The splash must be on screen within 300 ms of launch (issue 10); a PNG is decoded by QtGui itself, while
the SVG needs the QtSvg image plugin loaded first (~50 ms). Rerun after changing app.svg:
    QT_QPA_PLATFORM=offscreen python scripts/render_splash_icon.py
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from officer_desk.paths import resource

SIZE = 128


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resource("icons", "app.svg"))).render(painter)
    painter.end()
    target = resource("icons", f"app-{SIZE}.png")
    if not image.save(str(target), "PNG"):
        print(f"cannot write {target}", file=sys.stderr)
        return 1
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
