"""`CabinetClient`: every call of the cabinet API (API.md), answered with domain models."""

from __future__ import annotations

import asyncio
import logging
import random
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote as quote_path

import httpx
from pydantic import BaseModel

from cesec_desktop.api.auth import TokenAuth, TokensListener
from cesec_desktop.api.bounded import (
    MAX_BODY_BYTES,
    body_cap,
    parse_json,
    parse_model,
    read_capped,
)
from cesec_desktop.api.errors import (
    CabinetError,
    DeadlineExceeded,
    NetworkUnreachable,
    SessionExpired,
    error_from_response,
    is_certificate_error,
    network_error,
)
from cesec_desktop.api.transport import API_PREFIX, check_server_url, new_http_client
from cesec_desktop.domain.models.auth import (
    BackupCodes,
    DeviceInfo,
    LoginAnswer,
    PasswordResetChallenge,
    SecondFactorChallenge,
    SecondFactorMethod,
    SessionInfo,
    SmsSent,
    Tokens,
    TotpSetup,
)
from cesec_desktop.domain.models.base import MAX_PAGE_ROWS, Page
from cesec_desktop.domain.models.book import (
    BookPosition,
    BookPositionsPage,
    ClientSummary,
    ClientSummaryPage,
)
from cesec_desktop.domain.models.instructions import (
    BankInfo,
    ContactChangeDraft,
    ContactChangeRequest,
    Instruction,
    InstructionDraft,
    InstructionDraftRequest,
)
from cesec_desktop.domain.models.market import (
    CandleSeries,
    Instrument,
    MarketInfo,
    Quote,
    Watchlist,
    Watchlists,
    WatchlistUpdate,
)
from cesec_desktop.domain.models.orders import Order, OrderDraft, OrderDraftRequest, Transaction
from cesec_desktop.domain.models.portfolio import Portfolio, PortfolioHistory
from cesec_desktop.domain.models.profile import Account, Client, Me
from cesec_desktop.domain.models.signing import (
    EdsSignature,
    SignedConfirm,
    SmsChallenge,
    SmsChallengeRequest,
    SmsSignature,
)
from cesec_desktop.domain.models.support import SupportRequest, SupportRequestCreate

if TYPE_CHECKING:
    from cesec_desktop.api.traffic_log import TrafficLog

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
P = TypeVar("P", ClientSummaryPage, BookPositionsPage)

RETRY_DELAYS: tuple[float, ...] = (0.2, 0.5, 1.0)
"""Pauses before the second, third and fourth try of a call that is safe to repeat."""
RETRY_STATUSES = frozenset({502, 503, 504})
READ_DEADLINE = 15.0
"""Seconds one call may take in all, retries included: a per-read timeout alone lets a server
that drips a byte at a time keep a call open for ever."""
CONFIRM_DEADLINE = 30.0
"""The same for a call carrying an Idempotency-Key (a signed confirm), retries included."""
IDEMPOTENCY_KEY = "Idempotency-Key"
ACCEPT_LANGUAGE = "Accept-Language"
LANGUAGES = frozenset({"kk", "ru", "en"})
"""What `Accept-Language` may ask for: the backend writes documents and event texts in these."""

Params = dict[str, str | int]


def new_idempotency_key() -> str:
    """A fresh key; make it when the draft is made and keep it for every confirm attempt."""
    return str(uuid.uuid4())


def _text(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _params(**values: object) -> Params:
    """Query parameters without the unset ones; `start`/`end` go out as `from`/`to`."""
    renamed = {"start": "from", "end": "to"}
    params: Params = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            params[renamed.get(name, name)] = value
        elif isinstance(value, Sequence) and not isinstance(value, str):
            params[renamed.get(name, name)] = ",".join(_text(v) for v in value)
        else:
            params[renamed.get(name, name)] = _text(value)
    return params


def _segment(value: str) -> str:
    """One path segment; ids like `KASE:HSBK` keep their colon."""
    return quote_path(value, safe=":")


def _body(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_none=True)


class CabinetClient:
    """The cabinet API over one `httpx.AsyncClient`, made lazily inside the running loop.

    Reads (GET) and writes that carry an Idempotency-Key are retried on network errors and on
    502/503/504, never on a 4xx. A 401 session_expired is renewed transparently (`TokenAuth`).
    Failures raise the typed errors of `cesec_desktop.api.errors`.

    Every call ends within its deadline (`deadline`, or `confirm_deadline` for a call with an
    Idempotency-Key), retries included, with DeadlineExceeded. Answers are read with a size
    cap and parsed with a depth limit (`api/bounded.py`); a page may hold no more rows than
    asked. What breaks a limit raises UnreadableAnswer.

    Every call carries `Accept-Language: <language>` once `language` is set (the state layer
    sets it from the UI language and again whenever that changes), so the documents to sign
    and the history texts come back in the language the user reads.
    """

    def __init__(
        self,
        base_url: str,
        *,
        on_tokens: TokensListener | None = None,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        language: str | None = None,
        deadline: float = READ_DEADLINE,
        confirm_deadline: float = CONFIRM_DEADLINE,
        max_body: int = MAX_BODY_BYTES,
        traffic: TrafficLog | None = None,
    ) -> None:
        self.base_url = check_server_url(base_url)
        self.traffic = traffic
        """Where every exchange on the wire is also filed (the session's ring); None: nowhere."""
        self._retry_delays = tuple(retry_delays)
        self.deadline = deadline
        self.confirm_deadline = confirm_deadline
        self.max_body = max_body
        """The largest answer read, in decoded bytes; an error answer gets far less."""
        self._language: str | None = None
        self.language = language
        self._auth = TokenAuth(self._refresh, on_tokens)
        self._http: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # --- session ---------------------------------------------------------------------------

    @property
    def language(self) -> str | None:
        """The language asked of the backend (`kk`, `ru` or `en`); None sends no header."""
        return self._language

    @language.setter
    def language(self, language: str | None) -> None:
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"unsupported language: {language!r}")
        self._language = language

    @property
    def access_token(self) -> str | None:
        return self._auth.access_token

    @property
    def is_authenticated(self) -> bool:
        return self._auth.tokens is not None

    @property
    def refresh_count(self) -> int:
        """Token refreshes made so far in this client's life."""
        return self._auth.refresh_count

    async def login(
        self, login: str, password: str, device_token: str | None = None
    ) -> Tokens | SecondFactorChallenge:
        """Sign in: tokens, or a second-factor challenge (then no tokens are set yet).

        `device_token` is a remembered computer's: with it a user with a second factor may
        get tokens straight away.
        """
        # Plain dicts, not the request models: a pydantic error would quote the password back.
        body: dict[str, Any] = {"login": login, "password": password}
        if device_token:
            body["device_token"] = device_token
        response = await self._send("POST", "/auth/login", json=body, auth=False)
        return await self._login_answer(response)

    async def verify_second_factor(
        self,
        challenge_id: str,
        method: SecondFactorMethod,
        code: str,
        *,
        remember_device: bool = False,
    ) -> Tokens:
        """Answer a challenge with a code (SMS, authenticator or backup); sets the tokens.

        Never repeated: a code is single use, and every wrong one counts toward the lockout.
        """
        body = {
            "challenge_id": challenge_id,
            "method": method,
            "code": code,
            "remember_device": remember_device,
        }
        response = await self._send("POST", "/auth/second-factor", json=body, auth=False)
        tokens = await self._parse(Tokens, response)
        self._auth.set_tokens(tokens)
        return tokens

    async def send_sign_in_sms(self, challenge_id: str) -> SmsSent:
        """Send (or resend) the sign-in code by SMS; ResendTooSoon within a minute."""
        body = {"challenge_id": challenge_id}
        response = await self._send("POST", "/auth/second-factor/sms", json=body, auth=False)
        return await self._parse(SmsSent, response)

    async def forgot_password(self, login: str) -> PasswordResetChallenge:
        """Start a password reset for a login or an IIN: the code goes out by SMS at once.

        The answer looks the same whether or not the login exists.
        """
        body = {"login": login}
        response = await self._send("POST", "/auth/password/forgot", json=body, auth=False)
        return await self._parse(PasswordResetChallenge, response)

    async def resend_reset_sms(self, challenge_id: str) -> SmsSent:
        body = {"challenge_id": challenge_id}
        response = await self._send("POST", "/auth/password/forgot/sms", json=body, auth=False)
        return await self._parse(SmsSent, response)

    async def reset_password(
        self, challenge_id: str, code: str, new_password: str
    ) -> Tokens | SecondFactorChallenge:
        """Set a new password with the SMS code: tokens, or (a user with an authenticator) a
        second-factor challenge that the SMS cannot answer."""
        body = {"challenge_id": challenge_id, "code": code, "new_password": new_password}
        response = await self._send("POST", "/auth/password/reset", json=body, auth=False)
        return await self._login_answer(response)

    async def totp_setup(self) -> TotpSetup:
        """A new authenticator secret, pending until `totp_confirm`."""
        return await self._parse(TotpSetup, await self._send("POST", "/auth/totp/setup"))

    async def totp_confirm(self, code: str) -> BackupCodes:
        """Turn the pending authenticator on with one of its codes; the backup codes, once."""
        response = await self._send("POST", "/auth/totp/confirm", json={"code": code})
        return await self._parse(BackupCodes, response)

    async def totp_remove(self, password: str, code: str) -> None:
        """Turn the second factor off (forgets the backup codes and remembered computers)."""
        await self._send("DELETE", "/auth/totp", json={"password": password, "code": code})

    async def sessions(self) -> list[SessionInfo]:
        """The user's live sessions, this one first."""
        return (await self._parse(Page[SessionInfo], await self._get("/auth/sessions"))).items

    async def end_session(self, session_id: str) -> None:
        """End one session: its tokens stop working and its stream closes at once."""
        await self._send("DELETE", f"/auth/sessions/{_segment(session_id)}")

    async def end_other_sessions(self) -> None:
        await self._send("DELETE", "/auth/sessions", params={"others": "true"})

    async def devices(self) -> list[DeviceInfo]:
        """The computers that skip the second factor (remembered for 30 days)."""
        return (await self._parse(Page[DeviceInfo], await self._get("/auth/devices"))).items

    async def forget_device(self, device_id: str) -> None:
        await self._send("DELETE", f"/auth/devices/{_segment(device_id)}")

    async def _login_answer(self, response: httpx.Response) -> Tokens | SecondFactorChallenge:
        """Tokens (set on this client) or a challenge, told apart by `second_factor_required`."""
        body = parse_json(response.content, max_size=self.max_body)
        model: type[Tokens] | type[SecondFactorChallenge] = (
            SecondFactorChallenge
            if isinstance(body, dict) and "second_factor_required" in body
            else Tokens
        )
        answer: LoginAnswer = await self._parse(model, response)
        if isinstance(answer, Tokens):
            self._auth.set_tokens(answer)
        return answer

    async def restore(self, refresh_token: str) -> Tokens:
        """Resume a session from a kept refresh token; SessionExpired if it is no longer valid."""
        tokens = await self._refresh(refresh_token)
        self._auth.set_tokens(tokens)
        return tokens

    async def logout(self) -> None:
        """End the session at the server (best effort) and forget the tokens."""
        try:
            if self.is_authenticated:
                await self._send("POST", "/auth/logout")
        except CabinetError as exc:
            # Already over, or the server is away: the user is signed out here either way.
            log.info("logout not confirmed by the server (%s)", exc.code)
        finally:
            self._auth.set_tokens(None)

    async def stream_token(self, refused: str | None = None) -> str:
        """An access token for the stream; given the one it just refused, a newer one."""
        if refused is not None:
            return await self._auth.refresh_after(refused)
        token = self.access_token
        if token is None:
            raise SessionExpired()
        return token

    async def change_password(self, old_password: str, new_password: str) -> None:
        body = {"old_password": old_password, "new_password": new_password}
        await self._send("POST", "/auth/password", json=body)

    async def _refresh(self, refresh_token: str) -> Tokens:
        # Never retried: the server rotates the refresh token on use, so a repeat would fail.
        response = await self._send(
            "POST", "/auth/refresh", json={"refresh_token": refresh_token}, auth=False
        )
        return await self._parse(Tokens, response)

    # --- profile ---------------------------------------------------------------------------

    async def me(self) -> Me:
        return await self._parse(Me, await self._get("/me"))

    async def clients(self) -> list[Client]:
        return (await self._parse(Page[Client], await self._get("/clients"))).items

    async def clients_summary(
        self, cursor: str | None = None, limit: int = MAX_PAGE_ROWS
    ) -> ClientSummaryPage:
        """Brokers only: one page of the watched clients' summaries (Forbidden for a client)."""
        response = await self._get("/clients/summary", _params(cursor=cursor, limit=limit))
        return await self._parse(ClientSummaryPage, response, max_rows=limit)

    async def clients_positions(
        self, cursor: str | None = None, limit: int = MAX_PAGE_ROWS
    ) -> BookPositionsPage:
        """Brokers only: one page of every watched client's positions."""
        response = await self._get("/clients/positions", _params(cursor=cursor, limit=limit))
        return await self._parse(BookPositionsPage, response, max_rows=limit)

    async def all_clients_summary(
        self, limit: int = MAX_PAGE_ROWS
    ) -> tuple[list[ClientSummary], dict[str, Decimal]]:
        """Every page of `clients_summary`, and the rates of the last page."""
        items: list[ClientSummary] = []
        rates: dict[str, Decimal] = {}
        async for page in self._pages(self.clients_summary, limit):
            items.extend(page.items)
            rates = page.fx_rates or rates
        return items, rates

    async def all_clients_positions(
        self, limit: int = MAX_PAGE_ROWS
    ) -> tuple[list[BookPosition], dict[str, Decimal]]:
        """Every page of `clients_positions`, and the rates of the last page."""
        items: list[BookPosition] = []
        rates: dict[str, Decimal] = {}
        async for page in self._pages(self.clients_positions, limit):
            items.extend(page.items)
            rates = page.fx_rates or rates
        return items, rates

    async def _pages(
        self, call: Callable[[str | None, int], Awaitable[P]], limit: int
    ) -> AsyncIterator[P]:
        """Each page of a cursor list in turn, to the end. A cursor met twice ends it: a
        server that loops must not keep the caller reading for ever."""
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            page = await call(cursor, limit)
            yield page
            cursor = page.next_cursor
            if not cursor or not page.items or cursor in seen:
                return
            seen.add(cursor)

    async def accounts(self, client_id: str | None = None) -> list[Account]:
        response = await self._get("/accounts", _params(client_id=client_id))
        return (await self._parse(Page[Account], response)).items

    # --- market data -----------------------------------------------------------------------

    async def markets(self) -> list[MarketInfo]:
        return (await self._parse(Page[MarketInfo], await self._get("/markets"))).items

    async def search_instruments(
        self, q: str, market: str | None = None, limit: int = 20
    ) -> list[Instrument]:
        response = await self._get("/instruments", _params(q=q, market=market, limit=limit))
        return (await self._parse(Page[Instrument], response, max_rows=limit)).items

    async def instrument(self, instrument_id: str) -> Instrument:
        response = await self._get(f"/instruments/{_segment(instrument_id)}")
        return await self._parse(Instrument, response)

    async def quotes(self, ids: Sequence[str]) -> list[Quote]:
        if not ids:
            return []
        response = await self._get("/quotes", _params(ids=list(ids)))
        return (await self._parse(Page[Quote], response)).items

    async def candles(
        self,
        instrument_id: str,
        interval: str,
        start: date | datetime | None = None,
        end: date | datetime | None = None,
    ) -> CandleSeries:
        path = f"/instruments/{_segment(instrument_id)}/candles"
        response = await self._get(path, _params(interval=interval, start=start, end=end))
        return await self._parse(CandleSeries, response)

    async def watchlists(self, client_id: str | None = None) -> Watchlists:
        response = await self._get("/watchlists", _params(client_id=client_id))
        return await self._parse(Watchlists, response)

    async def set_watchlist(self, market: str, instrument_ids: Sequence[str]) -> Watchlist:
        body = _body(WatchlistUpdate(instrument_ids=list(instrument_ids)))
        response = await self._send("PUT", f"/watchlists/{_segment(_text(market))}", json=body)
        return await self._parse(Watchlist, response)

    # --- portfolio -------------------------------------------------------------------------

    async def portfolio(
        self, account_id: str | None = None, client_id: str | None = None
    ) -> Portfolio:
        response = await self._get(
            "/portfolio", _params(account_id=account_id, client_id=client_id)
        )
        return await self._parse(Portfolio, response)

    async def portfolio_history(
        self,
        account_id: str | None = None,
        start: date | None = None,
        end: date | None = None,
        client_id: str | None = None,
    ) -> PortfolioHistory:
        params = _params(account_id=account_id, start=start, end=end, client_id=client_id)
        return await self._parse(PortfolioHistory, await self._get("/portfolio/history", params))

    # --- orders and transactions -----------------------------------------------------------

    async def create_order_draft(self, request: OrderDraftRequest) -> OrderDraft:
        response = await self._send("POST", "/orders/drafts", json=_body(request))
        return await self._parse(OrderDraft, response)

    async def send_sms(self, draft_id: str) -> SmsChallenge:
        """Send (or resend) the one-time code for a draft's document."""
        body = _body(SmsChallengeRequest(draft_id=draft_id))
        response = await self._send("POST", "/sms-challenges", json=body)
        return await self._parse(SmsChallenge, response)

    async def confirm_order(
        self, draft_id: str, signature: SmsSignature | EdsSignature, idempotency_key: str
    ) -> Order:
        """Place the signed order; a retry after a lost answer reuses the key and the order."""
        body = _body(SignedConfirm(draft_id=draft_id, signature=signature))
        response = await self._send("POST", "/orders", json=body, idempotency_key=idempotency_key)
        return await self._parse(Order, response)

    async def orders(
        self,
        start: date | None = None,
        end: date | None = None,
        status: str | Sequence[str] | None = None,
        market: str | None = None,
        side: str | None = None,
        instrument: str | None = None,
        limit: int = 100,
        cursor: str | None = None,
        client_id: str | None = None,
    ) -> Page[Order]:
        params = _params(
            start=start,
            end=end,
            status=status,
            market=market,
            side=side,
            instrument=instrument,
            limit=limit,
            cursor=cursor,
            client_id=client_id,
        )
        return await self._parse(Page[Order], await self._get("/orders", params), max_rows=limit)

    async def order(self, order_id: str, client_id: str | None = None) -> Order:
        response = await self._get(f"/orders/{_segment(order_id)}", _params(client_id=client_id))
        return await self._parse(Order, response)

    async def cancel_order(self, order_id: str) -> Order:
        response = await self._send("POST", f"/orders/{_segment(order_id)}/cancel")
        return await self._parse(Order, response)

    async def transactions(
        self,
        start: date | None = None,
        end: date | None = None,
        market: str | None = None,
        side: str | None = None,
        instrument: str | None = None,
        limit: int = 100,
        cursor: str | None = None,
        client_id: str | None = None,
    ) -> Page[Transaction]:
        params = _params(
            start=start,
            end=end,
            market=market,
            side=side,
            instrument=instrument,
            limit=limit,
            cursor=cursor,
            client_id=client_id,
        )
        response = await self._get("/transactions", params)
        return await self._parse(Page[Transaction], response, max_rows=limit)

    async def transaction(self, transaction_id: str, client_id: str | None = None) -> Transaction:
        path = f"/transactions/{_segment(transaction_id)}"
        return await self._parse(Transaction, await self._get(path, _params(client_id=client_id)))

    # --- withdrawals -----------------------------------------------------------------------

    async def banks(self) -> list[BankInfo]:
        return (await self._parse(Page[BankInfo], await self._get("/banks"))).items

    async def create_instruction_draft(self, request: InstructionDraftRequest) -> InstructionDraft:
        response = await self._send("POST", "/instructions/drafts", json=_body(request))
        return await self._parse(InstructionDraft, response)

    async def confirm_instruction(
        self, draft_id: str, signature: SmsSignature | EdsSignature, idempotency_key: str
    ) -> Instruction:
        body = _body(SignedConfirm(draft_id=draft_id, signature=signature))
        response = await self._send(
            "POST", "/instructions", json=body, idempotency_key=idempotency_key
        )
        return await self._parse(Instruction, response)

    async def instructions(
        self,
        start: date | None = None,
        end: date | None = None,
        status: str | Sequence[str] | None = None,
        limit: int = 100,
        cursor: str | None = None,
        client_id: str | None = None,
    ) -> Page[Instruction]:
        params = _params(
            start=start, end=end, status=status, limit=limit, cursor=cursor, client_id=client_id
        )
        response = await self._get("/instructions", params)
        return await self._parse(Page[Instruction], response, max_rows=limit)

    async def instruction(self, instruction_id: str, client_id: str | None = None) -> Instruction:
        path = f"/instructions/{_segment(instruction_id)}"
        return await self._parse(Instruction, await self._get(path, _params(client_id=client_id)))

    # --- contact change (issue 20: My details) --------------------------------------------

    async def create_contact_change_draft(
        self, phone: str | None = None, email: str | None = None
    ) -> ContactChangeDraft:
        """The document that changes the phone and/or e-mail; signed with EDS only, then
        confirmed with `confirm_instruction` (an SMS signature: EdsRequired, 403)."""
        body = _body(ContactChangeRequest(phone=phone, email=email))
        response = await self._send("POST", "/profile/change-drafts", json=body)
        return await self._parse(ContactChangeDraft, response)

    # --- support ---------------------------------------------------------------------------

    async def support_requests(self) -> list[SupportRequest]:
        """All of the user's requests, newest first (every page)."""
        items: list[SupportRequest] = []
        cursor: str | None = None
        while True:
            response = await self._get("/support/requests", _params(limit=500, cursor=cursor))
            page = await self._parse(Page[SupportRequest], response, max_rows=500)
            items.extend(page.items)
            if not page.next_cursor or not page.items:
                return items
            cursor = page.next_cursor

    async def create_support_request(
        self, request: SupportRequestCreate, idempotency_key: str | None = None
    ) -> SupportRequest:
        """File a request; without a key one is made, so this call's own retries stay safe."""
        response = await self._send(
            "POST",
            "/support/requests",
            json=_body(request),
            idempotency_key=idempotency_key or new_idempotency_key(),
        )
        return await self._parse(SupportRequest, response)

    # --- plumbing --------------------------------------------------------------------------

    async def aclose(self) -> None:
        if self._http is not None:
            http, self._http = self._http, None
            await http.aclose()

    def _client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()  # raises outside a loop, as it should
        if self._http is None:
            url = self.base_url + API_PREFIX
            if self.traffic is None:
                self._http = new_http_client(url, self._auth)
            else:
                self._http = new_http_client(url, self._auth, traffic=self.traffic)
            self._loop = loop
        elif self._loop is not loop:
            raise RuntimeError("CabinetClient is bound to the event loop that first used it")
        return self._http

    async def _get(self, path: str, params: Params | None = None) -> httpx.Response:
        return await self._send("GET", path, params=params)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        auth: bool = True,
    ) -> httpx.Response:
        """One call with its retries, within its deadline; a failed answer raises its typed
        error. The returned response has been read (under the size cap)."""
        deadline = self.confirm_deadline if idempotency_key else self.deadline
        try:
            async with asyncio.timeout(deadline):
                return await self._attempts(
                    method,
                    path,
                    params=params,
                    json=json,
                    idempotency_key=idempotency_key,
                    auth=auth,
                )
        except TimeoutError:
            log.debug(
                "%s %s gave up after its %.0f s deadline", method, API_PREFIX + path, deadline
            )
            raise DeadlineExceeded(details={"deadline": deadline}) from None

    async def _attempts(
        self,
        method: str,
        path: str,
        *,
        params: Params | None,
        json: dict[str, Any] | None,
        idempotency_key: str | None,
        auth: bool,
    ) -> httpx.Response:
        http = self._client()
        headers: dict[str, str] = {}
        if idempotency_key:
            headers[IDEMPOTENCY_KEY] = idempotency_key
        if self._language:
            # Read per call, so a language change applies from the next call on.
            headers[ACCEPT_LANGUAGE] = self._language
        # Repeating is safe only where the server cannot do the thing twice.
        repeatable = method == "GET" or idempotency_key is not None
        delays = self._retry_delays if repeatable else ()
        for attempt in range(len(delays) + 1):
            last = attempt == len(delays)
            started = time.perf_counter()
            try:
                request = http.build_request(
                    method, path, params=params, json=json, headers=headers
                )
                # Streamed, so the body is read under its cap rather than whole by httpx.
                response = await http.send(
                    request, stream=True, auth=httpx.USE_CLIENT_DEFAULT if auth else None
                )
                try:
                    await read_capped(response, body_cap(response, self.max_body))
                finally:
                    await response.aclose()
            except httpx.TransportError as exc:
                # Path only: a query may hold an IIN, a body a password, a header a token.
                log.debug(
                    "%s %s failed (%s) %.0f ms",
                    method,
                    API_PREFIX + path,
                    type(exc).__name__,
                    (time.perf_counter() - started) * 1000,
                )
                if last or is_certificate_error(exc):  # a certificate does not heal on retry
                    raise network_error(exc, http.base_url.host) from None
            except httpx.RequestError as exc:
                raise network_error(exc, http.base_url.host) from None
            except RuntimeError:
                if not http.is_closed:
                    raise
                # Closed under this call (signing out, or the app closing): a typed failure
                # the caller already handles, not an error box.
                log.debug("%s %s: the client was closed", method, API_PREFIX + path)
                raise NetworkUnreachable(details={"reason": "closed"}) from None
            else:
                log.debug(
                    "%s %s %d %.0f ms",
                    method,
                    API_PREFIX + path,
                    response.status_code,
                    (time.perf_counter() - started) * 1000,
                )
                if response.status_code not in RETRY_STATUSES or last:
                    if response.is_error:
                        raise error_from_response(response)
                    return response
            await asyncio.sleep(_backoff(delays[attempt]))
        raise AssertionError("unreachable")

    async def _parse(
        self, model: type[M], response: httpx.Response, *, max_rows: int | None = None
    ) -> M:
        """The answer as `model`; a page (with `max_rows`) may hold no more rows than asked.

        A large answer is parsed and validated on a worker thread (`api/bounded.py`).
        """
        return await parse_model(
            model,
            response.content,
            status=response.status_code,
            max_rows=max_rows,
            max_size=self.max_body,
        )


def _backoff(delay: float) -> float:
    """The pause plus up to a quarter more, so clients cut off together do not return together."""
    return delay + random.uniform(0, delay / 4)
