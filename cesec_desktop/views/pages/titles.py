"""The pages' names, shared by the left menu and the page headings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

PAGES: tuple[str, ...] = ("home", "portfolio", "orders", "transactions", "instructions")
ICONS = {
    "home": "home",
    "portfolio": "portfolio",
    "orders": "orders",
    "transactions": "transactions",
    "instructions": "instructions",
}


def page_title(key: str) -> str:
    titles = {
        "home": QCoreApplication.translate("Pages", "Home"),
        "portfolio": QCoreApplication.translate("Pages", "Portfolio"),
        "orders": QCoreApplication.translate("Pages", "Orders"),
        "transactions": QCoreApplication.translate("Pages", "Transactions"),
        "instructions": QCoreApplication.translate("Pages", "Instructions"),
    }
    return titles[key]
