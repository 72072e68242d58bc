"""Keyboard-only helpers for issue 18's scenarios: every key goes to the widget that has the
focus, so a scenario proves the tab order and the focus, not only that a widget takes keys.

No mouse events here and no slot calls: a flow advances by key presses alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from gui_support import wait_until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    """The widget that has the keyboard focus (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def describe(widget: QWidget | None) -> str:
    """A widget as a reader of a failure needs it: class, object name, accessible name."""
    if widget is None:
        return "<none>"
    name = widget.objectName() or "-"
    spoken = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__}#{name}({spoken!r})"


def press(
    key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER, to: QWidget | None = None
) -> None:
    """Press a key where the keyboard focus is (or, for an open menu, on that popup)."""
    QTest.keyClick(to if to is not None else focused(), key, modifiers)


def type_text(text: str) -> None:
    """Type Latin-1 text into the focus widget (QTest cannot key in other characters)."""
    QTest.keyClicks(focused(), text)


def popup() -> QMenu | None:
    """The menu that is open now, if any."""
    widget = QApplication.activePopupWidget()
    return widget if isinstance(widget, QMenu) else None


async def settle(rounds: int = 5) -> None:
    """Let the loop run a few times: queued focus changes and posted events land.

    Never `processEvents()` here: inside a coroutine it would run other tasks re-entrantly.
    """
    for _ in range(rounds):
        await asyncio.sleep(0.01)


async def focus_in(window: QWidget, timeout: float = 5.0) -> None:
    """Make `window` the active window (offscreen needs asking) and wait until it is."""
    window.activateWindow()
    window.raise_()
    await wait_until(
        lambda: QApplication.activeWindow() is window,
        timeout,
        f"{describe(window)} to be the active window",
    )


async def tab_to(
    predicate: Callable[[QWidget], bool],
    limit: int = 60,
    backwards: bool = False,
) -> QWidget:
    """Press Tab (or Shift+Tab) until the focus widget satisfies `predicate`; return it."""
    visited: list[str] = []
    for _ in range(limit + 1):
        widget = QApplication.focusWidget()
        if widget is not None and predicate(widget):
            return widget
        visited.append(describe(widget))
        press(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
        await settle(1)
    raise AssertionError(f"Tab never reached the widget; visited: {visited}")


async def tab_to_widget(target: QWidget, limit: int = 60, backwards: bool = False) -> QWidget:
    """Tab until `target` itself has the focus."""
    return await tab_to(lambda widget: widget is target, limit, backwards)


def _matches(text_or_predicate: str | Callable[[str], bool], text: str) -> bool:
    if callable(text_or_predicate):
        return text_or_predicate(text)
    return text.replace("&", "") == text_or_predicate.replace("&", "")


async def wait_for_popup(timeout: float = 5.0) -> QMenu:
    """Wait until a menu is the active popup and return it."""
    await wait_until(lambda: popup() is not None, timeout, "a menu to open")
    menu = popup()
    assert menu is not None
    return menu


async def choose_in_menu(text_or_predicate: str | Callable[[str], bool]) -> None:
    """In the open menu, move down with the arrow keys to the item and press Return.

    The item is matched on its text without mnemonic ampersands (or by a predicate on that
    text). Moving by arrows checks that the item can be reached, enabled, from the keyboard.
    """
    menu = await wait_for_popup()
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    texts = [a.text().replace("&", "") for a in items]
    wanted = [a for a in items if _matches(text_or_predicate, a.text().replace("&", ""))]
    assert wanted, f"no item {text_or_predicate!r} in the menu {texts}"
    target = wanted[0]
    assert target.isEnabled(), f"{target.text()!r} is disabled in the menu"
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is target:
            break
        press(Qt.Key.Key_Down, to=menu)
        await settle(1)
    active = menu.activeAction()
    assert active is target, (
        f"arrows never reached {target.text()!r} in {texts} "
        f"(stopped on {active.text() if active else None!r})"
    )
    press(Qt.Key.Key_Return, to=menu)
    await settle()
