"""Helpers shared by the test packages: credentials, configs, sign-in, live servers.

A plain module rather than conftest.py, so that any test folder may import it even when that
folder has a conftest.py of its own (two conftest modules cannot both be imported by name).
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from cesec_desktop.mockserver.config import ServerConfig
from cesec_desktop.mockserver.state import ServerState

CALL_PASSED = pytest.StashKey[bool]()
"""Set on a test item by the root conftest once its body has run: True if it passed."""

DEMO = ("demo", "Demo#2026")
EXPIRED = ("expired", "Expired#2026")
BROKER = ("broker", "Broker#2026")


def make_config(**overrides: object) -> ServerConfig:
    """A small, fast, frozen world unless a test asks otherwise."""
    # Markets held open: no test may depend on the hour it runs at. Tests about a closed
    # market close it explicitly (/mock/market-hours or the override).
    base: dict[str, object] = {
        "db_path": ":memory:",
        "simulate": False,
        "history_size": 60,
        "auto_advance_instructions": False,
        "always_open": True,
    }
    base.update(overrides)
    return ServerConfig(**base)  # type: ignore[arg-type]


def mock_state(client: TestClient) -> ServerState:
    return client.app.state.mock  # type: ignore[attr-defined]


def login(client: TestClient, credentials: tuple[str, str] = DEMO) -> dict[str, str]:
    """Sign in and return the Authorization header."""
    response = client.post(
        "/api/v1/auth/login", json={"login": credentials[0], "password": credentials[1]}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@dataclass
class LiveServer:
    url: str
    app: FastAPI
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def state(self) -> ServerState:
        return self.app.state.mock  # type: ignore[no-any-return]

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/api/v1/stream"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_live_server(app: FastAPI) -> LiveServer:
    """Serve `app` with uvicorn on 127.0.0.1 and a random free port, in a thread."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="websockets-sansio"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("mock backend did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", app, server, thread)


def order_wire(n: int = 1) -> dict[str, Any]:
    """An active limit buy as the stream sends it (for tests that play a server)."""
    return {
        "id": f"ord_{n}",
        "number": f"O-{n}",
        "account_id": "acc_demo_kzt",
        "instrument_id": "KASE:HSBK",
        "ticker": "HSBK",
        "side": "buy",
        "type": "limit",
        "price": "100.00",
        "quantity": "1",
        "filled_quantity": "0",
        "currency": "KZT",
        "status": "active",
        "created_at": "2026-12-01T10:00:00+05:00",
        "updated_at": "2026-12-01T10:00:00+05:00",
        "valid_until": "2026-12-01",
        "signature_method": "sms",
    }
