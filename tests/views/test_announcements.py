"""What appears without focus is announced to assistive technology (issue 18,
"Announcements"): an order placed, an order filled, an error at a field, a refused sign-in,
the connection lost and back, each through a window's live region (a label whose name a
screen reader is told has changed, with an alert), against the real mock.

Qt offers Python no hook on the accessibility events themselves (`installUpdateHandler` is
not in PySide6), so the spy listens to the live region's `announced` signal, sent right after
its events, and reads the label through `QAccessible.queryAccessibleInterface` as a reader
does at that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from test_notifications import signed_in
from tester_support import sms_code

from cesec_desktop.state.connection import Connection
from cesec_desktop.views.order_form import open_order_form
from cesec_desktop.views.sms_dialog import SmsDialog
from cesec_desktop.views.widgets.live_region import LIVE_REGION, LiveRegion


class Spy:
    """What a screen reader heard from one live region: its accessible name at each event."""

    def __init__(self, region: LiveRegion) -> None:
        self.region = region
        self.heard: list[str] = []
        region.announced.connect(self._heard)

    def _heard(self, _text: str) -> None:
        interface = QAccessible.queryAccessibleInterface(self.region)
        assert interface.role() == QAccessible.Role.StaticText
        self.heard.append(interface.text(QAccessible.Text.Name))

    def said(self, words: str) -> bool:
        return any(words in line for line in self.heard)


def spy_on(window: QWidget) -> Spy:
    region = window.findChild(LiveRegion, LIVE_REGION)
    assert region is not None, f"no live region in {window.objectName()}"
    return Spy(region)


def test_a_live_region_says_each_announcement_even_twice(qapp: Any) -> None:
    window = QWidget()
    window.resize(300, 200)
    window.show()
    region = LiveRegion(window)
    spy = Spy(region)
    region.announce("Order No. 7\nhas been placed")
    region.announce("Order No. 7\nhas been placed")
    region.announce("  ")
    assert spy.heard == ["Order No. 7 has been placed"] * 2
    # Out of the way: no room taken, no focus, no clicks; but shown, or readers ignore it.
    assert region.isVisible() and region.width() <= 1 and region.height() <= 1
    assert region.focusPolicy() == region.focusPolicy().NoFocus
    window.close()


def test_an_order_placed_a_field_error_and_the_fill_are_announced(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await signed_in(gui)
        main = spy_on(gui.main)
        form = open_order_form(gui.main, gui.session, instrument_id="KASE:HSBK")
        await wait_until(
            lambda: form.ticket.quote is not None and form.ticket.portfolio is not None,
            what="the form with its data",
        )
        gui.type_into(form.ui.quantityEdit, "0")
        await wait_until(lambda: form.field_error("quantity"), what="the quantity's error")
        error = form.field_error("quantity")
        spy = spy_on(form)
        # Said once: typing on does not repeat an error that stays the same.
        assert form.findChild(LiveRegion).history.count(error) == 1
        gui.type_into(form.ui.quantityEdit, "2")
        await wait_until(lambda: not form.field_error("quantity"), what="the error gone")

        gui.click(form.ui.smsButton)
        await wait_until(
            lambda: isinstance(form.sign_dialog, SmsDialog) and form.sign_dialog.isVisible(),
            what="the SMS dialog",
        )
        dialog = form.sign_dialog
        await wait_until(lambda: dialog.code.challenge is not None, what="the code sent")
        code = await sms_code(backend, dialog.code.challenge.challenge_id)
        gui.type_into(dialog.ui.codeEdit, code)
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")
        order = form.placed
        await wait_until(
            lambda: spy.said(f"Order No. {order.number} has been placed"), what="placed, said"
        )

        await backend.control(f"/mock/orders/{order.id}/fill", {})
        await wait_until(lambda: main.said(order.number), what="the fill, said")
        assert "filled" in main.heard[-1].lower(), main.heard

    run(scenario(), timeout=60)


def test_the_connection_lost_and_back_is_announced(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        await wait_until(lambda: gui.session.connection is Connection.ONLINE, what="the stream")
        spy = spy_on(gui.main)
        assert not spy.heard, "the first connection at sign-in is not news"
        await backend.control("/mock/faults", {"stream_down": True})
        await wait_until(lambda: spy.heard, what="the loss, said")
        assert spy.heard[-1] == gui.main.indicator.toolTip()
        assert "lost" in spy.heard[-1] or "No live connection" in spy.heard[-1]
        await backend.control("/mock/faults", {"clear": True})
        await wait_until(lambda: len(spy.heard) == 2, what="the return, said", timeout=20)
        assert spy.heard[-1] == "Live quotes and order updates are arriving."
        name = QAccessible.queryAccessibleInterface(gui.main.indicator).text(QAccessible.Text.Name)
        assert name == "Online"

    run(scenario(), timeout=60)


def test_a_refused_sign_in_is_announced_in_the_login_window(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        login = gui.login
        await wait_until(lambda: not login.busy, what="the login window")
        spy = spy_on(login)
        gui.fill_login(DEMO[0], "wrong-password")
        gui.press_enter(login.ui.passwordEdit)
        await wait_until(lambda: spy.heard, what="the refusal, said")
        assert spy.heard[-1] == " ".join(login.ui.messageLabel.text().split())

    run(scenario())
