""" "Forgot password?" end to end against the real mock: the code by SMS, the new password
with the live checklist, signed in; an unknown login is answered alike."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import QSize
from test_login_second_factor import TWOFA, outbox, signed_in, totp

from cesec_desktop.views.forgot_password import ForgotPasswordPage


async def _login_status(backend: Backend, login: str, password: str) -> int:
    def post() -> int:
        response = httpx.post(
            backend.url + "/api/v1/auth/login",
            json={"login": login, "password": password},
            timeout=10,
        )
        return response.status_code

    return await asyncio.to_thread(post)


async def _open(
    gui: Gui, login: str, before_click: Callable[[], None] | None = None
) -> ForgotPasswordPage:
    await wait_until(lambda: not gui.login.busy, what="the login window to be ready")
    gui.type_into(gui.login.ui.loginEdit, login)
    assert gui.login.ui.forgotButton.text() == "&Forgot password?"
    if before_click is not None:
        before_click()
    gui.click(gui.login.ui.forgotButton)
    page = gui.login.forgot_password
    assert gui.login.page() is page and page.isVisible()
    assert page.login_edit.text() == login  # what the sign-in page had
    return page


async def _request_code(gui: Gui, page: ForgotPasswordPage) -> None:
    gui.click(page.send_button)
    await wait_until(lambda: page.on_reset_step and not page.busy, what="the reset step")


async def _submit(gui: Gui, page: ForgotPasswordPage) -> None:
    gui.click(page.reset_button)
    await wait_until(lambda: not page.tasks.pending, what="the answer")


def _ticks(page: ForgotPasswordPage) -> dict[str, bool]:
    return {r.value: bool(label.property("ok")) for r, label in page.checklist.labels.items()}


def test_the_demo_client_resets_the_password_and_is_signed_in(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url, demo=True)
        page = await _open(gui, "demo")
        await _request_code(gui, page)
        sent = (await outbox(backend))[0]
        assert sent["purpose"] == "password_reset"
        challenge = gui.session.reset_challenge
        assert challenge is not None and sent["challenge_id"] == challenge.challenge_id
        assert page.sent_label.text() == (
            f"We sent a code to {challenge.masked_phone}. It is valid for 5 minutes."
        )
        assert sent["phone"] not in page.sent_label.text()
        assert not page.resend_button.isEnabled()
        assert page.resend_button.text().startswith("Send again in ")
        # The demo's phone shows the code with what it is for.
        await wait_until(lambda: gui.login.demo_sms() is not None, what="the demo SMS")
        assert gui.login.demo_notice.purpose_label.text() == "Password reset code"

        # A wrong code is said at the code field; the checklist ticks as the user types.
        gui.type_into(page.code_edit, "000000" if sent["code"] != "000000" else "111111")
        gui.qtbot.keyClicks(page.new_edit, "abc")
        assert _ticks(page) == {
            "length": False,
            "digit": False,
            "upper": False,
            "lower": True,
            "symbol": False,
        }
        gui.qtbot.keyClicks(page.new_edit, "D1#xyz")
        assert all(_ticks(page).values())
        gui.type_into(page.repeat_edit, "abcD1#xy")
        assert page.field_error("repeat") == "The passwords do not match."
        gui.type_into(page.repeat_edit, "abcD1#xyz")
        assert page.field_error("repeat") == ""
        await _submit(gui, page)
        assert page.field_error("code") == "Wrong code. Attempts left: 2."
        assert gui.main is None

        # A password the server refuses keeps the code usable (checked after the code):
        # the current one may not be used again, which only the server knows.
        gui.type_into(page.code_edit, sent["code"])
        gui.type_into(page.new_edit, DEMO[1])
        gui.type_into(page.repeat_edit, DEMO[1])
        await _submit(gui, page)
        assert gui.main is None
        assert page.field_error("new") == "The new password must differ from the current one."
        assert page.field_error("code") == ""
        gui.type_into(page.new_edit, "Newer#2026")
        gui.type_into(page.repeat_edit, "Newer#2026")
        await _submit(gui, page)
        await signed_in(gui)
        assert gui.session.login_name == "demo"
        # The old password is refused from now on; the new one works.
        assert await _login_status(backend, *DEMO) == 401
        assert await _login_status(backend, "demo", "Newer#2026") == 200

    run(scenario())


def test_an_unknown_login_gets_the_same_code_sent_page(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        sizes: list[QSize] = []  # the window's on the sign-in page, read just before the click
        page = await _open(gui, "nobody-here", before_click=lambda: sizes.append(gui.login.size()))
        size_at_sign_in = sizes[0]
        await _request_code(gui, page)
        assert gui.login.height() > size_at_sign_in.height(), "the reset step is taller"
        challenge = gui.session.reset_challenge
        assert challenge is not None and challenge.masked_phone.startswith("+7 7")
        assert page.sent_label.text() == (
            f"We sent a code to {challenge.masked_phone}. It is valid for 5 minutes."
        )
        assert not any(
            item["challenge_id"] == challenge.challenge_id for item in await outbox(backend)
        )
        gui.type_into(page.code_edit, "123456")
        gui.type_into(page.new_edit, "Newer#2026")
        gui.type_into(page.repeat_edit, "Newer#2026")
        await _submit(gui, page)
        assert page.field_error("code").startswith("Wrong code.")
        # Back to sign-in from the page.
        gui.click(page.reset_back)
        assert gui.login.page() is gui.login.ui.signInPage
        # The window goes back to its size, not a sign-in card in a reset-sized window.
        assert gui.login.size() == size_at_sign_in

    run(scenario())


def test_a_user_with_an_authenticator_gives_its_code_after_the_reset(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        page = await _open(gui, TWOFA[0])
        await _request_code(gui, page)
        sent = (await outbox(backend))[0]
        gui.type_into(page.code_edit, sent["code"])
        gui.type_into(page.new_edit, "Second#2026")
        gui.type_into(page.repeat_edit, "Second#2026")
        await _submit(gui, page)
        factor = gui.login.second_factor
        await wait_until(lambda: gui.login.page() is factor, what="the second factor")
        # The SMS proved the phone already: it cannot be the second factor too.
        assert factor.methods() == ["totp", "backup"]
        gui.type_into(factor.code_edit, totp(backend))
        gui.click(factor.confirm_button)
        await signed_in(gui)
        assert await _login_status(backend, *TWOFA) == 401

    run(scenario())
