"""Desktop notifications against the real mock: a fill, a partial fill and a rejection
forced through the mock's controls, withdrawals executed and rejected by the back office,
the setting (profile menu and tray menu), no flood from the initial read or a resync, and
none for a broker's clients."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import tester_support
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QSystemTrayIcon
from tester_support import withdraw
from testkit import BROKER

from cesec_desktop.domain.enums import InstructionStatus, OrderStatus
from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.domain.models.orders import Order
from cesec_desktop.state.connection import Connection
from cesec_desktop.state.formatting import format_moment_short
from cesec_desktop.state.notifications import (
    ORDER_FILLED,
    ORDER_PARTIALLY_FILLED,
    ORDER_REJECTED,
    SEED_DAYS,
    WITHDRAWAL_EXECUTED,
    WITHDRAWAL_REJECTED,
    Notifier,
)
from cesec_desktop.state.orders_query import almaty_today
from cesec_desktop.state.session import Session
from cesec_desktop.views.tray import Tray

Notice = tuple[str, str, str]

# --- helpers -------------------------------------------------------------------------------


async def place_order(session: Session, backend: Backend, quantity: str = "2") -> Order:
    """A limit buy of HSBK at 350.00 signed by SMS, as the order ticket places it."""
    return await tester_support.place_order(session, backend, quantity, price="350.00")


async def signed_in(gui: Gui) -> Notifier:
    """Sign in, wait for the stream and for the notifier's first read of recent states."""
    await gui.sign_in(*DEMO)
    await wait_until(lambda: gui.session.connection is Connection.ONLINE, what="the stream")
    notifier = gui.main.tray.notifier
    await wait_until(lambda: notifier.seeded, what="the notifier's first read")
    return notifier


def order_line(order: Order) -> str:
    """The notice's line naming the order: its number and moment, as the Orders page has them."""
    return f"Order No. {order.number} of {format_moment_short(order.created_at)}"


def record(notifier: Notifier) -> list[Notice]:
    notices: list[Notice] = []
    notifier.notify.connect(lambda title, body, kind: notices.append((title, body, kind)))
    return notices


# --- orders --------------------------------------------------------------------------------


def test_a_fill_forced_through_the_mock_notifies_once_per_fill_in_the_status_bar(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        notifier = await signed_in(gui)
        tray = gui.main.tray
        assert tray.icon is None, "offscreen has no system tray: the window speaks instead"
        notices = record(notifier)
        shown: list[tuple[str, str, str, str]] = []
        tray.messageShown.connect(lambda *args: shown.append(args))

        order = await place_order(gui.session, backend)
        await wait_until(lambda: notifier.knows(order.id), what="the new order's event")
        # The ticket emits the confirmed order too: the same state again says nothing.
        gui.session.orderUpdated.emit(order)
        assert notices == []

        await backend.control(f"/mock/orders/{order.id}/fill", {"quantity": "1", "price": "350"})
        await wait_until(lambda: len(notices) == 1, what="the partial fill notice")
        title, body, kind = notices[0]
        assert kind == ORDER_PARTIALLY_FILLED
        assert title == "Order partially filled"
        assert body == f"Buy HSBK: 1 of 2 at 350.00\N{NO-BREAK SPACE}KZT\n{order_line(order)}"
        # The moment is Almaty's (the default), whatever zone the machine is in.
        assert order.created_at.astimezone(ALMATY).strftime(" %H:%M") in body

        await backend.control(f"/mock/orders/{order.id}/fill", {"price": "350"})
        await wait_until(lambda: len(notices) == 2, what="the fill notice")
        title, body, kind = notices[1]
        assert (title, kind) == ("Order filled", ORDER_FILLED)
        assert body == f"Buy HSBK: 2 at 350.00\N{NO-BREAK SPACE}KZT\n{order_line(order)}"
        await wait_until(lambda: len(shown) == 2, what="both notices shown")
        assert [s[3] for s in shown] == ["window", "window"]
        message = gui.main.statusBar().currentMessage()
        price = "350.00\N{NO-BREAK SPACE}KZT"
        assert message == f"Order filled: Buy HSBK: 2 at {price} · {order_line(order)}"

        # A late duplicate of an earlier state (a stale event) never fires again.
        # Handled at once (a direct connection): when emit returns, the notifier has decided.
        gui.session.orderUpdated.emit(order)
        assert len(notices) == 2

    run(scenario(), timeout=60)


def test_a_rejection_goes_to_the_tray_with_a_warning_and_a_click_opens_orders(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    balloons: list[tuple[str, str, Any]] = []
    monkeypatch.setattr(
        QSystemTrayIcon,
        "showMessage",
        lambda self, title, body, level, ms: balloons.append((title, body, level)),
    )

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        notifier = await signed_in(gui)
        # A desktop with a tray: the notice is a desktop notification.
        tray = Tray(gui.main, notifier, tray_available=True)
        assert tray.icon is not None
        assert [a.text() for a in tray.menu.actions() if a.text()] == [
            "Show window",
            "Desktop notifications",
            "Quit",
        ]
        gui.main.show_page("home")

        order = await place_order(gui.session, backend)
        await wait_until(lambda: notifier.knows(order.id), what="the new order's event")
        await backend.control(f"/mock/orders/{order.id}/reject", {"reason": "Price limit"})
        await wait_until(lambda: balloons, what="the desktop notification")
        title, body, level = balloons[0]
        assert title == "Order rejected"
        assert body == (
            f"Buy HSBK: 2 at 350.00\N{NO-BREAK SPACE}KZT\n{order_line(order)}\nReason: Price limit"
        )
        assert level == QSystemTrayIcon.MessageIcon.Warning
        assert tray.last_kind == ORDER_REJECTED
        assert len(balloons) == 1
        # The window's own tray (none offscreen) told it in the status bar meanwhile.
        assert gui.main.statusBar().currentMessage().startswith("Order rejected: Buy HSBK")

        tray.icon.messageClicked.emit()
        assert gui.main.current_page == "orders"
        tray.hide()

    run(scenario(), timeout=60)


# --- withdrawals ---------------------------------------------------------------------------


def test_a_withdrawal_executed_or_rejected_by_the_back_office_notifies(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        notifier = await signed_in(gui)
        notices = record(notifier)
        done = await withdraw(gui.session, backend, "125000.50")
        refused = await withdraw(gui.session, backend, "1000")
        assert done.status is InstructionStatus.NEW

        await backend.control(f"/mock/instructions/{done.id}/advance", {"status": "processing"})
        await backend.control(f"/mock/instructions/{done.id}/advance", {"status": "executed"})
        await wait_until(lambda: notices, what="the executed notice")
        title, body, kind = notices[0]
        assert (title, kind) == ("Withdrawal executed", WITHDRAWAL_EXECUTED)
        assert body == (
            f"125,000.50\N{NO-BREAK SPACE}KZT · Halyk Bank\n"
            f"Instruction No. {done.number} of {format_moment_short(done.created_at)}"
        )

        # In Russian the amount takes the Russian locale's separators.
        gui.main.set_language("ru")
        await backend.control(
            f"/mock/instructions/{refused.id}/advance",
            {"status": "rejected", "reason": "Wrong recipient"},
        )
        await wait_until(lambda: len(notices) == 2, what="the rejected notice")
        title, body, kind = notices[1]
        assert kind == WITHDRAWAL_REJECTED
        assert title == gui.main.tray.notifier.tr("Withdrawal rejected")
        group = QLocale("ru_KZ").groupSeparator()
        assert body.startswith(f"1{group}000,00\N{NO-BREAK SPACE}KZT · Halyk Bank\n")
        assert body.endswith(": Wrong recipient")
        gui.main.set_language("en")
        assert len(notices) == 2, "processing is no news"

    run(scenario(), timeout=60)


# --- the setting ---------------------------------------------------------------------------


def test_with_the_setting_off_nothing_fires_and_on_again_is_quiet(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        notifier = await signed_in(gui)
        notices = record(notifier)
        action = gui.main.tray.notifications_action
        assert action in gui.main.profile_menu.actions()
        assert action.text() == "Desktop notifications"
        assert action.isChecked() and gui.settings.notifications_enabled

        action.trigger()  # as the profile menu's check box does
        assert gui.settings.notifications_enabled is False
        order = await place_order(gui.session, backend)
        await wait_until(lambda: notifier.knows(order.id), what="the new order's event")
        await backend.control(f"/mock/orders/{order.id}/fill", {"price": "350"})
        await wait_until(
            lambda: notifier.order_status(order.id) is OrderStatus.FILLED,
            what="the fill to be seen",
        )
        assert notices == []
        assert gui.main.statusBar().currentMessage() == ""

        # On again: what happened meanwhile stays quiet; the next change speaks.
        action.trigger()
        assert gui.settings.notifications_enabled is True
        gui.session.orderUpdated.emit(await gui.session.call(lambda client: client.order(order.id)))
        second = await place_order(gui.session, backend, quantity="1")
        await wait_until(lambda: notifier.knows(second.id), what="the second order's event")
        await backend.control(f"/mock/orders/{second.id}/fill", {"price": "350"})
        await wait_until(lambda: notices, what="a notice once on again")
        assert [n[2] for n in notices] == [ORDER_FILLED]
        assert f"Order No. {second.number}" in notices[0][1]

    run(scenario(), timeout=60)


# --- no flood ------------------------------------------------------------------------------


def test_the_first_read_and_a_resync_do_not_fire_for_what_was_already_done(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        notifier = await signed_in(gui)
        notices = record(notifier)
        start = almaty_today() - timedelta(days=SEED_DAYS)
        recent = await gui.session.call(lambda client: client.orders(start=start))
        done = [o for o in recent.items if not o.status.is_open]
        history = await gui.session.call(lambda client: client.instructions(start=start))
        finished = [i for i in history.items if not i.status.is_open]
        assert done and finished, "the seed has finished orders and withdrawals"
        assert all(notifier.knows(o.id) for o in done), "the first read saw them"

        # Replayed as if the stream sent them again, and a resync that reads them again.
        for order in done:
            gui.session.orderUpdated.emit(order)
        for instruction in finished:
            gui.session.instructionUpdated.emit(instruction)
        gui.session.resynced.emit()
        await asyncio.sleep(0)
        await wait_until(lambda: not notifier.tasks.pending, what="the read after the resync")
        assert notices == []

        # Somebody else's order (a broker's client's) is not the user's news.
        foreign = done[0].model_copy(
            update={"id": "ord_foreign", "account_id": "acc_other", "status": OrderStatus.FILLED}
        )
        gui.session.orderUpdated.emit(foreign)
        assert notices == []

        # A fill missed while the stream was away is told after the resync's read.
        order = await place_order(gui.session, backend)
        await wait_until(lambda: notifier.knows(order.id), what="the new order's event")
        await backend.control("/mock/faults", {"stream_down": True})
        await wait_until(lambda: gui.session.connection is not Connection.ONLINE, what="down")
        await backend.control(f"/mock/orders/{order.id}/fill", {"price": "350"})
        await backend.control("/mock/faults", {"clear": True})
        await wait_until(lambda: notices, timeout=20, what="the missed fill after the resync")
        assert [(n[0], n[2]) for n in notices] == [("Order filled", ORDER_FILLED)]

    run(scenario(), timeout=60)


def test_a_broker_is_not_notified_of_the_clients_orders(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*BROKER)
        await wait_until(lambda: gui.session.connection is Connection.ONLINE, what="the stream")
        notifier = gui.main.tray.notifier
        notices = record(notifier)
        streamed: list[Order] = []
        gui.session.orderUpdated.connect(streamed.append)
        row = backend.state.conn.execute(
            "SELECT id FROM orders WHERE status IN ('new', 'active') AND user_id IN "
            "(SELECT client_id FROM broker_clients) LIMIT 1"
        ).fetchone()
        assert row is not None, "the seed has an open order of a broker's client"

        await backend.control(f"/mock/orders/{row['id']}/fill", {})
        await wait_until(lambda: streamed, what="the client's fill on the broker's stream")
        assert streamed[-1].status is OrderStatus.FILLED
        assert notices == []
        assert not notifier.knows(row["id"])

    run(scenario(), timeout=60)
