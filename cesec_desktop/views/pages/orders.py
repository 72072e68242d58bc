"""Orders page: its content comes in a later release; until then an honest empty state."""

from __future__ import annotations

from cesec_desktop.views.pages.placeholder import PlaceholderPage


class OrdersPage(PlaceholderPage):
    key = "orders"

    def purpose_text(self) -> str:
        return self.tr("Your buy and sell orders for a chosen period, with their status.")
