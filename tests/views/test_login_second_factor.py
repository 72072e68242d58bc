""" "Confirm it's you": sign-in with an authenticator code, an SMS code or a backup code,
the lockout, "Remember this computer", and the lock dialog's second factor. Real widgets
against the real mock; TOTP codes come from pyotp at the mock's own clock."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pyotp
from gui_support import Backend, Gui, wait_until
from PySide6.QtWidgets import QApplication

from cesec_desktop.state import formatting
from cesec_desktop.views.widgets.demo_sms_notice import DemoSmsNotice

TWOFA = ("twofa", "Twofa#2026")
SECRET = "JBSWY3DPEHPK3PXPCENTRASTWOFADEMO"


def totp(backend: Backend, offset_steps: int = 0) -> str:
    """The authenticator's code now, on the mock's clock (it may run ahead of this one)."""
    moment = backend.state.clock.now() + timedelta(seconds=30 * offset_steps)
    return pyotp.TOTP(SECRET).at(moment)


def wrong_totp(backend: Backend) -> str:
    near = {totp(backend, step) for step in (-2, -1, 0, 1, 2)}
    return next(code for code in ("000000", "111111", "222222") if code not in near)


async def outbox(backend: Backend) -> list[dict[str, Any]]:
    def read() -> list[dict[str, Any]]:
        return list(httpx.get(backend.url + "/mock/sms-outbox", timeout=10).json()["items"])

    return await asyncio.to_thread(read)


async def password_step(gui: Gui, credentials: tuple[str, str] = TWOFA) -> Any:
    """Type the login and password, sign in, and wait for "Confirm it's you"."""
    await wait_until(lambda: not gui.login.busy, what="the login window to be ready")
    gui.fill_login(*credentials)
    gui.press_enter(gui.login.ui.passwordEdit)
    page = gui.login.second_factor
    await wait_until(lambda: gui.login.page() is page and page.isVisible(), what="the factor")
    return page


async def confirm(gui: Gui, code: str) -> None:
    page = gui.login.second_factor
    gui.type_into(page.code_edit, code)
    gui.click(page.confirm_button)
    await wait_until(lambda: not page.tasks.pending, what="the answer")


async def signed_in(gui: Gui) -> None:
    await wait_until(
        lambda: gui.main is not None and gui.main.isVisible() and gui.main.home.shows_data,
        what="the main window with the profile",
    )


def test_an_authenticator_code_signs_in(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await password_step(gui)
        assert gui.main is None
        assert page.title.text() == "Confirm it's you"
        challenge = gui.session.challenge
        assert challenge is not None and challenge.masked_phone in page.intro.text()
        # The challenge's methods, the authenticator first and chosen.
        assert page.methods() == ["totp", "sms", "backup"]
        assert [page.method_buttons[m].text() for m in page.methods()] == [
            "Authenticator app",
            "SMS code",
            "Backup code",
        ]
        assert page.method == "totp" and not page.send_button.isVisible()
        assert page.code_edit.hasFocus()
        # Only digits go in, six of them.
        gui.type_into(page.code_edit, "12ab34")
        assert page.code_edit.text() == "1234"
        gui.click(page.confirm_button)
        await wait_until(lambda: page.error(), what="the local check")
        assert page.error() == "Enter the 6-digit code."
        assert not any("sms" in item.get("purpose", "") for item in await outbox(backend))
        await confirm(gui, totp(backend))
        await signed_in(gui)
        assert gui.login.page() is gui.login.ui.signInPage
        assert gui.session.challenge is None

    run(scenario())


def test_an_sms_code_from_the_outbox_signs_in_with_the_demo_phone(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url, demo=True)
        page = await password_step(gui)
        page.choose("sms")
        assert page.send_button.isVisible() and page.send_button.text() == "Send code"
        assert not await outbox(backend), "no SMS is sent until asked for"
        gui.click(page.send_button)
        await wait_until(lambda: page.countdown.seconds_left() > 0, what="the code sent")
        assert re.fullmatch(r"Send again in [01]:\d\d", page.send_button.text())
        assert not page.send_button.isEnabled()
        sent = (await outbox(backend))[0]
        assert sent["purpose"] == "sign_in"
        assert sent["challenge_id"] == gui.session.challenge.challenge_id
        assert page.hint.text().startswith("We sent a code to ")
        # The demo's phone shows the code beside the login window, with what it is for.
        await wait_until(lambda: gui.login.demo_sms() is not None, what="the demo SMS")
        notice = gui.login.demo_notice
        assert isinstance(notice, DemoSmsNotice)
        assert notice.purpose_label.text() == "Sign-in code"
        assert notice.code_label.text() == sent["code"]
        assert not notice.geometry().intersects(gui.login.frameGeometry())
        # Its last line (the note and the button) is inside the card, not clipped.
        bottom = notice.fill_button.geometry().bottom()
        assert bottom < notice.height(), (bottom, notice.height())
        assert notice.note_label.geometry().bottom() < notice.height()
        gui.click(notice.fill_button)
        assert page.code_edit.text() == sent["code"]
        gui.click(page.confirm_button)
        await signed_in(gui)
        await wait_until(
            lambda: (
                not [
                    w
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, DemoSmsNotice) and w.isVisible()
                ]
            ),
            what="the notice gone with the login window",
        )

    run(scenario())


def test_three_wrong_sms_codes_spend_the_code(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await password_step(gui)
        page.choose("sms")
        gui.click(page.send_button)
        await wait_until(lambda: page.countdown.seconds_left() > 0, what="the code sent")
        right = (await outbox(backend))[0]["code"]
        wrong = next(code for code in ("000000", "111111", "222222") if code != right)
        for left in (2, 1):
            await confirm(gui, wrong)
            assert page.error() == f"Wrong code. Attempts left: {left}.", page.error()
        await confirm(gui, wrong)
        spent = "That was the last try for this code. Ask for a new one."
        assert page.error() == spent
        # The code field keeps the window's focus (offscreen, the demo phone's card is the
        # active window: the platform ignores its show-without-activating).
        assert gui.login.focusWidget() is page.code_edit and page.send_button.isVisible()
        # The code is spent: even the right one signs nobody in now.
        await confirm(gui, right)
        assert page.error() == "This code has expired: ask for a new one."
        assert gui.main is None and gui.login.page() is page

    run(scenario())


def test_a_backup_code_works_once(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await password_step(gui)
        page.choose("backup")
        assert page.code_edit.placeholderText() == "xxxx-xxxx"
        await confirm(gui, "DEMO-2F03")  # case does not matter
        await signed_in(gui)
        await gui.shell.logout()
        page = await password_step(gui)
        page.choose("backup")
        await confirm(gui, "demo-2f03")
        assert page.error() == "Wrong code. Attempts left: 4."
        assert gui.main is None and gui.login.page() is page
        await confirm(gui, "demo-2f04")
        await signed_in(gui)

    run(scenario())


def test_five_wrong_codes_lock_the_account(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await password_step(gui)
        wrong = wrong_totp(backend)
        for left in (4, 3, 2, 1):
            await confirm(gui, wrong)
            assert page.error() == f"Wrong code. Attempts left: {left}.", page.error()
        failed: list[str] = []
        gui.login.signInFailed.connect(failed.append)
        await confirm(gui, wrong)
        # Back to the password with the lock's end, in the zone the user reads times in.
        await wait_until(lambda: gui.login.page() is gui.login.ui.signInPage, what="back")
        row = backend.state.conn.execute(
            "SELECT locked_until FROM users WHERE login = 'twofa'"
        ).fetchone()
        until = datetime.fromisoformat(row["locked_until"])
        message = gui.login.message()
        assert message.startswith("Too many failed attempts. The account is locked until")
        assert formatting.format_recent(until) in message
        assert failed == [message]
        assert gui.session.challenge is None
        # Even the right password and a right code get nowhere now.
        gui.type_into(gui.login.ui.passwordEdit, TWOFA[1])
        gui.click(gui.login.ui.signInButton)
        await wait_until(lambda: not gui.login.busy, what="the refusal")
        assert gui.login.message().startswith("Too many failed attempts.")
        assert gui.login.page() is gui.login.ui.signInPage

    run(scenario())


def test_a_remembered_computer_skips_the_factor_until_it_is_forgotten(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await password_step(gui)
        assert page.remember_check.text() == "Remember this computer for 30 days"
        gui.tick(page.remember_check)
        assert page.remember_check.isChecked()
        await confirm(gui, totp(backend))
        await signed_in(gui)
        store = gui.session.credentials
        assert await store.run("device_token", "twofa")
        await gui.shell.logout()

        # The next sign-in goes straight in.
        await gui.sign_in(*TWOFA)
        assert gui.session.challenge is None
        # Forgotten here (the profile's "Sessions", or a sign-out of this computer).
        await gui.session.forget_this_device()
        assert not await store.run("device_token", "twofa")
        await gui.shell.logout()
        page = await password_step(gui)

        # Remembered again, then the device is deleted at the server: asked again.
        await backend.control("/mock/clock", {"advance_seconds": 60})
        gui.tick(page.remember_check)
        await confirm(gui, totp(backend))
        await signed_in(gui)
        devices = await gui.session.call(lambda client: client.devices())
        current = next(d for d in devices if d.current)
        await gui.session.call(lambda client: client.forget_device(current.id))
        await gui.shell.logout()
        assert await store.run("device_token", "twofa"), "the keyring still has the old one"
        page = await password_step(gui)
        assert page.methods() == ["totp", "sms", "backup"]

    run(scenario(), timeout=60)


def test_back_to_sign_in_and_an_expired_challenge_drop_it(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await password_step(gui)
        assert page.back_button.text() == "Back to sign-in"
        gui.click(page.back_button)
        assert gui.login.page() is gui.login.ui.signInPage
        assert gui.session.challenge is None
        assert gui.login.message() == ""
        assert gui.login.ui.loginEdit.text() == "twofa"
        # A challenge past its 5 minutes: back to the password, saying why.
        page = await password_step(gui)
        await backend.control("/mock/clock", {"advance_seconds": 6 * 60})
        await confirm(gui, totp(backend))
        assert gui.login.page() is gui.login.ui.signInPage
        assert gui.login.message() == "The confirmation took too long. Sign in again."
        assert gui.main is None and gui.session.challenge is None

    run(scenario())


def test_the_lock_asks_for_the_second_factor_after_the_password(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await password_step(gui)
        await confirm(gui, totp(backend))
        await signed_in(gui)
        main = gui.main
        locking = asyncio.ensure_future(gui.shell.lock())
        await wait_until(lambda: gui.shell.lock_dialog is not None, what="the lock")
        lock = gui.shell.lock_dialog
        await wait_until(lock.isVisible, what="the lock on screen")
        gui.type_into(lock.ui.passwordEdit, TWOFA[1])
        gui.press_enter(lock.ui.passwordEdit)
        await wait_until(
            lambda: lock.second_factor is not None and lock.second_factor.isVisible(),
            what="the code asked for in the dialog",
        )
        factor = lock.second_factor
        assert not lock.ui.passwordEdit.isVisible()
        assert factor.methods() == ["totp", "sms", "backup"]
        # A wrong code is said at the field; the lock stays.
        gui.type_into(factor.code_edit, wrong_totp(backend))
        gui.click(factor.confirm_button)
        await wait_until(lambda: factor.error(), what="the refusal")
        assert factor.error().startswith("Wrong code. Attempts left:")
        assert gui.shell.lock_dialog is lock
        # The code from this sign-in's step was used: the authenticator's next one.
        await backend.control("/mock/clock", {"advance_seconds": 60})
        gui.type_into(factor.code_edit, totp(backend))
        gui.click(factor.confirm_button)
        assert await asyncio.wait_for(locking, 10) is True
        assert gui.shell.lock_dialog is None and gui.main is main
        assert not main.lock_overlay.isVisible()
        assert gui.session.challenge is None
        # The unlocked session works.
        me = await gui.session.call(lambda client: client.me())
        assert me.login == "twofa"

    run(scenario())
