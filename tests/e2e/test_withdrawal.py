"""Withdrawals end to end: the form, SMS and EDS signing, the Instructions page, Portfolio.

The real mock backend, the mock NCALayer (in a thread, over TLS) and real widgets.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from signing_support import NcaLayerThread, latest_sms_code

from cesec_desktop.domain.iban import make_iban
from cesec_desktop.domain.iin import make_iin
from cesec_desktop.views.withdrawal_form import WithdrawalFormDialog

HALYK_IBAN = make_iban("601", "0000000012345")
KASPI_IBAN = make_iban("722", "0000000054321")
DEMO_IIN = "880607300110"


async def api_get(backend: Backend, path: str) -> Any:
    """GET as a second client would (a thread: the UI loop stays free)."""

    def call() -> Any:
        with httpx.Client(base_url=backend.url, timeout=10) as http:
            login = http.post("/api/v1/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
            login.raise_for_status()
            headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
            response = http.get(path, headers=headers)
            response.raise_for_status()
            return response.json()

    return await asyncio.to_thread(call)


async def signed_in(gui_factory: Callable[..., Gui], backend: Backend) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in(*DEMO)
    return gui


async def open_from_home(gui: Gui) -> WithdrawalFormDialog:
    button = gui.main.home.withdraw_button
    assert button.isVisible() and button.isEnabled()
    gui.click(button)
    await wait_until(
        lambda: gui.main.findChild(WithdrawalFormDialog) is not None, what="the withdrawal form"
    )
    form = gui.main.findChild(WithdrawalFormDialog)
    await ready(form)
    return form


async def ready(form: WithdrawalFormDialog) -> None:
    await wait_until(form.isVisible, what="the form shown")
    await wait_until(lambda: form.ticket.available() is not None, what="the cash available")
    await wait_until(lambda: form.ui.bankCombo.count() > 0, what="the banks")


def fill(gui: Gui, form: WithdrawalFormDialog, amount: str, iban: str = HALYK_IBAN) -> None:
    gui.type_into(form.ui.amountEdit, amount)
    gui.type_into(form.ui.ibanEdit, iban)
    gui.type_into(form.ui.purposeEdit, "Own funds")


async def sign_dialog(form: WithdrawalFormDialog) -> Any:
    await wait_until(
        lambda: form.sign_dialog is not None and form.sign_dialog.isVisible(),
        what="the signing dialog",
    )
    return form.sign_dialog


async def money_row(gui: Gui, currency: str) -> Any:
    page = gui.main.pages["portfolio"]
    gui.main.show_page("portfolio")
    await wait_until(
        lambda: page.store is not None and page.store.portfolio is not None,
        what="the portfolio",
    )
    rows = page.store.money.rows
    return next(r for r in rows if r.currency.value == currency and r.account_id.endswith("kzt"))


# --- scenarios -------------------------------------------------------------------------------


def test_a_withdrawal_signed_by_sms_is_listed_and_blocks_its_amount(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        before = await money_row(gui, "KZT")
        gui.main.show_page("home")
        form = await open_from_home(gui)
        ui = form.ui
        assert ui.accountCombo.currentData() == "acc_demo_kzt"
        assert ui.currencyCombo.currentText() == "KZT"
        assert ui.iinEdit.text() == DEMO_IIN, "the client's own IIN by default"
        assert "Available: " in ui.availableLabel.text()
        fill(gui, form, "12500.50")
        # The bank is picked from the IBAN's code, with its BIC.
        assert ui.bankCombo.currentData() == "HSBKKZKX"
        assert "Halyk Bank" in ui.bankCombo.currentText()
        await wait_until(lambda: form.ticket.draft_is_current, what="the broker's check")
        document = form.document_text()
        assert document == form.ticket.draft.document.text
        assert HALYK_IBAN in document and "12 500.50" in document

        made: list[Any] = []
        streamed: list[Any] = []
        form.instructionMade.connect(made.append)
        gui.session.instructionUpdated.connect(streamed.append)
        gui.click(ui.smsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        assert "It signs this withdrawal." in dialog.ui.sentLabel.text()
        gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.made is not None, what="the withdrawal made")

        instruction = form.made
        assert ui.doneTitle.text() == f"Withdrawal No. {instruction.number} has been accepted"
        assert instruction.amount == Decimal("12500.50") and instruction.currency.value == "KZT"
        assert made == [instruction] and instruction in streamed
        stored = await api_get(backend, f"/api/v1/instructions/{instruction.id}")
        assert stored["signature_method"] == "sms" and stored["status"] == "new"
        assert stored["iban"] == HALYK_IBAN and stored["bic"] == "HSBKKZKX"
        ui.closeButton.click()
        await wait_until(
            lambda: gui.main.findChild(WithdrawalFormDialog) is None, what="the form closed"
        )

        # Listed on the Instructions page, with its row.
        page = gui.main.pages["instructions"]
        gui.main.show_page("instructions")
        await wait_until(lambda: page.model.row_of(instruction.id) is not None, what="the row")
        # The amount is blocked in Portfolio.
        portfolio = gui.main.pages["portfolio"]
        gui.main.show_page("portfolio")
        await wait_until(
            lambda: any(
                r.account_id == before.account_id
                and r.currency == before.currency
                and r.blocked == before.blocked + Decimal("12500.50")
                for r in portfolio.store.money.rows
            ),
            what="the blocked amount in Portfolio",
        )
        after = next(
            r
            for r in portfolio.store.money.rows
            if r.account_id == before.account_id and r.currency == before.currency
        )
        assert after.available == before.available - Decimal("12500.50")

    run(scenario())


def test_a_withdrawal_from_the_portfolio_signed_by_eds(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    ncalayer: NcaLayerThread,
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.session.ncalayer_url = ncalayer.url
        cash = await money_row(gui, "KZT")
        page = gui.main.pages["portfolio"]
        row = page.store.money.rows.index(cash)
        menu = page.money_menu(row)
        transfer = menu.actions()[0]
        assert transfer.objectName() == "transferAction" and transfer.isEnabled()
        transfer.trigger()
        await wait_until(
            lambda: page.findChild(WithdrawalFormDialog) is not None, what="the withdrawal form"
        )
        form = page.findChild(WithdrawalFormDialog)
        await ready(form)
        assert form.ui.accountCombo.currentData() == cash.account_id
        assert form.ui.currencyCombo.currentText() == "KZT"
        gui.click(form.ui.allButton)
        assert form.ticket.amount == cash.available
        gui.type_into(form.ui.amountEdit, "1000")
        fill(gui, form, "1000", KASPI_IBAN)
        assert form.ui.bankCombo.currentData() == "CASPKZKA"
        gui.click(form.ui.edsButton)
        await wait_until(lambda: form.made is not None, what="the withdrawal made")
        request = ncalayer.server.received[-1]
        assert request["method"] == "sign" and request["module"] == "kz.gov.pki.knca.basics"
        signed = base64.b64decode(request["args"]["data"]).decode("utf-8")
        assert KASPI_IBAN in signed and "1 000.00" in signed, "the document shown is signed"
        stored = await api_get(backend, f"/api/v1/instructions/{form.made.id}")
        assert stored["signature_method"] == "eds" and stored["iban"] == KASPI_IBAN
        assert Decimal(stored["amount"]) == Decimal("1000")
        form.ui.closeButton.click()

    run(scenario())


def test_field_messages_for_bad_iin_iban_bank_and_amount(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        form = await open_from_home(gui)
        ui = form.ui
        available = form.ticket.available()
        assert available is not None

        # An amount over what is available: said while typing, with the figure.
        gui.type_into(ui.amountEdit, str(available + 1))
        assert form.field_error("amount").startswith("More than is available: ")

        # An IIN whose check digit is wrong: said as soon as the 12 digits are in.
        bad_iin = DEMO_IIN[:11] + str((int(DEMO_IIN[11]) + 1) % 10)
        gui.type_into(ui.iinEdit, bad_iin)
        assert form.field_error("recipient_iin") == (
            "This IIN's check digit is wrong: check the number."
        )
        # Someone else's valid IIN: the broker pays out only to the client's own account.
        import datetime

        other = make_iin(datetime.date(1990, 5, 17), True, 42)
        gui.type_into(ui.iinEdit, other)
        assert form.field_error("recipient_iin").startswith("Money goes only to your own account")
        gui.type_into(ui.iinEdit, DEMO_IIN)
        assert form.field_error("recipient_iin") == ""

        # An IBAN with a wrong check digit.
        broken = HALYK_IBAN[:2] + f"{(int(HALYK_IBAN[2:4]) + 1) % 100:02d}" + HALYK_IBAN[4:]
        gui.type_into(ui.ibanEdit, broken)
        assert form.field_error("iban") == (
            "The IBAN's check digits do not match: check the number."
        )
        # A good IBAN picks its bank; another bank chosen by hand disagrees with it.
        gui.type_into(ui.ibanEdit, HALYK_IBAN)
        assert form.field_error("iban") == ""
        assert ui.bankCombo.currentData() == "HSBKKZKX"
        kaspi = ui.bankCombo.findData("CASPKZKA")
        ui.bankCombo.setCurrentIndex(kaspi)
        ui.bankCombo.activated.emit(kaspi)
        assert form.field_error("bic") == (
            "This bank does not match the IBAN: its bank code 601 is Halyk Bank's."
        )

        # Signing is refused while anything is wrong, and nothing typed is lost.
        gui.click(ui.smsButton)
        await asyncio.sleep(0.1)
        assert form.sign_dialog is None
        assert form.field_error("amount") and form.field_error("bic")
        assert ui.ibanEdit.text().replace(" ", "") == HALYK_IBAN
        assert ui.purposeEdit.text() == "" and ui.iinEdit.text() == DEMO_IIN

        # The server is the judge too: what passed here but the broker refuses lands at the
        # field (the IIN of another client, with the client-side check switched off).
        form.ticket.own_iin = None
        ui.bankCombo.setCurrentIndex(ui.bankCombo.findData("HSBKKZKX"))
        ui.bankCombo.activated.emit(ui.bankCombo.currentIndex())
        gui.type_into(ui.amountEdit, "100")
        gui.type_into(ui.iinEdit, other)
        gui.click(ui.smsButton)
        await wait_until(lambda: form.field_error("recipient_iin") != "", what="the refusal")
        assert form.field_error("recipient_iin").startswith("Money goes only to your own")
        assert form.sign_dialog is None
        form.reject()

    run(scenario())


def test_a_lost_answer_is_confirmed_again_and_makes_one_withdrawal(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cesec_desktop.state import signing

    monkeypatch.setattr(signing, "CONFIRM_RETRY_DELAYS", (0.01, 0.01))

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        form = await open_from_home(gui)
        fill(gui, form, "777")
        await wait_until(lambda: form.ticket.draft_is_current, what="the broker's check")
        before = await api_get(backend, "/api/v1/instructions?limit=500")
        gui.click(form.ui.smsButton)
        dialog = await sign_dialog(form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        # The broker stores the withdrawal, then the connection drops before the answer —
        # every time, so the automatic repeats fail too and the user confirms again.
        await backend.control("/mock/faults", {"crash_after_commit": 100})
        gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: dialog.error() != "", what="the lost answer", timeout=20)
        assert "cannot be made twice" in dialog.error()
        assert backend.state.faults.crash_after_commit < 100, "the answers were really lost"
        await backend.control("/mock/faults", {"crash_after_commit": 0})
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.made is not None, what="the withdrawal made")
        after = await api_get(backend, "/api/v1/instructions?limit=500")
        new = [i for i in after["items"] if i["id"] not in {j["id"] for j in before["items"]}]
        assert [i["id"] for i in new] == [form.made.id], "made once"

    run(scenario(), timeout=60)
