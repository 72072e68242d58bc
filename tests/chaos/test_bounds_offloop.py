"""A large answer is parsed and validated off the event loop's thread (issue 12 §4: "no single
UI-thread step over 100 ms"), with the same limits and typed errors as a small one.

The loop's thread is the UI's: a near-8 MB page of 5,000 orders, parsed there, held it for
about a second. The proof here is not a timing: while the big body is parsed, the parse
waits for a coroutine on the loop to run, which can only happen if the loop's thread is free.
(`benchmarks/hostile_pages.py` measures the stalls.)
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))

from gui_support import _guis, qt_loop, run  # noqa: F401
from test_bounds_api import ME, answer, hostile, order

from cesec_desktop.api import bounded
from cesec_desktop.api.bounded import OFF_LOOP_BYTES
from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import UnreadableAnswer
from cesec_desktop.domain.models.base import Page
from cesec_desktop.domain.models.orders import Order

LONG_TEXT = "Исполнено частично на бирже KASE, остаток в заявке. " * 2


def big_order(i: int) -> dict[str, Any]:
    """An order as a busy account's history holds it: events with longish texts."""
    event = {"time": "2026-12-01T10:00:00+05:00", "status": "active", "message": LONG_TEXT}
    return {**order(i), "reject_reason": LONG_TEXT, "history": [event, event, event]}


def big_page(rows: int = 5_000) -> bytes:
    return json.dumps(
        {"items": [big_order(i) for i in range(rows)], "next_cursor": None}, ensure_ascii=False
    ).encode()


class ParseWitness:
    """Wraps `bounded.validate_body`: records the thread of each call, and makes a large
    one wait until the loop has run a coroutine (set `loop_ran` from the loop)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.threads: list[int] = []
        self.sizes: list[int] = []
        self.loop_ran = threading.Event()
        self.waited: list[bool] = []
        original = bounded.validate_body

        def witness(model: Any, body: bytes, **kwargs: Any) -> Any:
            self.threads.append(threading.get_ident())
            self.sizes.append(len(body))
            if len(body) > OFF_LOOP_BYTES:
                # On the loop's own thread this would wait in vain (and fail the test).
                self.waited.append(self.loop_ran.wait(timeout=10))
            return original(model, body, **kwargs)

        monkeypatch.setattr(bounded, "validate_body", witness)


async def fetch(body: bytes, call: Callable[[CabinetClient], Any], witness: ParseWitness) -> Any:
    """`call` against a server answering `body`, while a coroutine on the loop frees the
    parse; what it returned or raised."""

    async def free_the_parse() -> None:
        while not witness.threads:  # the parse has begun
            await asyncio.sleep(0.005)
        witness.loop_ran.set()

    async with hostile(answer(200, body)) as url:
        client = CabinetClient(url, retry_delays=())
        helper = asyncio.ensure_future(free_the_parse())
        try:
            return await call(client)
        except Exception as exc:
            return exc
        finally:
            helper.cancel()
            await client.aclose()


def test_a_near_8_mb_page_is_parsed_off_the_loop_and_reads_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = big_page()
    assert 6 * 1024 * 1024 < len(body) < bounded.MAX_BODY_BYTES, len(body)
    witness = ParseWitness(monkeypatch)

    async def scenario() -> tuple[Any, int]:
        page = await fetch(body, lambda c: c.orders(limit=5_000), witness)
        return page, threading.get_ident()

    page, loop_thread = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert not isinstance(page, Exception), repr(page)
    assert len(page.items) == 5_000
    assert page.items[4_999].number == "O-4999"
    assert page.items[0].history[0].message == LONG_TEXT
    whole = Page[Order].model_validate_json(body, context={"max_rows": 5_000})
    assert page == whole, "row by row, the same page as read whole"
    assert witness.waited == [True], "the loop ran while the page was parsed"
    assert witness.threads and loop_thread not in witness.threads


def test_a_small_answer_is_parsed_on_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    witness = ParseWitness(monkeypatch)

    async def scenario() -> tuple[Any, int]:
        me = await fetch(json.dumps(ME).encode(), lambda c: c.me(), witness)
        return me, threading.get_ident()

    me, loop_thread = asyncio.run(asyncio.wait_for(scenario(), 20))
    assert me.full_name == "Demo User"
    assert witness.threads == [loop_thread], "no hop to a thread for a few hundred bytes"


def _bad_last_row() -> bytes:
    """A legitimate page but for its last row, whose price is a float (API.md: never)."""
    rows = [big_order(i) for i in range(1_000)]
    rows[-1]["price"] = 100.5
    return json.dumps({"items": rows, "next_cursor": None}, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("body", "call", "reason"),
    [
        # Over the row cap asked for: refused, before a single row is validated.
        (big_page(5_000), lambda c: c.orders(limit=100), "too_many_rows"),
        # One bad row among a thousand good ones.
        (_bad_last_row(), lambda c: c.orders(limit=1_000), "invalid_shape"),
        # A 3-million-character name: a string cap in the model.
        (
            json.dumps({**ME, "full_name": "Ж" * 3_000_000}, ensure_ascii=False).encode(),
            lambda c: c.me(),
            "invalid_shape",
        ),
        # A page whose row is nested far deeper than any parser's limit.
        (b'{"items":[' + b"[" * 600_000, lambda c: c.orders(limit=10), "too_deep"),
        # Not JSON at all: an HTML page of 1 MB, as a page and as a profile.
        (b"<html>" + b"x" * (1024 * 1024) + b"</html>", lambda c: c.orders(), "not_json"),
        (b"<html>" + b"x" * (1024 * 1024) + b"</html>", lambda c: c.me(), "invalid_shape"),
    ],
    ids=["too-many-rows", "bad-row", "long-name", "deep", "html-page", "html-profile"],
)
def test_a_large_hostile_answer_off_the_loop_is_still_a_typed_error(
    body: bytes, call: Callable[[CabinetClient], Any], reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(body) > OFF_LOOP_BYTES
    witness = ParseWitness(monkeypatch)

    async def scenario() -> tuple[Any, int]:
        return await fetch(body, call, witness), threading.get_ident()

    error, loop_thread = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert isinstance(error, UnreadableAnswer), repr(error)
    assert error.details["reason"] == reason
    assert error.status == 200
    assert witness.waited == [True] and loop_thread not in witness.threads


def test_under_the_apps_qt_loop_too(
    monkeypatch: pytest.MonkeyPatch,
    run: Callable[..., Any],  # noqa: F811
) -> None:
    """The app's loop is qasync's, whose thread pool is Qt's: the hop works there too."""
    body = big_page(2_000)
    witness = ParseWitness(monkeypatch)

    async def scenario() -> tuple[Any, int]:
        page = await fetch(body, lambda c: c.orders(limit=2_000), witness)
        return page, threading.get_ident()

    page, loop_thread = run(scenario(), timeout=60)
    assert not isinstance(page, Exception), repr(page)
    assert len(page.items) == 2_000
    assert witness.waited == [True] and loop_thread not in witness.threads
