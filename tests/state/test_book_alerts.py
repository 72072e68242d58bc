"""Alerts on the book: each fires once, re-arms, is acknowledged; the rules round-trip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from cesec_desktop.state.book_alerts import AlertCenter, AlertKind, AlertRules
from cesec_desktop.state.clock import FixedClock

MOMENT = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
D = Decimal


def figures(pct: str = "0", kzt: str = "0", cash_kzt: str = "1", cash_usd: str = "0") -> Any:
    return {
        "day_change_pct": D(pct),
        "day_change_kzt": D(kzt),
        "cash_kzt": D(cash_kzt),
        "cash_usd": D(cash_usd),
    }


def test_a_level_rule_fires_once_then_rearms_when_it_clears(qapp: QApplication) -> None:
    clock = FixedClock(MOMENT)
    center = AlertCenter(AlertRules(day_loss_pct=D("5"), day_loss_kzt=D("100000")), clock)
    raised: list[Any] = []
    center.alertRaised.connect(raised.append)
    assert center.check_client("c1", "A", **figures(pct="-5.00")) != []  # at the threshold
    assert center.check_client("c1", "A", **figures(pct="-7.00")) == []
    assert center.check_client("c2", "B", **figures(kzt="-100001")) != []  # the KZT rule
    clock.advance(timedelta(minutes=1))
    center.check_client("c1", "A", **figures(pct="-1.00"))  # cleared: armed
    center.check_client("c1", "A", **figures(pct="-6.00"))
    assert [(a.client_id, a.kind) for a in raised] == [
        ("c1", AlertKind.DAY_LOSS),
        ("c2", AlertKind.DAY_LOSS),
        ("c1", AlertKind.DAY_LOSS),
    ]
    assert raised[0].raised_at == MOMENT and raised[2].raised_at == MOMENT + timedelta(minutes=1)
    assert center.active_count("c1") == 2 and [a.id for a in center.active()] == [3, 2, 1]


def test_new_rules_rearm_and_acknowledging_moves_to_history(qapp: QApplication) -> None:
    clock = FixedClock(MOMENT)
    center = AlertCenter(AlertRules(), clock)
    changed: list[int] = []
    center.changed.connect(lambda: changed.append(1))
    assert [a.kind for a in center.check_client("c1", "A", **figures(cash_usd="-3"))] == [
        AlertKind.CASH_NEGATIVE
    ]
    assert center.check_client("c1", "A", **figures(cash_usd="-3")) == []
    center.rules = AlertRules(day_loss_pct=D("50"))  # changed: re-armed
    again = center.check_client("c1", "A", **figures(cash_usd="-3"))
    assert [a.detail for a in again] == [{"amount": "-3", "currency": "USD"}]
    clock.advance(timedelta(seconds=30))
    center.acknowledge(again[0].id)
    center.acknowledge(again[0].id)  # twice: nothing more
    assert [a.id for a in center.active()] == [1]
    history = center.history()
    assert [a.id for a in history] == [2] and history[0].acknowledged_at == clock.now()
    assert center.active_count("c1") == 1
    assert len(changed) == 3
    center.rules = AlertRules(day_loss_pct=D("50"), cash_negative=False)
    assert center.check_client("c1", "A", **figures(cash_usd="-3")) == []


def test_event_rules_fire_once_per_order_or_withdrawal(qapp: QApplication) -> None:
    center = AlertCenter(AlertRules(withdrawal_above_kzt=D("1000000")), FixedClock(MOMENT))
    assert center.order_rejected("c1", "A", "o1", {"order": "100"}) is not None
    assert center.order_rejected("c1", "A", "o1", {"order": "100"}) is None
    assert center.withdrawal("c1", "A", "w1", D("1000000"), {}) is None  # not above
    assert center.withdrawal("c1", "A", "w2", D("1000000.01"), {}) is not None
    assert center.withdrawal("c1", "A", "w2", D("2000000"), {}) is None
    center.rules = AlertRules(order_rejected=False)
    assert center.order_rejected("c1", "A", "o2", {}) is None
    assert center.withdrawal("c1", "A", "w3", D("9" * 10), {}) is None  # rule off
    assert [a.kind for a in center.active()] == [
        AlertKind.WITHDRAWAL_LARGE,
        AlertKind.ORDER_REJECTED,
    ]


def test_rules_round_trip_through_settings(qapp: QApplication, tmp_path: Path) -> None:
    rules = AlertRules(
        day_loss_pct=D("5.5"),
        day_loss_kzt=None,
        order_rejected=False,
        withdrawal_above_kzt=D("2500000.00"),
        cash_negative=True,
    )
    stored = rules.to_settings()
    assert all(isinstance(v, str) for v in stored.values())
    settings = QSettings(str(tmp_path / "alerts.ini"), QSettings.Format.IniFormat)
    settings.beginGroup("bookAlerts")
    for key, value in stored.items():
        settings.setValue(key, value)
    settings.endGroup()
    settings.sync()
    reread = QSettings(str(tmp_path / "alerts.ini"), QSettings.Format.IniFormat)
    reread.beginGroup("bookAlerts")
    values = {key: reread.value(key) for key in reread.childKeys()}
    assert AlertRules.from_settings(values) == rules
    assert AlertRules.from_settings({}) == AlertRules()
    broken = {"day_loss_pct": "-1", "day_loss_kzt": "lots", "order_rejected": "maybe"}
    assert AlertRules.from_settings(broken) == AlertRules()
