"""`POST /mock/prices` and `Simulator.set_price`: a tick at a chosen price, and what it fills."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest
from fastapi.testclient import TestClient
from test_orders import housekeeping, place
from test_stream import next_frame, open_stream, token_for
from testkit import LiveServer, mock_state

from cesec_desktop.mockserver.simulator import Simulator

API = "/api/v1"


def simulator(client: TestClient) -> Simulator:
    market = mock_state(client).market
    assert isinstance(market, Simulator)
    return market


def test_a_price_moves_the_quote_at_once(client: TestClient, demo_headers: dict[str, str]) -> None:
    response = client.post("/mock/prices", json={"instrument_id": "KASE:HSBK", "price": "412.37"})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert {k: answer[k] for k in ("instrument_id", "last", "bid", "ask")} == {
        "instrument_id": "KASE:HSBK",
        "last": "412.37",
        "bid": "412.37",
        "ask": "412.37",
    }
    quote = client.get(f"{API}/quotes", headers=demo_headers, params={"ids": "KASE:HSBK"}).json()
    (served,) = quote["items"]
    assert (served["last"], served["time"]) == ("412.37", answer["time"])
    assert Decimal(served["high"]) >= Decimal("412.37") >= Decimal(served["low"])
    client.post("/mock/prices", json={"instrument_id": "KASE:HSBK", "price": "1.00"})
    low = client.get(f"{API}/quotes", headers=demo_headers, params={"ids": "KASE:HSBK"}).json()
    (served,) = low["items"]
    assert (served["last"], served["low"]) == ("1.00", "1.00")
    assert Decimal(served["high"]) >= Decimal("412.37")


def test_a_price_that_crosses_a_resting_limit_fills_it(
    client: TestClient, demo_headers: dict[str, str]
) -> None:
    state = mock_state(client)
    client.post("/mock/prices", json={"instrument_id": "KASE:HSBK", "price": "385.00"})
    order = place(client, demo_headers, price="380.00", quantity="10")
    housekeeping(state)
    resting = client.get(f"{API}/orders/{order['id']}", headers=demo_headers).json()
    assert resting["status"] == "active"
    # Not crossed: a buy at 380 does not trade against an ask of 380.50.
    client.post("/mock/prices", json={"instrument_id": "KASE:HSBK", "price": "380.50"})
    assert client.get(f"{API}/orders/{order['id']}", headers=demo_headers).json()["status"] == (
        "active"
    )
    client.post("/mock/prices", json={"instrument_id": "KASE:HSBK", "price": "379.50"})
    filled = client.get(f"{API}/orders/{order['id']}", headers=demo_headers).json()
    assert filled["status"] == "filled"
    assert Decimal(filled["filled_quantity"]) == Decimal(10)
    assert Decimal(filled["average_fill_price"]) == Decimal("379.50")


def test_a_price_tick_reaches_the_streams(live_server_factory: Callable[..., LiveServer]) -> None:
    live = live_server_factory()
    token = token_for(live)

    async def scenario() -> dict[str, object]:
        ws = await open_stream(live, token)
        await ws.send('{"op": "subscribe", "channel": "quotes", "ids": ["KASE:KCEL"]}')
        snapshot = await next_frame(ws)
        assert snapshot["channel"] == "quotes"
        answer = await asyncio.to_thread(
            httpx.post,
            f"{live.url}/mock/prices",
            json={"instrument_id": "KASE:KCEL", "price": "2345.00"},
        )
        assert answer.status_code == 200, answer.text
        tick = await next_frame(ws)
        await ws.close()
        return tick

    tick = asyncio.run(scenario())
    assert tick["channel"] == "quotes"
    (quote,) = tick["data"]  # type: ignore[misc]
    assert (quote["instrument_id"], quote["last"], quote["bid"], quote["ask"]) == (
        "KASE:KCEL",
        "2345.00",
        "2345.00",
        "2345.00",
    )


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"instrument_id": "KASE:NOPE", "price": "10"}, 404, None),
        ({"instrument_id": "KASE:HSBK", "price": "380.001"}, 422, "price_step"),
        ({"instrument_id": "KASE:HSBK", "price": "0"}, 422, "price_not_positive"),
        ({"instrument_id": "KASE:HSBK", "price": "-5.00"}, 422, "price_not_positive"),
        ({"instrument_id": "KASE:HSBK", "price": "1e3"}, 422, "invalid_number"),
        ({"instrument_id": "KASE:HSBK", "price": 380.5}, 422, "invalid_number"),
        ({"instrument_id": "KASE:HSBK"}, 422, None),
    ],
)
def test_bad_prices_are_refused(
    client: TestClient, body: dict[str, object], status: int, field: str | None
) -> None:
    response = client.post("/mock/prices", json=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    if field is not None:
        assert error["details"]["fields"]["price"] == field


def test_the_python_interface(client: TestClient) -> None:
    market = simulator(client)
    quote = market.set_price("KASE:HSBK", Decimal("401.25"))
    assert (quote.last, quote.bid, quote.ask) == (Decimal("401.25"),) * 3
    assert market.quote("KASE:HSBK") == quote
    with pytest.raises(KeyError):
        market.set_price("KASE:NOPE", Decimal(1))
    with pytest.raises(ValueError):
        market.set_price("KASE:HSBK", Decimal("0.001"))
    with pytest.raises(ValueError):
        market.set_price("KASE:HSBK", Decimal("-1"))
    # The walk goes on from the new price.
    market.step(2000)
    moved = market.quote("KASE:HSBK")
    assert moved is not None
    assert abs(moved.last - Decimal("401.25")) < Decimal("401.25") * Decimal("0.05")
