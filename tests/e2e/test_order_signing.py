"""Order entry end to end: the real mock backend, the mock NCALayer, real widgets.

The mock NCALayer runs on its own loop in a thread, as the real one runs in its own process:
the app's qasync loop talks to it over a real TLS WebSocket.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from gui_support import DEMO, Backend, Gui, free_port, wait_until
from PySide6.QtCore import Qt
from signing_support import NcaLayerThread, latest_sms_code

from cesec_desktop.state.formatting import format_day, format_decimal, in_display_zone
from cesec_desktop.views.order_form import OrderFormDialog, open_order_form

DEMO_CLIENT_IIN = "880607300110"
"""The demo client's IIN, which the mock NCALayer's demo signer also names."""

# --- helpers -------------------------------------------------------------------------------


class Api:
    """The cabinet API as a second client would see it (a thread: the UI loop stays free)."""

    def __init__(self, backend: Backend) -> None:
        self.url = backend.url

    async def _call(self, method: str, path: str, body: Any = None) -> Any:
        def call() -> Any:
            with httpx.Client(base_url=self.url, timeout=10) as http:
                login = http.post(
                    "/api/v1/auth/login", json={"login": DEMO[0], "password": DEMO[1]}
                )
                login.raise_for_status()
                headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
                response = http.request(method, path, json=body, headers=headers)
                response.raise_for_status()
                return response.json()

        return await asyncio.to_thread(call)

    async def orders(self) -> list[dict[str, Any]]:
        page = await self._call("GET", "/api/v1/orders?limit=500")
        return list(page["items"])

    async def order(self, order_id: str) -> dict[str, Any]:
        return dict(await self._call("GET", f"/api/v1/orders/{order_id}"))


async def signed_in(gui_factory: Callable[..., Gui], backend: Backend) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in(*DEMO)
    return gui


async def open_form(gui: Gui, **kwargs: Any) -> OrderFormDialog:
    form = open_order_form(gui.main, gui.session, **kwargs)
    await wait_until(form.isVisible, what="the order form")
    if kwargs.get("instrument_id"):
        await wait_until(
            lambda: form.ticket.instrument is not None and form.ticket.quote is not None,
            what="the instrument and its quote",
        )
        await wait_until(lambda: form.ticket.portfolio is not None, what="the funds")
    return form


async def sign_dialog(form: OrderFormDialog) -> Any:
    await wait_until(
        lambda: form.sign_dialog is not None and form.sign_dialog.isVisible(),
        what="the signing dialog",
    )
    return form.sign_dialog


# --- scenarios -----------------------------------------------------------------------------


def test_a_limit_buy_signed_by_sms(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    api = Api(backend)

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        form = await open_form(gui)
        placed: list[Any] = []
        streamed: list[Any] = []
        form.orderPlaced.connect(placed.append)
        gui.session.orderUpdated.connect(streamed.append)
        search = form.ui.instrumentSearch
        gui.type_into(search.edit, "hsbk")
        await wait_until(lambda: len(search.results) >= 1, what="search results")
        assert search.results[0].id == "KASE:HSBK"
        gui.qtbot.keyClick(search.edit, Qt.Key.Key_Return)
        await wait_until(lambda: form.ticket.quote is not None, what="the quote")
        assert search.badge.text() == "KASE" and search.badge.isVisible()
        await wait_until(lambda: form.ticket.portfolio is not None, what="the funds")
        assert form.ui.accountCombo.currentData() == "acc_demo_kzt"
        ask = form.ticket.quote.ask
        gui.click(form.ui.askButton)
        assert form.ticket.price == ask
        gui.type_into(form.ui.quantityEdit, "5")
        # The field shows the amount grouped ("1,915.20"); the value behind it is exact.
        assert form.amount.value() == ask * 5
        assert form.ui.amountEdit.text() == format_decimal(ask * 5, 2)
        await wait_until(lambda: form.ticket.draft_is_current, what="the broker's check")
        document = form.ui.documentText.toPlainText()
        assert document == form.ticket.draft.document.text
        # Written in the UI's language (Accept-Language: en), not side by side in two.
        assert "KASE:HSBK" in document and "Quantity: 5" in document
        assert "Количество" not in document

        gui.click(form.ui.smsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        assert "+7 701 *** ** 67" in dialog.ui.sentLabel.text()
        assert re.fullmatch(r"The code is valid for (5:00|4:5\d)\.", dialog.ui.validityLabel.text())
        assert not dialog.ui.resendButton.isEnabled()
        gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")

        order = form.placed
        assert form.ui.doneTitle.text() == f"Order No. {order.number} has been placed"
        assert form.ui.doneStatus.text().startswith("Status: ")
        assert placed == [order] and order in streamed, "lists hear of it at once"
        stored = await api.order(order.id)
        assert stored["side"] == "buy" and stored["type"] == "limit"
        assert Decimal(stored["price"]) == ask and Decimal(stored["quantity"]) == 5
        assert stored["signature_method"] == "sms"
        form.ui.closeButton.click()
        await wait_until(lambda: gui.main.findChild(OrderFormDialog) is None, what="closed")

    run(scenario())


def test_a_sell_signed_by_eds(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer: NcaLayerThread,
) -> None:
    api = Api(backend)

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = ncalayer.url
        form = await open_form(gui, instrument_id="KASE:KCEL", side="sell")
        assert form.ui.sellButton.isChecked()
        assert form.ui.availableLabel.text() == "Available to sell"
        assert form.ui.availableValue.text() == "150 pcs"
        gui.type_into(form.ui.quantityEdit, "3")
        # A slow broker: the window shows who signed while the order is on its way.
        await backend.control("/mock/faults", {"latency_ms": 1500})
        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        states: list[str] = []
        dialog.signer.stateChanged.connect(states.append)
        await wait_until(lambda: dialog.state == dialog.SENDING, what="sending")
        signer = dialog.signer.signed_by
        assert signer is not None and signer.iin == DEMO_CLIENT_IIN
        until = format_day(in_display_zone(signer.not_after).date())
        assert dialog.hint_text() == (
            f"Signed by ДЕМОВ ДЕМО, IIN {DEMO_CLIENT_IIN}, certificate valid until {until}."
            "<br>Connected to NCALayer 1.4."
        )
        await backend.control("/mock/faults", {"latency_ms": 0})
        await wait_until(lambda: form.placed is not None, what="the order placed")
        order = form.placed
        stored = await api.order(order.id)
        assert stored["side"] == "sell" and stored["signature_method"] == "eds"
        assert Decimal(stored["quantity"]) == 3
        request = ncalayer.server.received[-1]
        assert request["module"] == "kz.gov.pki.knca.basics" and request["method"] == "sign"
        assert request["args"]["locale"] == "en"
        # Not the demo: a TSP timestamp is asked for, and only national-CA keys offered.
        assert request["args"]["signingParams"]["tsaProfile"] == {}
        assert "chain" not in request["args"]["signerParams"]
        # The mock TSA's time, verified by the broker and kept with the order.
        assert stored["signed_at"] is not None and order.signed_at is not None

    run(scenario())


def test_the_demo_profile_signs_with_kaztoken_desktop_and_keeps_the_signing_time(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer_factory: Callable[..., NcaLayerThread],
) -> None:
    kaztoken = ncalayer_factory(app="kaztoken")
    kaztoken.mode = "slow"
    kaztoken.server.slow_seconds = 1.0
    api = Api(backend)

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = kaztoken.url
        gui.session.signing_profile = "demo"  # as the demo launcher sets it
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "2")
        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.state == dialog.WAITING, what="waiting for the user")
        assert dialog.state_text() == "Choose your key in KAZTOKEN desktop"
        assert dialog.hint_text().endswith("Connected to KAZTOKEN desktop 1.2.758.648.")
        await wait_until(lambda: form.placed is not None, what="the order placed")
        probe, request = kaztoken.server.received
        assert probe == {"module": "kz.digiflow.mobile.extensions", "method": "getVersion"}
        # The demo: the test CA's keys (chain: []), and a timestamp all the same.
        assert request["args"]["signerParams"] == {
            "extKeyUsageOids": ["1.3.6.1.5.5.7.3.4"],
            "chain": [],
        }
        assert request["args"]["signingParams"]["tsaProfile"] == {}
        stored = await api.order(form.placed.id)
        assert stored["signature_method"] == "eds" and stored["signed_at"]

    run(scenario())


def test_eds_waits_for_the_user_and_can_be_cancelled(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer: NcaLayerThread,
) -> None:
    ncalayer.mode = "slow"
    ncalayer.server.slow_seconds = 1.5

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = ncalayer.url
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "1")
        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        await wait_until(
            lambda: dialog.state_text() == "Choose your key in NCALayer", what="waiting"
        )
        assert dialog.ui.busyBar.isVisible() and dialog.ui.cancelButton.isEnabled()
        assert not dialog.ui.retryButton.isVisible()
        # Cancel here stops the wait: NCALayer is let go, the form is as it was.
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, what="back to the form")
        assert form.note().startswith("Signing was cancelled.")
        assert form.ui.quantityEdit.text() == "1" and form.placed is None

        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.state == dialog.WAITING, what="waiting again")
        await wait_until(lambda: form.placed is not None, timeout=10, what="the order placed")

    run(scenario())


def test_another_persons_key_is_refused_in_the_app_before_anything_is_sent(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer_factory: Callable[..., NcaLayerThread],
) -> None:
    from cesec_desktop.mockserver import pki

    # A valid key of the test CA, but another person's (the IIN of the "expired" user).
    stranger = ncalayer_factory(signer=pki.issue_signer_cert("810624301456"))
    api = Api(backend)

    async def scenario() -> None:
        before = len(await api.orders())
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = stranger.url
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "1")
        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.state == dialog.WRONG_KEY, what="the app's refusal")
        assert dialog.state_text() == "This key is not yours"
        assert dialog.error().startswith("The chosen certificate belongs to ")
        assert "(IIN 810624301456), not to the client of this account" in dialog.error()
        assert dialog.hint_text() == (
            "Nothing was sent. Press Retry and choose the EDS key issued to you."
        )
        assert dialog.ui.retryButton.isVisible()
        assert dialog.cms is None, "the signature is dropped: Retry signs again"
        assert len(await api.orders()) == before
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, what="back to the form")
        assert form.ui.quantityEdit.text() == "1" and form.placed is None

    run(scenario())


def test_a_signature_the_broker_refuses_is_explained_in_words(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer_factory: Callable[..., NcaLayerThread],
) -> None:
    from cesec_desktop.mockserver import pki

    # The client's own IIN, but from a CA the broker does not trust.
    other_ca, other_key = pki.make_ca("Untrusted Test CA")
    forged = ncalayer_factory(
        signer=pki.issue_signer_cert(DEMO_CLIENT_IIN, ca=other_ca, ca_key=other_key)
    )
    api = Api(backend)

    async def scenario() -> None:
        before = len(await api.orders())
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = forged.url
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "1")
        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.state == dialog.REJECTED, what="the broker's refusal")
        assert dialog.state_text() == "The broker did not accept the signature"
        assert dialog.error().startswith("The certificate is not trusted")
        assert dialog.hint_text().endswith("Nothing was placed. Press Retry to sign again.")
        assert len(await api.orders()) == before
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, what="back to the form")
        assert form.ui.quantityEdit.text() == "1" and form.placed is None

    run(scenario())


def test_a_timestamp_the_broker_cannot_trust_is_refused_in_words(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer: NcaLayerThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import UTC, datetime

    from cesec_desktop.mockserver import ncalayer as mock_ncalayer
    from cesec_desktop.mockserver import tsp

    # A TSA clock gone wrong: the stamp says 2040, after the signer's certificate expired.
    monkeypatch.setattr(
        mock_ncalayer,
        "add_timestamp",
        lambda der: tsp.add_timestamp(der, now=datetime(2040, 1, 1, tzinfo=UTC)),
    )
    api = Api(backend)

    async def scenario() -> None:
        before = len(await api.orders())
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = ncalayer.url
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "1")
        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.state == dialog.REJECTED, what="the broker's refusal")
        assert dialog.error() == (
            "The signature's timestamp could not be verified: the signing time is not trustworthy."
        )
        assert len(await api.orders()) == before
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, what="back to the form")

    run(scenario())


def test_ncalayer_not_running_shows_how_to_start_it_and_retry_works(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer_factory: Callable[..., NcaLayerThread],
) -> None:
    port = free_port()

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = f"wss://127.0.0.1:{port}/"
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "2")
        gui.click(form.ui.edsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.state == dialog.NOT_RUNNING, what="not running")
        assert dialog.state_text() == "NCALayer is not running"
        assert "Start NCALayer" in dialog.hint_text() and "pki.gov.kz" in dialog.hint_text()
        assert dialog.ui.retryButton.isVisible() and dialog.ui.retryButton.text() == "&Retry"
        assert form.placed is None

        await asyncio.to_thread(ncalayer_factory, port)
        gui.click(dialog.ui.retryButton)
        await wait_until(lambda: form.placed is not None, what="the order placed after Retry")

    run(scenario())


def test_cancel_in_ncalayer_returns_to_the_form_with_nothing_lost(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer: NcaLayerThread,
) -> None:
    ncalayer.mode = "cancel"
    api = Api(backend)

    async def scenario() -> None:
        before = len(await api.orders())
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = ncalayer.url
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.priceEdit, "380.5")
        gui.type_into(form.ui.quantityEdit, "7")
        form.ui.validDate.setDate(form.ui.validDate.date().addDays(3))
        gui.click(form.ui.edsButton)
        await sign_dialog(form)
        await wait_until(lambda: form.sign_dialog is None, what="back to the form")
        assert form.isVisible() and form.placed is None
        assert form.note().startswith("Signing was cancelled. Nothing was sent")
        assert form.ui.priceEdit.text() == "380.50"
        assert form.ui.quantityEdit.text() == "7"
        assert form.ticket.valid_until == form.ui.validDate.date().toPython()
        assert form.ui.instrumentSearch.instrument.id == "KASE:HSBK"
        assert len(await api.orders()) == before

        ncalayer.mode = "approve"  # signing again from the same form works
        gui.click(form.ui.edsButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")
        assert len(await api.orders()) == before + 1

    run(scenario())


def test_a_wrong_code_shows_the_attempts_left(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "1")
        gui.click(form.ui.smsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        code = await latest_sms_code(backend)
        wrong = "000000" if code != "000000" else "111111"
        gui.type_into(dialog.ui.codeEdit, wrong)
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: dialog.error(), what="the error")
        assert dialog.error() == "Wrong code. Attempts left: 2."
        assert dialog.isVisible() and form.placed is None
        gui.type_into(dialog.ui.codeEdit, code)
        gui.press_enter(dialog.ui.codeEdit)
        await wait_until(lambda: form.placed is not None, what="the order placed")

    run(scenario())


def test_a_lost_answer_to_the_confirm_places_exactly_one_order(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    api = Api(backend)

    async def scenario() -> None:
        before = await api.orders()
        gui = await signed_in(gui_factory, backend)
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.quantityEdit, "4")
        gui.click(form.ui.smsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
        await backend.control("/mock/faults", {"crash_after_commit": 1})
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")
        assert backend.state.faults.crash_after_commit == 0, "the answer was really lost"
        after = await api.orders()
        fresh = [o for o in after if o["id"] not in {b["id"] for b in before}]
        assert [o["id"] for o in fresh] == [form.placed.id], "exactly one order"

    run(scenario())


def test_an_expired_session_signs_in_again_in_place_and_the_form_keeps_its_values(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        form = await open_form(gui, instrument_id="KASE:HSBK")
        gui.type_into(form.ui.priceEdit, "381.25")
        gui.type_into(form.ui.quantityEdit, "6")
        await wait_until(lambda: form.ticket.draft_is_current, what="the broker's check")
        # The server ends every session: neither the access nor the refresh token works.
        backend.state.conn.execute("UPDATE sessions SET revoked = 1")
        gui.click(form.ui.smsButton)
        await wait_until(lambda: gui.shell.lock_dialog is not None, what="the sign-in prompt")
        prompt = gui.shell.lock_dialog
        await wait_until(prompt.isVisible, what="the prompt on screen")
        assert form.isVisible()
        gui.type_into(prompt.ui.passwordEdit, DEMO[1])
        gui.press_enter(prompt.ui.passwordEdit)
        await wait_until(lambda: gui.shell.lock_dialog is None, what="signed in again")
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent after sign-in")
        assert form.ui.priceEdit.text() == "381.25"
        assert form.ui.quantityEdit.text() == "6"
        assert form.ui.instrumentSearch.instrument.id == "KASE:HSBK"
        gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.placed is not None, what="the order placed")
        assert form.placed.price == Decimal("381.25") and form.placed.quantity == 6

    run(scenario(), timeout=45)


def test_errors_are_shown_at_their_fields(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    # A board lot of 10 for one instrument, as some listings have.
    backend.state.conn.execute("UPDATE instruments SET lot_size = 10 WHERE id = 'KASE:KZTO'")

    async def scenario() -> None:
        await backend.control("/mock/market-hours", {"modes": {"KASE": "closed"}})
        gui = await signed_in(gui_factory, backend)
        form = await open_form(gui, instrument_id="KASE:HSBK")

        gui.type_into(form.ui.priceEdit, "385.005")
        assert form.field_error("price") == "The price must be a multiple of the price step, 0.01."
        gui.type_into(form.ui.priceEdit, "385.00")
        assert form.field_error("price") == ""

        gui.type_into(form.ui.quantityEdit, "100000")
        cash = form.ui.availableValue.text()
        assert form.field_error("quantity") == f"Not enough cash: {cash} available."
        gui.click(form.ui.smsButton)
        await wait_until(form.ui.quantityEdit.hasFocus, what="the focus on the wrong field")
        assert form.sign_dialog is None, "nothing is signed while a field is wrong"

        # Only the broker knows the market is closed: its answer shows at the Type field.
        gui.type_into(form.ui.quantityEdit, "1")
        form.ui.typeCombo.setCurrentIndex(form.ui.typeCombo.findData("market"))
        assert not form.ui.priceEdit.isEnabled()
        await wait_until(lambda: form.field_error("type"), what="the broker's verdict")
        assert form.field_error("type") == (
            "The market is closed: a market order cannot be placed now. Use a limit order."
        )
        form.ui.typeCombo.setCurrentIndex(form.ui.typeCombo.findData("limit"))
        assert form.field_error("type") == ""

        search = form.ui.instrumentSearch
        gui.type_into(search.edit, "KZTO")
        await wait_until(lambda: search.results, what="search results")
        search.choose(next(i for i in search.results if i.id == "KASE:KZTO"))
        await wait_until(lambda: form.ticket.instrument.id == "KASE:KZTO", what="KZTO")
        gui.type_into(form.ui.quantityEdit, "15")
        assert form.field_error("quantity") == (
            "The quantity must be a whole number of lots of 10 pcs."
        )
        gui.click(form.ui.quantityUpButton)
        assert form.ui.quantityEdit.text() == "20"
        assert form.field_error("quantity") == ""

    run(scenario())
