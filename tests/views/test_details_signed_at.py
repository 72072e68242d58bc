"""The signing time a timestamped EDS signature proves (CAdES-T), in the details dialogs.

An order and a withdrawal are signed with a CMS that carries a token from the mock TSA and
confirmed on the real mock backend (127.0.0.1, a random port); the dialogs read them back
through the cabinet client. The token's time is fixed, and the dialogs show it in the zone
the user chose: nothing depends on today's date or this machine's zone.
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from gui_support import DEMO, Backend, wait_until
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.domain.enums import Currency, OrderType, Side
from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.domain.models.instructions import InstructionDraftRequest
from cesec_desktop.domain.models.orders import OrderDraftRequest
from cesec_desktop.domain.models.signing import EdsSignature
from cesec_desktop.mockserver import cms, pki, tsp
from cesec_desktop.state import formatting
from cesec_desktop.state.formatting import TimeZoneChoice, date_pattern
from cesec_desktop.views.instruction_details import InstructionDetailsDialog
from cesec_desktop.views.order_details import OrderDetailsDialog

STAMPED = datetime(2026, 3, 2, 6, 4, 5, 250_000, tzinfo=UTC)
"""The token's genTime: inside the demo signer's validity (2025-2035)."""
NEW_YORK = "America/New_York"


@pytest.fixture
def new_york() -> Iterator[None]:
    """The machine's zone is New York's for the test; the display zone Almaty's after it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = NEW_YORK
    time.tzset()
    formatting.set_time_zone(TimeZoneChoice.ALMATY)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
        formatting.set_time_zone(TimeZoneChoice.ALMATY)


def shown(moment: datetime) -> str:
    """A moment as the details dialogs write it (date pattern of the language, HH:mm:ss)."""
    locale = QLocale()
    day = locale.toString(moment.date(), date_pattern(locale))
    return f"{day} {moment:%H:%M:%S}"


def stamped_eds(text: str) -> EdsSignature:
    cert, key = pki.load_demo_signer()
    der = tsp.add_timestamp(cms.sign_cms(text.encode(), cert, key), now=STAMPED)
    return EdsSignature(method="eds", cms=base64.b64encode(der).decode())


async def signed_in(backend: Backend) -> CabinetClient:
    client = CabinetClient(backend.url, retry_delays=(0.01, 0.02))
    await client.login(*DEMO)
    return client


def test_order_details_show_when_the_order_was_signed(
    qtbot: QtBot, run: Callable[..., Any], backend: Backend, languages: Any, new_york: None
) -> None:
    async def scenario() -> None:
        client = await signed_in(backend)
        draft = await client.create_order_draft(
            OrderDraftRequest(
                account_id="acc_demo_kzt",
                instrument_id="KASE:HSBK",
                side=Side.BUY,
                type=OrderType.LIMIT,
                price=Decimal("380.00"),
                quantity=Decimal("10"),
            )
        )
        placed = await client.confirm_order(
            draft.draft_id, stamped_eds(draft.document.text), new_idempotency_key()
        )
        # Opened from the list's item, then the full order read behind it.
        item = next(o for o in (await client.orders()).items if o.id == placed.id)
        dialog = OrderDetailsDialog(item, account="CS01001-KZT")
        qtbot.addWidget(dialog)
        dialog.open()
        dialog.load(client.order)
        await wait_until(lambda: dialog.history_state == "loaded", what="the order's history")
        caption, value = dialog.fields.captions["signedAt"], dialog.fields.values["signedAt"]
        assert caption.isVisible() and value.isVisible()
        assert caption.text() == "Signed at"
        almaty = STAMPED.astimezone(ALMATY)
        assert dialog.value_text("signedAt") == shown(almaty)
        # Formatted as the other times there are, and in the zone the user chose.
        assert dialog.value_text("signedAt") == formatting.format_moment(STAMPED)
        formatting.set_time_zone(TimeZoneChoice.LOCAL)
        dialog.render()
        new_york_time = STAMPED.astimezone(formatting.display_zone())
        assert new_york_time.utcoffset() != almaty.utcoffset()
        assert dialog.value_text("signedAt") == shown(new_york_time)

        # An order signed without a timestamp (the seeded ones: SMS) shows no such field.
        unstamped = next(o for o in (await client.orders()).items if o.signed_at is None)
        other = OrderDetailsDialog(unstamped)
        qtbot.addWidget(other)
        other.open()
        assert not other.fields.values["signedAt"].isVisible()
        assert not other.fields.captions["signedAt"].isVisible()
        dialog.reject()
        other.reject()
        await client.aclose()

    run(scenario())


def test_instruction_details_show_when_the_withdrawal_was_signed(
    qtbot: QtBot, run: Callable[..., Any], backend: Backend, languages: Any, new_york: None
) -> None:
    async def scenario() -> None:
        client = await signed_in(backend)
        draft = await client.create_instruction_draft(
            InstructionDraftRequest(
                account_id="acc_demo_kzt",
                currency=Currency.KZT,
                amount=Decimal("100000.00"),
                recipient_iin=pki.DEMO_IIN,
                iban="KZ476010131000179714",
                bic="HSBKKZKX",
            )
        )
        made = await client.confirm_instruction(
            draft.draft_id, stamped_eds(draft.document.text), new_idempotency_key()
        )
        dialog = InstructionDetailsDialog(await client.instruction(made.id), "CS01001-KZT")
        qtbot.addWidget(dialog)
        dialog.open()
        await wait_until(dialog.isVisible, what="the dialog")
        assert dialog.values["signed_at"].isVisible()
        assert dialog.names["signed_at"].text() == "Signed at"
        assert dialog.field_text("signed_at") == shown(STAMPED.astimezone(ALMATY))
        languages.set_language("ru")
        await wait_until(lambda: dialog.names["signed_at"].text() != "Signed at")
        assert dialog.names["signed_at"].text() == "Время подписания"
        dialog.reject()

        unstamped = next(i for i in (await client.instructions()).items if i.signed_at is None)
        other = InstructionDetailsDialog(unstamped)
        qtbot.addWidget(other)
        other.open()
        assert not other.values["signed_at"].isVisible()
        other.reject()
        await client.aclose()

    run(scenario())
