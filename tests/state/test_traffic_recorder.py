"""The session's `TrafficRecorder`: the ring records a signed-in session's calls and both
directions of the stream (on its worker thread) from the start; a HAR file is written while
recording, from `--record-traffic` or the tester's toggle; `recent` gives the last minutes."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from gui_support import DEMO, Backend, MemoryKeyring, mock_config, wait_until
from har_check import assert_no_secret, validate_har

from cesec_desktop.api.har import WS_MESSAGES
from cesec_desktop.app import parse_args, start_recording
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.session import Session
from cesec_desktop.state.traffic import TrafficRecorder

FAST_STREAM = {"backoff_initial": 0.1, "backoff_max": 0.4, "settle_time": 0.1}


@pytest.fixture
def backend() -> Iterator[Backend]:
    served = Backend(create_app(mock_config(simulate=True, always_open=True, tick_rate=20)))
    yield served.start()
    served.stop()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _session(url: str, store: MemoryKeyring) -> Session:
    return Session(url, CredentialStore(url, backend=store), stream_options=FAST_STREAM)


def _tokens(session: Session) -> list[str]:
    tokens = session._tokens  # the pair the server issued last
    assert tokens is not None
    return [tokens.access_token, tokens.refresh_token]


def test_a_session_started_with_the_flag_writes_its_calls_to_the_file(
    tmp_path: Path, backend: Backend, run: Callable[..., Any], memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "out" / "session.har"
    args = parse_args(["--server", backend.url, "--record-traffic", str(path)])
    issued: list[str] = []

    async def scenario() -> None:
        session = _session(args.server, memory_keyring)
        assert start_recording(session, args.record_traffic)
        assert session.traffic.is_recording and session.traffic.path == path
        await session.login(*DEMO)
        await wait_until(lambda: session.connection.value == "online", what="the stream")
        issued.extend(_tokens(session))
        await session.logout()
        await session.close()  # the app's shutdown: the file's last write
        assert not session.traffic.is_recording

    run(scenario())
    data = path.read_bytes()
    document = json.loads(data)
    validate_har(document)
    assert_no_secret(data, [DEMO[1], *issued])
    urls = [e["request"]["url"] for e in document["log"]["entries"]]
    assert f"{backend.url}/api/v1/auth/login" in urls
    assert f"{backend.url}/api/v1/me" in urls
    assert backend.url.replace("http", "ws") + "/api/v1/stream" in urls
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_ring_holds_the_streams_frames_both_ways_and_the_toggle_writes_files(
    tmp_path: Path, backend: Backend, run: Callable[..., Any], memory_keyring: MemoryKeyring
) -> None:
    first, second = tmp_path / "one.har", tmp_path / "two.har"
    changes: list[bool] = []
    issued: list[str] = []

    async def scenario() -> dict[str, Any]:
        session = _session(backend.url, memory_keyring)
        traffic = session.traffic
        assert isinstance(traffic, TrafficRecorder) and not traffic.is_recording
        assert traffic.path is None
        traffic.recordingChanged.connect(changes.append)
        await session.login(*DEMO)
        issued.extend(_tokens(session))
        session.subscribe_quotes(["KASE:HSBK"], parsed=False)
        frames = traffic.log.snapshot
        await wait_until(
            lambda: sum(m.direction == "receive" for m in frames().messages) >= 3,
            what="quote frames in the ring",
        )
        traffic.start(first)
        traffic.start(first)  # the same file again: nothing changes
        await session.reload_profile()
        traffic.start(second)  # another file: the first is finished, the second begins
        await session.call(lambda client: client.accounts())
        traffic.stop()
        traffic.stop()
        recent = await _in_thread(traffic.recent, 5)
        await session.close()
        return recent

    recent = run(scenario())
    assert changes == [True, True, False]
    validate_har(recent)
    data = json.dumps(recent).encode()
    assert_no_secret(data, [DEMO[1], *issued])
    stream = next(e for e in recent["log"]["entries"] if WS_MESSAGES in e)
    kinds = {m["type"] for m in stream[WS_MESSAGES]}
    assert kinds == {"send", "receive"}
    sent = [json.loads(m["data"]) for m in stream[WS_MESSAGES] if m["type"] == "send"]
    assert {"op": "subscribe", "channel": "quotes", "ids": ["KASE:HSBK"]} in sent

    one, two = (json.loads(p.read_bytes()) for p in (first, second))
    validate_har(one)
    validate_har(two)
    paths = [
        [e["request"]["url"].split("/api/v1")[1] for e in d["log"]["entries"]] for d in (one, two)
    ]
    assert "/me" in paths[0] and "/accounts" not in paths[0]
    assert "/accounts" in paths[1] and "/me" not in paths[1]


async def _in_thread(function: Callable[..., Any], *args: Any) -> Any:
    import asyncio

    return await asyncio.to_thread(function, *args)


def test_recent_takes_only_the_minutes_asked(qapp: Any) -> None:
    from cesec_desktop.api.traffic_log import HttpExchange, TrafficLog

    now = [1_800_000_000.0]
    recorder = TrafficRecorder(ring=TrafficLog(clock=lambda: now[0]))
    for minute in range(10):
        recorder.log.http(
            HttpExchange(now[0] + minute * 60, "GET", f"https://h/api/v1/x{minute}", [])
        )
    now[0] += 9 * 60 + 1
    urls = [e["request"]["url"] for e in recorder.recent(3)["log"]["entries"]]
    assert urls == ["https://h/api/v1/x7", "https://h/api/v1/x8", "https://h/api/v1/x9"]
    assert len(recorder.recent(60)["log"]["entries"]) == 10
    assert recorder.recent(0)["log"]["entries"] == []
