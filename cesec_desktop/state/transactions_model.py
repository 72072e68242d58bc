"""The Transactions page's table: deals of a period, paged in by cursor, years of them.

`TransactionsModel` holds a plain list of `Transaction` and pages in 5,000 at a time: the
first page shows at once, the rest follow by `fetchMore` (the page keeps asking until the
period is complete, so that totals cover it). It is a `SelfSortingModel`: a key function
over raw values sorts 100k rows in tens of milliseconds, where a proxy's per-pair
`lessThan` in Python takes seconds. `TransactionsProxyModel` (a `KeyedSortProxy`, which
forwards the sort to the model) filters by instrument text locally against a precomputed
search string per row; the server-side filters (period, market, side) reload the model.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)

from cesec_desktop.domain.enums import Market, Side
from cesec_desktop.state.errors import CabinetError
from cesec_desktop.state.formatting import (
    format_day,
    format_decimal,
    format_moment,
    format_moment_short,
    format_price,
    format_quantity,
)
from cesec_desktop.state.list_model import (
    MENU_GLYPH,
    RIGHT,
    CellPainter,
    ColumnSpec,
    KeyedSortProxy,
    SelfSortingModel,
    market_of,
    menu_column,
    number_column,
)
from cesec_desktop.state.roles import ROW_ROLE, SORT_ROLE, TONE_ROLE
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import SIDE_TONES, side_text

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.orders import Transaction
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

PAGE_SIZE = 5000
"""The server's largest page: a year of an active client's deals in a few requests."""


class Column(IntEnum):
    MENU = 0
    NUMBER = 1
    TIME = 2
    INSTRUMENT = 3
    SIDE = 4
    PRICE = 5
    QUANTITY = 6
    AMOUNT = 7
    FEE = 8
    CURRENCY = 9
    SETTLEMENT = 10


COLUMNS = tuple(Column)
NUMERIC_COLUMNS = frozenset({Column.PRICE, Column.QUANTITY, Column.AMOUNT, Column.FEE})

TRANSACTION_ROLE = ROW_ROLE
"""The row's `Transaction`."""


@dataclass(frozen=True)
class TransactionsQuery:
    """What the server is asked for: Almaty days `start`..`end` and optional filters."""

    start: date
    end: date
    market: Market | None = None
    side: Side | None = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("the period ends before it starts")


DECIMAL_KEY_PLACES = 6


def exact_key(value: Decimal) -> int | Decimal:
    """An integer that orders exactly as `value` does (ints compare several times faster
    than Decimals); a Decimal with more places than that stays itself, which compares
    exactly with ints too."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -DECIMAL_KEY_PLACES:
        return int(value.scaleb(DECIMAL_KEY_PLACES))
    return value


def _currency(t: Transaction) -> str:
    return str(t.currency)


TRANSACTION_COLUMNS: tuple[ColumnSpec[Transaction], ...] = (
    menu_column(tooltip=lambda: QCoreApplication.translate("TransactionsModel", "Actions")),
    number_column(
        title=lambda: QCoreApplication.translate("TransactionsModel", "Number"),
        sample="0000000",
        priority=2,
    ),
    ColumnSpec(
        key="time",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Time"),
        display=lambda t, locale: format_moment_short(t.time, locale),
        sort_key=lambda t: (t.time, t.id),
        value=lambda t: t.time,
        sample=lambda _locale: "30.12.2026 23:59",
        cell_tooltip=lambda t, locale: format_moment(t.time, locale),
    ),
    ColumnSpec(
        key="instrument",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Instrument"),
        display=lambda t, _locale: t.ticker,
        sort_key=lambda t: (t.ticker, t.instrument_id),
        value=lambda t: t.ticker,
        sample=lambda _locale: "HSBK_KZ",
        painter=CellPainter.INSTRUMENT,
        cell_tooltip=lambda t, _locale: t.instrument_id,
    ),
    ColumnSpec(
        key="side",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Side"),
        display=lambda t, _locale: side_text(t.side),
        sort_key=lambda t: str(t.side),
        sample=lambda _locale: max(map(side_text, Side), key=len),
        painter=CellPainter.SIDE,
        tone=lambda t: SIDE_TONES[Side(t.side)],
    ),
    ColumnSpec(
        key="price",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Price"),
        display=lambda t, locale: format_price(t.price, "", locale),
        sort_key=lambda t: exact_key(t.price),
        value=lambda t: t.price,
        sample=lambda _locale: "99 999,0000",
        align=RIGHT,
        currency=_currency,
        priority=1,
    ),
    ColumnSpec(
        key="quantity",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Quantity"),
        display=lambda t, locale: format_quantity(t.quantity, locale),
        sort_key=lambda t: exact_key(t.quantity),
        value=lambda t: t.quantity,
        sample=lambda _locale: "999 999",
        align=RIGHT,
    ),
    ColumnSpec(
        key="amount",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Amount"),
        display=lambda t, locale: format_decimal(t.amount, 2, locale),
        sort_key=lambda t: exact_key(t.amount),
        value=lambda t: t.amount,
        sample=lambda _locale: "999 999 999,99",
        align=RIGHT,
        currency=_currency,
    ),
    ColumnSpec(
        key="fee",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Fee"),
        display=lambda t, locale: format_decimal(t.fee, 2, locale),
        sort_key=lambda t: exact_key(t.fee),
        value=lambda t: t.fee,
        sample=lambda _locale: "99 999,99",
        align=RIGHT,
        currency=_currency,
        priority=4,
    ),
    ColumnSpec(
        key="currency",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Currency"),
        display=lambda t, _locale: str(t.currency),
        sort_key=_currency,
        sample=lambda _locale: "KZT",
    ),
    ColumnSpec(
        key="settlement",
        title=lambda: QCoreApplication.translate("TransactionsModel", "Settlement date"),
        display=lambda t, locale: format_day(t.settlement_date, locale),
        sort_key=lambda t: t.settlement_date,
        sample=lambda _locale: "30.12.2026",
        priority=3,
    ),
)
assert [spec.key for spec in TRANSACTION_COLUMNS] == [c.name.lower() for c in Column]


def header_text(column: Column | int) -> str:
    return TRANSACTION_COLUMNS[column].title()


def search_text(transaction: Transaction) -> str:
    """What the instrument filter matches against: ticker and instrument id, upper case."""
    return f"{transaction.ticker}\n{transaction.instrument_id}".upper()


class TransactionsModel(SelfSortingModel["Transaction"]):
    """The transactions of a query, in pages of 5,000, sorted by a key function.

    Signals:
        loadingChanged(bool): a page is (no longer) on its way.
        loaded(): a query's first page arrived (or failed: see `error`).
        rowsAppended(int): a further page added this many rows.
        completed(): the last page of the query is in (`complete` is True).
    """

    loadingChanged = Signal(bool)
    loaded = Signal()
    rowsAppended = Signal(int)
    completed = Signal()

    columns = TRANSACTION_COLUMNS

    def __init__(
        self,
        session: Session | None = None,
        *,
        tasks: TaskTracker | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks if tasks is not None else TaskTracker("transactions", owner=self)
        self.client_id: str | None = None
        self.query: TransactionsQuery | None = None
        self.page_size = PAGE_SIZE
        self.search: list[str] = []
        """`search_text` per row, kept in the rows' order for the proxy's filter."""
        self._arrived_search: list[str] = []
        self.error: CabinetError | None = None
        self.is_loaded = False
        self._cursor: str | None = None
        self._complete = False
        self._task: asyncio.Task[None] | None = None
        self._generation = 0

    # --- reading ---------------------------------------------------------------------------

    @property
    def rows(self) -> list[Transaction]:
        """The transactions in the order shown."""
        return self._rows

    @rows.setter
    def rows(self, rows: list[Transaction]) -> None:
        # Shown as they are (a benchmark's baseline table reads the texts through `_display`).
        self.beginResetModel()
        self.forget_rows()
        self.search, self._arrived_search = [], []
        self.endResetModel()
        self.append_rows(rows)

    def transaction_at(self, row: int) -> Transaction | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _display(self, t: Transaction, column: int) -> str:
        return self.columns[column].display(t, self._locale)

    def menu_accessible(self, row: Transaction) -> str:
        return QCoreApplication.translate("TransactionsModel", "Actions for %1").replace(
            "%1", row.number
        )

    # --- loading ---------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def complete(self) -> bool:
        return self._complete

    @property
    def has_more(self) -> bool:
        return self.query is not None and not self._complete

    def set_query(self, query: TransactionsQuery | None) -> None:
        """Forget what is shown and load `query`'s first page (None: show nothing)."""
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        self.query = query
        self.beginResetModel()
        self.forget_rows()
        self.search, self._arrived_search = [], []
        self.endResetModel()
        self.error = None
        self.is_loaded = False
        self._cursor = None
        self._complete = False
        if query is None or self.session is None:
            return
        self._start_page()

    def clear(self) -> None:
        """Show nothing (a broker with no client picked)."""
        self.set_query(None)

    def reload(self) -> None:
        self.set_query(self.query)

    def retry(self) -> None:
        """After a failed load: the first page again, or the page that failed."""
        if not self._arrived:
            self.reload()
            return
        self.error = None
        self.fetchMore()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self.query is None:
            return False
        return self.is_loaded and self.error is None and not self._complete and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._start_page()

    def _start_page(self) -> None:
        self._task = self.tasks.spawn(self._load_page(self._generation), name="transactions-page")
        self.loadingChanged.emit(True)

    async def _load_page(self, generation: int) -> None:
        query = self.query
        assert query is not None and self.session is not None
        cursor = self._cursor
        client_id = self.client_id
        limit = self.page_size
        first = not self.is_loaded
        try:
            page = await self.session.call(
                lambda c: c.transactions(
                    start=query.start,
                    end=query.end,
                    market=query.market.value if query.market is not None else None,
                    side=query.side.value if query.side is not None else None,
                    limit=limit,
                    cursor=cursor,
                    client_id=client_id,
                )
            )
        except CabinetError as exc:
            if generation != self._generation:
                return
            log.info("transactions did not load (%s)", exc.code)
            self.error = exc
            self.is_loaded = True
            self._task = None
            self.loadingChanged.emit(False)
            if first:
                self.loaded.emit()
            return
        if generation != self._generation:
            return
        self._task = None
        self._cursor = page.next_cursor
        self._complete = page.next_cursor is None
        # Keys are made as further pages come in (not for the first: it shows at once), so
        # that a click on any header over years of rows only sorts.
        self.append_rows(list(page.items), all_keys=not first)
        self.is_loaded = True
        self.loadingChanged.emit(False)
        if first:
            self.loaded.emit()
        else:
            self.rowsAppended.emit(len(page.items))
        if self._complete:
            self.completed.emit()

    def rows_appended(self, items: Any) -> None:
        texts = [search_text(t) for t in items]
        self._arrived_search.extend(texts)
        self.search.extend(texts)

    def rows_reordered(self, order: list[int]) -> None:
        texts = self._arrived_search
        self.search = [texts[i] for i in order]


class TransactionsProxyModel(KeyedSortProxy):
    """Filters by instrument text against the model's search strings; the sort is
    forwarded to the model (a `SelfSortingModel`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    @property
    def needle(self) -> str:
        return self._needle

    def set_instrument_text(self, text: str) -> None:
        needle = text.strip().upper()
        if needle == self._needle:
            return
        self._needle = needle
        # One layout change, not an insert or remove signal per run of rows: a ticker's
        # deals are scattered through the period, so 100k rows make thousands of runs.
        self.invalidate()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        needle = self._needle
        if not needle:
            return True
        # Once per row over years of rows: the kept source, not a wrapper from sourceModel().
        source = self._source
        return not isinstance(source, TransactionsModel) or needle in source.search[source_row]

    def shown(self) -> list[Transaction]:
        """The transactions the filter lets through, in the order on screen."""
        model = self.sourceModel()
        if not isinstance(model, TransactionsModel):
            return []
        needle = self._needle
        if not needle:
            return list(model.rows)
        return [t for t, s in zip(model.rows, model.search, strict=True) if needle in s]


def totals_by_currency(transactions: list[Transaction]) -> dict[str, tuple[Decimal, Decimal]]:
    """Amount and fee summed per currency, in currency-code order."""
    sums: dict[str, list[Decimal]] = {}
    for t in transactions:
        pair = sums.setdefault(str(t.currency), [Decimal(0), Decimal(0)])
        pair[0] += t.amount
        pair[1] += t.fee
    return {code: (pair[0], pair[1]) for code, pair in sorted(sums.items())}


__all__ = [
    "COLUMNS",
    "MENU_GLYPH",
    "PAGE_SIZE",
    "SORT_ROLE",
    "TONE_ROLE",
    "TRANSACTION_COLUMNS",
    "TRANSACTION_ROLE",
    "Column",
    "TransactionsModel",
    "TransactionsProxyModel",
    "TransactionsQuery",
    "header_text",
    "market_of",
    "totals_by_currency",
]
