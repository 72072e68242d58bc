"""The password expiry notice in the main window: days left, once a day, "Change password…"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until

from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.state import clock, formatting
from cesec_desktop.views.password_expiry_notice import PasswordExpiryNotice

MOMENT = datetime(2026, 11, 20, 9, 0, tzinfo=ALMATY)
"""Both clocks stand here (the app's) or start here (the mock's): 09:00 in Almaty."""


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[clock.FixedClock]:
    fixed = clock.FixedClock(MOMENT)
    previous = clock.install(fixed)
    zone = formatting.time_zone_choice()
    formatting.set_time_zone("almaty")
    yield fixed
    formatting.set_time_zone(zone)
    clock.install(previous)


async def _expire_in(backend: Backend, days: int) -> None:
    """The mock at MOMENT; the demo password expires at noon `days` calendar days later."""
    await backend.control("/mock/clock", {"set_to": MOMENT.isoformat()})
    expires = MOMENT + timedelta(days=days, hours=3)
    changed = expires - timedelta(days=60)
    backend.state.conn.execute(
        "UPDATE users SET password_changed_at = ? WHERE login = 'demo'", (iso(changed),)
    )


def test_the_notice_says_the_days_left_once_a_day_and_opens_the_change(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        await _expire_in(backend, 3)
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        notice = gui.main.findChild(PasswordExpiryNotice)
        assert notice is not None and notice.isVisible()
        assert notice.title.text() == "Your password expires in 3 days"
        assert notice.change_button.text() == "Change password…"
        assert not notice.hasFocus()
        # In the main window's corner, inside it.
        assert gui.main.rect().contains(notice.geometry())
        gui.click(notice.change_button)
        await wait_until(
            lambda: getattr(gui.main, "change_password_dialog", None) is not None,
            what="the change-password dialog",
        )
        assert not notice.isVisible()
        gui.main.change_password_dialog.reject()
        await wait_until(lambda: gui.main.change_password_dialog is None, what="closed")
        # Signed in again the same day: not again.
        await gui.shell.logout()
        await gui.sign_in(*DEMO)
        shown = gui.main.findChild(PasswordExpiryNotice)
        assert shown is None or not shown.isVisible()

    run(scenario())


def test_the_last_day_says_today_and_a_far_expiry_says_nothing(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        await _expire_in(backend, 0)
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        notice = gui.main.findChild(PasswordExpiryNotice)
        assert notice is not None and notice.title.text() == "Your password expires today"
        await gui.shell.logout()
        gui.settings.store.clear()
        await _expire_in(backend, 8)
        await gui.sign_in(*DEMO)
        shown = gui.main.findChild(PasswordExpiryNotice)
        assert shown is None or not shown.isVisible()

    run(scenario())
