"""Export: a table's shown rows (filtered, in the shown order) to CSV and XLSX, numbers as
numbers, headers as on screen, and selected rows to the clipboard as tab-separated text."""

from __future__ import annotations

import asyncio
import csv
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from export_support import excel_day, read_xlsx
from gui_support import wait_until
from PySide6.QtCore import QItemSelectionModel, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView

from cesec_desktop.state.export import RAW_ROLE, ExportFormat, export_model, rows_as_text
from cesec_desktop.views.widgets.export_button import ExportButton

ROWS = [
    # number, amount, created, bank
    ("W-3", Decimal("1500000.50"), datetime(2026, 11, 3, 9, 30, tzinfo=UTC), "Халык Банк"),
    ("W-1", Decimal("250.00"), datetime(2026, 11, 1, 12, 0, tzinfo=UTC), "Kaspi Bank"),
    ("W-2", Decimal("99999.99"), datetime(2026, 11, 2, 8, 15, tzinfo=UTC), "Қазақстан банкі"),
    ("W-4", Decimal("7"), date(2026, 11, 4), "Jusan\tBank"),
]


def make_table() -> tuple[QTableView, QSortFilterProxyModel]:
    """A model with a "…" column (no header), shown through a sorting, filtering proxy."""
    model = QStandardItemModel(0, 5)
    for column, text in enumerate(["", "No.", "Сумма", "Создано", "Банк"]):
        model.setHorizontalHeaderItem(column, QStandardItem(text))
    for number, amount, created, bank in ROWS:
        cells = []
        for value, text in (
            (None, "\N{MIDLINE HORIZONTAL ELLIPSIS}"),
            (number, number),
            (amount, f"{amount:,}".replace(",", "\N{NO-BREAK SPACE}")),
            (created, created.isoformat()),
            (bank, bank),
        ):
            item = QStandardItem(text)
            item.setData(value, RAW_ROLE)
            cells.append(item)
        model.appendRow(cells)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(RAW_ROLE)
    proxy.setFilterKeyColumn(1)
    proxy.setFilterRegularExpression("W-[123]")  # W-4 is filtered out
    proxy.sort(1, Qt.SortOrder.DescendingOrder)  # W-3, W-2, W-1
    view = QTableView()
    view.setModel(proxy)
    view._keep = (model, proxy)  # type: ignore[attr-defined]
    return view, proxy


def test_csv_holds_exactly_the_rows_shown_with_headers_and_a_bom(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    _view, proxy = make_table()
    path = tmp_path / "out.csv"
    count = run(export_model(proxy, path, ExportFormat.CSV, locale=QLocale("en_GB")))
    assert count == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Cyrillic right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["No.", "Сумма", "Создано", "Банк"]  # no "…" column
    assert [r[0] for r in rows[1:]] == ["W-3", "W-2", "W-1"]  # the shown order
    assert rows[1][1] == "1500000.50" and rows[3][1] == "250.00"  # plain numbers
    assert rows[1][3] == "Халык Банк" and rows[2][3] == "Қазақстан банкі"


def test_xlsx_holds_the_rows_shown_with_numbers_as_numbers_and_dates_as_dates(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    _view, proxy = make_table()
    path = tmp_path / "out.xlsx"
    export = export_model(
        proxy, path, ExportFormat.XLSX, sheet="Инструкции", locale=QLocale("ru_KZ")
    )
    assert run(export) == 3
    rows = read_xlsx(path)
    assert rows[0] == ["No.", "Сумма", "Создано", "Банк"]
    assert [r[0] for r in rows[1:]] == ["W-3", "W-2", "W-1"]
    amounts = [r[1] for r in rows[1:]]
    assert amounts == [1500000.5, 99999.99, 250.0]  # typed numbers, not text
    assert all(isinstance(r[2], float) for r in rows[1:])  # dates are serial numbers
    # Moments are written on the exchange's clock (Almaty, UTC+5).
    assert abs((excel_day(rows[1][2]) - datetime(2026, 11, 3, 14, 30)).total_seconds()) < 1
    assert rows[2][3] == "Қазақстан банкі"
    with zipfile.ZipFile(path) as book:
        styles = book.read("xl/styles.xml").decode()
        workbook = book.read("xl/workbook.xml").decode()
    assert "#,##0.00" in styles and "dd.mm.yyyy" in styles
    assert re.search(r'name="Инструкции"', workbook)


def test_selected_rows_copy_as_tab_separated_text(qapp: QApplication) -> None:
    view, proxy = make_table()
    button = ExportButton(view)
    selection = view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(proxy.index(2, 0), flags)
    selection.select(proxy.index(0, 0), flags)
    reports: list[tuple[str, bool]] = []
    button.reported.connect(lambda text, ok: reports.append((text, ok)))
    assert button.copy_selected() == 2
    text = QGuiApplication.clipboard().text()
    lines = text.split("\n")
    assert len(lines) == 2
    assert lines[0].split("\t")[0] == "W-3" and lines[1].split("\t")[0] == "W-1"
    assert lines[0].split("\t")[3] == "Халык Банк"
    assert rows_as_text(proxy, [0]).count("\t") == 3
    assert reports and reports[-1][1]
    view.selectionModel().clearSelection()
    assert button.copy_selected() == 0 and not reports[-1][1]


def test_a_tab_inside_a_cell_does_not_break_the_columns() -> None:
    _view, proxy = make_table()
    proxy.setFilterRegularExpression("")
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == "W-4")
    assert rows_as_text(proxy, [row]).split("\t")[3] == "Jusan Bank"


def test_the_button_asks_for_a_file_without_blocking_and_reports(
    tmp_path: Path, run: Callable[..., Any]
) -> None:
    view, _proxy = make_table()
    button = ExportButton(view, file_name=lambda: "instructions")
    button.directory = str(tmp_path)
    reports: list[tuple[str, bool]] = []
    button.reported.connect(lambda text, ok: reports.append((text, ok)))
    assert [a.text() for a in button.menu_.actions() if a.text()] == [
        "Export to CSV…",
        "Export to Excel (XLSX)…",
        "Copy selected rows",
    ]

    async def scenario() -> None:
        button.xlsx_action.trigger()
        await wait_until(lambda: button.file_dialog is not None, what="the file dialog")
        dialog = button.file_dialog
        assert isinstance(dialog, QFileDialog)
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        assert dialog.selectedFiles()[0].endswith("instructions.xlsx")
        await asyncio.sleep(0.05)  # the loop keeps running while the dialog is open
        dialog.accept()
        await wait_until(lambda: reports, what="the report")

    run(scenario())
    assert reports[-1][1] and "instructions.xlsx" in reports[-1][0]
    assert [r[0] for r in read_xlsx(tmp_path / "instructions.xlsx")[1:]] == ["W-3", "W-2", "W-1"]

    async def cancelled() -> None:
        button.csv_action.trigger()
        await wait_until(lambda: button.file_dialog is not None, what="the file dialog")
        button.file_dialog.reject()  # type: ignore[union-attr]
        await wait_until(lambda: button.file_dialog is None, what="the dialog to close")

    count = len(reports)
    run(cancelled())
    assert len(reports) == count and not (tmp_path / "instructions.csv").exists()


def test_a_file_that_cannot_be_written_is_reported(tmp_path: Path, run: Callable[..., Any]) -> None:
    view, _proxy = make_table()
    button = ExportButton(view)
    reports: list[tuple[str, bool]] = []
    button.reported.connect(lambda text, ok: reports.append((text, ok)))
    missing = tmp_path / "no-such-folder" / "out.csv"
    assert run(button.export_to(str(missing), ExportFormat.CSV)) is False
    assert reports and not reports[-1][1]
    assert button.isEnabled() and not button.busy
