"""Where Qt cannot open a window, the app says why in one line and how to fix it, no abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cesec_desktop.app import EXIT_NO_WINDOW, XCB_LIBRARIES, window_problem

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter with a throw-away user and no display at all."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environ.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environ,
        cwd=ROOT,
        timeout=60,
    )


START = "import sys; from cesec_desktop import app; sys.exit(app.main(['--demo']))"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_no_display_ends_with_one_line_not_a_core_dump(tmp_path: Path) -> None:
    result = _run(START, tmp_path, QT_QPA_PLATFORM="xcb")
    assert result.returncode == EXIT_NO_WINDOW, result.stderr  # a Qt abort is -6 (SIGABRT)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0] and "DISPLAY" in lines[0]
    assert result.stdout == ""
    # Nothing started: no demo data folder, no log.
    assert not (tmp_path / "data").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_missing_xcb_libraries_end_with_the_install_command(tmp_path: Path) -> None:
    # This machine's loader is faked to lack libxcb-cursor, the library a fresh Ubuntu lacks.
    fake = (
        "from cesec_desktop import app; "
        "app._loadable = lambda soname: soname != 'libxcb-cursor.so.0'; "
    )
    result = _run(fake + START, tmp_path, DISPLAY=":99", QT_QPA_PLATFORM="xcb")
    assert result.returncode == EXIT_NO_WINDOW, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "libxcb-cursor.so.0" in lines[0]
    assert lines[0].endswith("install them with: sudo apt install libxcb-cursor0")


def test_the_platform_is_checked_only_where_it_can_be_missing() -> None:
    none_loadable = {"loadable": lambda soname: False}
    bare: dict[str, str] = {}
    assert window_problem([], bare, platform="win32", **none_loadable) == ""
    assert window_problem([], bare, platform="darwin", **none_loadable) == ""
    # Explicit non-desktop platforms need neither a display nor the xcb libraries.
    assert window_problem([], {"QT_QPA_PLATFORM": "offscreen"}, "linux", **none_loadable) == ""
    assert window_problem(["-platform", "offscreen"], bare, "linux", **none_loadable) == ""
    # A Wayland session does not need the xcb libraries, unless xcb was asked for.
    wayland = {"WAYLAND_DISPLAY": "wayland-0"}
    assert window_problem([], wayland, "linux", **none_loadable) == ""
    pinned = window_problem(["-platform", "xcb"], wayland, "linux", **none_loadable)
    assert "no display" in pinned
    wayland_only = window_problem([], {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux")
    assert "no Wayland display" in wayland_only
    # A complete X11 install is fine; every missing library names its package once.
    x11 = {"DISPLAY": ":0"}
    assert window_problem([], x11, "linux", loadable=lambda soname: True) == ""
    everything = window_problem([], x11, "linux", **none_loadable)
    assert everything.endswith("sudo apt install " + " ".join(XCB_LIBRARIES.values()))
    assert "\n" not in everything
