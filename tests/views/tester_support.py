"""Helpers of the Tester panel's tests: open the panel, click rows, make codes, orders and
withdrawals through the API (the things a user of the app would do beside the tester)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QTableView

from cesec_desktop.api.client import new_idempotency_key
from cesec_desktop.domain.enums import Currency
from cesec_desktop.domain.models.instructions import Instruction, InstructionDraftRequest
from cesec_desktop.domain.models.orders import Order, OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature
from cesec_desktop.state.clock import almaty_today
from cesec_desktop.state.session import Session
from cesec_desktop.state.tester import Workbench
from cesec_desktop.views.tester_panel import TesterPanel


async def get_json(backend: Backend, path: str, **params: Any) -> Any:
    def get() -> Any:
        response = httpx.get(backend.url + path, params=params, timeout=10)
        response.raise_for_status()
        return response.json()

    return await asyncio.to_thread(get)


async def sms_code(backend: Backend, challenge_id: str) -> str:
    outbox = await get_json(backend, "/mock/sms-outbox")
    return str(next(i["code"] for i in outbox["items"] if i["challenge_id"] == challenge_id))


async def place_order(
    session: Session, backend: Backend, quantity: str = "10", price: str = "1.00"
) -> Order:
    """A limit buy of HSBK signed by SMS; at the default price, far below the market, it
    stays open."""
    request = OrderDraftRequest(
        account_id="acc_demo_kzt",
        instrument_id="KASE:HSBK",
        side="buy",
        type="limit",
        price=Decimal(price),
        quantity=Decimal(quantity),
        valid_until=almaty_today() + timedelta(days=7),
    )
    draft = await session.call(lambda client: client.create_order_draft(request))
    challenge = await session.call(lambda client: client.send_sms(draft.draft_id))
    code = await sms_code(backend, challenge.challenge_id)
    signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
    key = new_idempotency_key()
    return await session.call(lambda client: client.confirm_order(draft.draft_id, signature, key))


async def withdraw(session: Session, backend: Backend, amount: str = "1000.00") -> Instruction:
    request = InstructionDraftRequest(
        account_id="acc_demo_kzt",
        currency=Currency.KZT,
        amount=Decimal(amount),
        recipient_iin="880607300110",
        iban="KZ476010131000179714",
        bic="HSBKKZKX",
    )
    draft = await session.call(lambda client: client.create_instruction_draft(request))
    challenge = await session.call(lambda client: client.send_sms(draft.draft_id))
    code = await sms_code(backend, challenge.challenge_id)
    signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
    key = new_idempotency_key()
    return await session.call(
        lambda client: client.confirm_instruction(draft.draft_id, signature, key)
    )


async def workbench_ready(gui: Gui) -> Workbench:
    """The main window's workbench, once the server said it is a mock."""
    main = gui.main
    assert main.workbench is not None
    await wait_until(lambda: main.workbench.available, what="the mock probe")
    await wait_until(lambda: main.tester_action.isVisible(), what="the Tester entry")
    return main.workbench  # type: ignore[no-any-return]


async def open_panel(gui: Gui, tab: str | None = None) -> TesterPanel:
    """Sign in, open the Tester window from the Help menu's entry, and show `tab`."""
    await gui.sign_in(*DEMO)
    await workbench_ready(gui)
    gui.main.tester_action.trigger()
    panel: TesterPanel = gui.main.tester_panel
    await wait_until(panel.isVisible, what="the Tester window")
    if tab is not None:
        click_tab(gui, panel, tab)
    return panel


def click_tab(gui: Gui, panel: TesterPanel, key: str) -> None:
    """Click the tab's title in the tab bar, as a user does."""
    bar = panel.tab_widget.tabBar()
    index = panel.tab_widget.indexOf(panel.tabs[key])
    gui.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert panel.tab_widget.currentIndex() == index


def click_row(gui: Gui, table: QTableView, row: int, column: int = 0) -> None:
    index: QModelIndex = table.model().index(row, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    gui.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


async def row_of(table: QTableView, item_id: str, what: str = "the row") -> int:
    """Wait for the row of `item_id` to be listed, and say where it is."""
    model: Any = table.model()
    await wait_until(lambda: model.row_of(item_id) is not None, what=what)
    row = model.row_of(item_id)
    assert row is not None
    return int(row)


async def confirm(gui: Gui, tab: Any, accept: bool = True) -> None:
    """Answer the question a tab asks before the world is replaced."""
    await wait_until(
        lambda: tab.confirm_box is not None and tab.confirm_box.isVisible(), what="the question"
    )
    box: QMessageBox = tab.confirm_box
    button: QAbstractButton | None = (
        box.findChild(QAbstractButton, "testerConfirmYes")
        if accept
        else box.button(QMessageBox.StandardButton.Cancel)
    )
    assert button is not None
    gui.click(button)


async def act(tab: Any, do: Callable[[], object], what: str = "the answer") -> str:
    """Do something that sends an action, and wait for the tab's status line to answer;
    its text."""
    before = tab.status.answers
    do()
    await wait_until(lambda: tab.status.answers > before, what=what)
    return str(tab.status.text())
