"""Caps Lock and keyboard layout warnings under the password fields, as the user types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import Backend, Gui
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from cesec_desktop.views.change_password import ChangePasswordDialog
from cesec_desktop.views.keyboard_warning import KeyboardWarning
from cesec_desktop.views.lock_dialog import LockDialog

SHIFT = Qt.KeyboardModifier.ShiftModifier
CAPS = "Caps Lock is on: letters are typed in the wrong case."
CYRILLIC = "Your keyboard is typing Cyrillic (Қ, Ж…): switch to English."


def _press(qtbot: Any, edit: QLineEdit, char: str, shift: bool = False) -> None:
    """One key as the keyboard sends it: the character it types and the modifiers held.

    QTest's keyClick knows Latin-1 keys only; a Cyrillic layout's key press is sent as the
    system sends it, its key code being the upper-case letter's (as Qt's own are).
    """
    modifiers = SHIFT if shift else Qt.KeyboardModifier.NoModifier
    key = ord(char.upper())
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(edit, QKeyEvent(kind, key, modifiers, char))


def _type(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Type `text` without Shift for lower case and with it for upper case (Caps Lock off)."""
    for char in text:
        _press(qtbot, edit, char, shift=char.isupper())


def test_caps_lock_shows_for_capitals_without_shift_and_lower_case_with_it(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        login = gui.login
        edit, warning = login.ui.passwordEdit, login.keyboard_warning
        assert warning.text() == "" and warning.label.isHidden()
        _press(gui.qtbot, edit, "d")
        _press(gui.qtbot, edit, "E", shift=True)  # a capital typed with Shift: all normal
        assert warning.text() == ""
        _press(gui.qtbot, edit, "M")  # a capital without Shift: Caps Lock is on
        assert warning.text() == CAPS and warning.label.isVisible()
        _press(gui.qtbot, edit, "1")  # a digit says nothing either way
        assert warning.text() == CAPS
        _press(gui.qtbot, edit, "o")  # lower case without Shift: it is off again
        assert warning.text() == ""
        _press(gui.qtbot, edit, "x", shift=True)  # lower case WITH Shift: Caps Lock inverts it
        assert warning.text() == CAPS
        gui.qtbot.keyClick(edit, Qt.Key.Key_CapsLock)  # the user presses Caps Lock: off
        assert warning.text() == ""
        # Typing never reaches the warning's words: only the state it guessed.
        assert "x" not in warning.text() and edit.text() == "dEM1ox"

    run(scenario())


def test_a_cyrillic_layout_is_named_and_the_typed_letters_never_shown(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        edit, warning = gui.login.ui.passwordEdit, gui.login.keyboard_warning
        # "Demo" typed on a Russian layout gives "Вуьщ".
        _type(gui.qtbot, edit, "Вуьщ")
        assert warning.text() == CYRILLIC
        assert "Вуьщ" not in warning.label.text()
        edit.clear()
        assert warning.text() == ""
        gui.qtbot.keyClicks(edit, "demo#2026")
        assert warning.text() == ""
        _type(gui.qtbot, edit, "αβ")  # another non-Latin script
        assert warning.text() == "Your keyboard is not typing Latin letters: switch to English."
        # Both at once: Caps Lock and the layout, on two lines.
        edit.clear()
        _press(gui.qtbot, edit, "Ж")
        assert warning.text() == CAPS + "\n" + CYRILLIC
        # The warning sits right under the field, in the sign-in page's layout.
        layout = gui.login.ui.signInLayout
        assert layout.indexOf(warning.label) == layout.indexOf(edit) + 1

    run(scenario())


def test_change_password_and_the_lock_warn_at_each_password_field(
    qtbot: Any, run: Callable[..., Any], languages: Any
) -> None:
    async def submit(old: str, new: str) -> None:
        raise AssertionError("not submitted in this test")

    async def unlock(password: str) -> None:
        raise AssertionError("not submitted in this test")

    async def scenario() -> None:
        dialog = ChangePasswordDialog(submit)
        qtbot.addWidget(dialog)
        dialog.show()
        for edit in (dialog.ui.oldEdit, dialog.ui.newEdit, dialog.ui.repeatEdit):
            warning = next(w for w in dialog.keyboard_warnings if w.edit is edit)
            _press(qtbot, edit, "Q")
            assert warning.text() == CAPS, edit.objectName()
            _type(qtbot, edit, "ж")
            assert CYRILLIC in warning.text()
        dialog.close()

        lock = LockDialog(unlock, user="Демов Демо")
        qtbot.addWidget(lock)
        lock.show()
        _press(qtbot, lock.ui.passwordEdit, "d", shift=True)
        assert lock.keyboard_warning.text() == CAPS
        assert lock.keyboard_warning.label.isVisible()
        assert isinstance(lock.keyboard_warning, KeyboardWarning)
        lock.reject()

    run(scenario())
