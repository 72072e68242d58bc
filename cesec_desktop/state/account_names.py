"""Sub-account names in the UI language, built from the sub-account's kind and currency.

The backend names sub-accounts in English ("Brokerage KZT") and the contract carries no kind
field, so the kind is read from that name: every sub-account of the cabinet is a brokerage
one, named "<Kind> <CCY>". A name that is not of that form (a later backend's own wording)
is shown as the backend wrote it rather than guessed at.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from PySide6.QtCore import QCoreApplication


class AccountKind(Enum):
    BROKERAGE = "brokerage"


_KIND_WORDS = {"brokerage": AccountKind.BROKERAGE, "broker": AccountKind.BROKERAGE}
"""The English word a backend name starts with, per kind (casefolded)."""


class SubAccount(Protocol):
    """What a name is built from: `domain.models.profile.Account` (or a test's stand-in)."""

    @property
    def number(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def currency(self) -> object: ...


def _currency(account: SubAccount) -> str:
    return str(getattr(account.currency, "value", account.currency))


def account_kind(account: SubAccount) -> AccountKind | None:
    """The sub-account's kind, or None when its backend name says nothing we know."""
    words = account.name.split()
    if not words:
        return AccountKind.BROKERAGE  # nameless: the only kind the cabinet has
    return _KIND_WORDS.get(words[0].casefold())


def kind_name(kind: AccountKind) -> str:
    """The kind alone ("Брокерский счёт"), for a place that shows the currency beside it."""
    if kind is AccountKind.BROKERAGE:
        return QCoreApplication.translate("AccountNames", "Brokerage account")
    raise ValueError(kind)  # pragma: no cover - every kind has its words above


def account_kind_name(account: SubAccount) -> str:
    """The kind in the UI language, or the backend's own name if the kind is unknown."""
    kind = account_kind(account)
    return kind_name(kind) if kind is not None else account.name


def account_name(account: SubAccount) -> str:
    """In the UI language: Брокерский счёт KZT, Брокерлік шот KZT, Brokerage account KZT."""
    kind = account_kind(account)
    if kind is None:
        return account.name
    if kind is AccountKind.BROKERAGE:
        text = QCoreApplication.translate("AccountNames", "Brokerage account %1")
        return text.replace("%1", _currency(account))
    raise ValueError(kind)  # pragma: no cover


def account_label(account: SubAccount) -> str:
    """The number and the name, as pickers list a sub-account: "CS01001-KZT · Брокерский…"."""
    return f"{account.number} \N{MIDDLE DOT} {account_name(account)}"
