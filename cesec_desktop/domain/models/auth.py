"""Authentication and password change."""

from __future__ import annotations

from pydantic import Field

from cesec_desktop.domain.models.base import Model, Request


class LoginRequest(Request):
    login: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=128)


class RefreshRequest(Request):
    refresh_token: str = Field(min_length=1, max_length=256)


class Tokens(Model):
    access_token: str
    refresh_token: str
    expires_in: int
    password_change_required: bool = False


class PasswordChangeRequest(Request):
    old_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=1, max_length=128)
