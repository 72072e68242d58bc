"""The Orders page's period: today, a week, a month or a custom range, as Almaty dates.

The exchange day is Asia/Almaty's (API.md), and the server reads `from`/`to` as Almaty days,
so "today" is Almaty's today wherever the user's computer thinks it is.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.state import clock

WEEK_DAYS = 7


class Period(StrEnum):
    TODAY = "today"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ALL = "all"
    CUSTOM = "custom"


FIRST_DAY = date(2000, 1, 1)
""""All time" starts here: before the broker's first client."""


def almaty_today(now: datetime | None = None) -> date:
    """Today on the exchange's calendar: of `now`, else of the clock in force."""
    moment = now if now is not None else clock.now()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ALMATY).date()


def almaty_date(moment: datetime) -> date:
    """The exchange day a moment belongs to (naive moments are taken as UTC)."""
    return almaty_today(moment)


def month_before(day: date) -> date:
    """The same day one calendar month earlier (31 March -> 28 or 29 February)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _year_before(day: date) -> date:
    """The same day a year earlier (29 February -> 28 February)."""
    return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else day.day))


def period_range(period: Period, today: date) -> tuple[date, date]:
    """The days a preset covers, today included: a week is 7 days, a month one calendar month."""
    if period is Period.TODAY:
        return today, today
    if period is Period.WEEK:
        return today - timedelta(days=WEEK_DAYS - 1), today
    if period is Period.MONTH:
        return month_before(today) + timedelta(days=1), today
    if period is Period.QUARTER:
        return month_before(month_before(month_before(today))) + timedelta(days=1), today
    if period is Period.YEAR:
        return _year_before(today) + timedelta(days=1), today
    if period is Period.ALL:
        return FIRST_DAY, today
    raise ValueError("a custom period needs its own dates")


@dataclass(frozen=True)
class OrdersQuery:
    """Which orders the page lists: the Almaty days from `start` to `end`, both included."""

    start: date
    end: date
    period: Period = Period.CUSTOM

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("the period ends before it starts")

    @classmethod
    def preset(cls, period: Period, today: date | None = None) -> OrdersQuery:
        start, end = period_range(period, today if today is not None else almaty_today())
        return cls(start, end, period)

    @classmethod
    def custom(cls, start: date, end: date) -> OrdersQuery:
        """A range picked by hand; given backwards, it is turned round."""
        if start > end:
            start, end = end, start
        return cls(start, end, Period.CUSTOM)

    def rolled(self, today: date | None = None) -> OrdersQuery:
        """The same preset as of `today` (a page left open past midnight moves on with it)."""
        if self.period is Period.CUSTOM:
            return self
        return OrdersQuery.preset(self.period, today)

    def contains(self, moment: datetime) -> bool:
        """Whether an order made at `moment` belongs to this period."""
        return self.start <= almaty_date(moment) <= self.end
