"""The password's age: how many days are left, and whether to say so today.

A password expires 60 days after it was set (API.md); seven days before, the app says how
many days are left, at most once per calendar day and per user. Days are counted on the
display zone's calendar (Almaty's unless the user chose this computer's), from an injected
clock, so neither the machine's zone nor the test's date changes the answer.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from cesec_desktop.settings import Settings, user_group
from cesec_desktop.state import clock as clocks
from cesec_desktop.state.formatting import display_zone

NOTICE_DAYS = 7
"""Say how many days are left once this many or fewer remain."""


def days_left(expires_at: datetime, now: datetime, zone: tzinfo | None) -> int:
    """Calendar days from today to the expiry day in `zone` (0: it expires today)."""
    return (expires_at.astimezone(zone).date() - now.astimezone(zone).date()).days


def _key(login: str) -> str:
    return f"{user_group(login)}/password_expiry_noticed"


class PasswordExpiry:
    """Decides when the expiry notice shows, and remembers (in Settings) that it did."""

    def __init__(
        self,
        settings: Settings,
        clock: clocks.Clock | None = None,
        zone: tzinfo | str | None = "display",
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._zone = zone

    @property
    def clock(self) -> clocks.Clock:
        return self._clock if self._clock is not None else clocks.current()

    @property
    def zone(self) -> tzinfo | None:
        """The zone whose calendar counts: given, or the display zone of the moment."""
        return display_zone() if isinstance(self._zone, str) else self._zone

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    def days_left(self, expires_at: datetime) -> int:
        return days_left(expires_at, self.clock.now(), self.zone)

    def due(self, login: str, expires_at: datetime | None) -> int | None:
        """The days left if the notice should show now; None if not (far off, already
        expired, unknown, or shown today)."""
        if expires_at is None or not login:
            return None
        left = self.days_left(expires_at)
        if not 0 <= left <= NOTICE_DAYS:
            return None
        if str(self.settings.store.value(_key(login)) or "") == self.today().isoformat():
            return None
        return left

    def mark_shown(self, login: str) -> None:
        """The notice was shown today: not again before tomorrow (display zone)."""
        if login:
            self.settings.store.setValue(_key(login), self.today().isoformat())
