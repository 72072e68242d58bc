"""The market simulator: seeded history, the walk, day rolls, persistence and the loop."""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from testkit import make_config

from cesec_desktop.domain.catalog import CATALOG, USDKZT_LEVEL
from cesec_desktop.domain.enums import Market
from cesec_desktop.domain.models.market import Quote
from cesec_desktop.mockserver.app import build_state
from cesec_desktop.mockserver.clock import MockClock
from cesec_desktop.mockserver.hub import Subscriber
from cesec_desktop.mockserver.seed import reset_database
from cesec_desktop.mockserver.simulator import Simulator, market_date
from cesec_desktop.mockserver.state import QuoteSnapshot, ServerState


def make_state(**overrides: object) -> ServerState:
    return build_state(make_config(**overrides))


class SteppedClock(MockClock):
    """The mock clock with a loop time that moves only when the simulator pauses.

    The loop's rate is then measured in the mock's own seconds: a slow or busy machine makes
    the test take longer, never fail.
    """

    def __init__(self, run_for: float) -> None:
        super().__init__()
        self.elapsed = 0.0
        self.run_for = run_for
        self.done = asyncio.Event()

    def loop_time(self) -> float:
        return self.elapsed

    async def pause(self, seconds: float) -> None:
        if self.elapsed >= self.run_for:
            self.done.set()
            await asyncio.Event().wait()  # the test cancels the loop here
        self.elapsed += seconds
        await asyncio.sleep(0)


async def run_loop_for(state: ServerState, seconds: float) -> None:
    """Run the simulator loop for `seconds` of mock loop time, then stop it."""
    clock = SteppedClock(seconds)
    state.clock = clock
    task = asyncio.create_task(sim(state).run())
    await asyncio.wait_for(clock.done.wait(), timeout=30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


def sim(state: ServerState) -> Simulator:
    assert isinstance(state.market, Simulator)
    return state.market


def steps_of(state: ServerState) -> dict[str, Decimal]:
    rows = state.conn.execute("SELECT id, price_step FROM instruments").fetchall()
    return {r["id"]: Decimal(r["price_step"]) for r in rows}


def bars(state: ServerState, instrument_id: str) -> list[dict[str, str]]:
    rows = state.conn.execute(
        "SELECT * FROM daily_bars WHERE instrument_id = ? ORDER BY day", (instrument_id,)
    ).fetchall()
    return [dict(r) for r in rows]


# --- seeded history ----------------------------------------------------------------------


def test_history_is_weekdays_before_today_and_ends_near_the_level() -> None:
    state = make_state()
    steps = steps_of(state)
    now = state.clock.now()
    for entry in CATALOG:
        history = bars(state, entry.instrument_id)
        assert 270 <= len(history) <= 290, entry.instrument_id
        today = market_date(entry.market, now)
        days = [date.fromisoformat(b["day"]) for b in history]
        assert all(d.weekday() < 5 and d < today for d in days)
        assert days[-1] >= today - timedelta(days=4)
        step = steps[entry.instrument_id]
        for bar in history:
            o, h, lo, c = (Decimal(bar[k]) for k in ("open", "high", "low", "close"))
            assert lo <= min(o, c) <= max(o, c) <= h and lo > 0
            assert all(v % step == 0 for v in (o, h, lo, c))
            assert int(bar["volume"]) > 0
        last_close = Decimal(history[-1]["close"])
        assert abs(last_close / entry.level - 1) < Decimal("0.05"), entry.instrument_id
        price = state.conn.execute(
            "SELECT * FROM prices WHERE instrument_id = ?", (entry.instrument_id,)
        ).fetchone()
        assert price["last"] == price["prev_close"] == history[-1]["close"]
        assert price["day"] == today.isoformat()


def test_seeding_many_synthetic_instruments() -> None:
    state = make_state(synthetic_instruments=250, history_size=0)
    assert 15 <= len(bars(state, "KASE:SYN0250")) <= 25
    assert sim(state).quote("KASE:SYN0250") is not None


def test_the_same_seed_gives_the_same_world() -> None:
    first, second = make_state(always_open=True), make_state(always_open=True)
    assert bars(first, "KASE:KSPI") == bars(second, "KASE:KSPI")
    a = [(q["instrument_id"], q["last"], q["bid"], q["ask"]) for q in sim(first).step(500)]
    b = [(q["instrument_id"], q["last"], q["bid"], q["ask"]) for q in sim(second).step(500)]
    assert a == b
    other = make_state(seed=7)
    assert bars(other, "KASE:KSPI") != bars(first, "KASE:KSPI")


# --- the walk ----------------------------------------------------------------------------


def test_updates_are_consistent_quotes_on_the_step_grid() -> None:
    state = make_state(always_open=True)
    steps = steps_of(state)
    updates = sim(state).step(5000)
    assert len(updates) == 5000
    for item in updates:
        quote = Quote.model_validate(item)
        step = steps[quote.instrument_id]
        assert quote.bid is not None and quote.ask is not None
        assert 0 < quote.bid < quote.ask
        for price in (quote.last, quote.bid, quote.ask, quote.open, quote.high, quote.low):
            assert price is not None and price % step == 0
        assert quote.low <= quote.last <= quote.high  # type: ignore[operator]
        assert quote.change == quote.last - quote.prev_close
        exact = quote.change * 100 / quote.prev_close
        assert abs(quote.change_pct - exact) <= Decimal("0.005")
        assert quote.bid_size > 0 and quote.ask_size > 0  # type: ignore[operator]
    # The dict sent is what quote() reports right after.
    last = {q["instrument_id"]: q for q in updates}
    for instrument_id, item in list(last.items())[:20]:
        snapshot = sim(state).quote(instrument_id)
        assert snapshot is not None
        assert Quote.model_validate(item).last == snapshot.last
        assert str(snapshot.last) == item["last"]


def test_prices_stay_near_their_level() -> None:
    state = make_state(always_open=True)
    market = sim(state)
    market.step(60_000)
    for entry in CATALOG:
        quote = market.quote(entry.instrument_id)
        assert quote is not None
        assert abs(quote.last / entry.level - 1) < Decimal("0.25"), entry.instrument_id


def test_closed_markets_do_not_move() -> None:
    state = make_state()
    market = sim(state)
    state.override.modes = {m: "closed" for m in Market}
    before = market.quote("KASE:HSBK")
    assert market.step(200) == []
    assert market.quote("KASE:HSBK") == before
    state.override.modes[Market.INTL] = "open"
    moved = market.step(300)
    assert moved and all(q["instrument_id"].startswith("INTL:") for q in moved)


def test_watched_instruments_get_most_updates() -> None:
    state = make_state(always_open=True)
    sub = Subscriber(user_ids=frozenset(), channels={"quotes"}, quote_ids={"KASE:HSBK"})
    state.hub.add(sub)
    updates = sim(state).step(2000)
    share = sum(q["instrument_id"] == "KASE:HSBK" for q in updates) / len(updates)
    assert share > 0.7
    assert len({q["instrument_id"] for q in updates}) > 20


def test_tick_listeners_see_every_update_and_a_failing_one_is_contained() -> None:
    state = make_state(always_open=True)
    seen: list[QuoteSnapshot] = []

    def broken(_: QuoteSnapshot) -> None:
        raise RuntimeError("listener bug")

    sim(state).add_tick_listener(broken)
    sim(state).add_tick_listener(seen.append)
    updates = sim(state).step(50)
    assert len(seen) == 50
    assert [s.instrument_id for s in seen] == [q["instrument_id"] for q in updates]
    assert all(
        str(s.last) == q["last"] and s.bid < s.ask for s, q in zip(seen, updates, strict=True)
    )


def test_usdkzt_walks_slowly_around_its_level() -> None:
    state = make_state(always_open=True)
    market = sim(state)
    rates = []
    for _ in range(200):
        market.step(1)
        rates.append(market.usdkzt())
    assert len(set(rates)) > 10
    assert all(abs(r / USDKZT_LEVEL - 1) < Decimal("0.05") for r in rates)
    assert all(r == r.quantize(Decimal("0.01")) for r in rates)


# --- days, persistence, reset ------------------------------------------------------------


def test_day_roll_writes_the_finished_days_bar() -> None:
    state = make_state(always_open=True)
    market = sim(state)
    state.override.modes = {Market.KASE: "open", Market.AIX: "closed", Market.INTL: "closed"}
    market.step(500)
    before = market.quote("KASE:HSBK")
    assert before is not None and before.open is not None
    day = market_date(Market.KASE, state.clock.now())
    state.clock.advance(86400)
    rolled = market.quote("KASE:HSBK")
    assert rolled is not None
    assert rolled.prev_close == before.last
    assert rolled.open is None and rolled.volume == 0
    bar = bars(state, "KASE:HSBK")[-1]
    assert bar["day"] == day.isoformat()
    assert (
        Decimal(bar["open"]),
        Decimal(bar["high"]),
        Decimal(bar["low"]),
        Decimal(bar["close"]),
        Decimal(bar["volume"]),
    ) == (before.open, before.high, before.low, before.last, before.volume)
    after = market.step(50)
    assert any(q["instrument_id"].startswith("KASE:") for q in after)


def test_days_slept_through_are_filled_without_overwriting() -> None:
    state = make_state()
    market = sim(state)
    original = bars(state, "INTL:AAPL")
    state.clock.advance(14 * 86400)
    market.quote("INTL:AAPL")
    filled = bars(state, "INTL:AAPL")
    assert filled[: len(original)] == original
    new_days = [date.fromisoformat(b["day"]) for b in filled[len(original) :]]
    assert 9 <= len(new_days) <= 11
    assert all(d.weekday() < 5 for d in new_days)
    quote = market.quote("INTL:AAPL")
    assert quote is not None and str(quote.prev_close) == filled[-1]["close"]
    # Back in time and forward again: history that exists is kept.
    state.clock.advance(-14 * 86400)
    market.quote("INTL:AAPL")
    state.clock.advance(14 * 86400)
    market.quote("INTL:AAPL")
    assert bars(state, "INTL:AAPL")[: len(filled)] == filled


def test_a_restart_resumes_the_prices(tmp_path: Path) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    first = make_state(db_path=db_path, always_open=True)
    sim(first).step(3000)
    sim(first).save()
    wanted = {i: sim(first).quote(i) for i in ("KASE:HSBK", "INTL:AAPL", "KASE:KFUSb11")}
    rate = sim(first).usdkzt()
    first.conn.close()
    second = make_state(db_path=db_path, always_open=True)
    for instrument_id, quote in wanted.items():
        again = sim(second).quote(instrument_id)
        assert quote is not None and again is not None
        assert (again.last, again.prev_close, again.open, again.high, again.low, again.volume) == (
            quote.last,
            quote.prev_close,
            quote.open,
            quote.high,
            quote.low,
            quote.volume,
        )
    assert sim(second).usdkzt() == rate


def test_instruments_added_on_a_later_start_get_history(tmp_path: Path) -> None:
    db_path = str(tmp_path / "mock.sqlite3")
    make_state(db_path=db_path).conn.close()
    later = make_state(db_path=db_path, synthetic_instruments=5, always_open=True)
    assert 15 <= len(bars(later, "KASE:SYN0005")) <= 25
    updates = sim(later).step(2000)
    assert any(q["instrument_id"] == "KASE:SYN0005" for q in updates)


def test_reset_reloads_the_seeded_prices() -> None:
    state = make_state(always_open=True)
    seeded = sim(state).quote("KASE:HSBK")
    sim(state).step(3000)
    assert sim(state).quote("KASE:HSBK") != seeded
    reset_database(state)
    again = sim(state).quote("KASE:HSBK")
    assert again is not None and seeded is not None
    assert (again.last, again.open, again.volume) == (seeded.last, None, 0)


# --- the loop ----------------------------------------------------------------------------


def test_the_loop_ticks_publishes_and_survives_failing_jobs() -> None:
    state = make_state(always_open=True, tick_rate=400)
    calls: list[str] = []

    def failing_job() -> None:
        calls.append("bad")
        raise RuntimeError("job bug")

    state.housekeeping.extend([failing_job, lambda: calls.append("good")])

    async def scenario() -> list[str | None]:
        sub = Subscriber(
            user_ids=frozenset(), channels={"quotes"}, quote_ids={"KASE:HSBK", "INTL:AAPL"}
        )
        state.hub.add(sub)
        await run_loop_for(state, 0.7)
        frames: list[str | None] = []
        while not sub.queue.empty():
            frames.append(sub.queue.get_nowait())
        return frames

    frames = asyncio.run(scenario())
    # Housekeeping every 200 ms of 700: three runs, the failing job never stopping the good one.
    assert calls.count("good") == 3 and calls.count("bad") == 3
    assert len(frames) >= 8
    assert all(f and json.loads(f)["channel"] == "quotes" for f in frames)
    # 400 updates/s for 0.7 s of the loop's own time, batch by batch; the watched ids get a
    # share of them, never more than all.
    updates = sum(f.count('"instrument_id"') for f in frames if f)
    assert 200 <= updates <= 280


def test_a_slow_tick_rate_carries_the_fraction() -> None:
    # 20 updates/s in 50 ms batches is 1 update per batch: only the carried fraction adds up.
    state = make_state(always_open=True, tick_rate=20)
    sub = Subscriber(
        user_ids=frozenset(), channels={"quotes"}, quote_ids={i.instrument_id for i in CATALOG}
    )
    state.hub.add(sub)

    asyncio.run(run_loop_for(state, 0.5))
    updates = 0
    while not sub.queue.empty():
        frame = sub.queue.get_nowait()
        updates += frame.count('"instrument_id"') if frame else 0
    assert updates == 10  # 20 a second for 0.5 s of the loop's time
