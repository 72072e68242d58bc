"""A scenario's users and money, written over the freshly seeded world.

Runs inside the seed's transaction, after the normal seed: it writes the same tables the seed
and the API write (users, accounts, cash, positions, orders with their events, instructions
with theirs), so balances, blocks, valuations and the broker's book agree with every answer.
A problem only the world shows (a seed login, cash short of what orders block) is raised as a
ScenarioError naming the line, and the caller's transaction rolls the whole load back.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from cesec_desktop.domain.banks import bank_by_code
from cesec_desktop.domain.enums import Currency, InstructionStatus, OrderType, Role, Side
from cesec_desktop.domain.iin import make_iin
from cesec_desktop.domain.money import format_decimal
from cesec_desktop.domain.order_rules import market_order_buffer
from cesec_desktop.mockserver import trading, withdrawals
from cesec_desktop.mockserver.balances import order_reserve
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import next_number
from cesec_desktop.mockserver.deps import load_user
from cesec_desktop.mockserver.history import own_bank_accounts, seed_user_history
from cesec_desktop.mockserver.scenario_model import (
    INSTRUMENTS,
    AccountSpec,
    Loc,
    OrderSpec,
    UserSpec,
    WithdrawalSpec,
)
from cesec_desktop.mockserver.scenario_source import ScenarioSource
from cesec_desktop.mockserver.security import hash_password
from cesec_desktop.mockserver.seed import DEMO_WATCHLISTS
from cesec_desktop.mockserver.state import ServerState

ACTIVE_PASSWORD_AGE = timedelta(days=10)
EXPIRED_PASSWORD_AGE = timedelta(days=90)
FRESH_PASSWORD_SET = datetime(2000, 1, 1, tzinfo=UTC)
"""An initial password counts as never changed: old enough that it must be changed first."""
ACCOUNT_NUMBER_START = 30_001
ORDER_VALIDITY = timedelta(days=30)
RESTING_SINCE = timedelta(minutes=1)
"""A resting order was placed a minute before the load: its events are in the past."""


@dataclass
class WorldRefs:
    """What the timeline refers to by `ref`: scenario orders and withdrawals by their ids."""

    orders: dict[str, str] = field(default_factory=dict)
    withdrawals: dict[str, str] = field(default_factory=dict)


def _slug(login: str) -> str:
    return re.sub(r"[^a-z0-9]", "_", login)


class _Builder:
    def __init__(self, state: ServerState, source: ScenarioSource) -> None:
        self.state = state
        self.source = source
        self.conn = state.conn
        self.now = state.clock.now()
        self.today = state.clock.today()
        self.problems: list[tuple[Loc, str]] = []
        self.refs = WorldRefs()
        self.ids: dict[str, str] = {}
        self.roles: dict[str, Role] = {}
        self.last = {
            r["instrument_id"]: Decimal(r["last"])
            for r in self.conn.execute("SELECT instrument_id, last FROM prices")
        }

    def fail_if_any(self) -> None:
        if self.problems:
            raise self.source.error(self.problems)

    # --- users -------------------------------------------------------------------------

    def run(self) -> WorldRefs:
        users = self.source.scenario.users
        new: set[str] = set()
        for u, spec in enumerate(users):
            if not self.user(u, spec):
                new.add(spec.login)
        self.fail_if_any()
        for u, spec in enumerate(users):
            if spec.accounts is not None or (
                spec.login in new and self.roles[spec.login] is Role.CLIENT
            ):
                self.money(u, spec)
        for u, spec in enumerate(users):
            self.links(u, spec)
        self.fail_if_any()
        for spec in users:
            if spec.history:
                seed_user_history(self.state, self.ids[spec.login], spec.history)
        return self.refs

    def user(self, u: int, spec: UserSpec) -> bool:
        """Update a seed user or insert a new one; True if the login existed."""
        conn = self.conn
        row = conn.execute("SELECT * FROM users WHERE login = ?", (spec.login,)).fetchone()
        if row is not None:
            role = Role(row["role"])
            if spec.role is not None and spec.role is not role:
                self.problems.append(((("users", u, "role")), f"{spec.login} is a {role}"))
                return True
            self.ids[spec.login], self.roles[spec.login] = row["id"], role
            updates: dict[str, object] = {}
            if spec.password is not None:
                updates["password_hash"] = hash_password(spec.password)
            for key in ("full_name", "iin", "phone"):
                if getattr(spec, key) is not None:
                    updates[key] = getattr(spec, key)
            if spec.state is not None:
                updates.update(self._state_columns(spec))
            if updates:
                columns = ", ".join(f"{k} = ?" for k in updates)
                conn.execute(
                    f"UPDATE users SET {columns} WHERE id = ?", (*updates.values(), row["id"])
                )
            return True
        if spec.password is None:
            self.problems.append((("users", u, "password"), "a new user needs a password"))
            return False
        role = spec.role or Role.CLIENT
        user_id = self._new_user_id(spec.login)
        rng = random.Random(f"scenario-user:{spec.login}")
        columns = {
            "id": user_id,
            "login": spec.login,
            "password_hash": hash_password(spec.password),
            "role": role.value,
            "full_name": spec.full_name
            or (f"Клиент {spec.login}" if role is Role.CLIENT else f"Брокер {spec.login}"),
            "iin": spec.iin or self._new_iin(rng),
            "phone": spec.phone or f"+7701{rng.randrange(10**7):07d}",
            **self._state_columns(spec),
        }
        conn.execute(
            f"INSERT INTO users ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(columns.values()),
        )
        if role is Role.CLIENT:
            self._watchlists(user_id)
        self.ids[spec.login], self.roles[spec.login] = user_id, role
        return False

    def _state_columns(self, spec: UserSpec) -> dict[str, object]:
        state = spec.state or "active"
        changed = {
            "active": self.now - ACTIVE_PASSWORD_AGE,
            "locked": self.now - ACTIVE_PASSWORD_AGE,
            "password_expired": self.now - EXPIRED_PASSWORD_AGE,
            "fresh": FRESH_PASSWORD_SET,
        }[state]
        locked = self.now + timedelta(minutes=spec.locked_minutes) if state == "locked" else None
        return {
            "password_changed_at": iso(changed),
            "failed_attempts": 0,
            "locked_until": iso(locked) if locked is not None else None,
            # A fresh user's password was issued by the broker: the login's reason is "initial".
            "must_change_password": 1 if state == "fresh" else 0,
        }

    def _new_user_id(self, login: str) -> str:
        base = f"usr_{_slug(login)}"
        user_id, n = base, 1
        while self.conn.execute("SELECT 1 FROM users WHERE id = ?", (user_id,)).fetchone():
            n += 1
            user_id = f"{base}{n}"
        return user_id

    def _new_iin(self, rng: random.Random) -> str:
        while True:
            birth = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
            iin = make_iin(birth, male=rng.random() < 0.5, serial=rng.randrange(9000))
            if not self.conn.execute("SELECT 1 FROM users WHERE iin = ?", (iin,)).fetchone():
                return iin

    def _watchlists(self, user_id: str) -> None:
        self.conn.executemany(
            "INSERT INTO watchlists (user_id, market, position, instrument_id) VALUES (?, ?, ?, ?)",
            [
                (user_id, market.value, position, f"{market.value}:{ticker}")
                for market, tickers in DEMO_WATCHLISTS.items()
                for position, ticker in enumerate(tickers)
            ],
        )

    # --- money -------------------------------------------------------------------------

    def money(self, u: int, spec: UserSpec) -> None:
        user_id = self.ids[spec.login]
        self._remove_money(user_id)
        accounts = spec.accounts
        if accounts is None:
            accounts = [AccountSpec(currency=Currency.KZT), AccountSpec(currency=Currency.USD)]
        for a, account in enumerate(accounts):
            self.account(("users", u, "accounts", a), user_id, account)

    def _remove_money(self, user_id: str) -> None:
        """A seed user's accounts and everything in them, history included."""
        conn = self.conn
        for sql in (
            "DELETE FROM cash WHERE account_id IN (SELECT id FROM accounts WHERE user_id = ?)",
            "DELETE FROM positions WHERE account_id IN (SELECT id FROM accounts WHERE user_id = ?)",
            "DELETE FROM order_events WHERE order_id IN (SELECT id FROM orders WHERE user_id = ?)",
            "DELETE FROM orders WHERE user_id = ?",
            "DELETE FROM transactions WHERE user_id = ?",
            "DELETE FROM instruction_events WHERE instruction_id IN "
            "(SELECT id FROM instructions WHERE user_id = ?)",
            "DELETE FROM instructions WHERE user_id = ?",
            "DELETE FROM accounts WHERE user_id = ?",
        ):
            conn.execute(sql, (user_id,))

    def account(self, loc: Loc, user_id: str, spec: AccountSpec) -> None:
        conn = self.conn
        currency = spec.currency.value
        account_id = f"acc_{user_id.removeprefix('usr_')}_{currency.lower()}"
        number = spec.number or (
            f"CS{next_number(conn, 'scenario_account', ACCOUNT_NUMBER_START):05d}-{currency}"
        )
        conn.execute(
            "INSERT INTO accounts (id, user_id, number, name, currency) VALUES (?, ?, ?, ?, ?)",
            (account_id, user_id, number, spec.name or f"Brokerage {currency}", currency),
        )
        cash = {spec.currency: Decimal("0.00"), **spec.cash}
        conn.executemany(
            "INSERT INTO cash (account_id, currency, balance) VALUES (?, ?, ?)",
            [(account_id, c.value, format_decimal(amount)) for c, amount in cash.items()],
        )
        held: dict[str, Decimal] = {}
        for p, position in enumerate(spec.positions):
            if position.instrument in held:
                self.problems.append(
                    ((*loc, "positions", p, "instrument"), "held twice in one account")
                )
                continue
            held[position.instrument] = position.quantity
            average = position.average_price.resolve(
                self._last(position.instrument), INSTRUMENTS[position.instrument].price_step
            )
            conn.execute(
                "INSERT INTO positions (account_id, instrument_id, quantity, average_price) "
                "VALUES (?, ?, ?, ?)",
                (
                    account_id,
                    position.instrument,
                    format_decimal(position.quantity),
                    format_decimal(average),
                ),
            )
        blocked = dict.fromkeys(cash, Decimal(0))
        for o, order in enumerate(spec.orders):
            self.order((*loc, "orders", o), user_id, account_id, order, held, blocked)
        for w, withdrawal in enumerate(spec.withdrawals):
            self.withdrawal((*loc, "withdrawals", w), user_id, account_id, number, spec, withdrawal)
            currency_of = withdrawal.currency or spec.currency
            blocked[currency_of] = blocked.get(currency_of, Decimal(0)) + withdrawal.amount
        for c, amount in blocked.items():
            if amount > cash.get(c, Decimal(0)):
                self.problems.append(
                    (
                        (*loc, "cash"),
                        f"orders and withdrawals block {format_decimal(amount)} {c}, more than "
                        f"the {format_decimal(cash.get(c, Decimal(0)))} {c} the account holds",
                    )
                )

    def _last(self, instrument_id: str) -> Decimal:
        last = self.last.get(instrument_id)
        return last if last is not None else INSTRUMENTS[instrument_id].level

    def order(
        self,
        loc: Loc,
        user_id: str,
        account_id: str,
        spec: OrderSpec,
        held: dict[str, Decimal],
        blocked: dict[Currency, Decimal],
    ) -> None:
        conn = self.conn
        entry = INSTRUMENTS[spec.instrument]
        last = self._last(spec.instrument)
        price = spec.price.resolve(last, entry.price_step) if spec.price is not None else None
        if spec.side is Side.SELL:
            left = held.get(spec.instrument, Decimal(0))
            if spec.quantity > left:
                self.problems.append(
                    ((*loc, "quantity"), f"sells more {spec.instrument} than the account holds")
                )
                return
            held[spec.instrument] = left - spec.quantity
            reserve = price
        else:
            reserve = price if price is not None else last * market_order_buffer
            amount = order_reserve(
                spec.instrument, entry.currency.value, spec.quantity, reserve, entry.face_value
            )
            blocked[entry.currency] = blocked.get(entry.currency, Decimal(0)) + amount
        valid_until = spec.valid_until or self.today + ORDER_VALIDITY
        if valid_until < self.today:
            self.problems.append(((*loc, "valid_until"), "the validity has already ended"))
            return
        status = spec.status or ("active" if spec.type is OrderType.LIMIT else "new")
        created = self.now - RESTING_SINCE if status == "active" else self.now
        order_id = trading.new_order_id()
        conn.execute(
            "INSERT INTO orders (id, number, user_id, account_id, instrument_id, side, type, "
            "price, quantity, filled_quantity, average_fill_price, reserve_price, currency, "
            "status, created_at, updated_at, valid_until, signature_method, reject_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '0', NULL, ?, ?, ?, ?, ?, ?, 'sms', NULL)",
            (
                order_id,
                trading.next_order_number(conn),
                user_id,
                account_id,
                spec.instrument,
                spec.side.value,
                spec.type.value,
                format_decimal(price) if price is not None else None,
                format_decimal(spec.quantity),
                format_decimal(reserve) if reserve is not None else None,
                entry.currency.value,
                status,
                iso(created),
                iso(created),
                valid_until.isoformat(),
            ),
        )
        trading.add_event(conn, order_id, created, "new", trading.MSG_RECEIVED)
        if status == "active":
            trading.add_event(
                conn, order_id, created + timedelta(seconds=1), "active", trading.MSG_ACTIVE
            )
        if spec.ref is not None:
            self.refs.orders[spec.ref] = order_id

    def withdrawal(
        self,
        loc: Loc,
        user_id: str,
        account_id: str,
        account_number: str,
        account: AccountSpec,
        spec: WithdrawalSpec,
    ) -> None:
        currency = spec.currency or account.currency
        if currency is not account.currency and currency not in account.cash:
            self.problems.append(((*loc, "currency"), f"the account holds no {currency}"))
            return
        user = load_user(self.state, user_id)
        assert user is not None
        iban = own_bank_accounts(user_id)[currency.value]
        bank = bank_by_code(iban[4:7])
        assert bank is not None
        request = withdrawals.Withdrawal(
            account_id=account_id,
            account_number=account_number,
            currency=currency.value,
            amount=spec.amount,
            recipient_iin=user.iin,
            iban=iban,
            bic=bank.bic,
            bank_name=bank.name,
            purpose=withdrawals.DEFAULT_PURPOSE,
        )
        instruction_id = withdrawals.insert_instruction(self.state, user, request, "sms")
        if spec.status == "processing":
            status = InstructionStatus.PROCESSING
            self.conn.execute(
                "UPDATE instructions SET status = ?, updated_at = ? WHERE id = ?",
                (status.value, iso(self.now), instruction_id),
            )
            self.conn.execute(
                "INSERT INTO instruction_events (instruction_id, seq, time, status, message) "
                "VALUES (?, 2, ?, ?, ?)",
                (instruction_id, iso(self.now), status.value, withdrawals.EVENT_MESSAGES[status]),
            )
        if spec.ref is not None:
            self.refs.withdrawals[spec.ref] = instruction_id

    # --- brokers -----------------------------------------------------------------------

    def _role_of(self, login: str) -> tuple[str, Role] | None:
        if login in self.ids:
            return self.ids[login], self.roles[login]
        row = self.conn.execute("SELECT id, role FROM users WHERE login = ?", (login,)).fetchone()
        return (row["id"], Role(row["role"])) if row is not None else None

    def links(self, u: int, spec: UserSpec) -> None:
        conn = self.conn
        user_id = self.ids.get(spec.login)
        if user_id is None:
            return
        if spec.broker is not None:
            broker = self._role_of(spec.broker)
            if broker is None or broker[1] is not Role.BROKER:
                self.problems.append((("users", u, "broker"), f"{spec.broker} is no broker"))
            elif self.roles[spec.login] is not Role.CLIENT:
                self.problems.append((("users", u, "broker"), "only a client has a broker"))
            else:
                conn.execute(
                    "INSERT OR IGNORE INTO broker_clients (broker_id, client_id) VALUES (?, ?)",
                    (broker[0], user_id),
                )
        if spec.clients is not None:
            if self.roles[spec.login] is not Role.BROKER:
                self.problems.append((("users", u, "clients"), "only a broker has clients"))
                return
            conn.execute("DELETE FROM broker_clients WHERE broker_id = ?", (user_id,))
            for c, login in enumerate(spec.clients):
                client = self._role_of(login)
                if client is None or client[1] is not Role.CLIENT:
                    self.problems.append((("users", u, "clients", c), f"{login} is no client"))
                    continue
                conn.execute(
                    "INSERT OR IGNORE INTO broker_clients (broker_id, client_id) VALUES (?, ?)",
                    (user_id, client[0]),
                )


def build_world(state: ServerState, source: ScenarioSource) -> WorldRefs:
    """Write the scenario's users and money (inside the caller's transaction)."""
    return _Builder(state, source).run()
