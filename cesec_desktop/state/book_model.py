"""The book as a table: `BookModel` (one row per client, columns as `ColumnSpec`s) and
`BookFilterProxy` (name/IIN text, open orders, withdrawals in progress, down more than X %).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal

from cesec_desktop.state import formatting
from cesec_desktop.state.book_rows import NEVER, ZERO, BookTotals, ClientRow
from cesec_desktop.state.list_model import (
    LEFT,
    RIGHT,
    ColumnSpec,
    ColumnTableModel,
    Index,
    KeyedSortProxy,
    contiguous,
)
from cesec_desktop.state.vocabulary import Tone

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


CLIENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 20
"""The row's client id, in every column."""
ALERTS_ROLE = int(Qt.ItemDataRole.UserRole) + 21
"""The row's client's unacknowledged alerts (int), in every column."""


class BookColumn(IntEnum):
    NAME = 0
    IIN = 1
    ACCOUNTS = 2
    VALUE = 3
    DAY_CHANGE = 4
    DAY_CHANGE_PCT = 5
    UNREALIZED = 6
    CASH_KZT = 7
    CASH_USD = 8
    BLOCKED = 9
    OPEN_ORDERS = 10
    WITHDRAWALS = 11
    LAST_ACTIVITY = 12
    ALERTS = 13


def _signed_tone(value: Decimal) -> Tone | None:
    if value > 0:
        return Tone.POSITIVE
    if value < 0:
        return Tone.NEGATIVE
    return None


def _amount(value: Decimal, locale: QLocale) -> str:
    return formatting.format_decimal(value, 2, locale)


def _signed(value: Decimal, locale: QLocale) -> str:
    return ("+" if value > 0 else "") + formatting.format_decimal(value, 2, locale)


def _count(value: int, locale: QLocale) -> str:
    return locale.toString(value) if value else formatting.DASH


def _money_column(
    key: str,
    title: Any,
    getter: Any,
    *,
    currency: str = "KZT",
    signed: bool = False,
    priority: int = 0,
    sample: str = "1 234 567 890,00",
) -> ColumnSpec[ClientRow]:
    return ColumnSpec(
        key=key,
        title=title,
        display=(lambda r, loc: _signed(getter(r), loc))
        if signed
        else (lambda r, loc: _amount(getter(r), loc)),
        sort_key=getter,
        sample=lambda _locale: sample,
        align=RIGHT,
        tone=(lambda r: _signed_tone(getter(r))) if signed else (lambda _r: None),
        currency=lambda _r: currency,
        priority=priority,
    )


# Each title a literal translate call: lupdate finds only those.
COLUMNS: tuple[ColumnSpec[ClientRow], ...] = (
    ColumnSpec(
        key="name",
        title=lambda: QCoreApplication.translate("BookModel", "Client"),
        display=lambda r, _loc: r.name,
        sort_key=lambda r: (r.name.casefold(), r.client_id),
        value=lambda r: r.name,
        sample=lambda _locale: "Nurlanovna Aigerim Sarsenbayeva",
        align=LEFT,
    ),
    ColumnSpec(
        key="iin",
        title=lambda: QCoreApplication.translate("BookModel", "IIN"),
        display=lambda r, _loc: r.iin,
        sort_key=lambda r: r.iin,
        sample=lambda _locale: "000000000000",
        align=LEFT,
        priority=3,
    ),
    ColumnSpec(
        key="accounts",
        title=lambda: QCoreApplication.translate("BookModel", "Sub-accounts"),
        display=lambda r, loc: loc.toString(len(r.accounts)),
        sort_key=lambda r: len(r.accounts),
        sample=lambda _locale: "00",
        align=RIGHT,
        cell_tooltip=lambda r, _loc: "\n".join(r.accounts) or None,
        priority=4,
    ),
    _money_column(
        "value", lambda: QCoreApplication.translate("BookModel", "Value"), lambda r: r.value_kzt
    ),
    _money_column(
        "day_change",
        lambda: QCoreApplication.translate("BookModel", "Day's change"),
        lambda r: r.day_change_kzt,
        signed=True,
    ),
    ColumnSpec(
        key="day_change_pct",
        title=lambda: QCoreApplication.translate("BookModel", "Day's change %"),
        display=lambda r, loc: (
            ("+" if r.day_change_pct > 0 else "")
            + formatting.format_percent(r.day_change_pct, 2, loc)
        ),
        sort_key=lambda r: r.day_change_pct,
        sample=lambda _locale: "+100,00 %",
        align=RIGHT,
        tone=lambda r: _signed_tone(r.day_change_pct),
    ),
    _money_column(
        "unrealized",
        lambda: QCoreApplication.translate("BookModel", "Unrealized P/L"),
        lambda r: r.unrealized_kzt,
        signed=True,
        priority=2,
    ),
    _money_column(
        "cash_kzt",
        lambda: QCoreApplication.translate("BookModel", "Cash KZT"),
        lambda r: r.cash_kzt,
        priority=1,
    ),
    _money_column(
        "cash_usd",
        lambda: QCoreApplication.translate("BookModel", "Cash USD"),
        lambda r: r.cash_usd,
        currency="USD",
        priority=2,
    ),
    _money_column(
        "blocked",
        lambda: QCoreApplication.translate("BookModel", "Blocked"),
        lambda r: r.blocked_kzt,
        priority=3,
    ),
    ColumnSpec(
        key="open_orders",
        title=lambda: QCoreApplication.translate("BookModel", "Open orders"),
        display=lambda r, loc: _count(r.open_orders, loc),
        sort_key=lambda r: r.open_orders,
        sample=lambda _locale: "000",
        align=RIGHT,
        priority=1,
    ),
    ColumnSpec(
        key="withdrawals",
        title=lambda: QCoreApplication.translate("BookModel", "Withdrawals"),
        tooltip=lambda: QCoreApplication.translate("BookModel", "Withdrawals in progress"),
        display=lambda r, loc: _count(r.withdrawals, loc),
        sort_key=lambda r: r.withdrawals,
        sample=lambda _locale: "000",
        align=RIGHT,
        priority=1,
    ),
    ColumnSpec(
        key="last_activity",
        title=lambda: QCoreApplication.translate("BookModel", "Last activity"),
        display=lambda r, loc: formatting.format_recent(r.last_activity, loc),
        sort_key=lambda r: r.last_activity or NEVER,
        value=lambda r: r.last_activity,
        sample=lambda _locale: "21.11.2026 14:03",
        align=RIGHT,
        priority=2,
    ),
    ColumnSpec(
        key="alerts",
        title=lambda: QCoreApplication.translate("BookModel", "Alerts"),
        display=lambda r, loc: _count(r.alerts, loc),
        sort_key=lambda r: r.alerts,
        sample=lambda _locale: "00",
        align=RIGHT,
        tone=lambda r: Tone.WARNING if r.alerts else None,
    ),
)


class BookModel(ColumnTableModel[ClientRow]):
    """One row per client (see the module docstring).

    Signals:
        totalsChanged: the book's totals changed (at most once per display tick).
    """

    columns: ClassVar[tuple[ColumnSpec[Any], ...]] = COLUMNS
    CLIENT_ID_ROLE = CLIENT_ID_ROLE
    ALERTS_ROLE = ALERTS_ROLE

    totalsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._row_of: dict[str, int] = {}
        self._dirty: set[int] = set()
        self._sums = [ZERO, ZERO, ZERO, ZERO]
        self.flushes = 0
        """dataChanged signals sent for value changes (tests and benchmarks count them)."""

    # --- reading ---------------------------------------------------------------------------

    def client_id(self, row: int) -> str:
        return self._rows[row].client_id

    def row_of(self, client_id: str) -> int:
        return self._row_of.get(client_id, -1)

    def client(self, client_id: str) -> ClientRow | None:
        row = self._row_of.get(client_id)
        return None if row is None else self._rows[row]

    def rows(self) -> list[ClientRow]:
        return list(self._rows)

    def totals(self, rows: Iterable[int] | None = None) -> BookTotals:
        """The whole book's totals (kept by deltas), or the sum over these rows."""
        if rows is None:
            value, day, cash_kzt, cash_usd = self._sums
            return BookTotals(len(self._rows), value, day, cash_kzt, cash_usd)
        picked = [self._rows[r] for r in rows]
        return BookTotals(
            len(picked),
            sum((r.value_kzt for r in picked), ZERO),
            sum((r.day_change_kzt for r in picked), ZERO),
            sum((r.cash_kzt for r in picked), ZERO),
            sum((r.cash_usd for r in picked), ZERO),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role in (CLIENT_ID_ROLE, ALERTS_ROLE):
            if not index.isValid() or not 0 <= index.row() < len(self._rows):
                return None
            item = self._rows[index.row()]
            return item.client_id if role == CLIENT_ID_ROLE else item.alerts
        return super().data(index, role)

    # --- writing ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ClientRow]) -> None:
        """A new book (one reset); the totals are summed once here, by deltas after."""
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.client_id: n for n, r in enumerate(self._rows)}
        self._dirty.clear()
        sums = [ZERO, ZERO, ZERO, ZERO]
        for row in self._rows:
            row.counted = row.contribution()
            for n, part in enumerate(row.counted):
                sums[n] += part
        self._sums = sums
        self.endResetModel()
        self.totalsChanged.emit()

    def mark(self, client_id: str) -> None:
        """This client's figures changed; the views hear of it at the next `flush`."""
        row = self._row_of.get(client_id)
        if row is not None:
            self._dirty.add(row)

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> list[ClientRow]:
        """Totals adjusted by each changed row's delta; one dataChanged per contiguous run
        of changed rows; one totalsChanged. Returns the rows that changed."""
        if not self._dirty:
            return []
        dirty, self._dirty = sorted(self._dirty), set()
        sums = self._sums
        changed: list[ClientRow] = []
        for row in dirty:
            item = self._rows[row]
            now = item.contribution()
            if now != item.counted:
                for n in range(4):
                    sums[n] += now[n] - item.counted[n]
                item.counted = now
            changed.append(item)
        last = len(self.columns) - 1
        for first, end in contiguous(dirty):
            self.flushes += 1
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))
        self.totalsChanged.emit()
        return changed


# --- sorting and filtering -----------------------------------------------------------------


class BookFilterProxy(KeyedSortProxy):
    """Sorts on the raw values (keys computed once per row, patched as rows change) and
    filters by text, open orders, withdrawals and the day's loss.

    Signals:
        filterChanged: what the filters let through changed (the totals of the shown rows
            are summed again).
    """

    filterChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._open_orders_only = False
        self._withdrawals_only = False
        self._down_more_than: Decimal | None = None

    def set_text(self, text: str) -> None:
        """Rows whose name or IIN contains `text`, in any case."""
        wanted = text.strip().casefold()
        if wanted != self._text:
            self._change(lambda: setattr(self, "_text", wanted))

    def set_open_orders_only(self, on: bool) -> None:
        if on != self._open_orders_only:
            self._change(lambda: setattr(self, "_open_orders_only", on))

    def set_withdrawals_only(self, on: bool) -> None:
        if on != self._withdrawals_only:
            self._change(lambda: setattr(self, "_withdrawals_only", on))

    def set_down_more_than(self, pct: Decimal | None) -> None:
        """Rows whose day's change % is below -pct (None: no such filter)."""
        if pct != self._down_more_than:
            self._change(lambda: setattr(self, "_down_more_than", pct))

    def source_rows(self) -> list[int]:
        """The source rows the filters let through, in the order shown (for totals)."""
        return [self.mapToSource(self.index(r, 0)).row() for r in range(self.rowCount())]

    def accepts(self, row: Any) -> bool:
        if self._text and self._text not in row.name.casefold() and self._text not in row.iin:
            return False
        if self._open_orders_only and row.open_orders <= 0:
            return False
        if self._withdrawals_only and row.withdrawals <= 0:
            return False
        pct = self._down_more_than
        return pct is None or row.day_change_pct < -pct

    def _change(self, change: Any) -> None:
        self.change_filter(change)
        self.filterChanged.emit()
