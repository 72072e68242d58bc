"""From the confirm of a signed order until its row is in the Orders page's model.

A local mock backend runs as a subprocess (`--port 0 --db :memory: --always-open
--history-size 200`). In this process, an offscreen QApplication with qasync runs the real
Session and the real Orders page (period: today, first page loaded, stream online). For
each run an order ticket (state/order_ticket.py, what the order form drives) is filled in,
drafted and sent an SMS code beforehand (the code read from `/mock/sms-outbox`); the clock
then runs from the ticket's `confirm`, the call the form's confirm makes, until the order's
row is inserted into the page's model (whichever comes first: the confirm's answer or the
stream's event). One warm-up order is placed first.

    QT_QPA_PLATFORM=offscreen python benchmarks/order_roundtrip.py [--runs 40]

Goal: median under 150 ms. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import statistics
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from _common import demo_session, language_and_theme, mock_backend, run_qt, until

GOAL_MS = 150.0
INSTRUMENT = "KASE:HSBK"
ACCOUNT = "acc_demo_kzt"


@dataclass
class Prepared:
    """An order ready to confirm: its ticket (with the draft) and the SMS signature."""

    ticket: Any
    signature: Any


async def sms_code(url: str, challenge_id: str) -> str:
    import httpx

    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        for _ in range(50):
            items = (await http.get("/mock/sms-outbox")).json()["items"]
            for item in items:
                if item["challenge_id"] == challenge_id:
                    return str(item["code"])
            await asyncio.sleep(0.02)
    raise RuntimeError(f"no SMS code for {challenge_id}")


async def prepare(session: Any, url: str, price: Decimal) -> Prepared:
    from cesec_desktop.domain.enums import OrderType, Side
    from cesec_desktop.domain.models.signing import SmsSignature
    from cesec_desktop.state.order_ticket import OrderTicket
    from cesec_desktop.state.orders_query import almaty_today

    ticket = OrderTicket(session)
    await ticket.choose_instrument(INSTRUMENT)
    ticket.set_account(ACCOUNT)
    ticket.set_side(Side.BUY)
    ticket.set_type(OrderType.LIMIT)
    ticket.set_price(price)
    ticket.set_quantity(Decimal(1))
    # Not today: an order valid for today only expires at the close, mid-benchmark perhaps.
    ticket.set_valid_until(almaty_today() + timedelta(days=7))
    await ticket.make_draft()
    challenge = await ticket.send_sms()
    code = await sms_code(url, challenge.challenge_id)
    return Prepared(
        ticket, SmsSignature(method="sms", challenge_id=challenge.challenge_id, code=code)
    )


async def measure(url: str, runs: int) -> list[float]:
    from PySide6.QtCore import QModelIndex

    from cesec_desktop.state.connection import Connection
    from cesec_desktop.views.pages.orders import OrdersPage

    language_and_theme("en", "light")
    session = await demo_session(url)
    page = OrdersPage(session)
    page.resize(1100, 700)
    page.show()
    await until(lambda: page.model.loaded and not page.model.loading, what="the first page")
    await until(lambda: session.connection is Connection.ONLINE, what="the stream")

    # The moment each order's row arrives in the model (the stream may beat the answer).
    arrived: dict[str, float] = {}
    waiting: dict[str, asyncio.Future[float]] = {}

    def rows_inserted(_parent: QModelIndex, first: int, last: int) -> None:
        now = time.perf_counter()
        for row in range(first, last + 1):
            order_id = page.model.order_at(row).id
            arrived.setdefault(order_id, now)
            future = waiting.get(order_id)
            if future is not None and not future.done():
                future.set_result(now)

    page.model.rowsInserted.connect(rows_inserted)

    quote = (await session.call(lambda client: client.quotes([INSTRUMENT])))[0]
    price = (quote.bid * Decimal("0.9")).quantize(Decimal("0.01"))  # rests, does not fill
    prepared = [await prepare(session, url, price) for _ in range(runs + 1)]
    print(f"prepared {len(prepared)} drafts with SMS codes", flush=True)

    times: list[float] = []
    loop = asyncio.get_running_loop()
    for number, item in enumerate(prepared):
        started = time.perf_counter()
        order = await item.ticket.confirm(item.signature)
        if order.id in arrived:
            finished = arrived[order.id]
        else:
            waiting[order.id] = loop.create_future()
            finished = await asyncio.wait_for(waiting[order.id], 10)
        assert page.model.row_of(order.id) is not None
        elapsed = (finished - started) * 1000
        if number == 0:
            print(f"warm-up: {elapsed:.1f} ms", flush=True)
        else:
            times.append(elapsed)
            print(f"run {number}: {elapsed:.1f} ms (order {order.number})", flush=True)
        item.ticket.close()
        await asyncio.sleep(0.05)  # the ticket's after-confirm funds reload settles
    await asyncio.sleep(0.2)
    await session.close()
    page.close()
    return times


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with mock_backend(history_size=200, always_open=True) as url:
        times = run_qt(lambda: measure(url, args.runs))
    median = statistics.median(times)
    p99 = percentile(times, 0.99)
    print(f"median {median:.1f} ms, p99 {p99:.1f} ms over {len(times)} orders")
    print(
        json.dumps(
            {
                "benchmark": "order_roundtrip",
                "median_ms": round(median, 1),
                "p99_ms": round(p99, 1),
                "runs": len(times),
                "goal_ms": GOAL_MS,
                "ok": median < GOAL_MS,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
