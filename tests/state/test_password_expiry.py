"""The password expiry notice's timing: calendar days in the display zone, once a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings

from cesec_desktop.settings import Settings
from cesec_desktop.state.clock import FixedClock
from cesec_desktop.state.password_expiry import PasswordExpiry, days_left

ALMATY = ZoneInfo("Asia/Almaty")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_days_are_counted_on_the_zone_calendar_not_in_24_hour_blocks() -> None:
    # 23:30 in Almaty; the password expires at 00:30 the day after tomorrow: 2 days.
    now = datetime(2026, 5, 7, 23, 30, tzinfo=ALMATY)
    expires = datetime(2026, 5, 9, 0, 30, tzinfo=ALMATY)
    assert days_left(expires, now, ALMATY) == 2
    # The same two moments in UTC fall on other calendar days.
    assert days_left(expires, now, UTC) == 1
    # Los Angeles is 12 hours behind Almaty: another calendar again.
    assert days_left(expires, now, LOS_ANGELES) == 1
    assert days_left(now + timedelta(hours=1), now, ALMATY) == 1  # after midnight: tomorrow
    assert days_left(now + timedelta(minutes=10), now, ALMATY) == 0  # today


def test_the_notice_is_due_within_seven_days_once_per_calendar_day(settings: Settings) -> None:
    clock = FixedClock(datetime(2026, 5, 1, 20, 0, tzinfo=ALMATY))
    expiry = PasswordExpiry(settings, clock, ALMATY)
    expires = datetime(2026, 5, 9, 10, 0, tzinfo=ALMATY)
    assert expiry.due("demo", expires) is None  # 8 days: not yet
    clock.advance(timedelta(days=1))
    assert expiry.due("demo", expires) == 7
    expiry.mark_shown("demo")
    assert expiry.due("demo", expires) is None  # shown today
    assert expiry.due("broker", expires) == 7  # another user's notice is their own
    clock.advance(timedelta(hours=3, minutes=59))  # 23:59 in Almaty: still the same day
    assert expiry.due("demo", expires) is None
    clock.advance(timedelta(minutes=2))  # 00:01: a new day, 6 days left
    assert expiry.due("demo", expires) == 6
    clock.set(datetime(2026, 5, 9, 9, 0, tzinfo=ALMATY))
    assert expiry.due("demo", expires) == 0  # expires today
    clock.set(datetime(2026, 5, 10, 9, 0, tzinfo=ALMATY))
    assert expiry.due("demo", expires) is None  # expired: sign-in makes the user change it
    assert expiry.due("demo", None) is None
    assert expiry.due("", expires) is None


def test_what_was_remembered_survives_a_restart_and_follows_the_zone(settings: Settings) -> None:
    # 02:00 UTC on the 3rd is 07:00 in Almaty (the 3rd) and 19:00 in LA (the 2nd).
    clock = FixedClock(datetime(2026, 5, 3, 2, 0, tzinfo=UTC))
    expires = datetime(2026, 5, 8, 12, 0, tzinfo=UTC)
    in_la = PasswordExpiry(settings, clock, LOS_ANGELES)
    assert in_la.due("demo", expires) == 6
    in_la.mark_shown("demo")
    settings.sync()
    reopened = Settings(QSettings(settings.store.fileName(), settings.store.format()))
    again = PasswordExpiry(reopened, clock, LOS_ANGELES)
    assert again.due("demo", expires) is None
    # In Almaty it is already the next calendar day: due again.
    in_almaty = PasswordExpiry(settings, clock, ALMATY)
    assert in_almaty.due("demo", expires) == 5
