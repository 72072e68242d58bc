"""Transactions page: its content comes in a later release; until then an honest empty state."""

from __future__ import annotations

from cesec_desktop.views.pages.placeholder import PlaceholderPage


class TransactionsPage(PlaceholderPage):
    key = "transactions"

    def purpose_text(self) -> str:
        return self.tr("Deals made on your orders: price, quantity, amount and fees.")
