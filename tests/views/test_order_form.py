"""The order form's wiring: amount <-> quantity, lots, price steps, market prices, retries.

Against the real mock backend (its prices stand still: no simulation), typing into the
real widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from gui_support import DEMO, FAST_STREAM, Backend, MemoryKeyring, wait_until
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QWidget

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import session_day
from cesec_desktop.domain.order_form import amount_for_quantity, max_buy_quantity
from cesec_desktop.state import clock
from cesec_desktop.state.clock import FixedClock
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.order_ticket import exchange_today
from cesec_desktop.state.session import Session
from cesec_desktop.state.theme import ThemeManager
from cesec_desktop.views.order_form import OrderFormDialog, open_order_form
from cesec_desktop.views.widgets.decimal_field import format_number, parse_number


@dataclass
class FormHost:
    """A signed-in session and a bare window to open the form over: the order form needs
    no main window, so these tests do not depend on the pages'. Acts like a user as `Gui`."""

    session: Session
    qtbot: Any
    host: QWidget
    closed: bool = False

    def type_into(self, widget: QWidget, text: str, clear: bool = True) -> None:
        if clear and hasattr(widget, "clear"):
            widget.clear()  # type: ignore[attr-defined]
        self.qtbot.keyClicks(widget, text)

    def click(self, widget: QWidget) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    async def close(self) -> None:
        if not self.closed:
            self.closed = True
            for form in self.host.findChildren(OrderFormDialog):
                if form.isVisible():
                    form.reject()
            await self.session.close()
            self.host.close()
            self.host.deleteLater()


@pytest.fixture
def form_host(qtbot: Any, backend: Backend, _guis: list[Any]) -> Callable[[], Any]:
    """Makes a `FormHost` (inside `run(...)`); `run` closes it inside the loop."""

    async def make() -> FormHost:
        url = backend.url
        session = Session(
            url, CredentialStore(url, backend=MemoryKeyring()), stream_options=FAST_STREAM
        )
        host = QWidget()
        host.resize(400, 300)
        made = FormHost(session, qtbot, host)
        _guis.append(made)
        await session.login(*DEMO)
        host.show()
        return made

    return make


async def form_for(form_host: Callable[[], Any], **kwargs: Any) -> tuple[FormHost, OrderFormDialog]:
    gui = await form_host()
    form = open_order_form(gui.host, gui.session, **kwargs)
    await wait_until(form.isVisible, what="the form")
    if kwargs.get("instrument_id"):
        await wait_until(
            lambda: form.ticket.quote is not None and form.ticket.portfolio is not None,
            what="the quote and the funds",
        )
    return gui, form


def text_value(text: str) -> Decimal:
    """A field's text as a number, grouped (out of focus) or bare (as typed)."""
    locale = QLocale()
    return Decimal(text.replace(locale.groupSeparator(), "").replace(locale.decimalPoint(), "."))


# --- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("385", Decimal("385")),
        ("385.5", Decimal("385.5")),
        ("385,5", Decimal("385.5")),
        (" 1 234,50 ", Decimal("1234.50")),
        ("0.0001", Decimal("0.0001")),
        ("", None),
        (",", None),
        ("1,234.5", None),
        ("12a", None),
        ("-5", None),
    ],
)
def test_typed_numbers_are_read_as_decimals(text: str, value: Decimal | None) -> None:
    assert parse_number(text) == value


def test_numbers_are_written_with_the_locale_mark_and_every_digit() -> None:
    ru = QLocale("ru_KZ")
    assert format_number(Decimal("385"), 2, ru) == "385,00"
    assert format_number(Decimal("385.005"), 2, ru) == "385,005"
    assert format_number(Decimal("10"), 0, QLocale("en_GB")) == "10"
    assert format_number(Decimal("96.29"), 4, QLocale("en_GB")) == "96.2900"


# --- amount and quantity ----------------------------------------------------------------


def test_the_quantity_sets_the_amount_and_the_amount_sets_whole_lots(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:HSBK")
        instrument = form.ticket.instrument
        price = form.ticket.quote.last
        assert form.ticket.price == price, "the price starts at the last trade"
        assert form.ui.priceEdit.text() == format_number(price, 2)

        gui.type_into(form.ui.quantityEdit, "10")
        assert text_value(form.ui.amountEdit.text()) == price * 10
        assert form.ui.quantityEdit.text() == "10" and form.ticket.quantity == 10

        gui.type_into(form.ui.amountEdit, "1000")
        expected = int(Decimal(1000) / price)
        assert form.ticket.quantity == expected
        assert form.ui.quantityEdit.text() == str(expected)
        assert form.ui.amountEdit.text() == "1000", "the typed amount stays as typed"
        assert amount_for_quantity(instrument, price, Decimal(expected)) <= 1000

        # The amount leads now: a new price changes the quantity.
        gui.type_into(form.ui.priceEdit, "100")
        assert form.ticket.quantity == 10 and form.ui.quantityEdit.text() == "10"
        assert form.ui.amountEdit.text() == "1000"

        # Typing the quantity makes it lead again: a new price changes the amount.
        gui.type_into(form.ui.quantityEdit, "3")
        assert text_value(form.ui.amountEdit.text()) == Decimal("300.00")
        gui.type_into(form.ui.priceEdit, "200")
        assert text_value(form.ui.amountEdit.text()) == Decimal("600.00")
        assert form.ticket.quantity == 3

        assert form.ui.amountValue.text() == "600.00\N{NO-BREAK SPACE}KZT"
        assert form.ui.feeValue.text() == "100.00\N{NO-BREAK SPACE}KZT"
        assert form.ui.totalValue.text() == "700.00\N{NO-BREAK SPACE}KZT"
        assert form.ui.lotsLabel.text() == "Lots: 3 × 1 pcs"

    run(scenario())


def test_an_amount_rounds_down_to_a_board_lot(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    backend.state.conn.execute("UPDATE instruments SET lot_size = 10 WHERE id = 'KASE:KZTO'")

    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:KZTO")
        assert form.ticket.instrument.lot_size == 10
        gui.type_into(form.ui.priceEdit, "1000")
        gui.type_into(form.ui.amountEdit, "25999")
        assert form.ticket.quantity == 20
        assert form.ui.lotsLabel.text() == "Lots: 2 × 10 pcs"
        gui.click(form.ui.quantityUpButton)
        assert form.ticket.quantity == 30
        assert text_value(form.ui.amountEdit.text()) == Decimal("30000.00")
        assert form.field_error("quantity") == ""

    run(scenario())


def test_a_bond_is_priced_in_percent_of_its_face_value(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:KFUSb11")
        assert form.ui.priceCurrency.text() == "%"
        gui.type_into(form.ui.priceEdit, "96.2901")
        gui.type_into(form.ui.quantityEdit, "5")
        # 96.2901 % of 1 000 KZT, five bonds: 4 814.505, half up.
        assert text_value(form.ui.amountEdit.text()) == Decimal("4814.51")
        gui.click(form.ui.priceUpButton)
        assert form.ticket.price == Decimal("96.2902")
        assert "price step 0.0001" in form.ui.instrumentInfo.text()

    run(scenario())


# --- price ------------------------------------------------------------------------------


def test_the_price_steps_by_the_instruments_step(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:HSBK")
        edit = form.ui.priceEdit
        gui.type_into(edit, "382.96")
        gui.click(form.ui.priceUpButton)
        assert edit.text() == "382.97" and form.ticket.price == Decimal("382.97")
        gui.qtbot.keyClick(edit, Qt.Key.Key_Down)
        gui.qtbot.keyClick(edit, Qt.Key.Key_Down)
        assert edit.text() == "382.95"
        gui.qtbot.keyClick(edit, Qt.Key.Key_PageUp)
        assert edit.text() == "383.05"
        # Off the grid, the first step reaches the grid.
        gui.type_into(edit, "382.955")
        assert form.field_error("price") == "The price must be a multiple of the price step, 0.01."
        gui.click(form.ui.priceUpButton)
        assert edit.text() == "382.96" and form.field_error("price") == ""
        # More decimals than a price can have: kept as typed and refused in words, never cut.
        gui.type_into(edit, "1.123456789")
        assert edit.text() == "1.123456789"
        assert form.field_error("price") == "At most 4 digits after the decimal mark."
        assert form.ticket.price is None and not form.ui.smsButton.isEnabled()

    run(scenario())


def test_a_market_order_has_no_price_and_is_worked_out_at_the_ask_or_the_bid(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:HSBK")
        quote = form.ticket.quote
        gui.type_into(form.ui.quantityEdit, "10")
        form.ui.typeCombo.setCurrentIndex(form.ui.typeCombo.findData("market"))
        assert not form.ui.priceEdit.isEnabled() and not form.ui.priceUpButton.isEnabled()
        assert text_value(form.ui.amountEdit.text()) == quote.ask * 10
        assert form.ui.amountSumLabel.text() == "Amount, estimate"
        assert form.ui.amountValue.text().startswith("\N{ALMOST EQUAL TO}")
        gui.click(form.ui.sellButton)
        assert text_value(form.ui.amountEdit.text()) == quote.bid * 10
        assert form.ui.totalLabel.text() == "Total to receive"
        assert form.ticket.request().price is None

        # A click on a price makes it a limit order at that price.
        gui.click(form.ui.bidButton)
        assert form.ui.typeCombo.currentData() == "limit" and form.ui.priceEdit.isEnabled()
        assert form.ticket.price == quote.bid
        assert form.ui.priceEdit.text() == format_number(quote.bid, 2)

    run(scenario())


def test_max_fills_what_the_cash_pays_for_or_what_is_held(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:KSPI")
        cash = form.ticket.available_cash()
        price = form.ticket.price
        gui.click(form.ui.maxButton)
        assert form.ticket.quantity == max_buy_quantity(form.ticket.instrument, price, cash)
        assert form.field_error("quantity") == ""
        gui.click(form.ui.sellButton)
        gui.click(form.ui.maxButton)
        assert form.ticket.quantity == 25
        assert form.ui.availableValue.text() == "25 pcs"
        gui.type_into(form.ui.quantityEdit, "26")
        assert form.field_error("quantity") == "Not enough securities: 25 pcs available to sell."

    run(scenario())


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 11, 20, 7, tzinfo=UTC), date(2026, 11, 20)),  # Friday 12:00 Almaty
        (datetime(2026, 11, 20, 13, tzinfo=UTC), date(2026, 11, 23)),  # after the close
    ],
)
def test_validity_is_the_session_day_by_default_and_never_in_the_past(
    backend: Backend,
    form_host: Callable[[], Any],
    run: Callable[..., Any],
    moment: datetime,
    expected: date,
) -> None:
    async def scenario() -> None:
        # The client's "now" is a fixed Friday, whatever the real date and zone.
        previous = clock.install(FixedClock(moment))
        try:
            _gui, form = await form_for(form_host, instrument_id="KASE:HSBK")
            today = exchange_today()
            assert today == date(2026, 11, 20)
            # Today while KASE's session runs; after the close (or on a weekend) the next one.
            assert session_day(Market.KASE, moment) == expected
            assert form.ui.validDate.date().toPython() == expected == form.ticket.valid_until
            form.ui.validDate.setDate(QDate(today.year, today.month, today.day).addDays(-1))
            assert form.ui.validDate.date().toPython() == today
            form.ui.validDate.setDate(QDate(today.year, today.month, today.day).addDays(2))
            assert form.ticket.valid_until == today + timedelta(days=2)
        finally:
            clock.install(previous)

    run(scenario())


# --- never twice ----------------------------------------------------------------------


def test_a_confirm_lost_on_the_network_is_retried_with_the_same_key(
    backend: Backend,
    form_host: Callable[[], Any],
    run: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cesec_desktop.state.order_ticket as order_ticket
    from cesec_desktop.domain.models.signing import SmsSignature
    from cesec_desktop.state.errors import NetworkUnreachable

    monkeypatch.setattr(order_ticket, "CONFIRM_RETRY_DELAYS", (0.01, 0.01))

    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "1")
        draft = await form.ticket.make_draft()
        key = form.ticket.idempotency_key
        assert key
        client = gui.session.client
        real = client.confirm_order
        keys: list[str] = []

        async def flaky(draft_id: str, signature: Any, idempotency_key: str) -> Any:
            keys.append(idempotency_key)
            if len(keys) < 3:
                raise NetworkUnreachable()
            return await real(draft_id, signature, idempotency_key)

        monkeypatch.setattr(client, "confirm_order", flaky)
        challenge = await form.ticket.send_sms()
        code = backend.state.conn.execute(
            "SELECT code FROM sms_challenges WHERE id = ?", (challenge.challenge_id,)
        ).fetchone()["code"]
        signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
        order = await form.ticket.confirm(signature)
        assert keys == [key, key, key]
        assert order.status.value in ("new", "active")
        assert form.ticket.draft is None and form.ticket.idempotency_key is None
        assert draft.draft_id

    run(scenario())


# --- language and theme ---------------------------------------------------------------


def test_switching_language_and_theme_keeps_what_was_typed(
    backend: Backend,
    form_host: Callable[[], Any],
    run: Callable[..., Any],
    languages: LanguageManager,
    themes: ThemeManager,
) -> None:
    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.priceEdit, "385.005")
        gui.type_into(form.ui.quantityEdit, "12")
        languages.set_language("ru")
        assert form.ui.cancelButton.text() != "" and form.price.value() == Decimal("385.005")
        assert form.ui.priceEdit.text() in ("385.005", "385,005")
        assert form.ui.quantityEdit.text() == "12"
        assert form.field_error("price"), "errors are rendered again in the new language"
        assert form.ui.typeCombo.itemText(0)
        # The look is the theme's (QSS property rules), never a sheet of the form's own.
        themes.set_mode("dark")
        assert form.styleSheet() == ""
        assert form.price.value() == Decimal("385.005") and form.ticket.quantity == 12
        themes.set_mode("light")
        languages.set_language("en")
        assert form.ui.typeCombo.itemText(0) == "Limit"

    run(scenario())


def test_live_quotes_reach_the_form_and_stop_when_it_closes(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        # Kazakhtelecom: on no watchlist, so the form's own subscription is the only one.
        gui, form = await form_for(form_host, instrument_id="KASE:KZTK")
        session = gui.session
        assert session.quotes_subscribed("KASE:KZTK")
        quote = form.ticket.quote
        tick = quote.model_copy(update={"bid": Decimal("44000.50"), "time": quote.time})
        other = quote.model_copy(update={"instrument_id": "KASE:HSBK", "bid": Decimal("1")})
        session.quotesReceived.emit([tick, other])
        assert form.ticket.quote.bid == Decimal("44000.50")
        assert form.ui.bidButton.text() == "Bid\n44,000.50"
        gui.click(form.ui.bidButton)
        assert form.ticket.price == Decimal("44000.50")
        form.reject()
        await wait_until(lambda: not session.quotes_subscribed("KASE:KZTK"), what="unsubscribed")

    run(scenario())


# --- grouped numbers, typed as typed ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "typed", "grouped", "bare", "edited"),
    [
        ("ru", "50000,5", "50\N{NO-BREAK SPACE}000,50", "50000,50", "50000,7"),
        ("en", "50000.5", "50,000.50", "50000.50", "50000.7"),
    ],
)
def test_a_typed_price_is_the_price_sent_and_shows_grouped_out_of_focus(
    backend: Backend,
    form_host: Callable[[], Any],
    run: Callable[..., Any],
    languages: LanguageManager,
    language: str,
    typed: str,
    grouped: str,
    bare: str,
    edited: str,
) -> None:
    async def scenario() -> None:
        languages.set_language(language)
        gui, form = await form_for(form_host, instrument_id="KASE:KSPI")
        edit = form.ui.priceEdit
        form.activateWindow()
        edit.setFocus(Qt.FocusReason.MouseFocusReason)
        await wait_until(edit.hasFocus, what="the price field in focus")
        gui.type_into(edit, typed)
        assert edit.text() == typed, "typing stays natural: no separators while typing"
        assert form.price.value() == Decimal("50000.5") == form.ticket.price

        gui.qtbot.keyClick(edit, Qt.Key.Key_Tab)
        await wait_until(lambda: not edit.hasFocus(), what="the focus to move on")
        assert edit.text() == grouped, "out of focus, as the labels show numbers"
        assert form.price.value() == Decimal("50000.5") == form.ticket.price
        assert edit.hasAcceptableInput()

        # The amount beside it, written by the form, is grouped the same way.
        gui.type_into(form.ui.quantityEdit, "10")
        assert form.ticket.quantity == 10
        assert text_value(form.ui.amountEdit.text()) == Decimal("500005.00")
        assert QLocale().groupSeparator() in form.ui.amountEdit.text()

        edit.setFocus(Qt.FocusReason.TabFocusReason)
        await wait_until(edit.hasFocus, what="the price field in focus again")
        assert edit.text() == bare, "in focus again: the bare digits to edit"
        assert form.ticket.price == Decimal("50000.5"), "refocusing changes no number"
        gui.qtbot.keyClick(edit, Qt.Key.Key_End)
        gui.qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        gui.qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        gui.qtbot.keyClicks(edit, "7")
        assert edit.text() == edited
        assert form.price.value() == Decimal("50000.7") == form.ticket.price
        request = form.ticket.request()
        assert request is not None and request.price == Decimal("50000.7")
        languages.set_language("en")

    run(scenario())


def test_an_order_form_opened_with_no_instrument_starts_at_the_search(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    """What Ctrl+Shift+S with no row selected opens: an empty form on the side asked for."""

    async def scenario() -> None:
        _gui, form = await form_for(form_host, side="sell")
        assert form.ticket.instrument is None and form.ticket.side.value == "sell"
        assert form.ui.sellButton.isChecked() and not form.ui.buyButton.isChecked()
        assert form.ui.instrumentSearch.edit.text() == ""
        form.activateWindow()
        await wait_until(
            lambda: form.ui.instrumentSearch.isAncestorOf(form.focusWidget()),
            what="the focus in the instrument search",
        )

    run(scenario())


def test_the_sides_and_sign_buttons_are_styled_by_the_theme_alone(
    backend: Backend, form_host: Callable[[], Any], run: Callable[..., Any]
) -> None:
    """Buy green, sell red and one colour for every sign button, from resources/styles."""
    from cesec_desktop.settings import resources_dir
    from cesec_desktop.views.withdrawal_form import open_withdrawal_form

    themes = ThemeManager(resources_dir() / "styles")
    for scheme in ("light", "dark"):
        sheet = themes.stylesheet(scheme)
        for selector in (
            'QPushButton[side="buy"]',
            'QPushButton[side="sell"]',
            'QPushButton[role="sideToggle"][side="buy"]:checked',
            'QPushButton[role="sign"]',
        ):
            assert selector in sheet, f"{selector} in {scheme}.qss"

    async def scenario() -> None:
        gui, form = await form_for(form_host, instrument_id="KASE:HSBK")
        ui = form.ui
        assert (ui.buyButton.property("side"), ui.sellButton.property("side")) == ("buy", "sell")
        withdrawal = open_withdrawal_form(gui.host, gui.session)
        await wait_until(withdrawal.isVisible, what="the withdrawal form")
        signs = (ui.smsButton, ui.edsButton, withdrawal.ui.smsButton, withdrawal.ui.edsButton)
        assert {b.property("role") for b in signs} == {"sign"}
        gui.click(ui.sellButton)
        assert form.ticket.side.value == "sell"
        assert {b.property("role") for b in (ui.smsButton, ui.edsButton)} == {"sign"}
        assert form.styleSheet() == withdrawal.styleSheet() == ""
        withdrawal.reject()

    run(scenario())
