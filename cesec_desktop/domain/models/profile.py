"""The signed-in user and, for brokers, the clients they may watch."""

from __future__ import annotations

from pydantic import Field

from cesec_desktop.domain.enums import Currency, Role
from cesec_desktop.domain.models.base import MAX_NAME, Model


class Account(Model):
    """A brokerage sub-account."""

    id: str
    number: str
    name: str = Field(max_length=MAX_NAME)
    currency: Currency


class Me(Model):
    id: str
    login: str
    full_name: str = Field(max_length=MAX_NAME)
    iin: str
    phone_masked: str
    role: Role
    accounts: list[Account]


class Client(Model):
    """A client a broker may watch (read-only)."""

    id: str
    full_name: str = Field(max_length=MAX_NAME)
    iin: str
    accounts: list[Account]
