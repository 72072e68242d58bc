"""What an order ticket and a withdrawal ticket share: the draft behind the fields on screen.

Never twice: the Idempotency-Key is made together with the draft and sent with every confirm
of it, so a confirm whose answer was lost is repeated safely; the server answers with what it
already made instead of making it a second time.

Never a guess: a confirm that got no answer it can trust (no answer within its 30 s, or the
user cancelled the wait) leaves the document "unknown, checking…". API.md has no lookup by
Idempotency-Key, so the ticket finds out the way API.md promises: it sends the same signed
confirm with the same key again until the server answers, which gives the first result (or,
if the first never arrived, makes it now: the user signed it), or a refusal.

Never a mystery: when the server says a draft is already signed and sent (409 `draft_used` to
a new code, 422 `idempotency_key_reused` to a confirm signed a second time), the ticket sends
its earlier signed confirm of that draft again, exactly: the answer is the document it made
(`alreadySent`), so the user is told which one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from cesec_desktop.domain.models.signing import EdsSignature, SmsChallenge, SmsSignature
from cesec_desktop.state.signing import OutcomeUnknown, confirm_with_retries

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session
    from cesec_desktop.state.tasks import TaskTracker

log = logging.getLogger(__name__)

CHECK_DELAYS: tuple[float, ...] = (2.0, 4.0, 8.0, 15.0, 30.0)
"""Pauses between the re-sends that find out an unknown outcome; the last one repeats."""
CHECK_ATTEMPTS = 60
"""Re-sends before the ticket stops asking (about half an hour): the Orders page shows the
truth from then on."""

ALREADY_SENT = frozenset({"draft_used", "idempotency_key_reused"})
"""Refusals that mean "this draft was signed and sent before": a used draft (409), or a key
whose first confirm made something, repeated with a different signature (422)."""
SENT_KEPT = 8
"""Signed confirms remembered for `alreadySent`: the last few are plenty."""

DRAFT_REUSE_S = 5 * 60.0
"""How long a draft is signed as is; an older one is made again (its document states the time
it was made). Timed on this computer's monotonic clock, so a skewed clock changes nothing; a
draft the server says has expired is made again as well."""


class DraftTicket(QObject):
    """The draft for the current fields, its SMS code still out, and its Idempotency-Key.

    Subclasses say what the fields ask for (`request`) and how a draft is made of it
    (`_create_draft`); they call `_changed` whenever a field changes.

    Signals:
        draftChanged(draft | None): a draft was made for the current fields, or the fields
            changed so that the last one no longer matches them.
    """

    draftChanged = Signal(object)
    outcomeChecking = Signal()
    """A confirm's outcome became unknown: the ticket is finding out."""
    outcomeKnown = Signal(object, object)
    """(result, refusal): what the unknown confirm came to; exactly one is not None."""
    alreadySent = Signal(object)
    """(result): the document a draft the server calls already signed and sent became."""

    document_kind = "order"
    tasks: TaskTracker
    check_delays: tuple[float, ...] = CHECK_DELAYS
    confirm_delays: tuple[float, ...] | None = None
    """Pauses between a confirm's own repeats (None: `signing.CONFIRM_RETRY_DELAYS`)."""
    confirm_budget: float | None = None
    """Seconds a confirm may take in all (None: `signing.CONFIRM_BUDGET_S`)."""
    """"order" or "withdrawal": the signing windows word their texts for it."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.draft: Any = None
        self.idempotency_key: str | None = None
        self.sms: tuple[SmsChallenge, float, int | None] | None = None
        """The draft's SMS code still out: (challenge, when it arrived on the monotonic clock,
        attempts left). A signing window opened again picks it up instead of asking for a
        code the server would refuse to resend within its minute."""
        self._draft_request: Any = None
        self._draft_made = 0.0
        self._draft_shown = False
        self._draft_lock = asyncio.Lock()
        self.unknown: tuple[Any, SmsSignature | EdsSignature, str] | None = None
        """A confirm whose outcome is not known: (draft, signature, Idempotency-Key)."""
        self._sent: list[tuple[str, SmsSignature | EdsSignature, str]] = []
        """Signed confirms that went out with no result seen yet, newest last:
        (draft id, signature, Idempotency-Key)."""
        self._checking: asyncio.Task[Any] | None = None

    @property
    def signing_profile(self) -> str:
        """The session's EDS signing profile ("production" or "demo")."""
        return self.session.signing_profile

    @property
    def signer_iin(self) -> str | None:
        """The IIN a signature must name: the signed-in client's."""
        me = self.session.me
        return me.iin if me is not None else None

    # --- for subclasses ---------------------------------------------------------------------

    def request(self) -> Any:
        """The draft request for the fields as they are, or None while one is missing."""
        raise NotImplementedError

    async def _create_draft(self, request: Any) -> Any:
        raise NotImplementedError

    async def _send_confirm(
        self, draft_id: str, signature: SmsSignature | EdsSignature, key: str
    ) -> Any:
        """One signed confirm of the draft with this key (the API client's call)."""
        raise NotImplementedError

    def _accepted(self, result: Any) -> None:
        """The server made the document: keep it and tell whoever listens."""
        raise NotImplementedError

    # --- confirm, and finding out an unknown outcome --------------------------------------------

    async def confirm(self, signature: SmsSignature | EdsSignature) -> Any:
        """Send the signed draft; network failures are repeated with the draft's key.

        Raises OutcomeUnknown when no answer came in time; the ticket then holds the confirm
        in `unknown` (as it does when the wait is cancelled) for `check_outcome`.
        """
        draft = self._require_draft()
        key = self.idempotency_key
        assert key is not None
        previous = self.unknown
        self.unknown = (draft, signature, key)
        self._remember_sent(draft.draft_id, signature, key)
        try:
            result = await confirm_with_retries(
                lambda: self._send_confirm(draft.draft_id, signature, key),
                self.confirm_delays,
                self.confirm_budget,
            )
        except (OutcomeUnknown, asyncio.CancelledError):
            # The request may have reached the server: only an answer can tell.
            raise
        except BaseException as error:
            if getattr(error, "code", "") in ALREADY_SENT:
                # This refusal speaks of an earlier confirm, not of this one: what is known
                # (or not) about that one stays as it was, and it is looked up now.
                self.unknown = previous
                self._already_sent(draft)
            else:
                self.unknown = None  # a refusal is an answer: nothing was made
            raise
        self.unknown = None
        self._forget_sent(draft.draft_id)
        self._accepted(result)
        if self.checking:
            assert self._checking is not None
            self._checking.cancel()  # this answer is the truth the check was after
            self.outcomeKnown.emit(result, None)
        return result

    @property
    def checking(self) -> bool:
        """The outcome of a confirm is unknown and being found out."""
        return self._checking is not None and not self._checking.done()

    def check_outcome(self) -> bool:
        """Find out what an unknown confirm came to (in the background); False if none is."""
        if self.unknown is None:
            return False
        if not self.checking:
            self._checking = self.tasks.spawn(self._check(), name="ticket-outcome")
            self.outcomeChecking.emit()
        return True

    async def _check(self) -> None:
        from cesec_desktop.state.errors import CabinetError

        assert self.unknown is not None
        unknown = self.unknown
        draft, signature, key = unknown
        for attempt in range(CHECK_ATTEMPTS):
            delay = self.check_delays[min(attempt, len(self.check_delays) - 1)]
            await asyncio.sleep(delay)
            try:
                # One try each: the pause above is the back-off between them.
                result = await confirm_with_retries(
                    lambda: self._send_confirm(draft.draft_id, signature, key),
                    (),
                    self.confirm_budget,
                )
            except OutcomeUnknown as error:
                log.info("outcome still unknown (%s)", getattr(error.cause, "code", "?"))
                continue
            except CabinetError as error:
                log.info("the unknown confirm was refused (%s)", error.code)
                self._known(unknown)
                self.outcomeKnown.emit(None, error)
                return
            self._known(unknown)
            self._forget_sent(draft.draft_id)
            self._accepted(result)
            self.outcomeKnown.emit(result, None)
            return
        log.warning("outcome still unknown after %d checks; stopped asking", CHECK_ATTEMPTS)

    def _known(self, unknown: tuple[Any, SmsSignature | EdsSignature, str]) -> None:
        if self.unknown is unknown:  # a newer confirm may have gone out meanwhile
            self.unknown = None

    # --- a draft the server calls already signed and sent ---------------------------------------

    def _remember_sent(
        self, draft_id: str, signature: SmsSignature | EdsSignature, key: str
    ) -> None:
        entry = (draft_id, signature, key)
        if entry not in self._sent:
            self._sent.append(entry)
            del self._sent[:-SENT_KEPT]

    def _forget_sent(self, draft_id: str) -> None:
        self._sent = [entry for entry in self._sent if entry[0] != draft_id]

    def _already_sent(self, draft: Any) -> None:
        """The server calls `draft` already signed and sent: it signs nothing more, and what
        it became is found out in the background (`alreadySent` tells)."""
        if self.draft is draft:
            self.drop_draft()
        if any(entry[0] == draft.draft_id for entry in self._sent):
            self.tasks.spawn(self.find_sent(draft.draft_id), name="ticket-already-sent")

    async def find_sent(self, draft_id: str) -> Any | None:
        """The document this ticket's signed confirm of `draft_id` made, or None.

        For a draft the server calls already signed and sent. Each confirm of it that went
        out is sent again exactly, key and all: the one that made something is answered with
        its first result (API.md: a repeat with the same key returns the first result). The
        repeats cannot make anything new: the draft is used, and its key already made
        something. Emits `alreadySent` with the result.
        """
        from cesec_desktop.state.errors import CabinetError

        for sent_id, signature, key in reversed([e for e in self._sent if e[0] == draft_id]):
            try:
                result = await confirm_with_retries(
                    partial(self._send_confirm, sent_id, signature, key),
                    (),
                    self.confirm_budget,
                )
            except (OutcomeUnknown, CabinetError) as error:
                log.info("not the confirm that was sent (%s)", getattr(error, "code", "?"))
                continue
            self._forget_sent(draft_id)
            unknown = self.unknown
            if unknown is not None and unknown[0].draft_id == draft_id:
                self.unknown = None
                checking, self._checking = self._checking, None
                if checking is not None and not checking.done():
                    checking.cancel()  # this answer is the truth the check was after
            self._accepted(result)
            self.alreadySent.emit(result)
            return result
        log.info("no earlier confirm of the used draft answered with its result")
        return None

    # --- the draft ----------------------------------------------------------------------------

    @property
    def draft_is_current(self) -> bool:
        """The last draft is for exactly the fields on screen and has not run out."""
        if self.draft is None or self._draft_request is None:
            return False
        if self._draft_request != self.request():
            return False
        return time.monotonic() - self._draft_made < DRAFT_REUSE_S

    async def make_draft(self) -> Any:
        """A draft for the current fields (the last one if it still matches them).

        Raises the API's typed errors: ValidationFailed carries the field errors.
        """
        async with self._draft_lock:
            if self.draft_is_current and self.draft is not None:
                return self.draft
            request = self.request()
            if request is None:
                raise ValueError(f"the {self.document_kind} is not complete")
            draft = await self._create_draft(request)
            from cesec_desktop.api.client import new_idempotency_key

            self.draft = draft
            self._draft_request = request
            self._draft_made = time.monotonic()
            self.sms = None
            # Made with the draft, kept for every confirm of it: it is made once.
            self.idempotency_key = new_idempotency_key()
            self._changed()
            return draft

    async def send_sms(self) -> SmsChallenge:
        """Send (or send again) the one-time code for the current draft."""
        from cesec_desktop.state.errors import CabinetError

        draft = self._require_draft()
        try:
            return await self.session.call(lambda c: c.send_sms(draft.draft_id))
        except CabinetError as error:
            if error.code in ALREADY_SENT:
                self._already_sent(draft)
            raise

    def drop_draft(self) -> None:
        """Forget the draft (expired, used, or confirmed): the next sign makes a new one."""
        self.draft = None
        self._draft_request = None
        self.idempotency_key = None
        self.sms = None
        self._changed()

    def _require_draft(self) -> Any:
        if self.draft is None:
            raise RuntimeError("no draft to sign")
        return self.draft

    def _changed(self) -> None:
        """Say when the fields move away from the draft, or back to it."""
        current = self.draft_is_current
        if current != self._draft_shown:
            self._draft_shown = current
            self.draftChanged.emit(self.draft if current else None)
