"""Where `POST /mock/clock {"jump": ...}` moves the mock clock: a market's next close or open.

Computed in the market's own zone (Almaty for KASE/AIX, New York for INTL), over the
calendar that `domain.markets` keeps (Monday to Friday, no holidays), with the market's
session hours or a scenario's own (`hours`: open, close).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import MARKETS, is_trading_day

Hours = tuple[time, time]
"""A session's open and close, in the market's zone."""


def _next_trading_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_trading_day(day):
        day += timedelta(days=1)
    return day


def next_close(market: Market, at: datetime, hours: Hours | None = None) -> datetime:
    """Today's close while today's session has not closed yet; else the next trading day's."""
    rules = MARKETS[market]
    close = hours[1] if hours is not None else rules.session_close
    zone = ZoneInfo(rules.timezone)
    local = at.astimezone(zone)
    day = local.date()
    if not (is_trading_day(day) and local.time() < close):
        day = _next_trading_day(day)
    return datetime.combine(day, close, tzinfo=zone)


def next_open(market: Market, at: datetime, hours: Hours | None = None) -> datetime:
    """Today's open if it is still ahead; else the next trading day's open."""
    rules = MARKETS[market]
    opening = hours[0] if hours is not None else rules.session_open
    zone = ZoneInfo(rules.timezone)
    local = at.astimezone(zone)
    day = local.date()
    if not (is_trading_day(day) and local.time() < opening):
        day = _next_trading_day(day)
    return datetime.combine(day, opening, tzinfo=zone)
