"""Export in the user's language and money with its currency (issue 11, §4): CSV with the
locale's separators (`;` and a decimal comma in kk and ru, `,` and a dot in en), UTF-8 with
a BOM; XLSX numbers typed as numbers with the currency's decimals; a currency column beside
every money column that has none; Qt's file dialog in the UI language."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from export_support import BOM, excel_day, read_cells, read_csv
from gui_support import wait_until
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QTableView

from cesec_desktop.state.export import RAW_ROLE, ExportFormat, export_model, rows_as_text
from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.roles import CURRENCY_ROLE
from cesec_desktop.views.widgets.export_button import ExportButton

MARKET = "Рыночная"
ORDERS = [
    # number, name, price, currency, quantity, filled, settled, created
    (
        "B-1",
        "Казахтелеком; облигации",  # a separator inside a text: the cell is quoted
        Decimal("98.1234"),  # a bond's price keeps its 4 decimals
        "KZT",
        Decimal("10"),
        Decimal("10.00"),
        date(2026, 11, 5),
        datetime(2026, 11, 3, 9, 30, tzinfo=UTC),
    ),
    (
        "S-2",
        "Халык Банк",
        Decimal("1500000.5"),
        "KZT",
        Decimal("2.5"),
        Decimal("0"),
        date(2026, 11, 6),
        datetime(2026, 11, 3, 19, 5, tzinfo=UTC),  # past midnight in Almaty
    ),
    (
        "U-3",
        "Apple",
        Decimal("187"),
        "USD",
        Decimal("3.00"),
        Decimal("3"),
        date(2026, 11, 7),
        datetime(2026, 11, 4, 6, 0, tzinfo=UTC),
    ),
    ("M-4", "Kaspi", None, "KZT", Decimal("1"), Decimal("1"), None, None),  # a market order
]
HEADERS = ["No.", "Name", "Price", "Quantity", "Filled", "Settled", "Created"]


def item(text: str, raw: Any = None, currency: Any = None) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setData(raw, RAW_ROLE)
    if currency is not None:
        cell.setData(currency, CURRENCY_ROLE)
    return cell


def orders_table() -> QStandardItemModel:
    """An Orders-like table: a "…" column, a money column without a currency column."""
    model = QStandardItemModel(0, len(HEADERS) + 1)
    model.setHorizontalHeaderLabels(["", *HEADERS])
    for number, name, price, currency, quantity, filled, settled, created in ORDERS:
        model.appendRow(
            [
                item("\N{MIDLINE HORIZONTAL ELLIPSIS}"),
                item(number, number),
                item(name, name),
                item(MARKET if price is None else f"{price} {currency}", price, currency),
                item(str(quantity), quantity),
                item(str(filled), filled),
                item("\N{EM DASH}" if settled is None else str(settled), settled),
                item("\N{EM DASH}" if created is None else str(created), created),
            ]
        )
    return model


def currency_header() -> str:
    return QCoreApplication.translate("Export", "Currency")


# --- CSV -----------------------------------------------------------------------------------


def test_csv_in_russian_has_semicolons_decimal_commas_and_a_bom(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    languages.set_language("ru")  # the UI locale, not an argument: the file follows the UI
    path = tmp_path / "заявки.csv"
    assert run(export_model(orders_table(), path, ExportFormat.CSV)) == 4
    currency = currency_header()
    lines = [
        f"No.;Name;Price;{currency};Quantity;Filled;Settled;Created",
        'B-1;"Казахтелеком; облигации";98,1234;KZT;10,0;10;2026-11-05;2026-11-03 14:30:00',
        "S-2;Халык Банк;1500000,50;KZT;2,5;0;2026-11-06;2026-11-04 00:05:00",
        "U-3;Apple;187,00;USD;3,0;3;2026-11-07;2026-11-04 11:00:00",
        f"M-4;Kaspi;{MARKET};KZT;1,0;1;\N{EM DASH};\N{EM DASH}",
    ]
    assert path.read_bytes() == BOM + "".join(f"{line}\r\n" for line in lines).encode()


def test_csv_in_kazakh_follows_the_same_conventions(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    languages.set_language("kk")
    path = tmp_path / "өтінімдер.csv"
    run(export_model(orders_table(), path, ExportFormat.CSV))
    rows = read_csv(path, delimiter=";")
    assert rows[0][:4] == ["No.", "Name", "Price", currency_header()]
    assert rows[2][2] == "1500000,50" and rows[1][4] == "10,0"


def test_csv_in_english_has_commas_and_decimal_dots(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    languages.set_language("en")
    path = tmp_path / "orders.csv"
    run(export_model(orders_table(), path, ExportFormat.CSV))
    lines = [
        "No.,Name,Price,Currency,Quantity,Filled,Settled,Created",
        "B-1,Казахтелеком; облигации,98.1234,KZT,10.0,10,2026-11-05,2026-11-03 14:30:00",
        "S-2,Халык Банк,1500000.50,KZT,2.5,0,2026-11-06,2026-11-04 00:05:00",
        "U-3,Apple,187.00,USD,3.0,3,2026-11-07,2026-11-04 11:00:00",
        f"M-4,Kaspi,{MARKET},KZT,1.0,1,\N{EM DASH},\N{EM DASH}",
    ]
    assert path.read_bytes() == BOM + "".join(f"{line}\r\n" for line in lines).encode()


# --- XLSX ----------------------------------------------------------------------------------


def test_xlsx_numbers_are_numbers_with_the_currency_s_decimals(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    languages.set_language("ru")
    path = tmp_path / "заявки.xlsx"
    run(export_model(orders_table(), path, ExportFormat.XLSX, sheet="Заявки"))
    rows = read_cells(path)
    assert [c.value for c in rows[0]] == [
        "No.",
        "Name",
        "Price",
        currency_header(),
        "Quantity",
        "Filled",
        "Settled",
        "Created",
    ]
    body = rows[1:]
    price = [row[2] for row in body]
    assert [c.value for c in price[:3]] == [98.1234, 1500000.5, 187.0]
    assert all(c.is_number for c in price[:3])
    # KZT and USD have 2 decimals; a bond's price keeps its 4; never "#,##0" for money.
    assert [c.format for c in price[:3]] == ["#,##0.0000", "#,##0.00", "#,##0.00"]
    assert not price[3].is_number and price[3].value == MARKET  # no made-up zero
    assert [row[3].value for row in body] == ["KZT", "KZT", "USD", "KZT"]
    assert all(not row[3].is_number for row in body)
    # Quantities: one format per column, integers stay integers.
    assert [(c.value, c.format) for c in (row[4] for row in body)] == [
        (10.0, "#,##0.0"),
        (2.5, "#,##0.0"),
        (3.0, "#,##0.0"),
        (1.0, "#,##0.0"),
    ]
    assert {row[5].format for row in body} == {"#,##0"} and body[0][5].value == 10.0
    # Dates are dates, in the language's format; moments in Almaty time.
    settled, created = body[1][6], body[1][7]
    assert settled.is_number and settled.format == "dd.mm.yyyy"
    assert excel_day(settled.value) == datetime(2026, 11, 6)
    assert created.is_number and created.format == "dd.mm.yyyy hh:mm:ss"
    assert abs((excel_day(created.value) - datetime(2026, 11, 4, 0, 5)).total_seconds()) < 1


def test_xlsx_dates_follow_the_language(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    formats = {}
    for language in ("kk", "en"):
        languages.set_language(language)
        path = tmp_path / f"{language}.xlsx"
        run(export_model(orders_table(), path, ExportFormat.XLSX))
        formats[language] = read_cells(path)[1][6].format
    # dd.MM.yyyy in kk (as in ru); en_GB's day-first dd/MM/yyyy, its "/" kept literal.
    assert formats == {"kk": "dd.mm.yyyy", "en": "dd\\/mm\\/yyyy"}


def test_an_explicit_locale_wins_over_the_ui_s(tmp_path: Path, run: Callable[..., Any]) -> None:
    path = tmp_path / "out.csv"
    run(export_model(orders_table(), path, ExportFormat.CSV, locale=QLocale("ru_KZ")))
    assert read_csv(path, delimiter=";")[2][2] == "1500000,50"


# --- which currency columns ------------------------------------------------------------------


def transactions_table(currency_column: bool) -> QStandardItemModel:
    """Amount and fee in one currency per row; with or without a Currency column."""
    headers = ["No.", "Amount", "Qty", "Fee"] + (["Валюта"] if currency_column else [])
    model = QStandardItemModel(0, len(headers))
    model.setHorizontalHeaderLabels(headers)
    for number, amount, fee, currency in (
        ("T-1", Decimal("1000"), Decimal("1.5"), "KZT"),
        ("T-2", Decimal("20.25"), Decimal("0.1"), "USD"),
    ):
        row = [
            item(number, number),
            item(str(amount), amount, currency),
            item("5", Decimal(5)),
            item(str(fee), fee, currency),
        ]
        if currency_column:
            row.append(item(currency, currency))
        model.appendRow(row)
    return model


def test_a_table_that_shows_its_currencies_gets_no_second_currency_column(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    path = tmp_path / "t.csv"
    run(export_model(transactions_table(currency_column=True), path, ExportFormat.CSV))
    rows = read_csv(path)
    assert rows[0] == ["No.", "Amount", "Qty", "Fee", "Валюта"]
    assert rows[1] == ["T-1", "1000.00", "5", "1.50", "KZT"]
    assert rows[2] == ["T-2", "20.25", "5", "0.10", "USD"]


def test_money_columns_in_the_same_currency_share_one_currency_column(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    path = tmp_path / "t.xlsx"
    run(export_model(transactions_table(currency_column=False), path, ExportFormat.XLSX))
    rows = read_cells(path)
    assert [c.value for c in rows[0]] == ["No.", "Amount", "Qty", "Fee", "Currency"]
    assert [c.value for c in rows[2]] == ["T-2", 20.25, 5.0, 0.1, "USD"]
    assert [c.format for c in rows[1][1:4]] == ["#,##0.00", "#,##0", "#,##0.00"]


def test_money_columns_in_different_currencies_each_get_theirs(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Ticker", "Price", "Amount"])
    model.appendRow(
        [
            item("AAPL", "AAPL"),
            item("187", Decimal("187"), "USD"),
            item("93 500", Decimal("93500"), "KZT"),
        ]
    )
    path = tmp_path / "two.csv"
    run(export_model(model, path, ExportFormat.CSV))
    assert read_csv(path) == [
        ["Ticker", "Price", "Currency (Price)", "Amount", "Currency (Amount)"],
        ["AAPL", "187.00", "USD", "93500.00", "KZT"],
    ]


def test_a_model_using_the_role_for_something_else_gets_no_currency(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    # The quote tables serve a flag under the same role number (their StaleRole).
    model = QStandardItemModel(0, 2)
    model.setHorizontalHeaderLabels(["Ticker", "Last"])
    model.appendRow([item("KCEL", "KCEL", True), item("2 530", Decimal("2530"), False)])
    path = tmp_path / "quotes.csv"
    run(export_model(model, path, ExportFormat.CSV, locale=QLocale("en_GB")))
    assert read_csv(path) == [["Ticker", "Last"], ["KCEL", "2530"]]


def test_the_clipboard_keeps_the_screen_s_texts_without_currency_columns() -> None:
    model = orders_table()
    text = rows_as_text(model, [1])
    assert text.split("\t") == [
        "S-2",
        "Халык Банк",
        "1500000.5 KZT",
        "2.5",
        "0",
        "2026-11-06",
        "2026-11-03 19:05:00+00:00",
    ]


# --- the file dialog -----------------------------------------------------------------------

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def test_the_file_dialog_is_the_platform_s_or_speaks_the_ui_language(
    tmp_path: Path, run: Callable[..., Any], languages: LanguageManager
) -> None:
    view = QTableView()
    view.setModel(orders_table())
    button = ExportButton(view, file_name=lambda: "заявки")
    button.directory = str(tmp_path)
    seen: dict[str, list[str]] = {}

    async def scenario(language: str) -> None:
        languages.set_language(language)
        assert Path(languages.qt_catalogue).name == f"qtbase_{language}.qm"
        button.csv_action.trigger()
        await wait_until(lambda: button.file_dialog is not None, what="the file dialog")
        dialog = button.file_dialog
        assert isinstance(dialog, QFileDialog)
        # Nothing forces Qt's own dialog where the platform has one.
        assert not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        # Offscreen there is no native one: Qt's own, then, in the UI language.
        texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
        texts += [
            w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible() and w.text()
        ]
        seen[language] = [t for t in texts if LATIN_WORD.search(t.replace("&", ""))]
        dialog.reject()
        await wait_until(lambda: button.file_dialog is None, what="the dialog to close")

    for language in ("kk", "ru"):
        run(scenario(language))
    assert seen == {"kk": [], "ru": []}
