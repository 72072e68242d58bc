"""The Faults tab: latency, errors, a stream drop, a crash after commit and slow answers, each
turned on with its settings and how long it lasts, or off; the state in force under each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state import formatting
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.tester import Fault, Topic, Workbench
from cesec_desktop.views.tester.common import TesterTab, perform, section
from cesec_desktop.views.tester.int_field import IntField
from cesec_desktop.views.tester.until_field import UntilField

MAX_PATTERN = 200


@dataclass
class FaultRow:
    """One fault's widgets."""

    name: QLabel
    value: IntField
    unit: QLabel
    until: UntilField | None
    on: QPushButton
    off: QPushButton
    state: QLabel
    status: IntField | None = None
    status_label: QLabel | None = None
    path: QLineEdit | None = None
    path_label: QLabel | None = None


def _spin(parent: QWidget, name: str, low: int, high: int, value: int) -> IntField:
    return IntField(name, low, high, value, parent)


class FaultsTab(TesterTab):
    """A grid: per fault its settings, how long, On and Off, and what is in force now."""

    topic = Topic.FAULTS

    def __init__(
        self, workbench: Workbench, tasks: TaskTracker, parent: QWidget | None = None
    ) -> None:
        super().__init__(workbench, "testerFaultsTab", parent)
        self.tasks = tasks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        self.intro = QLabel(self)
        self.intro.setProperty("role", "muted")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        frame, panel, self.panel_title = section(self, "testerFaultsPanel")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.rows: dict[Fault, FaultRow] = {}
        for number, fault in enumerate(Fault):
            self.rows[fault] = self._build_row(frame, fault, number * 2)
        self.grid.setColumnStretch(1, 1)
        panel.addLayout(self.grid)
        layout.addWidget(frame)
        bottom = QHBoxLayout()
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("testerClearFaultsButton")
        self.clear_button.clicked.connect(self.clear_all)
        bottom.addWidget(self.clear_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        layout.addStretch(1)
        layout.addWidget(self.status)
        workbench.faultsChanged.connect(self.show_faults)
        self.retranslate()

    def _build_row(self, parent: QWidget, fault: Fault, row: int) -> FaultRow:
        key = fault.value
        name = QLabel(parent)
        name.setProperty("role", "cardTitle")
        settings = QHBoxLayout()
        settings.setSpacing(6)
        limits = {
            Fault.LATENCY: (1, 60_000, 500),
            Fault.ERRORS: (1, 100, 50),
            Fault.STREAM: (1, 3600, 30),
            Fault.CRASH: (1, 1000, 1),
            Fault.DRIP: (1, 10_000_000, 200),
        }[fault]
        value = _spin(parent, f"testerFault_{key}_value", *limits)
        unit = QLabel(parent)
        settings.addWidget(value)
        settings.addWidget(unit)
        item = FaultRow(
            name, value, unit, None, QPushButton(parent), QPushButton(parent), QLabel(parent)
        )
        name.setBuddy(value)
        if fault is Fault.ERRORS:
            item.status_label = QLabel(parent)
            item.status = _spin(parent, "testerFault_errors_status", 500, 599, 503)
            item.status_label.setBuddy(item.status)
            settings.addWidget(item.status_label)
            settings.addWidget(item.status)
        if fault in (Fault.ERRORS, Fault.CRASH):
            item.path_label = QLabel(parent)
            item.path = QLineEdit(parent)
            item.path.setObjectName(f"testerFault_{key}_path")
            item.path.setMaxLength(MAX_PATTERN)
            item.path.setMinimumWidth(120)
            item.path_label.setBuddy(item.path)
            settings.addWidget(item.path_label)
            settings.addWidget(item.path, 1)
        else:
            settings.addStretch(1)
        if fault is not Fault.STREAM:
            item.until = UntilField(f"testerFault_{key}_until", parent)
            item.until.subject = lambda f=fault: self.fault_names()[f]
            item.until.retranslate()
        item.on.setObjectName(f"testerFault_{key}_on")
        item.on.setProperty("role", "primary")
        item.on.clicked.connect(lambda _=False, f=fault: self.turn_on(f))
        item.off.setObjectName(f"testerFault_{key}_off")
        item.off.clicked.connect(lambda _=False, f=fault: self.turn_off(f))
        item.state.setObjectName(f"testerFault_{key}_state")
        item.state.setProperty("role", "note")
        item.state.setWordWrap(True)  # a long state wraps; it never widens the window
        self.grid.addWidget(name, row, 0)
        self.grid.addLayout(settings, row, 1)
        if item.until is not None:
            self.grid.addWidget(item.until, row, 2)
        self.grid.addWidget(item.on, row, 3)
        self.grid.addWidget(item.off, row, 4)
        self.grid.addWidget(item.state, row + 1, 1, 1, 4)
        return item

    # --- the state in force ------------------------------------------------------------

    def show_faults(self, faults: Any) -> None:
        for fault, row in self.rows.items():
            text, on = self._state_words(fault, faults)
            row.state.setText(text)
            row.state.setProperty("role", "note")
            row.off.setEnabled(on)
        self.clear_button.setEnabled(bool(faults.any_on))
        self.read_succeeded()

    def _state_words(self, fault: Fault, f: Any) -> tuple[str, bool]:
        if fault is Fault.LATENCY:
            on = f.latency_ms > 0
            text = self.tr("On: every call waits %1 ms").replace("%1", str(f.latency_ms))
            until = f.latency_until
        elif fault is Fault.ERRORS:
            on = f.error_rate > 0
            calls = f.error_path or self.tr("every /api/v1 call")
            text = (
                self.tr("On: %1 % of %2 answer %3")
                .replace("%1", _percent(f.error_rate))
                .replace("%2", calls)
                .replace("%3", str(f.error_status))
            )
            until = f.error_until
        elif fault is Fault.STREAM:
            on = bool(f.stream_down)
            text = self.tr("On: streams are dropped and refused")
            until = f.stream_down_until
        elif fault is Fault.CRASH:
            on = f.crash_after_commit > 0
            calls = f.crash_path or self.tr("creating and confirming orders, withdrawals, requests")
            text = (
                self.tr("On: the next %1 of %2 commit, then lose their answer")
                .replace("%1", str(f.crash_after_commit))
                .replace("%2", calls)
            )
            until = f.crash_until
        else:
            on = f.drip_bytes_per_second > 0
            text = self.tr("On: answers arrive at %1 bytes a second").replace(
                "%1", str(f.drip_bytes_per_second)
            )
            until = f.drip_until
        if not on:
            return self.tr("Off"), False
        return text + self._until_words(until), True

    def _until_words(self, until: datetime | None) -> str:
        if until is None:
            return self.tr(", until cleared.")
        return self.tr(", until %1 on the mock's clock.").replace(
            "%1", formatting.format_moment_short(until)
        )

    # --- actions -----------------------------------------------------------------------

    def turn_on(self, fault: Fault) -> None:
        row = self.rows[fault]
        try:
            until = row.until.value() if row.until is not None else None
        except ValueError:
            assert row.until is not None
            self.status.failed(row.until.time_error())
            row.until.at.setFocus()
            return
        self.tasks.spawn(
            self._change(
                fault,
                self.workbench.fault_on(
                    fault,
                    row.value.value(),
                    until=until,
                    status=row.status.value() if row.status is not None else None,
                    path=row.path.text() if row.path is not None else None,
                ),
                self.tr("Turning on: %1…").replace("%1", row.name.text()),
            ),
            name=f"tester-fault-{fault}",
        )

    def turn_off(self, fault: Fault) -> None:
        row = self.rows[fault]
        self.tasks.spawn(
            self._change(
                fault,
                self.workbench.fault_off(fault),
                self.tr("Turning off: %1…").replace("%1", row.name.text()),
            ),
            name=f"tester-fault-{fault}-off",
        )

    async def _change(self, fault: Fault, action: Any, progress: str) -> None:
        row = self.rows[fault]
        outcome = await perform(self.status, [row.on, row.off], progress, action)
        if outcome.value is not None:
            self.show_faults(outcome.value)
            self.status.done(f"{row.name.text()}: {row.state.text()}")

    def clear_all(self) -> None:
        self.tasks.spawn(self._clear_all(), name="tester-clear-faults")

    async def _clear_all(self) -> None:
        outcome = await perform(
            self.status,
            [self.clear_button],
            self.tr("Clearing every fault…"),
            self.workbench.clear_faults(),
        )
        if outcome.value is not None:
            self.show_faults(outcome.value)
            self.status.done(self.tr("Every fault is off."))

    # --- texts -------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Faults")

    def fault_names(self) -> dict[Fault, str]:
        return {
            Fault.LATENCY: self.tr("Latency"),
            Fault.ERRORS: self.tr("Errors"),
            Fault.STREAM: self.tr("Stream drop"),
            Fault.CRASH: self.tr("Crash after commit"),
            Fault.DRIP: self.tr("Slow answers"),
        }

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Faults hit the cabinet API (/api/v1) of every client of this mock, not only "
                "this app. Times are on the mock's clock."
            )
        )
        self.panel_title.setText(self.tr("Injected faults"))
        names = self.fault_names()
        units = {
            Fault.LATENCY: self.tr("ms"),
            Fault.ERRORS: self.tr("% of calls"),
            Fault.STREAM: self.tr("seconds"),
            Fault.CRASH: self.tr("next calls"),
            Fault.DRIP: self.tr("bytes a second"),
        }
        turn_off = self.tr("Turn off")
        for fault, row in self.rows.items():
            row.name.setText(names[fault])
            row.unit.setText(units[fault])
            row.value.setAccessibleName(f"{names[fault]}: {units[fault]}")
            row.on.setText(self.tr("Drop") if fault is Fault.STREAM else self.tr("Turn on"))
            row.on.setAccessibleName(f"{row.on.text()}: {names[fault]}")
            row.off.setText(turn_off)
            row.off.setAccessibleName(f"{turn_off}: {names[fault]}")
            if row.status is not None and row.status_label is not None:
                row.status_label.setText(self.tr("status"))
                row.status.setAccessibleName(self.tr("HTTP status of the errors"))
            if row.path is not None and row.path_label is not None:
                row.path_label.setText(self.tr("path"))
                which = self.tr("Which calls (method and path pattern)")
                row.path.setAccessibleName(f"{names[fault]}: {which}")
                row.path.setPlaceholderText(self.tr("default calls"))
                row.path.setToolTip(
                    self.tr(
                        "A path pattern with * wildcards, optionally after a method, e.g. "
                        "POST /api/v1/orders/*/confirm. Empty: the default calls."
                    )
                )
        self.clear_button.setText(self.tr("Clear all faults"))
        faults = self.workbench.faults
        if faults is not None:
            self.show_faults(faults)
        else:
            for row in self.rows.values():
                row.state.setText(self.tr("Reading…"))


def _percent(rate: float) -> str:
    """A rate (0..1) as a percentage in the UI's digits, with a decimal only when it has one."""
    value = Decimal(str(round(rate * 100, 1))).normalize()
    return formatting.format_decimal(value, 1 if value != value.to_integral_value() else 0)
