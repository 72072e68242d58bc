"""`POST /mock/clock {"jump": ...}`: to a market's next close or next session open.

Real time is frozen by an injected clock, so every answer is exact and none depends on today.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time

import pytest
from fastapi.testclient import TestClient
from testkit import make_config, mock_state

from cesec_desktop.domain.enums import Market
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.clock import MockClock
from cesec_desktop.mockserver.session_jumps import next_close, next_open

# Almaty is UTC+5 all year; New York is UTC-5 in winter and UTC-4 from 14 March 2027.
FRIDAY_EVENING_ALMATY = "2027-01-08T14:00:00+00:00"  # Fri 19:00 Almaty, 09:00 New York
MONDAY_KASE_OPEN = "2027-01-11T06:30:00Z"  # Mon 11:30 Almaty
MONDAY_KASE_CLOSE = "2027-01-11T12:00:00Z"  # Mon 17:00 Almaty


class FrozenClock(MockClock):
    """Real time stands still at `real`; the mock's now is exactly `real + offset`."""

    def __init__(self, real: datetime) -> None:
        super().__init__()
        self.real = real

    def now(self) -> datetime:
        return self.real + self.offset

    def set(self, at: datetime) -> None:
        self.offset = at - self.real


@pytest.fixture(scope="module")
def frozen() -> Iterator[TestClient]:
    """One backend for every jump: each test sets the time it starts from."""
    with TestClient(create_app(make_config(always_open=False))) as client:
        mock_state(client).clock = FrozenClock(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
        yield client


def jump(client: TestClient, start: str, to: str, market: str | None = None) -> datetime:
    body = {"set_to": start, "jump": to} | ({"market": market} if market else {})
    response = client.post("/mock/clock", json=body)
    assert response.status_code == 200, response.text
    return datetime.fromisoformat(response.json()["now"])


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("market", "start", "to", "expected"),
    [
        # KASE (the default market): Friday evening -> Monday.
        (None, FRIDAY_EVENING_ALMATY, "next_session", MONDAY_KASE_OPEN),
        (None, FRIDAY_EVENING_ALMATY, "close", MONDAY_KASE_CLOSE),
        # Saturday and Sunday are no trading days.
        ("KASE", "2027-01-09T05:00:00Z", "next_session", MONDAY_KASE_OPEN),
        ("KASE", "2027-01-10T18:00:00Z", "close", MONDAY_KASE_CLOSE),
        # Monday before the open: today's open and close.
        ("KASE", "2027-01-11T03:00:00Z", "next_session", MONDAY_KASE_OPEN),
        ("KASE", "2027-01-11T03:00:00Z", "close", MONDAY_KASE_CLOSE),
        # During the session: today's close, tomorrow's open.
        ("KASE", "2027-01-11T07:00:00Z", "close", MONDAY_KASE_CLOSE),
        ("KASE", "2027-01-11T07:00:00Z", "next_session", "2027-01-12T06:30:00Z"),
        # At the very open the next session is tomorrow's; at the close the next close too.
        ("KASE", MONDAY_KASE_OPEN, "next_session", "2027-01-12T06:30:00Z"),
        ("KASE", MONDAY_KASE_CLOSE, "close", "2027-01-12T12:00:00Z"),
        # AIX keeps KASE's hours.
        ("AIX", FRIDAY_EVENING_ALMATY, "next_session", MONDAY_KASE_OPEN),
        # INTL follows New York: Friday 09:00 there is before its open.
        ("INTL", FRIDAY_EVENING_ALMATY, "next_session", "2027-01-08T14:30:00Z"),
        ("INTL", FRIDAY_EVENING_ALMATY, "close", "2027-01-08T21:00:00Z"),
        # Saturday 03:00 in Almaty is still Friday 17:00 in New York: the session is over.
        ("INTL", "2027-01-08T22:00:00Z", "next_session", "2027-01-11T14:30:00Z"),
        ("INTL", "2027-01-08T22:00:00Z", "close", "2027-01-11T21:00:00Z"),
        # Over the weekend New York moves its clocks: Monday opens at 13:30 UTC.
        ("INTL", "2027-03-12T23:00:00Z", "next_session", "2027-03-15T13:30:00Z"),
    ],
)
def test_jumps(frozen: TestClient, market: str | None, start: str, to: str, expected: str) -> None:
    assert jump(frozen, start, to, market) == at(expected)


def test_a_jump_opens_and_closes_the_market(frozen: TestClient) -> None:
    jump(frozen, FRIDAY_EVENING_ALMATY, "next_session")
    hours = frozen.get("/mock/market-hours").json()["open_now"]
    assert hours == {"KASE": True, "AIX": True, "INTL": False}
    answer = frozen.post("/mock/clock", json={"jump": "close"}).json()
    assert at(answer["now"]) == at(MONDAY_KASE_CLOSE)
    assert frozen.get("/mock/market-hours").json()["open_now"]["KASE"] is False
    # The offset is what moved: real time here is 2026-07-01 12:00 UTC.
    assert answer["offset_seconds"] == (at(MONDAY_KASE_CLOSE) - frozen_real(frozen)).total_seconds()


def frozen_real(client: TestClient) -> datetime:
    clock = mock_state(client).clock
    assert isinstance(clock, FrozenClock)
    return clock.real


def test_a_jump_starts_from_the_other_changes(frozen: TestClient) -> None:
    # set_to, then advance (Fri 19:00 + 3 days = Mon 19:00 Almaty), then the jump.
    response = frozen.post(
        "/mock/clock",
        json={"set_to": FRIDAY_EVENING_ALMATY, "advance_seconds": 3 * 86400, "jump": "close"},
    )
    assert at(response.json()["now"]) == at("2027-01-12T12:00:00Z")


@pytest.mark.parametrize(
    "body", [{"jump": "close", "market": "LSE"}, {"jump": "open"}, {"jump": "close", "market": 1}]
)
def test_bad_jumps_are_refused(frozen: TestClient, body: dict[str, object]) -> None:
    before = frozen.get("/mock/clock").json()
    response = frozen.post("/mock/clock", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"
    assert frozen.get("/mock/clock").json() == before


def test_jumps_in_other_zones_give_the_same_instant() -> None:
    # The instant of the start matters, not the zone it is written in.
    utc = at("2027-01-08T22:00:00+00:00")
    almaty = at("2027-01-09T03:00:00+05:00")
    for market in Market:
        assert next_open(market, utc) == next_open(market, almaty)
        assert next_close(market, utc) == next_close(market, almaty)


def test_a_scenario_s_own_hours_are_followed(frozen: TestClient) -> None:
    state = mock_state(frozen)
    hours = getattr(state, "session_hours", None)
    if hours is None:
        pytest.skip("this state keeps no session hours of its own")
    hours[Market.KASE] = (time(10, 0), time(15, 0))
    try:
        assert jump(frozen, FRIDAY_EVENING_ALMATY, "next_session") == at("2027-01-11T05:00:00Z")
        assert jump(frozen, FRIDAY_EVENING_ALMATY, "close") == at("2027-01-11T10:00:00Z")
        # Other markets keep theirs.
        assert jump(frozen, FRIDAY_EVENING_ALMATY, "next_session", "AIX") == at(MONDAY_KASE_OPEN)
    finally:
        hours.pop(Market.KASE, None)
