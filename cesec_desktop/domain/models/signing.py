"""Drafts, the document to sign, SMS challenges and signatures."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from cesec_desktop.domain.models.base import MAX_DOCUMENT, Model, Request


class Document(Model):
    """The exact text the client shows and the signer signs, and its SHA-256 (hex)."""

    text: str = Field(max_length=MAX_DOCUMENT)
    sha256: str = Field(max_length=128)


class SmsChallengeRequest(Request):
    draft_id: str = Field(min_length=1, max_length=64)


class SmsChallenge(Model):
    challenge_id: str
    phone_masked: str
    expires_at: datetime
    resend_after: datetime
    attempts_left: int


class SmsSignature(Request):
    method: Literal["sms"]
    challenge_id: str = Field(min_length=1, max_length=64)
    code: str = Field(min_length=1, max_length=16)


class EdsSignature(Request):
    method: Literal["eds"]
    cms: str = Field(min_length=1, max_length=200_000, description="base64 CMS, data encapsulated")


Signature = Annotated[SmsSignature | EdsSignature, Field(discriminator="method")]


class SignedConfirm(Request):
    draft_id: str = Field(min_length=1, max_length=64)
    signature: Signature
