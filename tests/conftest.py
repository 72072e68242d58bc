"""Shared fixtures: a fresh mock backend per test, in-process or on a real loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.config import ServerConfig
from cesec_desktop.mockserver.state import ServerState

DEMO = ("demo", "Demo#2026")
EXPIRED = ("expired", "Expired#2026")
BROKER = ("broker", "Broker#2026")


def make_config(**overrides: object) -> ServerConfig:
    """A small, fast, frozen world unless a test asks otherwise."""
    base: dict[str, object] = {
        "db_path": ":memory:",
        "simulate": False,
        "history_size": 60,
        "auto_advance_instructions": False,
    }
    base.update(overrides)
    return ServerConfig(**base)  # type: ignore[arg-type]


@pytest.fixture
def app_factory() -> Callable[..., FastAPI]:
    return lambda **overrides: create_app(make_config(**overrides))


@pytest.fixture
def client(app_factory: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(app_factory()) as test_client:
        yield test_client


def mock_state(client: TestClient) -> ServerState:
    return client.app.state.mock  # type: ignore[attr-defined]


def login(client: TestClient, credentials: tuple[str, str] = DEMO) -> dict[str, str]:
    """Sign in and return the Authorization header."""
    response = client.post(
        "/api/v1/auth/login", json={"login": credentials[0], "password": credentials[1]}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture
def demo_headers(client: TestClient) -> dict[str, str]:
    return login(client, DEMO)


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
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="websockets"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("mock backend did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", app, server, thread)


@pytest.fixture
def live_server_factory() -> Iterator[Callable[..., LiveServer]]:
    started: list[LiveServer] = []

    def factory(**overrides: object) -> LiveServer:
        live = start_live_server(create_app(make_config(**overrides)))
        started.append(live)
        return live

    yield factory
    for live in started:
        live.stop()
