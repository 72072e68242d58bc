"""Market rules: currency, trading sessions (Asia/Almaty) and the exchange calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cesec_desktop.domain.enums import Currency, Market

ALMATY = ZoneInfo("Asia/Almaty")


@dataclass(frozen=True)
class MarketRules:
    market: Market
    name: str
    currency: Currency
    timezone: str
    session_open: time
    session_close: time
    settlement_days: int = 2


# Sessions in Almaty time (one zone, UTC+5, since March 2024). INTL follows the US regular
# session, 09:30-16:00 New York, which is 19:30-02:00 Almaty in winter; the broker routes it.
MARKETS: dict[Market, MarketRules] = {
    Market.KASE: MarketRules(
        Market.KASE,
        "Kazakhstan Stock Exchange",
        Currency.KZT,
        "Asia/Almaty",
        time(11, 30),
        time(17, 0),
    ),
    Market.AIX: MarketRules(
        Market.AIX,
        "Astana International Exchange",
        Currency.USD,
        "Asia/Almaty",
        time(11, 30),
        time(17, 0),
    ),
    Market.INTL: MarketRules(
        Market.INTL,
        "International markets",
        Currency.USD,
        "America/New_York",
        time(9, 30),
        time(16, 0),
    ),
}


def is_trading_day(day: date) -> bool:
    """Monday to Friday; the mock keeps no holiday calendar."""
    return day.weekday() < 5


def is_session_open(market: Market, at: datetime) -> bool:
    """Whether continuous trading is on at `at` (an aware datetime)."""
    rules = MARKETS[market]
    local = at.astimezone(ZoneInfo(rules.timezone))
    return is_trading_day(local.date()) and rules.session_open <= local.time() < rules.session_close


def session_close_at(market: Market, day: date) -> datetime:
    """The aware datetime when `day`'s session closes on `market`."""
    rules = MARKETS[market]
    return datetime.combine(day, rules.session_close, tzinfo=ZoneInfo(rules.timezone))


def exchange_date(at: datetime) -> date:
    """The exchange day of `at`: the Almaty calendar date."""
    return at.astimezone(ALMATY).date()


def settlement_date(trade_day: date, days: int = 2) -> date:
    """T+N in trading days."""
    current = trade_day
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_trading_day(current):
            remaining -= 1
    return current


def session_day(market: Market, at: datetime) -> date:
    """The day of the session an order placed at `at` trades in: today's if it has not closed,
    else the next trading day's. A day order's default validity."""
    rules = MARKETS[market]
    local = at.astimezone(ZoneInfo(rules.timezone))
    day = local.date()
    if is_trading_day(day) and local.time() < rules.session_close:
        return day
    day += timedelta(days=1)
    while not is_trading_day(day):
        day += timedelta(days=1)
    return day
