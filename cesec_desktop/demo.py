"""Demo mode: run the mock backend and the mock NCALayer as child processes.

The children listen on free loopback ports and announce their URLs on stdout; they exit
when this process does, however it ends (see mockserver/watchdog.py). The mock is run as a
separate program, never imported, so the client's import path stays free of it.

In a PyInstaller bundle there is no `python -m`: `sys.executable` is the app itself, so the
children are started as `<app> --run-demo-service <module> ...`, which the bundle's entry
script (packaging/launcher.py) hands to `run_service` before Qt is loaded.
"""

from __future__ import annotations

import contextlib
import logging
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

START_TIMEOUT_S = 60.0

SERVICE_FLAG = "--run-demo-service"
"""The bundle's hidden first argument: run a demo service instead of the app."""

ANNOUNCED = ("updates-root: ",)
"""Lines the mock backend prints before its URL that the demo reads (cli.py)."""

SERVICE_MODULES = ("cesec_desktop.mockserver.cli", "cesec_desktop.mockserver.ncalayer")
"""The only modules `SERVICE_FLAG` runs: the flag is no general way to run code."""


def child_command(module: str, args: list[str]) -> list[str]:
    """The command that runs `module` as a program, from source or from a frozen bundle."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SERVICE_FLAG, module, *args]
    return [sys.executable, "-m", module, *args]


def run_service(argv: list[str]) -> int:
    """Run a demo service in this (frozen) process: `argv` is `[module, *its arguments]`."""
    import importlib

    if not argv or argv[0] not in SERVICE_MODULES:
        print(f"{SERVICE_FLAG}: expected one of {', '.join(SERVICE_MODULES)}", file=sys.stderr)
        return 2
    module, args = argv[0], argv[1:]
    sys.argv = [module, *args]
    result = importlib.import_module(module).main(args)
    return result if isinstance(result, int) else 0


def _is_scenario_file(name: str) -> bool:
    """As the mock reads `--scenario`: a path (a slash, or .toml), else a shipped name."""
    return name.endswith(".toml") or "/" in name or "\\" in name


class DemoStartError(RuntimeError):
    """A demo service did not come up; the message says which and why."""


@dataclass
class ChildService:
    name: str
    args: list[str]
    url: str = ""
    process: subprocess.Popen[str] | None = None
    announced: dict[str, str] = field(default_factory=dict)
    """`name: value` lines the child printed before its URL (`updates-root: PATH`)."""
    _output: list[str] = field(default_factory=list)

    def start(self, timeout: float = START_TIMEOUT_S) -> str:
        """Start the child and wait for its "listening on URL" line."""
        flags = subprocess.CREATE_NEW_PROCESS_GROUP if sys.platform == "win32" else 0
        self.process = subprocess.Popen(
            child_command(self.args[0], [*self.args[1:], "--exit-with-stdin"]),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            creationflags=flags,
        )
        found = threading.Event()

        def pump() -> None:
            assert self.process is not None and self.process.stdout is not None
            for line in self.process.stdout:
                line = line.rstrip()
                self._output.append(line)
                del self._output[:-50]
                if not self.url and " listening on " in line:
                    self.url = line.split(" listening on ", 1)[1].strip()
                    found.set()
                elif not self.url and line.startswith(ANNOUNCED):
                    name, _, value = line.partition(": ")
                    self.announced[name] = value.strip()
            found.set()

        threading.Thread(target=pump, name=f"{self.name}-output", daemon=True).start()
        if not found.wait(timeout) or not self.url:
            tail = "\n".join(self._output[-10:])
            self.stop()
            raise DemoStartError(f"{self.name} did not start:\n{tail}")
        log.info("%s listening on %s", self.name, self.url)
        return self.url

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(OSError):
            if process.stdin:
                process.stdin.close()  # the watchdog exits on EOF
            process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@dataclass
class DemoServices:
    """The mock backend and mock NCALayer for `--demo`."""

    data_dir: Path
    scenario: str | None = None
    """A shipped scenario's name or a scenario file (`--demo --scenario`): the mock starts
    that world in a database of its own, so the persistent demo world is left alone."""
    backend: ChildService | None = None
    ncalayer: ChildService | None = None

    @property
    def backend_url(self) -> str:
        return self.backend.url if self.backend else ""

    @property
    def updates_url(self) -> str:
        """The mock's TUF update repository (metadata/ and targets/ below it)."""
        return f"{self.backend_url}/updates/" if self.backend_url else ""

    @property
    def updates_root(self) -> Path | None:
        """The trusted root metadata of the mock's update repository, once it has started."""
        path = self.backend.announced.get("updates-root") if self.backend else None
        return Path(path) if path else None

    @property
    def ncalayer_url(self) -> str:
        return self.ncalayer.url if self.ncalayer else ""

    def backend_args(self) -> list[str]:
        """The mock backend's module and arguments."""
        database = self.data_dir / "demo-backend.sqlite3"
        scenario: list[str] = []
        if self.scenario is not None:
            name = self.scenario
            if _is_scenario_file(name):
                path = Path(name).expanduser().resolve()
                name, slug = str(path), path.stem
            else:
                slug = name
            # The mock makes a scenario's world afresh in this file on every start.
            safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in slug)[:64]
            database = self.data_dir / f"scenario-{safe}.sqlite3"
            scenario = ["--scenario", name]
        return [
            "cesec_desktop.mockserver.cli",
            "--port",
            "0",
            "--always-open",
            "--db",
            str(database),
            # One repository for every world: the app's trusted update metadata stays valid.
            "--updates-dir",
            str(self.data_dir / "demo-updates"),
            *scenario,
            "--log-level",
            "warning",
        ]

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.backend = ChildService("mock backend", self.backend_args())
        # A free port, not 13579: a real NCALayer may already be running on this computer.
        self.ncalayer = ChildService(
            "mock NCALayer",
            [
                "cesec_desktop.mockserver.ncalayer",
                "--port",
                "0",
            ],
        )
        try:
            self.backend.start()
            self.ncalayer.start()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        for child in (self.ncalayer, self.backend):
            if child is not None:
                child.stop()
