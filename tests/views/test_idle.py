"""Idle is idle: the flash clock runs only while a flash fades, a table that is not on screen
does no work per tick and catches up when shown, and a minimised window repaints nothing."""

from __future__ import annotations

from typing import Any

import pytest
from gui_support import wait_until
from PySide6.QtCore import QEvent, QLocale, QObject

from cesec_desktop.state.quote_table_model import (
    FLASH_SECONDS,
    FLASHING,
    Column,
    FlashClock,
    FlashRole,
    QuoteTableModel,
)
from cesec_desktop.state.quotes import QuoteStore

IDS = ["KASE:HSBK", "KASE:KSPI", "KASE:KZAP"]
LIVE = {"simulate": True, "always_open": True, "tick_rate": 400}


def quote(instrument_id: str, last: str) -> dict[str, Any]:
    return {
        "instrument_id": instrument_id,
        "last": last,
        "change": "0.00",
        "change_pct": "0.00",
        "bid": last,
        "ask": last,
        "volume": "100",
        "time": "2026-11-20T10:15:30Z",
    }


class FakeTime:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(qapp: Any) -> QuoteStore:
    store = QuoteStore(None)
    store.stop()  # the tests flush by hand
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return store


@pytest.fixture
def moment() -> FakeTime:
    return FakeTime()


@pytest.fixture
def clock(moment: FakeTime) -> FlashClock:
    return FlashClock(now=moment)


def make_model(store: QuoteStore, clock: FlashClock) -> QuoteTableModel:
    model = QuoteTableModel(store, "KASE", flashes=clock)
    model.set_ids(IDS)
    store.ingest([quote(i, "100.00") for i in IDS])
    store.flush()
    return model


def cells_changed(model: QuoteTableModel) -> list[tuple[int, int, int, int]]:
    """Every dataChanged from now on, as (top, left, bottom, right)."""
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles=(): seen.append((a.row(), a.column(), b.row(), b.column()))
    )
    return seen


# --- the flash clock ---------------------------------------------------------------------


def test_the_flash_clock_runs_only_while_a_flash_fades(
    store: QuoteStore, clock: FlashClock, moment: FakeTime
) -> None:
    model = make_model(store, clock)
    assert not clock.running  # first quotes: nothing moved, nothing flashes

    store.ingest([quote("KASE:KSPI", "101.00")])
    store.flush()
    assert clock.running and clock.members == [model]
    assert model.index(1, Column.LAST).data(FlashRole)[0] == 1

    # Each step repaints just the flashing cells: one column each, never whole rows.
    seen = cells_changed(model)
    moment.now += FLASH_SECONDS / 2
    clock.step()
    assert seen and all(left == right and left in FLASHING for _, left, _, right in seen)
    assert all(top == bottom == 1 for top, _, bottom, _ in seen)
    assert clock.running

    # Faded: repainted once more without the tint, and the timer stops.
    seen.clear()
    moment.now += FLASH_SECONDS
    clock.step()
    assert model.index(1, Column.LAST).data(FlashRole) is None
    assert {left for _, left, _, _ in seen} == {Column.LAST, Column.BID, Column.ASK}
    assert not clock.running and clock.members == []

    # A flush with no price move starts nothing.
    store.ingest([quote("KASE:KSPI", "101.00")])
    store.flush()
    assert not clock.running


def test_one_clock_fades_every_table(
    store: QuoteStore, clock: FlashClock, moment: FakeTime
) -> None:
    first, second = make_model(store, clock), make_model(store, clock)
    store.ingest([quote("KASE:HSBK", "99.00")])
    store.flush()
    assert clock.running and set(clock.members) == {first, second}
    moment.now += FLASH_SECONDS
    clock.step()
    assert not clock.running


def test_a_quote_repaints_its_price_cells_not_the_ticker_and_name(
    store: QuoteStore, clock: FlashClock
) -> None:
    model = make_model(store, clock)
    seen = cells_changed(model)
    store.ingest([quote("KASE:HSBK", "102.00"), quote("KASE:KSPI", "98.00")])
    store.flush()
    assert seen == [(0, Column.LAST, 1, Column.TIME)]


# --- a table that is not on screen -------------------------------------------------------


def test_a_hidden_table_does_no_work_per_tick_and_catches_up_when_shown(
    store: QuoteStore, clock: FlashClock
) -> None:
    model = make_model(store, clock)
    store.ingest([quote("KASE:HSBK", "101.00")])
    store.flush()
    assert clock.running

    model.set_active(False)
    assert not clock.running  # its flashes stop with it
    seen = cells_changed(model)
    for n in range(20):
        store.ingest([quote("KASE:HSBK", f"{110 + n}.00"), quote("KASE:KZAP", f"{90 - n}.00")])
        store.flush()
    store.set_connection("reconnecting")
    store.set_connection("online")
    assert seen == []
    assert not clock.running
    # Asked directly, the model answers with the newest quote all the same.
    assert str(model.quote(0).last) == "129.00"

    model.set_active(True)
    # At once, in one go: every row, the newest values, no flashes for moves made unseen.
    assert seen == [(0, 0, len(IDS) - 1, len(Column) - 1)]
    assert model.index(0, Column.LAST).data() == "129.00"
    assert model.index(2, Column.LAST).data() == "71.00"
    assert model.index(0, Column.LAST).data(FlashRole) is None
    assert not clock.running


# --- the real Home -----------------------------------------------------------------------


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


async def home_with_live_quotes(gui_factory: Any, backend: Any) -> tuple[Any, Any]:
    gui = gui_factory(backend.url)
    await gui.sign_in()
    home = gui.main.home
    await wait_until(lambda: home.watchlists.is_loaded, what="the watchlists")
    await wait_until(
        lambda: all(m.rowCount() and m.quote(0) is not None for m in home.models.values()),
        what="live quotes in every table",
    )
    return gui, home


def emissions(home: Any) -> list[str]:
    seen: list[str] = []
    for market, model in home.models.items():
        model.dataChanged.connect(lambda *_args, m=market: seen.append(m))
    return seen


async def quotes_flow(home: Any, count: int = 50) -> None:
    """Wait until the store has taken `count` more quotes (several ticks of them)."""
    start = home.quotes.received
    await wait_until(lambda: home.quotes.received >= start + count, what="more quotes")


def test_a_hidden_page_rests_and_shows_the_newest_quotes_when_shown_again(
    run: Any, gui_factory: Any, backend_factory: Any
) -> None:
    backend = backend_factory(**LIVE)

    async def scenario() -> None:
        gui, home = await home_with_live_quotes(gui_factory, backend)
        seen = emissions(home)
        await wait_until(lambda: seen, what="Home's tables to update")
        assert home.on_screen

        gui.main.show_page("orders")
        assert not home.on_screen
        assert all(not m.active for m in home.models.values())
        # Its timers are stopped: no flash fades for it, no summary redraws pending.
        fading = set(home.models["KASE"].flashes.members)
        assert not fading & set(home.models.values())
        assert not home._summary_timer.isActive()
        seen.clear()
        await quotes_flow(home)
        assert seen == []

        gui.main.show_page("home")
        assert home.on_screen
        # Caught up at once, before any new tick: each row shows the store's newest quote.
        for model in home.models.values():
            for row in range(model.rowCount()):
                newest = home.quotes.quote(model.instrument_id(row))
                assert model.quote(row) is newest
        assert seen  # one catch-up per table
        seen.clear()
        await wait_until(lambda: seen, what="live updates again")

    run(scenario(), timeout=60)


def test_a_minimised_window_does_no_repaint_work(
    run: Any, gui_factory: Any, backend_factory: Any
) -> None:
    backend = backend_factory(**LIVE)

    async def scenario() -> None:
        gui, home = await home_with_live_quotes(gui_factory, backend)
        main = gui.main
        paints = PaintCounter()
        for panel in home.panels.values():
            panel.table.viewport().installEventFilter(paints)
        seen = emissions(home)
        await wait_until(lambda: paints.paints > 0, what="the tables to repaint while shown")

        main.showMinimized()
        await wait_until(lambda: not home.on_screen, what="Home to notice the minimised window")
        assert not main.updatesEnabled()
        paints.paints = 0
        seen.clear()
        await quotes_flow(home)
        assert paints.paints == 0
        assert seen == []

        main.showNormal()
        await wait_until(lambda: home.on_screen, what="Home to be shown again")
        assert main.updatesEnabled()
        await wait_until(lambda: paints.paints > 0, what="the tables to repaint again")

    run(scenario(), timeout=60)
