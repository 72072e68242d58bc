"""Transactions page: the deals of a period, years of them, with filters and totals.

The frame is `ListPage`'s; this module says what is particular to deals: the market and side
filters (asked of the server: they reload the model), the instrument filter (local, after a
pause in typing), the whole period paged in so that the totals per currency cover it, and
the details dialog.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit
from shiboken6 import isValid

from cesec_desktop.domain.enums import Market, Side
from cesec_desktop.state.formatting import format_decimal
from cesec_desktop.state.orders_query import OrdersQuery, Period
from cesec_desktop.state.transactions_model import (
    TRANSACTION_ROLE,
    Column,
    TransactionsModel,
    TransactionsProxyModel,
    TransactionsQuery,
    totals_by_currency,
)
from cesec_desktop.state.vocabulary import side_text
from cesec_desktop.views.pages.list_page import ListPage

if TYPE_CHECKING:
    from cesec_desktop.domain.models.orders import Transaction
    from cesec_desktop.views.transaction_details import TransactionDetailsDialog

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
"""Typing a ticker changes it letter by letter: filter after a pause."""


class TransactionsPage(ListPage):
    """The Transactions page.

    Signals:
        totalsChanged(): the totals line was recomputed for what is shown.
        orderRequested(str): the user asked to see the order a deal was made on.
    """

    key = "transactions"
    presets = (Period.MONTH, Period.QUARTER, Period.YEAR, Period.ALL)
    default_period = Period.MONTH
    model_class = TransactionsModel
    proxy_class = TransactionsProxyModel
    default_sort = (int(Column.TIME), Qt.SortOrder.DescendingOrder)
    selection = QAbstractItemView.SelectionMode.ExtendedSelection
    totalsChanged = Signal()
    orderRequested = Signal(str)

    def setup(self) -> None:
        model = self.model
        if self.session is not None and hasattr(self.session, "signedOut"):
            self.session.signedOut.connect(self._signed_out)
        self.totals: dict[str, tuple[Any, Any]] = {}
        self.count_label = self.footer
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("transactionsTotals")
        self.totals_label.setProperty("role", "totals")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Two currencies at 200 % text are longer than the row: a second line, not a cut.
        self.totals_label.setWordWrap(True)
        # Most of the row's spare room (the row's own stretch has 1): a wrapped line is as
        # wide as it can be, so two lines, not five.
        self.footer_row.addWidget(self.totals_label, 10)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_instrument_filter)
        # Totals follow every change of rows, filter or page, computed once per batch.
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(0)
        self._totals_timer.timeout.connect(self._update_totals)
        model.loaded.connect(self._page_arrived)
        model.rowsAppended.connect(self._page_arrived)

    # --- hooks -----------------------------------------------------------------------------

    def build_filters(self, row: QHBoxLayout) -> None:
        self.market_filter = QComboBox(self)
        self.market_filter.setObjectName("transactionsMarketFilter")
        self.market_filter.addItem("", None)
        for market in Market:
            self.market_filter.addItem(market.value, market.value)
        self.side_filter = QComboBox(self)
        self.side_filter.setObjectName("transactionsSideFilter")
        self.side_filter.addItem("", None)
        for side in Side:
            self.side_filter.addItem("", side.value)
        for combo in (self.market_filter, self.side_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._server_filters_changed)
            row.addWidget(combo)
        self.instrument_filter = QLineEdit(self)
        self.instrument_filter.setObjectName("transactionsInstrumentFilter")
        self.instrument_filter.setClearButtonEnabled(True)
        self.instrument_filter.textEdited.connect(lambda _text: self._search_timer.start())
        # The clear button does not emit textEdited: filter at once when the box empties.
        self.instrument_filter.textChanged.connect(self._instrument_text_changed)
        row.addWidget(self.instrument_filter, 1)

    def make_query(self, period: OrdersQuery) -> TransactionsQuery:
        market = self.market_filter.currentData()
        side = self.side_filter.currentData()
        return TransactionsQuery(
            period.start,
            period.end,
            Market(market) if market else None,
            Side(side) if side else None,
        )

    def is_loaded(self) -> bool:
        return bool(self.model.is_loaded)

    def filtered(self) -> bool:
        return bool(
            self.market_filter.currentData() or self.side_filter.currentData() or self.proxy.needle
        )

    def clear_filters(self) -> None:
        for combo in (self.market_filter, self.side_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.instrument_filter.blockSignals(True)
        self.instrument_filter.clear()
        self.instrument_filter.blockSignals(False)
        self.proxy.set_instrument_text("")

    def reset_filters(self) -> None:
        self.clear_filters()
        self.reload()

    def rows_changed(self, *_: object) -> None:
        self._totals_timer.start()
        self.update_state()

    def client_changed(self) -> None:
        if self.scope is not None and not self.scope.ready:
            self.model.set_query(None)

    # --- loading ---------------------------------------------------------------------------

    def _signed_out(self) -> None:
        self._started = False
        self.model.set_query(None)
        self.update_state()

    def _page_arrived(self, *_: object) -> None:
        # The rest of the period follows page by page, after this one has painted.
        if self.model.canFetchMore():
            QTimer.singleShot(0, self._fetch_more)
        self.update_state()

    def _fetch_more(self) -> None:
        if self.model.canFetchMore():
            self.model.fetchMore()

    def _server_filters_changed(self, _index: int) -> None:
        if self._started:
            self.reload()

    def _instrument_text_changed(self, text: str) -> None:
        if not text.strip():
            self._search_timer.stop()
            self.apply_instrument_filter()

    def apply_instrument_filter(self) -> None:
        """Filter the loaded rows by the instrument text (debounced while typing)."""
        self._search_timer.stop()
        self.proxy.set_instrument_text(self.instrument_filter.text())
        self.update_state()

    def set_instrument_text(self, text: str) -> None:
        """As if the user typed `text` and paused."""
        self.instrument_filter.setText(text)
        self.apply_instrument_filter()

    # --- totals ----------------------------------------------------------------------------

    def shown_transactions(self) -> list[Transaction]:
        return self.proxy.shown()

    def _update_totals(self) -> None:
        self.totals = totals_by_currency(self.shown_transactions())
        self._retranslate_totals()
        self.totalsChanged.emit()

    # --- details ---------------------------------------------------------------------------

    def transaction_at(self, proxy_row: int) -> Transaction | None:
        index = self.proxy.index(proxy_row, 0)
        return index.data(TRANSACTION_ROLE) if index.isValid() else None

    def open_details(self, transaction_id: str) -> TransactionDetailsDialog | None:
        """Details of a deal: its sub-account and order as the user knows them."""
        from cesec_desktop.views.transaction_details import TransactionDetailsDialog

        row = self.model.row_of(transaction_id)
        if row is None:
            return None
        transaction = self.model.transaction_at(row)
        dialog = TransactionDetailsDialog(
            transaction, self, account_number=self.account_number(transaction.account_id)
        )
        dialog.orderRequested.connect(self.orderRequested)
        self.show_details(dialog)
        if self.session is not None and transaction.order_id:
            self.tasks.spawn(self._load_order_number(dialog, transaction), name="deal-order")
        return dialog

    async def _load_order_number(self, dialog: TransactionDetailsDialog, deal: Transaction) -> None:
        """The order's number as the user knows it (the deal carries only its id)."""
        from cesec_desktop.state.errors import CabinetError

        assert self.session is not None
        client_id = self.scope.query_client_id if self.scope is not None else None
        whose = {"client_id": client_id} if client_id else {}
        try:
            order = await self.session.call(lambda c: c.order(deal.order_id, **whose))
        except CabinetError as error:
            log.info("the order of deal %s did not load (%s)", deal.id, error.code)
            return
        if isValid(dialog):
            dialog.set_order_number(order.number)

    # --- words -----------------------------------------------------------------------------

    def retranslate_page(self) -> None:
        self.market_filter.setItemText(0, self.tr("All markets"))
        self.market_filter.setAccessibleName(self.tr("Market"))
        self.side_filter.setItemText(0, self.tr("Buys and sells"))
        for n, side in enumerate(Side, start=1):
            self.side_filter.setItemText(n, side_text(side))
        self.side_filter.setAccessibleName(self.tr("Side"))
        placeholder = self.tr("Instrument, e.g. KSPI")
        self.instrument_filter.setPlaceholderText(placeholder)
        # Room for the whole hint and the clear button, in every language.
        needed = self.instrument_filter.fontMetrics().horizontalAdvance(placeholder) + 48
        self.instrument_filter.setMinimumWidth(max(150, needed))
        self.instrument_filter.setMaximumWidth(max(240, needed))
        self.instrument_filter.setAccessibleName(self.tr("Filter by instrument"))
        self._retranslate_totals()

    def loading_texts(self) -> tuple[str, str]:
        return self.tr("Loading transactions…"), self.tr("Years of history can take a moment.")

    def empty_texts(self, filtered: bool) -> tuple[str, str]:
        if filtered:
            return self.tr("No transactions match the filters"), self.tr(
                "Change the instrument text or reset the filters."
            )
        if self.filtered():
            return self.tr("No transactions match the filters"), self.tr(
                "Try another market, side or period."
            )
        return self.tr("No transactions for this period"), self.tr(
            "Deals made on your orders appear here."
        )

    def error_heading(self) -> str:
        return self.tr("Transactions did not load")

    def count_text(self, shown: int, loaded: int) -> str:
        # "Shown: N" needs no plural forms in any of the three languages.
        text = self.tr("Shown: %1").replace("%1", QLocale().toString(shown))
        if self.model.loading and loaded:
            text = self.tr("%1 · loading more…").replace("%1", text)
        return text

    def _retranslate_totals(self) -> None:
        if not self.totals:
            self.totals_label.setText("")
            return
        parts = [
            self.tr("%1: amount %2, fee %3")
            .replace("%1", code)
            .replace("%2", format_decimal(amount, 2))
            .replace("%3", format_decimal(fee, 2))
            for code, (amount, fee) in self.totals.items()
        ]
        self.totals_label.setText(self.tr("Totals") + "   " + "   ·   ".join(parts))
