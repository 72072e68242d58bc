"""A change of phone whose signed confirm drips: Esc in the EDS window while it is being sent,
the form says in its own words that it is finding out, and then shows the one change made."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "e2e"))

from gui_support import (  # noqa: F401
    Backend,
    Gui,
    _guis,
    _languages,
    _themes,
    gui_factory,
    languages,
    memory_keyring,
    mock_config,
    qt_loop,
    run,
    settings,
    themes,
    wait_until,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from signing_support import NcaLayerThread, ncalayer, ncalayer_factory  # noqa: F401
from test_my_details import NEW_PHONE, open_details
from test_signwin_confirm import Hostile, hostile  # noqa: F401


def _contact_changes(backend: Backend) -> int:
    row = backend.state.conn.execute(
        "SELECT COUNT(*) AS n FROM instructions WHERE type = 'contact_change'"
    ).fetchone()
    return int(row["n"])


def test_esc_while_a_phone_change_is_sent_then_the_truth_in_its_own_words(
    hostile: tuple[Backend, Hostile],  # noqa: F811
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
    ncalayer: NcaLayerThread,  # noqa: F811
) -> None:
    backend, server = hostile

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        dialog = await open_details(gui)
        gui.session.ncalayer_url = ncalayer.url
        gui.click(dialog.phone_button)
        form = dialog.form
        assert form is not None
        gui.type_into(form.ui.edit, NEW_PHONE)
        form.ticket.check_delays = (0.3,)
        before = _contact_changes(backend)
        server.mode = "drip"

        gui.click(form.ui.edsButton)
        await wait_until(lambda: server.committed == 1, what="the change made on the server")
        sign_dialog = form.sign_dialog
        assert sign_dialog is not None and sign_dialog.busy
        gui.qtbot.keyClick(sign_dialog, Qt.Key.Key_Escape)
        await wait_until(lambda: form.sign_dialog is None, timeout=2, what="Esc to close it")
        label = form.findChild(QLabel, "outcomeLabel")
        assert label is not None and label.isVisible()
        assert label.text() == (
            "Unknown, checking…: no answer came, so it is not yet known whether the broker "
            "received the change of contact details. The app is asking the broker."
        )
        assert form.made is None

        server.mode = "pass"
        await wait_until(
            lambda: form.ui.stack.currentWidget() is form.ui.donePage,
            what="the truth: it was made",
        )
        assert form.made is not None
        assert not label.isVisible()
        assert _contact_changes(backend) == before + 1, "made once, never twice"
        form.reject()
        dialog.reject()

    run(scenario())
