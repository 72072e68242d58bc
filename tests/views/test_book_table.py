"""The book's one-pass table paints what a plain QTableView with the list pages' delegate
paints, pixel for pixel (tones, alternate rows, a selected row, the alerts badge, elided
text), in both themes; it paints in one pass, and falls back to Qt's painting elsewhere."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QImage, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "state"))

from test_book import book, position, summary

from cesec_desktop.state.book import BookColumn, BookFilterProxy
from cesec_desktop.state.book_alerts import AlertRules
from cesec_desktop.views.delegates import PlainCellDelegate
from cesec_desktop.views.pages.clients import _BookDelegate
from cesec_desktop.views.widgets.book_table import BookTable
from cesec_desktop.views.widgets.list_table import list_table

D = __import__("decimal").Decimal


def a_book(qapp: QApplication) -> Any:
    summaries = [
        summary(n, value=str(1000 + n * 37), cash_kzt=str(-n if n == 3 else n)) for n in range(12)
    ]
    summaries[5] = summaries[5].model_copy(update={"full_name": "Сапарова Айгерім Нұрланқызы " * 3})
    positions = [position(n, f"KASE:I{n % 3}", str(n + 1)) for n in range(12)]
    store, _session = book(qapp, summaries, positions)
    store.alerts.rules = AlertRules(cash_negative=True)  # client 3's cash is below zero
    store.apply_quotes({f"KASE:I{n}": (D(100 + n), D(n - 1)) for n in range(3)})
    return store


def table(cls: type[QTableView], store: Any) -> QTableView:
    proxy = BookFilterProxy()
    proxy.setSourceModel(store.model)
    view = list_table(
        None,  # type: ignore[arg-type]
        "clientsTable",
        proxy,
        selection=QTableView.SelectionMode.ExtendedSelection,
        min_section=34,
        cls=cls,
    )
    view._proxy = proxy  # type: ignore[attr-defined]
    view.setItemDelegate(PlainCellDelegate(view))
    view.setItemDelegateForColumn(int(BookColumn.ALERTS), _BookDelegate({}, view))
    view.resize(1100, 420)
    for column in range(proxy.columnCount()):
        view.setColumnWidth(column, 150 if column == 0 else 68)
    view.selectionModel().select(
        proxy.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.show()
    return view


def grab(view: QTableView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_one_pass_table_paints_as_qt_does(qapp: QApplication, themes: Any, mode: str) -> None:
    themes.set_mode(mode)
    store = a_book(qapp)
    assert store.alerts.active_count("c003") == 1
    plain, fast = table(QTableView, store), table(BookTable, store)
    try:
        expected, got = grab(plain), grab(fast)
        assert fast.paints > 0  # type: ignore[attr-defined]
        assert got.size() == expected.size()
        if got != expected:  # QImage compares every pixel
            differing = sum(
                1
                for y in range(got.height())
                for x in range(got.width())
                if got.pixel(x, y) != expected.pixel(x, y)
            )
            pytest.fail(f"{differing} pixels differ")
        # The badge, the tones and the selection were on screen to compare.
        row = fast.rowViewportPosition(3) + fast.rowHeight(3) // 2
        badge = fast.columnViewportPosition(int(BookColumn.ALERTS)) + 12
        assert got.pixelColor(badge, row) != got.pixelColor(2, row)
    finally:
        plain.close()
        fast.close()


def test_over_another_model_it_paints_as_a_table(qapp: QApplication) -> None:
    model = QStandardItemModel(3, 2)
    view = BookTable()
    view.setModel(model)
    view.show()
    view.viewport().repaint()
    assert view.paints == 0
    view.close()
