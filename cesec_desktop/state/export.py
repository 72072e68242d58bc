"""Tables out of the app: CSV and XLSX files, and selected rows as tab-separated text.

What is exported is what the user sees: the rows of the model given (a proxy: the rows
shown, filtered, in the shown order), the columns with a header (a "…" column has none),
the headers in the UI language. The model is read on the UI thread into a plain snapshot,
together with the UI locale's conventions; the file is written in a worker thread
(`asyncio.to_thread`), so a big table never freezes the window.

Numbers stay numbers: a cell whose raw value (the sort role) is a Decimal is written as a
number, a date or moment as a date; anything else as the text on screen. Decimals are one
rule for both files (`places`): a money cell has its currency's decimals (2 for KZT and
USD), or more when the value has them (a bond's price keeps its 4); another number column
(quantities, percentages) has one number of decimals for the whole column, the most its
values have, so that integer quantities stay integers and a column never switches between
`#,##0` and `#,##0.00`.

Money never goes out without its currency: a money column's cells carry their currency
under CURRENCY_ROLE, and a file gets a "Currency" column right after such a column unless
the table already shows a column of exactly those currencies (`_currency_columns`).

CSV follows the UI locale, so that Excel set up for that region opens it in columns: where
the decimal separator is a comma (kk, ru), the list separator is a semicolon and numbers are
written `1500000,50`; in English a comma and `1500000.50`. No thousands separators (Excel
would read `1 500 000,50` as text). UTF-8 with a BOM, so that Excel reads Cyrillic and
Kazakh letters right.
"""

from __future__ import annotations

import asyncio
import csv
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from cesec_desktop.logging_setup import private_file, private_opener
from cesec_desktop.state.formatting import date_pattern, display_zone
from cesec_desktop.state.roles import CURRENCY_ROLE, SORT_ROLE

RAW_ROLE = SORT_ROLE
"""The role with a cell's raw value: the list tables' sort role."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_MAX_WIDTH = 60
_MAX_PLACES = 8
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")

MINOR_UNITS: dict[str, int] = {}
"""Decimals of a currency whose minor unit is not the cent (ISO 4217); 2 for the others,
KZT, USD, EUR, RUB among them."""
DEFAULT_MINOR_UNIT = 2


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


RawSource = int | Callable[[QModelIndex], Any]
"""Where a cell's raw value comes from: a role, or a function of the index (for a model whose
sort role holds a sort key, such as a tuple, rather than the value itself)."""

Raw = Decimal | datetime | date | None


@dataclass(frozen=True)
class Cell:
    """A cell: the text on screen, its raw value when it is a number or a date, and the
    currency of a money cell."""

    text: str
    raw: Raw = None
    currency: str | None = None


@dataclass(frozen=True)
class Conventions:
    """How the UI language writes numbers and dates in a file: read from QLocale on the
    UI thread, so that the worker thread needs no Qt locale of its own."""

    decimal_point: str = "."
    delimiter: str = ","
    day_format: str = "dd.mm.yyyy"
    """The Excel number format of a date: the language's date pattern (dd.mm.yyyy in kk and
    ru, dd/mm/yyyy in en), the same as every field and cell of the app shows."""

    @classmethod
    def of(cls, locale: QLocale | None = None) -> Conventions:
        locale = locale if locale is not None else QLocale()
        point = locale.decimalPoint() or "."
        # Excel's list separator is the semicolon wherever the decimal separator is the
        # comma (Windows' regional settings pair them): a comma-separated file would open in
        # one column there.
        delimiter = ";" if point == "," else ","
        return cls(point, delimiter, _excel_date_format(date_pattern(locale)))

    @property
    def moment_format(self) -> str:
        return f"{self.day_format} hh:mm:ss"


def _excel_date_format(pattern: str) -> str:
    """A Qt date pattern (dd.MM.yyyy) as an Excel number format (dd.mm.yyyy).

    Separators other than ".", "-" and a space are escaped, so that Excel shows them as
    written ("/" in a date format may otherwise stand for the reader's regional separator).
    """
    out = []
    for token in re.findall(r"d+|M+|y+|.", pattern):
        if token[0] in "dy":
            out.append(token)
        elif token[0] == "M":
            out.append(token.lower())
        elif token in ".- ":
            out.append(token)
        else:
            out.append("\\" + token)
    return "".join(out)


@dataclass
class TableSnapshot:
    """The shown part of a table, read from the model: plain data a worker thread may use."""

    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    conventions: Conventions = field(default_factory=Conventions)


def _raw(value: Any) -> Raw:
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, datetime):
        # A moment as the screens show it: in the display zone (Almaty, or this computer's
        # when the user chose so); naive moments from the server are UTC (API.md). Files
        # hold naive moments, as Excel has no zones.
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(display_zone()).replace(tzinfo=None)
    if isinstance(value, date):
        return value
    return None


def _currency(value: Any) -> str | None:
    """A currency code, or None: a model whose role number means something else there
    (a flag, a colour) serves no currency."""
    return value if isinstance(value, str) and _CURRENCY_CODE.fullmatch(value) else None


def _columns(model: QAbstractItemModel) -> list[int]:
    """The columns worth exporting: those with a header (a "…" column has none)."""
    columns = []
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal, _DISPLAY)
        if header not in (None, ""):
            columns.append(column)
    return columns


def snapshot(
    model: QAbstractItemModel,
    rows: Iterable[int] | None = None,
    raw_role: RawSource = RAW_ROLE,
    *,
    currency_role: int | None = CURRENCY_ROLE,
    currency_columns: bool = False,
    locale: QLocale | None = None,
) -> TableSnapshot:
    """Read the model's rows (all of them, or these, in this order) on the UI thread.

    With `currency_columns`, a money column whose currency no column shows gets one (files);
    without, the texts stay exactly the screen's (the clipboard).
    """
    raw_of = raw_role if callable(raw_role) else (lambda index: index.data(raw_role))
    columns = _columns(model)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, _DISPLAY)) for c in columns]
    table = TableSnapshot(headers, conventions=Conventions.of(locale))
    wanted = range(model.rowCount()) if rows is None else rows
    root = QModelIndex()
    for row in wanted:
        cells: list[Cell] = []
        for column in columns:
            index = model.index(row, column, root)
            text = index.data(_DISPLAY)
            currency = _currency(index.data(currency_role)) if currency_role is not None else None
            cells.append(Cell("" if text is None else str(text), _raw(raw_of(index)), currency))
        table.rows.append(cells)
    if currency_columns:
        _add_currency_columns(table)
    return table


# --- currencies ----------------------------------------------------------------------------


def _currency_columns(table: TableSnapshot) -> list[tuple[list[int], int]]:
    """The currency columns a file needs: (money columns, the column to insert after).

    A money column is one whose cells carry a currency. It needs none when another column
    already shows, on every row, the text of that currency (Transactions' and Instructions'
    "Currency"); money columns with the same currency on every row share one, after the last
    of them ("Price, Amount, Currency").

    A column rather than the currency inside the number format (`#,##0.00 "KZT"`): the same
    layout in CSV (which has no formats) and XLSX, and in Excel a column can be filtered,
    sorted, and summed per currency (SUMIF, a pivot table), where a format's currency is
    invisible to formulas and a column's total would silently add USD to KZT.
    """
    width = len(table.headers)
    by_column = [[row[c].currency for row in table.rows] for c in range(width)]
    money = [c for c in range(width) if any(by_column[c])]
    texts = [[row[c].text.strip() for row in table.rows] for c in range(width)]
    groups: dict[tuple[str | None, ...], list[int]] = {}
    for column in money:
        currencies = by_column[column]
        shown_elsewhere = any(
            other != column
            and other not in money
            and all(c is None or c == t for c, t in zip(currencies, texts[other], strict=True))
            for other in range(width)
        )
        if not shown_elsewhere:
            groups.setdefault(tuple(currencies), []).append(column)
    return [(members, members[-1]) for members in groups.values()]


def _add_currency_columns(table: TableSnapshot) -> None:
    needed = _currency_columns(table)
    if not needed:
        return
    title = QCoreApplication.translate("Export", "Currency")
    inserts: dict[int, tuple[str, int]] = {}
    for members, after in needed:
        header = title
        if len(needed) > 1:  # whose currency, when one table needs more than one
            of = ", ".join(table.headers[c] for c in members)
            header = QCoreApplication.translate("Export", "Currency (%1)").replace("%1", of)
        inserts[after] = (header, members[0])
    headers: list[str] = []
    for column, text in enumerate(table.headers):
        headers.append(text)
        if column in inserts:
            headers.append(inserts[column][0])
    rows = []
    for row in table.rows:
        cells: list[Cell] = []
        for column, cell in enumerate(row):
            cells.append(cell)
            if column in inserts:
                cells.append(Cell(row[inserts[column][1]].currency or ""))
        rows.append(cells)
    table.headers, table.rows = headers, rows


# --- numbers -------------------------------------------------------------------------------


def _own_places(value: Decimal) -> int:
    """The decimals a value shows: none for an integer (10.00 items are 10 items)."""
    if value == value.to_integral_value():
        return 0
    exponent = value.as_tuple().exponent
    return min(-exponent, _MAX_PLACES) if isinstance(exponent, int) and exponent < 0 else 0


def _money_places(value: Decimal, currency: str) -> int:
    exponent = value.as_tuple().exponent
    own = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return min(max(own, MINOR_UNITS.get(currency, DEFAULT_MINOR_UNIT)), _MAX_PLACES)


def places(table: TableSnapshot) -> Callable[[int, Cell], int]:
    """The decimals each number is written with (the same in CSV and XLSX): see the module
    docstring. Returns a function of (column, cell)."""
    column_places: dict[int, int] = {}
    for row in table.rows:
        for column, cell in enumerate(row):
            if isinstance(cell.raw, Decimal) and cell.currency is None:
                own = _own_places(cell.raw)
                column_places[column] = max(column_places.get(column, 0), own)

    def of(column: int, cell: Cell) -> int:
        assert isinstance(cell.raw, Decimal)
        if cell.currency is not None:
            return _money_places(cell.raw, cell.currency)
        return column_places.get(column, 0)

    return of


def _fixed(value: Decimal, places: int) -> str:
    return format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")


# --- CSV -----------------------------------------------------------------------------------


def csv_text(cell: Cell, places: int, conventions: Conventions) -> str:
    """A cell as CSV text: numbers in the locale's decimal separator, dates in ISO.

    Dates and moments are ISO 8601 (2026-11-03, 2026-11-03 14:30:00) in every language: a
    CSV is read by a program (Excel, a script, an accountant's import), and ISO is the one
    form Excel reads as a date under any regional settings, where 03.11.2026 is text in
    English Excel and 03/11/2026 turns into the 11th of March in American Excel. Excel then
    shows it in the reader's own date format; the XLSX file, read by people, carries the
    language's format (dd.mm.yyyy in kk and ru) on real dates.
    """
    raw = cell.raw
    if isinstance(raw, Decimal):
        return _fixed(raw, places).replace(".", conventions.decimal_point)
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ", timespec="seconds")
    if isinstance(raw, date):
        return raw.isoformat()
    return cell.text


def write_csv(table: TableSnapshot, path: Path | str) -> None:
    conventions = table.conventions
    places_of = places(table)
    # Created 0600 from the first byte: an export lists the user's account and money.
    with open(path, "w", encoding="utf-8-sig", newline="", opener=private_opener) as file:
        writer = csv.writer(file, delimiter=conventions.delimiter)
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow(
                [
                    csv_text(
                        cell,
                        places_of(column, cell) if isinstance(cell.raw, Decimal) else 0,
                        conventions,
                    )
                    for column, cell in enumerate(row)
                ]
            )


# --- XLSX ----------------------------------------------------------------------------------


def number_format(places: int) -> str:
    """Excel's number format with these decimals (Excel shows its own separators)."""
    return "#,##0" + ("." + "0" * places if places else "")


def write_xlsx(table: TableSnapshot, path: Path | str, sheet: str = "") -> None:
    import xlsxwriter

    conventions = table.conventions
    places_of = places(table)
    # xlsxwriter opens the file itself; made private first, it keeps 0600 when rewritten.
    os.close(private_opener(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC))
    workbook = xlsxwriter.Workbook(str(path), {"remove_timezone": True})
    try:
        name = (sheet or "Sheet1")[:31]
        for bad in "[]:*?/\\":
            name = name.replace(bad, " ")
        worksheet = workbook.add_worksheet(name)
        header = workbook.add_format({"bold": True, "bottom": 1})
        day = workbook.add_format({"num_format": conventions.day_format})
        moment = workbook.add_format({"num_format": conventions.moment_format})
        numbers: dict[int, Any] = {}

        def number_style(count: int) -> Any:
            if count not in numbers:
                numbers[count] = workbook.add_format({"num_format": number_format(count)})
            return numbers[count]

        widths = [len(h) for h in table.headers]
        for column, text in enumerate(table.headers):
            worksheet.write_string(0, column, text, header)
        for row, cells in enumerate(table.rows, start=1):
            for column, cell in enumerate(cells):
                raw = cell.raw
                if isinstance(raw, Decimal):
                    # An XLSX number is a double by definition: the file format's boundary.
                    style = number_style(places_of(column, cell))
                    worksheet.write_number(row, column, float(raw), style)
                elif isinstance(raw, datetime):
                    worksheet.write_datetime(row, column, raw, moment)
                elif isinstance(raw, date):
                    worksheet.write_datetime(row, column, raw, day)
                else:
                    worksheet.write_string(row, column, cell.text)
                widths[column] = max(widths[column], len(cell.text))
        for column, width in enumerate(widths):
            worksheet.set_column(column, column, min(width + 2, _MAX_WIDTH))
        worksheet.freeze_panes(1, 0)
    finally:
        workbook.close()
        private_file(path)


def write(table: TableSnapshot, path: Path | str, kind: ExportFormat, sheet: str = "") -> None:
    if ExportFormat(kind) is ExportFormat.XLSX:
        write_xlsx(table, path, sheet)
    else:
        write_csv(table, path)


async def export_model(
    model: QAbstractItemModel,
    path: Path | str,
    kind: ExportFormat,
    sheet: str = "",
    raw_role: RawSource = RAW_ROLE,
    *,
    currency_role: int | None = CURRENCY_ROLE,
    locale: QLocale | None = None,
) -> int:
    """Write the model's rows (as shown) to `path`; the writing runs in a worker thread.

    `locale` (the UI locale by default) sets the CSV's separators and the XLSX's date format.
    Returns the number of rows written; raises OSError when the file cannot be written.
    """
    table = snapshot(
        model,
        raw_role=raw_role,
        currency_role=currency_role,
        currency_columns=True,
        locale=locale,
    )
    await asyncio.to_thread(write, table, path, kind, sheet)
    return len(table.rows)


# --- clipboard -----------------------------------------------------------------------------


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def rows_as_text(model: QAbstractItemModel, rows: Sequence[int]) -> str:
    """These rows' texts as on screen, tab-separated, one line per row."""
    table = snapshot(model, rows=sorted(set(rows)), currency_role=None)
    return "\n".join("\t".join(_clean(cell.text) for cell in row) for row in table.rows)


def copy_rows(model: QAbstractItemModel, rows: Sequence[int]) -> int:
    """Put these rows on the clipboard as tab-separated text; returns how many."""
    rows = sorted(set(rows))
    if rows:
        QGuiApplication.clipboard().setText(rows_as_text(model, rows))
    return len(rows)
