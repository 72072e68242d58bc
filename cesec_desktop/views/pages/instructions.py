"""Instructions page: its content comes in a later release; until then an honest empty state."""

from __future__ import annotations

from cesec_desktop.views.pages.placeholder import PlaceholderPage


class InstructionsPage(PlaceholderPage):
    key = "instructions"

    def purpose_text(self) -> str:
        return self.tr("Your instructions to withdraw money to a bank account, with their status.")
