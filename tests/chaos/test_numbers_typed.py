"""Typed and pasted numbers: the draft gets the number the text means, or Sign is held back.

Attack on issue 12 §1: the keystroke filter once dropped characters without a word
("1.5" lots became 15, "-100" KZT became 100.00, "1e3" a price of 13.00). Many strings
through the pure reading, and some through the real order and withdrawal forms against the
real mock, typed key by key and pasted whole.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

from gui_support import (  # noqa: F401
    DEMO,
    FAST_STREAM,
    Backend,
    MemoryKeyring,
    _guis,
    backend,
    backend_factory,
    qt_loop,
    run,
    wait_until,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from cesec_desktop.domain.number_input import read_number
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.session import Session
from cesec_desktop.views.order_form import OrderFormDialog, open_order_form
from cesec_desktop.views.withdrawal_form import (
    WithdrawalFormDialog,
    open_withdrawal_form,
)

# --- what a text means, worked out independently of the reading under test -------------

MARKS = ",.\uff0c\uff0e\u066b"


def meaning(text: str) -> Decimal | None:
    """The number a person reads in `text`: spaces out, any script's digits, one mark."""
    bare = "".join(ch for ch in text if not ch.isspace())
    digits = "".join(
        str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None else ch
        for ch in bare
    )
    plain = "".join("." if ch in MARKS else ch for ch in digits)
    if not re.fullmatch(r"[0-9]*\.?[0-9]*", plain) or not re.search(r"[0-9]", plain):
        return None
    return Decimal(plain if not plain.startswith(".") else "0" + plain)


DIGITS = "0123456789\uff10\uff11\uff15\u0660\u0663\u0669\u0966\u0967"
TRAPS = " \u00a0,.\uff0c-\u2212+eE_'²x"
number_text = st.text(alphabet=DIGITS + TRAPS, max_size=14)
"""Mostly digits, with every character that was once dropped or misread."""


@st.composite
def written(draw: st.DrawFn, places: int) -> tuple[Decimal, str]:
    """A number and one way a person may write it: any digit script, comma or point,
    thousands grouped by spaces or not, spaces around."""
    whole = draw(st.integers(min_value=0, max_value=10**12))
    fraction = draw(st.text(alphabet="0123456789", max_size=places)) if places else ""
    value = Decimal(f"{whole}.{fraction}" if fraction else str(whole))
    groups = f"{whole:,}".split(",") if draw(st.booleans()) else [str(whole)]
    space = draw(st.sampled_from([" ", "\u00a0", "\u202f"]))
    text = space.join(groups)
    if fraction or (places and draw(st.booleans())):
        text += draw(st.sampled_from(MARKS)) + fraction
    script = draw(st.sampled_from(["0", "\uff10", "\u0660", "\u0966"]))
    text = "".join(chr(ord(script) + int(ch)) if ch.isdigit() else ch for ch in text)
    pad = draw(st.sampled_from(["", " ", "  "]))
    return value, pad + text + pad


# --- the reading, over many strings ---------------------------------------------------------


@settings(max_examples=600)
@given(text=number_text, places=st.sampled_from([0, 2, 4, 8]))
def test_a_reading_is_the_number_the_text_means_or_a_refusal(text: str, places: int) -> None:
    reading = read_number(text, places=places, group_mark=",")
    if reading.error:
        assert reading.value is None
        return
    assert reading.value == meaning(text)
    if reading.value is not None:
        exponent = reading.value.as_tuple().exponent
        assert isinstance(exponent, int) and -exponent <= places
    # What a number never is: negative, or read past a stray character.
    stripped = text.strip()
    assert not stripped.startswith(("-", "\u2212"))
    assert not set(text) & set("+eE_'²x-\u2212")
    if places == 0:
        assert not set(text) & set(MARKS)


@settings(max_examples=400)
@given(data=st.data(), places=st.sampled_from([0, 2, 4]))
def test_every_way_of_writing_a_number_reads_as_that_number(
    data: st.DataObject, places: int
) -> None:
    value, text = data.draw(written(places))
    reading = read_number(text, places=places, group_mark="\u00a0")
    assert reading.ok and reading.value == value, text


# --- the real forms -----------------------------------------------------------------------


class Host:
    """A signed-in session and a bare window to open the forms over."""

    def __init__(self, session: Session, qtbot: Any) -> None:
        self.session = session
        self.qtbot = qtbot
        self.host = QWidget()
        self.host.resize(400, 300)

    async def close(self) -> None:
        for form in self.host.findChildren(QWidget):
            if isinstance(form, OrderFormDialog | WithdrawalFormDialog) and form.isVisible():
                form.reject()
        await self.session.close()
        self.host.close()
        self.host.deleteLater()


@pytest.fixture
def signed_in(
    qtbot: Any,
    backend: Backend,  # noqa: F811
    _guis: list[Any],  # noqa: F811
) -> Callable[[], Any]:
    async def make() -> Host:
        url = backend.url
        session = Session(
            url, CredentialStore(url, backend=MemoryKeyring()), stream_options=FAST_STREAM
        )
        made = Host(session, qtbot)
        _guis.append(made)
        await session.login(*DEMO)
        made.host.show()
        return made

    return make


def type_keys(edit: QLineEdit, text: str) -> None:
    """One key event per character, as a keyboard or an input method delivers them.

    Not `qtbot.keyClicks`: QTest maps each character to a Latin-1 key and aborts the process
    on "²" and its kind.
    """
    for char in text:
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(edit, event)


def enter(qtbot: Any, edit: QLineEdit, text: str, how: str) -> None:
    """Type `text` key by key or paste it whole over what the field holds."""
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    edit.selectAll()
    if how == "typed":
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        type_keys(edit, text)
    else:
        QGuiApplication.clipboard().setText(text)
        qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def check(form: Any, edit: QLineEdit, error: str, typed_value: Decimal | None, text: str) -> None:
    """What the issue asks of every text: its number goes to the draft, or the form shows
    an error and Sign is disabled."""
    ui = form.ui
    expected = read_number(text, places=99).value if text.strip() else None
    if error:
        assert ui.smsButton.isEnabled() is False and ui.edsButton.isEnabled() is False, text
        assert typed_value is None, text
    else:
        assert edit.text() == text, "the field shows what was typed, whole"
        assert typed_value == meaning(text) == expected, text
        assert ui.smsButton.isEnabled() and ui.edsButton.isEnabled(), text


field_text = st.one_of(
    number_text,
    st.sampled_from(["1.5", "1,5", "1e5", "-5", "1e3", "-100", "\uff11\uff12", "7"]),
)


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    texts=st.lists(
        st.tuples(field_text, st.sampled_from(["typed", "pasted"])), min_size=5, max_size=5
    )
)
def test_the_order_form_sends_the_typed_number_or_holds_sign_back(
    signed_in: Callable[[], Any],
    run: Callable[..., Any],  # noqa: F811
    texts: list[tuple[str, str]],
) -> None:
    async def scenario() -> None:
        gui = await signed_in()
        form = open_order_form(gui.host, gui.session, instrument_id="KASE:HSBK")
        await wait_until(
            lambda: form.ticket.quote is not None and form.ticket.portfolio is not None,
            what="the quote and the funds",
        )
        for text, how in texts:
            # Quantity: whole lots (at a price the field takes).
            enter(gui.qtbot, form.ui.priceEdit, "100", "typed")
            enter(gui.qtbot, form.ui.quantityEdit, text, how)
            error = form.field_error("quantity") if form.quantity.error else ""
            assert bool(error) == bool(form.quantity.error), text
            check(form, form.ui.quantityEdit, error, form.ticket.quantity, text)
            if not error:
                request = form.ticket.request()
                assert (request.quantity if request else None) == meaning(text), text
            # Price: up to four decimals, comma or point.
            enter(gui.qtbot, form.ui.quantityEdit, "1", "typed")
            enter(gui.qtbot, form.ui.priceEdit, text, how)
            error = form.field_error("price") if form.price.error else ""
            assert bool(error) == bool(form.price.error), text
            check(form, form.ui.priceEdit, error, form.ticket.price, text)
            if not error and meaning(text) is not None:
                request = form.ticket.request()
                assert request is not None and request.price == meaning(text), text

    run(scenario(), timeout=60)


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    texts=st.lists(
        st.tuples(field_text, st.sampled_from(["typed", "pasted"])), min_size=5, max_size=5
    )
)
def test_the_withdrawal_form_sends_the_typed_amount_or_holds_sign_back(
    signed_in: Callable[[], Any],
    run: Callable[..., Any],  # noqa: F811
    texts: list[tuple[str, str]],
) -> None:
    async def scenario() -> None:
        gui = await signed_in()
        form = open_withdrawal_form(gui.host, gui.session)
        await wait_until(lambda: form.ticket.available() is not None, what="the cash")
        for text, how in texts:
            enter(gui.qtbot, form.ui.amountEdit, text, how)
            error = form.field_error("amount") if form.amount.error else ""
            assert bool(error) == bool(form.amount.error), text
            check(form, form.ui.amountEdit, error, form.ticket.amount, text)

    run(scenario(), timeout=60)


# --- the issue's own cases, one by one ---------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("quantity", "1.5", "Only a whole number here: lots cannot be split."),
        ("quantity", "1,5", "Only a whole number here: lots cannot be split."),
        ("quantity", "1e5", "“e” is not a digit: type digits only."),
        ("quantity", "-5", "The number must be positive: no minus sign."),
        (
            "price",
            "1e3",
            "“e” is not a digit: type digits and one decimal mark, a comma or a point.",
        ),
        # The amount sets the quantity: its refusal shows under the quantity.
        ("amount", "-100", "The number must be positive: no minus sign."),
    ],
)
def test_the_order_form_refuses_what_it_once_rewrote(
    signed_in: Callable[[], Any],
    run: Callable[..., Any],  # noqa: F811
    field: str,
    text: str,
    message: str,
) -> None:
    async def scenario() -> None:
        gui = await signed_in()
        form = open_order_form(gui.host, gui.session, instrument_id="KASE:HSBK")
        await wait_until(lambda: form.ticket.quote is not None, what="the quote")
        enter(gui.qtbot, form.ui.quantityEdit, "10", "typed")
        assert form.ui.smsButton.isEnabled() and form.ticket.quantity == 10
        edit = {
            "quantity": form.ui.quantityEdit,
            "price": form.ui.priceEdit,
            "amount": form.ui.amountEdit,
        }[field]
        shown_at = "quantity" if field == "amount" else field
        enter(gui.qtbot, edit, text, "typed")
        assert edit.text() == text, "nothing typed is dropped"
        assert form.field_error(shown_at) == message
        assert not form.ui.smsButton.isEnabled() and not form.ui.edsButton.isEnabled()
        assert form.ticket.request() is None or form.ticket.errors()
        assert getattr(form.ticket, shown_at) is None
        # Signing anyway (a shortcut, a stale click) sends nothing.
        assert await form.sign("sms") is None and form.sign_dialog is None
        # Corrected, the form takes it and Sign comes back.
        enter(gui.qtbot, edit, "1200", "typed")
        assert edit.text() == "1200" and form.field_error(shown_at) != message
        assert form.ui.smsButton.isEnabled()

    run(scenario())


def test_the_withdrawal_form_refuses_a_negative_amount_and_a_huge_paste(
    signed_in: Callable[[], Any],
    run: Callable[..., Any],  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = await signed_in()
        form = open_withdrawal_form(gui.host, gui.session)
        await wait_until(lambda: form.ticket.available() is not None, what="the cash")
        edit = form.ui.amountEdit
        enter(gui.qtbot, edit, "-100", "typed")
        assert edit.text() == "-100"
        assert form.field_error("amount") == "The number must be positive: no minus sign."
        assert form.ticket.amount is None and not form.ui.smsButton.isEnabled()
        enter(gui.qtbot, edit, "100,5", "pasted")
        assert form.ticket.amount == Decimal("100.5") and form.field_error("amount") == ""
        assert form.ui.smsButton.isEnabled()
        # A paste too long to be a number is refused whole, and said so.
        enter(gui.qtbot, edit, "1" * 5000, "pasted")
        await wait_until(lambda: form.field_error("amount") != "", what="the refusal")
        assert edit.text() == "100,5"
        assert form.field_error("amount") == "Too long to be a number: it was not pasted."
        assert not form.ui.smsButton.isEnabled()

    run(scenario())
