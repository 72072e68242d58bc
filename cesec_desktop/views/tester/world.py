"""After a reset or a scenario load: the user is signed out, and told why.

Why sign out rather than refresh the pages: the mock's world was replaced whole. Its users,
sessions and tokens went with it (the session's token is refused from now on), the user
signed in may not exist in a scenario, and every page, form and draft of the app holds things
of the old world (accounts, orders, a draft's id). A tester expects what a fresh start gives:
the login window, saying what happened, to sign in as one of the new world's users. Without
this, the next call would meet a revoked token and the lock dialog would ask for a password
the new world may not have, under a message about an expired session.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cesec_desktop.state.tester import WorldChange


def world_message(change: WorldChange) -> str:
    """What the login window says after the world was replaced."""
    if change.by_reset and change.scenario:
        return QCoreApplication.translate(
            "TesterWorld", "The mock was reset to the scenario %1. Sign in again."
        ).replace("%1", change.scenario)
    if change.by_reset:
        return QCoreApplication.translate(
            "TesterWorld", "The mock was reset to its seed. Sign in again."
        )
    return QCoreApplication.translate(
        "TesterWorld", "The mock now runs the scenario %1. Sign in as one of its users."
    ).replace("%1", change.scenario or "?")
