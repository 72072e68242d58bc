"""The broker desk's alert rules: a day's loss in % and in KZT, a large withdrawal, a
rejected order, cash below zero. A number is judged as it is typed, under its field, and Save
waits until every field reads; an empty field switches its rule off."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from cesec_desktop.state.book_alerts import AlertRules
from cesec_desktop.views.forms.ui_alert_rules import Ui_AlertRulesForm
from cesec_desktop.views.widgets.decimal_field import DecimalField

MAX_PCT = Decimal(100)
MAX_KZT = Decimal("1000000000000")
"""A trillion tenge: more than any client holds, less than a typo of many zeros."""


class AlertRulesDialog(QDialog):
    """Edits `AlertRules`; `rules` holds the result once accepted."""

    def __init__(self, rules: AlertRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertRulesDialog")
        self.ui = ui = Ui_AlertRulesForm()
        ui.setupUi(self)
        self.rules = rules
        self.fields: dict[str, tuple[DecimalField, QLabel, Decimal]] = {
            "day_loss_pct": (
                DecimalField(ui.dayLossPctEdit, places=0),
                ui.dayLossPctError,
                MAX_PCT,
            ),
            "day_loss_kzt": (
                DecimalField(ui.dayLossKztEdit, places=0),
                ui.dayLossKztError,
                MAX_KZT,
            ),
            "withdrawal_above_kzt": (
                DecimalField(ui.withdrawalEdit, places=0),
                ui.withdrawalError,
                MAX_KZT,
            ),
        }
        for key, (field, _label, _limit) in self.fields.items():
            field.set_value(getattr(rules, key))
            # Any change of text, typed or cleared, is judged at once.
            field.edit.textChanged.connect(lambda _text: self._render())
            field.refused.connect(self._render)
        ui.orderRejectedCheck.setChecked(rules.order_rejected)
        ui.cashNegativeCheck.setChecked(rules.cash_negative)
        ui.saveButton.clicked.connect(self.save)
        ui.cancelButton.clicked.connect(self.reject)
        self._render()

    def error_of(self, key: str) -> str:
        """What is wrong with a field's text, in words ("" when it reads, or is empty)."""
        field, _label, limit = self.fields[key]
        if field.error:
            return field.error_text()
        value = field.value()
        if value is None:
            return ""
        if value <= 0:
            return self.tr("More than zero, or leave it empty to switch the rule off.")
        if value > limit:
            if limit == MAX_PCT:
                return self.tr("At most 100 %.")
            return self.tr("That is more than any client holds: check the number.")
        return ""

    def errors(self) -> dict[str, str]:
        return {key: text for key in self.fields if (text := self.error_of(key))}

    def edited_rules(self) -> AlertRules:
        """The rules as the form says them (fields that do not read count as empty)."""
        values = {key: field.value() for key, (field, _l, _m) in self.fields.items()}
        return replace(
            self.rules,
            day_loss_pct=values["day_loss_pct"],
            day_loss_kzt=values["day_loss_kzt"],
            withdrawal_above_kzt=values["withdrawal_above_kzt"],
            order_rejected=self.ui.orderRejectedCheck.isChecked(),
            cash_negative=self.ui.cashNegativeCheck.isChecked(),
        )

    def save(self) -> None:
        errors = self.errors()
        if errors:
            self._render()
            field = self.fields[next(iter(errors))][0]
            field.edit.setFocus()
            return
        self.rules = self.edited_rules()
        self.accept()

    def _render(self) -> None:
        errors = self.errors()
        for key, (_field, label, _limit) in self.fields.items():
            text = errors.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
        self.ui.saveButton.setEnabled(not errors)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._render()
        super().changeEvent(event)
