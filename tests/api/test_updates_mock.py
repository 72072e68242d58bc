"""The app's update client against the mock backend's repository, as in demo mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from packaging.version import Version
from testkit import LiveServer, make_config, start_live_server

from cesec_desktop import __version__
from cesec_desktop.api.updates import UpdateClient
from cesec_desktop.demo import ChildService, DemoServices
from cesec_desktop.mockserver.app import create_app

PLATFORM = "linux-x86_64"


def _next_version() -> str:
    return _bump(__version__)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    server = start_live_server(create_app(make_config(), updates_dir=tmp_path / "updates"))
    yield server
    server.stop()


def _client(tmp_path: Path, url: str, root: bytes) -> UpdateClient:
    return UpdateClient(
        metadata_dir=tmp_path / "app" / "metadata",
        targets_dir=tmp_path / "app" / "downloads",
        repository_url=url,
        trusted_root=root,
    )


def test_a_release_published_on_the_mock_reaches_the_app(tmp_path: Path, live: LiveServer) -> None:
    root = live.app.state.updates.root_bytes()
    client = _client(tmp_path, f"{live.url}/updates/", root)
    assert client.check(__version__, "stable", PLATFORM) is None  # nothing newer at start

    version = _next_version()
    published = httpx.post(f"{live.url}/mock/updates", json={"version": version}, timeout=30)
    assert published.status_code == 200, published.text

    offer = client.check(__version__, "stable", PLATFORM)
    assert offer is not None
    assert (offer.version, offer.platform, offer.channel) == (version, PLATFORM, "stable")
    assert set(offer.notes) == {"en", "kk", "ru"}
    reports: list[tuple[int, int]] = []
    path = client.download(offer, lambda *a: reports.append(a), lambda: False)
    assert path.stat().st_size == offer.length
    assert reports[-1] == (offer.length, offer.length)
    # A beta client sees the stable release as well; a newer beta wins for it only.
    beta = f"{_bump(version)}b1"
    httpx.post(f"{live.url}/mock/updates", json={"version": beta, "channel": "beta"}, timeout=30)
    assert client.check(__version__, "beta", PLATFORM).version == beta  # type: ignore[union-attr]
    assert client.check(__version__, "stable", PLATFORM).version == version  # type: ignore[union-attr]


def _bump(version: str) -> str:
    major, minor, micro = (*Version(version).release, 0, 0)[:3]
    return f"{major}.{minor}.{micro + 1}"


def test_demo_services_name_the_mock_repository_and_its_root(tmp_path: Path) -> None:
    services = DemoServices(tmp_path / "data")
    assert services.updates_url == "" and services.updates_root is None
    services.data_dir.mkdir()
    services.backend = ChildService("mock backend", services.backend_args())
    try:
        services.backend.start(timeout=60)
        assert services.updates_url == f"{services.backend_url}/updates/"
        root = services.updates_root
        assert root == tmp_path / "data" / "demo-updates" / "root.json"
        assert root is not None and root.is_file()
        version = _next_version()
        answer = httpx.post(
            f"{services.backend_url}/mock/updates",
            json={"version": version, "platform": PLATFORM},
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        client = _client(tmp_path, services.updates_url, root.read_bytes())
        assert client.check(__version__, "stable", PLATFORM).version == version  # type: ignore[union-attr]
    finally:
        services.stop()
