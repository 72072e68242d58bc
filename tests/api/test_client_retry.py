"""What `CabinetClient` repeats and what it never does: network faults, 503s, lost answers."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest
from testkit import DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.errors import NetworkUnreachable, NotFound, ServerError
from cesec_desktop.domain.enums import OrderType, Side
from cesec_desktop.domain.models.orders import OrderDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature

Factory = Callable[..., LiveServer]
CLIENT_LOG = "cesec_desktop.api.client"


def faults(live: LiveServer, **change: object) -> None:
    httpx.post(f"{live.url}/mock/faults", json=change).raise_for_status()


def attempts(caplog: pytest.LogCaptureFixture, method: str, path: str) -> list[str]:
    """The logged outcome (status or failure) of each attempt of one call."""
    prefix = f"{method} /api/v1{path} "
    return [
        r.getMessage()[len(prefix) :].split(" ")[0]
        for r in caplog.records
        if r.name == CLIENT_LOG and r.getMessage().startswith(prefix)
    ]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_closed_port_is_network_unreachable_after_the_retry_policy(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # How long it takes is the retry policy's backoff (measured by benchmarks, not asserted
    # here: a loaded CI machine made a wall-clock bound flaky); the tries are what must hold.
    caplog.set_level(logging.DEBUG, logger=CLIENT_LOG)
    url = f"http://127.0.0.1:{closed_port()}"

    async def scenario() -> None:
        client = CabinetClient(url)
        with pytest.raises(NetworkUnreachable) as login_failed:
            await client.login(*DEMO)
        assert login_failed.value.code == "network_unreachable"
        assert DEMO[1] not in str(login_failed.value)
        with pytest.raises(NetworkUnreachable):
            await client.markets()
        await client.aclose()

    asyncio.run(scenario())
    # A POST without a key: one try; a read: four.
    assert attempts(caplog, "POST", "/auth/login") == ["failed"]
    assert attempts(caplog, "GET", "/markets") == ["failed"] * 4


def test_a_stopped_server_is_network_unreachable(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        client = CabinetClient(live.url, retry_delays=(0.05,))
        await client.login(*DEMO)
        await client.me()
        await asyncio.to_thread(live.stop)
        with pytest.raises(NetworkUnreachable):
            await client.me()
        await client.aclose()

    asyncio.run(scenario())


def test_reads_are_retried_on_503_until_it_passes(
    live_server_factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    live = live_server_factory()
    caplog.set_level(logging.DEBUG, logger=CLIENT_LOG)

    async def scenario() -> None:
        client = CabinetClient(live.url)  # the real delays: 0.2, 0.5, 1.0 s
        await client.login(*DEMO)
        faults(live, error_rate=1)
        call = asyncio.create_task(client.me())
        while len(attempts(caplog, "GET", "/me")) < 2:
            await asyncio.sleep(0.01)
        # Two 503s seen; the third try waits 0.5 s or more, time enough to end the fault.
        await asyncio.to_thread(faults, live, clear=True)
        assert (await call).login == "demo"
        await client.aclose()

    asyncio.run(scenario())
    assert attempts(caplog, "GET", "/me") == ["503", "503", "200"]


def test_reads_give_up_after_four_tries(
    live_server_factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    live = live_server_factory()
    caplog.set_level(logging.DEBUG, logger=CLIENT_LOG)

    async def scenario() -> ServerError:
        client = CabinetClient(live.url, retry_delays=(0.01, 0.02, 0.03))
        await client.login(*DEMO)
        faults(live, error_rate=1)
        with pytest.raises(ServerError) as failed:
            await client.me()
        await client.aclose()
        return failed.value

    failed = asyncio.run(scenario())
    assert (failed.status, failed.code) == (503, "service_unavailable")
    assert attempts(caplog, "GET", "/me") == ["503"] * 4


def test_writes_without_a_key_and_4xx_are_never_retried(
    live_server_factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    live = live_server_factory()
    caplog.set_level(logging.DEBUG, logger=CLIENT_LOG)

    async def scenario() -> None:
        client = CabinetClient(live.url, retry_delays=(0.01, 0.02, 0.03))
        await client.login(*DEMO)
        with pytest.raises(NotFound):
            await client.instrument("KASE:NOSUCH")
        faults(live, error_rate=1)
        request = OrderDraftRequest(
            account_id="acc_demo_kzt",
            instrument_id="KASE:HSBK",
            side=Side.BUY,
            type=OrderType.LIMIT,
            price=Decimal("380.00"),
            quantity=Decimal("10"),
        )
        with pytest.raises(ServerError):
            await client.create_order_draft(request)
        with pytest.raises(ServerError):
            await client.cancel_order("ord_whatever")
        await client.aclose()

    asyncio.run(scenario())
    assert attempts(caplog, "GET", "/instruments/KASE:NOSUCH") == ["404"]
    assert attempts(caplog, "POST", "/orders/drafts") == ["503"]
    assert attempts(caplog, "POST", "/orders/ord_whatever/cancel") == ["503"]


def test_a_lost_confirm_answer_is_retried_with_the_same_key_into_one_order(
    live_server_factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    live = live_server_factory()
    caplog.set_level(logging.DEBUG, logger=CLIENT_LOG)

    def order_count() -> int:
        row = live.state.conn.execute(
            "SELECT COUNT(*) FROM orders WHERE user_id = 'usr_demo'"
        ).fetchone()
        return int(row[0])

    async def scenario() -> None:
        client = CabinetClient(live.url, retry_delays=(0.05, 0.1, 0.2))
        await client.login(*DEMO)
        before = order_count()
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
        challenge = await client.send_sms(draft.draft_id)
        outbox = httpx.get(f"{live.url}/mock/sms-outbox").json()["items"]
        code = next(i["code"] for i in outbox if i["challenge_id"] == challenge.challenge_id)
        signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
        key = new_idempotency_key()
        faults(live, crash_after_commit=1)
        order = await client.confirm_order(draft.draft_id, signature, key)
        assert order_count() == before + 1
        listed = await client.orders(limit=500)
        assert [o.id for o in listed.items].count(order.id) == 1
        again = await client.confirm_order(draft.draft_id, signature, key)
        assert again.id == order.id and order_count() == before + 1
        await client.aclose()

    asyncio.run(scenario())
    # The first answer was lost after the commit; the keyed retry got the stored order.
    assert attempts(caplog, "POST", "/orders") == ["failed", "201", "201"]
