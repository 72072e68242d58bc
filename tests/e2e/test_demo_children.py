"""Demo mode's child processes never outlive the app, even when it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

PARENT = """
import sys, time
from pathlib import Path
from cesec_desktop.demo import DemoServices
services = DemoServices(Path(sys.argv[1]))
services.start()
print(services.backend.process.pid, services.ncalayer.process.pid, services.backend_url,
      flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it is gone for our purposes when its state is Z.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_parent_leaves_no_children(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert parent.stdout is not None
    backend_pid, ncalayer_pid, url = parent.stdout.readline().split()
    pids = [int(backend_pid), int(ncalayer_pid)]
    assert all(_alive(pid) for pid in pids)
    login = httpx.post(
        f"{url}/api/v1/auth/login", json={"login": "demo", "password": "Demo#2026"}, timeout=10
    )
    assert login.status_code == 200

    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids), "a demo child outlived the killed app"
