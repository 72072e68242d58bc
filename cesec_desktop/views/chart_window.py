"""An instrument's chart: candlesticks with volume, live last bar, crosshair, Buy and Sell.

Times are shown as every other screen shows them (`state.formatting`: Almaty time unless
the user chose this computer's); the time axis names the date where a day begins, and the
window closes with Esc or Ctrl+W like the app's other secondary windows.

This module loads pyqtgraph and numpy: import it where a chart is opened, never on the
start-up path.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.domain.markets import MARKETS
from cesec_desktop.state import formatting
from cesec_desktop.state.chart_data import INTERVALS, Bar, ChartData
from cesec_desktop.state.formatting import (
    format_day,
    format_decimal,
    format_moment_short,
    format_time,
    zone_label,
)
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.dialogs import return_focus
from cesec_desktop.views.widgets.candlestick_item import (
    CandlestickItem,
    IndexTimeAxis,
    LocaleNumberAxis,
    adopt_options_menu,
    pyqtgraph_module,
)

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

REDRAW_MS = 250
"""The live bar is redrawn at most this often, however fast the quotes come."""

CLOSE_KEYS = [QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")]
"""Esc and Ctrl+W close the chart, as they close a document window."""


def open_order_form_for(
    parent: QWidget,
    session: Session,
    tasks: TaskTracker,
    *,
    instrument_id: str,
    side: str,
    account_id: str | None = None,
) -> Any:
    """Open the order form (issue 4's module, loaded on first use) with the instrument set."""
    import inspect

    from cesec_desktop.views.order_form import open_order_form

    result = open_order_form(
        parent, session, instrument_id=instrument_id, side=side, account_id=account_id
    )
    if inspect.iscoroutine(result):
        return tasks.spawn(result, name="order-form")
    return result


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(2, -exponent if isinstance(exponent, int) else 2)


class ChartWindow(QWidget):
    """A chart window for one instrument; `is_broker` hides Buy and Sell."""

    def __init__(
        self,
        session: Session,
        instrument_id: str,
        interval: str = "5m",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        pg = pyqtgraph_module()
        self.setObjectName("chartWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return_focus(self)  # Esc or Ctrl+W: back to the row the chart was opened from
        self.session = session
        self.instrument_id = instrument_id
        self.tasks = TaskTracker("chart-window", owner=self)
        self.data = ChartData(session, instrument_id, interval, self)
        self.hovered: int | None = None
        me = session.me
        self.read_only = me is not None and str(getattr(me.role, "value", me.role)) == "broker"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.title = QLabel(instrument_id, self)
        self.title.setObjectName("chartTitle")
        self.title.setProperty("role", "title")
        top.addWidget(self.title)
        self.subtitle = QLabel(self)
        self.subtitle.setProperty("role", "muted")
        top.addWidget(self.subtitle, 1)
        self.interval_group = QButtonGroup(self)
        self.interval_group.setExclusive(True)
        self.interval_buttons: dict[str, QToolButton] = {}
        for name in INTERVALS:
            button = QToolButton(self)
            button.setObjectName(f"interval_{name}")
            button.setCheckable(True)
            button.setChecked(name == interval)
            button.setMinimumWidth(52)
            button.setProperty("role", "segment")
            button.clicked.connect(lambda _=False, n=name: self.set_interval(n))
            self.interval_group.addButton(button)
            self.interval_buttons[name] = button
            top.addWidget(button)
        top.addSpacing(12)
        # Coloured by the theme's QPushButton[side=...] rules, as the order form's sides are.
        self.buy_button = QPushButton(self)
        self.buy_button.setObjectName("chartBuy")
        self.buy_button.setProperty("role", "trade")
        self.buy_button.setProperty("side", "buy")
        self.buy_button.clicked.connect(lambda: self.trade("buy"))
        self.sell_button = QPushButton(self)
        self.sell_button.setObjectName("chartSell")
        self.sell_button.setProperty("role", "trade")
        self.sell_button.setProperty("side", "sell")
        self.sell_button.clicked.connect(lambda: self.trade("sell"))
        for button in (self.buy_button, self.sell_button):
            button.setVisible(not self.read_only)
            top.addWidget(button)
        layout.addLayout(top)

        self.readout = QLabel(self)
        self.readout.setObjectName("chartReadout")
        self.readout.setProperty("role", "mono")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.readout)

        self.stack = QStackedLayout()
        self.plots = pg.GraphicsLayoutWidget(self)
        self.plots.setObjectName("chartPlots")
        self.plots.ci.layout.setContentsMargins(0, 0, 0, 0)
        self.plots.ci.layout.setSpacing(4)
        self.time_axis = IndexTimeAxis(self._tick_label)
        self.volume_axis = IndexTimeAxis(self._tick_label)
        self.price_axis = LocaleNumberAxis(orientation="right")
        self.volume_value_axis = LocaleNumberAxis(orientation="right")
        self.price_plot = self.plots.addPlot(
            row=0, col=0, axisItems={"bottom": self.time_axis, "right": self.price_axis}
        )
        self.volume_plot = self.plots.addPlot(
            row=1, col=0, axisItems={"bottom": self.volume_axis, "right": self.volume_value_axis}
        )
        self.price_plot.getAxis("bottom").setStyle(showValues=False)
        self.volume_plot.setXLink(self.price_plot)
        self.volume_plot.setMaximumHeight(130)
        self.plots.ci.layout.setRowStretchFactor(0, 4)
        self.plots.ci.layout.setRowStretchFactor(1, 1)
        for plot in (self.price_plot, self.volume_plot):
            plot.showAxis("right")
            plot.hideAxis("left")
            plot.setMenuEnabled(False)
            adopt_options_menu(plot, self)
            plot.hideButtons()
            plot.getViewBox().setMouseEnabled(x=True, y=False)
            plot.showGrid(x=False, y=True, alpha=0.15)
            plot.getAxis("right").setWidth(70)
        self.volume_axis.setHeight(self.fontMetrics().height() + 16)
        self.candles = CandlestickItem()
        self.price_plot.addItem(self.candles)
        self.volume_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush="#8fa3bf")
        self.volume_plot.addItem(self.volume_bars)
        self.cross_x = pg.InfiniteLine(angle=90, movable=False)
        self.cross_y = pg.InfiniteLine(angle=0, movable=False)
        self.cross_v = pg.InfiniteLine(angle=90, movable=False)
        for line, plot in (
            (self.cross_x, self.price_plot),
            (self.cross_y, self.price_plot),
            (self.cross_v, self.volume_plot),
        ):
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
        self.plots.scene().sigMouseMoved.connect(self.hover_at_scene)
        self.message = QLabel(self)
        self.message.setObjectName("chartMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "emptyTitle")
        self.stack.addWidget(self.plots)
        self.stack.addWidget(self.message)
        layout.addLayout(self.stack, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self._redraw_if_changed)
        self.timer.start()
        self.data.loaded.connect(self._on_loaded)
        self.data.failed.connect(self._on_failed)
        self.data.loadingChanged.connect(self._on_loading)
        formatting.notifier().changed.connect(self._zone_changed)
        self.close_action = QAction(self)
        self.close_action.setObjectName("closeChart")
        self.close_action.setShortcuts(CLOSE_KEYS)
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        self.apply_theme()
        self.retranslate()
        self.resize(QSize(980, 620))
        self.data.reload()

    # --- data ------------------------------------------------------------------------------

    @property
    def bars(self) -> list[Bar]:
        return self.data.bars

    def set_interval(self, interval: str) -> None:
        self.interval_buttons[interval].setChecked(True)
        self.hovered = None
        self.data.set_interval(interval)

    def _on_loading(self, loading: bool) -> None:
        if loading and not self.data.bars:
            self._show_message(self.tr("Loading the chart…"))

    def _on_failed(self, error: Exception) -> None:
        from cesec_desktop.views.messages import describe

        self._show_message(describe(error))

    def _on_loaded(self) -> None:
        instrument = self.data.instrument
        if instrument is not None:
            self.title.setText(instrument.ticker)
            market = str(getattr(instrument.market, "value", instrument.market))
            currency = str(getattr(instrument.currency, "value", instrument.currency))
            self.subtitle.setText(f"{instrument.name} · {market} · {currency}")
            self.setWindowTitle(f"{instrument.ticker} · {instrument.name}")
        if not self.data.bars:
            self._show_message(self.tr("No trades in this period yet."))
            return
        self.stack.setCurrentWidget(self.plots)
        self.redraw()
        self.price_plot.enableAutoRange()
        count = len(self.data.bars)
        self.price_plot.setXRange(max(-0.5, count - 120), count - 0.5 + 2, padding=0)
        self.price_plot.enableAutoRange(axis="y")
        self.price_plot.setAutoVisible(y=True)
        self.volume_plot.enableAutoRange(axis="y")
        self.volume_plot.setAutoVisible(y=True)
        self._show_readout(count - 1)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _redraw_if_changed(self) -> None:
        if self.data.take_changes():
            if self.stack.currentWidget() is not self.plots:
                self.stack.setCurrentWidget(self.plots)
            self.redraw()
            if self.hovered is None or self.hovered >= len(self.data.bars) - 1:
                self._show_readout(len(self.data.bars) - 1)

    def redraw(self) -> None:
        import numpy as np

        bars = self.data.bars
        # Floats from here on: these are pixel positions, not amounts.
        opens = np.fromiter((float(b.open) for b in bars), float, len(bars))
        highs = np.fromiter((float(b.high) for b in bars), float, len(bars))
        lows = np.fromiter((float(b.low) for b in bars), float, len(bars))
        closes = np.fromiter((float(b.close) for b in bars), float, len(bars))
        volumes = np.fromiter((float(b.volume) for b in bars), float, len(bars))
        self.candles.set_data(opens, highs, lows, closes)
        self.volume_bars.setOpts(x=np.arange(len(bars)), height=volumes, width=0.6)
        self.redraws = getattr(self, "redraws", 0) + 1

    # --- crosshair -------------------------------------------------------------------------

    def hover_at_scene(self, scene_pos: QPointF) -> None:
        """The crosshair follows the mouse; the readout shows the bar under it."""
        if not self.data.bars:
            return
        box = self.price_plot.getViewBox()
        volume_box = self.volume_plot.getViewBox()
        if box.sceneBoundingRect().contains(scene_pos):
            point = box.mapSceneToView(scene_pos)
        elif volume_box.sceneBoundingRect().contains(scene_pos):
            point = volume_box.mapSceneToView(scene_pos)
            point = QPointF(point.x(), self.cross_y.value())
        else:
            for line in (self.cross_x, self.cross_y, self.cross_v):
                line.setVisible(False)
            self.hovered = None
            self._show_readout(len(self.data.bars) - 1)
            return
        index = min(max(round(point.x()), 0), len(self.data.bars) - 1)
        self.hovered = index
        for line in (self.cross_x, self.cross_v):
            line.setPos(index)
            line.setVisible(True)
        self.cross_y.setPos(point.y())
        self.cross_y.setVisible(True)
        self._show_readout(index)

    def _show_readout(self, index: int) -> None:
        if not (0 <= index < len(self.data.bars)):
            self.readout.setText("")
            return
        bar = self.data.bars[index]
        places = max(_places(bar.open), _places(bar.high), _places(bar.low), _places(bar.close))
        names = (self.tr("Open"), self.tr("High"), self.tr("Low"), self.tr("Close"))
        values = (bar.open, bar.high, bar.low, bar.close)
        parts = [f"{n} {format_decimal(v, places)}" for n, v in zip(names, values, strict=True)]
        parts.append(self.tr("Volume") + " " + format_decimal(bar.volume, 0))
        moment = self.time_text(bar, detailed=True)
        self.readout.setText(f"{moment}    " + "    ".join(parts))

    def _tick_label(self, index: int, previous: int | None) -> str:
        """A bar's time on the axis; its date instead where the day differs from the bar at
        the previous tick (`previous`), and at the leading tick (None), so a day is named."""
        bars = self.data.bars
        if not 0 <= index < len(bars):
            return ""
        bar = bars[index]
        if (
            self.data.interval == "1d"
            or previous is None
            or not 0 <= previous < len(bars)
            or self.bar_day(bars[previous]) != self.bar_day(bar)
        ):
            return format_day(self.bar_day(bar))
        return self.time_text(bar)

    def bar_day(self, bar: Bar) -> date:
        """The day a bar belongs to: a daily bar's trading day on its market's calendar
        (it opens at the market's midnight), an intraday bar's date where times are shown."""
        if self.data.interval == "1d":
            return bar.time.astimezone(self._market_zone()).date()
        return bar.time.astimezone(formatting.display_zone()).date()

    def _market_zone(self) -> ZoneInfo:
        market = self.instrument_id.partition(":")[0]
        rules = next((r for m, r in MARKETS.items() if m.value == market), None)
        return ZoneInfo(rules.timezone if rules is not None else "Asia/Almaty")

    def time_text(self, bar: Bar, detailed: bool = False) -> str:
        """A bar's moment for the readout (detailed: with its date), as every screen shows it."""
        if self.data.interval == "1d":
            return format_day(self.bar_day(bar))
        return format_moment_short(bar.time) if detailed else format_time(bar.time, seconds=False)

    # --- actions ---------------------------------------------------------------------------

    def trade(self, side: str) -> Any:
        if self.read_only:
            return None
        return open_order_form_for(
            self, self.session, self.tasks, instrument_id=self.instrument_id, side=side
        )

    # --- look and language -----------------------------------------------------------------

    def apply_theme(self) -> None:
        palette = self.palette()
        base = palette.color(palette.ColorRole.Base)
        muted = palette.color(palette.ColorRole.PlaceholderText)
        self.plots.setBackground(base)
        for plot in (self.price_plot, self.volume_plot):
            for name in ("bottom", "right"):
                axis = plot.getAxis(name)
                axis.setPen(muted)
                axis.setTextPen(muted)
        pen = pyqtgraph_module().mkPen(muted, style=Qt.PenStyle.DashLine, width=1)
        for line in (self.cross_x, self.cross_y, self.cross_v):
            line.setPen(pen)

    def retranslate(self) -> None:
        labels = {
            "1m": self.tr("1m"),
            "5m": self.tr("5m"),
            "1h": self.tr("1h"),
            "1d": self.tr("1d"),
        }
        for name, button in self.interval_buttons.items():
            button.setText(labels[name])
        self.buy_button.setText(self.tr("Buy"))
        self.sell_button.setText(self.tr("Sell"))
        self.readout.setToolTip(zone_label())
        if self.data.instrument is None:
            self.setWindowTitle(self.tr("Chart · %1").replace("%1", self.instrument_id))
        if self.data.bars:
            self._show_readout(
                self.hovered if self.hovered is not None else len(self.data.bars) - 1
            )
            for axis in (self.time_axis, self.volume_axis, self.price_axis, self.volume_value_axis):
                axis.relabel()

    def _zone_changed(self, _choice: str) -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_theme()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            formatting.notifier().changed.disconnect(self._zone_changed)
        for task in self.tasks.pending:
            task.cancel()
        self.data.stop()
        super().closeEvent(event)


def open_chart(parent: QWidget | None, session: Session, instrument_id: str) -> ChartWindow:
    """Show a chart window for the instrument (e.g. on a double-click in a quote table)."""
    window = ChartWindow(session, instrument_id, parent=parent)
    window.show()
    return window
