"""The details dialogs as one family: the frame they share, and what each adds.

The records come from the real mock backend (in process); the dialogs are real widgets,
opened with `open()`, clicked and keyed with pytest-qt.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import cesec_desktop.views.details_dialog as details_dialog
import cesec_desktop.views.instruction_details as instruction_details
import cesec_desktop.views.order_details as order_details
import cesec_desktop.views.transaction_details as transaction_details
from cesec_desktop.domain.models.instructions import Instruction
from cesec_desktop.domain.models.orders import Order, Transaction
from cesec_desktop.domain.models.profile import Account
from cesec_desktop.settings import Settings
from cesec_desktop.views.details_dialog import DetailsDialog
from cesec_desktop.views.instruction_details import InstructionDetailsDialog
from cesec_desktop.views.order_details import OrderDetailsDialog
from cesec_desktop.views.transaction_details import TransactionDetailsDialog

API = "/api/v1"


class Host(QWidget):
    """A stand-in for the main window: a top-level widget that carries the user's Settings."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.resize(1000, 760)


@pytest.fixture
def host(qtbot: QtBot, settings: Settings) -> Iterator[Host]:
    widget = Host(settings)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    for child in widget.findChildren(DetailsDialog):
        child.reject()


def _items(client: TestClient, headers: dict[str, str], path: str) -> list[dict[str, Any]]:
    response = client.get(f"{API}{path}", headers=headers, params={"limit": 200})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    assert items, f"the mock has no {path}"
    return items


def _transaction(client: TestClient, headers: dict[str, str]) -> Transaction:
    return Transaction.model_validate(_items(client, headers, "/transactions")[0])


def _accounts(client: TestClient, headers: dict[str, str]) -> list[Account]:
    return [Account.model_validate(a) for a in _items(client, headers, "/accounts")]


def _order(client: TestClient, headers: dict[str, str], order_id: str) -> Order:
    response = client.get(f"{API}/orders/{order_id}", headers=headers)
    assert response.status_code == 200, response.text
    return Order.model_validate(response.json())


def _open_order(client: TestClient, headers: dict[str, str]) -> Order:
    listed = [Order.model_validate(o) for o in _items(client, headers, "/orders")]
    first = next(o for o in listed if o.status.is_open)
    return _order(client, headers, first.id)  # with its history


def _instruction(client: TestClient, headers: dict[str, str]) -> Instruction:
    first = _items(client, headers, "/instructions")[0]
    response = client.get(f"{API}/instructions/{first['id']}", headers=headers)
    assert response.status_code == 200, response.text
    return Instruction.model_validate(response.json())


def _fitting(dialog: QWidget, size: QSize) -> QSize:
    """A default size as far as the screen allows (the offscreen one is small)."""
    screen = dialog.screen()
    return size if screen is None else size.boundedTo(screen.availableGeometry().size())


def _three(client: TestClient, headers: dict[str, str], parent: QWidget) -> list[DetailsDialog]:
    return [
        OrderDetailsDialog(_open_order(client, headers), account="CS01001-KZT", parent=parent),
        TransactionDetailsDialog(_transaction(client, headers), parent),
        InstructionDetailsDialog(_instruction(client, headers), "CS01001-KZT", parent),
    ]


# --- the frame -----------------------------------------------------------------------------


def test_the_three_dialogs_share_one_frame(
    qtbot: QtBot, host: Host, client: TestClient, demo_headers: dict[str, str]
) -> None:
    dialogs = _three(client, demo_headers, host)
    looks = []
    for dialog in dialogs:
        dialog.open()
        qtbot.waitExposed(dialog)
        layout = dialog.layout()
        grid = dialog.findChild(QGridLayout)
        assert grid is not None
        panel = grid.parentWidget()
        captions = [w for w in panel.findChildren(QLabel) if w.property("field") == "caption"]
        values = [w for w in panel.findChildren(QWidget) if w.property("field") == "value"]
        assert captions and len(captions) == len(values)
        assert all(c.property("role") == "muted" for c in captions)
        looks.append(
            (
                dialog.windowModality(),
                layout.contentsMargins().left(),
                layout.contentsMargins().top(),
                layout.spacing(),
                dialog.heading.property("role"),
                dialog.heading.text() == dialog.windowTitle(),
                panel.property("role"),
                grid.contentsMargins().left(),
                grid.horizontalSpacing(),
                grid.verticalSpacing(),
                dialog.close_button.text(),
                dialog.close_button.isDefault(),
                dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose),
            )
        )
    assert looks[0][0] == Qt.WindowModality.WindowModal
    assert looks[0][4] == "title" and looks[0][5] and looks[0][10] == "Close"
    assert looks[1] == looks[0] and looks[2] == looks[0], "one frame for all three"
    for dialog in dialogs:
        assert dialog.isModal()
        dialog.close_button.click()
        assert not dialog.isVisible()


def test_esc_closes_each_dialog(
    qtbot: QtBot, host: Host, client: TestClient, demo_headers: dict[str, str]
) -> None:
    for dialog in _three(client, demo_headers, host):
        finished: list[int] = []
        dialog.finished.connect(finished.append)
        dialog.open()
        qtbot.waitExposed(dialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert finished == [0], type(dialog).__name__
        assert not dialog.isVisible()


def test_the_size_is_remembered_between_openings(
    qtbot: QtBot, host: Host, client: TestClient, demo_headers: dict[str, str]
) -> None:
    transaction = _transaction(client, demo_headers)
    first = TransactionDetailsDialog(transaction, host)
    first.open()
    qtbot.waitExposed(first)
    default = first.size()
    assert default.width() >= _fitting(first, TransactionDetailsDialog.default_size).width()
    chosen = default + QSize(90, 70)
    first.resize(chosen)
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert host.settings.geometry("dialogs/transactionDetails") is not None

    second = TransactionDetailsDialog(transaction, host)
    second.open()
    qtbot.waitExposed(second)
    assert second.size() == chosen
    second.reject()

    # Each kind of dialog has its own memory: an order's opens at its own default.
    order = OrderDetailsDialog(_open_order(client, demo_headers), parent=host)
    order.open()
    qtbot.waitExposed(order)
    assert order.size() != chosen
    assert order.width() >= _fitting(order, OrderDetailsDialog.default_size).width()
    order.reject()


def test_settings_given_outright_win_and_no_settings_write_nothing(
    qtbot: QtBot, tmp_path: Path, client: TestClient, demo_headers: dict[str, str]
) -> None:
    transaction = _transaction(client, demo_headers)
    own = Settings(QSettings(str(tmp_path / "own.ini"), QSettings.Format.IniFormat))
    bare = QWidget()
    qtbot.addWidget(bare)
    dialog = TransactionDetailsDialog(transaction, bare, settings=own)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.reject()
    assert own.geometry("dialogs/transactionDetails") is not None

    # A parent window with no Settings: the dialog still works and remembers nothing.
    orphan = TransactionDetailsDialog(transaction, bare)
    orphan.open()
    qtbot.waitExposed(orphan)
    orphan.reject()
    assert not orphan.isVisible()


def test_no_stylesheet_strings_in_the_details_modules() -> None:
    for module in (details_dialog, order_details, transaction_details, instruction_details):
        source = inspect.getsource(module)
        assert "setStyleSheet" not in source, module.__name__
        assert "color:" not in source and "background:" not in source, module.__name__
        assert ".exec(" not in source, module.__name__


# --- transactions --------------------------------------------------------------------------


def test_transaction_details_show_the_account_code_and_the_order_number(
    qtbot: QtBot, host: Host, client: TestClient, demo_headers: dict[str, str]
) -> None:
    transaction = _transaction(client, demo_headers)
    account = next(a for a in _accounts(client, demo_headers) if a.id == transaction.account_id)
    order = _order(client, demo_headers, transaction.order_id)
    assert order.number != order.id and account.number != account.id

    dialog = TransactionDetailsDialog(
        transaction, host, account_number=account.number, order_number=order.number
    )
    requested: list[str] = []
    dialog.orderRequested.connect(requested.append)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.values["account_id"].text() == account.number  # e.g. CS01001-KZT
    assert dialog.values["order_id"].text() == order.number
    assert dialog.field_texts()["order_id"] == order.number
    assert transaction.order_id not in dialog.values["order_id"].text()
    assert dialog.heading.text() == f"Transaction {transaction.number}"
    assert dialog.values["side"].property("tone") in ("positive", "negative")

    link = dialog.order_link
    assert isinstance(link, QPushButton) and link.isVisible()
    assert link.property("role") == "link"
    assert order.number in link.toolTip()
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert requested == [transaction.order_id]

    # The keyboard reaches it too.
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Space)
    assert requested == [transaction.order_id, transaction.order_id]
    assert dialog.isVisible(), "following the link is the page's business"

    dialog.copy()
    copied = dict(line.split("\t") for line in qtbot_clipboard().splitlines())
    assert copied["Order"] == order.number and copied["Sub-account"] == account.number
    dialog.reject()


def qtbot_clipboard() -> str:
    from PySide6.QtGui import QGuiApplication

    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    return clipboard.text()


def test_transaction_details_fall_back_to_the_ids_until_the_number_arrives(
    qtbot: QtBot, host: Host, client: TestClient, demo_headers: dict[str, str]
) -> None:
    transaction = _transaction(client, demo_headers)
    order = _order(client, demo_headers, transaction.order_id)
    dialog = TransactionDetailsDialog(transaction, host)
    requested: list[str] = []
    dialog.orderRequested.connect(requested.append)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.values["account_id"].text() == transaction.account_id
    assert dialog.values["order_id"].text() == transaction.order_id

    dialog.set_order_number(order.number)  # what the page does once it has read the order
    assert dialog.values["order_id"].text() == order.number
    qtbot.mouseClick(dialog.order_link, Qt.MouseButton.LeftButton)
    assert requested == [transaction.order_id]
    dialog.reject()


def test_transaction_details_follow_the_language(
    qtbot: QtBot,
    host: Host,
    client: TestClient,
    demo_headers: dict[str, str],
    languages: Any,
) -> None:
    transaction = _transaction(client, demo_headers)
    dialog = TransactionDetailsDialog(transaction, host, account_number="CS01001-USD")
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.labels["account_id"].text() == "Sub-account"
    languages.set_language("kk")
    QApplication.sendPostedEvents()  # the language change arrives as a posted event
    assert dialog.labels["account_id"].text() == "Қосалқы шот"
    assert dialog.values["account_id"].text() == "CS01001-USD"
    assert dialog.heading.text() == f"{transaction.number} транзакциясы" == dialog.windowTitle()
    languages.set_language("en")
    QApplication.sendPostedEvents()
    assert dialog.labels["account_id"].text() == "Sub-account"
    dialog.reject()


# --- orders and instructions ---------------------------------------------------------------


def test_order_details_keep_their_badge_fields_and_cancel(
    qtbot: QtBot, host: Host, client: TestClient, demo_headers: dict[str, str]
) -> None:
    order = _open_order(client, demo_headers)
    dialog = OrderDetailsDialog(order, account="CS01001-USD", parent=host)
    cancels: list[str] = []
    dialog.cancelRequested.connect(cancels.append)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == f"Order No. {order.number}" == dialog.windowTitle()
    assert dialog.badge.isVisible() and dialog.badge.property("tone") == "info"
    assert dialog.ui.statusLabel is dialog.badge and dialog.ui.titleLabel is dialog.heading
    assert dialog.value_text("account") == "CS01001-USD"
    assert dialog.value_text("orderId") == order.id
    assert dialog.fields.values["side"].property("tone") in ("positive", "negative")
    assert not dialog.fields.values["reject"].isVisible()
    assert dialog.history_rows()[0][1] == "New"
    assert dialog.ui.historyView.property("role") == "detailsHistory"

    assert dialog.ui.cancelOrderButton.isVisible()
    qtbot.mouseClick(dialog.ui.cancelOrderButton, Qt.MouseButton.LeftButton)
    assert cancels == [order.id]
    dialog.set_cancelling(True)
    assert dialog.busy_bar.isVisible() and not dialog.ui.cancelOrderButton.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    watching = OrderDetailsDialog(order, read_only=True, parent=host)
    watching.open()
    qtbot.waitExposed(watching)
    assert not watching.ui.cancelOrderButton.isVisible()
    watching.reject()


def test_instruction_details_colour_the_status_by_a_property(
    qtbot: QtBot, host: Host, client: TestClient, demo_headers: dict[str, str]
) -> None:
    item = _instruction(client, demo_headers)
    dialog = InstructionDetailsDialog(item, "CS01001-KZT", host)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.heading.text() == f"Instruction No. {item.number}" == dialog.windowTitle()
    assert dialog.field_text("account") == "CS01001-KZT"
    assert dialog.field_text("iban") == item.iban
    status = dialog.values["status"]
    assert status.property("tone") in ("info", "warning", "positive", "negative")
    assert status.styleSheet() == ""
    assert dialog.history_rows()
    assert dialog.history.property("role") == "detailsHistory"
    dialog.reject()
