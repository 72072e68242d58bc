"""The order form: one instrument bought or sold, checked at each field, signed by SMS or EDS.

Amount and quantity follow each other without loops: only the user's own edits (typing,
stepping) emit `edited`; what the form writes back never does. Whichever of the two the
user edited last leads: a new price moves the other one.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from cesec_desktop.domain.enums import OrderStatus, OrderType, Side
from cesec_desktop.domain.models.market import Instrument, Quote
from cesec_desktop.domain.models.orders import Order, OrderDraft
from cesec_desktop.domain.order_form import (
    amount_for_quantity,
    lots,
    max_buy_quantity,
    max_sell_quantity,
    quantity_for_amount,
)
from cesec_desktop.state.account_names import account_label
from cesec_desktop.state.draft_ticket import ALREADY_SENT
from cesec_desktop.state.formatting import (
    date_pattern,
    format_day,
    format_decimal,
    format_money,
    format_time,
    zone_label,
)
from cesec_desktop.state.order_ticket import OrderTicket, exchange_today
from cesec_desktop.state.session import Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.forms.ui_order_form import Ui_OrderForm
from cesec_desktop.views.resources import icon
from cesec_desktop.views.signing_flow import SigningForm, sign_with
from cesec_desktop.views.widgets.decimal_field import (
    DecimalField,
    places_of,
)
from cesec_desktop.views.widgets.live_region import ErrorAnnouncer, announce
from cesec_desktop.views.zoom_sizes import zoom_form

log = logging.getLogger(__name__)

FIELDS = ("instrument_id", "account_id", "type", "price", "quantity", "valid_until")
DRAFT_DELAY_MS = 450
"""A pause in typing after which the broker checks the order (and writes its document)."""
SUCCESS_GREEN = "#1f9d55"

# --- the form ---------------------------------------------------------------------------


class OrderFormDialog(SigningForm):
    """Buy or sell one instrument, signed by SMS or EDS.

    Every field is checked as the user types (the domain's rules, at once) and then by the
    broker (a draft, after a short pause), each error at its field. The draft's exact text
    shows before signing. The form survives everything but its own Close: a cancelled
    signature, a failed call or an expired session keep what the user typed.

    Signals:
        orderPlaced(Order): the signed order was accepted by the broker.
    """

    orderPlaced = Signal(object)
    fields = FIELDS

    def __init__(
        self,
        session: Session,
        *,
        instrument_id: str | None = None,
        side: str | None = None,
        account_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ticket = OrderTicket(session, self)
        self.tasks = TaskTracker("order-form", owner=self)
        self._touched: set[str] = set()
        self._show_all = False
        self._server_errors: dict[str, str] = {}
        self._failure: Exception | None = None
        self._sent_before: Order | None = None
        """The order a draft the server called already signed and sent had become."""
        self._note = ""
        self._busy = False
        self._busy_kind = ""
        self._lead = "quantity"  # which of quantity and amount the user set last
        self._account_chosen = account_id is not None
        self._price_touched = False
        self._document_state = ""
        self._instrument_id: str | None = None

        self.ui = Ui_OrderForm()
        self.ui.setupUi(self)
        zoom_form(self)  # the form's minimum and maximum sizes grow with the text size
        self.setObjectName("orderForm")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        ui = self.ui
        ui.busyBar.hide()
        ui.busyBar.setFixedSize(80, 3)
        ui.busyLabel.hide()
        ui.newOrderButton.hide()
        ui.closeButton.hide()
        ui.formError.hide()
        ui.noteLabel.hide()
        ui.doneIcon.setPixmap(icon("check", color=SUCCESS_GREEN).pixmap(QSize(48, 48)))
        ui.smsButton.setDefault(False)
        row_height = ui.priceEdit.sizeHint().height()
        for button in (
            ui.priceDownButton,
            ui.priceUpButton,
            ui.quantityDownButton,
            ui.quantityUpButton,
        ):
            button.setFixedSize(32, row_height)
        ui.maxButton.setFlat(True)
        ui.maxButton.setCursor(Qt.CursorShape.PointingHandCursor)
        for button in (ui.bidButton, ui.lastButton, ui.askButton):
            button.setCursor(Qt.CursorShape.PointingHandCursor)

        self.price = DecimalField(ui.priceEdit, ui.priceDownButton, ui.priceUpButton, max_places=8)
        self.price.anchor = self._price_anchor
        self.quantity = DecimalField(
            ui.quantityEdit, ui.quantityDownButton, ui.quantityUpButton, places=0, max_places=0
        )
        self.amount = DecimalField(ui.amountEdit, places=2, max_places=2)
        ui.instrumentSearch.set_searcher(self.ticket.search)

        self.error_labels: dict[str, QLabel] = {
            "instrument_id": ui.instrumentError,
            "account_id": ui.accountError,
            "type": ui.typeError,
            "price": ui.priceError,
            "quantity": ui.quantityError,
            "valid_until": ui.validError,
        }
        # Errors appear under the fields without focus: a screen reader is told of each.
        self.errors_said = ErrorAnnouncer(self, [*self.error_labels.values(), ui.formError])
        self._fill_accounts(account_id)
        ui.typeCombo.addItem("", OrderType.LIMIT.value)
        ui.typeCombo.addItem("", OrderType.MARKET.value)
        today = _qdate(exchange_today())
        ui.validDate.setMinimumDate(today)
        ui.validDate.setDate(today)
        if side in (Side.SELL, Side.SELL.value):
            ui.sellButton.setChecked(True)
            self.ticket.side = Side.SELL

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._draft_now)

        ui.buyButton.clicked.connect(self._side_clicked)
        ui.sellButton.clicked.connect(self._side_clicked)
        ui.instrumentSearch.instrumentChosen.connect(self._instrument_chosen)
        ui.instrumentSearch.searchFailed.connect(self._call_failed)
        ui.accountCombo.currentIndexChanged.connect(self._account_changed)
        ui.accountCombo.activated.connect(self._account_activated)
        ui.typeCombo.currentIndexChanged.connect(self._type_changed)
        self.price.edited.connect(self._price_edited)
        self.quantity.edited.connect(self._quantity_edited)
        self.amount.edited.connect(self._amount_edited)
        for number in (self.price, self.quantity, self.amount):
            number.refused.connect(self._render)
        ui.amountEdit.editingFinished.connect(self._amount_finished)
        ui.validDate.dateChanged.connect(self._valid_changed)
        ui.maxButton.clicked.connect(self.fill_max)
        ui.bidButton.clicked.connect(lambda: self.take_quote("bid"))
        ui.askButton.clicked.connect(lambda: self.take_quote("ask"))
        ui.lastButton.clicked.connect(lambda: self.take_quote("last"))
        ui.smsButton.clicked.connect(lambda: self.start_signing("sms"))
        ui.edsButton.clicked.connect(lambda: self.start_signing("eds"))
        ui.cancelButton.clicked.connect(self.reject)
        ui.closeButton.clicked.connect(self.accept)
        ui.newOrderButton.clicked.connect(self.new_order)
        self.ticket.instrumentChanged.connect(self._instrument_changed)
        self.ticket.quoteChanged.connect(self._quote_changed)
        self.ticket.fundsChanged.connect(self._render)
        self.ticket.draftChanged.connect(self._draft_changed)
        self.ticket.orderPlaced.connect(self.orderPlaced)
        self.ticket.alreadySent.connect(self._already_sent)
        session.orderUpdated.connect(self._order_updated)

        self._account_changed(ui.accountCombo.currentIndex())
        self._type_changed(0)
        self._retranslate()
        self.resize(self.sizeHint().expandedTo(QSize(990, 620)))
        if instrument_id:
            self.tasks.spawn(self._load_instrument(instrument_id), name="order-form-instrument")
            ui.quantityEdit.setFocus()
        else:
            ui.instrumentSearch.setFocus()

    # --- state for tests and callers ---------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def placed(self) -> Order | None:
        return self.ticket.order if self.ui.stack.currentWidget() is self.ui.donePage else None

    def field_error(self, field: str) -> str:
        label = self.error_labels[field]
        return label.text() if not label.isHidden() else ""

    def form_error(self) -> str:
        return self.ui.formError.text() if not self.ui.formError.isHidden() else ""

    def note(self) -> str:
        return self.ui.noteLabel.text() if not self.ui.noteLabel.isHidden() else ""

    # --- user actions ------------------------------------------------------------------------

    def _side_clicked(self) -> None:
        side = Side.BUY if self.ui.buyButton.isChecked() else Side.SELL
        if side is self.ticket.side:
            return
        self.ticket.set_side(side)
        self._follow_price()
        self._changed("side")

    def _instrument_chosen(self, instrument: Instrument) -> None:
        self.tasks.spawn(self._choose(instrument), name="order-form-instrument")

    async def _choose(self, instrument: Instrument | str) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            await self.ticket.choose_instrument(instrument)
        except CabinetError as error:
            self._call_failed(error)
            return
        self._changed("instrument_id")

    async def _load_instrument(self, instrument_id: str) -> None:
        self.ui.instrumentSearch.edit.setText(instrument_id)
        await self._choose(instrument_id)

    def _account_changed(self, index: int) -> None:
        account_id = self.ui.accountCombo.itemData(index) if index >= 0 else None
        if account_id == self.ticket.account_id:
            return
        self.ticket.set_account(account_id)
        self._changed("account_id")

    def _account_activated(self, _index: int) -> None:
        self._account_chosen = True

    def _type_changed(self, index: int) -> None:
        order_type = OrderType(self.ui.typeCombo.itemData(index) or OrderType.LIMIT.value)
        limit = order_type is OrderType.LIMIT
        self.price.set_enabled(limit and not self._busy)
        if order_type is not self.ticket.type:
            self.ticket.set_type(order_type)
            self._follow_price()
            self._changed("type")
        self._retranslate_summary()

    def _price_edited(self, value: Decimal | None) -> None:
        self._price_touched = True
        self.ticket.set_price(value)
        self._follow_price()
        self._changed("price")

    def _quantity_edited(self, value: Decimal | None) -> None:
        self._lead = "quantity"
        self.ticket.set_quantity(value)
        self._sync_amount()
        self._changed("quantity")

    def _amount_edited(self, value: Decimal | None) -> None:
        self._lead = "amount"
        self._sync_quantity(value)
        self._changed("quantity")

    def _amount_finished(self) -> None:
        if self._lead == "amount" and self.amount.value() is None:
            self._lead = "quantity"

    def _valid_changed(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day())
        if day != self.ticket.valid_until:
            self.ticket.set_valid_until(day)
            self._changed("valid_until")

    def fill_max(self) -> None:
        """The most whole lots the cash pays for (buy) or that are held (sell)."""
        instrument = self.ticket.instrument
        if instrument is None:
            return
        if self.ticket.side is Side.BUY:
            cash = self.ticket.available_cash()
            price = self.ticket.working_price()
            if cash is None or price is None or price <= 0:
                return
            quantity = max_buy_quantity(instrument, price, cash)
        else:
            held = self.ticket.available_quantity()
            if held is None:
                return
            quantity = max_sell_quantity(held, instrument.lot_size)
        self.quantity.set_value(quantity)
        self._quantity_edited(quantity)

    def take_quote(self, which: str) -> None:
        """A click on bid, ask or last: that price becomes the limit price."""
        quote = self.ticket.quote
        if quote is None or self._busy:
            return
        price = {"bid": quote.bid, "ask": quote.ask, "last": quote.last}[which]
        if price is None or price <= 0:
            return
        if self.ticket.type is not OrderType.LIMIT:
            self.ui.typeCombo.setCurrentIndex(self.ui.typeCombo.findData(OrderType.LIMIT.value))
        self.price.set_value(price)
        self._price_edited(price)

    def new_order(self) -> None:
        """After a placed order: the form again, with the instrument, side and price kept."""
        self.ticket.start_over()
        self.quantity.set_value(None)
        self.amount.set_value(None)
        self._lead = "quantity"
        self._touched.clear()
        self._show_all = False
        self._server_errors.clear()
        self._failure = None
        self._note = ""
        self.ui.validDate.setDate(_qdate(self.ticket.valid_until))
        self._show_form()
        self._render()
        self.ui.quantityEdit.setFocus()

    # --- arithmetic between the fields --------------------------------------------------------

    def _follow_price(self) -> None:
        """A new working price: the field the user did not set last follows."""
        if self._lead == "amount":
            self._sync_quantity(self.amount.value())
        else:
            self._sync_amount()

    def _sync_amount(self) -> None:
        instrument, price = self.ticket.instrument, self.ticket.working_price()
        quantity = self.ticket.quantity
        if instrument is None or price is None or price <= 0 or not quantity or quantity <= 0:
            self.amount.set_value(None)
            return
        self.amount.set_value(amount_for_quantity(instrument, price, quantity))

    def _sync_quantity(self, amount: Decimal | None) -> None:
        instrument, price = self.ticket.instrument, self.ticket.working_price()
        if instrument is None or price is None or price <= 0 or amount is None:
            quantity = None
        else:
            quantity = quantity_for_amount(
                instrument, price, amount, side=self.ticket.side, include_fee=False
            )
        self.quantity.set_value(quantity)
        self.ticket.set_quantity(quantity)

    def _price_anchor(self) -> Decimal | None:
        quote = self.ticket.quote
        return quote.last if quote is not None else None

    # --- after each change ---------------------------------------------------------------------

    def _changed(self, field: str) -> None:
        self._touched.add(field)
        self._server_errors.clear()
        self._failure = None
        self._note = ""
        self._render()
        self._schedule_draft()

    def _schedule_draft(self) -> None:
        """Let the broker check the order once the user pauses (only an order that may go)."""
        self._draft_timer.stop()
        if self._busy or self._input_errors():
            return
        if self.ticket.request() is None or self.ticket.errors():
            return
        if self.ticket.draft_is_current:
            return
        self._draft_timer.start()

    def _draft_now(self) -> None:
        if not self._busy and self.ui.stack.currentWidget() is self.ui.formPage:
            self.tasks.spawn(self._check_with_broker(), name="order-form-draft")

    async def _check_with_broker(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        if self.ticket.request() is None or self.ticket.errors() or self._input_errors():
            return
        self._set_document_state("checking")
        try:
            await self.ticket.make_draft()
        except CabinetError as error:
            # Quietly: the user is still typing. Sign shows anything that is still wrong.
            fields = dict(error.fields)
            if fields:
                self._server_errors = fields
                self._touched.update(f for f in fields if f in FIELDS)
            log.info("draft refused (%s)", error.code)
        finally:
            self._set_document_state("")
            self._render()

    def _call_failed(self, error: object) -> None:
        if isinstance(error, Exception):
            self._failure = error
        self._render()

    # --- ticket events --------------------------------------------------------------------

    def _instrument_changed(self, instrument: Instrument | None) -> None:
        ui = self.ui
        if instrument is None:
            return
        if (
            ui.instrumentSearch.instrument is None
            or ui.instrumentSearch.instrument.id != instrument.id
        ):
            ui.instrumentSearch.set_instrument(instrument)
        if self._instrument_id is not None and self._instrument_id != instrument.id:
            # Another instrument's price means nothing here: start from this one's market.
            self.price.set_value(None)
            self.ticket.set_price(None)
            self._price_touched = False
        self._instrument_id = instrument.id
        if ui.validDate.date() != _qdate(self.ticket.valid_until):
            ui.validDate.setDate(_qdate(self.ticket.valid_until))
        self.price.step_size = instrument.price_step
        places = places_of(instrument.price_step)
        self.price.set_places(places, max(places + 2, 4))
        self.price.reformat()
        self.quantity.step_size = Decimal(instrument.lot_size)
        if not self._account_chosen:
            self._pick_account_for(instrument)
        self._follow_price()
        self._retranslate_instrument()
        self._render_quote()

    def _quote_changed(self, quote: Quote) -> None:
        if (
            self.ticket.price is None
            and not self._price_touched
            and self.ticket.type is OrderType.LIMIT
            and quote.last > 0
            and not self._busy
        ):
            # A starting point near the market, not a blank the user might sign as is.
            self.price.set_value(quote.last)
            self.ticket.set_price(quote.last)
            self._follow_price()
            self._schedule_draft()
        elif self.ticket.type is OrderType.MARKET:
            self._follow_price()
        self._render_quote()
        self._render()

    def _draft_changed(self, draft: OrderDraft | None) -> None:
        self._render_document()
        self._render_summary()

    def _already_sent(self, order: Order) -> None:
        """The order the broker called already signed and sent is found: name it."""
        self._sent_before = order
        if self.outcome == "checking":
            self.outcome = ""  # found out: no longer unknown
            self._render_outcome()
        self._render()

    def _order_updated(self, order: object) -> None:
        placed = self.ticket.order
        if (
            isinstance(order, Order)
            and placed is not None
            and order.id == placed.id
            and order.updated_at >= placed.updated_at
        ):
            self.ticket.order = order
            self._render_done()

    # --- signing -------------------------------------------------------------------------

    def start_signing(self, method: str) -> None:
        signing = any(t.get_name() == "order-form-sign" for t in self.tasks.pending)
        if not self._busy and not signing:
            self.tasks.spawn(self.sign(method), name="order-form-sign")

    async def sign(self, method: str) -> Order | None:
        """Check, draft, sign with `method` ("sms" or "eds"), confirm; the order, or None."""
        from cesec_desktop.state.errors import CabinetError, ValidationFailed

        self._draft_timer.stop()
        self._show_all = True
        self._failure = None
        self._sent_before = None
        self._note = ""
        self._server_errors.clear()
        if self.ticket.errors() or self._input_errors():
            self._render()
            self._focus_first_error()
            return None
        self._set_busy(True, "checking")
        try:
            await self.ticket.make_draft()
        except ValidationFailed as error:
            self._server_errors = dict(error.fields)
            if not error.fields:
                self._failure = error
            self._render()
            self._focus_first_error()
            return None
        except CabinetError as error:
            self._failure = error
            self._render()
            return None
        finally:
            self._set_busy(False)
        self._render()
        return await self._run_signer(method)

    async def _run_signer(self, method: str) -> Order | None:
        outcome = await sign_with(
            method, self.ticket, self, self.session.ncalayer_url, self._set_sign_dialog
        )
        result, failure, cancelled = outcome.result, outcome.failure, outcome.cancelled
        if isinstance(result, Order):
            self._show_done(result)
            return result
        if failure is not None:
            self._signing_failed(failure)
        elif cancelled:
            self._note = "cancelled"
        self._render()
        return None

    def _focus_first_error(self) -> None:
        targets = {
            "instrument_id": self.ui.instrumentSearch,
            "account_id": self.ui.accountCombo,
            "type": self.ui.typeCombo,
            "price": self.ui.priceEdit,
            "quantity": self.ui.quantityEdit,
            "valid_until": self.ui.validDate,
        }
        for field in FIELDS:
            if self.field_error(field):
                targets[field].setFocus()
                return

    # --- presentation ----------------------------------------------------------------------

    def _input_errors(self) -> dict[str, str]:
        """Field -> why its typed text is refused: shown at once, and Sign waits for them.

        The amount has no line of its own: its refusal shows under the quantity it sets.
        """
        errors: dict[str, str] = {}
        if self.ticket.type is OrderType.LIMIT and self.price.error:
            errors["price"] = self.price.error_text()
        for number in (self.quantity, self.amount):
            if number.error and "quantity" not in errors:
                errors["quantity"] = number.error_text()
        return errors

    def _render_sign(self) -> None:
        """Sign only what the fields say: never while one of them refuses its text."""
        ready = not self._busy and not self._input_errors()
        self.ui.smsButton.setEnabled(ready)
        self.ui.edsButton.setEnabled(ready)

    def _render(self) -> None:
        if not isValid(self):
            return
        errors = dict(self.ticket.errors())
        errors.update(self._server_errors)
        refused = self._input_errors()
        for field, label in self.error_labels.items():
            code = errors.get(field, "")
            shown = code and (
                self._show_all or field in self._touched or field in self._server_errors
            )
            if field in ("instrument_id", "account_id") and not self._show_all:
                shown = shown and field in self._server_errors
            text = refused.get(field) or (self._error_text(field, code) if shown else "")
            label.setText(text)
            label.setVisible(bool(text))
        self._render_sign()
        extra = [f for f in self._server_errors if f not in FIELDS]
        failure = ""
        if self._failure is not None:
            failure = self._failure_text(self._failure)
        elif extra:
            failure = " ".join(self._error_text(f, self._server_errors[f]) for f in extra)
        self.ui.formError.setText(failure)
        self.ui.formError.setVisible(bool(failure))
        self.errors_said.check()
        note = self._note_text()
        self.ui.noteLabel.setText(note)
        self.ui.noteLabel.setVisible(bool(note))
        self._retranslate_summary()
        self._render_document()
        self._render_lots()

    def _render_summary(self) -> None:
        ui, ticket = self.ui, self.ticket
        instrument = ticket.instrument
        currency = instrument.currency.value if instrument is not None else ""
        if ticket.side is Side.BUY:
            cash = ticket.available_cash()
            text = (
                "\N{EM DASH}"
                if instrument is None
                else ("…" if cash is None else format_money(cash, currency))
            )
        else:
            held = ticket.available_quantity()
            text = (
                "\N{EM DASH}"
                if instrument is None
                else ("…" if held is None else self._units(held))
            )
        ui.availableValue.setText(text)
        amount, fee, total = ticket.estimate()
        empty = amount <= 0
        approx = "\N{ALMOST EQUAL TO}\N{NO-BREAK SPACE}" if ticket.type is OrderType.MARKET else ""
        dash = "\N{EM DASH}"
        ui.amountValue.setText(dash if empty else approx + format_money(amount, currency))
        ui.feeValue.setText(dash if empty else approx + format_money(fee, currency))
        ui.totalValue.setText(dash if empty else approx + format_money(total, currency))

    def _render_document(self) -> None:
        ticket, ui = self.ticket, self.ui
        if ticket.draft is not None and ticket.draft_is_current:
            text = ticket.draft.document.text
            if ui.documentText.toPlainText() != text:
                ui.documentText.setPlainText(text)
            return
        if ui.documentText.toPlainText():
            ui.documentText.clear()
        ui.documentText.setPlaceholderText(
            self.tr("Checking the order with the broker…")
            if self._document_state == "checking"
            else self.tr(
                "The exact text you sign appears here once the broker has checked the order."
            )
        )

    def _set_document_state(self, state: str) -> None:
        self._document_state = state
        self._render_document()

    def _render_lots(self) -> None:
        instrument, quantity = self.ticket.instrument, self.ticket.quantity
        text = ""
        if instrument is not None:
            count = lots(quantity, instrument.lot_size) if quantity and quantity > 0 else 0
            text = (
                self.tr("Lots: %1 × %2")
                .replace("%1", format_decimal(Decimal(count), 0))
                .replace("%2", self._units(Decimal(instrument.lot_size)))
            )
        self.ui.lotsLabel.setText(text)
        self.ui.maxButton.setVisible(instrument is not None)

    def _render_quote(self) -> None:
        quote, instrument = self.ticket.quote, self.ticket.instrument
        places = places_of(instrument.price_step) if instrument is not None else 2
        names = {"bid": self.tr("Bid"), "last": self.tr("Last"), "ask": self.tr("Ask")}
        buttons = {"bid": self.ui.bidButton, "last": self.ui.lastButton, "ask": self.ui.askButton}
        for which, button in buttons.items():
            value = getattr(quote, which) if quote is not None else None
            shown = format_decimal(value, places) if value is not None else "\N{EM DASH}"
            button.setText(f"{names[which]}\n{shown}")
            button.setEnabled(value is not None and not self._busy)
            button.setToolTip(self.tr("Use this price") if value is not None else "")
        if quote is not None:
            self.ui.quoteTime.setText(format_time(quote.time))
            self.ui.quoteTime.setToolTip(zone_label())
        else:
            self.ui.quoteTime.setText("")
            self.ui.quoteTime.setToolTip("")

    def _render_done(self) -> None:
        order = self.ticket.order
        if order is None:
            return
        ui = self.ui
        ui.doneTitle.setText(self.tr("Order No. %1 has been placed").replace("%1", order.number))
        status = self.tr("Status: %1").replace("%1", status_text(order.status))
        if order.status is OrderStatus.REJECTED and order.reject_reason:
            status += " \N{EM DASH} " + order.reject_reason
        ui.doneStatus.setText(status)
        side = self.tr("Buy") if order.side is Side.BUY else self.tr("Sell")
        currency = order.currency.value
        price = (
            format_money(order.price, currency)
            if order.price is not None
            else self.tr("at the market price")
        )
        valid = format_day(order.valid_until)
        ui.doneDetails.setText(
            self.tr("%1 %2 · %3 · %4 · valid until %5")
            .replace("%1", side)
            .replace("%2", order.ticker)
            .replace("%3", self._units(order.quantity))
            .replace("%4", price)
            .replace("%5", valid)
        )

    def _show_done(self, order: Order) -> None:
        ui = self.ui
        ui.stack.setCurrentWidget(ui.donePage)
        for widget in (ui.cancelButton, ui.edsButton, ui.smsButton):
            widget.hide()
        ui.buyButton.setEnabled(False)
        ui.sellButton.setEnabled(False)
        ui.newOrderButton.show()
        ui.closeButton.show()
        ui.closeButton.setDefault(True)
        ui.closeButton.setFocus()
        self._failure = None
        self._note = ""
        self._render_done()
        self._render()
        announce(self, f"{ui.doneTitle.text()}. {ui.doneStatus.text()}")

    def _show_form(self) -> None:
        ui = self.ui
        ui.stack.setCurrentWidget(ui.formPage)
        for widget in (ui.cancelButton, ui.edsButton, ui.smsButton):
            widget.show()
        ui.buyButton.setEnabled(True)
        ui.sellButton.setEnabled(True)
        ui.newOrderButton.hide()
        ui.closeButton.hide()
        ui.closeButton.setDefault(False)

    def _set_busy(self, busy: bool, kind: str = "") -> None:
        if busy:
            self._busy_focus(True)
        self._busy = busy
        self._busy_kind = kind if busy else ""
        ui = self.ui
        for widget in (
            ui.instrumentSearch,
            ui.accountCombo,
            ui.typeCombo,
            ui.quantityEdit,
            ui.quantityDownButton,
            ui.quantityUpButton,
            ui.amountEdit,
            ui.validDate,
            ui.maxButton,
            ui.buyButton,
            ui.sellButton,
            ui.smsButton,
            ui.edsButton,
        ):
            widget.setEnabled(not busy)
        self.price.set_enabled(not busy and self.ticket.type is OrderType.LIMIT)
        self._render_sign()
        ui.busyBar.setVisible(busy)
        ui.busyLabel.setVisible(busy)
        ui.busyLabel.setText(self._busy_text())
        self._render_quote()
        if not busy:
            self._busy_focus(False)

    def _busy_text(self) -> str:
        if self._busy_kind == "checking":
            return self.tr("Checking the order…")
        return ""

    def _note_text(self) -> str:
        if self._note == "cancelled":
            return self.tr("Signing was cancelled. Nothing was sent; the order is as you left it.")
        return ""

    def _fill_accounts(self, account_id: str | None) -> None:
        combo = self.ui.accountCombo
        for account in self.session.accounts:
            combo.addItem(account_label(account), account.id)
        index = combo.findData(account_id) if account_id else 0
        combo.setCurrentIndex(max(index, 0) if combo.count() else -1)

    def _retranslate_accounts(self) -> None:
        """The sub-accounts' names follow the UI language (the backend's are English)."""
        combo = self.ui.accountCombo
        for account in self.session.accounts:
            index = combo.findData(account.id)
            if index >= 0:
                combo.setItemText(index, account_label(account))

    def _pick_account_for(self, instrument: Instrument) -> None:
        """The first sub-account in the instrument's currency, unless the user chose one."""
        for account in self.session.accounts:
            if account.currency == instrument.currency:
                index = self.ui.accountCombo.findData(account.id)
                if index >= 0:
                    self.ui.accountCombo.setCurrentIndex(index)
                return

    # --- texts ---------------------------------------------------------------------------------

    def _units(self, value: Decimal) -> str:
        places = 0 if value == value.to_integral_value() else places_of(value)
        return self.tr("%1 pcs").replace("%1", format_decimal(value, places))

    def _error_text(self, field: str, code: str) -> str:
        instrument = self.ticket.instrument
        currency = instrument.currency.value if instrument is not None else ""
        if code == "price_step" and instrument is not None:
            step = instrument.price_step
            return self.tr("The price must be a multiple of the price step, %1.").replace(
                "%1", format_decimal(step, places_of(step))
            )
        if code == "quantity_lot" and instrument is not None:
            return self.tr("The quantity must be a whole number of lots of %1.").replace(
                "%1", self._units(Decimal(instrument.lot_size))
            )
        if code == "insufficient_cash":
            cash = self.ticket.available_cash()
            if cash is not None and instrument is not None:
                return self.tr("Not enough cash: %1 available.").replace(
                    "%1", format_money(cash, currency)
                )
            return self.tr("Not enough cash for this order.")
        if code == "insufficient_position":
            held = self.ticket.available_quantity()
            if held is not None:
                return self.tr("Not enough securities: %1 available to sell.").replace(
                    "%1", self._units(held)
                )
            return self.tr("Not enough securities for this order.")
        texts = {
            "instrument_required": self.tr("Choose an instrument."),
            "unknown_instrument": self.tr("Choose an instrument from the list."),
            "account_required": self.tr("Choose a sub-account."),
            "unknown_account": self.tr("Choose one of your sub-accounts."),
            "quantity_not_positive": self.tr("Enter a quantity greater than zero."),
            "quantity_not_whole": self.tr("The quantity must be a whole number."),
            "quantity_too_large": self.tr("The quantity is too large."),
            "price_required": self.tr("Enter a price."),
            "price_not_positive": self.tr("The price must be greater than zero."),
            "price_limit": self.tr(
                "The price is outside the exchange's daily limit: 10% from the last close."
            ),
            "price_not_allowed": self.tr("A market order takes no price."),
            "valid_until_past": self.tr("The date cannot be in the past."),
            "valid_until_too_far": self.tr("An order can be valid for one year at most."),
            "market_closed": self.tr(
                "The market is closed: a market order cannot be placed now. Use a limit order."
            ),
            "no_quote": self.tr("There is no price to trade at now. Use a limit order."),
            "price_step": self.tr("The price must be a multiple of the price step."),
            "quantity_lot": self.tr("The quantity must be a whole number of lots."),
        }
        return texts.get(code, self.tr("Check this field."))

    def _failure_text(self, error: Exception) -> str:
        from cesec_desktop.views.messages import describe

        code = getattr(error, "code", "")
        if code in ALREADY_SENT:
            if self._sent_before is not None:
                return self._sent_before_text(self._sent_before)
            return self.tr("This order has already been signed and sent. See Orders.")
        texts = {
            "draft_expired": self.tr(
                "The order document has expired. Sign again: a new one will be made."
            ),
            "insufficient_cash": self.tr("Not enough cash for this order any more."),
            "insufficient_position": self.tr("Not enough securities for this order any more."),
            "market_closed": self.tr("The market is closed: a market order cannot be placed now."),
            "no_quote": self.tr("There is no price to trade at now. Use a limit order."),
            "forbidden": self.tr("You are not allowed to place orders."),
        }
        return texts.get(code) or describe(error)

    def _sent_before_text(self, order: Order) -> str:
        """The "already signed and sent" message, naming the order: number, side, quantity,
        price."""
        buy = order.side is Side.BUY
        if order.price is None:
            text = (
                self.tr(
                    "This order was already signed and sent: No. %1, buy %2 %3 at the market "
                    "price. See Orders."
                )
                if buy
                else self.tr(
                    "This order was already signed and sent: No. %1, sell %2 %3 at the market "
                    "price. See Orders."
                )
            )
        else:
            text = (
                self.tr(
                    "This order was already signed and sent: No. %1, buy %2 %3 at %4. See Orders."
                )
                if buy
                else self.tr(
                    "This order was already signed and sent: No. %1, sell %2 %3 at %4. See Orders."
                )
            )
            text = text.replace("%4", format_money(order.price, order.currency.value))
        quantity = order.quantity
        places = 0 if quantity == quantity.to_integral_value() else places_of(quantity)
        return (
            text.replace("%1", order.number)
            .replace("%2", format_decimal(quantity, places))
            .replace("%3", order.ticker)
        )

    def _retranslate_instrument(self) -> None:
        instrument = self.ticket.instrument
        ui = self.ui
        if instrument is None:
            ui.instrumentInfo.setText("")
            ui.instrumentInfo.hide()
            ui.priceCurrency.setText("")
            ui.amountCurrency.setText("")
            ui.quantityUnit.setText(self.tr("pcs"))
            return
        step = format_decimal(instrument.price_step, places_of(instrument.price_step))
        parts = [instrument.name]
        if instrument.isin:
            parts.append(instrument.isin)
        if instrument.face_value is not None:
            parts.append(
                self.tr("price in % of the face value, %1").replace(
                    "%1", format_money(instrument.face_value, instrument.currency.value)
                )
            )
        parts.append(self.tr("price step %1").replace("%1", step))
        ui.instrumentInfo.setText(" · ".join(parts))
        ui.instrumentInfo.show()
        ui.priceCurrency.setText(
            "%" if instrument.face_value is not None else instrument.currency.value
        )
        ui.amountCurrency.setText(instrument.currency.value)
        ui.quantityUnit.setText(self.tr("pcs"))

    def _retranslate_summary(self) -> None:
        ui, ticket = self.ui, self.ticket
        buy = ticket.side is Side.BUY
        ui.availableLabel.setText(
            self.tr("Available cash") if buy else self.tr("Available to sell")
        )
        market = ticket.type is OrderType.MARKET
        ui.amountSumLabel.setText(self.tr("Amount, estimate") if market else self.tr("Amount"))
        ui.totalLabel.setText(self.tr("Total to pay") if buy else self.tr("Total to receive"))
        self._render_summary()

    def _retranslate(self) -> None:
        ui = self.ui
        ui.typeCombo.setItemText(0, self.tr("Limit"))
        ui.typeCombo.setItemText(1, self.tr("Market"))
        ui.typeCombo.setToolTip(
            self.tr("Limit: at your price or better. Market: at the best price available now.")
        )
        ui.priceDownButton.setToolTip(self.tr("One price step down (↓)"))
        ui.priceUpButton.setToolTip(self.tr("One price step up (↑)"))
        ui.quantityDownButton.setToolTip(self.tr("One lot less (↓)"))
        ui.quantityUpButton.setToolTip(self.tr("One lot more (↑)"))
        ui.maxButton.setToolTip(
            self.tr("As many lots as the available cash pays for, fee included")
            if self.ticket.side is Side.BUY
            else self.tr("Everything available to sell")
        )
        locale = QLocale()
        ui.validDate.setLocale(locale)
        ui.validDate.setDisplayFormat(date_pattern(locale))
        ui.buyButton.setToolTip(self.tr("Buy"))
        ui.sellButton.setToolTip(self.tr("Sell"))
        ui.busyLabel.setText(self._busy_text())
        self._retranslate_accounts()
        self._retranslate_instrument()
        self._retranslate_summary()
        self._render_quote()
        self._render_done()
        self._render()

    # --- Qt events -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def _detach(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.session.orderUpdated.disconnect(self._order_updated)


def status_text(status: OrderStatus) -> str:
    from PySide6.QtCore import QCoreApplication

    texts = {
        OrderStatus.NEW: QCoreApplication.translate("OrderStatus", "New"),
        OrderStatus.ACTIVE: QCoreApplication.translate("OrderStatus", "Active"),
        OrderStatus.PARTIALLY_FILLED: QCoreApplication.translate("OrderStatus", "Partially filled"),
        OrderStatus.FILLED: QCoreApplication.translate("OrderStatus", "Filled"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderStatus", "Cancelled"),
        OrderStatus.REJECTED: QCoreApplication.translate("OrderStatus", "Rejected"),
        OrderStatus.EXPIRED: QCoreApplication.translate("OrderStatus", "Expired"),
    }
    return texts.get(status, status.value)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_order_form(
    parent: QWidget,
    session: Session,
    *,
    instrument_id: str | None = None,
    side: str | None = None,
    account_id: str | None = None,
) -> OrderFormDialog:
    """Open the order form over `parent` and return it at once (`open()`, never `exec()`).

    `instrument_id`, `side` ("buy"/"sell") and `account_id` fill the form in, as from a quote
    or a portfolio row. Connect `orderPlaced` to hear of the order; the Session's
    `orderUpdated` carries it too, so lists update at once. The form deletes itself on close.
    """
    dialog = OrderFormDialog(
        session, instrument_id=instrument_id, side=side, account_id=account_id, parent=parent
    )
    dialog.open()
    return dialog
