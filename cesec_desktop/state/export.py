"""Tables out of the app: CSV and XLSX files, and selected rows as tab-separated text.

What is exported is what the user sees: the rows of the model given (a proxy: the rows
shown, filtered, in the shown order), the columns with a header (a "…" column has none),
the headers in the UI language. The model is read on the UI thread into a plain snapshot;
the file is written in a worker thread (`asyncio.to_thread`), so a big table never freezes
the window.

Numbers stay numbers: a cell whose raw value (the sort role) is a Decimal is written to
XLSX as a number with a number format, a date or moment as an Excel date; anything else as
the text on screen. CSV is UTF-8 with a BOM, so that Excel opens Cyrillic and Kazakh
correctly; its numbers are plain (`1234.50`), its dates ISO.
"""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.state.orders_model import SORT_ROLE

RAW_ROLE = SORT_ROLE
"""The role with a cell's raw value: the list tables' sort role."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_MAX_WIDTH = 60


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


RawSource = int | Callable[[QModelIndex], Any]
"""Where a cell's raw value comes from: a role, or a function of the index (for a model whose
sort role holds a sort key, such as a tuple, rather than the value itself)."""

Cell = tuple[str, Decimal | datetime | date | None]
"""A cell: the text on screen and its raw value when it is a number or a date."""


@dataclass
class TableSnapshot:
    """The shown part of a table, read from the model: plain data a worker thread may use."""

    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def _raw(value: Any) -> Decimal | datetime | date | None:
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ALMATY)
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return value
    return None


def _columns(model: QAbstractItemModel) -> list[int]:
    """The columns worth exporting: those with a header (a "…" column has none)."""
    columns = []
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal, _DISPLAY)
        if header not in (None, ""):
            columns.append(column)
    return columns


def snapshot(
    model: QAbstractItemModel, rows: Iterable[int] | None = None, raw_role: RawSource = RAW_ROLE
) -> TableSnapshot:
    """Read the model's rows (all of them, or these, in this order) on the UI thread."""
    raw_of = raw_role if callable(raw_role) else (lambda index: index.data(raw_role))
    columns = _columns(model)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, _DISPLAY)) for c in columns]
    table = TableSnapshot(headers)
    wanted = range(model.rowCount()) if rows is None else rows
    root = QModelIndex()
    for row in wanted:
        cells: list[Cell] = []
        for column in columns:
            index = model.index(row, column, root)
            text = index.data(_DISPLAY)
            cells.append(("" if text is None else str(text), _raw(raw_of(index))))
        table.rows.append(cells)
    return table


# --- CSV -----------------------------------------------------------------------------------


def _csv_value(cell: Cell) -> str:
    text, raw = cell
    if isinstance(raw, Decimal):
        return format(raw, "f")
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ", timespec="seconds")
    if isinstance(raw, date):
        return raw.isoformat()
    return text


def write_csv(table: TableSnapshot, path: Path | str) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow([_csv_value(cell) for cell in row])


# --- XLSX ----------------------------------------------------------------------------------


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return min(-exponent, 8) if isinstance(exponent, int) and exponent < 0 else 0


def write_xlsx(table: TableSnapshot, path: Path | str, sheet: str = "") -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"remove_timezone": True})
    try:
        name = (sheet or "Sheet1")[:31]
        for bad in "[]:*?/\\":
            name = name.replace(bad, " ")
        worksheet = workbook.add_worksheet(name)
        header = workbook.add_format({"bold": True, "bottom": 1})
        day = workbook.add_format({"num_format": "dd.mm.yyyy"})
        moment = workbook.add_format({"num_format": "dd.mm.yyyy hh:mm:ss"})
        numbers: dict[int, Any] = {}

        def number_format(places: int) -> Any:
            if places not in numbers:
                pattern = "#,##0" + ("." + "0" * places if places else "")
                numbers[places] = workbook.add_format({"num_format": pattern})
            return numbers[places]

        widths = [len(h) for h in table.headers]
        for column, text in enumerate(table.headers):
            worksheet.write_string(0, column, text, header)
        for row, cells in enumerate(table.rows, start=1):
            for column, (text, raw) in enumerate(cells):
                if isinstance(raw, Decimal):
                    # An XLSX number is a double by definition: the file format's boundary.
                    worksheet.write_number(row, column, float(raw), number_format(_places(raw)))
                elif isinstance(raw, datetime):
                    worksheet.write_datetime(row, column, raw, moment)
                elif isinstance(raw, date):
                    worksheet.write_datetime(row, column, raw, day)
                else:
                    worksheet.write_string(row, column, text)
                widths[column] = max(widths[column], len(text))
        for column, width in enumerate(widths):
            worksheet.set_column(column, column, min(width + 2, _MAX_WIDTH))
        worksheet.freeze_panes(1, 0)
    finally:
        workbook.close()


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
) -> int:
    """Write the model's rows (as shown) to `path`; the writing runs in a worker thread.

    Returns the number of rows written; raises OSError when the file cannot be written.
    """
    table = snapshot(model, raw_role=raw_role)
    await asyncio.to_thread(write, table, path, kind, sheet)
    return len(table.rows)


# --- clipboard -----------------------------------------------------------------------------


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def rows_as_text(model: QAbstractItemModel, rows: Sequence[int]) -> str:
    """These rows' texts as on screen, tab-separated, one line per row."""
    table = snapshot(model, rows=sorted(set(rows)))
    return "\n".join("\t".join(_clean(text) for text, _raw in row) for row in table.rows)


def copy_rows(model: QAbstractItemModel, rows: Sequence[int]) -> int:
    """Put these rows on the clipboard as tab-separated text; returns how many."""
    rows = sorted(set(rows))
    if rows:
        QGuiApplication.clipboard().setText(rows_as_text(model, rows))
    return len(rows)
