"""Market data endpoints: markets, instrument search, quotes, candles, watchlists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from testkit import BROKER, DEMO, EXPIRED, login, make_config, mock_state

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import MARKETS
from cesec_desktop.domain.models.market import CandleSeries, Quote
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.simulator import TIMEZONES, Simulator

API = "/api/v1"


@pytest.fixture(scope="module")
def shared() -> Any:
    """One app for the tests that only read (seeding a world per test is what costs)."""
    with TestClient(create_app(make_config(synthetic_instruments=3))) as test_client:
        yield test_client


@pytest.fixture
def open_client(app_factory: Callable[..., FastAPI]) -> Any:
    with TestClient(app_factory(always_open=True)) as test_client:
        yield test_client


def simulator(client: TestClient) -> Simulator:
    market = mock_state(client).market
    assert isinstance(market, Simulator)
    return market


def error_of(response: Any) -> dict[str, Any]:
    return response.json()["error"]


# --- markets -----------------------------------------------------------------------------


def test_markets_list_all_three_with_open_state(client: TestClient) -> None:
    headers = login(client, DEMO)
    client.post("/mock/market-hours", json={"modes": {"KASE": "closed", "AIX": "open"}})
    items = client.get(f"{API}/markets", headers=headers).json()["items"]
    assert [m["id"] for m in items] == ["KASE", "AIX", "INTL"]
    by_id = {m["id"]: m for m in items}
    assert by_id["KASE"]["is_open"] is False
    assert by_id["AIX"]["is_open"] is True
    assert by_id["KASE"]["session_open"] == "11:30"
    assert by_id["INTL"]["timezone"] == "America/New_York"


@pytest.mark.parametrize(
    "path",
    [
        "/markets",
        "/instruments?q=hsbk",
        "/quotes?ids=KASE:HSBK",
        "/instruments/KASE:HSBK",
        "/watchlists",
        "/instruments/KASE:HSBK/candles",
    ],
)
def test_market_calls_need_a_valid_session(shared: TestClient, path: str) -> None:
    assert error_of(shared.get(API + path))["code"] == "unauthorized"
    expired = shared.get(API + path, headers=login(shared, EXPIRED))
    assert expired.status_code == 403
    assert error_of(expired)["code"] == "password_expired"


# --- instruments -------------------------------------------------------------------------


def search(client: TestClient, headers: dict[str, str], **params: Any) -> list[str]:
    response = client.get(f"{API}/instruments", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_search_puts_ticker_prefix_matches_first(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    found = search(shared, headers, q="kzt", limit=50)
    assert found[:3] == ["KASE:KZTK", "KASE:KZTKp", "KASE:KZTO"]
    assert set(found[3:5]) == {"AIX:KZTK", "AIX:KZTO"}
    exact = search(shared, headers, q="HSBK")
    assert exact[:2] == ["KASE:HSBK", "AIX:HSBK"]


def test_search_matches_name_and_isin_case_insensitively(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    assert search(shared, headers, q="halyk") == ["KASE:HSBK", "AIX:HSBK"]
    assert search(shared, headers, q="us0378331005") == ["INTL:AAPL"]
    assert search(shared, headers, q="  ApPlE ") == ["INTL:AAPL"]
    assert search(shared, headers, q="no such thing") == []


def test_search_filters_by_market_and_limit(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    intl = search(shared, headers, market="INTL", limit=200)
    assert len(intl) == 21 and all(i.startswith("INTL:") for i in intl)
    assert len(search(shared, headers, limit=5)) == 5
    for bad in ({"limit": 0}, {"limit": 201}, {"market": "MOEX"}, {"q": "x" * 65}):
        response = shared.get(f"{API}/instruments", headers=headers, params=bad)
        assert response.status_code == 422
        assert error_of(response)["code"] == "validation_error"


def test_search_hides_synthetic_instruments_but_get_finds_them(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    assert search(shared, headers, q="SYN") == []
    response = shared.get(f"{API}/instruments/KASE:SYN0002", headers=headers)
    assert response.status_code == 200
    assert response.json()["ticker"] == "SYN0002"


def test_get_instrument_with_plain_or_encoded_colon(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    plain = shared.get(f"{API}/instruments/KASE:KFUSb11", headers=headers)
    encoded = shared.get(f"{API}/instruments/KASE%3AKFUSb11", headers=headers)
    assert plain.status_code == encoded.status_code == 200
    assert plain.json() == encoded.json()
    bond = plain.json()
    assert bond["kind"] == "bond"
    assert bond["price_step"] == "0.0001"
    assert bond["face_value"] == "1000"
    assert bond["isin"] == "KZ2C00007334"


def test_unknown_instrument_is_404_and_absurd_id_422(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    missing = shared.get(f"{API}/instruments/KASE:NOPE", headers=headers)
    assert missing.status_code == 404
    assert error_of(missing)["code"] == "not_found"
    huge = shared.get(f"{API}/instruments/{'A' * 500}", headers=headers)
    assert huge.status_code == 422


# --- quotes ------------------------------------------------------------------------------


def test_quotes_in_order_with_every_field(open_client: TestClient) -> None:
    headers = login(open_client, DEMO)
    simulator(open_client).step(300)
    ids = ["INTL:AAPL", "KASE:HSBK", "KASE:KFUSb11"]
    response = open_client.get(
        f"{API}/quotes", headers=headers, params={"ids": " , ".join([*ids, "KASE:HSBK"])}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [q["instrument_id"] for q in items] == ids
    for item in items:
        quote = Quote.model_validate(item)
        assert quote.bid is not None and quote.ask is not None
        assert quote.bid < quote.ask
        assert quote.change == quote.last - quote.prev_close
        expected_pct = (quote.change * 100 / quote.prev_close).quantize(Decimal("0.01"))
        assert abs(quote.change_pct - expected_pct) <= Decimal("0.01")
        assert isinstance(item["last"], str)


def test_quotes_reject_unknown_empty_and_too_many(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    unknown = shared.get(
        f"{API}/quotes", headers=headers, params={"ids": "KASE:HSBK,KASE:NOPE,X:Y"}
    )
    assert unknown.status_code == 422
    assert unknown.json()["error"]["details"]["fields"]["ids"] == "unknown: KASE:NOPE, X:Y"
    for ids in (",, ,", ",".join(f"KASE:X{i}" for i in range(301))):
        response = shared.get(f"{API}/quotes", headers=headers, params={"ids": ids})
        assert response.status_code == 422
        assert "ids" in response.json()["error"]["details"]["fields"]
    assert shared.get(f"{API}/quotes", headers=headers).status_code == 422


# --- candles -----------------------------------------------------------------------------


def get_candles(
    client: TestClient, headers: dict[str, str], instrument_id: str = "KASE:HSBK", **params: Any
) -> CandleSeries:
    response = client.get(
        f"{API}/instruments/{instrument_id}/candles", headers=headers, params=params
    )
    assert response.status_code == 200, response.text
    return CandleSeries.model_validate(response.json())


def check_bars(series: CandleSeries, step: Decimal) -> None:
    times = [c.time for c in series.items]
    assert times == sorted(times) and len(set(times)) == len(times)
    for candle in series.items:
        assert candle.low <= min(candle.open, candle.close)
        assert candle.high >= max(candle.open, candle.close)
        assert candle.low > 0 and candle.volume >= 0
        for price in (candle.open, candle.high, candle.low, candle.close):
            assert price % step == 0


@pytest.mark.parametrize("interval", ["1m", "5m", "1h", "1d"])
def test_each_interval_ends_at_the_live_price(open_client: TestClient, interval: str) -> None:
    headers = login(open_client, DEMO)
    simulator(open_client).step(2000)
    quote = Quote.model_validate(
        open_client.get(f"{API}/quotes", headers=headers, params={"ids": "KASE:HSBK"}).json()[
            "items"
        ][0]
    )
    series = get_candles(open_client, headers, interval=interval)
    assert series.interval == interval and series.instrument_id == "KASE:HSBK"
    assert series.items, "default window has bars"
    check_bars(series, Decimal("0.01"))
    last = series.items[-1]
    assert last.close == quote.last
    if interval == "1d":
        assert (last.open, last.high, last.low, last.volume) == (
            quote.open,
            quote.high,
            quote.low,
            quote.volume,
        )
        assert len(series.items) > 200
    else:
        assert last.high <= quote.high and last.low >= quote.low  # type: ignore[operator]


def test_live_bar_moves_with_the_market(open_client: TestClient) -> None:
    headers = login(open_client, DEMO)
    market = simulator(open_client)
    for _ in range(5):
        market.step(500)
        live = market.quote("KASE:KSPI")
        assert live is not None
        bars = get_candles(open_client, headers, "KASE:KSPI", interval="5m").items
        assert bars[-1].close == live.last


def test_past_days_are_deterministic_and_inside_the_session(
    app_factory: Callable[..., FastAPI],
) -> None:
    series = []
    for _ in range(2):
        with TestClient(app_factory()) as client:
            headers = login(client, DEMO)
            now = mock_state(client).clock.now()
            params = {
                "interval": "1m",
                "from": (now - timedelta(days=4)).date().isoformat(),
                "to": (now - timedelta(days=1)).date().isoformat(),
            }
            series.append(get_candles(client, headers, "INTL:AAPL", **params))
    assert series[0] == series[1]
    rules = MARKETS[Market.INTL]
    items = series[0].items
    assert items
    for candle in items:
        local = candle.time.astimezone(TIMEZONES[Market.INTL])
        assert rules.session_open <= local.time() < rules.session_close
        assert local.weekday() < 5


def test_intraday_agrees_with_the_daily_bar(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    daily = get_candles(shared, headers, "KASE:KZAP", interval="1d").items
    day = daily[-1]
    assert day.time.date() < mock_state(shared).clock.today()
    the_day = day.time.date().isoformat()
    for interval in ("1m", "5m", "1h"):
        bars = get_candles(
            shared, headers, "KASE:KZAP", interval=interval, **{"from": the_day, "to": the_day}
        ).items
        expected = {"1m": 330, "5m": 66, "1h": 6}[interval]
        assert len(bars) == expected
        assert bars[0].open == day.open and bars[-1].close == day.close
        assert max(b.high for b in bars) == day.high
        assert min(b.low for b in bars) == day.low
        assert sum(b.volume for b in bars) == day.volume
    minute = get_candles(
        shared, headers, "KASE:KZAP", interval="1m", **{"from": the_day, "to": the_day}
    ).items
    five = get_candles(
        shared, headers, "KASE:KZAP", interval="5m", **{"from": the_day, "to": the_day}
    ).items
    assert five[1].open == minute[5].open and five[1].close == minute[9].close
    assert five[1].volume == sum(b.volume for b in minute[5:10])


def test_candle_range_accepts_datetimes(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    daily = get_candles(shared, headers, interval="1d").items
    start = daily[-10].time
    end = daily[-5].time
    window = get_candles(
        shared, headers, interval="1d", **{"from": start.isoformat(), "to": end.isoformat()}
    ).items
    assert [c.time for c in window] == [c.time for c in daily[-10:-5]]
    # An unencoded "+05:00" arrives as a space; it still parses.
    raw = shared.get(
        f"{API}/instruments/KASE:HSBK/candles?interval=1d&from="
        + start.isoformat().replace("+", "%20"),
        headers=headers,
    )
    assert raw.status_code == 200 and raw.json()["items"][0]["time"] == start.isoformat()


@pytest.mark.parametrize(
    "params,field",
    [
        ({"interval": "1m", "from": "2020-01-01"}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"to": "2026-13-45"}, "to"),
        ({"from": "9999-12-31"}, "from"),
        ({"from": "2026-03-10", "to": "2026-03-01"}, "from"),
        ({"interval": "2m"}, "interval"),
    ],
)
def test_bad_candle_requests_are_422(
    shared: TestClient, params: dict[str, str], field: str
) -> None:
    headers = login(shared, DEMO)
    response = shared.get(f"{API}/instruments/KASE:HSBK/candles", headers=headers, params=params)
    assert response.status_code == 422
    assert field in response.json()["error"]["details"]["fields"]


def test_candles_of_unknown_instrument_is_404(shared: TestClient) -> None:
    response = shared.get(f"{API}/instruments/KASE:NOPE/candles", headers=login(shared, DEMO))
    assert response.status_code == 404


def test_bond_candles_keep_four_decimals(shared: TestClient) -> None:
    series = get_candles(shared, login(shared, DEMO), "KASE:KFUSb11", interval="1h")
    check_bars(series, Decimal("0.0001"))
    assert all(Decimal(50) < c.close < Decimal(150) for c in series.items)


# --- watchlists --------------------------------------------------------------------------


def test_watchlists_have_three_markets_in_order(shared: TestClient) -> None:
    items = shared.get(f"{API}/watchlists", headers=login(shared, DEMO)).json()["items"]
    assert [w["market"] for w in items] == ["KASE", "AIX", "INTL"]
    assert items[0]["instrument_ids"][:2] == ["KASE:HSBK", "KASE:KSPI"]


def test_put_watchlist_keeps_order_and_empty_lists_show(client: TestClient) -> None:
    headers = login(client, DEMO)
    wanted = ["INTL:MU", "INTL:AAPL", "INTL:KO"]
    response = client.put(
        f"{API}/watchlists/INTL", headers=headers, json={"instrument_ids": wanted}
    )
    assert response.status_code == 200
    assert response.json() == {"market": "INTL", "instrument_ids": wanted}
    cleared = client.put(f"{API}/watchlists/AIX", headers=headers, json={"instrument_ids": []})
    assert cleared.json()["instrument_ids"] == []
    items = client.get(f"{API}/watchlists", headers=headers).json()["items"]
    assert items[1] == {"market": "AIX", "instrument_ids": []}
    assert items[2]["instrument_ids"] == wanted
    # Another user's lists are untouched.
    other = client.get(f"{API}/watchlists", headers=login(client, ("aigerim", "Aigerim#2026")))
    assert other.json()["items"][1]["instrument_ids"] == [
        "AIX:KAP",
        "AIX:HSBK",
        "AIX:KSPI",
        "AIX:FRHC",
    ]


@pytest.mark.parametrize(
    "ids,message",
    [
        (["KASE:HSBK", "KASE:NOPE"], "unknown: KASE:NOPE"),
        (["KASE:HSBK", "KASE:HSBK"], "duplicate: KASE:HSBK"),
        (["KASE:HSBK", "INTL:AAPL"], "not on KASE: INTL:AAPL"),
        (["KASE:SYN0001"], "unknown: KASE:SYN0001"),
    ],
)
def test_put_watchlist_rejects_bad_ids(shared: TestClient, ids: list[str], message: str) -> None:
    headers = login(shared, DEMO)
    response = shared.put(f"{API}/watchlists/KASE", headers=headers, json={"instrument_ids": ids})
    assert response.status_code == 422
    assert response.json()["error"]["details"]["fields"]["instrument_ids"] == message
    kept = shared.get(f"{API}/watchlists", headers=headers).json()["items"][0]
    assert kept["instrument_ids"][0] == "KASE:HSBK" and len(kept["instrument_ids"]) == 8


def test_put_watchlist_rejects_malformed_bodies(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    for market, body in (
        ("MOEX", {"instrument_ids": []}),
        ("KASE", {"instrument_ids": "KASE:HSBK"}),
        ("KASE", {"instrument_ids": [], "extra": 1}),
        ("KASE", {"instrument_ids": ["KASE:HSBK"] * 301}),
        ("KASE", {"instrument_ids": ["x" * 100_000]}),
    ):
        response = shared.put(f"{API}/watchlists/{market}", headers=headers, json=body)
        assert response.status_code == 422, (market, body)
        assert len(response.text) < 2000


def test_brokers_read_a_clients_watchlists_but_may_not_write(shared: TestClient) -> None:
    headers = login(shared, BROKER)
    assert shared.get(f"{API}/watchlists", headers=headers).status_code == 422
    read = shared.get(f"{API}/watchlists", headers=headers, params={"client_id": "usr_olga"})
    assert read.status_code == 200
    assert read.json()["items"][2]["instrument_ids"][0] == "INTL:AAPL"
    write = shared.put(
        f"{API}/watchlists/KASE", headers=headers, json={"instrument_ids": ["KASE:HSBK"]}
    )
    assert write.status_code == 403
    assert error_of(write)["code"] == "forbidden"


def test_watchlists_persist_across_a_restart(tmp_path: Path) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    wanted = ["KASE:KZAP", "KASE:HSBK"]
    with TestClient(create_app(make_config(db_path=db_path))) as first:
        response = first.put(
            f"{API}/watchlists/KASE", headers=login(first, DEMO), json={"instrument_ids": wanted}
        )
        assert response.status_code == 200
    with TestClient(create_app(make_config(db_path=db_path))) as second:
        items = second.get(f"{API}/watchlists", headers=login(second, DEMO)).json()["items"]
        assert items[0]["instrument_ids"] == wanted


def test_naive_datetimes_are_utc(shared: TestClient) -> None:
    headers = login(shared, DEMO)
    daily = get_candles(shared, headers, interval="1d").items
    target = daily[-3].time
    naive_utc = target.astimezone(UTC).replace(tzinfo=None)
    window = get_candles(shared, headers, interval="1d", **{"from": naive_utc.isoformat()}).items
    assert window[0].time == target
    later = get_candles(
        shared, headers, interval="1d", **{"from": (naive_utc + timedelta(minutes=1)).isoformat()}
    ).items
    assert later[0].time == daily[-2].time
