"""A portfolio's securities model tells its views of re-priced rows on a timer, and runs no
timer when no view watches it (issue 13: Home's store, kept for its totals, woke the app ten
times a second)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from PySide6.QtWidgets import QApplication, QTableView

from cesec_desktop.state.portfolio_model import Holding, SecuritiesModel, SecurityColumn


def holding(instrument_id: str, last: str) -> Holding:
    position: Any = SimpleNamespace(
        instrument_id=instrument_id,
        quantity=Decimal(10),
        average_price=Decimal("100.00"),
        last_price=Decimal(last),
        value=Decimal(last) * 10,
        unrealized_pnl=Decimal(0),
        unrealized_pnl_pct=Decimal(0),
    )
    return Holding.of(position, Decimal(1))


def quote(instrument_id: str, last: str) -> Any:
    return SimpleNamespace(instrument_id=instrument_id, last=Decimal(last))


def test_without_a_view_quotes_reprice_the_rows_and_start_no_timer(qapp: QApplication) -> None:
    model = SecuritiesModel()
    model.set_rows([holding("KASE:HSBK", "100.00"), holding("KASE:KSPI", "50.00")])
    assert model.apply_quotes([quote("KASE:HSBK", "110.00")])
    assert model.rows[0].value == Decimal("1100.00")  # totals read the rows: still live
    assert not model._timer.isActive()


def test_a_view_hears_of_each_repriced_row_once_per_flush(qapp: QApplication) -> None:
    model = SecuritiesModel()
    model.set_rows([holding("KASE:HSBK", "100.00"), holding("KASE:KSPI", "50.00")])
    view = QTableView()
    view.setModel(model)
    changed: list[tuple[int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, *_: changed.append((top.row(), bottom.row(), bottom.column()))
    )
    assert model.apply_quotes([quote("KASE:KSPI", "55.00")])
    assert model.apply_quotes([quote("KASE:KSPI", "56.00"), quote("KASE:XXXX", "1")])
    assert not model.apply_quotes([quote("KASE:KSPI", "56.00")])  # the same price
    assert model._timer.isActive() and not changed
    model._timer.stop()
    model.flush()
    assert changed == [(1, 1, SecurityColumn.PNL_PCT)]
    view.deleteLater()
