"""Logout cuts the streams opened on its token at once (issue 12, section 8)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable

import httpx
from testkit import DEMO, LiveServer
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

TIMEOUT = 5.0


async def _login(client: httpx.AsyncClient) -> str:
    response = await client.post("/api/v1/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def test_logout_closes_an_open_stream_with_4401_within_a_second(
    live_server_factory: Callable[..., LiveServer],
) -> None:
    # The simulator runs, so quotes keep coming: the stream would go on without the cut.
    live = live_server_factory(simulate=True, tick_rate=2000)

    async def scenario() -> tuple[int, str, float]:
        async with httpx.AsyncClient(base_url=live.url, timeout=TIMEOUT) as client:
            token, other = await _login(client), await _login(client)
            auth = {"Authorization": f"Bearer {token}"}
            async with (
                connect(live.ws_url, additional_headers=auth, open_timeout=TIMEOUT) as ws,
                connect(
                    live.ws_url,
                    additional_headers={"Authorization": f"Bearer {other}"},
                    open_timeout=TIMEOUT,
                ) as kept,
            ):
                ids = ["KASE:HSBK", "KASE:KCEL", "INTL:AAPL"]
                for stream in (ws, kept):
                    await stream.send(
                        json.dumps({"op": "subscribe", "channel": "quotes", "ids": ids})
                    )
                    first = json.loads(await asyncio.wait_for(stream.recv(), TIMEOUT))
                    assert first["channel"] == "quotes"
                logout = await client.post("/api/v1/auth/logout", headers=auth)
                assert logout.status_code == 204
                started = time.monotonic()
                try:
                    while True:
                        await asyncio.wait_for(ws.recv(), TIMEOUT)
                except ConnectionClosed as closed:
                    elapsed = time.monotonic() - started
                    assert closed.rcvd is not None
                    code, reason = closed.rcvd.code, closed.rcvd.reason
                # Another session's stream is not touched.
                assert json.loads(await asyncio.wait_for(kept.recv(), TIMEOUT))
                return code, reason, elapsed

    code, reason, elapsed = asyncio.run(scenario())
    assert (code, reason) == (4401, "session_expired")
    # Only the frames already on the wire may still arrive: no more quotes for seconds.
    assert elapsed < 1.0
