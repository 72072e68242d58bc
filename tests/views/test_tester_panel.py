"""The Tester window against the real mock: its entry, the SMS outbox, orders and
withdrawals, and traffic recording, each driven through the window's own widgets."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi.responses import PlainTextResponse
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from tester_support import (
    act,
    click_row,
    get_json,
    open_panel,
    place_order,
    row_of,
    withdraw,
    workbench_ready,
)

from cesec_desktop.state.tester import Workbench


class NoMockRoutes:
    """ASGI middleware: the mock with its /mock routes answering 404, a server that is no
    mock (but signs in and serves the cabinet API like one)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/mock"):
            await PlainTextResponse("Not Found", 404)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def test_the_entry_and_its_shortcut_open_the_window_against_a_mock(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        await workbench_ready(gui)
        main = gui.main
        texts = [a.text() for a in main.help_button.help_menu.actions() if a.isVisible()]
        assert "Tester…" in texts
        assert main.tester_action.shortcut().toString() == "Ctrl+Shift+T"
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active")
        gui.qtbot.keyClick(
            main,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        panel = main.tester_panel
        assert panel is not None and panel.isVisible() and not panel.isModal()
        assert panel.windowTitle() == "Tester"
        tabs = [panel.tab_widget.tabText(i) for i in range(panel.tab_widget.count())]
        assert tabs == ["SMS", "Orders", "Market", "Faults", "Scenario", "Traffic"]
        # The same window again, raised, from the menu.
        main.tester_action.trigger()
        assert main.tester_panel is panel
        # Keyboard: Ctrl+Tab walks the tabs.
        panel.tabs["sms"].table.setFocus()
        gui.qtbot.keyClick(panel.tab_widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert panel.tab_widget.currentIndex() == 1
        assert panel.tabs["orders"].orders_table.accessibleName() == "Open orders"
        panel.close()
        assert main.workbench.watched == set()

    run(scenario())


def test_no_entry_against_a_server_that_is_not_a_mock(
    backend_factory: Callable[..., Backend],
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    plain = backend_factory(start=False)
    plain.app.add_middleware(NoMockRoutes)
    plain.start()
    assert Workbench.for_server("https://cabinet.centras.kz") is None
    assert Workbench.for_server("https://10.1.2.3:8443") is None

    async def scenario() -> None:
        gui = gui_factory(plain.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        await wait_until(lambda: main.workbench.probed, what="the mock probe")
        assert not main.workbench.available
        assert not main.tester_action.isVisible() and not main.tester_action.isEnabled()
        visible = [a.text() for a in main.help_button.help_menu.actions() if a.isVisible()]
        assert "Tester…" not in visible
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active")
        gui.qtbot.keyClick(
            main,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert main.tester_panel is None
        assert main.open_tester() is None

    run(scenario())


def test_sms_codes_are_listed_newest_first_and_copied(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "sms")
        tab = panel.tabs["sms"]
        await withdraw(gui.session, backend)
        newest = (await get_json(backend, "/mock/sms-outbox"))["items"][0]
        await wait_until(
            lambda: (
                bool(tab.model.items) and tab.model.items[0].challenge_id == newest["challenge_id"]
            ),
            what="the new code in the list",
        )
        model = tab.model
        assert model.index(0, model.column_of("code")).data() == newest["code"]
        phone = model.index(0, model.column_of("phone")).data()
        assert phone.startswith("+7 ") and "*** **" in phone and newest["phone"] not in phone
        clipboard = QGuiApplication.clipboard()
        clipboard.clear()
        gui.click(tab.copy_buttons[0])
        assert clipboard.text() == newest["code"]
        assert tab.status.tone == "positive" and newest["code"] not in tab.status.text()
        # The keyboard: select the row, Ctrl+C.
        clipboard.clear()
        click_row(gui, tab.table, 0)
        gui.qtbot.keyClick(tab.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        assert clipboard.text() == newest["code"]

    run(scenario())


def test_orders_are_filled_in_part_and_in_full_and_rejected(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "orders")
        tab = panel.tabs["orders"]
        session = gui.session
        first = await place_order(session, backend, "10")
        second = await place_order(session, backend, "5")
        row = await row_of(tab.orders_table, first.id, "the new order")
        click_row(gui, tab.orders_table, row)
        assert tab.selected_order.id == first.id and tab.partial_button.isEnabled()

        # The field refuses what cannot be a part, before anything is sent.
        for typed in ("0", "10", "1,2,3"):
            gui.type_into(tab.quantity_edit, typed)
            gui.click(tab.partial_button)
            assert tab.quantity_error.isVisible() and tab.quantity_error.text(), typed
        order = await session.call(lambda c: c.order(first.id))
        assert order.filled_quantity == 0

        gui.type_into(tab.quantity_edit, "4")
        assert not tab.quantity_error.isVisible()
        await act(tab, lambda: gui.click(tab.partial_button))
        assert tab.status.tone == "positive", tab.status.text()
        assert "4 of 10" in tab.status.text()
        order = await session.call(lambda c: c.order(first.id))
        assert order.filled_quantity == Decimal(4) and order.status == "partially_filled"

        row = await row_of(tab.orders_table, first.id)
        click_row(gui, tab.orders_table, row)
        await act(tab, lambda: gui.click(tab.fill_button))
        order = await session.call(lambda c: c.order(first.id))
        assert order.status == "filled" and order.filled_quantity == Decimal(10)
        await wait_until(lambda: tab.orders_model.row_of(first.id) is None, what="it to go")

        row = await row_of(tab.orders_table, second.id)
        click_row(gui, tab.orders_table, row)
        gui.type_into(tab.order_reason, "Tester: no liquidity")
        await act(tab, lambda: gui.click(tab.reject_button))
        order = await session.call(lambda c: c.order(second.id))
        assert order.status == "rejected" and order.reject_reason == "Tester: no liquidity"
        assert tab.status.text() == f"Order {order.number} rejected."

    run(scenario())


def test_withdrawals_are_advanced_to_executed_and_to_rejected(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "orders")
        tab = panel.tabs["orders"]
        session = gui.session
        paid = await withdraw(session, backend, "1000.00")
        refused = await withdraw(session, backend, "2000.00")

        row = await row_of(tab.instructions_table, paid.id, "the new withdrawal")
        click_row(gui, tab.instructions_table, row)
        assert tab.processing_button.isEnabled()
        await act(tab, lambda: gui.click(tab.processing_button))
        moved = await session.call(lambda c: c.instruction(paid.id))
        assert moved.status == "processing"
        await wait_until(
            lambda: (
                tab.selected_instruction is not None
                and tab.selected_instruction.status == "processing"
            ),
            what="the row to follow",
        )
        assert not tab.processing_button.isEnabled()  # already there
        await act(tab, lambda: gui.click(tab.executed_button))
        moved = await session.call(lambda c: c.instruction(paid.id))
        assert moved.status == "executed"
        assert tab.status.text() == f"Withdrawal {moved.number} is now executed."

        row = await row_of(tab.instructions_table, refused.id)
        click_row(gui, tab.instructions_table, row)
        gui.type_into(tab.instruction_reason, "Tester: the IBAN is closed")
        await act(tab, lambda: gui.click(tab.rejected_button))
        moved = await session.call(lambda c: c.instruction(refused.id))
        assert moved.status == "rejected" and moved.reject_reason == "Tester: the IBAN is closed"
        await wait_until(
            lambda: tab.instructions_model.row_of(refused.id) is None, what="it to leave"
        )

    run(scenario())


def test_traffic_is_recorded_to_a_har_file_with_the_toggle(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        panel = await open_panel(gui, "traffic")
        tab = panel.tabs["traffic"]
        recorder = gui.session.traffic
        blocked = tmp_path / "a-file"
        blocked.write_text("not a folder")
        gui.type_into(tab.path_edit, str(blocked / "run.har"))
        gui.click(tab.record_button)
        assert not recorder.is_recording and not tab.record_button.isChecked()
        assert tab.path_error_label.isVisible() and tab.path_error_label.text()

        path = tmp_path / "run.har"
        gui.type_into(tab.path_edit, str(path))
        assert not tab.path_error_label.isVisible()
        gui.click(tab.record_button)
        assert recorder.is_recording and tab.record_button.isChecked()
        assert recorder.path == path and tab.record_button.text() == "Stop recording"
        assert str(path) in tab.state_label.text()
        await gui.session.reload_profile()
        gui.click(tab.record_button)
        assert not recorder.is_recording and not tab.record_button.isChecked()
        assert tab.state_label.text() == "Not recording."

        def written() -> bool:
            try:
                entries = json.loads(path.read_text("utf-8"))["log"]["entries"]
            except (OSError, ValueError, KeyError):
                return False
            return any(e["request"]["url"].endswith("/api/v1/me") for e in entries)

        await wait_until(written, what="the HAR file")

    run(scenario())
