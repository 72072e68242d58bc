"""`cesec-desktop --record-traffic FILE.har` and `--scenario`: the arguments, and the file the
app writes, from the command line to the disk (a signed-in session recording through the same
flag: tests/state/test_traffic_recorder.py)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest
from har_check import validate_har

from cesec_desktop.app import parse_args, start_recording
from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.session import Session

ROOT = Path(__file__).resolve().parents[1]


def test_the_flags_are_parsed_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = parse_args(["--record-traffic", str(tmp_path / "run.har")])
    assert args.record_traffic == tmp_path / "run.har" and args.demo
    assert parse_args([]).record_traffic is None
    monkeypatch.chdir(tmp_path)
    assert parse_args(["--record-traffic", "x.har"]).record_traffic == tmp_path / "x.har"
    args = parse_args(["--demo", "--scenario", "margin-call"])
    assert (args.demo, args.scenario) == (True, "margin-call")
    assert parse_args(["--scenario", "./world.json"]).scenario == "./world.json"
    assert parse_args([]).scenario is None
    for wrong in (
        ["--server", "https://cabinet.example.kz", "--scenario", "margin-call"],
        ["--self-check", "--scenario", "margin-call"],
        ["--self-check", "--record-traffic", "x.har"],
        ["--record-traffic", str(tmp_path)],
    ):
        with pytest.raises(SystemExit) as exit_info:
            parse_args(wrong)
        assert exit_info.value.code == 2


def test_a_file_that_cannot_be_made_is_said_and_the_app_runs_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: Any
) -> None:
    (tmp_path / "taken").write_text("")
    session = Session("http://127.0.0.1:9", CredentialStore("x", backend=object()))
    assert not start_recording(session, tmp_path / "taken" / "x.har")
    assert "cannot record traffic" in capsys.readouterr().err
    assert not session.traffic.is_recording
    assert not start_recording(session, None)


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        **extra,
    )
    return env


def test_the_app_writes_a_valid_private_file_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "records" / "run.har"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cesec_desktop",
            "--server",
            "http://127.0.0.1:9",
            "--record-traffic",
            str(path),
        ],
        cwd=ROOT,
        env=_env(tmp_path, CESEC_STARTUP_MARKER="exit"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("painted ")
    document = json.loads(path.read_bytes())
    validate_har(document)
    assert document["log"]["creator"]["name"] == "cesec-desktop"
    assert document["log"]["entries"] == []  # nobody signed in
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


class _FakeServices:
    made: ClassVar[list[tuple[Path, dict[str, Any]]]] = []

    def __init__(self, data_dir: Path, **options: Any) -> None:
        self.made.append((data_dir, options))
        self.backend_url, self.ncalayer_url = "http://127.0.0.1:1", "ws://127.0.0.1:2"

    def start(self) -> None:
        pass


class _Login:
    def set_starting(self, starting: bool, failure: str = "") -> None:
        pass


class _Session:
    def set_server(self, url: str) -> None:
        self.server_url = url


@pytest.mark.parametrize(
    ("argv", "options"), [([], {"scenario": None}), (["--scenario", "x"], {"scenario": "x"})]
)
def test_the_scenario_goes_to_the_demo_services(
    argv: list[str], options: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import asyncio

    from cesec_desktop import app, demo, settings

    monkeypatch.setattr(demo, "DemoServices", _FakeServices)
    monkeypatch.setattr(settings, "data_dir", lambda: tmp_path)
    _FakeServices.made.clear()
    args = parse_args(["--demo", *argv])
    services = asyncio.run(app._start_demo(_Login(), _Session(), args.scenario))
    assert isinstance(services, _FakeServices)
    assert _FakeServices.made == [(tmp_path / "demo", options)]
