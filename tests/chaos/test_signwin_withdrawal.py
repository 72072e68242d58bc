"""The EDS window over a withdrawal whose confirm drips: Cancel and Esc work while it is being
sent, and the form finds out and shows the one withdrawal made (issue 12 §2)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "views"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "e2e"))

from gui_support import (  # noqa: F401
    DEMO,
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
from test_signwin_confirm import Hostile

from cesec_desktop.domain.iban import make_iban
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.views.withdrawal_form import WithdrawalFormDialog

HALYK_IBAN = make_iban("601", "0000000012345")


@pytest.fixture
def hostile() -> Iterator[tuple[Backend, Hostile]]:
    wrapper = Hostile(create_app(mock_config()))
    backend = Backend(wrapper).start()  # type: ignore[arg-type]
    yield backend, wrapper
    wrapper.mode = "pass"
    backend.stop()


def _instruction_count(backend: Backend) -> int:
    row = backend.state.conn.execute("SELECT COUNT(*) AS n FROM instructions").fetchone()
    return int(row["n"])


def test_esc_in_the_eds_window_while_sending_then_the_truth(
    hostile: tuple[Backend, Hostile],
    gui_factory: Callable[..., Gui],  # noqa: F811
    run: Callable[..., Any],  # noqa: F811
    ncalayer: NcaLayerThread,  # noqa: F811
) -> None:
    backend, server = hostile

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        gui.session.ncalayer_url = ncalayer.url
        gui.click(gui.main.home.withdraw_button)
        await wait_until(
            lambda: gui.main.findChild(WithdrawalFormDialog) is not None, what="the form"
        )
        form = gui.main.findChild(WithdrawalFormDialog)
        await wait_until(form.isVisible, what="the form shown")
        await wait_until(lambda: form.ticket.available() is not None, what="the cash")
        await wait_until(lambda: form.ui.bankCombo.count() > 0, what="the banks")
        gui.type_into(form.ui.amountEdit, "1000")
        gui.type_into(form.ui.ibanEdit, HALYK_IBAN)
        gui.type_into(form.ui.purposeEdit, "Own funds")
        form.ticket.check_delays = (0.3,)
        before = _instruction_count(backend)
        server.mode = "drip"

        gui.click(form.ui.edsButton)
        await wait_until(lambda: server.committed == 1, what="the withdrawal made on the server")
        dialog = form.sign_dialog
        assert dialog is not None and dialog.busy
        assert dialog.ui.cancelButton.isEnabled(), "Cancel is never disabled"
        gui.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        await wait_until(lambda: form.sign_dialog is None, timeout=2, what="Esc to close it")
        label = form.findChild(QLabel, "outcomeLabel")
        assert label is not None and label.isVisible()
        assert label.text().startswith("Unknown, checking…")
        assert "whether the withdrawal was made" in label.text()
        assert form.made is None

        server.mode = "pass"
        await wait_until(lambda: form.made is not None, what="the truth: it was made")
        assert form.ui.stack.currentWidget() is form.ui.donePage
        assert not label.isVisible()
        assert _instruction_count(backend) == before + 1, "made once, never twice"

    run(scenario())
