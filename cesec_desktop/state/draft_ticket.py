"""What an order ticket and a withdrawal ticket share: the draft behind the fields on screen.

Never twice: the Idempotency-Key is made together with the draft and sent with every confirm
of it, so a confirm whose answer was lost is repeated safely; the server answers with what it
already made instead of making it a second time.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from cesec_desktop.domain.models.signing import SmsChallenge

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session

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

    document_kind = "order"
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

    # --- for subclasses ---------------------------------------------------------------------

    def request(self) -> Any:
        """The draft request for the fields as they are, or None while one is missing."""
        raise NotImplementedError

    async def _create_draft(self, request: Any) -> Any:
        raise NotImplementedError

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
        draft = self._require_draft()
        return await self.session.call(lambda c: c.send_sms(draft.draft_id))

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
