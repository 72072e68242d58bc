"""Markets, instruments, quotes, candles and watchlists."""

from __future__ import annotations

from datetime import datetime, time
from typing import Annotated

from pydantic import Field, PlainSerializer, WithJsonSchema

from cesec_desktop.domain.enums import CandleInterval, Currency, InstrumentKind, Market
from cesec_desktop.domain.models.base import MAX_NAME, Model, Request
from cesec_desktop.domain.money import Dec

# A wall-clock time in the market's own time zone ("11:30"): no offset, since that depends
# on the date (New York's changes twice a year).
LocalTime = Annotated[
    time,
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}:\d{2}$", "examples": ["11:30"]}),
]


class MarketInfo(Model):
    id: Market
    name: str = Field(max_length=MAX_NAME)
    currency: Currency
    timezone: str
    session_open: LocalTime
    session_close: LocalTime
    is_open: bool


class Instrument(Model):
    id: str = Field(description="MARKET:TICKER")
    market: Market
    ticker: str
    name: str = Field(max_length=MAX_NAME)
    isin: str | None = None
    currency: Currency
    kind: InstrumentKind
    lot_size: int = 1
    price_step: Dec
    face_value: Dec | None = Field(
        default=None, description="Bonds: price is % of this face value, clean price"
    )


class Quote(Model):
    instrument_id: str
    last: Dec
    change: Dec
    change_pct: Dec
    bid: Dec | None = None
    ask: Dec | None = None
    bid_size: Dec | None = None
    ask_size: Dec | None = None
    open: Dec | None = None
    high: Dec | None = None
    low: Dec | None = None
    prev_close: Dec
    volume: Dec
    time: datetime


class Candle(Model):
    time: datetime
    open: Dec
    high: Dec
    low: Dec
    close: Dec
    volume: Dec


class CandleSeries(Model):
    instrument_id: str
    interval: CandleInterval
    items: list[Candle]


class Watchlist(Model):
    market: Market
    instrument_ids: list[str]


class Watchlists(Model):
    items: list[Watchlist]


class WatchlistUpdate(Request):
    instrument_ids: list[str] = Field(max_length=300)
