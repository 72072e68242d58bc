"""Where "now" comes from: one injectable clock for every "today" and "how long ago".

Nothing in the client reads the wall clock directly; it asks a `Clock`. The app runs on
`SYSTEM`; tests install a `FixedClock` (or hand one to a model), so no test depends on the
date, the time of day or the machine's zone. Exchange days are Asia/Almaty's (API.md).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from cesec_desktop.domain.markets import ALMATY


class Clock:
    """The real clock: aware UTC moments."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def almaty_today(self) -> date:
        """Today on the exchange's calendar, wherever the computer thinks it is."""
        return self.now().astimezone(ALMATY).date()


class FixedClock(Clock):
    """A clock that stands still until told to move (tests, screenshots, benchmarks)."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("a fixed clock needs an aware moment")
        self.moment = moment.astimezone(UTC)

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta

    def set(self, moment: datetime) -> None:
        self.moment = moment.astimezone(UTC)


SYSTEM = Clock()
_current: Clock = SYSTEM


def current() -> Clock:
    """The clock in force (asked at each use, so an installed clock applies at once)."""
    return _current


def install(clock: Clock) -> Clock:
    """Make `clock` the one in force; returns the one it replaces."""
    global _current
    previous, _current = _current, clock
    return previous


def now() -> datetime:
    return _current.now()


def almaty_today() -> date:
    return _current.almaty_today()
