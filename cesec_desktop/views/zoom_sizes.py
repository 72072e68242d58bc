"""Sizes set in code that follow the UI's zoom: icon sizes, fixed widths, form limits, fonts.

The stylesheet and the application font are scaled by state/zoom.py. What views set in
code is not: a view states such a size at 100 % through `icon_size()`, `fixed_width()` or
`zoom_form()` (a Designer form's minimum and maximum sizes), which set it at the current
zoom and remember it; on every zoom change `_Rescaler` sets each remembered size again, and
scales every font a view set itself (a figure drawn 1.6 times the text size stays so).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from cesec_desktop.state import zoom

SIZE_RESOLVED = 0x0002
"""QFont::SizeResolved (PySide6 does not expose the enum): the font's size was set."""
ICON_PROPERTY = "zoomIconSize"
WIDTH_PROPERTY = "zoomFixedWidth"
LIMITS_PROPERTY = "zoomLimits"
UNLIMITED = 16777215
"""QWIDGETSIZE_MAX: no maximum."""


def icon_size(button: QAbstractButton, pixels: int) -> None:
    """Give `button` square icons of `pixels` at 100 %, scaled with the zoom (SVG: sharp)."""
    _follow()
    button.setProperty(ICON_PROPERTY, pixels)
    button.setIconSize(zoom.current().size(pixels))


def fixed_width(widget: QWidget, pixels: int) -> None:
    """Fix `widget`'s width at `pixels` at 100 %, scaled with the zoom."""
    _follow()
    widget.setProperty(WIDTH_PROPERTY, pixels)
    widget.setFixedWidth(zoom.px(pixels))


def zoom_form(root: QWidget) -> None:
    """Scale the minimum and maximum sizes a Designer form gave `root`'s widgets (at 100 %).

    Call it right after `setupUi`, before the view sets sizes of its own (those are its
    business: measured from the font, or given through `fixed_width()`). Qt's inner widgets
    ("qt_…") and unnamed ones are left alone.
    """
    _follow()
    for widget in root.findChildren(QWidget):
        name = widget.objectName()
        if not name or name.startswith("qt_"):
            continue
        low, high = widget.minimumSize(), widget.maximumSize()
        if low == QSize(0, 0) and high == QSize(UNLIMITED, UNLIMITED):
            continue
        limits = [low.width(), low.height(), high.width(), high.height()]
        for n, part in enumerate(_STYLESHEET_LIMITS):
            # A limit the stylesheet set (min-height of a line edit, say) is scaled with it.
            if widget.property(part):
                limits[n] = -1
        widget.setProperty(LIMITS_PROPERTY, ",".join(map(str, limits)))
        _set_limits(widget, tuple(limits))


_STYLESHEET_LIMITS = (
    "_q_stylesheet_minw",
    "_q_stylesheet_minh",
    "_q_stylesheet_maxw",
    "_q_stylesheet_maxh",
)
"""The marks Qt's stylesheet style leaves on a widget whose limit it set (qstylesheetstyle.cpp,
setGeometry); -1 stands for such a limit in LIMITS_PROPERTY."""


def _set_limits(widget: QWidget, limits: tuple[int, ...]) -> None:
    manager = zoom.current()
    setters = (
        widget.setMinimumWidth,
        widget.setMinimumHeight,
        widget.setMaximumWidth,
        widget.setMaximumHeight,
    )
    for value, setter in zip(limits, setters, strict=True):
        if value >= 0:
            setter(value if value in (0, UNLIMITED) else manager.px(value))


class _Rescaler(QObject):
    """Sets the remembered sizes and code-set fonts again on a zoom change."""

    def __init__(self, manager: zoom.ZoomManager) -> None:
        super().__init__(manager)
        self.manager = manager
        self.level = manager.level
        manager.changed.connect(self.rescale)

    def rescale(self, level: int) -> None:
        ratio = level / self.level
        self.level = level
        for widget in QApplication.allWidgets():
            icon = widget.property(ICON_PROPERTY)
            if isinstance(icon, int) and isinstance(widget, QAbstractButton):
                widget.setIconSize(self.manager.size(icon))
            limits = widget.property(LIMITS_PROPERTY)
            if isinstance(limits, str):
                _set_limits(widget, tuple(int(n) for n in limits.split(",")))
            width = widget.property(WIDTH_PROPERTY)
            if isinstance(width, int) and widget.maximumWidth() == widget.minimumWidth():
                # A fixed width a view has since released (a narrow layout) stays released.
                widget.setFixedWidth(self.manager.px(width))
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                # Only a size the view set: one inherited from the app's font has followed.
                font = widget.font()
                if font.resolveMask() & SIZE_RESOLVED and font.pointSizeF() > 0:
                    font.setPointSizeF(round(font.pointSizeF() * ratio, 2))
                    widget.setFont(font)


_rescalers: dict[int, _Rescaler] = {}


def _follow() -> None:
    """Rescale on the current manager's changes (once per manager)."""
    manager = zoom.current()
    if id(manager) not in _rescalers:
        _rescalers[id(manager)] = _Rescaler(manager)


def follow_zoom() -> None:
    """Start following the zoom before any size is remembered (code-set fonts too)."""
    _follow()
