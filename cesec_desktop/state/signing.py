"""The two ways to sign, as the dialogs see them: NCALayer with its states, and an SMS code.

The views never import the signing layer: the NCALayer errors and states they need are
re-exported here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from cesec_desktop.domain.models.signing import EdsSignature, SmsChallenge, SmsSignature
from cesec_desktop.signing.ncalayer import (
    DEFAULT_URL,
    DEMO,
    PRODUCTION,
    NcaLayerCancelled,
    NcaLayerClient,
    NcaLayerError,
    NcaLayerNotRunning,
    NcaState,
    SigningProfile,
)
from cesec_desktop.signing.signer import SignerCertificate, signer_of

__all__ = [
    "CODE_LENGTH",
    "DEMO",
    "PRODUCTION",
    "EdsSigner",
    "NcaLayerCancelled",
    "NcaLayerError",
    "NcaLayerNotRunning",
    "NcaState",
    "OutcomeUnknown",
    "SignTarget",
    "SignerCertificate",
    "SigningProfile",
    "SmsCode",
    "SmsStatus",
    "clean_code",
    "confirm_with_retries",
]

log = logging.getLogger(__name__)

CODE_LENGTH = 6
RESEND_PAUSE_S = 60
"""API.md: a new code may be asked for 60 s after the last one."""

CONFIRM_RETRY_DELAYS: tuple[float, ...] = (1.0, 2.0)
"""Pauses before our own repeats of a confirm that failed on the network (on top of the API
client's quick retries); every repeat carries the same Idempotency-Key."""
CONFIRM_BUDGET_S = 30.0
"""Seconds a confirm may take in all, our repeats and their pauses included: past it the user
hears that the answer is unknown rather than watch "Checking…" for minutes."""

T = TypeVar("T")
Confirm = Callable[[SmsSignature | EdsSignature], Awaitable[Any]]


class SignTarget(Protocol):
    """What the signing windows sign: an order ticket or a withdrawal ticket."""

    document_kind: str
    """"order" or "withdrawal": the windows word their texts for it."""
    draft: Any
    """The draft to sign (its `document.text` is what is signed), or None."""
    sms: tuple[SmsChallenge, float, int | None] | None

    async def send_sms(self) -> SmsChallenge: ...

    async def confirm(self, signature: SmsSignature | EdsSignature) -> Any: ...


class OutcomeUnknown(Exception):
    """A signed confirm got no answer it can trust (no answer in time, a lost connection, a
    5xx): the document may or may not have been made. Not a refusal: the ticket finds out by
    sending the same confirm with the same Idempotency-Key again.
    """

    code = "outcome_unknown"

    def __init__(self, cause: Exception | None = None) -> None:
        super().__init__(f"outcome unknown ({getattr(cause, 'code', 'cancelled')})")
        self.cause = cause
        """The failure behind it (None: the wait was cancelled), for the words shown."""


async def confirm_with_retries(
    send: Callable[[], Awaitable[T]],
    delays: tuple[float, ...] | None = None,
    budget: float | None = None,
) -> T:
    """Send a signed confirm; repeat it after a network or server failure, all of it within
    `budget` seconds (CONFIRM_BUDGET_S).

    `send` must carry the same Idempotency-Key every time, so the repeats are safe: the server
    answers with what it already made instead of making it twice. Raises OutcomeUnknown when
    no trustworthy answer came in time; a refusal (4xx) is raised as it is.
    """
    from cesec_desktop.state.errors import NetworkUnreachable, ServerError

    pauses = CONFIRM_RETRY_DELAYS if delays is None else delays
    last: Exception | None = None
    try:
        async with asyncio.timeout(CONFIRM_BUDGET_S if budget is None else budget):
            for delay in (*pauses, None):
                try:
                    return await send()
                except (NetworkUnreachable, ServerError) as error:
                    last = error
                    if delay is None:
                        break
                    log.info("confirm failed (%s); again with the same key in %.0f s", error, delay)
                    await asyncio.sleep(delay)
    except TimeoutError:
        from cesec_desktop.state.errors import DeadlineExceeded

        log.info("confirm gave no answer within its budget")
        raise OutcomeUnknown(DeadlineExceeded()) from None
    raise OutcomeUnknown(last) from last


def clean_code(text: str) -> str:
    """The digits of a typed or pasted code ("123 456", "123-456"), at most six of them."""
    return "".join(ch for ch in text if ch.isdigit())[:CODE_LENGTH]


def nca_locale(locale: QLocale | None = None) -> str:
    """NCALayer's dialog language for the UI language: kk, ru or en."""
    language = (locale if locale is not None else QLocale()).language()
    if language == QLocale.Language.Kazakh:
        return "kk"
    if language == QLocale.Language.English:
        return "en"
    return "ru"


# --- EDS ---------------------------------------------------------------------------------


class EdsSigner(QObject):
    """Signs a document through NCALayer, reporting each state; one signature at a time.

    Signals:
        stateChanged(str): an `NcaState` value (connecting, waiting_for_user, done, …).
    """

    stateChanged = Signal(str)

    def __init__(
        self,
        url: str | None = None,
        parent: QObject | None = None,
        profile: SigningProfile = PRODUCTION,
    ) -> None:
        super().__init__(parent)
        self.url = url or DEFAULT_URL
        self.profile = profile
        self.state: NcaState | None = None
        self.signed_by: SignerCertificate | None = None
        """The certificate of the last signature, read from it."""
        self._client: NcaLayerClient | None = None
        self._task: asyncio.Task[str] | None = None

    @property
    def signing(self) -> bool:
        return self._task is not None and not self._task.done()

    async def sign(self, text: str, locale: str | None = None) -> str:
        """The base64 CMS over ``text`` (UTF-8), made by the key the user picks in NCALayer.

        Waits as long as the user needs. Raises NcaLayerNotRunning, NcaLayerCancelled (in
        NCALayer or by `cancel()`) or NcaLayerError.
        """
        if self.signing:
            raise RuntimeError("already signing")
        client = self._ensure_client()
        lang = locale or nca_locale()
        self.signed_by = None
        task = asyncio.ensure_future(client.sign_cms(text.encode("utf-8"), locale=lang))  # type: ignore[arg-type]
        self._task = task
        try:
            cms = await asyncio.shield(task)
            self.signed_by = signer_of(cms)
            return cms
        except asyncio.CancelledError:
            if task.cancelled() and not _cancelling():
                # Our own cancel(): to the caller it is the same as Cancel in NCALayer.
                raise NcaLayerCancelled("signing was cancelled in the app") from None
            task.cancel()
            raise
        finally:
            if self._task is task:
                self._task = None

    def cancel(self) -> None:
        """Stop waiting for NCALayer; closing the socket makes it drop its dialog."""
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def close(self) -> None:
        self.cancel()
        client, self._client = self._client, None
        if client is not None:
            await client.close()

    @property
    def app(self) -> str:
        """Which app answered ("NCALayer 1.4", "KAZTOKEN desktop 1.2.758.648"), once known."""
        return self._client.app if self._client is not None else ""

    def _ensure_client(self) -> NcaLayerClient:
        if self._client is None:
            self._client = NcaLayerClient(self.url, on_state=self._on_state, profile=self.profile)
        return self._client

    def _on_state(self, state: NcaState) -> None:
        self.state = state
        self.stateChanged.emit(state.value)


def _cancelling() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


# --- SMS ---------------------------------------------------------------------------------


class SmsStatus(StrEnum):
    SENDING = "sending"
    PENDING = "pending"
    """A code is out and may be typed."""
    EXPIRED = "expired"
    EXHAUSTED = "exhausted"
    """Three wrong codes: this one is burnt."""
    FAILED = "failed"
    """The code could not be sent."""


class SmsCode(QObject):
    """One document's SMS code: sending and resending, its clock, and the attempts left.

    The clock runs on this computer's monotonic time from the moment the code arrived, so a
    wrong system clock cannot shorten or stretch it.

    Signals:
        changed: status, phone, attempts or the clock's phase changed.
        ticked: a second went by while a code is out (update countdowns).
    """

    changed = Signal()
    ticked = Signal()

    clock: Callable[[], float] = staticmethod(time.monotonic)
    """This computer's monotonic seconds (tests move it on)."""

    def __init__(
        self,
        send: Callable[[], Awaitable[SmsChallenge]],
        confirm: Confirm,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._send = send
        self._confirm = confirm
        self.status = SmsStatus.SENDING
        self.challenge: SmsChallenge | None = None
        self.phone_masked = ""
        self.attempts_left: int | None = None
        self.error: Exception | None = None
        self._received = 0.0
        self._valid_s = 0.0
        self._resend_at = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        self._last_second = -1

    # --- the clock --------------------------------------------------------------------------

    def seconds_left(self) -> int:
        """Seconds the code stays valid (0 once expired)."""
        if self.challenge is None:
            return 0
        return max(0, int(self._valid_s - (self.clock() - self._received) + 0.999))

    def resend_in(self) -> int:
        """Seconds until Resend may be pressed (0: now)."""
        if self.status in (SmsStatus.EXPIRED, SmsStatus.EXHAUSTED):
            return 0  # the pause guards a live code; a dead one may be replaced at once
        return max(0, int(self._resend_at - self.clock() + 0.999))

    @property
    def can_resend(self) -> bool:
        return self.status != SmsStatus.SENDING and self.resend_in() == 0

    # --- actions ----------------------------------------------------------------------------

    async def request(self) -> SmsChallenge | None:
        """Send the code (or a new one); None if the server says it is too soon."""
        from cesec_desktop.state.errors import CabinetError, RateLimited

        previous = self.status
        self.status = SmsStatus.SENDING
        self.error = None
        self.changed.emit()
        try:
            challenge = await self._send()
        except RateLimited as error:
            # A code is still out (sent from another window, or our clock ran fast).
            wait = error.retry_after if error.retry_after is not None else RESEND_PAUSE_S
            self._resend_at = self.clock() + wait
            self.status = previous if previous != SmsStatus.SENDING else SmsStatus.PENDING
            if self.challenge is None:
                self.status = SmsStatus.FAILED
                self.error = error
            self._timer.start()
            self.changed.emit()
            return None
        except CabinetError as error:
            self.status = SmsStatus.FAILED
            self.error = error
            self.changed.emit()
            raise
        except BaseException:
            self.status = previous
            self.changed.emit()
            raise
        self._arrived(challenge)
        return challenge

    async def confirm(self, code: str) -> Any:
        """Send the document with this code; a wrong, expired or burnt code updates the state."""
        from cesec_desktop.state.errors import Gone, ValidationFailed

        if self.challenge is None or self.status != SmsStatus.PENDING:
            raise RuntimeError("no code to confirm with")
        signature = SmsSignature(
            method="sms", challenge_id=self.challenge.challenge_id, code=clean_code(code)
        )
        try:
            return await self._confirm(signature)
        except ValidationFailed as error:
            if error.code == "otp_invalid" or error.fields.get("code") == "otp_invalid":
                self.attempts_left = error.attempts_left
                if self.attempts_left == 0:
                    self.status = SmsStatus.EXHAUSTED
                self.changed.emit()
            raise
        except Gone as error:
            if error.code == "otp_expired":
                self._end(SmsStatus.EXPIRED)
            elif error.code == "otp_exhausted":
                self.attempts_left = 0
                self._end(SmsStatus.EXHAUSTED)
            raise

    def resume(self, challenge: SmsChallenge, received: float, attempts_left: int | None) -> None:
        """Carry on with a code sent earlier for the same document (a window opened again)."""
        self._arrived(challenge, received)
        self.attempts_left = attempts_left
        self.changed.emit()

    @property
    def received(self) -> float:
        """When the code arrived, on `clock`."""
        return self._received

    def stop(self) -> None:
        self._timer.stop()

    # --- internals --------------------------------------------------------------------------

    def _arrived(self, challenge: SmsChallenge, received: float | None = None) -> None:
        now = self.clock() if received is None else received
        self.challenge = challenge
        self.phone_masked = challenge.phone_masked
        self.attempts_left = challenge.attempts_left
        # Both moments count from the sending (API.md: resend after 60 s, valid 5 min), so
        # their difference is the validity left after the resend pause.
        self._valid_s = (challenge.expires_at - challenge.resend_after).total_seconds() + float(
            RESEND_PAUSE_S
        )
        self._received = now
        self._resend_at = now + RESEND_PAUSE_S
        self.status = SmsStatus.PENDING
        self._last_second = -1
        self._timer.start()
        self.changed.emit()

    def _end(self, status: SmsStatus) -> None:
        self.status = status
        self.changed.emit()

    def _tick(self) -> None:
        if self.status == SmsStatus.PENDING and self.challenge and self.seconds_left() == 0:
            self._end(SmsStatus.EXPIRED)
        second = int(self.clock())
        if second != self._last_second:
            self._last_second = second
            self.ticked.emit()
        if self.status not in (SmsStatus.PENDING, SmsStatus.SENDING) and self.resend_in() == 0:
            self._timer.stop()
            self.ticked.emit()
