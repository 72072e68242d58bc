"""`/sms-challenges`: send a one-time code for a draft."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from cesec_desktop.domain.models.signing import SmsChallenge, SmsChallengeRequest
from cesec_desktop.mockserver.deps import User, get_state, trading_user
from cesec_desktop.mockserver.signing import send_sms_challenge

router = APIRouter(tags=["signing"])


@router.post(
    "/sms-challenges",
    response_model=SmsChallenge,
    status_code=201,
    responses={401: {}, 403: {}, 404: {}, 409: {}, 410: {}, 429: {}},
)
async def create_sms_challenge(
    body: SmsChallengeRequest, request: Request, user: User = Depends(trading_user)
) -> SmsChallenge:
    return send_sms_challenge(get_state(request), user, body.draft_id)
