"""What the signing tests share: a mock NCALayer in a thread, and the SMS outbox."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from gui_support import Backend

from cesec_desktop.mockserver.ncalayer import MockNCALayer


class NcaLayerThread:
    """A mock NCALayer served from a thread; `mode` may change while it runs."""

    def __init__(
        self, port: int = 0, mode: str = "approve", signer: Any = None, app: str = "ncalayer"
    ) -> None:
        self.server = MockNCALayer(port=port, mode=mode, signer=signer, app=app)  # type: ignore[arg-type]
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start(), self.loop).result(10)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def mode(self) -> str:
        return self.server.mode

    @mode.setter
    def mode(self, value: str) -> None:
        self.server.mode = value  # type: ignore[assignment]

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.server.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


@pytest.fixture
def ncalayer_factory() -> Iterator[Callable[..., NcaLayerThread]]:
    started: list[NcaLayerThread] = []

    def factory(
        port: int = 0, mode: str = "approve", signer: Any = None, app: str = "ncalayer"
    ) -> NcaLayerThread:
        mock = NcaLayerThread(port, mode, signer, app)
        started.append(mock)
        return mock

    yield factory
    for mock in started:
        mock.stop()


@pytest.fixture
def ncalayer(ncalayer_factory: Callable[..., NcaLayerThread]) -> NcaLayerThread:
    return ncalayer_factory()


async def latest_sms_code(backend: Backend) -> str:
    def read() -> str:
        outbox = httpx.get(backend.url + "/mock/sms-outbox", timeout=10).json()
        return str(outbox["items"][0]["code"])

    return await asyncio.to_thread(read)
