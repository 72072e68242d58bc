"""The "already signed and sent" message names the order or withdrawal it became (issue 12 §8).

The attack: the broker commits the signed document, then the connection drops before the
answer, every time (the mock's `crash_after_commit`), so the app does not know what it made.
When the user then signs the same draft again (a new SMS code, or a different code for the
same document), the server refuses: 409 `draft_used`, or 422 `idempotency_key_reused`. The
app used to say only "already signed and sent. See Orders"; it now repeats its first signed
confirm with the same Idempotency-Key, which the mock answers with the first result (its
idempotency record is written in the same transaction as the order), and names it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "e2e"))

from gui_support import (  # noqa: F401
    DEMO,
    Backend,
    Gui,
    _guis,
    _languages,
    _themes,
    backend,
    backend_factory,
    gui_factory,
    languages,
    memory_keyring,
    qt_loop,
    run,
    settings,
    themes,
    wait_until,
)
from PySide6.QtWidgets import QLabel
from signing_support import latest_sms_code

from cesec_desktop.domain.iban import make_iban
from cesec_desktop.state import signing
from cesec_desktop.state.formatting import format_money
from cesec_desktop.views.order_form import OrderFormDialog, open_order_form
from cesec_desktop.views.withdrawal_form import WithdrawalFormDialog

HALYK_IBAN = make_iban("601", "0000000012345")


@pytest.fixture(autouse=True)
def quick_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    # The confirm's own repeats, shortened: every one of them loses its answer too.
    monkeypatch.setattr(signing, "CONFIRM_RETRY_DELAYS", (0.01, 0.01))


def _rows(server: Backend, table: str) -> list[Any]:
    return list(server.state.conn.execute(f"SELECT id, number FROM {table}").fetchall())


async def _lose_every_answer(server: Backend, dialog: Any, form: Any) -> None:
    """Confirm while every answer to a create call is lost after its commit."""
    await server.control("/mock/faults", {"crash_after_commit": 100})
    form.ticket.confirm_budget = 3.0  # the 30 s budget, shortened for the test
    form.ticket.check_delays = (600.0,)  # the background check stays out of the way
    dialog.ui.confirmButton.click()
    await wait_until(lambda: dialog.error() != "", timeout=20, what="the lost answer")
    assert server.state.faults.crash_after_commit < 100, "the answers were really lost"
    await server.control("/mock/faults", {"crash_after_commit": 0})


async def _order_form(gui: Gui) -> OrderFormDialog:
    form = open_order_form(gui.main, gui.session, instrument_id="KASE:HSBK")
    await wait_until(form.isVisible, what="the order form")
    await wait_until(lambda: form.ticket.quote is not None, what="the quote")
    await wait_until(lambda: form.ticket.portfolio is not None, what="the funds")
    gui.type_into(form.ui.priceEdit, "381.25")
    gui.type_into(form.ui.quantityEdit, "6")
    await wait_until(lambda: form.ticket.draft_is_current, what="the broker's check")
    return form


async def _sms_window(gui: Gui, form: Any) -> Any:
    gui.click(form.ui.smsButton)
    await wait_until(
        lambda: form.sign_dialog is not None and form.sign_dialog.isVisible(),
        what="the SMS window",
    )
    return form.sign_dialog


def test_an_order_signed_again_with_another_code_names_the_order_already_sent(
    backend: Backend,  # noqa: F811
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        form = await _order_form(gui)
        before = _rows(backend, "orders")
        dialog = await _sms_window(gui, form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        code = await latest_sms_code(backend)
        gui.type_into(dialog.ui.codeEdit, code)
        await _lose_every_answer(backend, dialog, form)
        assert "cannot be placed twice" in dialog.error()
        made = [r for r in _rows(backend, "orders") if r not in before]
        assert len(made) == 1, "the broker placed it, once"

        # The user types another code for the same document: same key, another signature.
        other = "000000" if code != "000000" else "111111"
        gui.type_into(dialog.ui.codeEdit, other)
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: form.sign_dialog is None, what="the window to close")
        await wait_until(lambda: "No. " in form.form_error(), what="the order named")
        assert form.form_error() == (
            f"This order was already signed and sent: No. {made[0]['number']}, buy 6 HSBK "
            f"at {format_money(Decimal('381.25'), 'KZT')}. See Orders."
        )
        assert form.ui.formError.isVisible()
        assert form.ticket.order is not None and form.ticket.order.id == made[0]["id"]
        assert form.ticket.unknown is None and not form.ticket.checking
        assert form.ticket.draft is None, "a used draft is never signed again"
        label = form.findChild(QLabel, "outcomeLabel")
        assert label is None or not label.isVisible(), "no longer unknown"
        assert [r for r in _rows(backend, "orders") if r not in before] == made, "still one"

    run(scenario(), timeout=60)


def test_an_order_whose_code_ran_out_names_the_order_already_sent(
    backend: Backend,  # noqa: F811
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    """The SMS window closed after the lost answer ("unknown, checking…"); signed again
    once its code has run out, the new code is refused with 409 `draft_used`."""

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        form = await _order_form(gui)
        before = _rows(backend, "orders")
        dialog = await _sms_window(gui, form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
        await _lose_every_answer(backend, dialog, form)
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, what="the window to close")
        label = form.findChild(QLabel, "outcomeLabel")
        assert label is not None and label.text().startswith("Unknown, checking…")
        made = [r for r in _rows(backend, "orders") if r not in before]
        assert len(made) == 1

        # Time passes: the code kept for the draft runs out, so the window asks for a new one.
        challenge, received, attempts = form.ticket.sms
        form.ticket.sms = (challenge, received - 3600.0, attempts)
        gui.click(form.ui.smsButton)
        await wait_until(lambda: "No. " in form.form_error(), what="the order named")
        assert form.sign_dialog is None
        assert form.form_error() == (
            f"This order was already signed and sent: No. {made[0]['number']}, buy 6 HSBK "
            f"at {format_money(Decimal('381.25'), 'KZT')}. See Orders."
        )
        assert not label.isVisible(), "no longer unknown"
        assert form.outcome == "" and not form.ticket.checking
        assert [r for r in _rows(backend, "orders") if r not in before] == made

    run(scenario(), timeout=60)


def test_a_withdrawal_whose_code_ran_out_names_the_withdrawal_already_sent(
    backend: Backend,  # noqa: F811
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        gui.click(gui.main.home.withdraw_button)
        await wait_until(
            lambda: gui.main.findChild(WithdrawalFormDialog) is not None, what="the form"
        )
        form = gui.main.findChild(WithdrawalFormDialog)
        await wait_until(form.isVisible, what="the form shown")
        await wait_until(lambda: form.ticket.available() is not None, what="the cash")
        await wait_until(lambda: form.ui.bankCombo.count() > 0, what="the banks")
        gui.type_into(form.ui.amountEdit, "1000")
        gui.type_into(form.ui.ibanEdit, HALYK_IBAN)
        gui.type_into(form.ui.purposeEdit, "Own funds")
        await wait_until(lambda: form.ticket.draft_is_current, what="the broker's check")
        before = _rows(backend, "instructions")
        dialog = await _sms_window(gui, form)
        await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
        gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
        await _lose_every_answer(backend, dialog, form)
        assert "cannot be made twice" in dialog.error()
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, what="the window to close")
        made = [r for r in _rows(backend, "instructions") if r not in before]
        assert len(made) == 1, "the broker made it, once"

        challenge, received, attempts = form.ticket.sms
        form.ticket.sms = (challenge, received - 3600.0, attempts)
        gui.click(form.ui.smsButton)
        await wait_until(lambda: "No. " in form.form_error(), what="the withdrawal named")
        masked = form.ticket.instruction.iban
        assert form.ticket.instruction.id == made[0]["id"]
        assert form.form_error().startswith(
            f"This withdrawal was already signed and sent: No. {made[0]['number']}, "
            f"{format_money(Decimal('1000'), 'KZT')} to KZ"
        ), form.form_error()
        assert form.form_error().endswith(". See Instructions.")
        assert masked[-4:] in form.form_error() and masked not in form.form_error()
        assert form.outcome == "" and not form.ticket.checking
        assert [r for r in _rows(backend, "instructions") if r not in before] == made

    run(scenario(), timeout=60)
