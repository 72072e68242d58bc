"""A call still under way when its client closes (signing out, or the app closing) ends in a
typed error, never httpx's bare RuntimeError, which the app would show in an error box
(issue 12 §3; seen when a form's background reload outlived the session)."""

from __future__ import annotations

import asyncio

from test_bounds_api import answer, hostile, run

from cesec_desktop.api.client import CabinetClient
from cesec_desktop.api.errors import NetworkUnreachable


def test_a_call_whose_client_closes_between_two_tries_is_a_typed_error() -> None:
    paths: list[str] = []

    async def unavailable(path: str, writer: asyncio.StreamWriter) -> None:
        paths.append(path)
        await answer(503, b"{}")(path, writer)

    async def scenario() -> BaseException | None:
        async with hostile(unavailable) as url:
            client = CabinetClient(url, retry_delays=(0.5,))
            call = asyncio.ensure_future(client.markets())
            while not paths:  # the first try was answered; the second waits its turn
                await asyncio.sleep(0.01)
            await client.aclose()  # the session ends meanwhile
            try:
                await call
            except BaseException as exc:  # what it raises is the point
                return exc
            return None

    error = run(scenario)
    assert isinstance(error, NetworkUnreachable), repr(error)
    assert error.details == {"reason": "closed"}
    assert paths == ["/api/v1/markets"], "nothing sent on a closed client"
