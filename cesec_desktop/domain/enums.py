"""Enumerations shared by the client and the mock backend; values are the API's wire values."""

from __future__ import annotations

from enum import StrEnum


class Market(StrEnum):
    KASE = "KASE"
    AIX = "AIX"
    INTL = "INTL"


class Currency(StrEnum):
    KZT = "KZT"
    USD = "USD"


class InstrumentKind(StrEnum):
    SHARE = "share"
    BOND = "bond"
    FUND = "fund"
    ETF = "etf"


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"


class OrderType(StrEnum):
    LIMIT = "limit"
    MARKET = "market"


class OrderStatus(StrEnum):
    NEW = "new"
    ACTIVE = "active"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    EXPIRED = "expired"

    @property
    def is_open(self) -> bool:
        """Open orders still reserve cash or securities and may be cancelled."""
        return self in (OrderStatus.NEW, OrderStatus.ACTIVE, OrderStatus.PARTIALLY_FILLED)


class InstructionStatus(StrEnum):
    NEW = "new"
    PROCESSING = "processing"
    EXECUTED = "executed"
    REJECTED = "rejected"

    @property
    def is_open(self) -> bool:
        return self in (InstructionStatus.NEW, InstructionStatus.PROCESSING)


class InstructionType(StrEnum):
    WITHDRAWAL = "withdrawal"
    CONTACT_CHANGE = "contact_change"
    """A change of the phone or e-mail on file, signed with EDS (My details)."""


class Role(StrEnum):
    CLIENT = "client"
    BROKER = "broker"


class CandleInterval(StrEnum):
    M1 = "1m"
    M5 = "5m"
    H1 = "1h"
    D1 = "1d"

    @property
    def seconds(self) -> int:
        return {"1m": 60, "5m": 300, "1h": 3600, "1d": 86400}[self.value]


class SignatureMethod(StrEnum):
    SMS = "sms"
    EDS = "eds"


class SupportComponent(StrEnum):
    LOGIN = "login"
    ORDERS = "orders"
    CASH_TRANSFERS = "cash_transfers"
    ACCESS = "access"
    OTHER = "other"


class SupportPriority(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class SupportStatus(StrEnum):
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class Environment(StrEnum):
    TEST = "TEST"
    PROD = "PROD"
