"""Demo mode's phone: the SMS code appears beside the SMS window, and never for a real server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtWidgets import QApplication

from cesec_desktop.state.formatting import format_time
from cesec_desktop.state.signing import SmsStatus
from cesec_desktop.views.order_form import OrderFormDialog, open_order_form
from cesec_desktop.views.sms_dialog import SmsDialog
from cesec_desktop.views.widgets.demo_sms_notice import DemoSmsNotice


async def _outbox(backend: Backend) -> list[dict[str, Any]]:
    def read() -> list[dict[str, Any]]:
        return list(httpx.get(backend.url + "/mock/sms-outbox", timeout=10).json()["items"])

    return await asyncio.to_thread(read)


async def _sign_by_sms(gui: Gui) -> tuple[OrderFormDialog, SmsDialog]:
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
    return form, dialog


def _notices() -> list[DemoSmsNotice]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, DemoSmsNotice) and w.isVisible()
    ]


def test_the_demo_phone_shows_the_code_and_fills_it_in(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url, demo=True)
        await gui.sign_in(*DEMO)
        form, dialog = await _sign_by_sms(gui)
        await wait_until(lambda: dialog.demo_sms() is not None, what="the demo SMS")
        sent = (await _outbox(backend))[0]
        assert sent["challenge_id"] == dialog.code.challenge.challenge_id
        notice = dialog.demo_notice
        assert isinstance(notice, DemoSmsNotice) and _notices() == [notice]
        # What a phone shows: the sender, the time, the code, the number it went to.
        assert notice.code_label.text() == sent["code"]
        assert notice.sender_label.text() == "SMS · Centras Securities"
        sent_at = datetime.fromisoformat(sent["sent_at"])
        assert notice.time_label.text() == format_time(sent_at, seconds=False)
        masked = dialog.code.phone_masked
        assert masked and "*" in masked and masked in notice.note_label.text()
        assert sent["phone"] not in notice.note_label.text()  # only ever the masked number
        assert notice.note_label.text().startswith("Demo:")
        # It sits beside the SMS window and leaves the focus in the code field.
        assert not notice.geometry().intersects(dialog.frameGeometry())
        assert dialog.focusWidget() is dialog.ui.codeEdit
        assert notice.focusWidget() is None
        gui.click(notice.fill_button)
        assert dialog.ui.codeEdit.text() == sent["code"]
        assert dialog.ui.confirmButton.isEnabled()
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")
        # The notice goes with the SMS window.
        await wait_until(lambda: not _notices(), what="the notice gone")

    run(scenario())


def test_a_real_server_gets_no_demo_phone(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        # The client keeps talking to the mock; the window sees a PROD server's address.
        gui.session.server_url = "https://cabinet.example.kz"
        _form, dialog = await _sign_by_sms(gui)
        assert dialog.demo_inbox is None
        assert (await _outbox(backend))[0]["challenge_id"] == dialog.code.challenge.challenge_id
        # The send's handling is over, and with it whatever demo delivery it might have
        # started: a notice would be on screen by now, however slow the outbox.
        await wait_until(lambda: not dialog.tasks.pending, what="the send handled")
        await wait_until(lambda: not dialog.demo_tasks.pending, what="no demo delivery")
        assert dialog.demo_sms() is None and not _notices()
        dialog.reject()

    run(scenario())
