"""`cesec-desktop`: arguments, QApplication, the qasync loop, translator, theme, the windows.

Start-up is kept lean so the login window paints quickly: httpx, pydantic, websockets and
the demo launcher are imported only when needed; logging's files (with its redaction
patterns) and the time formatting load right after the first paint (EarlyRecords holds what
is logged before it); the api layer is preloaded in a worker thread once the window is on
screen.
"""

from __future__ import annotations

import argparse
import ipaddress
import itertools
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from cesec_desktop import __version__

EXIT_USAGE = 2
EXIT_NO_WINDOW = 3
"""Qt could not open a window here (no display, or the xcb plugin's libraries are missing)."""
STARTUP_MARKER_ENV = "CESEC_STARTUP_MARKER"
"""Set to "print" to print `painted <seconds>` on the first paint, "exit" to also quit then
(benchmarks/startup.py)."""

log = logging.getLogger("cesec_desktop")


class ServerUrlError(ValueError):
    pass


def _is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """https anywhere; plain http only on a loopback address (127.0.0.0/8, ::1, localhost).

    The same rule as the API client's, checked here before anything starts so that a bad
    flag ends the program with a clear message and exit code 2.
    """
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError as exc:
        raise ServerUrlError(f"{url!r} has an invalid port") from exc
    del port
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ServerUrlError(f"{url!r} is not a server URL; expected https://host[:port]")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ServerUrlError(
            f"{url!r} uses plain http; only https is allowed, except for a loopback address "
            "(127.0.0.1, ::1, localhost) where a tester runs the mock backend"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ServerUrlError(f"{url!r} must not carry a query, a fragment or credentials")
    return url.strip().rstrip("/")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="cesec-desktop",
        description="Centras Securities trading cabinet. Without --server it runs in demo "
        "mode against a local mock of the broker's systems.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="print the version"
    )
    parser.add_argument("--server", metavar="URL", help="the cabinet backend, https://host[:port]")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the mock backend and mock NCALayer on this computer and use them",
    )
    parser.add_argument("--lang", choices=("kk", "ru", "en"), help="the UI language")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this install without a display: start the demo, sign in, open every page, "
        "place and cancel an SMS-signed order; exit 0 only if every check passes",
    )
    parser.add_argument(
        "--record-traffic",
        metavar="FILE.har",
        type=Path,
        help="write every call to the server and every stream message to this HAR file, "
        "passwords, tokens, codes and signatures masked (for a bug report)",
    )
    parser.add_argument(
        "--scenario",
        metavar="NAME|FILE",
        help="with --demo: start the mock backend with this scenario loaded (a name the mock "
        "knows, or a scenario file)",
    )
    # Makes one self-check fail for real, so that its failure report can be tested.
    parser.add_argument("--self-check-fault", default="", help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(argv)
    args.qt_args = qt_args
    if args.scenario and (args.server or args.self_check):
        parser.error("--scenario loads a world into the demo's mock backend; use it with --demo")
    if args.record_traffic is not None:
        if args.self_check:
            parser.error("--self-check records nothing; it takes no --record-traffic")
        args.record_traffic = args.record_traffic.expanduser().absolute()
        if args.record_traffic.is_dir():
            parser.error(f"--record-traffic {args.record_traffic} is a folder, not a file")
    if args.server and args.demo:
        parser.error("--server and --demo exclude each other")
    if args.server and args.self_check:
        parser.error("--self-check starts its own demo backend; it takes no --server")
    if args.server:
        try:
            args.server = check_server_url(args.server)
        except ServerUrlError as exc:
            parser.error(str(exc))
    args.demo = args.demo or not args.server
    return args


def start_recording(session: Any, path: Path | None) -> bool:
    """Start writing the session's traffic to `path` (--record-traffic); False, said in the log
    and on stderr, if the file cannot be made (the app runs on without it)."""
    if path is None:
        return False
    try:
        session.traffic.start(path)
    except OSError as exc:
        message = f"cesec-desktop: cannot record traffic to {path}: {exc.strerror or exc}"
        log.error("%s", message)
        print(message, file=sys.stderr)
        return False
    return True


# The libraries Qt's xcb platform plugin links (readelf -d libqxcb.so libQt6XcbQpa.so.6) that
# a minimal Linux lacks, with the Debian/Ubuntu package that ships each.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loadable(soname: str) -> bool:
    """Whether the dynamic loader finds `soname` (as Qt's plugin loader would)."""
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        # A PyInstaller bundle may carry its own copy, found by the plugin's rpath, not by us.
        bundled = getattr(sys, "_MEIPASS", None)
        return bool(bundled) and (Path(bundled) / soname).exists()
    return True


def _qt_platform(qt_args: list[str], environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first: `-platform NAME`, else QT_QPA_PLATFORM."""
    for flag, value in itertools.pairwise(qt_args):
        if flag in ("-platform", "--platform"):
            return value
    for arg in qt_args:
        if arg.startswith(("-platform=", "--platform=")):
            return arg.split("=", 1)[1]
    return environ.get("QT_QPA_PLATFORM", "")


def window_problem(
    qt_args: list[str],
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loadable: Callable[[str], bool] | None = None,
) -> str:
    """Why Qt cannot open a window on this Linux, in one line with the fix; "" if it can.

    QApplication aborts the process (a core dump, no words a newcomer can act on) when its
    platform plugin does not load, so main() asks this first. Windows and macOS always have
    their platform; "offscreen" and other explicit non-desktop platforms need no display.
    """
    if not platform.startswith("linux"):
        return ""
    environ = os.environ if environ is None else environ
    # Several platforms may be listed ("wayland;xcb"): Qt tries them in order.
    wanted = [p.split(":", 1)[0].strip() for p in _qt_platform(qt_args, environ).split(";")]
    wanted = [p for p in wanted if p]
    if wanted and not {"xcb", "wayland", "wayland-egl"} & set(wanted):
        return ""
    # A Wayland session serves whatever was not pinned to xcb (Qt picks wayland there).
    wayland = bool(environ.get("WAYLAND_DISPLAY")) and wanted[:1] != ["xcb"]
    if wanted and "xcb" not in wanted and not wayland:
        return (
            "cesec-desktop: no Wayland display to open a window on (WAYLAND_DISPLAY is unset); "
            "start it from a Wayland session or unset QT_QPA_PLATFORM"
        )
    if not environ.get("DISPLAY") and not wayland:
        return (
            "cesec-desktop: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are "
            "unset); start it from a desktop session, or check the install without a display "
            "with `cesec-desktop --self-check`"
        )
    if wayland:
        return ""
    loadable = loadable or _loadable
    missing = [soname for soname in XCB_LIBRARIES if not loadable(soname)]
    if not missing:
        return ""
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[soname] for soname in missing))
    return (
        f"cesec-desktop: Qt's X11 (xcb) platform cannot load, {', '.join(missing)} "
        f"missing; install them with: sudo apt install {packages}"
    )


def install_excepthook(log_file: Path | None = None) -> None:
    """Log every uncaught error (an asyncSlot's too) and show it in a dialog.

    Without `log_file`, the dialog names the file logging writes to when the error happens
    (none before the first paint: logging_setup loads after it).
    """

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        try:
            from cesec_desktop.logging_setup import current_log_file
            from cesec_desktop.views.error_dialog import show_error

            show_error(exc_type, exc, tb, log_file or current_log_file())
        except Exception:  # the dialog itself must never raise from the hook
            log.exception("could not show the error dialog")

    sys.excepthook = hook


class EarlyRecords(logging.Handler):
    """Holds what is logged before the login window paints, for the log file opened after
    it: logging_setup (its redaction patterns, its files) is not loaded before the paint."""

    LIMIT = 1000
    """Records held at most (a flood during start-up stays bounded)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)

    def replay(self) -> None:
        """Pass the held records to the root logger's handlers (once this one has left it)."""
        records, self.records = self.records, []
        for record in records:
            logging.getLogger().handle(record)


def _loop_exception_handler(loop: Any, context: dict[str, Any]) -> None:
    import asyncio

    error = context.get("exception")
    if isinstance(error, BaseException) and not isinstance(error, asyncio.CancelledError):
        sys.excepthook(type(error), error, error.__traceback__)
    else:
        log.error("event loop: %s", context.get("message"))


def _preload() -> None:
    """Import what signing in needs while the user types (a worker thread)."""
    try:
        from cesec_desktop.state.session import preload

        preload()
        import cesec_desktop.views.main_window
        import cesec_desktop.views.messages  # noqa: F401
    except Exception:  # the imports happen again, in the open, when they are needed
        log.exception("preloading failed")


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    # httpx imports its command-line tool (click, rich, pygments: ~4.6 MB resident) whenever
    # they happen to be installed; it falls back without them, as it does on this marker.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_check:
        from cesec_desktop.self_check import run_self_check

        return run_self_check(args.lang, args.self_check_fault)

    problem = window_problem(args.qt_args)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_WINDOW

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from cesec_desktop.state.module_sources import stop_caching_module_sources

    # Before the app's own imports: PySide6's import hook would keep all their sources.
    stop_caching_module_sources()
    from cesec_desktop import settings as app_settings
    from cesec_desktop.settings import Settings
    from cesec_desktop.state.credentials import CredentialStore
    from cesec_desktop.state.i18n import LanguageManager, default_language
    from cesec_desktop.state.session import Session
    from cesec_desktop.state.theme import ThemeManager
    from cesec_desktop.views.resources import app_icon
    from cesec_desktop.views.shell import Shell

    QApplication.setOrganizationName(app_settings.ORGANIZATION)
    QApplication.setApplicationName(app_settings.APPLICATION)
    # Fusion through the arguments: one style object, not the default and then Fusion.
    app = QApplication.instance() or QApplication([sys.argv[0], "-style", "Fusion", *args.qt_args])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)

    early = EarlyRecords()
    logging.getLogger().addHandler(early)
    logging.getLogger().setLevel(logging.INFO)
    install_excepthook()
    log.info("starting (demo=%s, server=%s)", args.demo, args.server or "-")

    settings = Settings()
    languages = LanguageManager(app_settings.translations_dir(), app)
    languages.set_language(args.lang or settings.language or default_language())
    from cesec_desktop.state import zoom

    # The remembered text size first: the stylesheet is set at it.
    zoom.current().use_settings(settings)
    themes = ThemeManager(app_settings.resources_dir() / "styles", app)
    themes.set_mode(settings.theme)

    server_url = args.server or ""
    # Demo ports change every run; one keyring entry serves every demo session.
    session = Session(server_url, CredentialStore(server_url or "demo"))
    start_recording(session, args.record_traffic)
    shell = Shell(session, settings, languages, themes, demo=args.demo)
    login = shell.login_window
    marker = os.environ.get(STARTUP_MARKER_ENV, "")

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                watched.removeEventFilter(self)
                if marker:
                    print(f"painted {time.perf_counter() - started:.4f}", flush=True)
            return False

    first_paint = FirstPaint(app)
    login.installEventFilter(first_paint)
    if args.demo and marker != "exit":
        login.set_starting(True)  # sign-in waits for the demo server
    shell.start()
    # Paint first: the window is on screen while asyncio, qasync and the rest load.
    deadline = time.monotonic() + 0.25
    while not first_paint.painted and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    from cesec_desktop.logging_setup import setup_logging

    logging.getLogger().removeHandler(early)
    setup_logging(app_settings.log_dir())
    early.replay()
    app.setWindowIcon(app_icon())
    # Times in Almaty's zone or this computer's, before the loop runs anything that shows
    # one (the login's lockout message); the login window shows none, so it paints first.
    from cesec_desktop.state import formatting

    formatting.set_time_zone(settings.time_zone)

    import asyncio

    import qasync

    from cesec_desktop.state.gc_guard import MainThreadCollector

    # Qt objects must never be freed by a worker thread's garbage collection (a deadlock).
    collector = MainThreadCollector(app)  # noqa: F841 (lives as the app's child)
    from cesec_desktop.state.heap_trim import HeapTrimmer

    # Workers' freed heap would otherwise stay resident all day (see the module).
    trimmer = HeapTrimmer(app)  # noqa: F841 (lives as the app's child)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(_loop_exception_handler)

    demo_services: Any = None
    done = asyncio.Event()
    shell.finished.connect(done.set)

    async def run() -> None:
        nonlocal demo_services
        if marker == "exit":
            await shell.shutdown()
            return
        loop.run_in_executor(None, _preload)
        if args.demo:
            demo_services = await _start_demo(login, session, args.scenario)
            if demo_services is not None:
                configure_demo_updates(shell.updates, demo_services)
        else:
            configure_updates(shell.updates, settings)
        await done.wait()

    # Ctrl+C and SIGTERM end the app cleanly; the timer lets Python see the signal.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: shell.request_quit())
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(500)

    try:
        with loop:
            loop.run_until_complete(run())
    finally:
        # The HAR file's last write (the shell's shutdown did it already, unless it failed).
        session.traffic.close_blocking()
        if demo_services is not None:
            demo_services.stop()
        logging.shutdown()
    return 0


UPDATE_ROOT = "update_root.json"
"""The update repository's root metadata, shipped in resources/: the one trust anchor."""


def configure_updates(updates: Any, settings: Any) -> bool:
    """Against the broker's repository: the settings' URL and the root shipped with the app.

    Without a shipped root there is nothing to trust, so updates stay "not configured" (Help
    → Check for updates says so); False then.
    """
    from cesec_desktop.settings import data_dir, resources_dir
    from cesec_desktop.state.update_install import platform_installer
    from cesec_desktop.state.updates import client_factory

    root = resources_dir() / UPDATE_ROOT
    try:
        trusted = root.read_bytes()
    except OSError:
        log.info("no %s shipped: updates are not configured", UPDATE_ROOT)
        return False
    updates.configure(
        client_factory(settings.update_url, trusted, data_dir() / "updates"),
        platform_installer(),
    )
    return True


def configure_demo_updates(updates: Any, services: Any) -> bool:
    """Against the mock's repository, whose keys change whenever its folder is made anew: its
    root is trusted from a clean folder, and the installer only says what it would run."""
    import shutil

    from cesec_desktop.state.update_install import DryRunInstaller
    from cesec_desktop.state.updates import client_factory

    root_path = getattr(services, "updates_root", None)
    url = getattr(services, "updates_url", "")
    if root_path is None or not url:
        return False
    try:
        trusted = Path(root_path).read_bytes()
    except OSError:
        log.exception("the mock's update root cannot be read")
        return False
    folder = Path(services.data_dir) / "updates-client"
    shutil.rmtree(folder, ignore_errors=True)  # the last run's metadata has other keys
    updates.configure(client_factory(url, trusted, folder), DryRunInstaller())
    return True


async def _start_demo(login: Any, session: Any, scenario: str | None = None) -> Any:
    """Start the mock backend and mock NCALayer in the user data folder, then enable sign-in."""
    import asyncio

    from cesec_desktop.demo import DemoServices
    from cesec_desktop.settings import data_dir

    login.set_starting(True)

    services = DemoServices(data_dir() / "demo", scenario=scenario)
    try:
        await asyncio.to_thread(services.start)
    except Exception as exc:
        log.exception("demo services did not start")
        login.set_starting(False, failure=str(exc))
        return None
    session.set_server(services.backend_url)
    session.ncalayer_url = services.ncalayer_url
    session.signing_profile = "demo"  # the mock NCALayer signs under the test CA
    login.set_starting(False)
    return services


if __name__ == "__main__":
    raise SystemExit(main())
