"""Load profiles of the cabinet API for Locust: five user journeys, weighted (README.md here).

    locust -f loadtest/locustfile.py --headless -u 200 -r 20 -t 2m --host http://127.0.0.1:8765

- BrowseUser (10): signs in, then visits: portfolio, quotes of its watchlists, orders list;
  signs out and in again every few visits.
- TraderUser (4): limit buy draft well under the market -> SMS challenge -> the code from the
  mock's outbox -> confirm with an Idempotency-Key (a failed try is repeated with the same key;
  a few confirms are replayed on purpose) -> cancel the order.
- WithdrawerUser (1): a small KZT withdrawal: draft -> SMS -> confirm with an Idempotency-Key.
- BrokerUser (1): the broker's book summary, every page.
- StreamUser (2): a quotes subscription on the stream; frames and updates are Locust rows.

Run only some of them by naming the classes at the end of the command line. The SMS step
needs a code source: the mock's outbox (`--sms-source mock`); against another server it is
off, and the trader and withdrawer users stop at once with a log line saying so.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, Decimal
from typing import Any, NoReturn
from urllib.parse import quote

import gevent.lock
from cabinet_calls import Cabinet, CallFailed, new_key, probe_mock
from intent_log import IntentLog, Kind
from locust import between, constant, events, task
from locust.contrib.fasthttp import FastHttpUser
from locust.env import Environment
from locust.exception import StopUser
from locust.runners import MasterRunner, WorkerRunner
from quote_stream import TOTALS, QuoteStream

log = logging.getLogger("loadtest")

# The mock's seeded logins (cesec_desktop/mockserver/seed.py): four clients and the broker.
DEFAULT_CLIENTS = "demo:Demo#2026,aigerim:Aigerim#2026,nurlan:Nurlan#2026,olga:Olga#2026"
DEFAULT_BROKER = "broker:Broker#2026"
# Cheap KASE shares (one lot costs a few thousand tenge at most): every seeded client can buy.
DEFAULT_INSTRUMENTS = "KASE:HSBK,KASE:KCEL,KASE:KEGC,KASE:AIRA,KASE:KZTO"
# Any valid KZ IBAN with its bank's BIC: the mock pays out only to the client's own IIN, which
# the withdrawer reads from GET /me. Halyk Bank's example account from the mock's tests.
DEFAULT_IBAN = "KZ476010131000179714"
DEFAULT_BIC = "HSBKKZKX"

BUY_DISCOUNT = Decimal("0.80")
"""A trader's limit buy rests at 80 % of the market, so it waits for its cancel unfilled."""
AIX_BAND_FLOOR = Decimal("0.91")
"""AIX refuses share prices over 10 % from the previous close: stay just inside."""
WITHDRAWAL_CENTS = (100, 2000)
"""A withdrawal is 1.00 to 20.00: the seeded cash lasts for hours of load."""
VISITS_PER_SESSION = 5
SUMMARY_PAGE = 100
MAX_SUMMARY_PAGES = 50
MAX_QUOTE_IDS = 50
STREAM_WINDOW = 10.0
"""Seconds a stream user listens per task run; it stays connected between runs."""


def _pairs(text: str, what: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in text.split(","):
        login, sep, password = item.strip().partition(":")
        if not sep or not login or not password:
            # The text holds passwords: the message names the option, never the value.
            raise ValueError(f"{what}: expected login:password[,login:password...]")
        pairs.append((login, password))
    return tuple(pairs)


@dataclass(frozen=True)
class Settings:
    """The custom arguments, parsed (see `_add_arguments`)."""

    clients: tuple[tuple[str, str], ...]
    broker: tuple[str, str]
    sms_source: str
    intent_log: IntentLog
    instruments: tuple[str, ...]
    iban: str
    bic: str
    replay_rate: float

    @classmethod
    def of(cls, environment: Environment) -> Settings:
        options = environment.parsed_options

        def option(name: str, default: Any) -> Any:
            # Run as a library (no command line), every argument has its default.
            value = getattr(options, name, None) if options is not None else None
            return default if value is None else value

        instruments = tuple(
            i.strip() for i in option("trade_instruments", DEFAULT_INSTRUMENTS).split(",")
        )
        replay_rate = float(option("replay_rate", 0.1))
        if not 0 <= replay_rate <= 1:
            raise ValueError("--replay-rate: a fraction from 0 to 1")
        sms_source = option("sms_source", "auto")
        if sms_source not in ("auto", "mock", "off"):
            raise ValueError("--sms-source: auto, mock or off")
        return cls(
            clients=_pairs(option("clients", DEFAULT_CLIENTS), "--clients"),
            broker=_pairs(option("broker", DEFAULT_BROKER), "--broker")[0],
            sms_source=sms_source,
            intent_log=IntentLog(option("intent_log", "") or None),
            instruments=tuple(i for i in instruments if i),
            iban=option("withdrawal_iban", DEFAULT_IBAN),
            bic=option("withdrawal_bic", DEFAULT_BIC),
            replay_rate=replay_rate,
        )


@events.init_command_line_parser.add_listener
def _add_arguments(parser: Any) -> None:
    parser.add_argument(
        "--clients",
        env_var="CESEC_LOAD_CLIENTS",
        default=DEFAULT_CLIENTS,
        is_secret=True,
        help="client logins as login:password,...; users are spread over them round-robin "
        "(default: the mock's four seeded clients)",
    )
    parser.add_argument(
        "--broker",
        env_var="CESEC_LOAD_BROKER",
        default=DEFAULT_BROKER,
        is_secret=True,
        help="the broker's login:password (default: the mock's broker)",
    )
    parser.add_argument(
        "--sms-source",
        choices=["auto", "mock", "off"],
        default="auto",
        help="where SMS codes come from: mock (GET /mock/sms-outbox) or off (trader and "
        "withdrawer users stop); auto (default): mock when GET /mock says the server is the mock",
    )
    parser.add_argument(
        "--intent-log",
        default="",
        help="append each confirm's Idempotency-Key and result as JSON lines to this file",
    )
    parser.add_argument(
        "--trade-instruments",
        default=DEFAULT_INSTRUMENTS,
        help="instrument ids the trader buys, comma-separated (shares priced per unit)",
    )
    parser.add_argument("--withdrawal-iban", default=DEFAULT_IBAN, help="where withdrawals go")
    parser.add_argument("--withdrawal-bic", default=DEFAULT_BIC, help="that IBAN's bank BIC")
    parser.add_argument(
        "--replay-rate",
        type=float,
        default=0.1,
        help="share of confirms sent a second time with the same key (must replay)",
    )


@events.init.add_listener
def _check_arguments(environment: Environment, **_: Any) -> None:
    if environment.parsed_options is None:
        return
    try:
        Settings.of(environment)
    except ValueError as exc:
        log.error("loadtest: %s", exc)
        raise SystemExit(2) from None


# --- process-wide state (one gevent thread: no locks needed but for the SMS probe) -----------

_next_client = itertools.count()
_sms_lock = gevent.lock.Semaphore()
_sms_mode: dict[str, bool] = {}
_said_sms_off: set[str] = set()
_instruments: dict[str, dict[str, Any]] = {}


def _sms_available(user: CabinetUser) -> bool:
    """Whether SMS codes can be read; decided once per process and host."""
    source = user.settings.sms_source
    if source != "auto":
        return source == "mock"
    host = user.host or ""
    with _sms_lock:
        if host not in _sms_mode:
            _sms_mode[host] = probe_mock(user.client)
            log.info(
                "SMS codes: %s",
                "the mock's outbox" if _sms_mode[host] else "no source (not the mock)",
            )
    return _sms_mode[host]


def _skip_without_sms(journey: str) -> None:
    if journey not in _said_sms_off:
        _said_sms_off.add(journey)
        log.warning(
            "%s journey skipped: no SMS code source (the server has no /mock/sms-outbox, or "
            "--sms-source off); its users stop. Pass --sms-source mock against the mock.",
            journey,
        )
    raise StopUser


def _quote_ids(watchlists: Any, fallback: Sequence[str]) -> list[str]:
    ids: list[str] = []
    items = watchlists.get("items", []) if isinstance(watchlists, dict) else []
    for item in items if isinstance(items, list) else []:
        found = item.get("instrument_ids", []) if isinstance(item, dict) else []
        ids.extend(i for i in found if isinstance(i, str) and len(i) <= 64)
    return list(dict.fromkeys(ids or fallback))[:MAX_QUOTE_IDS]


def _decimal(value: Any) -> Decimal:
    """A decimal string (API.md: money is never a float) as Decimal; 0 when missing."""
    if isinstance(value, str | Decimal | int) and not isinstance(value, bool):
        try:
            number = Decimal(value)
        except ArithmeticError:
            return Decimal(0)
        return number if number.is_finite() else Decimal(0)
    return Decimal(0)


def limit_price(instrument: dict[str, Any], quote_item: dict[str, Any]) -> Decimal:
    """A buy price well under the market, on the price step, inside AIX's band."""
    step = _decimal(instrument.get("price_step")) or Decimal("0.01")
    reference = _decimal(quote_item.get("bid")) or _decimal(quote_item.get("last"))
    target = reference * BUY_DISCOUNT
    prev_close = _decimal(quote_item.get("prev_close"))
    if instrument.get("market") == "AIX" and prev_close > 0:
        floor = (prev_close * AIX_BAND_FLOOR / step).to_integral_value(ROUND_CEILING) * step
        target = max(target, floor)
    price = (target / step).to_integral_value(ROUND_DOWN) * step
    return price if price > 0 else step


# --- users ------------------------------------------------------------------------------------


class CabinetUser(FastHttpUser):
    """A signed-in user of the cabinet; the journeys below are its subclasses."""

    abstract = True
    # Generous: on a saturated machine a slow answer is a figure, not a failure.
    network_timeout = 60.0
    connection_timeout = 30.0
    # Verify the server's certificate (Locust's default skips it).
    insecure = False

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        self.settings = Settings.of(environment)
        login, password = self.credentials()
        self.cabinet = Cabinet(self.client, login, password)
        self.me: dict[str, Any] | None = None

    def credentials(self) -> tuple[str, str]:
        clients = self.settings.clients
        return clients[next(_next_client) % len(clients)]

    def sign_in(self) -> None:
        """Sign in (and read /me) unless this user already is."""
        if not self.cabinet.signed_in:
            self.cabinet.login()
            me = self.cabinet.call("GET", "/me")
            self.me = me if isinstance(me, dict) else {}

    def broken(self, what: str) -> NoReturn:
        """An answer the journey cannot use although its call succeeded: a "JOURNEY" failure."""
        self.environment.events.request.fire(
            request_type="JOURNEY",
            name=what,
            response_time=0,
            response_length=0,
            exception=CallFailed(what),
            context={},
        )
        raise CallFailed

    def account_for(self, currency: str) -> dict[str, Any]:
        accounts = [a for a in (self.me or {}).get("accounts", []) if isinstance(a, dict)]
        if not accounts:
            self.broken("GET /me: no accounts")
        return next((a for a in accounts if a.get("currency") == currency), accounts[0])

    def on_stop(self) -> None:
        with contextlib.suppress(CallFailed):
            self.cabinet.logout()


class BrowseUser(CabinetUser):
    """Login, then visits: portfolio, quotes, orders list."""

    weight = 10
    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.visits = 0
        self.quote_ids: list[str] = []

    @task
    def visit(self) -> None:
        try:
            if self.visits and self.visits % VISITS_PER_SESSION == 0:
                self.cabinet.logout()
            self.visits += 1
            if not self.cabinet.signed_in:
                self.cabinet.login()
                watchlists = self.cabinet.call("GET", "/watchlists")
                self.quote_ids = _quote_ids(watchlists, self.settings.instruments)
            self.cabinet.call("GET", "/portfolio")
            self.cabinet.call("GET", "/quotes", params={"ids": ",".join(self.quote_ids)})
            self.cabinet.call("GET", "/orders", params={"limit": "50"})
        except CallFailed:
            return


class SigningUser(CabinetUser):
    """A client that signs documents by SMS: the code comes from the mock's outbox."""

    abstract = True

    def signed_body(self, draft: Any) -> dict[str, Any]:
        """The confirm's body for `draft`: an SMS challenge answered from the outbox."""
        draft_id = draft.get("draft_id") if isinstance(draft, dict) else None
        if not isinstance(draft_id, str):
            self.broken("draft without draft_id")
        challenge = self.cabinet.call("POST", "/sms-challenges", body={"draft_id": draft_id})
        challenge_id = challenge.get("challenge_id") if isinstance(challenge, dict) else None
        if not isinstance(challenge_id, str):
            self.broken("SMS challenge without challenge_id")
        code = self.cabinet.sms_code(challenge_id)
        signature = {"method": "sms", "challenge_id": challenge_id, "code": code}
        return {"draft_id": draft_id, "signature": signature}

    def confirmed(self, kind: Kind, path: str, draft: Any) -> str:
        """Sign `draft` and confirm it once, under a fresh Idempotency-Key: the created id.

        The intent is logged before the confirm goes and again with its result, and a share
        of confirms is replayed with the same key, as by a client that lost the answer.
        """
        cabinet, intents = self.cabinet, self.settings.intent_log
        body = self.signed_body(draft)
        key = new_key()
        intents.write(kind, "sent", key, cabinet.login_name, body["draft_id"])
        created = cabinet.confirm(path, body, key)["id"]
        intents.write(kind, "done", key, cabinet.login_name, body["draft_id"], created)
        if random.random() < self.settings.replay_rate:
            cabinet.replay(path, body, key, created)
        return created


class TraderUser(SigningUser):
    """Order draft -> SMS -> code from the outbox -> confirm with a key -> cancel."""

    weight = 4
    wait_time = between(1, 4)

    def instrument(self, instrument_id: str) -> dict[str, Any]:
        known = _instruments.get(instrument_id)
        if known is None:
            found = self.cabinet.call(
                "GET", f"/instruments/{quote(instrument_id, safe=':')}", name="/instruments/{id}"
            )
            if not isinstance(found, dict):
                self.broken("instrument is not an object")
            known = _instruments[instrument_id] = found
        return known

    @task
    def trade(self) -> None:
        if not _sms_available(self):
            _skip_without_sms("trader")
        try:
            self.sign_in()
            self.place_and_cancel(random.choice(self.settings.instruments))
        except CallFailed:
            return

    def place_and_cancel(self, instrument_id: str) -> None:
        cabinet = self.cabinet
        instrument = self.instrument(instrument_id)
        quotes = cabinet.call("GET", "/quotes", params={"ids": instrument_id})
        items = quotes.get("items") if isinstance(quotes, dict) else None
        if not items or not isinstance(items[0], dict):
            self.broken(f"no quote for {instrument_id[:64]}")
        account = self.account_for(str(instrument.get("currency", "KZT")))
        draft = cabinet.call(
            "POST",
            "/orders/drafts",
            body={
                "account_id": account.get("id"),
                "instrument_id": instrument_id,
                "side": "buy",
                "type": "limit",
                "price": str(limit_price(instrument, items[0])),
                "quantity": str(int(instrument.get("lot_size") or 1)),
            },
        )
        order_id = self.confirmed("order", "/orders", draft)
        # An order may fill before its cancel (a fast market): that is an answer, not a fault.
        cabinet.call(
            "POST",
            f"/orders/{quote(order_id, safe='')}/cancel",
            name="/orders/{id}/cancel",
            accept={(409, "order_not_cancellable"): "not_open"},
        )


class WithdrawerUser(SigningUser):
    """A small withdrawal: draft -> SMS -> confirm with a key."""

    weight = 1
    wait_time = between(2, 6)

    @task
    def withdraw(self) -> None:
        if not _sms_available(self):
            _skip_without_sms("withdrawer")
        try:
            self.sign_in()
            self.withdraw_a_little()
        except CallFailed:
            return

    def withdraw_a_little(self) -> None:
        account = self.account_for("KZT")
        cents = random.randint(*WITHDRAWAL_CENTS)
        draft = self.cabinet.call(
            "POST",
            "/instructions/drafts",
            body={
                "account_id": account.get("id"),
                "currency": account.get("currency", "KZT"),
                "amount": str(Decimal(cents) / 100),
                "recipient_iin": str((self.me or {}).get("iin", "")),
                "iban": self.settings.iban,
                "bic": self.settings.bic,
            },
        )
        self.confirmed("instruction", "/instructions", draft)


class BrokerUser(CabinetUser):
    """The broker's book: every page of GET /clients/summary."""

    weight = 1
    wait_time = between(2, 5)

    def credentials(self) -> tuple[str, str]:
        return self.settings.broker

    @task
    def book(self) -> None:
        try:
            if not self.cabinet.signed_in:
                self.cabinet.login()
            cursor: str | None = None
            for _ in range(MAX_SUMMARY_PAGES):
                params = {"limit": str(SUMMARY_PAGE)}
                if cursor:
                    params["cursor"] = cursor
                page = self.cabinet.call("GET", "/clients/summary", params=params)
                cursor = page.get("next_cursor") if isinstance(page, dict) else None
                if not isinstance(cursor, str) or not cursor:
                    return
        except CallFailed:
            return


class StreamUser(CabinetUser):
    """Quotes over the stream: connects once, listens in windows, reconnects when dropped."""

    weight = 2
    wait_time = constant(0)

    def on_start(self) -> None:
        self.stream = QuoteStream(self.host or "", self.environment.events.request.fire)

    @task
    def listen(self) -> None:
        if not self.stream.connected:
            try:
                self.cabinet.login()
                watchlists = self.cabinet.call("GET", "/watchlists")
            except CallFailed:
                self.wait_a_little()
                return
            self.stream.connect(self.cabinet.token, _quote_ids(watchlists, ()))
            if not self.stream.connected:
                self.wait_a_little()
                return
        self.stream.listen(STREAM_WINDOW)

    def wait_a_little(self) -> None:
        gevent.sleep(random.uniform(1, 3))

    def on_stop(self) -> None:
        self.stream.close()
        super().on_stop()


# --- the stream's totals: workers report them, the master (or a lone process) logs them -------

_master_totals = {"frames": 0, "updates": 0}


@events.report_to_master.add_listener
def _report_stream(client_id: str, data: dict[str, Any]) -> None:
    frames, updates = TOTALS.take()
    data["cesec_stream"] = [frames, updates]


@events.worker_report.add_listener
def _collect_stream(client_id: str, data: dict[str, Any]) -> None:
    frames, updates = data.get("cesec_stream", [0, 0])
    _master_totals["frames"] += int(frames)
    _master_totals["updates"] += int(updates)


@events.quitting.add_listener
def _log_stream(environment: Environment, **_: Any) -> None:
    if isinstance(environment.runner, WorkerRunner):
        return
    if isinstance(environment.runner, MasterRunner):
        frames, updates = _master_totals["frames"], _master_totals["updates"]
    else:
        frames, updates = TOTALS.frames, TOTALS.updates
    log.info("stream listeners: %d quote updates in %d frames", updates, frames)
