"""Scenario timelines: events run once, in time order, as the MOCK clock reaches them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from fastapi.testclient import TestClient
from test_orders import housekeeping
from testkit import login, make_config, mock_state

from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.scenario_model import TimelineEvent, When
from cesec_desktop.mockserver.scenario_source import parse_scenario
from cesec_desktop.mockserver.scenario_timeline import Timeline, due_at
from cesec_desktop.mockserver.scenario_world import WorldRefs

API = "/api/v1"


@contextmanager
def scenario_app(text: str, **overrides: object) -> Iterator[TestClient]:
    config = make_config(scenario=parse_scenario(text), **overrides)
    with TestClient(create_app(config)) as client:
        yield client


def event(at: str, note: str) -> TimelineEvent:
    return TimelineEvent.model_validate({"at": at, "note": note, "market": {}})


def test_events_are_planned_by_time_then_by_their_order_in_the_file() -> None:
    loaded = datetime(2027, 1, 4, 4, 0, tzinfo=UTC)  # 09:00 in Almaty
    events = [event("+10 min", "b"), event("09:05", "a"), event("+5 min", "a2")]
    events.append(event("+10 min", "c"))
    timeline = Timeline.plan(events, WorldRefs(), loaded)
    assert [e.note for _, e in timeline.events] == ["a", "a2", "b", "c"]
    assert timeline.due(loaded + timedelta(minutes=4)) == []
    assert [e.note for _, e in timeline.due(loaded + timedelta(minutes=5))] == ["a", "a2"]
    # Each runs once: asking again, or with the clock moved back, gives nothing.
    assert timeline.due(loaded + timedelta(minutes=5)) == []
    assert timeline.due(loaded) == []
    assert [e.note for _, e in timeline.due(loaded + timedelta(hours=1))] == ["b", "c"]


def test_a_wall_time_is_on_the_almaty_date_of_the_load() -> None:
    # 20:00 UTC on 3 January is already 4 January in Almaty.
    loaded = datetime(2027, 1, 3, 20, 0, tzinfo=UTC)
    assert due_at(When(wall=time(10, 5)), loaded) == datetime(2027, 1, 4, 10, 5, tzinfo=ALMATY)
    assert due_at(When(offset=timedelta(seconds=30)), loaded) == loaded + timedelta(seconds=30)


WORLD = """
name = "probe"
purpose = "Orders and markets moved on a timeline."

[clock]
start = "2027-01-04T09:00"

[market]
modes = { KASE = "open" }

[[users]]
login = "demo"

[[users.accounts]]
currency = "KZT"
cash = { KZT = "10000000.00" }
orders = [
  { ref = "low", instrument = "KASE:KSPI", side = "buy", quantity = 5, price = "-50%" },
  { ref = "lower", instrument = "KASE:KSPI", side = "buy", quantity = 5, price = "-60%" },
]

[[timeline]]
at = "+20 s"
order = { ref = "low", action = "fill", price = "30000.00" }

[[timeline]]
at = "09:00:10"
market = { modes = { KASE = "closed" } }

[[timeline]]
at = "+30 s"
order = { ref = "lower", action = "reject", reason = "Halted" }

[[timeline]]
at = "+40 s"
price = { instrument = "KASE:HSBK", price = "401.00" }
"""


def _orders(client: TestClient, headers: dict[str, str]) -> dict[str, dict[str, str]]:
    items = client.get(f"{API}/orders", headers=headers).json()["items"]
    return {o["price"]: o for o in items}


def test_the_timeline_fires_in_order_as_the_clock_moves() -> None:
    with scenario_app(WORLD, simulate=False) as client:
        state = mock_state(client)
        headers = login(client)
        assert state.clock.now() - datetime(2027, 1, 4, 9, 0, tzinfo=ALMATY) < timedelta(seconds=5)
        assert state.is_open(Market.KASE)
        housekeeping(state, 11)
        assert [kind for _, kind in state.scenario_timeline.fired] == ["market"]
        assert not state.is_open(Market.KASE)
        housekeeping(state, 10)
        fired = [kind for _, kind in state.scenario_timeline.fired]
        assert fired == ["market", "order"]
        filled = [o for o in _orders(client, headers).values() if o["status"] == "filled"]
        assert [o["average_fill_price"] for o in filled] == ["30000.00"]
        # Past both remaining events at once: they run in their order, each once.
        housekeeping(state, 100)
        housekeeping(state, 100)
        assert [kind for _, kind in state.scenario_timeline.fired] == [
            "market",
            "order",
            "order",
            "price",
        ]
        rejected = [o for o in _orders(client, headers).values() if o["status"] == "rejected"]
        assert [o["reject_reason"] for o in rejected] == ["Halted"]
        assert state.require_market().quote("KASE:HSBK").last == Decimal("401.00")  # type: ignore[union-attr]


HOURS = """
name = "short-session"
purpose = "KASE trades 10:00-11:00 only."

[clock]
start = "2027-01-04T10:30"

[market]
always_open = false
hours = { KASE = { open = "10:00", close = "11:00" } }
"""


def test_a_scenario_sets_the_clock_and_its_own_session_hours() -> None:
    with scenario_app(HOURS) as client:
        hours = client.get("/mock/market-hours").json()
        # Monday 10:30 in Almaty: KASE in its own session, AIX not yet in its (11:30).
        assert hours["open_now"] == {"KASE": True, "AIX": False, "INTL": False}
        headers = login(client)
        items = client.get(f"{API}/markets", headers=headers).json()["items"]
        markets = {m["id"]: m for m in items}
        assert markets["KASE"]["is_open"] is True
        client.post("/mock/clock", json={"advance_seconds": 3600})  # 11:30
        assert client.get("/mock/market-hours").json()["open_now"] == {
            "KASE": False,
            "AIX": True,
            "INTL": False,
        }
