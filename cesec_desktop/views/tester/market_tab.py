"""The Market tab: each market held open, closed or on its hours; the mock's clock moved to a
close, to the next session or by minutes; an instrument's price set."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.domain.enums import Market
from cesec_desktop.state import formatting
from cesec_desktop.state.session import Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.tester import Topic, Workbench
from cesec_desktop.views.style import restyle
from cesec_desktop.views.tester.common import TesterTab, grid, perform, section, server_words
from cesec_desktop.views.tester.int_field import IntField
from cesec_desktop.views.widgets.decimal_field import DecimalField
from cesec_desktop.views.widgets.instrument_search import InstrumentSearch

MODES = ("auto", "open", "closed")
MAX_MINUTES = 7 * 24 * 60
PRICE_PLACES = 8


def offset_words(seconds: float) -> tuple[int, int, int]:
    """Days, hours and minutes of a clock offset (its sign apart)."""
    minutes = int(abs(seconds) // 60)
    return minutes // (24 * 60), minutes // 60 % 24, minutes % 60


class MarketTab(TesterTab):
    """Markets, the clock and prices; each change says what the mock answered."""

    topic = Topic.MARKET

    def __init__(
        self,
        workbench: Workbench,
        session: Session | None,
        tasks: TaskTracker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workbench, "testerMarketTab", parent)
        self.session = session
        self.tasks = tasks
        self._clock_at: tuple[datetime, float, float] | None = None
        """The mock's time, its offset and when (monotonic) it was read."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self._build_markets(), 1)
        top.addWidget(self._build_clock(), 1)
        layout.addLayout(top)
        layout.addWidget(self._build_price())
        layout.addStretch(1)
        layout.addWidget(self.status)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_time)
        workbench.marketHoursChanged.connect(self.show_hours)
        workbench.clockChanged.connect(self.show_clock)
        self.retranslate()

    # --- building ----------------------------------------------------------------------

    def _build_markets(self) -> QWidget:
        frame, layout, self.markets_title = section(self, "testerMarketsPanel")
        rows = grid()
        self.market_labels: dict[Market, QLabel] = {}
        self.open_labels: dict[Market, QLabel] = {}
        self.mode_groups: dict[Market, QButtonGroup] = {}
        self.mode_buttons: dict[tuple[Market, str], QPushButton] = {}
        for row, market in enumerate(Market):
            name = QLabel(market.value, frame)
            name.setProperty("role", "cardTitle")
            self.market_labels[market] = name
            rows.addWidget(name, row, 0)
            pill = QLabel(frame)
            pill.setObjectName(f"testerOpen_{market.value}")
            pill.setProperty("role", "pill")
            pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.open_labels[market] = pill
            rows.addWidget(pill, row, 1)
            segments = QFrame(frame)
            segments.setObjectName(f"testerModes_{market.value}")
            segments.setProperty("role", "segments")
            line = QHBoxLayout(segments)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(0)
            group = QButtonGroup(self)
            group.setExclusive(True)
            for number, mode in enumerate(MODES):
                button = QPushButton(segments)
                button.setObjectName(f"testerMode_{market.value}_{mode}")
                button.setCheckable(True)
                button.setProperty(
                    "segment", "first" if number == 0 else "last" if mode == MODES[-1] else "inner"
                )
                button.clicked.connect(lambda _=False, m=market, mo=mode: self.set_mode(m, mo))
                group.addButton(button)
                line.addWidget(button)
                self.mode_buttons[(market, mode)] = button
            self.mode_groups[market] = group
            rows.addWidget(segments, row, 2, Qt.AlignmentFlag.AlignLeft)
        rows.setColumnStretch(3, 1)
        layout.addLayout(rows)
        self.markets_note = QLabel(frame)
        self.markets_note.setProperty("role", "note")
        self.markets_note.setWordWrap(True)
        layout.addWidget(self.markets_note)
        layout.addStretch(1)
        return frame

    def _build_clock(self) -> QWidget:
        frame, layout, self.clock_title = section(self, "testerClockPanel")
        self.time_label = QLabel(frame)
        self.time_label.setObjectName("testerMockTime")
        self.time_label.setProperty("role", "subtitle")
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.time_label)
        self.offset_label = QLabel(frame)
        self.offset_label.setObjectName("testerMockOffset")
        self.offset_label.setProperty("role", "muted")
        layout.addWidget(self.offset_label)
        jumps = QHBoxLayout()
        jumps.setSpacing(8)
        self.jump_market_label = QLabel(frame)
        self.jump_market = QComboBox(frame)
        self.jump_market.setObjectName("testerJumpMarket")
        for market in Market:
            self.jump_market.addItem(market.value, market.value)
        self.jump_market_label.setBuddy(self.jump_market)
        jumps.addWidget(self.jump_market_label)
        jumps.addWidget(self.jump_market)
        self.close_button = QPushButton(frame)
        self.close_button.setObjectName("testerJumpCloseButton")
        self.close_button.clicked.connect(lambda: self.jump("close"))
        jumps.addWidget(self.close_button)
        self.next_button = QPushButton(frame)
        self.next_button.setObjectName("testerJumpNextButton")
        self.next_button.clicked.connect(lambda: self.jump("next_session"))
        jumps.addWidget(self.next_button)
        jumps.addStretch(1)
        layout.addLayout(jumps)
        forward = QHBoxLayout()
        forward.setSpacing(8)
        self.minutes = IntField("testerAdvanceMinutes", 1, MAX_MINUTES, 15, frame)
        self.minutes.returnPressed.connect(self.advance)
        self.minutes_label = QLabel(frame)
        self.minutes_label.setBuddy(self.minutes)
        forward.addWidget(self.minutes_label)
        forward.addWidget(self.minutes)
        self.advance_button = QPushButton(frame)
        self.advance_button.setObjectName("testerAdvanceButton")
        self.advance_button.clicked.connect(self.advance)
        forward.addWidget(self.advance_button)
        forward.addStretch(1)
        self.real_button = QPushButton(frame)
        self.real_button.setObjectName("testerRealTimeButton")
        self.real_button.clicked.connect(self.real_time)
        forward.addWidget(self.real_button)
        layout.addLayout(forward)
        layout.addStretch(1)
        return frame

    def _build_price(self) -> QWidget:
        frame, layout, self.price_title = section(self, "testerPricePanel")
        rows = QGridLayout()
        rows.setHorizontalSpacing(10)
        rows.setVerticalSpacing(4)
        self.instrument_label = QLabel(frame)
        self.instrument = InstrumentSearch(frame)
        self.instrument.setObjectName("testerPriceInstrument")
        self.instrument_label.setBuddy(self.instrument.edit)
        if self.session is not None:
            session = self.session
            self.instrument.set_searcher(
                lambda text: session.call(lambda c: c.search_instruments(text, limit=20))
            )
        self.price_label = QLabel(frame)
        self.price_edit = QLineEdit(frame)
        self.price_edit.setObjectName("testerPriceEdit")
        self.price_edit.setMaximumWidth(160)
        self.price_label.setBuddy(self.price_edit)
        self.price = DecimalField(self.price_edit, places=2, max_places=PRICE_PLACES)
        self.price.edited.connect(lambda _value: self._price_error(""))
        self.price_edit.returnPressed.connect(self.set_price)
        self.price_button = QPushButton(frame)
        self.price_button.setObjectName("testerSetPriceButton")
        self.price_button.setProperty("role", "primary")
        self.price_button.clicked.connect(self.set_price)
        rows.addWidget(self.instrument_label, 0, 0)
        rows.addWidget(self.price_label, 0, 1)
        rows.addWidget(self.instrument, 1, 0)
        rows.addWidget(self.price_edit, 1, 1)
        rows.addWidget(self.price_button, 1, 2)
        rows.setColumnStretch(0, 1)
        layout.addLayout(rows)
        self.price_error = QLabel(frame)
        self.price_error.setObjectName("testerPriceError")
        self.price_error.setProperty("role", "error")
        self.price_error.setWordWrap(True)
        self.price_error.hide()
        layout.addWidget(self.price_error)
        return frame

    # --- what the mock says ------------------------------------------------------------

    def show_hours(self, hours: Any) -> None:
        for market in Market:
            mode = hours.modes.get(market, "auto")
            button = self.mode_buttons.get((market, mode))
            if button is not None:
                button.setChecked(True)
            self._show_open(market, hours.open_now.get(market))
        self.read_succeeded()

    def _show_open(self, market: Market, is_open: bool | None) -> None:
        pill = self.open_labels[market]
        if is_open is None:
            pill.setText("")
            return
        pill.setText(self.tr("open now") if is_open else self.tr("closed now"))
        restyle(pill, tone="positive" if is_open else "muted")

    def show_clock(self, now: Any) -> None:
        self._clock_at = (now.now, now.offset_seconds, time.monotonic())
        self._show_time()

    def _show_time(self) -> None:
        if self._clock_at is None:
            self.time_label.setText(self.tr("Reading the mock's clock…"))
            self.offset_label.setText("")
            return
        at, offset, read = self._clock_at
        now = at + timedelta(seconds=time.monotonic() - read)
        self.time_label.setText(formatting.format_moment(now))
        zone = formatting.zone_label()
        if abs(offset) < 60:
            real = self.tr("Real time.")
            self.offset_label.setText(f"{real} {zone}.")
            return
        days, hours, minutes = offset_words(offset)
        amount = self.tr("%1 d %2 h %3 min") if days else self.tr("%2 h %3 min")
        amount = amount.replace("%1", str(days)).replace("%2", str(hours))
        amount = amount.replace("%3", f"{minutes:02d}")
        text = self.tr("%1 ahead of real time.") if offset > 0 else self.tr("%1 behind real time.")
        self.offset_label.setText(f"{text.replace('%1', amount)} {zone}.")

    # --- actions -----------------------------------------------------------------------

    def set_mode(self, market: Market, mode: str) -> None:
        self.tasks.spawn(self._set_mode(market, mode), name="tester-market-mode")

    async def _set_mode(self, market: Market, mode: str) -> None:
        buttons = [self.mode_buttons[(market, m)] for m in MODES]
        outcome = await perform(
            self.status,
            buttons,
            self.tr("Changing the hours of %1…").replace("%1", market.value),
            self.workbench.set_market_mode(market.value, mode),  # type: ignore[arg-type]
        )
        hours = outcome.value
        if hours is None:
            if self.workbench.market_hours is not None:
                self.show_hours(self.workbench.market_hours)  # the buttons as they were
            return
        if mode == "open":
            text = self.tr("%1 is held open.")
        elif mode == "closed":
            text = self.tr("%1 is held closed.")
        elif hours.open_now.get(market):
            text = self.tr("%1 follows its hours: open now.")
        else:
            text = self.tr("%1 follows its hours: closed now.")
        self.status.done(text.replace("%1", market.value))

    def _clock_buttons(self) -> list[QWidget]:
        return [self.close_button, self.next_button, self.advance_button, self.real_button]

    def jump(self, where: str) -> None:
        market = str(self.jump_market.currentData())
        self.tasks.spawn(self._jump(where, market), name="tester-clock-jump")

    async def _jump(self, where: str, market: str) -> None:
        progress = (
            self.tr("Moving the clock to the %1 close…")
            if where == "close"
            else self.tr("Moving the clock to the next %1 session…")
        )
        outcome = await perform(
            self.status,
            self._clock_buttons(),
            progress.replace("%1", market),
            self.workbench.jump_clock(where, market),  # type: ignore[arg-type]
        )
        self._moved(outcome.value)

    def advance(self) -> None:
        minutes = self.minutes.value()
        self.tasks.spawn(self._advance(minutes), name="tester-clock-advance")

    async def _advance(self, minutes: int) -> None:
        outcome = await perform(
            self.status,
            self._clock_buttons(),
            self.tr("Moving the clock %1 min forward…").replace("%1", str(minutes)),
            self.workbench.advance_clock(minutes),
        )
        self._moved(outcome.value)

    def real_time(self) -> None:
        self.tasks.spawn(self._real_time(), name="tester-clock-reset")

    async def _real_time(self) -> None:
        outcome = await perform(
            self.status,
            self._clock_buttons(),
            self.tr("Putting the clock back to real time…"),
            self.workbench.reset_clock(),
        )
        self._moved(outcome.value)

    def _moved(self, now: Any) -> None:
        if now is not None:
            self.status.done(
                self.tr("The mock's time is now %1.").replace(
                    "%1", formatting.format_moment(now.now)
                )
            )

    def set_price(self) -> None:
        instrument = self.instrument.instrument
        if instrument is None:
            self._price_error(self.tr("Choose an instrument first."))
            self.instrument.setFocus()
            return
        error = self.price.error_text()
        value = self.price.value()
        if not error and (value is None or value <= 0):
            error = self.tr("Type a price above zero.")
        if error or value is None:
            self._price_error(error)
            self.price_edit.setFocus()
            return
        self._price_error("")
        self.tasks.spawn(self._set_price(instrument.id, value), name="tester-price")

    async def _set_price(self, instrument_id: str, price: Decimal) -> None:
        outcome = await perform(
            self.status,
            [self.price_button],
            self.tr("Setting %1 to %2…")
            .replace("%1", instrument_id)
            .replace("%2", formatting.format_price(price)),
            self.workbench.set_price(instrument_id, price),
            show_error=False,
        )
        quote = outcome.value
        if quote is not None:
            self.status.done(
                self.tr("%1 now trades at %2 (bid %3, ask %4).")
                .replace("%1", quote.instrument_id)
                .replace("%2", formatting.format_price(quote.last))
                .replace("%3", formatting.format_price(quote.bid))
                .replace("%4", formatting.format_price(quote.ask))
            )
        elif outcome.error is not None:
            self._price_error(server_words(outcome.error))
            self.status.failed(self.tr("The price was not set."))

    def _price_error(self, text: str) -> None:
        self.price_error.setText(text)
        self.price_error.setVisible(bool(text))
        self.price_edit.setAccessibleDescription(text)

    # --- life ----------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        self._tick.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self._tick.stop()
        super().hideEvent(event)

    # --- texts -------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Market")

    def retranslate(self) -> None:
        self.markets_title.setText(self.tr("Markets"))
        mode_texts = {
            "auto": self.tr("On hours"),
            "open": self.tr("Open"),
            "closed": self.tr("Closed"),
        }
        for (market, mode), button in self.mode_buttons.items():
            button.setText(mode_texts[mode])
            button.setAccessibleName(f"{market.value}: {mode_texts[mode]}")
        self.markets_note.setText(
            self.tr(
                "On hours: open during the market's session on the mock's clock. Open or "
                "Closed: held so whatever the clock says."
            )
        )
        hours = self.workbench.market_hours
        for market in Market:
            self._show_open(market, hours.open_now.get(market) if hours is not None else None)
        self.clock_title.setText(self.tr("The mock's clock"))
        self.jump_market_label.setText(self.tr("Market:"))
        self.jump_market.setAccessibleName(self.tr("Market whose session the clock follows"))
        self.close_button.setText(self.tr("To the close"))
        self.close_button.setToolTip(
            self.tr("To the market's next session close (today's, if it is still ahead)")
        )
        self.next_button.setText(self.tr("To the next session"))
        self.next_button.setToolTip(self.tr("To the opening of the market's next session"))
        self.minutes_label.setText(self.tr("Minutes:"))
        self.minutes.setAccessibleName(self.tr("Minutes to move the clock forward"))
        self.advance_button.setText(self.tr("Move forward"))
        self.real_button.setText(self.tr("Back to real time"))
        self.price_title.setText(self.tr("Set a price"))
        self.instrument_label.setText(self.tr("Instrument:"))
        self.instrument.edit.setAccessibleName(self.tr("Instrument"))
        self.instrument.retranslate()
        self.price_label.setText(self.tr("Price:"))
        self.price_edit.setAccessibleName(self.tr("New price"))
        self.price_button.setText(self.tr("Set price"))
        self._show_time()
