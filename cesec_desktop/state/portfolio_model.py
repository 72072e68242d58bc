"""The portfolio of one subject (the user, or a broker's client): table models and totals.

`PortfolioStore` loads GET /portfolio (and the value history) for the chosen client and
sub-account, keeps the rows in two table models, and re-prices the securities from the
quote stream. Totals are recomputed from the rows the way the backend computes them: each
row's value converted to KZT at the answer's one USD rate, summed exactly, rounded once;
so right after a load they equal the server's figures, and later they move with the quotes.

Switching client or account is instant: the in-flight load is cancelled, and a result that
arrives for a selection no longer current is dropped (a generation number guards it).
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMetaMethod,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from cesec_desktop.domain.money import floor_money
from cesec_desktop.state.accessible_cells import spoken
from cesec_desktop.state.account_names import account_name
from cesec_desktop.state.formatting import format_decimal, format_percent
from cesec_desktop.state.tasks import TaskTracker

if TYPE_CHECKING:
    import asyncio

    from cesec_desktop.domain.models.market import Quote
    from cesec_desktop.domain.models.portfolio import CashBalance, Portfolio, Position
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value of a cell (Decimal, str): what sorting compares."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's key: the instrument id (securities) or the currency (money)."""
FLUSH_MS = 100
RELOAD_AFTER_EVENT_MS = 300
"""After an order or instruction event, the portfolio loads again (once per burst)."""
"""Quotes re-price rows at most this often: one dataChanged per dirty range and flush."""
GAIN = QColor("#1a9a55")
LOSS = QColor("#d64545")

Index = QModelIndex | QPersistentModelIndex


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def _places(value: Decimal, minimum: int = 2) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(minimum, -exponent if isinstance(exponent, int) else minimum)


def _quantity_text(value: Decimal) -> str:
    return format_decimal(value, _places(value, 0))


def _rate(currency: str, usdkzt: Decimal) -> Decimal:
    return usdkzt if currency == "USD" else Decimal(1)


def _currency(value: Any) -> str:
    return str(getattr(value, "value", value))


def _account_tip(accounts: dict[str, Any], account_id: str) -> str | None:
    """The sub-account's name in the UI language, under its number."""
    account = accounts.get(account_id)
    return account_name(account) if account is not None else None


# --- rows --------------------------------------------------------------------------------


@dataclass
class Holding:
    """One position, re-priced live: `unit` is what one unit of price is worth per piece
    (1 for shares; a bond's face value / 100, as its price is a % of face value)."""

    position: Position
    unit: Decimal
    last: Decimal
    value: Decimal
    pnl: Decimal
    pnl_pct: Decimal

    @classmethod
    def of(cls, position: Position, unit: Decimal) -> Holding:
        return cls(
            position,
            unit,
            position.last_price,
            position.value,
            position.unrealized_pnl,
            position.unrealized_pnl_pct,
        )

    @property
    def instrument_id(self) -> str:
        return self.position.instrument_id

    @property
    def currency(self) -> str:
        return _currency(self.position.currency)

    def reprice(self, last: Decimal) -> bool:
        """Value the holding at `last` as the backend does; True if anything changed."""
        if last == self.last:
            return False
        qty = self.position.quantity
        value = _money(last * self.unit * qty)
        cost = _money(self.position.average_price * self.unit * qty)
        self.last, self.value, self.pnl = last, value, value - cost
        self.pnl_pct = _money(self.pnl / cost * HUNDRED) if cost > 0 else Decimal("0.00")
        return True


class SecurityColumn(IntEnum):
    """The "…" button sits beside the ticker, where it stays in view on a narrow window."""

    INSTRUMENT = 0
    MENU = 1
    ACCOUNT = 2
    QUANTITY = 3
    AVAILABLE = 4
    AVERAGE = 5
    LAST = 6
    VALUE = 7
    PNL = 8
    PNL_PCT = 9
    CURRENCY = 10


class MoneyColumn(IntEnum):
    CURRENCY = 0
    MENU = 1
    ACCOUNT = 2
    BALANCE = 3
    AVAILABLE = 4
    BLOCKED = 5


TEXT_COLUMNS = (
    SecurityColumn.INSTRUMENT,
    SecurityColumn.ACCOUNT,
    SecurityColumn.CURRENCY,
    SecurityColumn.MENU,
)


def security_headers() -> dict[SecurityColumn, str]:
    # Each call written out in full: lupdate finds only `translate("Ctx", "literal")` calls.
    # "P/L", not "P&L": in a catalogue an "&" marks a shortcut every translation must keep.
    return {
        SecurityColumn.INSTRUMENT: QCoreApplication.translate("PortfolioModel", "Instrument"),
        SecurityColumn.ACCOUNT: QCoreApplication.translate("PortfolioModel", "Sub-account"),
        SecurityColumn.QUANTITY: QCoreApplication.translate("PortfolioModel", "Quantity"),
        SecurityColumn.AVAILABLE: QCoreApplication.translate("PortfolioModel", "Available"),
        SecurityColumn.AVERAGE: QCoreApplication.translate("PortfolioModel", "Average price"),
        SecurityColumn.LAST: QCoreApplication.translate("PortfolioModel", "Last"),
        SecurityColumn.VALUE: QCoreApplication.translate("PortfolioModel", "Value"),
        SecurityColumn.PNL: QCoreApplication.translate("PortfolioModel", "P/L"),
        SecurityColumn.PNL_PCT: QCoreApplication.translate("PortfolioModel", "P/L %"),
        SecurityColumn.CURRENCY: QCoreApplication.translate("PortfolioModel", "Currency"),
        SecurityColumn.MENU: "",
    }


def money_headers() -> dict[MoneyColumn, str]:
    return {
        MoneyColumn.CURRENCY: QCoreApplication.translate("PortfolioModel", "Currency"),
        MoneyColumn.ACCOUNT: QCoreApplication.translate("PortfolioModel", "Sub-account"),
        MoneyColumn.BALANCE: QCoreApplication.translate("PortfolioModel", "Balance"),
        MoneyColumn.AVAILABLE: QCoreApplication.translate("PortfolioModel", "Available"),
        MoneyColumn.BLOCKED: QCoreApplication.translate("PortfolioModel", "Blocked"),
        MoneyColumn.MENU: "",
    }


MENU_TEXT = "\N{HORIZONTAL ELLIPSIS}"
NUMERIC_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SecuritiesModel(QAbstractTableModel):
    """Positions, one row each; values follow the quotes, flushed on a timer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Holding] = []
        self.account_numbers: dict[str, str] = {}
        self.accounts: dict[str, Any] = {}
        """The sub-accounts by id, for their names (built in the UI language when shown)."""
        self._by_id: dict[str, list[int]] = {}
        self._dirty: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)
        self._data_changed = QMetaMethod.fromSignal(self.dataChanged)

    def set_rows(self, rows: list[Holding]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._by_id = {}
        for row, holding in enumerate(rows):
            self._by_id.setdefault(holding.instrument_id, []).append(row)
        self._dirty.clear()
        self.endResetModel()

    @property
    def instrument_ids(self) -> list[str]:
        return list(self._by_id)

    def apply_quotes(self, quotes: list[Quote]) -> bool:
        """Re-price the rows these quotes touch; True if any row changed.

        The rows' views hear of it at the next flush. With no view (Home keeps a store for
        its totals alone) there is no one to tell, and no timer runs ten times a second.
        """
        changed = False
        for quote in quotes:
            for row in self._by_id.get(quote.instrument_id, ()):
                if self.rows[row].reprice(quote.last):
                    self._dirty.add(row)
                    changed = True
        if not self.isSignalConnected(self._data_changed):
            self._dirty.clear()
        elif changed and not self._timer.isActive():
            self._timer.start()
        return changed

    def flush(self) -> None:
        """One dataChanged per contiguous run of dirty rows."""
        rows, self._dirty = sorted(self._dirty), set()
        start = prev = None
        for row in [*rows, None]:
            if row is not None and prev is not None and row == prev + 1:
                prev = row
                continue
            if start is not None and prev is not None:
                self.dataChanged.emit(
                    self.index(start, SecurityColumn.LAST), self.index(prev, SecurityColumn.PNL_PCT)
                )
            start = prev = row

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SecurityColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return security_headers()[SecurityColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section not in TEXT_COLUMNS:
            return NUMERIC_ALIGN
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        holding, column = self.rows[index.row()], SecurityColumn(index.column())
        position = holding.position
        if role == ID_ROLE:
            return holding.instrument_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(holding, column)
        if role == SORT_ROLE:
            return {
                SecurityColumn.INSTRUMENT: position.ticker,
                SecurityColumn.ACCOUNT: self.account_numbers.get(position.account_id, ""),
                SecurityColumn.QUANTITY: position.quantity,
                SecurityColumn.AVAILABLE: position.available,
                SecurityColumn.AVERAGE: position.average_price,
                SecurityColumn.LAST: holding.last,
                SecurityColumn.VALUE: holding.value,
                SecurityColumn.PNL: holding.pnl,
                SecurityColumn.PNL_PCT: holding.pnl_pct,
                SecurityColumn.CURRENCY: holding.currency,
                SecurityColumn.MENU: "",
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == SecurityColumn.MENU:
                return Qt.AlignmentFlag.AlignCenter
            if column not in TEXT_COLUMNS:
                return NUMERIC_ALIGN
        if role == Qt.ItemDataRole.ForegroundRole and column in (
            SecurityColumn.PNL,
            SecurityColumn.PNL_PCT,
        ):
            if holding.pnl > 0:
                return GAIN
            if holding.pnl < 0:
                return LOSS
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SecurityColumn.INSTRUMENT:
                return f"{position.name}\n{position.instrument_id}"
            if column == SecurityColumn.ACCOUNT:
                return _account_tip(self.accounts, position.account_id)
            if column == SecurityColumn.MENU:
                return QCoreApplication.translate("PortfolioModel", "Actions")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == SecurityColumn.MENU:  # "…" says nothing: the row's actions, by name
                actions = QCoreApplication.translate("PortfolioModel", "Actions")
                return spoken(actions, position.ticker)
            return spoken(security_headers()[column], self._display(holding, column))
        return None

    def _display(self, holding: Holding, column: SecurityColumn) -> str:
        position = holding.position
        if column == SecurityColumn.INSTRUMENT:
            return f"{position.ticker} \N{MIDDLE DOT} {position.name}"
        if column == SecurityColumn.ACCOUNT:
            return self.account_numbers.get(position.account_id, position.account_id)
        if column == SecurityColumn.QUANTITY:
            return _quantity_text(position.quantity)
        if column == SecurityColumn.AVAILABLE:
            return _quantity_text(position.available)
        if column == SecurityColumn.AVERAGE:
            return format_decimal(position.average_price, _places(position.average_price))
        if column == SecurityColumn.LAST:
            return format_decimal(holding.last, _places(holding.last))
        if column == SecurityColumn.VALUE:
            return format_decimal(holding.value)
        if column == SecurityColumn.PNL:
            sign = "+" if holding.pnl > 0 else ""
            return sign + format_decimal(holding.pnl)
        if column == SecurityColumn.PNL_PCT:
            sign = "+" if holding.pnl_pct > 0 else ""
            return sign + format_percent(holding.pnl_pct)
        if column == SecurityColumn.CURRENCY:
            return holding.currency
        return MENU_TEXT

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(SecurityColumn) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(SecurityColumn) - 1)
            )


class MoneyModel(QAbstractTableModel):
    """Cash per currency (and sub-account): balance, available, blocked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CashBalance] = []
        self.account_numbers: dict[str, str] = {}
        self.accounts: dict[str, Any] = {}

    def set_rows(self, rows: list[CashBalance]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MoneyColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return money_headers()[MoneyColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (
            MoneyColumn.BALANCE,
            MoneyColumn.AVAILABLE,
            MoneyColumn.BLOCKED,
        ):
            return NUMERIC_ALIGN
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        cash, column = self.rows[index.row()], MoneyColumn(index.column())
        values = {
            MoneyColumn.CURRENCY: _currency(cash.currency),
            MoneyColumn.ACCOUNT: self.account_numbers.get(cash.account_id, cash.account_id),
            MoneyColumn.BALANCE: cash.balance,
            MoneyColumn.AVAILABLE: floor_money(cash.available),
            MoneyColumn.BLOCKED: cash.blocked,
            MoneyColumn.MENU: "",
        }
        if role == ID_ROLE:
            return _currency(cash.currency)
        if role == SORT_ROLE:
            return values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            value = values[column]
            if column == MoneyColumn.MENU:
                return MENU_TEXT
            return format_decimal(value) if isinstance(value, Decimal) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == MoneyColumn.MENU:
                return Qt.AlignmentFlag.AlignCenter
            if column not in (MoneyColumn.CURRENCY, MoneyColumn.ACCOUNT):
                return NUMERIC_ALIGN
        if role == Qt.ItemDataRole.ToolTipRole and column == MoneyColumn.MENU:
            return QCoreApplication.translate("PortfolioModel", "Actions")
        if role == Qt.ItemDataRole.ToolTipRole and column == MoneyColumn.ACCOUNT:
            return _account_tip(self.accounts, cash.account_id)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == MoneyColumn.MENU:  # "…" says nothing: the row's actions, by name
                actions = QCoreApplication.translate("PortfolioModel", "Actions")
                return spoken(actions, values[MoneyColumn.CURRENCY])
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return spoken(money_headers()[column], shown)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(MoneyColumn) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(MoneyColumn) - 1)
            )


class DecimalSortProxy(QSortFilterProxyModel):
    """Sorts by the raw values under SORT_ROLE (Decimals compare exactly, never as text)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, Decimal) and isinstance(b, Decimal):
            return a < b
        return str(a or "").casefold() < str(b or "").casefold()


# --- totals ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    """The portfolio's worth in KZT, computed from the rows as the backend does."""

    securities: Decimal = ZERO
    cash: Decimal = ZERO
    usdkzt: Decimal = ZERO
    by_instrument: list[tuple[str, Decimal]] = field(default_factory=list)
    by_currency: list[tuple[str, Decimal]] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.securities + self.cash


def compute_totals(holdings: list[Holding], cash: list[CashBalance], usdkzt: Decimal) -> Totals:
    securities = cash_value = ZERO
    by_instrument: dict[str, Decimal] = {}
    by_currency: dict[str, Decimal] = {}
    for holding in holdings:
        kzt = holding.value * _rate(holding.currency, usdkzt)
        securities += kzt
        ticker = holding.position.ticker
        by_instrument[ticker] = by_instrument.get(ticker, ZERO) + kzt
        by_currency[holding.currency] = by_currency.get(holding.currency, ZERO) + kzt
    for balance in cash:
        currency = _currency(balance.currency)
        kzt = balance.balance * _rate(currency, usdkzt)
        cash_value += kzt
        by_currency[currency] = by_currency.get(currency, ZERO) + kzt
    return Totals(
        securities=_money(securities),
        cash=_money(cash_value),
        usdkzt=usdkzt,
        by_instrument=sorted(by_instrument.items(), key=lambda kv: kv[1], reverse=True),
        by_currency=sorted(by_currency.items(), key=lambda kv: kv[1], reverse=True),
    )


@dataclass(frozen=True)
class HistoryPoint:
    day: date
    value: Decimal


# --- the store ---------------------------------------------------------------------------


class SharedRate(QObject):
    """The session's one USD/KZT rate: every portfolio store values with the newest one a
    load brought, so Home's summary and the Portfolio page never disagree by a rate.

    Signals:
        changed(object): the new rate (a Decimal).
    """

    changed = Signal(object)
    _of: ClassVar[weakref.WeakKeyDictionary[object, SharedRate]] = weakref.WeakKeyDictionary()

    def __init__(self) -> None:
        super().__init__()
        self.usdkzt = ZERO

    @classmethod
    def of(cls, session: object) -> SharedRate:
        shared = cls._of.get(session)
        if shared is None:
            shared = cls._of[session] = cls()
        return shared

    def offer(self, rate: Decimal) -> None:
        if rate > 0 and rate != self.usdkzt:
            self.usdkzt = rate
            self.changed.emit(rate)


QUOTE_RATE_HZ = 10
"""How often a position is revalued at most (the server conflates to this)."""


class PortfolioStore(QObject):
    """Loads and keeps one subject's portfolio; re-prices it from the stream.

    Signals:
        loadingChanged(bool): a load started or ended.
        loaded: fresh rows are in the models (for the current selection).
        failed(object): the load failed with this CabinetError.
        totalsChanged(object): new `Totals` (after a load, or a quote moved a row).
        historyLoaded(list): `HistoryPoint`s of the value history (may come after `loaded`).
    """

    loadingChanged = Signal(bool)
    loaded = Signal()
    failed = Signal(object)
    totalsChanged = Signal(object)
    historyLoaded = Signal(list)

    def __init__(
        self, session: Session, parent: QObject | None = None, *, totals_ms: int = FLUSH_MS
    ) -> None:
        """`totals_ms`: how long quotes gather before the totals are summed again (a page
        that shows them once a second need not wake ten times a second)."""
        super().__init__(parent)
        self.session = session
        self.rate = SharedRate.of(session)
        self.rate.changed.connect(self._rate_changed)
        self.securities = SecuritiesModel(self)
        self.money = MoneyModel(self)
        self.client_id: str | None = None
        self.account_id: str | None = None
        self.portfolio: Portfolio | None = None
        self.totals = Totals()
        self.history: list[HistoryPoint] = []
        self.error: Exception | None = None
        self._generation = 0
        self._units: dict[str, Decimal] = {}
        """Per instrument: a bond's face value / 100, or 1 (instruments do not change)."""
        self._subscribed: list[str] = []
        self._task: asyncio.Task[None] | None = None
        self._tasks = TaskTracker("portfolio", owner=self)
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(totals_ms)
        self._totals_timer.timeout.connect(self._update_totals)
        # A fill moves cash and positions; a withdrawal blocks cash: load again, once per burst.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_AFTER_EVENT_MS)
        self._reload_timer.timeout.connect(self._reload_if_loaded)
        session.quotesReceived.connect(self._on_quotes)
        session.resynced.connect(self.reload)
        session.orderUpdated.connect(self._funds_moved)
        session.instructionUpdated.connect(self._funds_moved)

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def tasks(self) -> TaskTracker:
        return self._tasks

    @property
    def selection(self) -> tuple[str | None, str | None]:
        return self.client_id, self.account_id

    def set_accounts(self, accounts: list[Any]) -> None:
        """The sub-accounts' numbers, shown instead of their ids (their names as tooltips)."""
        numbers = {a.id: a.number for a in accounts}
        by_id = {a.id: a for a in accounts}
        self.securities.account_numbers = numbers
        self.money.account_numbers = numbers
        self.securities.accounts = by_id
        self.money.accounts = by_id

    def select(self, client_id: str | None, account_id: str | None) -> None:
        """Show another client or sub-account: clear at once, then load it."""
        client_changed = client_id != self.client_id
        self.client_id, self.account_id = client_id, account_id
        if client_changed:
            self._clear()
        self.reload()

    def _funds_moved(self, *_: object) -> None:
        self._reload_timer.start()

    def _reload_if_loaded(self) -> None:
        if self.portfolio is not None or self.loading:
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = self._tasks.spawn(self._load(self._generation), name="portfolio-load")
        self.loadingChanged.emit(True)

    def _clear(self) -> None:
        self.portfolio = None
        self.securities.set_rows([])
        self.money.set_rows([])
        self.history = []
        self._set_subscription([])
        self.totals = Totals()
        self.totalsChanged.emit(self.totals)
        self.historyLoaded.emit([])

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    async def _load(self, generation: int) -> None:
        from cesec_desktop.state.errors import CabinetError

        client_id, account_id = self.client_id, self.account_id
        try:
            portfolio = await self.session.call(
                lambda c: c.portfolio(account_id=account_id, client_id=client_id)
            )
            await self._learn_units([p.instrument_id for p in portfolio.positions])
        except CabinetError as error:
            if self._current(generation):
                self.error = error
                self.loadingChanged.emit(False)
                self.failed.emit(error)
            return
        if not self._current(generation):
            log.debug("dropping a portfolio for a selection no longer shown")
            return
        self.error = None
        self.portfolio = portfolio
        self.rate.offer(portfolio.fx_rates.get("USDKZT", ZERO))
        rate = self.rate.usdkzt
        self.securities.set_rows(
            [
                Holding.of(p, self._units.get(p.instrument_id, Decimal(1)))
                for p in portfolio.positions
            ]
        )
        self.money.set_rows(list(portfolio.cash))
        self._set_subscription(self.securities.instrument_ids)
        self.totals = compute_totals(self.securities.rows, self.money.rows, rate)
        self.loadingChanged.emit(False)
        self.loaded.emit()
        self.totalsChanged.emit(self.totals)
        await self._load_history(generation, client_id, account_id)

    async def _learn_units(self, ids: list[str]) -> None:
        import asyncio

        missing = sorted({i for i in ids if i not in self._units})
        if not missing:
            return
        instruments = await asyncio.gather(
            *(self.session.call(lambda c, i=i: c.instrument(i)) for i in missing)
        )
        for instrument in instruments:
            face = instrument.face_value
            self._units[instrument.id] = face / HUNDRED if face else Decimal(1)

    async def _load_history(
        self, generation: int, client_id: str | None, account_id: str | None
    ) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            history = await self.session.call(
                lambda c: c.portfolio_history(account_id=account_id, client_id=client_id)
            )
        except CabinetError as error:
            log.info("portfolio history failed (%s)", error.code)
            history = None
        if not self._current(generation):
            return
        self.history = [HistoryPoint(p.date, p.value) for p in history.items] if history else []
        self.historyLoaded.emit(self.history)

    def _on_quotes(self, quotes: list[Quote]) -> None:
        changed = self.portfolio is not None and self.securities.apply_quotes(quotes)
        if changed and not self._totals_timer.isActive():
            self._totals_timer.start()

    def _rate_changed(self, _rate: object) -> None:
        self._update_totals()

    def _update_totals(self) -> None:
        if self.portfolio is None:
            return
        self.totals = compute_totals(self.securities.rows, self.money.rows, self.rate.usdkzt)
        self.totalsChanged.emit(self.totals)

    def _set_subscription(self, ids: list[str]) -> None:
        # Counted at the session, so dropping ours never silences Home's tables; a value
        # column is read, not traded at, so 10 updates a second are plenty.
        wanted = list(dict.fromkeys(ids))
        gone = [i for i in self._subscribed if i not in wanted]
        new = [i for i in wanted if i not in self._subscribed]
        if gone:
            self.session.unsubscribe_quotes(gone, QUOTE_RATE_HZ)
        if new:
            self.session.subscribe_quotes(new, QUOTE_RATE_HZ)
        self._subscribed = wanted

    def stop(self) -> None:
        """Stop loading and listening at once (signed out, or the page is going away)."""
        self._generation += 1
        for task in self._tasks.pending:
            task.cancel()
        self._reload_timer.stop()
        self._set_subscription([])
        for signal, slot in (
            (self.session.quotesReceived, self._on_quotes),
            (self.session.resynced, self.reload),
            (self.session.orderUpdated, self._funds_moved),
            (self.session.instructionUpdated, self._funds_moved),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    async def close(self) -> None:
        """Stop loading and listening (the page is going away)."""
        self._generation += 1
        await self._tasks.cancel_all()
        self._set_subscription([])
        self._reload_timer.stop()
        for signal, slot in (
            (self.session.quotesReceived, self._on_quotes),
            (self.session.resynced, self.reload),
            (self.session.orderUpdated, self._funds_moved),
            (self.session.instructionUpdated, self._funds_moved),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
