"""The book as a table: `BookModel` (one row per client, columns as `ColumnSpec`s) and
`BookFilterProxy` (name/IIN text, open orders, withdrawals in progress, down more than X %).

The model orders and filters its own rows. A `QSortFilterProxyModel` calls Python once per
comparison and once per row it filters: with the whole book revalued ten times a second and
sorted by the day's change, that was a fifth of a second per tick. Here a tick sorts the
rows with Python's own sort over each row's key (a millisecond for 2,000 rows), moves only
the rows that left or joined the filter, and tells the view with one `layoutChanged` when
the order moved and one `dataChanged` per run of changed rows. The proxy is an identity
proxy that hands the filters and the sort down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from cesec_desktop.state import formatting
from cesec_desktop.state.book_rows import NEVER, ZERO, BookTotals, ClientRow
from cesec_desktop.state.list_model import (
    LEFT,
    RIGHT,
    ColumnSpec,
    ColumnTableModel,
    Index,
    contiguous,
)
from cesec_desktop.state.vocabulary import Tone

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
    coded: bool = True,
) -> ColumnSpec[ClientRow]:
    """A money column; `coded`: its title names the currency ("Value, KZT"), as the cells
    are bare numbers (the "Cash KZT" titles name it already)."""
    return ColumnSpec(
        key=key,
        title=(lambda: f"{title()}, {currency}") if coded else title,
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
        coded=False,
    ),
    _money_column(
        "cash_usd",
        lambda: QCoreApplication.translate("BookModel", "Cash USD"),
        lambda r: r.cash_usd,
        currency="USD",
        priority=2,
        coded=False,
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


STATIC_KEYS = frozenset({"name", "iin", "accounts"})
"""Columns whose keys no quote or event changes: sorted by one, a tick keeps the order."""


class BookModel(ColumnTableModel[ClientRow]):
    """One row per client, in the order and under the filter asked (module docstring).

    Every client has a number: its place in the book as loaded (`rows()`, `number`,
    `numbered`). `_rows` holds the rows shown, in the order shown.

    Signals:
        totalsChanged: the book's totals changed (at most once per display tick).
    """

    columns: ClassVar[tuple[ColumnSpec[Any], ...]] = COLUMNS
    CLIENT_ID_ROLE = CLIENT_ID_ROLE
    ALERTS_ROLE = ALERTS_ROLE

    totalsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[ClientRow] = []
        self._number: dict[str, int] = {}
        self._row_of: dict[str, int] | None = {}
        self._dirty: set[int] = set()
        """Numbers of the clients whose figures changed since the last flush."""
        self._sums = [ZERO, ZERO, ZERO, ZERO]
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._accepts: Callable[[ClientRow], bool] | None = None
        self.flushes = 0
        """dataChanged signals sent for value changes (tests and benchmarks count them)."""

    # --- reading ---------------------------------------------------------------------------

    def client_id(self, row: int) -> str:
        return self._rows[row].client_id

    def row_of(self, client_id: str) -> int:
        """The row shown for a client (-1: not loaded, or filtered out)."""
        return self._places().get(client_id, -1)

    def number(self, client_id: str) -> int:
        """The client's place in the book as loaded (-1: not in the book)."""
        return self._number.get(client_id, -1)

    def numbered(self, number: int) -> ClientRow:
        return self._all[number]

    def client(self, client_id: str) -> ClientRow | None:
        number = self._number.get(client_id)
        return None if number is None else self._all[number]

    def rows(self) -> list[ClientRow]:
        """Every client, shown or not, in the book's own order."""
        return list(self._all)

    def shown_numbers(self) -> list[int]:
        """The numbers of the rows shown, in the order shown."""
        number = self._number
        return [number[r.client_id] for r in self._rows]

    @property
    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def totals(self, rows: Iterable[int] | None = None) -> BookTotals:
        """The whole book's totals (kept by deltas), or the sum over these numbers."""
        if rows is None:
            value, day, cash_kzt, cash_usd = self._sums
            return BookTotals(len(self._all), value, day, cash_kzt, cash_usd)
        picked = [self._all[r] for r in rows]
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

    # --- order and filter ------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        if self._sort == (column, order):
            return  # QTableView.sortByColumn asks twice
        self._sort = (column, order)
        self._arrange()

    def set_filter(self, accepts: Callable[[ClientRow], bool] | None) -> None:
        """Show only the rows `accepts` lets through (None: every row)."""
        self._accepts = accepts
        self._arrange()

    def _wanted(self) -> list[ClientRow]:
        rows = self._all
        if self._accepts is not None:
            rows = [r for r in rows if self._accepts(r)]
        if self._sort is not None:
            column, order = self._sort
            key = self.columns[column].sort_key
            assert key is not None
            rows = sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        return list(rows)

    def _arrange(self) -> bool:
        """Rows out of and into the filter, then the order; True if anything moved."""
        wanted = self._wanted()
        if wanted == self._rows:
            return False
        if len(wanted) != len(self._rows) or self._accepts is not None:
            self._refilter(wanted)
        if self._rows != wanted:
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            moved = [self._rows[i.row()] for i in persistent]
            self._rows = wanted
            self._row_of = None
            if persistent:
                # Selections and the current index follow their rows to where they sorted.
                place = self._places()
                self.changePersistentIndexList(
                    persistent,
                    [
                        self.index(place[r.client_id], i.column())
                        for i, r in zip(persistent, moved, strict=True)
                    ],
                )
            self.layoutChanged.emit()
        return True

    def _refilter(self, wanted: list[ClientRow]) -> None:
        """Rows that left the filter removed, rows that joined it added at the end."""
        keep = {id(r) for r in wanted}
        gone = [n for n, r in enumerate(self._rows) if id(r) not in keep]
        for first, last in reversed(contiguous(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self._row_of = None
            self.endRemoveRows()
        shown = {id(r) for r in self._rows}
        added = [r for r in wanted if id(r) not in shown]
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self._row_of = None
            self.endInsertRows()

    def _places(self) -> dict[str, int]:
        """Client id → row shown (made again only when asked after the rows moved: a tick
        moves every row, and few ticks ask)."""
        if self._row_of is None:
            self._row_of = {r.client_id: n for n, r in enumerate(self._rows)}
        return self._row_of

    # --- writing ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ClientRow]) -> None:
        """A new book (one reset); the totals are summed once here, by deltas after."""
        self.beginResetModel()
        self._all = list(rows)
        self._number = {r.client_id: n for n, r in enumerate(self._all)}
        self._rows = self._wanted()
        self._row_of = None
        self._dirty.clear()
        sums = [ZERO, ZERO, ZERO, ZERO]
        for row in self._all:
            row.counted = row.contribution()
            for n, part in enumerate(row.counted):
                sums[n] += part
        self._sums = sums
        self.endResetModel()
        self.totalsChanged.emit()

    def mark(self, client_id: str) -> None:
        """This client's figures changed; the views hear of it at the next `flush`."""
        number = self._number.get(client_id)
        if number is not None:
            self._dirty.add(number)

    def mark_number(self, number: int) -> None:
        self._dirty.add(number)

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> list[ClientRow]:
        """Totals adjusted by each changed row's delta; the rows filtered and ordered again
        (unless neither can change); one dataChanged per contiguous run of changed rows
        shown; one totalsChanged. Returns the rows that changed."""
        if not self._dirty:
            return []
        dirty, self._dirty = self._dirty, set()
        sums = self._sums
        changed: list[ClientRow] = []
        for number in dirty:
            item = self._all[number]
            now = item.contribution()
            if now != item.counted:
                for n in range(4):
                    sums[n] += now[n] - item.counted[n]
                item.counted = now
            changed.append(item)
        static = self._sort is None or self.columns[self._sort[0]].key in STATIC_KEYS
        if self._accepts is not None or not static:
            self._arrange()
        row_of = self._places()
        ranges = contiguous(sorted(row_of[r.client_id] for r in changed if r.client_id in row_of))
        last = len(self.columns) - 1
        for first, end in ranges:
            self.flushes += 1
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))
        self.totalsChanged.emit()
        return changed


# --- sorting and filtering -----------------------------------------------------------------


class BookFilterProxy(QIdentityProxyModel):
    """The book's filters (text, open orders, withdrawals, the day's loss) and sort, handed
    to the model, which orders and filters itself (module docstring).

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
        self._asked: tuple[int, Qt.SortOrder] | None = None
        """The sort asked for, handed to each new source (a view may sort before one)."""

    def _book(self) -> BookModel | None:
        source = self.sourceModel()
        return source if isinstance(source, BookModel) else None

    def setSourceModel(self, model: Any) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        book = self._book()
        if book is not None:
            book.set_filter(self.accepts if self.filtered else None)
            if self._asked is not None:
                book.sort(*self._asked)

    @property
    def filtered(self) -> bool:
        return bool(
            self._text
            or self._open_orders_only
            or self._withdrawals_only
            or self._down_more_than is not None
        )

    @property
    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        book = self._book()
        asked = book.sorted_by if book is not None else None
        return asked if asked is not None else (-1, Qt.SortOrder.AscendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._asked = (column, order)
        book = self._book()
        if book is not None:
            book.sort(column, order)

    def set_text(self, text: str) -> None:
        """Rows whose name or IIN contains `text`, in any case."""
        wanted = text.strip().casefold()
        if wanted != self._text:
            self._text = wanted
            self._changed()

    def set_open_orders_only(self, on: bool) -> None:
        if on != self._open_orders_only:
            self._open_orders_only = on
            self._changed()

    def set_withdrawals_only(self, on: bool) -> None:
        if on != self._withdrawals_only:
            self._withdrawals_only = on
            self._changed()

    def set_down_more_than(self, pct: Decimal | None) -> None:
        """Rows whose day's change % is below -pct (None: no such filter)."""
        if pct != self._down_more_than:
            self._down_more_than = pct
            self._changed()

    def source_rows(self) -> list[int]:
        """The numbers of the clients the filters let through, in the order shown."""
        book = self._book()
        return book.shown_numbers() if book is not None else []

    def accepts(self, row: ClientRow) -> bool:
        if self._text and self._text not in row.name.casefold() and self._text not in row.iin:
            return False
        if self._open_orders_only and row.open_orders <= 0:
            return False
        if self._withdrawals_only and row.withdrawals <= 0:
            return False
        pct = self._down_more_than
        return pct is None or row.day_change_pct < -pct

    def _changed(self) -> None:
        book = self._book()
        if book is not None:
            book.set_filter(self.accepts if self.filtered else None)
        self.filterChanged.emit()
