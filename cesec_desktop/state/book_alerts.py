"""Alerts on a broker's book: a client's day loss, a rejected order, a large withdrawal,
negative cash.

A rule fires once when its condition is crossed and not again for that client until it is
re-armed: the condition clears (the value goes back above the threshold, which also covers
an acknowledged alert whose condition then clears), or the rules change. Event rules (a
rejected order, a large withdrawal) fire once per order or instruction.

Never for the broker's own actions: a broker cannot write (no orders, no withdrawals of
their own; the backend refuses every write call), so every event here is a client's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from cesec_desktop.state.clock import Clock
from cesec_desktop.state.clock import current as current_clock

HISTORY_LIMIT = 1000
"""Acknowledged alerts kept (the oldest go first): a long day must not grow without end."""


class AlertKind(StrEnum):
    DAY_LOSS = "day_loss"
    ORDER_REJECTED = "order_rejected"
    WITHDRAWAL_LARGE = "withdrawal_large"
    CASH_NEGATIVE = "cash_negative"


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() and number >= 0 else None


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    return default


@dataclass(frozen=True)
class AlertRules:
    """What raises an alert; None switches a threshold off."""

    day_loss_pct: Decimal | None = None
    """Alert when a client's day's change % is at or below minus this."""
    day_loss_kzt: Decimal | None = None
    """Or when the day's change in KZT is at or below minus this."""
    order_rejected: bool = True
    withdrawal_above_kzt: Decimal | None = None
    cash_negative: bool = True

    def to_settings(self) -> dict[str, str]:
        """Strings for QSettings (an empty string: the threshold is off)."""
        values: dict[str, str] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if isinstance(value, bool):
                values[spec.name] = "true" if value else "false"
            else:
                values[spec.name] = "" if value is None else str(value)
        return values

    @classmethod
    def from_settings(cls, values: Mapping[str, object]) -> AlertRules:
        """Rules from stored strings; what is missing or unreadable takes its default."""
        default = cls()
        return cls(
            day_loss_pct=_decimal(values.get("day_loss_pct")),
            day_loss_kzt=_decimal(values.get("day_loss_kzt")),
            order_rejected=_flag(values.get("order_rejected"), default.order_rejected),
            withdrawal_above_kzt=_decimal(values.get("withdrawal_above_kzt")),
            cash_negative=_flag(values.get("cash_negative"), default.cash_negative),
        )


@dataclass
class Alert:
    id: int
    kind: AlertKind
    client_id: str
    client_name: str
    raised_at: datetime
    """From the injected clock (state/clock.py), aware."""
    detail: dict[str, str] = field(default_factory=dict)
    """Raw strings ({"pct": "-5.20", "amount": "…", "order": "…"}); the view words them."""
    acknowledged_at: datetime | None = None


class AlertCenter(QObject):
    """Raises alerts on the book's clients and keeps them until acknowledged.

    The book calls `check_client` whenever a client's figures change, and `order_rejected`
    and `withdrawal` for stream events; each decides against `rules`.

    Signals:
        alertRaised(Alert): a new alert (the view shows a badge and a desktop notice).
        changed: an alert was raised or acknowledged (lists and badges refresh).
        rulesChanged: new rules (the book judges every client against them at once).
    """

    alertRaised = Signal(object)
    changed = Signal()
    rulesChanged = Signal()

    def __init__(
        self,
        rules: AlertRules | None = None,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rules = rules if rules is not None else AlertRules()
        self._clock = clock
        self._alerts: dict[int, Alert] = {}
        """Unacknowledged, by id (ids grow, so the order of raising)."""
        self._history: list[Alert] = []
        self._next_id = 1
        self._fired: set[tuple[str, AlertKind]] = set()
        """(client, level rule) that fired and waits to be re-armed."""
        self._seen_events: set[tuple[AlertKind, str]] = set()
        """(event rule, order or instruction id) already raised."""
        self._active_per_client: dict[str, int] = {}

    # --- rules -----------------------------------------------------------------------------

    @property
    def rules(self) -> AlertRules:
        return self._rules

    @rules.setter
    def rules(self, rules: AlertRules) -> None:
        """New rules re-arm every level rule: a client still past a threshold fires again."""
        if rules == self._rules:
            return
        self._rules = rules
        self._fired.clear()
        self.rulesChanged.emit()

    # --- reading ---------------------------------------------------------------------------

    def active(self) -> list[Alert]:
        """Unacknowledged alerts, newest first."""
        return sorted(self._alerts.values(), key=lambda a: a.id, reverse=True)

    def history(self) -> list[Alert]:
        """Acknowledged alerts, newest first."""
        return sorted(self._history, key=lambda a: a.id, reverse=True)

    def active_count(self, client_id: str) -> int:
        return self._active_per_client.get(client_id, 0)

    def fired(self, client_id: str, kind: AlertKind) -> bool:
        """Whether a level rule fired for the client and waits to be re-armed."""
        return (client_id, kind) in self._fired

    # --- acting ----------------------------------------------------------------------------

    def acknowledge(self, alert_id: int) -> None:
        alert = self._alerts.pop(alert_id, None)
        if alert is None:
            return
        alert.acknowledged_at = self._now()
        self._history.append(alert)
        del self._history[:-HISTORY_LIMIT]
        self._count(alert.client_id, -1)
        self.changed.emit()

    def check_client(
        self,
        client_id: str,
        client_name: str,
        *,
        day_change_kzt: Decimal,
        day_change_pct: Decimal,
        cash_kzt: Decimal,
        cash_usd: Decimal,
    ) -> list[Alert]:
        """Judge a client's figures against the level rules; returns the alerts raised."""
        rules = self._rules
        raised: list[Alert] = []
        loss = (rules.day_loss_pct is not None and day_change_pct <= -rules.day_loss_pct) or (
            rules.day_loss_kzt is not None and day_change_kzt <= -rules.day_loss_kzt
        )
        detail = {"pct": str(day_change_pct), "amount": str(day_change_kzt), "currency": "KZT"}
        self._level(client_id, client_name, AlertKind.DAY_LOSS, loss, detail, raised)
        negative = [("KZT", cash_kzt), ("USD", cash_usd)]
        below = [(c, v) for c, v in negative if v < 0]
        cash_detail = {"amount": str(below[0][1]), "currency": below[0][0]} if below else {}
        self._level(
            client_id,
            client_name,
            AlertKind.CASH_NEGATIVE,
            rules.cash_negative and bool(below),
            cash_detail,
            raised,
        )
        return raised

    def forget_client(self, client_id: str) -> None:
        """The client left the book: its level rules re-arm (their alerts stay listed)."""
        self._fired = {key for key in self._fired if key[0] != client_id}

    def order_rejected(
        self, client_id: str, client_name: str, order_id: str, detail: dict[str, str]
    ) -> Alert | None:
        """A client's order was rejected: one alert per order, ever."""
        if not self._rules.order_rejected:
            return None
        return self._event(AlertKind.ORDER_REJECTED, order_id, client_id, client_name, detail)

    def withdrawal(
        self,
        client_id: str,
        client_name: str,
        instruction_id: str,
        amount_kzt: Decimal,
        detail: dict[str, str],
    ) -> Alert | None:
        """A client asked to withdraw: one alert per instruction above the threshold."""
        limit = self._rules.withdrawal_above_kzt
        if limit is None or amount_kzt <= limit:
            return None
        return self._event(
            AlertKind.WITHDRAWAL_LARGE, instruction_id, client_id, client_name, detail
        )

    # --- internals -------------------------------------------------------------------------

    def _now(self) -> datetime:
        return (self._clock or current_clock()).now()

    def _level(
        self,
        client_id: str,
        client_name: str,
        kind: AlertKind,
        crossed: bool,
        detail: dict[str, str],
        raised: list[Alert],
    ) -> None:
        key = (client_id, kind)
        if not crossed:
            self._fired.discard(key)  # cleared: armed again
            return
        if key in self._fired:
            return
        self._fired.add(key)
        raised.append(self._raise(kind, client_id, client_name, detail))

    def _event(
        self,
        kind: AlertKind,
        event_id: str,
        client_id: str,
        client_name: str,
        detail: dict[str, str],
    ) -> Alert | None:
        key = (kind, event_id)
        if key in self._seen_events:
            return None  # the same event again (a resync, a repeated status)
        self._seen_events.add(key)
        return self._raise(kind, client_id, client_name, detail)

    def _raise(
        self, kind: AlertKind, client_id: str, client_name: str, detail: dict[str, str]
    ) -> Alert:
        alert = Alert(
            id=self._next_id,
            kind=kind,
            client_id=client_id,
            client_name=client_name,
            raised_at=self._now(),
            detail=dict(detail),
        )
        self._next_id += 1
        self._alerts[alert.id] = alert
        self._count(client_id, +1)
        self.alertRaised.emit(alert)
        self.changed.emit()
        return alert

    def _count(self, client_id: str, step: int) -> None:
        count = self._active_per_client.get(client_id, 0) + step
        if count > 0:
            self._active_per_client[client_id] = count
        else:
            self._active_per_client.pop(client_id, None)
