"""`MockControlClient` against the real mock (and small stand-ins for what the mock won't do)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse, Response
from testkit import DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient, new_idempotency_key
from cesec_desktop.api.errors import (
    DeadlineExceeded,
    NotFound,
    UnreadableAnswer,
    ValidationFailed,
)
from cesec_desktop.api.mock_control import MockControlClient, NotAMock
from cesec_desktop.api.mock_models import FaultChange
from cesec_desktop.domain.enums import Currency, InstructionStatus, Market, OrderStatus
from cesec_desktop.domain.models.instructions import Instruction, InstructionDraftRequest
from cesec_desktop.domain.models.signing import SmsSignature

Factory = Callable[..., LiveServer]


def serve(app: FastAPI) -> LiveServer:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the stand-in did not start"
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", app, server, thread)


@pytest.fixture
def served() -> Iterator[list[LiveServer]]:
    servers: list[LiveServer] = []
    yield servers
    for live in servers:
        live.stop()


async def withdrawal(client: CabinetClient, control: MockControlClient) -> Instruction:
    """A signed withdrawal of the demo client's (status new), its code read from the outbox."""
    draft = await client.create_instruction_draft(
        InstructionDraftRequest(
            account_id="acc_demo_kzt",
            currency=Currency.KZT,
            amount=Decimal("1000.00"),
            recipient_iin="880607300110",
            iban="KZ476010131000179714",
            bic="HSBKKZKX",
        )
    )
    challenge = await client.send_sms(draft.draft_id)
    sent = await control.sms_outbox(5)
    code = next(s.code for s in sent if s.challenge_id == challenge.challenge_id)
    signature = SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
    return await client.confirm_instruction(draft.draft_id, signature, new_idempotency_key())


def test_only_a_server_on_this_computer_gets_a_control() -> None:
    for url in ("https://cabinet.example.kz", "https://10.0.0.5:8443"):
        with pytest.raises(NotAMock):
            MockControlClient(url)
    with pytest.raises(ValueError):
        MockControlClient("http://cabinet.example.kz")  # plain http off loopback: never
    assert MockControlClient("http://127.0.0.1:8000/").base_url == "http://127.0.0.1:8000"
    assert MockControlClient("http://localhost:1").base_url == "http://localhost:1"


def test_the_mock_says_it_is_one_and_other_servers_do_not(
    live_server_factory: Factory, served: list[LiveServer]
) -> None:
    live = live_server_factory()
    plain = FastAPI()

    @plain.get("/mock")
    def page() -> PlainTextResponse:
        return PlainTextResponse("<html>a local web server</html>")

    not_mock = FastAPI()

    @not_mock.get("/mock")
    def says_no() -> dict[str, object]:
        return {"mock": False, "version": "1"}

    others = [serve(FastAPI()), serve(plain), serve(not_mock)]
    served.extend(others)

    async def scenario() -> None:
        control = MockControlClient(live.url)
        info = await control.info()
        assert info.mock and info.version and info.scenario is None
        assert await control.is_mock()
        await control.aclose()
        for other in others:
            control = MockControlClient(other.url)
            assert not await control.is_mock(), other.url
            await control.aclose()
        # Nobody listening at all.
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        control = MockControlClient(f"http://127.0.0.1:{port}")
        assert not await control.is_mock()
        await control.aclose()

    asyncio.run(scenario())


def test_sms_orders_and_withdrawals_are_listed_and_moved(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        control = MockControlClient(live.url)
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        made = await withdrawal(client, control)
        sent = (await control.sms_outbox(5))[0]
        assert sent.code.isdigit() and sent.code not in repr(sent)
        assert sent.phone.startswith("+7")

        orders = await control.orders("open")
        assert len(orders) >= 2
        assert all(o.status in ("new", "active", "partially_filled") for o in orders)
        assert all(isinstance(o.quantity, Decimal) for o in orders)
        first, second = orders[0], orders[1]
        part = (first.quantity - first.filled_quantity) / 2
        if part != part.to_integral_value():
            part = Decimal(1)
        filled = await control.fill_order(first.id, part)
        assert filled.filled_quantity == first.filled_quantity + part
        whole = await control.fill_order(first.id)
        assert whole.status is OrderStatus.FILLED
        rejected = await control.reject_order(second.id, "Tester: no liquidity")
        assert rejected.status is OrderStatus.REJECTED
        assert rejected.reject_reason == "Tester: no liquidity"
        assert {first.id, second.id}.isdisjoint({o.id for o in await control.orders("open")})
        with pytest.raises(NotFound):
            await control.fill_order("ord_missing")

        moving = await control.instructions("in_progress")
        assert made.id in {i.id for i in moving}
        assert all(isinstance(i.amount, Decimal) for i in moving)
        processing = await control.advance_instruction(made.id, "processing")
        assert processing.status is InstructionStatus.PROCESSING
        done = await control.advance_instruction(made.id, "executed")
        assert done.status is InstructionStatus.EXECUTED
        other = await withdrawal(client, control)
        refused = await control.advance_instruction(other.id, "rejected", "Tester: wrong IBAN")
        assert refused.status is InstructionStatus.REJECTED
        left = {i.id for i in await control.instructions("in_progress")}
        assert made.id not in left and other.id not in left
        await client.logout()
        await client.aclose()
        await control.aclose()

    asyncio.run(scenario())


def test_markets_clock_and_prices(live_server_factory: Factory) -> None:
    live = live_server_factory(simulate=True, always_open=False)

    async def scenario() -> None:
        control = MockControlClient(live.url)
        hours = await control.set_market_modes({"KASE": "closed", "AIX": "open"})
        assert hours.modes[Market.KASE] == "closed" and not hours.open_now[Market.KASE]
        assert hours.modes[Market.AIX] == "open" and hours.open_now[Market.AIX]
        hours = await control.set_market_modes({"KASE": "auto", "AIX": "auto"})
        assert hours.modes[Market.KASE] == "auto"
        assert (await control.market_hours()).modes == hours.modes

        start = await control.clock()
        later = await control.advance_clock(15 * 60)
        assert later.offset_seconds == pytest.approx(start.offset_seconds + 900, abs=5)
        closed = await control.jump_clock("close", "KASE")
        assert closed.now > later.now
        assert not (await control.market_hours()).open_now[Market.KASE]
        opened = await control.jump_clock("next_session", "KASE")
        assert opened.now > closed.now
        assert (await control.market_hours()).open_now[Market.KASE]
        back = await control.reset_clock()
        assert back.offset_seconds == pytest.approx(0, abs=1)

        quote = await control.set_price("KASE:HSBK", Decimal("321.50"))
        assert quote.instrument_id == "KASE:HSBK" and quote.last == Decimal("321.50")
        with pytest.raises(NotFound):
            await control.set_price("KASE:NOPE", Decimal("1"))
        with pytest.raises(ValidationFailed) as bad:
            await control.set_price("KASE:HSBK", Decimal("0.001"))
        assert "price" in bad.value.fields
        await control.aclose()

    asyncio.run(scenario())


def test_each_fault_is_set_shown_and_cleared(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        control = MockControlClient(live.url)
        state = await control.change_faults(FaultChange(latency_ms=250, for_seconds=600))
        assert state.latency_ms == 250 and state.latency_until is not None
        state = await control.change_faults(
            FaultChange(error_rate=0.5, error_status=500, error_path="/api/v1/portfolio*")
        )
        assert state.error_rate == 0.5 and state.error_status == 500
        assert state.error_path == "/api/v1/portfolio*" and state.error_until is None
        state = await control.change_faults(FaultChange(error_path=None))
        assert state.error_path is None and state.error_rate == 0.5  # null: back to the default
        state = await control.change_faults(FaultChange(stream_down=True, for_seconds=30))
        assert state.stream_down and state.stream_down_until is not None
        state = await control.change_faults(FaultChange(crash_after_commit=2))
        assert state.crash_after_commit == 2
        state = await control.change_faults(FaultChange(drip_bytes_per_second=512))
        assert state.drip_bytes_per_second == 512
        assert state.any_on and (await control.faults()) == state
        with pytest.raises(ValidationFailed):
            await control.change_faults(FaultChange.model_construct(error_status=404))
        cleared = await control.clear_faults()
        assert not cleared.any_on
        await control.aclose()

    asyncio.run(scenario())


def test_scenarios_load_and_reset(live_server_factory: Factory) -> None:
    live = live_server_factory()

    async def scenario() -> None:
        control = MockControlClient(live.url)
        catalogue = await control.scenarios()
        names = [s.name for s in catalogue]
        assert names == sorted(names) and all(s.purpose for s in catalogue)
        assert (await control.scenario()).name is None
        assert "fresh-client" in names
        loaded = await control.load_scenario("fresh-client")
        assert loaded.name == "fresh-client" and loaded.loaded_at is not None
        assert (await control.info()).scenario == "fresh-client"
        with pytest.raises(NotFound):
            await control.load_scenario("no-such-scenario")
        with pytest.raises(ValidationFailed) as bad:
            await control.load_scenario_text('[world]\nname = "x"\n\nusers = 5\n')
        assert "line" in bad.value.message
        reset = await control.reset()
        assert reset.reset_at is not None
        assert (await control.scenario()).name == "fresh-client"  # a reset keeps it
        await control.aclose()

    asyncio.run(scenario())


def test_an_answer_too_large_or_too_slow_is_a_typed_error(served: list[LiveServer]) -> None:
    app = FastAPI()

    @app.get("/mock/faults")
    def huge() -> Response:
        return Response(b'{"latency_ms": 0, "x": "' + b"a" * 300_000 + b'"}', 200)

    @app.get("/mock/clock")
    async def slow() -> dict[str, object]:
        await asyncio.sleep(5)
        return {"now": "2026-01-01T00:00:00Z", "offset_seconds": 0}

    @app.get("/mock/market-hours")
    def wrong() -> dict[str, object]:
        return {"modes": {"KASE": "sometimes"}}

    @app.get("/mock/sms-outbox")
    def many() -> dict[str, object]:
        row = {
            "phone": "+77010000000",
            "challenge_id": "c",
            "code": "1",
            "sent_at": "2026-01-01T00:00:00Z",
        }
        return {"items": [row] * 20}

    live = serve(app)
    served.append(live)

    async def scenario() -> None:
        control = MockControlClient(live.url, deadline=0.5, max_body=100_000)
        with pytest.raises(UnreadableAnswer) as big:
            await control.faults()
        assert big.value.details["reason"] == "too_large"
        with pytest.raises(DeadlineExceeded):
            await control.clock()
        with pytest.raises(UnreadableAnswer) as bad:
            await control.market_hours()
        assert bad.value.details["reason"] == "invalid_shape"
        with pytest.raises(UnreadableAnswer) as rows:
            await control.sms_outbox(5)
        assert rows.value.details["reason"] == "too_many_rows"
        await control.aclose()

    asyncio.run(scenario())
