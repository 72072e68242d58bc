"""Cold start until the login window is first painted, beside a bare PySide6 window; and
the size of the built bundle.

Each run is a fresh Python process. The app is started with `--server` pointing at a closed
loopback port (nothing to connect to, nothing to wait for) and CESEC_STARTUP_MARKER=exit,
which prints `painted` on the login window's first paint event and quits; the bare window
does the same with nothing else imported. Times are measured by this parent, from spawning
the child to reading its marker line. One untimed warm-up run of each fills the disk cache.

When a PyInstaller bundle is there (`pyinstaller build.spec` makes dist/cesec-desktop, or
name one with --bundle), its size is reported, and its own executable is timed the same way
beside the other two (the frozen app, as a user starts it).

    python benchmarks/startup.py [--runs 7] [--platform offscreen] [--bundle DIR]

Goals: app median / bare median ≤ 1.25; bundle ≤ 150 MiB. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

GOAL_RATIO = 1.25
GOAL_BUNDLE_MIB = 150
DEFAULT_BUNDLE = ROOT / "dist" / "cesec-desktop"

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
QVBoxLayout(window).addWidget(QLabel("Hello"))
window.resize(460, 620)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

marker = FirstPaint()
window.installEventFilter(marker)
window.show()
app.exec()
"""


def _environment(home: Path, platform: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM=platform,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        CESEC_STARTUP_MARKER="exit",
        PYTHONDONTWRITEBYTECODE="",
    )
    return env


def time_to_paint(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from spawning `command` until it prints its `painted` line."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("painted"):
            elapsed = (time.perf_counter() - started) * 1000
            break
    else:
        _, errors = child.communicate(timeout=30)
        raise RuntimeError(f"{command[:3]} never painted:\n{errors[-2000:]}")
    child.communicate(timeout=30)
    if child.returncode != 0:
        raise RuntimeError(f"{command[:3]} exited with {child.returncode}")
    return elapsed


def bundle_mib(bundle: Path) -> float:
    """The bundle's size as `du` counts it: its files, symlinks not followed, in MiB."""
    files = (path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 2**20


def bundle_executable(bundle: Path) -> Path | None:
    exe = bundle / ("cesec-desktop.exe" if sys.platform == "win32" else "cesec-desktop")
    return exe if exe.is_file() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument(
        "--bundle",
        type=Path,
        default=DEFAULT_BUNDLE,
        help="a built onedir bundle (default: dist/cesec-desktop, if there)",
    )
    args = parser.parse_args()

    commands = {
        "app": [sys.executable, "-m", "cesec_desktop", "--server", "http://127.0.0.1:9"],
        "bare": [sys.executable, "-c", BARE],
    }
    frozen = bundle_executable(args.bundle) if args.bundle.is_dir() else None
    if frozen is not None:
        commands["frozen"] = [str(frozen), "--server", "http://127.0.0.1:9"]
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="cesec-startup-") as home:
        env = _environment(Path(home), args.platform)
        for command in commands.values():
            time_to_paint(command, env)  # warm-up: disk cache, .pyc files
        for run in range(1, args.runs + 1):
            # Interleaved, so a busy moment of the machine hits them alike.
            for name, command in commands.items():
                times[name].append(time_to_paint(command, env))
            print(f"run {run}: " + ", ".join(f"{n} {t[-1]:.0f} ms" for n, t in times.items()))
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["app"] / medians["bare"]
    size = bundle_mib(args.bundle) if frozen is not None else None
    print(
        json.dumps(
            {
                "benchmark": "startup",
                "runs": args.runs,
                "platform": args.platform,
                "app_median_ms": round(medians["app"], 1),
                "bare_median_ms": round(medians["bare"], 1),
                "ratio": round(ratio, 2),
                "goal_ratio": GOAL_RATIO,
                "ok": ratio <= GOAL_RATIO,
                "frozen_median_ms": round(medians["frozen"], 1) if frozen else None,
                "frozen_ratio": round(medians["frozen"] / medians["bare"], 2) if frozen else None,
                "bundle_mib": round(size, 1) if size is not None else None,
                "bundle_goal_mib": GOAL_BUNDLE_MIB,
                "bundle_ok": size <= GOAL_BUNDLE_MIB if size is not None else None,
                **{f"{name}_ms": [round(t, 1) for t in values] for name, values in times.items()},
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
