"""Portfolio page: its content comes in a later release; until then an honest empty state."""

from __future__ import annotations

from cesec_desktop.views.pages.placeholder import PlaceholderPage


class PortfolioPage(PlaceholderPage):
    key = "portfolio"

    def purpose_text(self) -> str:
        return self.tr("Securities and money on your sub-accounts, with their current value.")
