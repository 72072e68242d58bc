"""Bearer tokens for every call, renewed once under a lock when the access token expires."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator

import httpx

from cesec_desktop.api.bounded import read_capped
from cesec_desktop.api.errors import MAX_ERROR_BYTES, SessionExpired, error_code
from cesec_desktop.domain.models.auth import Tokens

log = logging.getLogger(__name__)

Refresher = Callable[[str], Awaitable[Tokens]]
"""Trades a refresh token for new tokens; raises SessionExpired when the server refuses."""
TokensListener = Callable[[Tokens], None]


class TokenAuth(httpx.Auth):
    """Adds `Authorization: Bearer`; on 401 session_expired refreshes once and retries.

    Concurrent requests that hit the 401 together cause one refresh: each remembers the token
    it was sent with, and whoever gets the lock second finds a newer token and reuses it. The
    backend rotates refresh tokens, so a second refresh with the old one would end the session.
    """

    requires_response_body = False

    def __init__(self, refresher: Refresher, on_tokens: TokensListener | None = None) -> None:
        self._refresher = refresher
        self._on_tokens = on_tokens
        self._tokens: Tokens | None = None
        self._lock: asyncio.Lock | None = None
        self.refresh_count = 0
        """How many refreshes this session made (tests and diagnostics)."""

    @property
    def tokens(self) -> Tokens | None:
        return self._tokens

    @property
    def access_token(self) -> str | None:
        return self._tokens.access_token if self._tokens else None

    def set_tokens(self, tokens: Tokens | None) -> None:
        """New tokens from a login (or None after a logout); tells the listener about new ones."""
        self._tokens = tokens
        if tokens is not None and self._on_tokens is not None:
            self._on_tokens(tokens)

    async def refresh_after(self, used: str | None) -> str:
        """A valid access token newer than `used`, refreshing only if nobody did meanwhile."""
        if self._lock is None:
            # Made on first use, so it belongs to the loop the client runs on.
            self._lock = asyncio.Lock()
        async with self._lock:
            current = self._tokens
            if current is None:
                raise SessionExpired()
            if current.access_token != used:
                return current.access_token
            try:
                tokens = await self._refresher(current.refresh_token)
            except SessionExpired:
                # The refresh token is spent or revoked: nothing left to renew with.
                self._tokens = None
                raise
            self.refresh_count += 1
            log.debug("access token refreshed")
            self.set_tokens(tokens)
            return tokens.access_token

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        raise RuntimeError("TokenAuth works only with httpx.AsyncClient")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response, None]:
        used = self.access_token
        if used is not None:
            request.headers["Authorization"] = f"Bearer {used}"
        response = yield request
        if response.status_code != 401 or used is None:
            return
        # Bounded: a 401 with a huge body raises UnreadableAnswer instead of filling memory.
        await read_capped(response, MAX_ERROR_BYTES)
        if error_code(response) != "session_expired":
            return
        fresh = await self.refresh_after(used)
        request.headers["Authorization"] = f"Bearer {fresh}"
        yield request
