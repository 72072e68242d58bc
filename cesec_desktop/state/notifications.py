"""Desktop notices: the user's own orders that fill or are rejected, withdrawals that are
executed or rejected.

The notifier remembers each order's and withdrawal's last known state. Recent ones are read
once at sign-in and again after the stream comes back, silently: those reads only record
what is already so, so an initial load or a resync never fires a flood. What the stream
delivers is live, so a change (or an order seen for the first time, placed elsewhere) fires.
A state never moves backwards: a stale read that races a newer event is ignored.

Brokers: the stream carries their clients' events too, but a notice is only for the account
holder: events of accounts that are not the signed-in user's own are ignored, so a broker
(who has no accounts of their own) gets none and watches the Orders page instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from cesec_desktop.domain.enums import InstructionStatus, OrderStatus
from cesec_desktop.state.formatting import format_moment_short, format_price, format_quantity
from cesec_desktop.state.instruction_texts import contact_change_text
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.vocabulary import side_text

if TYPE_CHECKING:
    from cesec_desktop.domain.models.instructions import Instruction
    from cesec_desktop.domain.models.orders import Order
    from cesec_desktop.settings import Settings
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

SEED_DAYS = 14
"""How far back the sign-in read looks: older orders and withdrawals no longer change."""
SEED_LIMIT = 500
SEED_DELAY_MS = 2000
"""The sign-in read waits for the pages' own first loads: it is not urgent."""

ORDER_FILLED = "order_filled"
ORDER_PARTIALLY_FILLED = "order_partially_filled"
ORDER_REJECTED = "order_rejected"
WITHDRAWAL_EXECUTED = "withdrawal_executed"
WITHDRAWAL_REJECTED = "withdrawal_rejected"
BOOK_ALERT = "book_alert"
"""A broker's alert on a client of the book (state/book_alerts.py; the Clients page)."""
KINDS = (
    ORDER_FILLED,
    ORDER_PARTIALLY_FILLED,
    ORDER_REJECTED,
    WITHDRAWAL_EXECUTED,
    WITHDRAWAL_REJECTED,
    BOOK_ALERT,
)
WARNINGS = frozenset({ORDER_REJECTED, WITHDRAWAL_REJECTED, BOOK_ALERT})
"""Kinds the tray shows with a warning icon."""

_ORDER_RANK = {
    OrderStatus.NEW: 0,
    OrderStatus.ACTIVE: 1,
    OrderStatus.PARTIALLY_FILLED: 2,
}
_INSTRUCTION_RANK = {InstructionStatus.NEW: 0, InstructionStatus.PROCESSING: 1}
_FINAL = 9


@dataclass(frozen=True)
class _OrderMark:
    status: OrderStatus
    filled: Decimal

    def rank(self) -> int:
        return _ORDER_RANK.get(self.status, _FINAL)

    def is_after(self, other: _OrderMark) -> bool:
        return self.filled > other.filled or self.rank() > other.rank()


def _instruction_rank(status: InstructionStatus) -> int:
    return _INSTRUCTION_RANK.get(status, _FINAL)


def _money(value: Decimal, currency: str) -> str:
    """At least cents, more if the value has them (bond prices), as the pages show it."""
    return format_price(value.normalize(), currency)


class Notifier(QObject):
    """Turns status events into translated notices.

    Signals:
        notify(title, body, kind): a notice to show; `kind` is one of `KINDS`. Not emitted
            while the setting is off (state is still tracked, so turning it on is quiet).
        happened(title, body, kind): the same, whatever the setting: what a screen reader
            announces (the switch is about desktop pop-ups, not about being told).
    """

    notify = Signal(str, str, str)
    happened = Signal(str, str, str)

    def __init__(
        self,
        session: Session,
        settings: Settings | None = None,
        *,
        tasks: TaskTracker | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.tasks = tasks if tasks is not None else TaskTracker("notifier")
        self._orders: dict[str, _OrderMark] = {}
        self._instructions: dict[str, InstructionStatus] = {}
        self.seeded = False
        """The recent states were read at least once."""
        session.orderUpdated.connect(self.order_seen)
        session.instructionUpdated.connect(self.instruction_seen)
        session.resynced.connect(self.reload)

    # --- state -----------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self.settings is None or self.settings.notifications_enabled

    def knows(self, item_id: str) -> bool:
        return item_id in self._orders or item_id in self._instructions

    def order_status(self, order_id: str) -> OrderStatus | None:
        mark = self._orders.get(order_id)
        return mark.status if mark is not None else None

    def _own(self, account_id: str) -> bool:
        me = self.session.me
        return me is not None and any(account.id == account_id for account in me.accounts)

    # --- events ----------------------------------------------------------------------------

    def order_seen(self, order: Order) -> None:
        """A live order event (the stream, or the ticket's confirmed order)."""
        self._absorb_order(order, live=True)

    def instruction_seen(self, instruction: Instruction) -> None:
        self._absorb_instruction(instruction, live=True)

    def seed(self, orders: list[Order], instructions: list[Instruction]) -> None:
        """Record what a read says, announcing only progress of what was already known."""
        for order in orders:
            self._absorb_order(order, live=False)
        for instruction in instructions:
            self._absorb_instruction(instruction, live=False)

    def start(self) -> None:
        """Read recent orders and withdrawals soon, so that their states are known."""
        QTimer.singleShot(SEED_DELAY_MS, self, self.reload)

    def reload(self) -> None:
        if self.session.me is not None and self.session.me.accounts:
            self.tasks.spawn(self._load(), name="notifier-seed")

    async def _load(self) -> None:
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.state.orders_query import almaty_today

        start = almaty_today() - timedelta(days=SEED_DAYS)
        # The client itself, not `session.call`: a background read must never be the one that
        # asks for the password (a late 401 would prompt again right after a sign-in).
        client = self.session.client
        try:
            orders = await client.orders(start=start, limit=SEED_LIMIT)
            instructions = await client.instructions(start=start, limit=SEED_LIMIT)
        except CabinetError as error:
            # Not fatal: events still arrive; only a replayed one could then fire twice.
            log.info("notifier could not read recent states (%s)", error.code)
            return
        self.seed(orders.items, instructions.items)
        self.seeded = True

    # --- orders ----------------------------------------------------------------------------

    def _absorb_order(self, order: Order, *, live: bool) -> None:
        if not self._own(order.account_id):
            return
        mark = _OrderMark(order.status, order.filled_quantity)
        before = self._orders.get(order.id)
        if before is None:
            self._orders[order.id] = mark
            if live:
                self._announce_order(order, Decimal(0))
            return
        if not mark.is_after(before):
            return
        self._orders[order.id] = mark
        self._announce_order(order, before.filled)

    def _announce_order(self, order: Order, filled_before: Decimal) -> None:
        if order.status is OrderStatus.FILLED:
            kind = ORDER_FILLED
        elif order.status is OrderStatus.PARTIALLY_FILLED and order.filled_quantity > filled_before:
            kind = ORDER_PARTIALLY_FILLED
        elif order.status is OrderStatus.REJECTED:
            kind = ORDER_REJECTED
        else:
            return
        title, body = self.order_texts(order, kind)
        self.happened.emit(title, body, kind)
        if not self.enabled:
            return
        log.info("notice %s for order %s", kind, order.number)
        self.notify.emit(title, body, kind)

    def order_texts(self, order: Order, kind: str) -> tuple[str, str]:
        """The notice's title and body in the UI language (numbers in its locale)."""
        side = side_text(order.side)
        price = order.average_fill_price if kind != ORDER_REJECTED else None
        price = price if price is not None else order.price
        if kind == ORDER_FILLED:
            title = self.tr("Order filled")
        elif kind == ORDER_PARTIALLY_FILLED:
            title = self.tr("Order partially filled")
        else:
            title = self.tr("Order rejected")
        if kind == ORDER_PARTIALLY_FILLED:
            what = (
                self.tr("%1 %2: %3 of %4")
                .replace("%1", side)
                .replace("%2", order.ticker)
                .replace("%3", format_quantity(order.filled_quantity))
                .replace("%4", format_quantity(order.quantity))
            )
        else:
            what = (
                self.tr("%1 %2: %3")
                .replace("%1", side)
                .replace("%2", order.ticker)
                .replace("%3", format_quantity(order.quantity))
            )
        if price is not None:
            what += " " + self.tr("at %1").replace("%1", _money(price, order.currency))
        else:
            what += " " + self.tr("at market price")
        # The order's number and moment as the Orders page lists it (one time on every screen).
        lines = [
            what,
            self.tr("Order No. %1 of %2")
            .replace("%1", order.number)
            .replace("%2", format_moment_short(order.created_at)),
        ]
        if kind == ORDER_REJECTED and order.reject_reason:
            lines.append(self.tr("Reason: %1").replace("%1", order.reject_reason))
        return title, "\n".join(lines)

    # --- withdrawals -----------------------------------------------------------------------

    def _absorb_instruction(self, instruction: Instruction, *, live: bool) -> None:
        if not self._own_instruction(instruction):
            return
        before = self._instructions.get(instruction.id)
        self_rank = _instruction_rank(instruction.status)
        if before is not None and self_rank <= _instruction_rank(before):
            return
        self._instructions[instruction.id] = instruction.status
        if before is None and not live:
            return
        if instruction.status is InstructionStatus.EXECUTED:
            kind = WITHDRAWAL_EXECUTED
        elif instruction.status is InstructionStatus.REJECTED:
            kind = WITHDRAWAL_REJECTED
        else:
            return
        title, body = self.instruction_texts(instruction, kind)
        self.happened.emit(title, body, kind)
        if not self.enabled:
            return
        log.info("notice %s for instruction %s", kind, instruction.number)
        self.notify.emit(title, body, kind)

    def _own_instruction(self, instruction: Instruction) -> bool:
        """The user's own: a withdrawal from their account, a change of their own details
        (it has no account; the broker writes the client's IIN on it)."""
        if instruction.is_contact_change:
            me = self.session.me
            return me is not None and instruction.recipient_iin == me.iin
        return self._own(instruction.account_id)

    def instruction_texts(self, instruction: Instruction, kind: str) -> tuple[str, str]:
        # A change of contact details is announced under the withdrawal's kinds (one setting
        # for "instructions"), in its own words.
        contact = instruction.is_contact_change
        if kind == WITHDRAWAL_EXECUTED:
            title = (
                self.tr("Contact details changed") if contact else self.tr("Withdrawal executed")
            )
        elif contact:
            title = self.tr("Change of contact details rejected")
        else:
            title = self.tr("Withdrawal rejected")
        summary = (
            contact_change_text(instruction.contact_change)
            if contact
            else f"{_money(instruction.amount, instruction.currency)} · {instruction.bank_name}"
        )
        lines = [
            summary,
            self.tr("Instruction No. %1 of %2")
            .replace("%1", instruction.number)
            .replace("%2", format_moment_short(instruction.created_at)),
        ]
        if kind == WITHDRAWAL_REJECTED and instruction.reject_reason:
            lines.append(self.tr("Reason: %1").replace("%1", instruction.reject_reason))
        return title, "\n".join(lines)
