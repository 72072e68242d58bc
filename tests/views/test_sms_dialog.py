"""The SMS dialog: a pasted code, the countdown, Resend after 60 s, attempts, a dead code."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cesec_desktop.state.signing import SmsCode, SmsStatus
from cesec_desktop.views.order_form import OrderFormDialog, open_order_form
from cesec_desktop.views.sms_dialog import SmsDialog


class Clock:
    """This computer's monotonic clock, which a test may move on."""

    def __init__(self) -> None:
        import time

        self._real = time.monotonic
        self.offset = 0.0

    def __call__(self) -> float:
        return self._real() + self.offset


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(SmsCode, "clock", staticmethod(fake))
    return fake


async def outbox(backend: Backend) -> list[dict[str, Any]]:
    def read() -> list[dict[str, Any]]:
        return list(httpx.get(backend.url + "/mock/sms-outbox", timeout=10).json()["items"])

    return await asyncio.to_thread(read)


async def sms_dialog(
    gui_factory: Callable[..., Gui], backend: Backend
) -> tuple[Gui, OrderFormDialog, SmsDialog]:
    gui = gui_factory(backend.url)
    await gui.sign_in(*DEMO)
    form = open_order_form(gui.main, gui.session, instrument_id="KASE:HSBK")
    await wait_until(
        lambda: form.ticket.quote is not None and form.ticket.portfolio is not None,
        what="the form with its data",
    )
    gui.type_into(form.ui.quantityEdit, "2")
    gui.click(form.ui.smsButton)
    await wait_until(
        lambda: form.sign_dialog is not None and form.sign_dialog.isVisible(), what="the dialog"
    )
    dialog = form.sign_dialog
    assert isinstance(dialog, SmsDialog)
    await wait_until(lambda: dialog.code.status == SmsStatus.PENDING, what="the code sent")
    return gui, form, dialog


def test_a_pasted_code_is_cleaned_and_confirm_waits_for_six_digits(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form, dialog = await sms_dialog(gui_factory, backend)
        edit = dialog.ui.codeEdit
        gui.type_into(edit, "12 3")
        assert edit.text() == "123" and not dialog.ui.confirmButton.isEnabled()
        code = (await outbox(backend))[0]["code"]
        edit.clear()
        QApplication.clipboard().setText(f" {code[:3]} {code[3:]}\n")
        gui.qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert edit.text() == code and dialog.ui.confirmButton.isEnabled()
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")

    run(scenario())


def test_the_countdown_and_resend_after_sixty_seconds(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], clock: Clock
) -> None:
    async def scenario() -> None:
        gui, form, dialog = await sms_dialog(gui_factory, backend)
        resend = dialog.ui.resendButton
        assert not resend.isEnabled()
        assert re.fullmatch(r"Send a new code in (60|59) s", resend.text())
        first = dialog.code.challenge.challenge_id

        clock.offset = 61
        await backend.control("/mock/clock", {"advance_seconds": 61})
        await wait_until(resend.isEnabled, what="Resend enabled")
        assert resend.text() == "Send a new code"
        assert re.fullmatch(r"The code is valid for 3:5\d\.", dialog.ui.validityLabel.text())
        gui.type_into(dialog.ui.codeEdit, "99")
        gui.click(resend)
        await wait_until(lambda: dialog.code.challenge.challenge_id != first, what="a new code")
        assert dialog.ui.codeEdit.text() == "", "the old code's digits are gone"
        assert not resend.isEnabled()
        items = await outbox(backend)
        assert items[0]["challenge_id"] == dialog.code.challenge.challenge_id
        gui.type_into(dialog.ui.codeEdit, items[0]["code"])
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")

    run(scenario())


def test_three_wrong_codes_burn_it_and_a_new_one_is_offered(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form, dialog = await sms_dialog(gui_factory, backend)
        code = (await outbox(backend))[0]["code"]
        wrong = "000000" if code != "000000" else "111111"
        for left in (2, 1):
            gui.type_into(dialog.ui.codeEdit, wrong)
            gui.click(dialog.ui.confirmButton)
            await wait_until(lambda n=left: f"Attempts left: {n}." in dialog.error(), what="error")
        gui.type_into(dialog.ui.codeEdit, wrong)
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: dialog.code.status == SmsStatus.EXHAUSTED, what="burnt")
        assert dialog.error() == "Too many wrong codes: this one no longer works. Get a new one."
        assert not dialog.ui.codeEdit.isEnabled() and not dialog.ui.confirmButton.isEnabled()
        assert dialog.ui.resendButton.text() == "Get a new code"
        assert dialog.ui.resendButton.isEnabled()
        gui.click(dialog.ui.resendButton)
        await wait_until(lambda: dialog.code.status == SmsStatus.PENDING, what="a new code")
        assert dialog.error() == "" and dialog.code.attempts_left == 3
        gui.type_into(dialog.ui.codeEdit, (await outbox(backend))[0]["code"])
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")

    run(scenario())


def test_an_expired_code_offers_a_new_one(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], clock: Clock
) -> None:
    async def scenario() -> None:
        gui, form, dialog = await sms_dialog(gui_factory, backend)
        code = (await outbox(backend))[0]["code"]
        # Only the broker's clock has run out: its answer is the truth.
        await backend.control("/mock/clock", {"advance_seconds": 301})
        gui.type_into(dialog.ui.codeEdit, code)
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: dialog.code.status == SmsStatus.EXPIRED, what="expired")
        assert dialog.error() == "The code has expired. Get a new one."
        assert dialog.ui.resendButton.isEnabled()
        assert not dialog.ui.validityLabel.isVisible()

        gui.click(dialog.ui.resendButton)
        await wait_until(lambda: dialog.code.status == SmsStatus.PENDING, what="a new code")
        # And our own clock: five minutes on, the countdown ends the code by itself.
        clock.offset = 301
        await wait_until(lambda: dialog.code.status == SmsStatus.EXPIRED, what="run out")
        assert dialog.error() == "The code has expired. Get a new one."
        assert form.placed is None

    run(scenario())


def test_cancel_returns_to_the_form(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form, dialog = await sms_dialog(gui_factory, backend)
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, what="the dialog closed")
        assert form.isVisible() and form.placed is None
        assert form.ui.quantityEdit.text() == "2"
        assert form.ticket.draft_is_current, "signing again reuses the same draft and key"

        # Within the minute the server would refuse a new code: the one sent is used again.
        first = dialog.code.challenge.challenge_id
        gui.click(form.ui.smsButton)
        await wait_until(
            lambda: form.sign_dialog is not None and form.sign_dialog.isVisible(), what="again"
        )
        again = form.sign_dialog
        assert again.code.status == SmsStatus.PENDING
        assert again.code.challenge.challenge_id == first
        assert "+7 701 *** ** 67" in again.ui.sentLabel.text()
        assert len(await outbox(backend)) == 1, "no second SMS"
        gui.type_into(again.ui.codeEdit, (await outbox(backend))[0]["code"])
        gui.click(again.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")

    run(scenario())
