"""Demo mode's phone: the SMS codes the mock backend "sent", delivered to the app.

The mock has no SMS gateway: it keeps every code in `GET /mock/sms-outbox`. In demo mode the
inbox reads the code of a challenge just sent from there, so that a tester sees it where a
phone would show it instead of digging it out of a log.

Demo mode is a loopback server: the `--demo` children, or a mock a tester runs by hand. A real
backend is never one (`app.check_server_url` allows plain http only on loopback, and the api
client refuses anything else), and has no `/mock/` routes, so in PROD no inbox exists. The mock
is read over HTTP like any server: nothing of `cesec_desktop.mockserver` is imported.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal

from cesec_desktop.domain.models.signing import SmsChallenge
from cesec_desktop.state import clock

log = logging.getLogger(__name__)

OUTBOX_PATH = "/mock/sms-outbox"
MAX_OUTBOX_BYTES = 256 * 1024
"""The outbox answer is read with a cap, as every answer is (a loopback port is no proof)."""

Fetch = Callable[[], Awaitable[list[dict[str, Any]]]]


@dataclass(frozen=True, slots=True)
class DemoSms:
    """One SMS as the demo phone shows it."""

    challenge_id: str
    code: str
    phone_masked: str
    sent_at: datetime
    """Aware UTC, as the mock stamped it."""
    purpose: str = "signing"
    """What the code is for, as the outbox says: "signing", "sign_in" or "password_reset"."""


def is_demo_server(server_url: str) -> bool:
    """Whether `server_url` is a loopback server (the demo's mock), never a real backend."""
    if not server_url:
        return False
    from cesec_desktop.api.transport import is_loopback

    host = urlsplit(server_url).hostname
    return bool(host) and is_loopback(host or "")


class DemoSmsInbox(QObject):
    """Reads the demo mock's outbox for the codes it "sent".

    Signals:
        received(DemoSms): the code of a challenge arrived on the demo "phone".
    """

    received = Signal(object)

    POLL_INTERVAL_S = 0.2
    WAIT_S = 5.0

    def __init__(
        self, server_url: str, fetch: Fetch | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.server_url = server_url.rstrip("/")
        self._fetch = fetch if fetch is not None else self._fetch_outbox

    @classmethod
    def for_server(cls, server_url: str, parent: QObject | None = None) -> DemoSmsInbox | None:
        """An inbox for a demo server; None for any other (there is no phone to fake)."""
        return cls(server_url, parent=parent) if is_demo_server(server_url) else None

    async def deliver(self, challenge: SmsChallenge, wait: float | None = None) -> DemoSms | None:
        """Find a signing `challenge`'s code in the outbox and announce it; None if it never
        shows."""
        return await self.deliver_code(challenge.challenge_id, challenge.phone_masked, wait)

    async def deliver_code(
        self, challenge_id: str, phone_masked: str, wait: float | None = None
    ) -> DemoSms | None:
        """Find the newest code sent for `challenge_id` (a signing, sign-in or password reset
        challenge) and announce it; None if it never shows (a reset for a login that does
        not exist sends nothing).

        The mock writes the outbox before it answers the send, so the first look finds it;
        the few more looks cover a mock that is slow to commit.
        """
        deadline = time.monotonic() + (self.WAIT_S if wait is None else wait)
        while True:
            try:
                items = await self._fetch()
            except Exception as error:  # a demo convenience must never break signing
                log.info("the demo SMS outbox could not be read (%s)", type(error).__name__)
                items = []
            sms = _find(items, challenge_id, phone_masked)
            if sms is not None:
                self.received.emit(sms)
                return sms
            if time.monotonic() >= deadline:
                log.info("the demo SMS for %s did not show in the outbox", challenge_id)
                return None
            await asyncio.sleep(self.POLL_INTERVAL_S)

    async def _fetch_outbox(self) -> list[dict[str, Any]]:
        import httpx

        # Its own transport: proxy settings from the environment must not catch loopback.
        async with (
            httpx.AsyncClient(
                base_url=self.server_url, transport=httpx.AsyncHTTPTransport(), timeout=3.0
            ) as client,
            client.stream("GET", OUTBOX_PATH, params={"limit": 20}) as response,
        ):
            response.raise_for_status()
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > MAX_OUTBOX_BYTES:
                    raise ValueError("the SMS outbox answer is too large")
        import json

        items = json.loads(bytes(body)).get("items", [])
        return items if isinstance(items, list) else []


def _find(items: list[dict[str, Any]], challenge_id: str, phone_masked: str) -> DemoSms | None:
    # The outbox lists the newest first: a resent code is found before the one it replaced.
    for item in items:
        if not isinstance(item, dict) or item.get("challenge_id") != challenge_id:
            continue
        code = str(item.get("code", ""))[:16]
        if not code:
            return None
        try:
            sent_at = datetime.fromisoformat(str(item.get("sent_at", "")))
        except ValueError:
            sent_at = clock.now()  # the mock sent no usable time: when it arrived
        if sent_at.tzinfo is None:
            sent_at = sent_at.replace(tzinfo=UTC)
        purpose = str(item.get("purpose") or "signing")[:32]
        return DemoSms(challenge_id, code, phone_masked, sent_at, purpose)
    return None
