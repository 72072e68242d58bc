"""Profile → Two-step sign-in against the real mock: set up an authenticator from the QR code
(a code from pyotp at the mock's clock), the backup codes shown once (copy, save to a private
file, "I have saved these codes"), sign-in then asks for the second step; turned off with the
password and a backup code (wrong ones answered at their fields), sign-in no longer asks."""

from __future__ import annotations

import asyncio
import os
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pyotp
import segno
from gui_support import DEMO, Backend, Gui, MemoryKeyring, wait_until
from keyboard_support import choose_in_menu, focus_in, press, settle, tab_to_widget
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from cesec_desktop.state.credentials import CredentialStore
from cesec_desktop.state.session import LoginOutcome, Session
from cesec_desktop.views.backup_codes_dialog import BackupCodesDialog
from cesec_desktop.views.totp_setup_dialog import TotpSetupDialog
from cesec_desktop.views.two_step_dialog import TwoStepDialog


async def mock_now(backend: Backend) -> datetime:
    def get() -> str:
        response = httpx.get(backend.url + "/mock/clock", timeout=10)
        response.raise_for_status()
        return str(response.json()["now"])

    return datetime.fromisoformat(await asyncio.to_thread(get))


async def open_two_step(gui: Gui) -> TwoStepDialog:
    """Profile menu → Two-step sign-in…, by keyboard; the dialog once the profile is read."""
    main = gui.main
    await focus_in(main)
    await tab_to_widget(main.profile_button, backwards=True)
    press(Qt.Key.Key_Space)
    await choose_in_menu("Two-step sign-in…")
    await wait_until(
        lambda: main.findChild(TwoStepDialog, "twoStepDialog") is not None, what="the dialog"
    )
    dialog = main.findChild(TwoStepDialog, "twoStepDialog")
    await wait_until(lambda: not dialog.busy, what="the profile read")
    return dialog


async def sign_in_asks(url: str, keyring: MemoryKeyring) -> LoginOutcome:
    """Sign in as the demo client on another app instance; what the password alone gets."""
    session = Session(url, CredentialStore(url, backend=keyring))
    try:
        outcome = await session.login(*DEMO)
        if outcome is LoginOutcome.SECOND_FACTOR_REQUIRED:
            assert session.challenge is not None and "totp" in session.challenge.methods
            session.cancel_second_factor()
        elif outcome is LoginOutcome.SIGNED_IN:
            await session.logout()
        return outcome
    finally:
        await session.close()


def test_set_up_an_authenticator_then_turn_it_off(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in()
        dialog = await open_two_step(gui)
        assert dialog.state_label.text() == "Two-step sign-in is off"
        assert dialog.setup_button.isVisible() and not dialog.turn_off_button.isVisible()

        # --- set up: the QR code and the key ---------------------------------------------
        dialog.setup_button.click()
        await wait_until(
            lambda: dialog.setup_dialog is not None and dialog.setup_dialog.setup is not None,
            what="the new secret",
        )
        setup = dialog.setup_dialog
        assert isinstance(setup, TotpSetupDialog)
        uri = setup.setup.otpauth_uri
        assert uri.startswith("otpauth://totp/Centras%20Securities:demo?")
        assert setup.qr.text() == uri
        made = segno.make(uri, error="m")
        assert [list(row) for row in setup.qr.matrix] == [
            [bool(cell) for cell in row] for row in made.matrix
        ]
        secret = parse_qs(urlparse(uri).query)["secret"][0]
        assert setup.secret_text() == secret
        shown = setup.secret_label.text()
        assert all(len(group) == 4 for group in shown.split(" ")[:-1])
        setup.copy_button.click()
        assert QApplication.clipboard().text() == secret
        assert setup.code_edit.hasFocus()

        # A wrong code is answered at the field; the right one (the mock's time) goes.
        totp = pyotp.TOTP(secret)
        right = totp.at(await mock_now(backend))
        wrong = f"{(int(right) + 500_000) % 1_000_000:06d}"
        gui.type_into(setup.code_edit, wrong)
        press(Qt.Key.Key_Return, to=setup.code_edit)
        await wait_until(lambda: setup.code_error.isVisible(), what="the wrong code refused")
        assert setup.code_error.text().startswith("That code is not right.")
        gui.type_into(setup.code_edit, f"{right[:3]} {right[3:]}")  # as apps show it
        assert not setup.code_error.isVisible()
        gui.click(setup.confirm_button)

        # --- the backup codes, once --------------------------------------------------------
        await wait_until(lambda: dialog.codes_dialog is not None, what="the backup codes")
        codes_dialog = dialog.codes_dialog
        assert isinstance(codes_dialog, BackupCodesDialog)
        await wait_until(codes_dialog.isVisible, what="the codes on screen")
        codes = codes_dialog.codes
        assert len(codes) == 10 and len(set(codes)) == 10
        labels = codes_dialog.code_labels
        assert [label.text().split(". ")[1] for label in labels] == codes
        assert labels[0].font().fixedPitch() or "Mono" in labels[0].font().family()
        # Two columns: 1–5 down the left, 6–10 down the right.
        left, right_x = labels[0].x(), labels[5].x()
        assert right_x > left and all(label.x() == left for label in labels[:5])
        assert all(label.x() == right_x for label in labels[5:])
        assert labels[1].y() > labels[0].y() and labels[5].y() == labels[0].y()

        assert not codes_dialog.done_button.isEnabled()
        press(Qt.Key.Key_Escape, to=codes_dialog)  # not before they are saved
        await settle(3)
        assert codes_dialog.isVisible()

        codes_dialog.copy_button.click()
        copied = QApplication.clipboard().text()
        assert all(code in copied.splitlines() for code in codes)
        assert codes_dialog.status.text() == "The codes are on the clipboard."

        codes_dialog.save_button.click()
        await wait_until(lambda: codes_dialog.file_dialog is not None, what="the file dialog")
        file_dialog = codes_dialog.file_dialog
        assert isinstance(file_dialog, QFileDialog)
        assert file_dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        assert file_dialog.selectedFiles()[0].endswith("cesec-backup-codes.txt")
        await settle(5)  # the dialog reads its folder first (and selects the suggestion)
        target = tmp_path / "my codes.txt"
        name_edit = file_dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_edit is not None
        gui.type_into(name_edit, str(target))  # as a user types a name of their own
        file_dialog.accept()
        await wait_until(lambda: codes_dialog.saved_to is not None, what="the file written")
        assert codes_dialog.saved_to == target
        written = target.read_text(encoding="utf-8").splitlines()
        assert all(code in written for code in codes)
        if os.name == "posix":
            assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert codes_dialog.status.text() == "The codes were saved to my codes.txt."

        gui.tick(codes_dialog.saved_box)
        assert codes_dialog.done_button.isEnabled()
        gui.click(codes_dialog.done_button)
        await wait_until(lambda: dialog.codes_dialog is None, what="the codes dialog closed")
        await wait_until(
            lambda: dialog.state_label.text() == "Two-step sign-in is on", what="the new state"
        )
        assert dialog.codes_left.text() == "Backup codes left: 10."
        assert gui.session.me is not None and gui.session.me.second_factor

        # The next sign-in asks for the second step.
        outcome = await sign_in_asks(backend.url, memory_keyring)
        assert outcome is LoginOutcome.SECOND_FACTOR_REQUIRED

        # --- turn it off: the password and a code, each checked at its field --------------
        await focus_in(dialog)
        dialog.turn_off_button.click()
        assert dialog.turning_off and dialog.password_edit.hasFocus()
        gui.type_into(dialog.password_edit, "Wrong#2026")
        gui.type_into(dialog.code_edit, codes[0])
        gui.click(dialog.turn_off_submit)
        await wait_until(lambda: dialog.field_error("password"), what="the password refused")
        assert dialog.field_error("password") == "The password is wrong."
        assert dialog.password_edit.hasFocus()
        gui.type_into(dialog.password_edit, DEMO[1])
        gui.type_into(dialog.code_edit, wrong)
        press(Qt.Key.Key_Return, to=dialog.code_edit)
        await wait_until(lambda: dialog.field_error("code"), what="the code refused")
        assert dialog.field_error("code").startswith("That code is not right.")
        assert not dialog.field_error("password")
        gui.type_into(dialog.code_edit, codes[0].upper())  # a backup code, as typed
        gui.click(dialog.turn_off_submit)
        await wait_until(
            lambda: dialog.state_label.text() == "Two-step sign-in is off" and not dialog.busy,
            what="turned off",
        )
        assert not dialog.turning_off and dialog.setup_button.isVisible()
        assert dialog.password_edit.text() == ""  # nothing of it stays in the window
        assert gui.session.me is not None and not gui.session.me.second_factor

        outcome = await sign_in_asks(backend.url, memory_keyring)
        assert outcome is LoginOutcome.SIGNED_IN

    run(scenario(), timeout=90)
