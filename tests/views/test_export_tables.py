"""Every table exports (issue 6, item 4) against the real mock: Home's quote tables, Portfolio's
securities and money, Orders and Transactions write the rows shown (after a filter) to CSV and
XLSX, with the headers on screen (in Russian too) and numbers as numbers; the outcome is
reported on the page or in the status bar; Ctrl+C on a table copies its selected row."""

from __future__ import annotations

import asyncio
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from export_support import read_cells, read_csv, read_xlsx
from gui_support import Gui, wait_until
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QFileDialog
from testkit import DEMO

from cesec_desktop.domain.enums import Side
from cesec_desktop.state.export import ExportFormat
from cesec_desktop.state.orders_model import ORDER_ROLE
from cesec_desktop.state.orders_model import Column as OrderColumn
from cesec_desktop.state.orders_query import Period, almaty_today
from cesec_desktop.state.portfolio_model import MoneyColumn, SecurityColumn
from cesec_desktop.state.quote_table_model import Column as QuoteColumn
from cesec_desktop.state.transactions_model import TRANSACTION_ROLE
from cesec_desktop.state.transactions_model import Column as TransactionColumn
from cesec_desktop.views.widgets.export_button import ExportButton

CYRILLIC = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


# --- reading back --------------------------------------------------------------------------


def shown(model: QAbstractItemModel) -> tuple[list[int], list[str], list[list[str]]]:
    """What the table shows: the columns with a header, their headers, the rows' texts."""
    columns = [
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) not in (None, "")
    ]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    rows = [[str(model.index(r, c).data() or "") for c in columns] for r in range(model.rowCount())]
    return columns, headers, rows


async def export_both(
    button: ExportButton, folder: Path, name: str, delimiter: str = ","
) -> tuple[list[list[str]], list[list[Any]]]:
    """Export through the button to CSV and XLSX; both files read back."""
    csv_path, xlsx_path = folder / f"{name}.csv", folder / f"{name}.xlsx"
    assert await button.export_to(str(csv_path), ExportFormat.CSV)
    assert await button.export_to(str(xlsx_path), ExportFormat.XLSX)
    return read_csv(csv_path, delimiter), read_xlsx(xlsx_path)


def check_rows_shown(
    model: QAbstractItemModel,
    csv_rows: list[list[str]],
    xlsx_rows: list[list[Any]],
    key: int,
    currency_after: int | None = None,
) -> list[int]:
    """Both files hold the headers on screen and the rows shown, in the shown order (the
    key column's text identifies a row); with `currency_after`, a "Currency" column right
    after that money column. Returns the model column at each position of the files (-1:
    the added currency column)."""
    columns, headers, rows = shown(model)
    if currency_after is not None:
        at = columns.index(currency_after) + 1
        columns.insert(at, -1)
        headers.insert(at, QCoreApplication.translate("Export", "Currency"))
    assert csv_rows[0] == headers and xlsx_rows[0] == headers
    position = columns.index(key)
    expected = [r[shown(model)[0].index(key)] for r in rows]
    assert [r[position] for r in csv_rows[1:]] == expected
    assert [r[position] for r in xlsx_rows[1:]] == expected
    return columns


def status_message(gui: Gui) -> str:
    return str(gui.main.statusBar().currentMessage())


async def signed_in(gui_factory: Any, backend: Any) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in(*DEMO)
    return gui


# --- Home ----------------------------------------------------------------------------------


def test_each_quote_panel_exports_its_rows_and_reports_in_the_status_bar(
    run: Any, gui_factory: Any, backend: Any, tmp_path: Path
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        home = gui.main.home
        await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists")
        today = almaty_today().isoformat()
        for market, panel in home.panels.items():
            model = panel.model
            await wait_until(
                lambda m=model: (
                    m.rowCount() > 0 and all(m.quote(r) is not None for r in range(m.rowCount()))
                ),
                what=f"{market} quotes",
            )
            button = panel.export_button
            assert button.isVisible() and button.parent() is panel
            assert button.file_name() == f"{panel.heading.text()} {today}"
            csv_rows, xlsx_rows = await export_both(button, tmp_path, market)
            columns = check_rows_shown(model, csv_rows, xlsx_rows, QuoteColumn.TICKER)
            last = columns.index(QuoteColumn.LAST)
            for row, cells in enumerate(xlsx_rows[1:]):
                quote = model.quote(row)
                assert isinstance(cells[last], float)  # a number, not text
                assert Decimal(csv_rows[row + 1][last]) == quote.last
                assert abs(cells[last] - float(quote.last)) < 1e-6
            assert f"{market}.xlsx" in status_message(gui)

        # Through the menu and the file dialog, as a user does: the suggested name.
        button = home.panels["INTL"].export_button
        button.directory = str(tmp_path)
        button.xlsx_action.trigger()
        await wait_until(lambda: button.file_dialog is not None, what="the file dialog")
        dialog = button.file_dialog
        assert isinstance(dialog, QFileDialog)
        assert dialog.selectedFiles()[0].endswith(f"International {today}.xlsx")
        dialog.accept()
        await wait_until(lambda: f"International {today}.xlsx" in status_message(gui), what="ok")
        assert (tmp_path / f"International {today}.xlsx").exists()

    run(scenario(), timeout=60)


# --- Portfolio -----------------------------------------------------------------------------


def test_portfolio_exports_securities_and_money_after_the_sub_account_filter(
    run: Any, gui_factory: Any, backend: Any, tmp_path: Path
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.main.show_page("portfolio")
        page = gui.main.pages["portfolio"]
        store = page.store
        await wait_until(
            lambda: store.portfolio is not None and not store.loading, what="the portfolio"
        )
        assert page.securities_export.isVisible() and not page.money_export.isVisible()
        proxy = page.securities_view.model()
        everything = proxy.rowCount()

        # Only one sub-account's positions are shown, then exported.
        page.account_combo.setCurrentIndex(1)
        account = page.account_combo.itemData(1)
        await wait_until(
            lambda: (
                store.portfolio is not None
                and store.portfolio.account_id == account
                and not store.loading
            ),
            what="the sub-account's portfolio",
        )
        assert 0 < proxy.rowCount() < everything
        csv_rows, xlsx_rows = await export_both(page.securities_export, tmp_path, "securities")
        columns = check_rows_shown(proxy, csv_rows, xlsx_rows, SecurityColumn.INSTRUMENT)
        quantity = columns.index(SecurityColumn.QUANTITY)
        value = columns.index(SecurityColumn.VALUE)
        for row, cells in enumerate(xlsx_rows[1:]):
            holding = store.securities.rows[proxy.mapToSource(proxy.index(row, 0)).row()]
            assert holding.position.account_id == account
            assert cells[quantity] == float(holding.position.quantity)
            assert Decimal(csv_rows[row + 1][quantity]) == holding.position.quantity
            assert isinstance(cells[value], float)
        assert "securities.xlsx" in status_message(gui)
        title = page.tabs.tabText(0)
        assert page.securities_export.file_name().startswith(f"Portfolio \N{EN DASH} {title}")

        # The Money tab shows its own button; balances are numbers too.
        page.tabs.setCurrentIndex(1)
        assert page.money_export.isVisible() and not page.securities_export.isVisible()
        money = page.money_view.model()
        csv_rows, xlsx_rows = await export_both(page.money_export, tmp_path, "money")
        columns = check_rows_shown(money, csv_rows, xlsx_rows, MoneyColumn.CURRENCY)
        balance = columns.index(MoneyColumn.BALANCE)
        balances = sorted(float(c.balance) for c in store.money.rows)
        assert sorted(r[balance] for r in xlsx_rows[1:]) == balances
        assert "money.xlsx" in status_message(gui)

    run(scenario(), timeout=60)


# --- Orders --------------------------------------------------------------------------------


def test_orders_export_the_filtered_rows_with_prices_as_numbers_and_their_currency(
    run: Any, gui_factory: Any, backend: Any, tmp_path: Path
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.main.show_page("orders")
        page = gui.main.pages["orders"]
        gui.click(page.period_buttons[Period.MONTH])
        await wait_until(lambda: page.model.loaded and not page.model.loading, what="orders")
        everything = page.proxy.rowCount()
        page.side_filter.setCurrentIndex(page.side_filter.findData(str(Side.BUY)))
        assert 0 < page.proxy.rowCount() < everything
        csv_rows, xlsx_rows = await export_both(page.export_button, tmp_path, "orders")
        columns = check_rows_shown(
            page.proxy, csv_rows, xlsx_rows, OrderColumn.NUMBER, currency_after=OrderColumn.PRICE
        )
        side = columns.index(OrderColumn.SIDE)
        assert {r[side] for r in csv_rows[1:]} == {page.side_filter.currentText()}
        price, quantity = columns.index(OrderColumn.PRICE), columns.index(OrderColumn.QUANTITY)
        currency = price + 1
        cells = read_cells(tmp_path / "orders.xlsx")[1:]
        limits, currencies = 0, set()
        for row, values in enumerate(xlsx_rows[1:]):
            order = page.proxy.index(row, 0).data(ORDER_ROLE)
            # The price's currency beside it, in both files: the table mixes KZT and USD.
            assert values[currency] == csv_rows[row + 1][currency] == order.currency.value
            currencies.add(order.currency.value)
            assert values[quantity] == float(order.quantity)
            assert cells[row][quantity].format == "#,##0"  # whole lots
            if order.price is not None:
                limits += 1
                assert values[price] == float(order.price)
                assert Decimal(csv_rows[row + 1][price]) == order.price
                exponent = order.price.as_tuple().exponent
                places = max(2, -exponent if isinstance(exponent, int) else 0)
                assert cells[row][price].format == "#,##0." + "0" * places
            else:  # a market order: the text on screen, no made-up zero
                assert values[price] == page.proxy.index(row, OrderColumn.PRICE).data()
        assert limits > 0 and currencies >= {"KZT", "USD"}
        assert page.notice.isVisible() and "orders.xlsx" in page.notice.text()
        assert page.export_button.file_name().startswith("Orders ")

    run(scenario(), timeout=60)


# --- Transactions (and Russian headers) ----------------------------------------------------


def test_transactions_export_the_filtered_rows_with_headers_in_the_ui_language(
    run: Any, gui_factory: Any, backend: Any, languages: Any, tmp_path: Path
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        page = gui.main.pages["transactions"]
        page.select_period("all")
        gui.main.show_page("transactions")
        await wait_until(
            lambda: page.model.is_loaded and page.model.complete and not page.model.loading,
            what="the transactions",
        )
        everything = page.proxy.rowCount()
        ticker = page.proxy.index(0, 0).data(TRANSACTION_ROLE).ticker
        gui.type_into(page.instrument_filter, ticker)
        await wait_until(lambda: page.proxy.needle == ticker.upper(), what="the filter")
        assert 0 < page.proxy.rowCount() < everything
        csv_rows, xlsx_rows = await export_both(page.export_button, tmp_path, "transactions")
        columns = check_rows_shown(page.proxy, csv_rows, xlsx_rows, TransactionColumn.NUMBER)
        amount = columns.index(TransactionColumn.AMOUNT)
        for row, cells in enumerate(xlsx_rows[1:]):
            transaction = page.proxy.index(row, 0).data(TRANSACTION_ROLE)
            assert ticker in page.proxy.index(row, TransactionColumn.INSTRUMENT).data()
            assert cells[amount] == float(transaction.amount)
        assert "transactions.xlsx" in status_message(gui)

        # In Russian: the same rows under the Russian headers on screen.
        languages.set_language("ru")
        await asyncio.sleep(0)
        # A Russian CSV: semicolons and decimal commas, as Excel in Russian reads it.
        csv_rows, xlsx_rows = await export_both(page.export_button, tmp_path, "сделки", ";")
        columns = check_rows_shown(page.proxy, csv_rows, xlsx_rows, TransactionColumn.NUMBER)
        assert all(CYRILLIC.search(h) for h in csv_rows[0][1:])
        amount = columns.index(TransactionColumn.AMOUNT)
        for row, cells in enumerate(csv_rows[1:]):
            transaction = page.proxy.index(row, 0).data(TRANSACTION_ROLE)
            assert "." not in cells[amount]
            assert Decimal(cells[amount].replace(",", ".")) == transaction.amount
        assert CYRILLIC.search(page.export_button.text())
        assert "сделки.xlsx" in status_message(gui)

    run(scenario(), timeout=60)


# --- Ctrl+C --------------------------------------------------------------------------------


def copy_with_keys(gui: Gui, table: QAbstractItemView, row: int) -> str:
    """Click a row, press Ctrl+C on the table; the clipboard's text."""
    QGuiApplication.clipboard().clear()
    gui.main.activateWindow()
    rect = table.visualRect(table.model().index(row, 1))
    gui.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table.setFocus(Qt.FocusReason.MouseFocusReason)
    gui.qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QGuiApplication.clipboard().text()


def test_ctrl_c_copies_the_selected_row_as_tab_separated_text(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        home = gui.main.home
        table = home.panels["KASE"].table
        await wait_until(lambda: table.model().rowCount() > 1, what="KASE rows")
        text = copy_with_keys(gui, table, 1)
        _columns, _headers, rows = shown(table.model())
        assert text.split("\t") == rows[1]  # the whole row, every column, not one cell
        assert "copied" in status_message(gui)

        gui.main.show_page("portfolio")
        page = gui.main.pages["portfolio"]
        view = page.securities_view
        await wait_until(lambda: view.model() is not None and view.model().rowCount() > 0, what="x")
        text = copy_with_keys(gui, view, 0)
        _columns, _headers, rows = shown(view.model())
        assert text.split("\t") == rows[0]

    run(scenario(), timeout=60)
