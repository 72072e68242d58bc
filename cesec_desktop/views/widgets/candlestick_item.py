"""A candlestick series for pyqtgraph (which has none), drawn once into a QPicture.

This module imports pyqtgraph and numpy: import it only where a chart is being built,
never on the start-up path. `pyqtgraph_module()` sets the global options exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QPicture
from PySide6.QtWidgets import QWidget

_configured = False

UP = QColor("#1a9a55")
DOWN = QColor("#d64545")


def pyqtgraph_module() -> Any:
    """pyqtgraph, with the app's global options applied the first time."""
    global _configured
    if not _configured:
        pg.setConfigOptions(antialias=True, background=None, foreground="#667085")
        _configured = True
    return pg


def adopt_options_menu(plot: Any, owner: QWidget) -> None:
    """Give a plot's "Plot Options" menu a parent, so that it goes with the chart.

    pyqtgraph makes that menu (and six submenus) without a parent and frees it only in
    `PlotItem.close()`, which nothing calls when a page or window is deleted: every chart
    opened left its menus behind as hidden top-level windows, each restyled on every theme
    change. (The app turns the menu off; pyqtgraph still reads it, so it is kept, not freed.)
    """
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    menu = item.ctrlMenu
    if menu is not None:
        menu.setParent(owner, menu.windowFlags())


class CandlestickItem(pg.GraphicsObject):  # type: ignore[misc]
    """Bars at x = 0, 1, 2 … (one per bar, no gaps over nights and weekends).

    `set_data` takes numpy arrays of open, high, low and close (floats: pixels, not money).
    The whole series is painted into one QPicture when the data change; painting the
    item then only replays it, however often the view scrolls or the crosshair moves.
    """

    def __init__(self, width: float = 0.6) -> None:
        super().__init__()
        self.width = width
        self.opens = self.highs = self.lows = self.closes = np.zeros(0)
        self._picture = QPicture()
        self._bounds = QRectF()

    def set_data(
        self, opens: np.ndarray, highs: np.ndarray, lows: np.ndarray, closes: np.ndarray
    ) -> None:
        self.opens, self.highs, self.lows, self.closes = opens, highs, lows, closes
        self._render()
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.update()

    def _render(self) -> None:
        picture = QPicture()
        painter = QPainter(picture)
        count = len(self.opens)
        half = self.width / 2
        for rising, color in ((True, UP), (False, DOWN)):
            pen = QPen(color)
            pen.setCosmetic(True)
            pen.setWidthF(1.0)
            painter.setPen(pen)
            painter.setBrush(color)
            for i in range(count):
                o, h, low, c = self.opens[i], self.highs[i], self.lows[i], self.closes[i]
                if (c >= o) != rising:
                    continue
                # Never a zero-length line: QPicture plays a degenerate cosmetic stroke
                # back in data units, a block as tall as the view.
                if h > low:
                    painter.drawLine(QPointF(i, low), QPointF(i, h))
                top, bottom = max(o, c), min(o, c)
                painter.drawRect(QRectF(i - half, bottom, self.width, top - bottom))
        painter.end()
        self._picture = picture
        if count:
            low, high = float(np.min(self.lows)), float(np.max(self.highs))
            self._bounds = QRectF(-half, low, count - 1 + self.width, max(high - low, 1e-9))
        else:
            self._bounds = QRectF()

    def paint(self, painter: QPainter, *_args: Any) -> None:
        self._picture.play(painter)

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange: Any = None) -> Any:
        """Lets the view auto-range to the candles (the default asks the picture's bounds)."""
        if not len(self.opens):
            return (None, None)
        if axis == 0:
            return (-self.width / 2, len(self.opens) - 1 + self.width / 2)
        lows, highs = self.lows, self.highs
        if orthoRange is not None:
            first = max(0, int(np.floor(orthoRange[0])))
            last = min(len(lows), int(np.ceil(orthoRange[1])) + 1)
            if first >= last:
                return (None, None)
            lows, highs = lows[first:last], highs[first:last]
        return (float(np.min(lows)), float(np.max(highs)))


class IndexTimeAxis(pg.AxisItem):  # type: ignore[misc]
    """An x axis over bar numbers that labels them with the bars' times.

    `label_for(index, previous)` gives a tick's text; `previous` is the bar at the tick
    before it on the same level (so a label can say where a day changes), or None for the
    first major tick in view (so the view's first day is named too).
    """

    def __init__(
        self, label_for: Callable[[int, int | None], str], orientation: str = "bottom"
    ) -> None:
        super().__init__(orientation=orientation)
        self.label_for = label_for
        self._leading: int | None = None

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        levels = super().tickValues(minVal, maxVal, size)
        majors = levels[0][1] if levels else []
        self._leading = round(majors[0]) if len(majors) else None
        return levels  # type: ignore[no-any-return]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        step = max(1, round(spacing))
        texts = []
        for value in values:
            index = round(value)
            texts.append(self.label_for(index, None if index == self._leading else index - step))
        return texts

    def relabel(self) -> None:
        """Labels depend on the UI language and the time zone: drop the cached picture."""
        self.picture = None
        self.update()


class LocaleDateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """An x axis over epoch seconds labelled with dates in the UI language (QLocale)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        from datetime import UTC, datetime

        from PySide6.QtCore import QLocale

        from cesec_desktop.state.formatting import moment_parts

        locale = QLocale()
        texts = []
        for value in values:
            # The display zone (Almaty's unless the user chose this computer's), never Qt's
            # guess of the machine's zone: a day must not shift in New York.
            day, time_of_day = moment_parts(datetime.fromtimestamp(int(value), UTC))
            # One unit per level (year, month, day, time), as pyqtgraph's own date axis does:
            # a level repeating its parent's text crowds the axis and pyqtgraph drops it.
            if spacing >= 300 * 86400:
                texts.append(str(day.year()))
            elif spacing >= 25 * 86400:
                texts.append(
                    locale.standaloneMonthName(day.month(), QLocale.FormatType.ShortFormat)
                )
            elif spacing >= 86400:
                texts.append(locale.toString(day, "d MMM"))
            else:
                texts.append(time_of_day.toString("HH:mm"))
        return texts

    def relabel(self) -> None:
        self.picture = None
        self.update()


class LocaleNumberAxis(pg.AxisItem):  # type: ignore[misc]
    """A value axis with the UI locale's digit grouping and decimal point (no SI prefixes)."""

    def __init__(self, orientation: str = "right") -> None:
        super().__init__(orientation=orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        from PySide6.QtCore import QLocale

        locale = QLocale()
        places = 0 if spacing >= 1 else min(6, max(1, -int(np.floor(np.log10(spacing)))))
        return [locale.toString(float(value * scale), "f", places) for value in values]

    def relabel(self) -> None:
        self.picture = None
        self.update()
