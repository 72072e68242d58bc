"""One signature, start to end, for any form: open the SMS or EDS window over it and wait."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from cesec_desktop.state.signing import SignTarget


@dataclass(frozen=True, slots=True)
class SigningOutcome:
    result: object | None
    """The order or instruction the broker accepted, or None."""
    failure: Exception | None
    """Why it could not go, when that is not the signature (for the form to show)."""
    cancelled: bool
    """The user cancelled in NCALayer: nothing was sent."""


async def sign_with(
    method: str,
    ticket: SignTarget,
    parent: QWidget,
    ncalayer_url: str | None,
    on_open: Callable[[QDialog | None], None],
) -> SigningOutcome:
    """Sign `ticket`'s draft by "sms" or "eds" in a window over `parent`.

    `on_open` hears the window when it opens and None when it has closed, so the form can
    refuse to close while a signature is under way.
    """
    from cesec_desktop.views.dialogs import run_dialog
    from cesec_desktop.views.eds_dialog import EdsDialog
    from cesec_desktop.views.sms_dialog import SmsDialog

    dialog: SmsDialog | EdsDialog
    if method == "sms":
        dialog = SmsDialog(ticket, parent=parent)
    else:
        dialog = EdsDialog(ticket, ncalayer_url, parent=parent)
    on_open(dialog)
    try:
        await run_dialog(dialog)
    finally:
        on_open(None)
        outcome = SigningOutcome(
            dialog.result, dialog.failure, getattr(dialog, "cancelled_in_ncalayer", False)
        )
        if isValid(dialog):
            dialog.deleteLater()
    return outcome
