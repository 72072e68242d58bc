"""Support requests' components, priorities and statuses in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from cesec_desktop.domain.enums import SupportComponent, SupportPriority, SupportStatus


class SupportLabels(QObject):
    """One place for the words, so the form and the list say the same thing."""

    def component(self, value: SupportComponent) -> str:
        texts = {
            SupportComponent.LOGIN: self.tr("Login issues"),
            SupportComponent.ORDERS: self.tr("Order management"),
            SupportComponent.CASH_TRANSFERS: self.tr("Cash transfers"),
            SupportComponent.ACCESS: self.tr("Access"),
            SupportComponent.OTHER: self.tr("Other"),
        }
        return texts[value]

    def priority(self, value: SupportPriority) -> str:
        texts = {
            SupportPriority.CRITICAL: self.tr("Critical"),
            SupportPriority.HIGH: self.tr("High"),
            SupportPriority.MEDIUM: self.tr("Medium"),
            SupportPriority.LOW: self.tr("Low"),
        }
        return texts[value]

    def status(self, value: SupportStatus) -> str:
        texts = {
            SupportStatus.REGISTERED: self.tr("Registered"),
            SupportStatus.IN_PROGRESS: self.tr("In progress"),
            SupportStatus.RESOLVED: self.tr("Resolved"),
        }
        return texts[value]
