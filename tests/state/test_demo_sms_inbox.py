"""Demo mode's phone: the inbox reads a sent code from a loopback mock, and never exists for
a real backend."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from testkit import DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient
from cesec_desktop.domain.enums import OrderType, Side
from cesec_desktop.domain.models.orders import OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsChallenge
from cesec_desktop.state.demo_sms import DemoSms, DemoSmsInbox, is_demo_server

SENT = datetime(2026, 11, 21, 9, 5, 30, tzinfo=UTC)


def _challenge(challenge_id: str = "ch_1") -> SmsChallenge:
    return SmsChallenge(
        challenge_id=challenge_id,
        phone_masked="+7 *** *** 45 67",
        expires_at=SENT + timedelta(minutes=5),
        resend_after=SENT + timedelta(minutes=1),
        attempts_left=3,
    )


@pytest.mark.parametrize(
    ("url", "demo"),
    [
        ("http://127.0.0.1:8765", True),
        ("http://localhost:8765", True),
        ("http://[::1]:8000", True),
        ("https://127.0.0.2", True),
        ("https://cabinet.example.kz", False),
        ("https://10.0.0.5:8443", False),
        ("", False),
    ],
)
def test_only_a_loopback_server_is_a_demo(url: str, demo: bool, qapp: Any) -> None:
    assert is_demo_server(url) is demo
    assert (DemoSmsInbox.for_server(url) is not None) is demo


def test_the_code_of_a_challenge_sent_by_the_live_mock_arrives(
    live_server_factory: Callable[..., LiveServer], qapp: Any
) -> None:
    live = live_server_factory()
    inbox = DemoSmsInbox(live.url)
    heard: list[DemoSms] = []
    inbox.received.connect(heard.append)

    async def scenario() -> tuple[SmsChallenge, DemoSms | None]:
        client = CabinetClient(live.url)
        try:
            await client.login(*DEMO)
            draft = await client.create_order_draft(
                OrderDraftRequest(
                    account_id="acc_demo_kzt",
                    instrument_id="KASE:HSBK",
                    side=Side.BUY,
                    type=OrderType.LIMIT,
                    price=Decimal("1.00"),
                    quantity=Decimal("1"),
                )
            )
            challenge = await client.send_sms(draft.draft_id)
            return challenge, await inbox.deliver(challenge)
        finally:
            await client.aclose()

    challenge, sms = asyncio.run(scenario())
    outbox = httpx.get(f"{live.url}/mock/sms-outbox", timeout=10).json()["items"]
    sent = next(i for i in outbox if i["challenge_id"] == challenge.challenge_id)
    assert sms is not None and heard == [sms]
    assert sms.code == sent["code"] and len(sms.code) == 6
    assert sms.phone_masked == challenge.phone_masked and "*" in sms.phone_masked
    assert sms.sent_at == datetime.fromisoformat(sent["sent_at"])
    assert sms.sent_at.tzinfo is not None


def test_a_slow_outbox_is_waited_for_and_a_missing_code_gives_up(qapp: Any) -> None:
    answers: list[Any] = [
        OSError("not yet listening"),
        [{"challenge_id": "other", "code": "111111", "sent_at": SENT.isoformat()}],
        [{"challenge_id": "ch_1", "code": "482915", "sent_at": "2026-11-21T09:05:30"}],
    ]

    async def fetch() -> list[dict[str, Any]]:
        answer = answers.pop(0) if answers else []
        if isinstance(answer, Exception):
            raise answer
        return answer

    inbox = DemoSmsInbox("http://127.0.0.1:1", fetch=fetch)
    inbox.POLL_INTERVAL_S = 0.01
    sms = asyncio.run(inbox.deliver(_challenge(), wait=5))
    # A naive time from the mock is UTC, as every server time is.
    assert sms == DemoSms("ch_1", "482915", "+7 *** *** 45 67", SENT)
    assert asyncio.run(inbox.deliver(_challenge("never"), wait=0.05)) is None
