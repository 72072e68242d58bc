"""Sizes that follow the UI's zoom: the style's icon sizes, and sizes views set in code.

The stylesheet and the application font are scaled by state/zoom.py. The sizes the style
gives (a button's or a menu's icons, the line edits' search glass and password eye, check
boxes, the sort arrow) follow through `ZoomStyle`, which every window installs through
`follow_zoom()`. What views set in code does not follow by itself: a view states such a
size at 100 % through `icon_size()`, `icon_pixmap()` (a label's picture), `fixed_width()`
or `zoom_form()` (a Designer form's minimum and maximum sizes), which set it at the current
zoom and remember it; on every zoom change `_Rescaler` sets each remembered size again, and
scales every font a view set itself (a figure drawn 1.6 times the text size stays so).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.state import zoom
from cesec_desktop.views.resources import icon

SIZE_RESOLVED = 0x0002
"""QFont::SizeResolved (PySide6 does not expose the enum): the font's size was set."""
ICON_PROPERTY = "zoomIconSize"
PIXMAP_PROPERTY = "zoomPixmapSize"
WIDTH_PROPERTY = "zoomFixedWidth"
LIMITS_PROPERTY = "zoomLimits"
UNLIMITED = 16777215
"""QWIDGETSIZE_MAX: no maximum."""


PM = QStyle.PixelMetric
ZOOMED_METRICS = frozenset(
    {
        PM.PM_SmallIconSize,
        PM.PM_ButtonIconSize,
        PM.PM_ToolBarIconSize,
        PM.PM_LargeIconSize,
        PM.PM_MessageBoxIconSize,
        PM.PM_IndicatorWidth,
        PM.PM_IndicatorHeight,
        PM.PM_ExclusiveIndicatorWidth,
        PM.PM_ExclusiveIndicatorHeight,
        PM.PM_HeaderMarkSize,
        PM.PM_MenuButtonIndicator,
        PM.PM_TabBarTabHSpace,
        PM.PM_TabBarTabVSpace,
    }
)
"""The style's own sizes that grow with the text (a tab's room around its title too: a
tab bar as tall as the buttons in its corner). Only these: the others Qt derives from
them (a line edit's icons from the small icon size, a tab's from it too) through the proxy,
and would grow twice."""


class ZoomStyle(QProxyStyle):
    """The application's style with its icon and indicator sizes at the UI's zoom.

    A stylesheet sets no icon size for menus, tool buttons or line edits' icons, so these
    came from the style at 16 px whatever the text size. Read at every call, so a zoom
    change needs no new style: the new font and stylesheet lay every widget out again.
    """

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric in ZOOMED_METRICS and value > 0:
            return zoom.px(value)
        return value

    def standardIcon(
        self,
        standard: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        """A message box's icon from our SVGs, sharp at its zoomed size and any pixel
        ratio (the style's own are bitmaps)."""
        drawn = MESSAGE_ICONS.get(standard)
        if drawn is not None:
            name, role = drawn
            return icon(name, role)
        return super().standardIcon(standard, option, widget)


SP = QStyle.StandardPixmap
MESSAGE_ICONS: dict[QStyle.StandardPixmap, tuple[str, QPalette.ColorRole]] = {
    SP.SP_MessageBoxCritical: ("error", QPalette.ColorRole.WindowText),
    SP.SP_MessageBoxWarning: ("warning", QPalette.ColorRole.WindowText),
    SP.SP_MessageBoxInformation: ("info", QPalette.ColorRole.Link),
    SP.SP_MessageBoxQuestion: ("help", QPalette.ColorRole.Link),
}
"""Message box icons in the theme's colours: the text colour (the words say how grave),
the link colour for information and questions."""


def install_style() -> None:
    """Put `ZoomStyle` over the application's style (once; a QApplication only)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property("zoomStyle"):
        return
    # Under a stylesheet the style Qt hands out is its stylesheet wrapper, with no name.
    base = QStyleFactory.create(app.style().name() or "Fusion")
    if base is None:
        return
    palette = app.palette()  # a new style would bring its own
    app.setStyle(ZoomStyle(base))
    app.setPalette(palette)
    app.setProperty("zoomStyle", True)


def icon_size(button: QAbstractButton, pixels: int) -> None:
    """Give `button` square icons of `pixels` at 100 %, scaled with the zoom (SVG: sharp)."""
    _follow()
    button.setProperty(ICON_PROPERTY, pixels)
    button.setIconSize(zoom.current().size(pixels))


def icon_pixmap(label: QLabel, picture: QIcon, pixels: int) -> None:
    """Show `picture` (an SVG icon) in `label` at `pixels` square at 100 %, drawn again at
    each zoom (never a small bitmap stretched) and at the screen's pixel ratio."""
    _follow()
    key = id(label)
    if key not in _pictures:
        label.destroyed.connect(lambda *_: _pictures.pop(key, None))
    _pictures[key] = picture
    label.setProperty(PIXMAP_PROPERTY, pixels)
    label.setPixmap(picture.pixmap(zoom.current().size(pixels), label.devicePixelRatioF()))


_pictures: dict[int, QIcon] = {}
"""Each `icon_pixmap` label's icon, by the label's id (a QIcon cannot ride a property)."""


def grow_with_contents(window: QWidget) -> None:
    """Let `window` (a dialog) grow when its contents need more height than it has: a hint
    that appears later, or wraps to two lines at 200 % text, would otherwise squeeze the
    fields below it. Never beyond the screen; never shrinks (the user's size stays)."""
    grower = _Grower(window)
    window.installEventFilter(grower)


class _Grower(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.target = window
        self.pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        request = event.type() == QEvent.Type.LayoutRequest
        if watched is self.target and request and not self.pending:
            self.pending = True
            # After the layout has taken the change in; never once the window is gone.
            QTimer.singleShot(0, self, self.grow)
        return False

    def grow(self) -> None:
        self.pending = False
        if not isValid(self.target):
            return
        window, layout = self.target, self.target.layout()
        if layout is None or not window.isVisible():
            return
        needed = window.sizeHint().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(window.width()))
        screen = window.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height())
        if needed > window.height():
            window.resize(window.width(), needed)


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
            picture = _pictures.get(id(widget))
            pixels = widget.property(PIXMAP_PROPERTY)
            if picture is not None and isinstance(pixels, int) and isinstance(widget, QLabel):
                size = self.manager.size(pixels)
                widget.setPixmap(picture.pixmap(size, widget.devicePixelRatioF()))
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
    install_style()
    manager = zoom.current()
    if id(manager) not in _rescalers:
        _rescalers[id(manager)] = _Rescaler(manager)


def follow_zoom() -> None:
    """Start following the zoom before any size is remembered (code-set fonts too)."""
    _follow()
