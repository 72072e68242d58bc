"""`cesec-desktop --self-check`: prove an install works, headless, and say what failed.

It runs the real app's parts, not a copy of them: the demo launcher starts the mock backend
and mock NCALayer as child processes, the real Session signs in, the real MainWindow opens
every page and waits for its data, and the order ticket's draft → SMS → confirm places one
limit order far from the market, which the Orders model then cancels. Everything runs in
the qasync loop like the app. Nothing of the user's is touched: settings go to a temporary
INI file, secrets to a keyring in memory, the demo database and the log to a temporary
folder.

Exit code 0 only if every check passed; 1 otherwise; 2 for a bad option.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cesec_desktop.logging_setup import LOG_FILE, redact
from cesec_desktop.self_check_report import CheckFailed, Report

if TYPE_CHECKING:
    from cesec_desktop.demo import DemoServices
    from cesec_desktop.domain.models.orders import Order
    from cesec_desktop.settings import Settings
    from cesec_desktop.state.i18n import LanguageManager
    from cesec_desktop.state.order_ticket import OrderTicket
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

DEMO_LOGIN = "demo"
DEMO_PASSWORD = "Demo#2026"  # the mock's published demo account (README), not a secret
INSTRUMENT = "KASE:HSBK"
PRICE_FACTOR = Decimal("0.5")
"""A buy at half the bid: valid, yet far enough from the market never to fill."""

NO_CONSOLE_REPORT = "cesec-desktop-self-check.txt"
"""Where the report goes when the app has no stdout (a windowed build on Windows): the
current folder."""

FAULTS = ("wrong-password", "backend-down")
"""Hidden `--self-check-fault` values that make one check fail for real (for its tests)."""

PAGES = (
    ("home", "Home"),
    ("portfolio", "Portfolio"),
    ("orders", "Orders"),
    ("transactions", "Transactions"),
    ("instructions", "Instructions"),
)
MAY_BE_EMPTY = frozenset({"orders"})
"""The Orders page opens on today's orders: none yet in a fresh demo (the order placed later
must then appear there). The other pages show the demo's history, so they must have rows."""

# Seconds each check may take (the backend's cold start includes Python importing FastAPI).
START_TIMEOUT = 90.0
LOGIN_TIMEOUT = 30.0
PAGE_TIMEOUT = 30.0
ORDER_TIMEOUT = 45.0
STOP_TIMEOUT = 30.0


class MemoryKeyring:
    """A keyring that forgets everything on exit: the user's real one is never touched."""

    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@dataclass
class SelfCheck:
    """The checks, in order, and what they leave for the next one."""

    report: Report
    workdir: Path
    settings: Settings
    languages: LanguageManager
    themes: Any
    language: str
    fault: str = ""
    services: DemoServices | None = None
    session: Session | None = None
    window: MainWindow | None = None
    ticket: OrderTicket | None = None
    order: Order | None = None
    _starting: asyncio.Future[None] | None = None
    unexpected: list[str] = field(default_factory=list)
    """Errors that reached the excepthook or the loop's handler (an asyncSlot's, say)."""

    async def run(self) -> None:
        report = self.report
        chain = [
            ("start demo backend", self.start_backend, START_TIMEOUT),
            ("log in as demo", self.log_in, LOGIN_TIMEOUT),
            ("open main window", self.open_window, PAGE_TIMEOUT),
            *((f"open {title} page", self._page_opener(key), PAGE_TIMEOUT) for key, title in PAGES),
            ("place SMS-signed order", self.place_order, ORDER_TIMEOUT),
            ("cancel order", self.cancel_order, ORDER_TIMEOUT),
        ]
        pending = [name for name, _, _ in chain]
        try:
            await report.check(f"load translations ({self.language})", self.check_language, 10)
            failed_at = ""
            for name, action, timeout in chain:
                pending.remove(name)
                if failed_at:
                    report.skip(name, f"not run: '{failed_at}' failed")
                    continue
                passed, _ = await report.check(name, action, timeout)
                if not passed:
                    failed_at = name
            await report.check("no unexpected errors", self.check_unexpected, 5)
        except asyncio.CancelledError:
            for name in pending:
                report.skip(name, "not run: interrupted")
            raise
        finally:
            # Never cancelled: the children must stop however the checks ended.
            await asyncio.shield(report.check("shut down", self.shut_down, STOP_TIMEOUT))

    # --- the checks ------------------------------------------------------------------------

    async def check_language(self) -> None:
        from PySide6.QtCore import QCoreApplication

        from cesec_desktop.views.pages.titles import page_title

        if self.languages.language != self.language:
            raise CheckFailed(f"the UI language is {self.languages.language!r}")
        if self.language == "en":
            return  # English is the source language: nothing to load
        if page_title("home") == "Home":
            raise CheckFailed(f"the app's {self.language} translations did not load")
        # Qt's own catalogue, not ours: held in variables so that lupdate does not copy the
        # string into the app's .ts files.
        qt_context, qt_text = "QPlatformTheme", "Cancel"
        if QCoreApplication.translate(qt_context, qt_text) == qt_text:
            raise CheckFailed(f"Qt's own {self.language} translations did not load")

    async def start_backend(self) -> None:
        from cesec_desktop.demo import DemoServices

        self.services = DemoServices(self.workdir / "demo")
        self.report.waiting_for = "the mock backend and mock NCALayer to listen"
        # Shielded: a timeout or Ctrl+C stops the wait, not the thread; shut_down awaits it.
        self._starting = asyncio.ensure_future(asyncio.to_thread(self.services.start))
        await asyncio.shield(self._starting)
        if self.fault == "backend-down":
            # An honest failure: the backend really is gone when the client calls it.
            backend = self.services.backend
            if backend is not None:
                await asyncio.to_thread(backend.stop)

    async def log_in(self) -> None:
        from cesec_desktop.state.credentials import CredentialStore
        from cesec_desktop.state.session import LoginOutcome, Session

        services = self.services
        assert services is not None
        self.session = session = Session(
            services.backend_url, CredentialStore("self-check", backend=MemoryKeyring())
        )
        session.ncalayer_url = services.ncalayer_url
        session.signing_profile = "demo"  # the mock NCALayer signs under the test CA
        password = DEMO_PASSWORD + ("-wrong" if self.fault == "wrong-password" else "")
        self.report.waiting_for = "the server to sign in"
        outcome = await session.login(DEMO_LOGIN, password)
        if outcome is not LoginOutcome.SIGNED_IN:
            raise CheckFailed(f"the server answered {outcome.value}, not signed in")
        if not session.accounts:
            raise CheckFailed("the profile has no sub-accounts")

    async def open_window(self) -> None:
        from cesec_desktop.views.main_window import MainWindow

        assert self.session is not None
        self.window = window = MainWindow(
            self.session, self.settings, self.languages, self.themes, demo=True
        )
        window.show()
        await self.report.wait_until(window.isVisible, "the main window to show")
        await self.report.wait_until(
            lambda: window.indicator.state.value == "online", "the quote stream to connect"
        )

    def _page_opener(self, key: str) -> Any:
        async def open_page() -> None:
            await self.open_page(key)

        return open_page

    async def open_page(self, key: str) -> None:
        window = self.window
        assert window is not None
        window.show_page(key)
        if window.current_page != key:
            raise CheckFailed(f"the window shows {window.current_page!r} instead")
        page = window.pages[key]
        await self.report.wait_until(lambda: _page_loaded(key, page), f"the {key} data")
        if key in MAY_BE_EMPTY:
            if page.state not in ("table", "empty"):  # type: ignore[attr-defined]
                raise CheckFailed(f"the page shows {page.state!r}")  # type: ignore[attr-defined]
        elif _page_rows(key, page) <= 0:
            raise CheckFailed("the page loaded but shows no rows")

    async def place_order(self) -> None:
        from cesec_desktop.state.order_ticket import OrderTicket
        from cesec_desktop.state.signing import SmsCode

        session, window = self.session, self.window
        assert session is not None and window is not None
        self.ticket = ticket = OrderTicket(session)
        account = next((a for a in session.accounts if str(a.currency) == "KZT"), None)
        ticket.set_account((account or session.accounts[0]).id)
        self.report.waiting_for = f"the instrument {INSTRUMENT}"
        instrument = await ticket.choose_instrument(INSTRUMENT)
        await self.report.wait_until(lambda: ticket.quote is not None, "its quote")
        await self.report.wait_until(lambda: ticket.portfolio is not None, "the funds")
        ticket.set_price(_far_price(ticket, instrument.price_step))
        ticket.set_quantity(Decimal(max(instrument.lot_size, 1)))
        errors = ticket.errors()
        if errors:
            raise CheckFailed(f"the order form refuses the order: {errors}")
        self.report.waiting_for = "the broker's draft"
        await ticket.make_draft()
        code = SmsCode(ticket.send_sms, ticket.confirm)
        try:
            self.report.waiting_for = "the SMS code to be sent"
            challenge = await code.request()
            if challenge is None:
                raise CheckFailed("the server would not send an SMS code yet")
            self.report.waiting_for = "the mock's SMS outbox"
            sent = await _sms_code(session.server_url, challenge.challenge_id)
            self.report.waiting_for = "the signed order to be accepted"
            order = await code.confirm(sent)
        finally:
            code.stop()
        self.order = order
        if not order.status.is_open:
            raise CheckFailed(f"the order is {order.status.value}, not open")
        orders = window.pages["orders"].model  # type: ignore[attr-defined]
        await self.report.wait_until(
            lambda: orders.order_by_id(order.id) is not None, "the order on the Orders page"
        )

    async def cancel_order(self) -> None:
        from cesec_desktop.domain.enums import OrderStatus

        session, window, order = self.session, self.window, self.order
        assert session is not None and window is not None and order is not None
        orders = window.pages["orders"].model  # type: ignore[attr-defined]
        self.report.waiting_for = "the server to cancel the order"
        await orders.cancel_order(order.id)

        def row_cancelled() -> bool:
            row = orders.order_by_id(order.id)
            return row is not None and row.status is OrderStatus.CANCELLED

        await self.report.wait_until(row_cancelled, "the Orders page to show it cancelled")
        stored = await session.call(lambda client: client.order(order.id))
        if stored.status is not OrderStatus.CANCELLED:
            raise CheckFailed(f"the server has it {stored.status.value}, not cancelled")

    async def check_unexpected(self) -> None:
        if self.unexpected:
            more = f" (and {len(self.unexpected) - 1} more)" if len(self.unexpected) > 1 else ""
            raise CheckFailed(f"{self.unexpected[0]}{more}")

    async def shut_down(self) -> None:
        """Close what the checks opened, the demo children last; check they exited."""
        if self.ticket is not None:
            self.ticket.close()
        window = self.window
        if window is not None:
            await window.tasks.cancel_all()
            window.close_for_logout()  # not `closed`: nothing here should quit the app
            window.deleteLater()
        if self.session is not None:
            await self.session.close()
        services = self.services
        if services is None:
            return
        if self._starting is not None and not self._starting.done():
            # A child that is still starting would escape a stop made now.
            self.report.waiting_for = "the demo children to finish starting"
            await asyncio.wait([self._starting])
        children: list[subprocess.Popen[str]] = [
            child.process
            for child in (services.backend, services.ncalayer)
            if child is not None and child.process is not None
        ]
        self.report.waiting_for = "the demo children to exit"
        await asyncio.to_thread(services.stop)
        alive = [p.pid for p in children if p.poll() is None]
        if alive:
            raise CheckFailed(f"demo processes still running: {alive}")


# --- page probes ---------------------------------------------------------------------------


def _page_loaded(key: str, page: Any) -> bool:
    """True once the page's first load is in; raises at once if it shows an error."""
    if key == "home":
        done = page.shows_data and page.summary_loaded and page.watchlists.is_loaded
        return bool(done and _page_rows(key, page) > 0)
    if key == "portfolio":
        store = page.store
        if store is None:
            return False
        if store.error is not None and not store.loading:
            raise CheckFailed(f"the page shows an error: {store.error}")
        return store.portfolio is not None and not store.loading
    model = page.model
    if model.error is not None and not model.loading:
        raise CheckFailed(f"the page shows an error: {model.error}")
    loaded = model.is_loaded if key == "transactions" else model.loaded
    return bool(loaded and not model.loading)


def _page_rows(key: str, page: Any) -> int:
    if key == "home":
        return sum(model.rowCount() for model in page.models.values())
    if key == "portfolio":
        return int(page.store.securities.rowCount()) if page.store is not None else 0
    return int(page.model.rowCount())


# --- order helpers -------------------------------------------------------------------------


def _far_price(ticket: Any, step: Decimal) -> Decimal:
    quote = ticket.quote
    reference = next(
        (p for p in (quote.bid, quote.last, quote.prev_close) if p is not None and p > 0), None
    )
    if reference is None:
        raise CheckFailed(f"{INSTRUMENT} has no price to start from")
    step = step if step > 0 else Decimal("0.01")
    steps = (reference * PRICE_FACTOR / step).to_integral_value(rounding=ROUND_DOWN)
    return max(steps, Decimal(1)) * step


async def _sms_code(server_url: str, challenge_id: str) -> str:
    """The code the mock "sent" for this challenge, from its test-only outbox."""
    import httpx

    async with httpx.AsyncClient(base_url=server_url, timeout=10, trust_env=False) as http:
        response = await http.get("/mock/sms-outbox", params={"limit": 20})
        response.raise_for_status()
        items = response.json().get("items", [])
    for item in items:
        if item.get("challenge_id") == challenge_id:
            return str(item["code"])
    raise CheckFailed("the mock's SMS outbox has no code for this order")


# --- the program ---------------------------------------------------------------------------


def run_self_check(language: str | None = None, fault: str = "", out: TextIO | None = None) -> int:
    """Run every check and print the report; the exit code (never a bare traceback)."""
    if out is None:
        return _run_to_stdout(language, fault)
    if fault and fault not in FAULTS:
        out.write(f"cesec-desktop: --self-check-fault must be one of {', '.join(FAULTS)}\n")
        return EXIT_USAGE
    report = Report(out)
    crashed = False
    with tempfile.TemporaryDirectory(prefix="cesec-self-check-", ignore_cleanup_errors=True) as tmp:
        workdir = Path(tmp)
        try:
            _run(report, workdir, language, fault)
        except BaseException as error:  # a tester needs a line, not a bare traceback
            crashed = True
            report.write(redact(f"FAIL  self-check  — crashed: {type(error).__name__}: {error}"))
        report.write(report.summary())
        failed = crashed or report.failed or not report.results
        if failed:
            _write_log_tail(report, workdir / "logs" / LOG_FILE)
    return EXIT_FAILED if failed else EXIT_OK


def _run_to_stdout(language: str | None, fault: str) -> int:
    """The report on stdout; a windowed Windows build has none, so then into a file."""
    stdout = sys.stdout
    if stdout is None:
        with open(NO_CONSOLE_REPORT, "w", encoding="utf-8") as out:
            return run_self_check(language, fault, out=out)
    reconfigure = getattr(stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")  # a legacy console code page lacks "—": no crash for it
    return run_self_check(language, fault, out=stdout)


def _run(report: Report, workdir: Path, language: str | None, fault: str) -> None:
    # No display needed: set before the QApplication exists, whatever the environment says.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from cesec_desktop import settings as app_settings
    from cesec_desktop.logging_setup import setup_logging
    from cesec_desktop.settings import Settings
    from cesec_desktop.state.i18n import LanguageManager, default_language
    from cesec_desktop.state.theme import ThemeManager

    QApplication.setOrganizationName(app_settings.ORGANIZATION)
    QApplication.setApplicationName(app_settings.APPLICATION)
    app = QApplication.instance() or QApplication([sys.argv[0], "-style", "Fusion"])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    setup_logging(workdir / "logs", console=False)
    log.info("self-check starting")

    settings = Settings(QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat))
    languages = LanguageManager(app_settings.translations_dir(), app)
    chosen = language or default_language()
    languages.set_language(chosen)
    themes = ThemeManager(app_settings.resources_dir() / "styles", app)
    themes.set_mode("light")

    import qasync

    checks = SelfCheck(report, workdir, settings, languages, themes, chosen, fault)
    previous_hook = sys.excepthook
    _catch_unexpected(checks.unexpected)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(
        lambda _loop, context: _loop_error(checks.unexpected, context)  # type: ignore[arg-type]
    )
    # Ctrl+C or SIGTERM: stop the checks, but still shut the demo children down.
    main = loop.create_task(checks.run())
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: loop.call_soon_threadsafe(main.cancel))
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)  # lets Python see a signal while Qt waits
    ticker.start(250)
    try:
        with loop, contextlib.suppress(asyncio.CancelledError):
            loop.run_until_complete(main)
    finally:
        ticker.stop()
        sys.excepthook = previous_hook
        logging.shutdown()


def _catch_unexpected(errors: list[str]) -> None:
    """An error no coroutine caught would show the app's error dialog: here it is a failure."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        errors.append(f"{exc_type.__name__}: {exc}")

    sys.excepthook = hook


def _loop_error(errors: list[str], context: dict[str, Any]) -> None:
    error = context.get("exception")
    if isinstance(error, BaseException) and not isinstance(error, asyncio.CancelledError):
        log.error("event loop: %s", context.get("message"), exc_info=error)
        errors.append(f"{type(error).__name__}: {error}")
    else:
        log.warning("event loop: %s", context.get("message"))


def _write_log_tail(report: Report, log_file: Path, lines: int = 20) -> None:
    """The last lines of the (redacted) log, for whoever reads a failed report."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    try:
        tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    except OSError:
        return
    if tail:
        report.write("last log lines:")
        for line in tail:
            report.write(f"  {line}")
