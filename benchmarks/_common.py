"""What the benchmarks and `scripts/screenshots.py` share: a mock backend, signing in, Qt.

`mock_backend()` runs the mock CLI on a free loopback port for the length of a `with`;
`http_client()` and `sign_in()` talk to it over plain httpx; `run_qt()` runs a coroutine in an
offscreen QApplication under qasync, where `demo_session()` gives a signed-in `Session`.
Qt and the app are imported only inside the functions that need them, so the HTTP-only
benchmarks stay light.
"""

from __future__ import annotations

import asyncio
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

# As app.py does: httpx would import its command-line tool (click, rich, pygments), which the
# app never loads, into every process a benchmark measures.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
import httpx  # noqa: E402

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from cesec_desktop.settings import Settings
    from cesec_desktop.state.i18n import LanguageManager
    from cesec_desktop.state.session import Session
    from cesec_desktop.state.theme import ThemeManager

ROOT = Path(__file__).resolve().parent.parent
# Run as `python benchmarks/x.py`, only benchmarks/ is on the path; the app lives at the root.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEMO_LOGIN = "demo"
DEMO_PASSWORD = "Demo#2026"
BROKER_LOGIN = "broker"
BROKER_PASSWORD = "Broker#2026"
STARTUP_TIMEOUT = 120.0
"""Seconds the mock may take to announce itself (seeding 100k deals takes a while)."""

T = TypeVar("T")


@contextmanager
def mock_backend(
    *,
    history_size: int,
    always_open: bool = False,
    simulate: bool = True,
    tick_rate: int | None = None,
    synthetic_instruments: int | None = None,
    on_disk: bool = False,
    broker_clients: int | None = None,
) -> Iterator[str]:
    """Run the mock backend on a free loopback port; yields its URL and stops it after.

    Its database is in memory unless `on_disk`, then a SQLite file in a temporary folder,
    which also holds the server's log (shown if it fails to start). `broker_clients` gives
    the broker that many clients (`--broker-clients`; the seed's four if None).
    """
    with tempfile.TemporaryDirectory(prefix="cesec-bench-") as folder:
        db = str(Path(folder) / "mock.sqlite3") if on_disk else ":memory:"
        command = [sys.executable, "-m", "cesec_desktop.mockserver.cli", "--port", "0"]
        command += ["--db", db, "--history-size", str(history_size), "--log-level", "warning"]
        if always_open:
            command.append("--always-open")
        if not simulate:
            command.append("--no-simulate")
        if tick_rate is not None:
            command += ["--tick-rate", str(tick_rate)]
        if synthetic_instruments is not None:
            command += ["--synthetic-instruments", str(synthetic_instruments)]
        if broker_clients is not None:
            command += ["--broker-clients", str(broker_clients)]
        log = Path(folder) / "server.log"
        with log.open("w") as log_file:
            # From the repository root, so `-m cesec_desktop…` works without an install.
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=log_file, text=True, cwd=ROOT
            )
        try:
            assert process.stdout is not None
            url = _announced_url(process, process.stdout, log)
            # Keep reading its output: a full pipe would stall the server mid-benchmark.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _announced_url(process: subprocess.Popen[str], stdout: IO[str], log: Path) -> str:
    """The URL from the mock's "listening on URL" line."""
    # readline() blocks: a timer ends a server that never announces itself.
    watchdog = threading.Timer(STARTUP_TIMEOUT, process.kill)
    watchdog.start()
    try:
        for line in stdout:
            if "listening on " in line:
                return line.rsplit("listening on ", 1)[1].strip()
    finally:
        watchdog.cancel()
    process.wait()
    raise RuntimeError(f"the mock backend did not start:\n{log.read_text()[-2000:]}")


def http_client(url: str) -> httpx.Client:
    """A keep-alive client of the mock; no proxies from the environment (this is loopback)."""
    return httpx.Client(base_url=url, timeout=30, trust_env=False)


def sign_in(http: httpx.Client) -> str:
    """Sign `http` in as the demo client: its later calls carry the token, which is returned."""
    response = http.post(
        "/api/v1/auth/login", json={"login": DEMO_LOGIN, "password": DEMO_PASSWORD}
    )
    response.raise_for_status()
    token = str(response.json()["access_token"])
    http.headers["Authorization"] = f"Bearer {token}"
    return token


def visible_instruments(http: httpx.Client) -> list[dict[str, Any]]:
    """The instruments the catalog lists (the synthetic ones are hidden from it)."""
    response = http.get("/api/v1/instruments", params={"limit": 200})
    response.raise_for_status()
    return list(response.json()["items"])


def synthetic_ids(count: int) -> list[str]:
    """The ids of the mock's first `count` synthetic instruments (`--synthetic-instruments`)."""
    return [f"KASE:SYN{n:04d}" for n in range(1, count + 1)]


def percentile(values: list[float], fraction: float) -> float:
    """The value at `fraction` of the sorted values (0.0 if there are none)."""
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)] if ordered else 0.0


def _quiet(_mode: object, _context: object, message: str) -> None:
    """Drop the offscreen platform's warning about every window's size hints; keep the rest."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run_qt(work: Callable[[], Coroutine[Any, Any, T]], *, fusion: bool = True) -> T:
    """Run `work()` to its end in an offscreen QApplication with a qasync event loop."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_quiet)
    argv = [sys.argv[0], "-style", "Fusion"] if fusion else sys.argv[:1]
    app = QApplication.instance() or QApplication(argv)
    # Closing one measured window must not end the run.
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(work())


def no_keyring() -> KeyringBackend:
    """A keyring that works (so the app offers to remember) but stores nothing."""
    from keyring.backend import KeyringBackend

    class NoKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> None:
            return None

        def set_password(self, service: str, username: str, password: str) -> None:
            pass

        def delete_password(self, service: str, username: str) -> None:
            pass

    return NoKeyring()


def language_and_theme(
    language: str = "en", theme: str = "light"
) -> tuple[LanguageManager, ThemeManager]:
    """The app's language and theme managers on the running QApplication, set as given."""
    from PySide6.QtWidgets import QApplication

    from cesec_desktop.settings import resources_dir, translations_dir
    from cesec_desktop.state.i18n import LanguageManager
    from cesec_desktop.state.theme import ThemeManager

    app = QApplication.instance()
    languages = LanguageManager(translations_dir(), app)
    languages.set_language(language)
    themes = ThemeManager(resources_dir() / "styles", app)
    themes.set_mode(theme)
    return languages, themes


def scratch_settings() -> Settings:
    """The app's settings in a fresh INI file, so the user's own are neither read nor changed."""
    from PySide6.QtCore import QSettings

    from cesec_desktop.settings import Settings

    ini = Path(tempfile.mkdtemp(prefix="cesec-bench-")) / "settings.ini"
    return Settings(QSettings(str(ini), QSettings.Format.IniFormat))


async def demo_session(url: str, **options: Any) -> Session:
    """A `Session` on `url` signed in as the demo client (its keyring stores nothing)."""
    from cesec_desktop.state.credentials import CredentialStore
    from cesec_desktop.state.session import Session

    session = Session(url, CredentialStore(url, backend=no_keyring()), **options)
    await session.login(DEMO_LOGIN, DEMO_PASSWORD)
    return session


async def until(
    condition: Callable[[], object], *, timeout: float = 60.0, poll: float = 0.01, what: str = ""
) -> None:
    """Yield to the event loop every `poll` seconds until `condition()` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or 'the condition'}")
        await asyncio.sleep(poll)


def rss_mb() -> tuple[float, float]:
    """Resident memory now and at its peak, in MB (Linux's /proc; elsewhere the peak only)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if sys.platform == "darwin":
        peak /= 1024  # bytes there, kilobytes on Linux
    now = peak
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return round(now, 1), round(peak, 1)
