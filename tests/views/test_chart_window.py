"""The instrument chart against the real mock: candles load, the last bar moves live, the
crosshair reads out the hovered bar, intervals switch, Buy opens the order form."""

from __future__ import annotations

import itertools
import sys
import types
from collections.abc import Callable
from typing import Any

import pytest
from gui_support import FAST_STREAM, Backend, MemoryKeyring, wait_until
from PySide6.QtCore import QPointF
from testkit import BROKER, DEMO

from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.formatting import format_decimal
from cesec_desktop.state.session import Session
from cesec_desktop.views.chart_window import ChartWindow

INSTRUMENT = "KASE:HSBK"


@pytest.fixture
def live_backend(backend_factory: Callable[..., Backend]) -> Backend:
    return backend_factory(simulate=True, always_open=True, tick_rate=400.0)


async def sign_in(url: str, credentials: tuple[str, str] = DEMO) -> Session:
    session = Session(
        url, CredentialStore(url, backend=MemoryKeyring()), stream_options=FAST_STREAM
    )
    await session.login(*credentials)
    return session


async def open_chart(session: Session, interval: str = "1m") -> ChartWindow:
    window = ChartWindow(session, INSTRUMENT, interval)
    window.resize(900, 560)
    window.show()
    await wait_until(
        lambda: len(window.data.bars) > 0,
        what=f"candles ({window.message.text()!r}, {window.data.error!r})",
    )
    return window


def snapshot(window: ChartWindow) -> tuple[Any, ...]:
    bar = window.data.bars[-1]
    return (len(window.data.bars), bar.start, bar.close, bar.high, bar.low, bar.volume)


def test_a_chart_loads_candles_and_receives_a_live_bar(
    run: Callable[..., Any], live_backend: Backend
) -> None:
    async def scenario() -> None:
        session = await sign_in(live_backend.url)
        window = await open_chart(session)
        assert window.data.instrument is not None
        assert window.title.text() == "HSBK"
        await wait_until(lambda: window.stack.currentWidget() is window.plots, what="the plot")
        window.redraw()
        assert len(window.candles.opens) == len(window.data.bars)
        before, redraws = snapshot(window), getattr(window, "redraws", 0)
        await wait_until(
            lambda: window.data.live_updates > 0 and snapshot(window) != before,
            timeout=20,
            what="a live move of the last bar",
        )
        # The picture is redrawn on the chart's timer, not per tick.
        await wait_until(lambda: window.redraws > redraws, what="a redraw")
        assert window.redraws <= redraws + window.data.live_updates
        window.redraw()
        assert window.candles.closes[-1] == float(window.data.bars[-1].close)
        window.close()
        await session.close()

    run(scenario(), timeout=40)


def test_the_crosshair_reads_out_the_hovered_bar(
    run: Callable[..., Any], live_backend: Backend
) -> None:
    async def scenario() -> None:
        session = await sign_in(live_backend.url)
        window = await open_chart(session, "5m")
        bars = window.data.bars
        assert len(bars) >= 3
        index = len(bars) - 3
        bar = bars[index]
        box = window.price_plot.getViewBox()
        window.price_plot.setXRange(index - 10, index + 2, padding=0)
        scene_pos = box.mapViewToScene(QPointF(index + 0.2, float(bar.close)))
        # As a mouse move over the plot's scene would.
        window.plots.scene().sigMouseMoved.emit(scene_pos)
        assert window.hovered == index
        text = window.readout.text()
        for value in (bar.open, bar.high, bar.low, bar.close):
            assert format_decimal(value) in text
        assert window.cross_x.isVisible() and window.cross_x.value() == index
        window.close()
        await session.close()

    run(scenario(), timeout=40)


def test_intervals_reload_the_bars(run: Callable[..., Any], live_backend: Backend) -> None:
    async def scenario() -> None:
        session = await sign_in(live_backend.url)
        window = await open_chart(session, "5m")
        window.interval_buttons["1d"].click()
        await wait_until(
            lambda: window.data.interval == "1d" and not window.data.loading and window.data.bars,
            what="daily bars",
        )
        days = window.data.bars
        assert all(b.start - a.start >= 86400 - 3600 for a, b in itertools.pairwise(days))
        window.close()
        await session.close()

    run(scenario(), timeout=40)


def test_buy_and_sell_open_the_order_form_and_brokers_have_none(
    run: Callable[..., Any], live_backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    try:
        import cesec_desktop.views.order_form as module
    except ImportError:
        module = types.ModuleType("cesec_desktop.views.order_form")
        monkeypatch.setitem(sys.modules, "cesec_desktop.views.order_form", module)
    monkeypatch.setattr(
        module, "open_order_form", lambda parent, session, **kw: calls.append(kw), raising=False
    )

    async def scenario() -> None:
        session = await sign_in(live_backend.url)
        window = await open_chart(session)
        window.buy_button.click()
        window.sell_button.click()
        assert [c["side"] for c in calls] == ["buy", "sell"]
        assert all(c["instrument_id"] == INSTRUMENT for c in calls)
        window.close()
        await session.close()

        broker = await sign_in(live_backend.url, BROKER)
        watched = ChartWindow(broker, INSTRUMENT, "1m")
        watched.show()
        assert not watched.buy_button.isVisible() and not watched.sell_button.isVisible()
        assert watched.trade("buy") is None
        assert len(calls) == 2
        watched.close()
        await broker.close()

    run(scenario(), timeout=40)


async def close_by_keys(session: Session, qtbot: Any, key: Any, modifiers: Any) -> None:
    window = await open_chart(session)
    closed: list[bool] = []
    window.destroyed.connect(lambda *_: closed.append(True))
    window.activateWindow()
    await wait_until(window.isActiveWindow, what="the chart window active")
    qtbot.keyClick(window, key, modifiers)
    # The window deletes itself on close: gone means closed.
    await wait_until(lambda: closed, what=f"the chart closed by {key}")


def test_esc_and_ctrl_w_close_the_chart(
    run: Callable[..., Any], live_backend: Backend, qtbot: Any
) -> None:
    from PySide6.QtCore import Qt

    async def scenario() -> None:
        session = await sign_in(live_backend.url)
        await close_by_keys(session, qtbot, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        await close_by_keys(session, qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        await session.close()

    run(scenario(), timeout=40)


def test_the_time_axis_names_the_date_where_a_day_begins(
    run: Callable[..., Any], live_backend: Backend
) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from cesec_desktop.state.formatting import format_day

    almaty = ZoneInfo("Asia/Almaty")

    def almaty_day(start: int) -> Any:
        return datetime.fromtimestamp(start, UTC).astimezone(almaty).date()

    async def scenario() -> None:
        session = await sign_in(live_backend.url)
        window = await open_chart(session, "5m")
        bars = window.data.bars
        # The first bar of a day (Almaty's calendar, whatever this computer's zone).
        days = [almaty_day(bar.start) for bar in bars]
        first = next(i for i in range(1, len(bars)) if days[i] != days[i - 1])
        assert first + 2 < len(bars)
        axis = window.time_axis
        axis._leading = None  # no leading tick in this call: only day changes name a date
        labels = axis.tickStrings([first - 1, first, first + 1], 1, 1)
        before = datetime.fromtimestamp(bars[first - 1].start, UTC).astimezone(almaty)
        after = datetime.fromtimestamp(bars[first + 1].start, UTC).astimezone(almaty)
        assert labels == [
            before.strftime("%H:%M"),
            format_day(almaty_day(bars[first].start)),
            after.strftime("%H:%M"),
        ]
        # Ten bars apart on a level: a date only where the day differs from the tick before.
        wide = axis.tickStrings([first + 1, first + 2], 1, 10)
        assert wide[0] == format_day(almaty_day(bars[first + 1].start))
        # The readout names the date and time of the bar, in the same zone.
        window._show_readout(first)
        moment = datetime.fromtimestamp(bars[first].start, UTC).astimezone(almaty)
        assert window.readout.text().startswith(
            f"{format_day(moment.date())} {moment.strftime('%H:%M')}"
        )
        window.close()
        await session.close()

    run(scenario(), timeout=40)


def _stray_plot_menus() -> list[Any]:
    from PySide6.QtWidgets import QApplication, QMenu

    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMenu) and w.parent() is None and w.title() == "Plot Options"
    ]


def test_charts_take_their_plot_menus_with_them(
    run: Callable[..., Any], live_backend: Backend
) -> None:
    """pyqtgraph leaves each plot's options menu (and six submenus) without a parent: every
    chart window and portfolio page left seven hidden top-level windows behind, all restyled
    on each theme change (the full suite ran three times slower for it)."""
    import asyncio
    import gc

    from cesec_desktop.views.pages.portfolio import PortfolioPage

    async def scenario() -> None:
        before = len(_stray_plot_menus())
        session = await sign_in(live_backend.url)
        window = await open_chart(session)
        page = PortfolioPage(session=session)
        page.show()
        await wait_until(lambda: page._history_plot is not None, what="the history chart")
        assert len(_stray_plot_menus()) == before, "the menus have parents while shown"
        window.close()
        window.deleteLater()
        await page.close_page()
        page.deleteLater()
        await asyncio.sleep(0.1)
        gc.collect()
        assert len(_stray_plot_menus()) == before
        await session.close()

    run(scenario())
