"""One order, one moment: Home, Orders, the order's details, Transactions and the desktop
notice all show the same time text, on a machine in New York (UTC-5, 10 hours from
Almaty), and the "Times" setting moves every one of them at once."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import QPoint, Qt
from test_notifications import place_order

from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.state import formatting
from cesec_desktop.state.connection import Connection
from cesec_desktop.state.formatting import TimeZoneChoice, format_moment_short
from cesec_desktop.state.quote_table_model import Column as QuoteColumn

NEW_YORK = "America/New_York"


@pytest.fixture
def new_york() -> Iterator[None]:
    """The machine's zone is New York's for the test (Python and Qt both read TZ)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = NEW_YORK
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
        formatting.set_time_zone(TimeZoneChoice.ALMATY)


async def signed_in(gui: Gui) -> Any:
    await gui.sign_in(*DEMO)
    await wait_until(lambda: gui.session.connection is Connection.ONLINE, what="the stream")
    notifier = gui.main.tray.notifier
    await wait_until(lambda: notifier.seeded, what="the notifier's first read")
    return notifier


async def start_of_a_minute(backend: Backend) -> None:
    """Put the mock's clock at the start of the current minute, so that an order placed
    and filled now has its two moments in one minute."""
    now = datetime.now(UTC)
    await backend.control(
        "/mock/clock", {"set_to": (now.replace(second=1, microsecond=0)).isoformat()}
    )


def click_recent(gui: Gui, key: str) -> None:
    home = gui.main.home
    row = home.recent_keys().index(key)
    table = home.recent_table
    where = table.visualItemRect(table.item(row, 0)).center()
    gui.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where))


def home_moment(gui: Gui, key: str) -> str:
    home = gui.main.home
    row = home.recent_keys().index(key)
    return str(home.recent_table.item(row, 0).text().splitlines()[1])


def orders_moment(gui: Gui, order_id: str) -> str:
    model = gui.main.pages["orders"].model
    row = model.row_of(order_id)
    assert row is not None, "the order is on the Orders page"
    return str(model.index(row, model.column_of("time")).data())


def deal_row(gui: Gui, order_id: str) -> int | None:
    """The Transactions page's row of the order's deal (None until it is listed)."""
    model = gui.main.pages["transactions"].model
    for row in range(model.rowCount()):
        deal = model.transaction_at(row)
        if deal is not None and deal.order_id == order_id:
            return row
    return None


def transactions_moment(gui: Gui, order_id: str) -> str:
    model = gui.main.pages["transactions"].model
    row = deal_row(gui, order_id)
    assert row is not None, "the order's deal is on the Transactions page"
    return str(model.index(row, model.column_of("time")).data())


def test_one_order_shows_one_moment_on_every_screen_in_new_york(
    new_york: None,
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        notifier = await signed_in(gui)
        main = gui.main
        notices: list[str] = []
        notifier.notify.connect(lambda _title, body, _kind: notices.append(body))

        await start_of_a_minute(backend)
        order = await place_order(gui.session, backend)
        await backend.control(f"/mock/orders/{order.id}/fill", {"price": "350"})
        await wait_until(lambda: notices, what="the fill notice")

        almaty = order.created_at.astimezone(ALMATY)
        moment = format_moment_short(order.created_at)
        # Almaty's wall clock, not New York's (10 hours apart: they never share an HH:MM).
        assert almaty.strftime(" %H:%M") in moment
        new_york_time = order.created_at.astimezone().strftime(" %H:%M")
        assert new_york_time != almaty.strftime(" %H:%M")

        key = f"order:{order.id}"
        home = main.home
        main.show_page("home")
        await wait_until(lambda: key in home.recent_keys(), what="the order on Home")
        assert home_moment(gui, key) == moment
        assert f" of {moment}" in notices[-1]

        # A click on Home's row opens the order's details on the Orders page.
        click_recent(gui, key)
        orders = main.pages["orders"]
        await wait_until(
            lambda: orders.details_dialog is not None and orders.details_dialog.isVisible(),
            what="the order's details",
        )
        assert main.current_page == "orders"
        dialog = orders.details_dialog
        assert dialog.order.id == order.id
        assert dialog.value_text("created").startswith(moment + ":")  # with seconds
        assert orders_moment(gui, order.id) == moment
        dialog.close()

        main.show_page("transactions")
        transactions = main.pages["transactions"]
        await wait_until(
            lambda: (
                transactions.model.is_loaded
                and any(
                    t is not None and t.order_id == order.id
                    for t in map(
                        transactions.model.transaction_at, range(transactions.model.rowCount())
                    )
                )
            ),
            what="the order's deal",
        )
        assert transactions_moment(gui, order.id) == moment

    run(scenario(), timeout=90)


def test_the_times_setting_moves_every_time_at_once_and_is_remembered(
    new_york: None,
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        notifier = await signed_in(gui)
        main = gui.main
        home = main.home
        order = await place_order(gui.session, backend)
        key = f"order:{order.id}"
        await wait_until(lambda: key in home.recent_keys(), what="the order on Home")
        quotes = home.models["KASE"]
        await wait_until(
            lambda: quotes.rowCount() and quotes.quote(0) is not None,
            what="a KASE quote",
        )
        quote_time = quotes.quote(0).time
        assert quote_time is not None
        almaty = order.created_at.astimezone(ALMATY)
        assert home_moment(gui, key).endswith(almaty.strftime(" %H:%M"))
        assert quotes.index(0, QuoteColumn.TIME).data() == quote_time.astimezone(ALMATY).strftime(
            "%H:%M:%S"
        )
        header_tip = quotes.headerData(
            QuoteColumn.TIME, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        assert "Almaty" in header_tip
        assert "Almaty" in home.today.text()  # the page says once which clock it shows

        changed: list[object] = []
        quotes.dataChanged.connect(lambda *args: changed.append(args))
        main.profile_menu.popup(main.profile_button.mapToGlobal(QPoint(0, 0)))
        main.time_zone_actions["local"].trigger()
        main.profile_menu.hide()

        assert gui.settings.time_zone == "local"
        assert main.time_zone_actions["local"].isChecked()
        local = order.created_at.astimezone()  # New York's wall clock
        assert local.utcoffset() in (timedelta(hours=-5), timedelta(hours=-4))
        assert home_moment(gui, key).endswith(local.strftime(" %H:%M"))
        assert changed, "the quote table redraws its Time column"
        assert quotes.index(0, QuoteColumn.TIME).data() == quote_time.astimezone().strftime(
            "%H:%M:%S"
        )
        assert "this computer" in home.today.text()
        _title, body = notifier.order_texts(order, "order_filled")
        assert body.endswith(local.strftime(" %H:%M"))

        main.time_zone_actions["almaty"].trigger()
        assert gui.settings.time_zone == "almaty"
        assert home_moment(gui, key).endswith(almaty.strftime(" %H:%M"))

    run(scenario(), timeout=60)


def test_the_times_setting_is_applied_when_the_window_opens(
    new_york: None,
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        gui.settings.time_zone = "local"
        await gui.sign_in(*DEMO)
        assert formatting.time_zone_choice() is TimeZoneChoice.LOCAL
        assert gui.main.time_zone_actions["local"].isChecked()
        moment = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)  # summer: New York is UTC-4
        assert formatting.format_time(moment, seconds=False) == "08:00"
        winter = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # winter: UTC-5
        assert formatting.format_time(winter, seconds=False) == "07:00"

    run(scenario())
