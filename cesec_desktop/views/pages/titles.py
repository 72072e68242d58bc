"""The pages' names, shared by the left menu and the page headings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

PAGES: tuple[str, ...] = ("home", "portfolio", "orders", "transactions", "instructions")
BROKER_PAGES: tuple[str, ...] = ("clients", *PAGES)
"""A broker's menu: the book of clients first, then one client's screens."""
ICONS = {
    "clients": "user",
    "home": "home",
    "portfolio": "portfolio",
    "orders": "orders",
    "transactions": "transactions",
    "instructions": "instructions",
}


def page_title(key: str) -> str:
    titles = {
        "clients": QCoreApplication.translate("Pages", "Clients"),
        "home": QCoreApplication.translate("Pages", "Home"),
        "portfolio": QCoreApplication.translate("Pages", "Portfolio"),
        "orders": QCoreApplication.translate("Pages", "Orders"),
        "transactions": QCoreApplication.translate("Pages", "Transactions"),
        "instructions": QCoreApplication.translate("Pages", "Instructions"),
    }
    return titles[key]


def pages_for(role: str) -> tuple[str, ...]:
    """The left menu's pages for a "broker" or a "client"."""
    return BROKER_PAGES if role == "broker" else PAGES
