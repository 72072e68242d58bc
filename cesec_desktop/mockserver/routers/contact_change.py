"""`/profile/change-drafts`: a change of phone or e-mail, as a document to sign with EDS.

The signed document is confirmed through `POST /instructions` like a withdrawal's
(routers/instructions.py hands a contact change's draft to mockserver/contact_change.py).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from cesec_desktop.domain.models.instructions import ContactChangeDraft, ContactChangeRequest
from cesec_desktop.domain.models.signing import Document
from cesec_desktop.domain.phones import mask_phone
from cesec_desktop.mockserver import contact_change
from cesec_desktop.mockserver.deps import User, get_state, trading_user
from cesec_desktop.mockserver.errors import error_responses
from cesec_desktop.mockserver.languages import request_language

router = APIRouter(tags=["profile"])


@router.post(
    "/profile/change-drafts",
    response_model=ContactChangeDraft,
    status_code=201,
    responses=error_responses(400, 401, 403, 422),
)
async def create_change_draft(
    body: ContactChangeRequest, request: Request, user: User = Depends(trading_user)
) -> ContactChangeDraft:
    """Check the new phone and/or e-mail and issue the document to sign (EDS only)."""
    state = get_state(request)
    checked = contact_change.check_request(state, user, body)
    draft = contact_change.make_draft(state, user, checked, request_language(request))
    return ContactChangeDraft(
        draft_id=draft.id,
        document=Document(text=draft.document_text, sha256=draft.document_sha256),
        expires_at=draft.expires_at,
        contact_change={
            "phone": mask_phone(checked.phone) if checked.phone else None,
            "email": checked.email,
        },
    )
