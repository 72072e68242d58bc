"""Calls of the cabinet API (../shared/API.md) made through a Locust user's HTTP session.

Every call is reported to Locust under a stable name (ids in paths become `{id}`); an answer
the journey cannot go on with is marked failed in Locust's stats and raises `CallFailed`, which
ends that journey iteration quietly (the failure is already counted). Answers are parsed with a
size limit; a failed confirm is repeated with the same Idempotency-Key (API.md "Conventions").

Nothing secret reaches a failure message or a log: passwords, tokens and SMS codes are never
formatted into one (a failure names the status and the error envelope's `code` only).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import gevent
from locust.contrib.fasthttp import FastHttpSession, ResponseContextManager

API = "/api/v1"
MAX_BODY_BYTES = 8 * 1024 * 1024
"""API.md "Limits": an answer over 8 MB is an error, never data."""
MAX_CODE_CHARS = 64
MAX_PROBE_BYTES = 64 * 1024
CONFIRM_TRIES = 4
"""A confirm that got no usable answer (network, 5xx, a body cut off) goes again, same key."""
CONFIRM_BACKOFF = (0.5, 1.0, 2.0)
OUTBOX_LIMITS = (200, 1000, 1000)
"""Newest-first outbox pages read for a challenge: a busy mock may have sent many codes since."""
OUTBOX_PAUSE = 0.3
IDEMPOTENCY_KEY = "Idempotency-Key"
IDLE_RECONNECT = 4.0
"""Seconds of quiet after which a user opens fresh connections. Servers close idle keep-alive
connections (uvicorn after 5 s), and a POST written to one the server has just closed ends with
no answer; geventhttpclient, rightly, never sends a POST twice. A desktop client that sat idle
would connect anew as well, so this costs the figures nothing real."""
RETRYABLE = frozenset({0, 429, 502, 503, 504})
"""0 is Locust's status for no answer at all (refused, reset, timed out)."""


class CallFailed(Exception):
    """The journey cannot go on; the failed call is already in Locust's stats."""


def new_key() -> str:
    return str(uuid.uuid4())


def error_code(response: ResponseContextManager) -> str:
    """The error envelope's code, or the transport's error class, bounded for a stats row."""
    if response.status_code == 0:
        error = getattr(response, "error", None)
        return type(error).__name__ if error is not None else "no_answer"
    try:
        body = json.loads(response.content or b"{}")
        code = body.get("error", {}).get("code", "")
    except (ValueError, AttributeError):
        code = ""
    return str(code)[:MAX_CODE_CHARS] or "unreadable_error"


def parse_json(response: ResponseContextManager) -> Any:
    """The answer's JSON (decimals as Decimal), or the call marked failed and CallFailed."""
    content = response.content or b""
    if len(content) > MAX_BODY_BYTES:
        response.failure(f"answer over {MAX_BODY_BYTES} bytes")
        raise CallFailed
    try:
        return json.loads(content, parse_float=Decimal)
    except ValueError:
        response.failure("unreadable JSON")
        raise CallFailed from None


def _created(response: ResponseContextManager) -> dict[str, Any] | None:
    """A create call's whole answer with its id; None when the body did not arrive whole."""
    if response.request_meta.get("exception") is not None:
        return None
    content = response.content or b""
    if len(content) > MAX_BODY_BYTES:
        return None
    try:
        result = json.loads(content, parse_float=Decimal)
    except ValueError:
        return None
    if not isinstance(result, dict) or not isinstance(result.get("id"), str):
        return None
    return result


class Cabinet:
    """One signed-in user's calls; `login` first. Re-signs in once on 401 session_expired."""

    def __init__(self, client: FastHttpSession, login: str, password: str) -> None:
        self.client = client
        self.login_name = login
        self._password = password
        self._token: str | None = None
        self._last_request = time.monotonic()

    def __repr__(self) -> str:
        # Never the password or the token, whatever prints this.
        return f"Cabinet({self.login_name!r})"

    @property
    def signed_in(self) -> bool:
        return self._token is not None

    @property
    def token(self) -> str:
        if self._token is None:
            raise CallFailed
        return self._token

    def _request(self, method: str, url: str, **options: Any) -> ResponseContextManager:
        """`client.request` with catch_response, on fresh connections after a quiet spell."""
        if time.monotonic() - self._last_request > IDLE_RECONNECT:
            self.client.client.close()
        try:
            return self.client.request(method, url, catch_response=True, **options)
        finally:
            self._last_request = time.monotonic()

    def login(self) -> None:
        with self._request(
            "POST",
            f"{API}/auth/login",
            name=f"{API}/auth/login",
            json={"login": self.login_name, "password": self._password},
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {error_code(response)}")
                raise CallFailed
            body = parse_json(response)
            token = body.get("access_token") if isinstance(body, dict) else None
            if not isinstance(token, str) or not token or len(token) > 4096:
                # Second factor or a changed password: a load user cannot go on with either.
                response.failure("no access token (second factor or password change asked)")
                raise CallFailed
            response.success()
        self._token = token

    def logout(self) -> None:
        if self._token is None:
            return
        self.call("POST", "/auth/logout", ok=(200, 204))
        self._token = None

    def call(
        self,
        method: str,
        path: str,
        *,
        name: str | None = None,
        params: Mapping[str, str] | None = None,
        body: Any = None,
        key: str | None = None,
        ok: Iterable[int] = (200, 201),
        accept: Mapping[tuple[int, str], str] | None = None,
    ) -> Any:
        """One call under /api/v1: its JSON, None for an empty answer.

        `accept` maps (status, error code) to a marker returned instead of failing: an outcome
        the journey expects now and then (an order filled before its cancel, say).
        """
        expected = frozenset(ok)
        for attempt in range(2):
            headers = {"Authorization": f"Bearer {self.token}"}
            if key is not None:
                headers[IDEMPOTENCY_KEY] = key
            with self._request(
                method,
                API + path,
                name=API + (name or path),
                json=body,
                headers=headers,
                params=dict(params) if params else None,
            ) as response:
                if response.status_code in expected:
                    result = parse_json(response) if response.content else None
                    response.success()
                    return result
                code = error_code(response)
                if accept and (response.status_code, code) in accept:
                    response.success()
                    return accept[(response.status_code, code)]
                if response.status_code == 401 and attempt == 0:
                    # The access token ran out on a long run: sign in again, once. The 401 is
                    # not a server failure, so it is not counted as one.
                    response.success()
                else:
                    response.failure(f"{response.status_code} {code}")
                    raise CallFailed
            self.login()
        raise CallFailed  # pragma: no cover - the loop returns or raises

    def confirm(self, path: str, body: Mapping[str, Any], key: str) -> dict[str, Any]:
        """A signed confirm with `key`; a try that got no usable answer is repeated, same key.

        "No usable answer" includes a 2xx whose body broke off: the server may well have made
        the order, and only the same key gets that order back instead of a second one.
        """
        for attempt in range(CONFIRM_TRIES):
            headers = {"Authorization": f"Bearer {self.token}", IDEMPOTENCY_KEY: key}
            with self._request(
                "POST",
                API + path,
                name=API + path,
                json=dict(body),
                headers=headers,
            ) as response:
                status = response.status_code
                if status in (200, 201):
                    result = _created(response)
                    if result is not None:
                        response.success()
                        return result
                    retry, reason = True, f"{status} answer lost mid-body"
                else:
                    retry, reason = status in RETRYABLE, f"{status} {error_code(response)}"
                if status == 401:
                    response.success()
                else:
                    response.failure(reason)
                    if not retry or attempt == CONFIRM_TRIES - 1:
                        raise CallFailed
            if status == 401:
                self.login()
            else:
                gevent.sleep(CONFIRM_BACKOFF[min(attempt, len(CONFIRM_BACKOFF) - 1)])
        raise CallFailed

    def replay(self, path: str, body: Mapping[str, Any], key: str, created_id: str) -> None:
        """Send a confirm again as a client that lost the answer: the first result must return."""
        headers = {"Authorization": f"Bearer {self.token}", IDEMPOTENCY_KEY: key}
        with self._request(
            "POST",
            API + path,
            name=f"{API}{path} [replay]",
            json=dict(body),
            headers=headers,
        ) as response:
            if response.status_code not in (200, 201):
                response.failure(f"{response.status_code} {error_code(response)}")
                raise CallFailed
            result = parse_json(response)
            if not isinstance(result, dict) or result.get("id") != created_id:
                response.failure("a replayed confirm answered another result")
                raise CallFailed
            response.success()

    def sms_code(self, challenge_id: str) -> str:
        """The code the mock "sent" for `challenge_id`, read from GET /mock/sms-outbox."""
        for attempt, limit in enumerate(OUTBOX_LIMITS):
            with self._request(
                "GET",
                "/mock/sms-outbox",
                name="/mock/sms-outbox",
                params={"limit": str(limit)},
            ) as response:
                if response.status_code != 200:
                    response.failure(f"{response.status_code} {error_code(response)}")
                    raise CallFailed
                body = parse_json(response)
                items = body.get("items") if isinstance(body, dict) else None
                if not isinstance(items, list):
                    response.failure("outbox without items")
                    raise CallFailed
                for item in items:
                    if isinstance(item, dict) and item.get("challenge_id") == challenge_id:
                        code = item.get("code")
                        if not isinstance(code, str) or not code.isdigit() or len(code) > 12:
                            response.failure("outbox item without a usable code")
                            raise CallFailed
                        response.success()
                        return code
                if attempt == len(OUTBOX_LIMITS) - 1:
                    response.failure("challenge not in the SMS outbox")
                    raise CallFailed
                response.success()
            gevent.sleep(OUTBOX_PAUSE)
        raise CallFailed  # pragma: no cover - the loop returns or raises


def probe_mock(client: FastHttpSession) -> bool:
    """Whether the server is the mock: GET /mock says so, or (an older mock) its SMS outbox
    answers. Never counted as a failure: a real server answers 404, as it should."""
    with client.request("GET", "/mock", name="/mock [probe]", catch_response=True) as response:
        found = False
        if response.status_code == 200 and len(response.content or b"") <= MAX_PROBE_BYTES:
            try:
                found = json.loads(response.content).get("mock") is True
            except (ValueError, AttributeError):
                found = False
        response.success()
    if found:
        return True
    with client.request(
        "GET",
        "/mock/sms-outbox",
        name="/mock/sms-outbox [probe]",
        params={"limit": "1"},
        catch_response=True,
    ) as response:
        found = response.status_code == 200
        response.success()
    return found
