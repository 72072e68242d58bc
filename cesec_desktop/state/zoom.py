"""Text size: the whole UI zoomed from 80 % to 200 % (Ctrl+Plus, Ctrl+Minus, Ctrl+0).

Qt cannot change its device-pixel ratio while running (QT_SCALE_FACTOR is read at start),
so zoom is done the way browsers' text zoom is: the application font's point size and every
pixel and point size of the stylesheet are scaled together, and the few sizes set in code
(icon sizes, fixed widths) ask `px()` for theirs. Icons are SVG, so they stay sharp at any
size. One manager serves every window (`current()`); app.py gives it the settings, so the
level is remembered between runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QFont, QGuiApplication

if TYPE_CHECKING:
    from cesec_desktop.settings import Settings

LEVELS: tuple[int, ...] = (80, 90, 100, 110, 125, 150, 175, 200)
"""The zoom steps in percent, as Ctrl+Plus and Ctrl+Minus walk them."""
DEFAULT_LEVEL = 100

# A length in px or pt. Not preceded by a word character, "#" or "." so that colours
# (#1c2330) and names are left alone.
_LENGTH = re.compile(r"(?<![\w#.])(\d+(?:\.\d+)?)(px|pt)\b")


def nearest_level(percent: float) -> int:
    """The step closest to `percent` (a remembered 130 becomes 125)."""
    return min(LEVELS, key=lambda level: (abs(level - percent), level))


def scale_stylesheet(text: str, factor: float) -> str:
    """`text` with every px and pt length scaled by `factor`.

    Hairlines (0 and 1 px: borders, separators) keep their width: a 2 px border at 200 %
    reads as a heavier style, not as larger text, and 1 px at 80 % would vanish.
    """
    if factor == 1.0:
        return text

    def scaled(match: re.Match[str]) -> str:
        value, unit = float(match.group(1)), match.group(2)
        if unit == "px":
            if value <= 1:
                return match.group(0)
            return f"{max(1, round(value * factor))}px"
        # Points: a tenth of a point is as fine as fonts get.
        return f"{round(value * factor, 1):g}pt"

    return _LENGTH.sub(scaled, text)


class ZoomManager(QObject):
    """The zoom level of the whole UI, applied to the application font and stylesheet.

    Signals:
        changed(int): the level changed; the new level in percent. Windows that set pixel
            sizes in code re-read `px()` on it.
    """

    changed = Signal(int)

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._level = nearest_level(settings.zoom) if settings is not None else DEFAULT_LEVEL
        self._base_font: QFont | None = None
        self._sheet = ""

    # --- the level -------------------------------------------------------------------------

    @property
    def level(self) -> int:
        return self._level

    @property
    def factor(self) -> float:
        return self._level / 100

    def can_zoom_in(self) -> bool:
        return self._level < LEVELS[-1]

    def can_zoom_out(self) -> bool:
        return self._level > LEVELS[0]

    def zoom_in(self) -> None:
        bigger = [level for level in LEVELS if level > self._level]
        if bigger:
            self.set_level(bigger[0])

    def zoom_out(self) -> None:
        smaller = [level for level in LEVELS if level < self._level]
        if smaller:
            self.set_level(smaller[-1])

    def reset(self) -> None:
        self.set_level(DEFAULT_LEVEL)

    def set_level(self, percent: float) -> None:
        level = nearest_level(percent)
        if level == self._level:
            return
        self._level = level
        if self._settings is not None:
            self._settings.zoom = level
        self.apply()
        self.changed.emit(level)

    def use_settings(self, settings: Settings | None) -> None:
        """Remember the level in `settings` from now on, starting from what they hold (None:
        remember nothing, keep the level)."""
        self._settings = settings
        if settings is not None:
            self.set_level(settings.zoom)

    # --- sizes -----------------------------------------------------------------------------

    def px(self, pixels: float) -> int:
        """A length given at 100 %, at the current zoom."""
        return max(1, round(pixels * self.factor)) if pixels > 0 else 0

    def size(self, width: float, height: float | None = None) -> QSize:
        """A size (an icon's, say) given at 100 %, at the current zoom."""
        return QSize(self.px(width), self.px(width if height is None else height))

    # --- applying --------------------------------------------------------------------------

    def stylesheet(self, text: str) -> str:
        """The application's stylesheet (at 100 %) as it should be set now; remembered, so a
        later zoom change scales it again from the original."""
        self._sheet = text
        return scale_stylesheet(text, self.factor)

    def apply(self) -> None:
        """Set the application's font and stylesheet for the current level."""
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return
        if self._base_font is None:
            self._base_font = QGuiApplication.font()
        font = QFont(self._base_font)
        if self._base_font.pointSizeF() > 0:
            font.setPointSizeF(round(self._base_font.pointSizeF() * self.factor, 1))
        else:  # a font sized in pixels (rare, but a platform may hand one over)
            font.setPixelSize(self.px(self._base_font.pixelSize()))
        QGuiApplication.setFont(font)
        if self._sheet and hasattr(app, "setStyleSheet"):
            app.setStyleSheet(scale_stylesheet(self._sheet, self.factor))


_current: ZoomManager | None = None


def current() -> ZoomManager:
    """The app's zoom manager (at 100 % and remembering nothing until app.py hands it the
    settings with `use_settings`)."""
    global _current
    if _current is None:
        _current = ZoomManager()
    return _current


def px(pixels: float) -> int:
    """A length given at 100 %, at the app's current zoom."""
    return current().px(pixels)


def zoomed(stylesheet: str) -> str:
    """The application stylesheet `stylesheet` (at 100 %) at the app's current zoom."""
    return current().stylesheet(stylesheet)
