"""`python -m cesec_desktop`: arguments, the first paint, the log file, demo mode's children."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cesec_desktop.app import ServerUrlError, check_server_url, parse_args

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path, **extra: str) -> dict[str, str]:
    """A throw-away user: settings, data and logs under `home`, no real keyring."""
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


def _log_file(home: Path) -> Path:
    return home / "data" / "Centras Securities" / "cesec-desktop" / "logs" / "cesec-desktop.log"


@pytest.mark.parametrize(
    "url",
    [
        "https://cabinet.example.kz",
        "https://10.0.0.5:8443/",
        "http://127.0.0.1:8765",
        "http://127.9.9.9",
        "http://[::1]:8000",
        "http://localhost:8765",
    ],
)
def test_https_anywhere_and_http_only_on_loopback(url: str) -> None:
    assert check_server_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://cabinet.example.kz",
        "http://10.0.0.5:8765",
        "http://192.168.1.2",
        "ftp://127.0.0.1",
        "cabinet.example.kz",
        "https://user:pw@cabinet.example.kz",
        "http://127.0.0.1.example.com",
    ],
)
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(ServerUrlError):
        check_server_url(url)


def test_arguments() -> None:
    args = parse_args(["--server", "https://cabinet.example.kz", "--lang", "kk"])
    assert (args.server, args.lang, args.demo) == ("https://cabinet.example.kz", "kk", False)
    assert parse_args([]).demo, "without a server the app runs the demo"
    assert parse_args(["--demo"]).demo
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--lang", "de"])
    assert exit_info.value.code == 2


def test_a_plain_http_server_ends_with_a_clear_error_and_code_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cesec_desktop", "--server", "http://cabinet.example.kz"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "plain http" in result.stderr and "loopback" in result.stderr


def test_the_app_paints_the_login_window_and_logs_to_the_user_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cesec_desktop", "--server", "http://127.0.0.1:9", "--lang", "kk"],
        cwd=ROOT,
        env=_env(tmp_path, CESEC_STARTUP_MARKER="exit"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("painted ")
    log = _log_file(tmp_path).read_text(encoding="utf-8")
    assert "UI language: kk" in log
    assert "shut down" in log


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_the_demo_app_leaves_no_child_process(tmp_path: Path) -> None:
    app = subprocess.Popen(
        [sys.executable, "-m", "cesec_desktop", "--demo"],
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        log = _log_file(tmp_path)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            text = log.read_text(encoding="utf-8") if log.exists() else ""
            if "mock NCALayer listening on" in text:
                break
            assert app.poll() is None, "the app ended early"
            time.sleep(0.1)
        else:
            pytest.fail("the demo services did not start")
        children = _children(app.pid)
        assert len(children) >= 2
        data = tmp_path / "data" / "Centras Securities" / "cesec-desktop" / "demo"
        assert (data / "demo-backend.sqlite3").exists(), "the demo database is in the data folder"
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in children), "a demo child outlived the app"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
