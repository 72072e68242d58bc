"""Cold start until the login window is first painted, beside a bare PySide6 window.

Each run is a fresh Python process. The app is started with `--server` pointing at a closed
loopback port (nothing to connect to, nothing to wait for) and CESEC_STARTUP_MARKER=exit,
which prints `painted` on the login window's first paint event and quits; the bare window
does the same with nothing else imported. Times are measured by this parent, from spawning
the child to reading its marker line. One untimed warm-up run of each fills the disk cache.

    python benchmarks/startup.py [--runs 7] [--platform offscreen]

Goal: app median / bare median ≤ 1.5. The last line is one JSON object.
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

GOAL_RATIO = 1.5

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()

    app_command = [sys.executable, "-m", "cesec_desktop", "--server", "http://127.0.0.1:9"]
    bare_command = [sys.executable, "-c", BARE]
    with tempfile.TemporaryDirectory(prefix="cesec-startup-") as home:
        env = _environment(Path(home), args.platform)
        time_to_paint(app_command, env)  # warm-up: disk cache, .pyc files
        time_to_paint(bare_command, env)
        app_times, bare_times = [], []
        for run in range(1, args.runs + 1):
            # Interleaved, so a busy moment of the machine hits both alike.
            app_times.append(time_to_paint(app_command, env))
            bare_times.append(time_to_paint(bare_command, env))
            print(f"run {run}: app {app_times[-1]:.0f} ms, bare window {bare_times[-1]:.0f} ms")
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    ratio = app_median / bare_median
    print(
        json.dumps(
            {
                "benchmark": "startup",
                "runs": args.runs,
                "platform": args.platform,
                "app_median_ms": round(app_median, 1),
                "bare_median_ms": round(bare_median, 1),
                "ratio": round(ratio, 2),
                "goal_ratio": GOAL_RATIO,
                "ok": ratio <= GOAL_RATIO,
                "app_ms": [round(t, 1) for t in app_times],
                "bare_ms": [round(t, 1) for t in bare_times],
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
