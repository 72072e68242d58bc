"""Icons and images from resources/: SVGs drawn in the current palette's text colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
)

from cesec_desktop.settings import resources_dir


@cache
def _svg_source(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@cache
def _svg_bytes(name: str, color: str) -> QByteArray:
    return QByteArray(_svg_source(name).replace("currentColor", color).encode())


def _render(name: str, color: str, size: QSize) -> QPixmap:
    """The SVG drawn at `size` by Qt's SVG image plugin (no QtSvg module to import)."""
    buffer = QBuffer()
    buffer.setData(_svg_bytes(name, color))
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(size)
    image = reader.read()
    pixmap = QPixmap.fromImage(image) if not image.isNull() else QPixmap(size)
    if image.isNull():
        pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


class _SvgIconEngine(QIconEngine):
    """Paints a `currentColor` SVG in the palette colour of the moment, so icons follow the
    theme without being reloaded."""

    def __init__(self, name: str, role: QPalette.ColorRole, color: str | None = None) -> None:
        super().__init__()
        self._name = name
        self._role = role
        self._color = color

    def _color_for(self, mode: QIcon.Mode) -> str:
        if self._color and mode != QIcon.Mode.Disabled:
            return self._color
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText).name()
        return palette.color(self._role).name()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * ratio, mode, state)
        painter.drawPixmap(rect, pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return _render(self._name, self._color_for(mode), size)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._name, self._role, self._color)

    def key(self) -> str:
        return "cesec-svg"


def icon(
    name: str,
    role: QPalette.ColorRole = QPalette.ColorRole.WindowText,
    color: QColor | str | None = None,
) -> QIcon:
    """The icon `resources/icons/<name>.svg`, in the palette's `role` colour unless given one."""
    fixed = color.name() if isinstance(color, QColor) else color
    return QIcon(_SvgIconEngine(name, role, fixed))


@cache
def image(name: str) -> QIcon:
    """A full-colour SVG (the logo) as an icon."""
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def app_icon() -> QIcon:
    """The app's own icon (resources/icons/app.svg, the source of app.ico and app.icns): for
    the windows, the task bar and the tray."""
    return image("app")
