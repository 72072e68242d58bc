"""The broker's book against the real mock (`--broker-clients 50`) on a loopback port: the
API client's book calls, and the book store revalued from the stream, in the qasync loop."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

# The qasync loop and its async wait, as the state and view tests have them.
from gui_support import FAST_STREAM, MemoryKeyring, _guis, qt_loop, run, wait_until  # noqa: F401
from testkit import BROKER, DEMO, LiveServer

from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import Forbidden
from cesec_desktop.api.stream_frames import QuoteWire
from cesec_desktop.state.book import BookStore
from cesec_desktop.state.connection import Connection
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.session import Session

Factory = Callable[..., LiveServer]
CLIENTS = 50


async def broker_session(url: str) -> Session:
    session = Session(
        url, CredentialStore(url, backend=MemoryKeyring()), stream_options=FAST_STREAM
    )
    await session.login(*BROKER)
    await wait_until(lambda: session.connection is Connection.ONLINE, what="the stream")
    return session


async def loaded_book(session: Session) -> BookStore:
    store = BookStore(session)
    loaded: list[bool] = []
    store.loaded.connect(lambda: loaded.append(True))
    store.loadFailed.connect(lambda error: pytest.fail(f"the book did not load: {error}"))
    store.start()
    await wait_until(lambda: loaded, timeout=20, what="the book")
    await wait_until(lambda: store.positions_loaded, timeout=20, what="the book's positions")
    # The subscribe's snapshot values every client from the stream.
    await wait_until(
        lambda: all(r.live or not r.holdings for r in store.model.rows()),
        timeout=20,
        what="every row valued from quotes",
    )
    return store


def test_the_api_client_reads_the_book_in_pages_and_refuses_a_client(
    live_server_factory: Factory,
) -> None:
    live = live_server_factory(broker_clients=CLIENTS)

    async def scenario() -> None:
        broker = CabinetClient(live.url)
        await broker.login(*BROKER)
        first = await broker.clients_summary(limit=20)
        assert len(first.items) == 20 and first.next_cursor
        assert first.fx_rates["USDKZT"] > 0
        summaries, _rates = await broker.all_clients_summary(limit=20)
        assert len(summaries) == CLIENTS == len({s.client_id for s in summaries})
        positions, rates = await broker.all_clients_positions(limit=500)
        assert positions and rates["USDKZT"] > 0
        assert {p.client_id for p in positions} <= {s.client_id for s in summaries}
        await broker.aclose()
        client = CabinetClient(live.url)
        await client.login(*DEMO)
        with pytest.raises(Forbidden):
            await client.clients_summary()
        with pytest.raises(Forbidden):
            await client.all_clients_positions()
        await client.aclose()

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_the_books_totals_equal_every_clients_portfolio(
    run: Any,  # noqa: F811
    live_server_factory: Factory,
) -> None:
    live = live_server_factory(broker_clients=CLIENTS)

    async def scenario() -> None:
        session = await broker_session(live.url)
        store = await loaded_book(session)
        rows = store.model.rows()
        assert len(rows) == CLIENTS
        portfolios = await asyncio.gather(
            *(session.call(lambda c, i=r.client_id: c.portfolio(client_id=i)) for r in rows)
        )
        totals = store.model.totals()
        assert totals.clients == CLIENTS
        for row, portfolio in zip(rows, portfolios, strict=True):
            # Row by row first: a tiyn off names its client (a bond at half a tiyn rounds
            # up, as the statements do).
            assert row.value_kzt == portfolio.totals.total_value, row.client_id
        assert totals.value_kzt == sum((p.totals.total_value for p in portfolios), Decimal(0))
        assert totals.day_change_kzt == sum((p.totals.day_change for p in portfolios), Decimal(0))
        store.stop()
        await session.close()

    run(scenario(), timeout=90)


def test_a_fill_changes_that_clients_row_and_a_price_only_its_holders(
    run: Any,  # noqa: F811
    live_server_factory: Factory,
) -> None:
    live = live_server_factory(broker_clients=CLIENTS)

    async def scenario() -> None:
        session = await broker_session(live.url)
        store = await loaded_book(session)
        model = store.model
        changed: list[int] = []
        reloads: list[int] = []
        store.loaded.connect(lambda: reloads.append(1))
        session.resynced.connect(lambda: reloads.append(2))
        # Figures changed (a flush names no roles); a new language's words name theirs.
        model.dataChanged.connect(
            lambda top, bottom, roles=(): (
                None if roles else changed.extend(range(top.row(), bottom.row() + 1))
            )
        )
        # A forced fill of one client's resting order.
        row = next(r for r in model.rows() if r.open_orders > 0)
        orders = await session.call(
            lambda c: c.orders(client_id=row.client_id, status=["active", "new"], limit=50)
        )
        order = orders.items[0]
        before_value, before_totals = row.value_kzt, model.totals()
        before_cash = row.cash_kzt + row.cash_usd
        async with httpx.AsyncClient(base_url=live.url) as http:
            answer = await http.post(f"/mock/orders/{order.id}/fill")
            assert answer.status_code == 200, answer.text
        await wait_until(
            lambda: row.cash_kzt + row.cash_usd != before_cash, what="the client's summary"
        )
        await wait_until(lambda: store.settled and not store._timer.isActive())
        assert not reloads, f"the stream reconnected meanwhile ({reloads})"
        assert set(changed) == {model.row_of(row.client_id)}
        assert model.totals() != before_totals
        assert model.totals().value_kzt - before_totals.value_kzt == row.value_kzt - before_value
        # A price move of an instrument held by exactly three clients.
        holders: dict[str, set[str]] = {}
        for r in model.rows():
            for h in r.holdings:
                holders.setdefault(h.instrument_id, set()).add(r.client_id)
        counts = Counter({key: len(who) for key, who in holders.items()})
        # The seed's thinly held bond: exactly three clients hold it.
        instrument = next(key for key, count in counts.items() if count == 3)
        await wait_until(lambda: instrument in store._quotes, what="its quote")
        await asyncio.sleep(0.3)  # whatever the fill set moving has reached the rows
        changed.clear()
        last, change = store._quotes[instrument]
        moved = last + Decimal("1.00")
        session.quotesChanged.emit(
            {instrument: QuoteWire(instrument, str(moved), change=str(change + 1))}
        )
        # Revalued at once; the views hear of it in the loop's next turn.
        await wait_until(lambda: store.settled, what="the tick's rows and flush")
        assert {model.client_id(n) for n in changed} == holders[instrument]
        assert len(changed) == 3
        store.stop()
        await session.close()

    run(scenario(), timeout=90)


def test_the_summary_asked_for_at_sign_in_is_the_first_loads_and_a_stale_one_is_not(
    run: Any,  # noqa: F811
    live_server_factory: Factory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cesec_desktop.state import session as session_module

    live = live_server_factory(broker_clients=CLIENTS)

    async def scenario() -> None:
        session = await broker_session(live.url)
        assert session_module.BOOK_SUMMARY in session._prefetched
        asked: list[int] = []
        summary = session.client.all_clients_summary

        async def counted(*args: Any, **kwargs: Any) -> Any:
            asked.append(1)
            return await summary(*args, **kwargs)

        session.client.all_clients_summary = counted  # type: ignore[method-assign]
        store = await loaded_book(session)
        assert asked == [], "the first load took the answer asked for at sign-in"
        assert store.model.totals().clients == CLIENTS
        assert session_module.BOOK_SUMMARY not in session._prefetched
        store.reload()  # a reload asks the server again
        await wait_until(lambda: asked == [1] and store.positions_loaded, what="the reload")
        store.stop()
        # A prefetched answer older than its freshness is not used: the store asks itself.
        monkeypatch.setattr(session_module, "PREFETCH_FRESH_S", -1.0)
        await session._prefetch_book()
        again = await loaded_book(session)
        assert asked == [1, 1, 1], "the reload, the prefetch, and the store's own call"
        again.stop()
        await session.close()

    run(scenario(), timeout=90)
