"""Shared fixtures: a fresh mock backend per test, in-process or on a real loopback port.

Helpers and credentials live in testkit.py; import them from there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from testkit import CALL_PASSED, DEMO, LiveServer, login, make_config, start_live_server

from cesec_desktop.mockserver.app import create_app


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Note whether each test's body passed (fixtures' teardowns read it: see `run`)."""
    report = yield
    if report.when == "call":
        item.stash[CALL_PASSED] = report.passed
    return report


@pytest.fixture
def app_factory() -> Callable[..., FastAPI]:
    return lambda **overrides: create_app(make_config(**overrides))


@pytest.fixture
def client(app_factory: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(app_factory()) as test_client:
        yield test_client


@pytest.fixture
def demo_headers(client: TestClient) -> dict[str, str]:
    return login(client, DEMO)


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
