"""The signed-in user and, for brokers, the clients they may watch."""

from __future__ import annotations

from cesec_desktop.domain.enums import Currency, Role
from cesec_desktop.domain.models.base import Model


class Account(Model):
    """A brokerage sub-account."""

    id: str
    number: str
    name: str
    currency: Currency


class Me(Model):
    id: str
    login: str
    full_name: str
    iin: str
    phone_masked: str
    role: Role
    accounts: list[Account]


class Client(Model):
    """A client a broker may watch (read-only)."""

    id: str
    full_name: str
    iin: str
    accounts: list[Account]
