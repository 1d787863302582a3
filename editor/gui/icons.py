"""The application icon: PNGs rendered from resources/icons/app.svg (see render_pngs)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from ..resources import resource

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource("icons")
    for size in SIZES:
        png = folder / f"app-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    if icon.isNull() and (folder / "app.svg").exists():
        icon.addFile(str(folder / "app.svg"))
    return icon


def render_pngs(folder: Path | None = None) -> list[Path]:
    """Render app.svg to app-<size>.png (run once when the SVG changes; PNGs are committed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    folder = folder or resource("icons")
    renderer = QSvgRenderer(str(folder / "app.svg"))
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = folder / f"app-{size}.png"
        image.save(str(out))
        written.append(out)
    return written


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])
    for path in render_pngs():
        print(path)
