"""What a scenario file may say: pydantic models over the parsed TOML (see docs/scenarios).

Every model forbids unknown keys, so a typo is an error naming its line, never a silent
default. Money and prices are Decimals end to end: the TOML is read with
`parse_float=Decimal`, and a float never reaches these models. Checks that need the world
(a seed user's login, cash against blocks) are made when the world is built
(scenario_world.py); the ones here need only the file and the instrument catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from cesec_desktop.domain.catalog import CATALOG, CatalogEntry
from cesec_desktop.domain.enums import Currency, Market, OrderType, Role, Side
from cesec_desktop.domain.iin import validate_iin
from cesec_desktop.domain.money import CENT, Dec
from cesec_desktop.domain.password import password_violations
from cesec_desktop.mockserver.book_seed import MAX_BROKER_CLIENTS
from cesec_desktop.mockserver.fault_control import FaultChange

MAX_HISTORY = 100_000
MAX_SYNTHETIC_INSTRUMENTS = 10_000
MAX_USERS = 1_000
MAX_ITEMS = 1_000
"""Positions, orders or withdrawals of one account; events of one timeline."""
MAX_LOCK_MINUTES = 10 * 366 * 24 * 60

INSTRUMENTS: dict[str, CatalogEntry] = {e.instrument_id: e for e in CATALOG}
NAME_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
LOGIN_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,63}$"
REF_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"
PHONE_PATTERN = r"^\+7\d{10}$"

MarketMode = Literal["auto", "open", "closed"]
UserState = Literal["active", "fresh", "password_expired", "locked"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- prices and moments ---------------------------------------------------------------------

_PERCENT = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$", re.ASCII)


@dataclass(frozen=True)
class PriceSpec:
    """An absolute price, or a move in percent of the last price when it is applied."""

    value: Decimal
    percent: bool

    def resolve(self, last: Decimal, step: Decimal) -> Decimal:
        """The price on the tick grid: a percent move rounds to the nearest tick, at least one."""
        if not self.percent:
            return self.value
        moved = last * (1 + self.value / 100)
        ticks = (moved / step).to_integral_value()
        return max(ticks, Decimal(1)) * step

    def __str__(self) -> str:
        return f"{self.value:+f}%" if self.percent else format(self.value, "f")


def _price_spec(value: Any) -> PriceSpec:
    if isinstance(value, PriceSpec):
        return value
    if isinstance(value, str):
        match = _PERCENT.fullmatch(value)
        if match is not None:
            percent = Decimal(match.group(1))
            if not Decimal(-99) <= percent <= Decimal(1000):
                raise ValueError("a percent move must be between -99% and +1000%")
            return PriceSpec(percent, True)
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise ValueError('a price is a decimal ("36500.00") or a percent move ("-8%")')
    try:
        price = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise ValueError('a price is a decimal ("36500.00") or a percent move ("-8%")') from None
    if not price.is_finite() or price <= 0:
        raise ValueError("a price must be positive")
    return PriceSpec(price, False)


Price = Annotated[PriceSpec, BeforeValidator(_price_spec)]

_OFFSET = re.compile(r"^\+\s*(\d+(?:\.\d+)?)\s*(s|sec|min|h)$", re.ASCII)
_WALL = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$", re.ASCII)
_UNITS = {"s": 1, "sec": 1, "min": 60, "h": 3600}


@dataclass(frozen=True)
class When:
    """A moment of the timeline: an offset from the load, or an Almaty wall time that day."""

    offset: timedelta | None = None
    wall: time | None = None

    def __str__(self) -> str:
        if self.offset is not None:
            return f"+{self.offset.total_seconds():g} s"
        assert self.wall is not None
        return self.wall.isoformat()


def _when(value: Any) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, time):
        return When(wall=value.replace(tzinfo=None))
    if isinstance(value, str):
        offset = _OFFSET.fullmatch(value.strip())
        if offset is not None:
            seconds = Decimal(offset.group(1)) * _UNITS[offset.group(2)]
            if seconds > 366 * 86400:
                raise ValueError("an offset must be under a year")
            return When(offset=timedelta(seconds=float(seconds)))
        wall = _WALL.fullmatch(value.strip())
        if wall is not None:
            hour, minute, second = (int(g or 0) for g in wall.groups())
            if hour < 24 and minute < 60 and second < 60:
                return When(wall=time(hour, minute, second))
    raise ValueError('a moment is "+30 s", "+2 min", "+1 h" or an Almaty wall time "10:05"')


At = Annotated[When, BeforeValidator(_when)]


def _step_of(instrument_id: str) -> Decimal:
    return INSTRUMENTS[instrument_id].price_step


def _on_tick(price: PriceSpec | Decimal | None, info: ValidationInfo) -> None:
    """An absolute price must be on the instrument's tick (a percent is rounded to it)."""
    instrument = info.data.get("instrument")
    if price is None or instrument not in INSTRUMENTS:
        return
    value = price if isinstance(price, Decimal) else None if price.percent else price.value
    if value is not None and value % _step_of(instrument) != 0:
        raise ValueError(f"{value} is not a multiple of the tick size {_step_of(instrument)}")


def _known_instrument(value: str) -> str:
    if value not in INSTRUMENTS:
        raise ValueError(f"unknown instrument {value!r} (ids look like KASE:KSPI)")
    return value


def _whole_lots(quantity: Decimal, info: ValidationInfo) -> Decimal:
    if quantity != quantity.to_integral_value():
        raise ValueError("a quantity is a whole number")
    instrument = info.data.get("instrument")
    if instrument in INSTRUMENTS:
        lot = INSTRUMENTS[instrument].lot_size
        if quantity % lot:
            raise ValueError(f"a quantity of {instrument} is a multiple of its lot, {lot}")
    return quantity


# --- the world ------------------------------------------------------------------------------


class WorldSettings(_Model):
    """`[world]`: what the normal seed draws from; absent keys keep the server's settings."""

    seed: int | None = Field(default=None, ge=0, le=2**62)
    history_size: int | None = Field(default=None, ge=0, le=MAX_HISTORY)
    """Deals of the demo client's history."""
    broker_clients: int | None = Field(default=None, ge=0, le=MAX_BROKER_CLIENTS)
    synthetic_instruments: int | None = Field(default=None, ge=0, le=MAX_SYNTHETIC_INSTRUMENTS)


def _clock_start(value: Any) -> datetime | time:
    if isinstance(value, (datetime, time)):
        return value
    if isinstance(value, date):
        raise ValueError("give a date and a time, e.g. 2027-01-04T10:00:00")
    if isinstance(value, str):
        wall = _WALL.fullmatch(value.strip())
        if wall is not None:
            return _when(value).wall  # type: ignore[return-value]
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError('a start is an Almaty wall time "10:00" or a date-time "2027-01-04T10:00"')


class ClockSettings(_Model):
    """`[clock]`: where the mock clock stands when the scenario loads."""

    start: Annotated[datetime | time, BeforeValidator(_clock_start)]
    """A wall time (Almaty, today) or a date-time (Almaty unless it carries an offset)."""


class SessionHours(_Model):
    open: time
    close: time

    @field_validator("open", "close")
    @classmethod
    def _wall(cls, value: time) -> time:
        # Hours are wall times in the market's own zone: an offset would say something else.
        return value.replace(tzinfo=None)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.open >= self.close:
            raise ValueError("the session must open before it closes")
        return self


class MarketSettings(_Model):
    """`[market]`: open or closed markets, and session hours in each market's own zone."""

    always_open: bool | None = None
    modes: dict[Market, MarketMode] = Field(default_factory=dict)
    hours: dict[Market, SessionHours] = Field(default_factory=dict)


class PositionSpec(_Model):
    instrument: Annotated[str, BeforeValidator(_known_instrument)]
    quantity: Dec = Field(gt=0)
    average_price: Price

    _lots = field_validator("quantity")(_whole_lots)


class OrderSpec(_Model):
    """An open order: a limit order rests ("active"), a market order waits to execute."""

    ref: str | None = Field(default=None, pattern=REF_PATTERN)
    instrument: Annotated[str, BeforeValidator(_known_instrument)]
    side: Side
    type: OrderType = OrderType.LIMIT
    quantity: Dec = Field(gt=0)
    price: Price | None = None
    valid_until: date | None = None
    status: Literal["new", "active"] | None = None

    _lots = field_validator("quantity")(_whole_lots)

    @field_validator("price")
    @classmethod
    def _price_on_tick(cls, value: PriceSpec | None, info: ValidationInfo) -> PriceSpec | None:
        _on_tick(value, info)
        return value

    @model_validator(mode="after")
    def _priced_if_limit(self) -> Self:
        if self.type is OrderType.LIMIT and self.price is None:
            raise ValueError("a limit order needs a price")
        if self.type is OrderType.MARKET and self.price is not None:
            raise ValueError("a market order has no price")
        if self.type is OrderType.MARKET and self.status == "active":
            raise ValueError("a market order cannot rest: leave status out")
        return self


class WithdrawalSpec(_Model):
    """A withdrawal in progress: its amount is blocked until the back office ends it."""

    ref: str | None = Field(default=None, pattern=REF_PATTERN)
    amount: Dec = Field(gt=0)
    currency: Currency | None = None
    """The account's currency unless given."""
    status: Literal["new", "processing"] = "processing"

    @field_validator("amount")
    @classmethod
    def _cents(cls, value: Decimal) -> Decimal:
        if value != value.quantize(CENT):
            raise ValueError("an amount has at most two decimals")
        return value


class AccountSpec(_Model):
    """A sub-account: one per currency, as the cabinet keeps them (KZT for KASE, USD for AIX
    and INTL); it may also hold cash in the other currency."""

    currency: Currency
    name: str | None = Field(default=None, min_length=1, max_length=100)
    number: str | None = Field(default=None, pattern=r"^[A-Z0-9-]{4,30}$")
    cash: dict[Currency, Dec] = Field(default_factory=dict)
    positions: list[PositionSpec] = Field(default_factory=list, max_length=MAX_ITEMS)
    orders: list[OrderSpec] = Field(default_factory=list, max_length=MAX_ITEMS)
    withdrawals: list[WithdrawalSpec] = Field(default_factory=list, max_length=MAX_ITEMS)

    @field_validator("cash")
    @classmethod
    def _cash_in_cents(cls, value: dict[Currency, Decimal]) -> dict[Currency, Decimal]:
        for currency, amount in value.items():
            if amount < 0 or amount != amount.quantize(CENT):
                raise ValueError(f"{currency} cash must be zero or more, in cents")
        return value

    @field_validator("positions", "orders")
    @classmethod
    def _in_currency(cls, value: list[Any], info: ValidationInfo) -> list[Any]:
        currency = info.data.get("currency")
        for item in value:
            entry = INSTRUMENTS[item.instrument]
            if currency is not None and entry.currency is not currency:
                raise ValueError(
                    f"{item.instrument} trades in {entry.currency}: it belongs to the "
                    f"{entry.currency} account"
                )
        return value


class UserSpec(_Model):
    """A user: a new one, or a seed user (by login) whose given keys replace the seed's."""

    login: str = Field(pattern=LOGIN_PATTERN)
    password: str | None = Field(default=None, max_length=128)
    role: Role | None = None
    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    iin: str | None = None
    phone: str | None = Field(default=None, pattern=PHONE_PATTERN)
    """The phone on the profile, where SMS codes go (the second factor)."""
    state: UserState | None = None
    locked_minutes: int = Field(default=15, ge=1, le=MAX_LOCK_MINUTES)
    accounts: list[AccountSpec] | None = Field(default=None, max_length=10)
    """Given: the user's money is exactly this (a seed user's own is removed)."""
    history: int | None = Field(default=None, ge=0, le=MAX_HISTORY)
    """Deals of past history to generate for the user (with its accounts)."""
    broker: str | None = Field(default=None, pattern=LOGIN_PATTERN)
    """The login of a broker who watches this client."""
    clients: list[str] | None = Field(default=None, max_length=MAX_BROKER_CLIENTS)
    """A broker's clients by login (replaces the broker's list)."""

    @field_validator("password")
    @classmethod
    def _policy(cls, value: str | None) -> str | None:
        if value is None:
            return value
        broken = password_violations(value)
        if broken:
            # The rules broken, never the password itself.
            rules = ", ".join(rule.value for rule in broken)
            raise ValueError(f"the password breaks the policy ({rules})")
        return value

    @field_validator("iin")
    @classmethod
    def _valid_iin(cls, value: str | None) -> str | None:
        if value is not None and (error := validate_iin(value)) is not None:
            raise ValueError(f"not a valid IIN ({error})")
        return value

    @field_validator("accounts")
    @classmethod
    def _one_per_currency(cls, value: list[AccountSpec] | None) -> list[AccountSpec] | None:
        if value is not None:
            currencies = [a.currency for a in value]
            if len(set(currencies)) != len(currencies):
                raise ValueError("one account per currency")
        return value

    @model_validator(mode="after")
    def _role_fits(self) -> Self:
        if self.role is Role.BROKER and (self.accounts or self.history or self.broker):
            raise ValueError("a broker has no accounts, history or broker of its own")
        if self.clients is not None and self.role is Role.CLIENT:
            raise ValueError("only a broker has clients")
        return self


# --- the timeline ---------------------------------------------------------------------------


class PriceMove(_Model):
    instrument: Annotated[str, BeforeValidator(_known_instrument)]
    price: Price

    @field_validator("price")
    @classmethod
    def _price_on_tick(cls, value: PriceSpec, info: ValidationInfo) -> PriceSpec:
        _on_tick(value, info)
        return value


class MarketChange(_Model):
    always_open: bool | None = None
    modes: dict[Market, MarketMode] = Field(default_factory=dict)


class WithdrawalMove(_Model):
    """The back office moves a scenario's withdrawal (by its `ref`)."""

    ref: str = Field(pattern=REF_PATTERN)
    status: Literal["processing", "executed", "rejected"]
    reason: str | None = Field(default=None, max_length=500)


class OrderMove(_Model):
    """The exchange fills or rejects a scenario's open order (by its `ref`)."""

    ref: str = Field(pattern=REF_PATTERN)
    action: Literal["fill", "reject"]
    quantity: Dec | None = Field(default=None, gt=0)
    price: Dec | None = Field(default=None, gt=0)
    reason: str | None = Field(default=None, max_length=500)


EVENT_KINDS = ("fault", "price", "market", "withdrawal", "order")


class TimelineEvent(_Model):
    """One thing that happens at `at`: exactly one of the kinds."""

    at: At
    note: str | None = Field(default=None, max_length=200)
    fault: FaultChange | None = None
    price: PriceMove | None = None
    market: MarketChange | None = None
    withdrawal: WithdrawalMove | None = None
    order: OrderMove | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        given = [kind for kind in EVENT_KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            raise ValueError(f"an event has exactly one of {', '.join(EVENT_KINDS)}")
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in EVENT_KINDS if getattr(self, kind) is not None)


class Scenario(_Model):
    """A whole scenario file."""

    name: str = Field(pattern=NAME_PATTERN)
    purpose: str = Field(min_length=1, max_length=200)
    world: WorldSettings = Field(default_factory=WorldSettings)
    clock: ClockSettings | None = None
    market: MarketSettings | None = None
    users: list[UserSpec] = Field(default_factory=list, max_length=MAX_USERS)
    timeline: list[TimelineEvent] = Field(default_factory=list, max_length=MAX_ITEMS)

    @field_validator("purpose")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value.strip() or not value.strip():
            raise ValueError("the purpose is one line")
        return value.strip()


# --- references across the file -------------------------------------------------------------

Loc = tuple[str | int, ...]


def reference_problems(scenario: Scenario) -> list[tuple[Loc, str]]:
    """Logins and refs used twice, and timeline events naming a ref the file does not have."""
    problems: list[tuple[Loc, str]] = []
    logins: set[str] = set()
    orders: set[str] = set()
    withdrawals: set[str] = set()
    for u, user in enumerate(scenario.users):
        if user.login in logins:
            problems.append((("users", u, "login"), f"{user.login!r} is listed twice"))
        logins.add(user.login)
        for a, account in enumerate(user.accounts or ()):
            for kind, items, seen in (
                ("orders", account.orders, orders),
                ("withdrawals", account.withdrawals, withdrawals),
            ):
                for i, item in enumerate(items):
                    if item.ref is None:
                        continue
                    if item.ref in seen:
                        loc: Loc = ("users", u, "accounts", a, kind, i, "ref")
                        problems.append((loc, f"ref {item.ref!r} is used twice"))
                    seen.add(item.ref)
    for e, event in enumerate(scenario.timeline):
        if event.order is not None and event.order.ref not in orders:
            problems.append(
                (("timeline", e, "order", "ref"), f"no order has ref {event.order.ref!r}")
            )
        if event.withdrawal is not None and event.withdrawal.ref not in withdrawals:
            problems.append(
                (
                    ("timeline", e, "withdrawal", "ref"),
                    f"no withdrawal has ref {event.withdrawal.ref!r}",
                )
            )
    return problems
