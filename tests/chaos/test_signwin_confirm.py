"""A hostile server on a signed confirm: the signing window can always be cancelled, a confirm
ends within its budget, and an unknown outcome is found out and told (issue 12 §2).

Attacks: a server that drips its answer kept the SMS window on "Checking…" with Cancel
disabled and Esc ignored; a server that never answers made a confirm take minutes. The
hostile server is the real mock behind an ASGI wrapper on 127.0.0.1 that stalls or drips the
answers to POST /orders and /instructions.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Iterator
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
    gui_factory,
    languages,
    memory_keyring,
    mock_config,
    qt_loop,
    run,
    settings,
    themes,
    wait_until,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from signing_support import latest_sms_code

from cesec_desktop.api.errors import NetworkUnreachable, ValidationFailed
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.state import order_ticket
from cesec_desktop.state.signing import OutcomeUnknown, confirm_with_retries
from cesec_desktop.views.order_form import OrderFormDialog, open_order_form

CONFIRM_PATHS = ("/api/v1/orders", "/api/v1/instructions")
STALL_LIMIT_S = 60.0
"""No hostile answer outlives this, whatever a test does."""


class Hostile:
    """The mock's ASGI app, with a confirm that stalls ("stall": never answered, nothing
    made) or drips ("drip": made, then its answer one byte a second) while `mode` says so."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.state = app.state  # Backend reads `app.state.mock`
        self.mode = "pass"
        self.posts = 0
        self.committed = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        confirm = (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and scope["path"].rstrip("/") in CONFIRM_PATHS
        )
        if not confirm or self.mode == "pass":
            await self.app(scope, receive, send)
            return
        self.posts += 1
        if self.mode == "stall":
            await self._stall()
            return
        await self._drip(scope, receive, send)

    async def _stall(self) -> None:
        started = time.monotonic()
        while self.mode == "stall" and time.monotonic() - started < STALL_LIMIT_S:
            await asyncio.sleep(0.05)
        # Returning without an answer: uvicorn closes the connection.

    async def _drip(self, scope: Any, receive: Any, send: Any) -> None:
        start: dict[str, Any] = {}
        body: list[bytes] = []

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        if 200 <= start["status"] < 300:
            self.committed += 1
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        await send({**start, "headers": headers})
        whole = b"".join(body)
        started = time.monotonic()
        for index in range(len(whole)):
            if self.mode != "drip" or time.monotonic() - started > STALL_LIMIT_S:
                return
            await send(
                {"type": "http.response.body", "body": whole[index : index + 1], "more_body": True}
            )
            await asyncio.sleep(1.0)
        await send({"type": "http.response.body", "body": b""})


@pytest.fixture
def hostile() -> Iterator[tuple[Backend, Hostile]]:
    wrapper = Hostile(create_app(mock_config()))
    backend = Backend(wrapper).start()  # type: ignore[arg-type]
    yield backend, wrapper
    wrapper.mode = "pass"  # let every stalled answer end, so the server stops at once
    backend.stop()


async def _order_count(backend: Backend) -> int:
    """Orders the mock holds (read in the mock's database: the UI loop stays free)."""
    row = backend.state.conn.execute("SELECT COUNT(*) AS n FROM orders").fetchone()
    return int(row["n"])


async def _form_with_draft(make_gui: Callable[..., Gui], backend: Backend) -> Any:
    gui = make_gui(backend.url)
    await gui.sign_in(*DEMO)
    form = open_order_form(gui.main, gui.session, instrument_id="KASE:HSBK")
    await wait_until(form.isVisible, what="the order form")
    await wait_until(lambda: form.ticket.quote is not None, what="the quote")
    await wait_until(lambda: form.ticket.portfolio is not None, what="the funds")
    gui.type_into(form.ui.priceEdit, "381.25")
    gui.type_into(form.ui.quantityEdit, "6")
    await wait_until(lambda: form.ticket.draft_is_current, what="the broker's check")
    form.ticket.check_delays = (0.3,)
    return gui, form


async def _sms_dialog_with_code(gui: Gui, form: OrderFormDialog, backend: Backend) -> Any:
    gui.click(form.ui.smsButton)
    await wait_until(
        lambda: form.sign_dialog is not None and form.sign_dialog.isVisible(),
        what="the SMS window",
    )
    dialog = form.sign_dialog
    await wait_until(lambda: dialog.code.phone_masked, what="the code sent")
    gui.type_into(dialog.ui.codeEdit, await latest_sms_code(backend))
    return dialog


def _outcome_label(form: OrderFormDialog) -> QLabel | None:
    return form.findChild(QLabel, "outcomeLabel")


def test_esc_works_while_checking_and_the_form_then_tells_the_truth(
    hostile: tuple[Backend, Hostile],
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    backend, server = hostile

    async def scenario() -> None:
        gui, form = await _form_with_draft(gui_factory, backend)
        before = await _order_count(backend)
        dialog = await _sms_dialog_with_code(gui, form, backend)
        server.mode = "drip"
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: server.committed == 1, what="the order made on the server")
        await wait_until(lambda: dialog.busy, what="the window checking")
        assert dialog.ui.confirmButton.text() == "Checking…"
        assert dialog.ui.cancelButton.isEnabled(), "Cancel is never disabled"

        gui.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        await wait_until(lambda: form.sign_dialog is None, timeout=2, what="Esc to close it")
        label = _outcome_label(form)
        assert label is not None and label.isVisible()
        assert label.text().startswith("Unknown, checking…")
        assert "not yet known whether the order was placed" in label.text()
        assert form.placed is None and form.ui.stack.currentWidget() is not form.ui.donePage
        assert form.ticket.checking

        server.mode = "pass"  # the network heals: the same key's repeat answers
        await wait_until(lambda: form.placed is not None, what="the truth: it was placed")
        assert form.ui.stack.currentWidget() is form.ui.donePage
        assert not label.isVisible()
        assert await _order_count(backend) == before + 1, "placed once, never twice"
        stored = backend.state.conn.execute(
            "SELECT id FROM orders ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        assert stored["id"] == form.placed.id

    run(scenario())


def test_a_confirm_that_never_answers_ends_within_its_budget(
    hostile: tuple[Backend, Hostile],
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend, server = hostile
    monkeypatch.setattr(order_ticket, "CONFIRM_RETRY_DELAYS", (0.1, 0.1, 0.1, 0.1, 0.1))

    async def scenario() -> None:
        gui, form = await _form_with_draft(gui_factory, backend)
        form.ticket.confirm_budget = 2.0  # the 30 s budget, shortened for the test
        before = await _order_count(backend)
        dialog = await _sms_dialog_with_code(gui, form, backend)
        server.mode = "stall"
        started = time.monotonic()
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: dialog.busy, what="the window checking")
        await wait_until(lambda: not dialog.busy, timeout=8, what="the confirm to give up")
        assert time.monotonic() - started < 5, "the budget covers every repeat"
        assert "did not answer in time" in dialog.error()
        assert "cannot be placed twice" in dialog.error()
        assert await _order_count(backend) == before, "the server never saw it"

        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, timeout=2, what="Cancel to close it")
        label = _outcome_label(form)
        assert label is not None and label.isVisible()
        assert label.text().startswith("Unknown, checking…")
        await asyncio.sleep(1.0)  # two or three checks go unanswered: still unknown
        assert form.placed is None and label.isVisible()

        server.mode = "pass"
        await wait_until(lambda: form.placed is not None, what="the truth")
        assert await _order_count(backend) == before + 1
        assert not label.isVisible()

    run(scenario())


def test_the_checks_report_a_refusal_as_not_placed(
    hostile: tuple[Backend, Hostile],
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
) -> None:
    backend, server = hostile

    async def scenario() -> None:
        gui, form = await _form_with_draft(gui_factory, backend)
        before = await _order_count(backend)
        dialog = await _sms_dialog_with_code(gui, form, backend)
        server.mode = "stall"
        gui.click(dialog.ui.confirmButton)
        await wait_until(lambda: server.posts >= 1, what="the confirm on its way")
        gui.click(dialog.ui.cancelButton)
        await wait_until(lambda: form.sign_dialog is None, timeout=2, what="Cancel to close it")
        label = _outcome_label(form)
        assert label is not None and label.text().startswith("Unknown, checking…")
        # The code dies before the server ever saw the confirm: the repeat is refused.
        backend.state.conn.execute("UPDATE sms_challenges SET status = 'exhausted'")
        server.mode = "pass"
        await wait_until(lambda: form.outcome == "refused", what="the truth: refused")
        assert label.isVisible()
        assert label.text() == "The broker answered: the order was not placed."
        assert form.placed is None and not form.ticket.checking
        assert await _order_count(backend) == before

    run(scenario())


# --- the budget itself ------------------------------------------------------------------------


def test_the_budget_ends_a_confirm_that_never_answers() -> None:
    calls = 0

    async def never() -> None:
        nonlocal calls
        calls += 1
        await asyncio.sleep(3600)

    async def attempt() -> None:
        await confirm_with_retries(never, (0.01,), budget=0.3)

    started = time.monotonic()
    with pytest.raises(OutcomeUnknown) as caught:
        asyncio.run(attempt())
    assert time.monotonic() - started < 2
    assert calls == 1
    assert getattr(caught.value.cause, "code", "") == "deadline_exceeded"


def test_the_budget_covers_the_repeats_and_a_refusal_is_not_unknown() -> None:
    calls = 0

    async def down() -> None:
        nonlocal calls
        calls += 1
        raise NetworkUnreachable()

    async def refused() -> None:
        raise ValidationFailed(code="otp_invalid")

    started = time.monotonic()
    with pytest.raises(OutcomeUnknown) as caught:
        asyncio.run(confirm_with_retries(down, (0.2,) * 100, budget=0.5))
    assert time.monotonic() - started < 2 and 2 <= calls <= 4
    assert isinstance(caught.value, OutcomeUnknown)
    with pytest.raises(ValidationFailed):
        asyncio.run(confirm_with_retries(refused, (0.01,), budget=1.0))
