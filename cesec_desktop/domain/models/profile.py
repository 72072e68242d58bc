"""The signed-in user and, for brokers, the clients they may watch."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from cesec_desktop.domain.enums import Currency, Role
from cesec_desktop.domain.models.base import MAX_NAME, Model


class Account(Model):
    """A brokerage sub-account."""

    id: str
    number: str
    name: str = Field(max_length=MAX_NAME)
    currency: Currency


class BrokerContact(Model):
    """Who at the broker serves this client (My details)."""

    name: str = Field(max_length=MAX_NAME)
    phone: str = Field(max_length=32)
    email: str = Field(max_length=MAX_NAME)


class Me(Model):
    id: str
    login: str
    full_name: str = Field(max_length=MAX_NAME)
    iin: str
    phone_masked: str
    role: Role
    accounts: list[Account]
    email: str = Field(default="", max_length=MAX_NAME)
    second_factor: bool = False
    """An authenticator is set up: sign-in asks for a second factor."""
    backup_codes_left: int = 0
    password_expires_at: datetime | None = None
    broker_contact: BrokerContact | None = None


class Client(Model):
    """A client a broker may watch (read-only)."""

    id: str
    full_name: str = Field(max_length=MAX_NAME)
    iin: str
    accounts: list[Account]
