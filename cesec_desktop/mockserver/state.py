"""Everything one mock backend instance holds: database, clock, faults, hub and market."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import MARKETS, is_session_open, is_trading_day
from cesec_desktop.mockserver.clock import MockClock
from cesec_desktop.mockserver.config import Faults, MarketOverride, ServerConfig
from cesec_desktop.mockserver.hub import StreamHub


@dataclass(frozen=True)
class QuoteSnapshot:
    """The simulator's current view of one instrument."""

    instrument_id: str
    last: Decimal
    bid: Decimal
    ask: Decimal
    bid_size: Decimal
    ask_size: Decimal
    open: Decimal | None
    high: Decimal | None
    low: Decimal | None
    prev_close: Decimal
    volume: Decimal
    time: datetime


TickListener = Callable[[QuoteSnapshot], None]


class MarketData(Protocol):
    """What the rest of the mock asks of the market simulator."""

    def quote(self, instrument_id: str) -> QuoteSnapshot | None: ...

    def usdkzt(self) -> Decimal: ...

    def add_tick_listener(self, listener: TickListener) -> None: ...

    def set_price(self, instrument_id: str, price: Decimal) -> QuoteSnapshot:
        """Trade at `price` now (`/mock/prices`, scenario timelines); KeyError, ValueError."""
        ...


@dataclass
class ServerState:
    config: ServerConfig
    conn: sqlite3.Connection
    clock: MockClock = field(default_factory=MockClock)
    faults: Faults = field(default_factory=Faults)
    override: MarketOverride = field(default_factory=MarketOverride)
    hub: StreamHub = field(default_factory=StreamHub)
    rng: random.Random = field(default_factory=random.Random)
    market: MarketData | None = None
    trading: Any = None
    """The order engine (trading.Engine), set by `trading.install`."""
    housekeeping: list[Callable[[], None]] = field(default_factory=list)
    """Called about every 200 ms by the simulator loop: order activation, expiry, withdrawals."""
    reset_listeners: list[Callable[[], None]] = field(default_factory=list)
    """Called after `/mock/reset` reseeded the database, to drop in-memory state."""
    session_hours: dict[Market, tuple[time, time]] = field(default_factory=dict)
    """A scenario's own session hours (open, close) in the market's time zone; others keep
    theirs (domain.markets)."""
    scenario_loaded_at: datetime | None = None
    """When the loaded scenario's world was made (mock clock): its timeline counts from here."""
    scenario_timeline: Any = None
    """The loaded scenario's timeline (scenario_timeline.Timeline), run from housekeeping."""
    scenario_base: Any = None
    """The server's own settings before any scenario changed them (scenario_load)."""

    @property
    def scenario_name(self) -> str | None:
        """The loaded scenario's name (`GET /mock`), None for the plain seed."""
        source = self.config.scenario
        return source.scenario.name if source is not None else None

    def is_open(self, market: Market) -> bool:
        mode = self.override.modes.get(market, "auto")
        if mode == "open" or self.config.always_open:
            return mode != "closed"
        if mode == "closed":
            return False
        hours = self.session_hours.get(market)
        if hours is None:
            return is_session_open(market, self.clock.now())
        local = self.clock.now().astimezone(ZoneInfo(MARKETS[market].timezone))
        return is_trading_day(local.date()) and hours[0] <= local.time() < hours[1]

    def require_market(self) -> MarketData:
        if self.market is None:
            raise RuntimeError("market simulator not started")
        return self.market
