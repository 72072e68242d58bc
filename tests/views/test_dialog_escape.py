"""Esc closes every dialog that can be closed, and the focus goes back to where it was
(issue 18): the details dialogs of orders, deals and instructions, a chart window, the
error box, a broker's alerts and alert rules; the idle lock alone stays on Esc. Each is
opened by keys from a focused control where a key path exists, against the real mock.

(The watchlist editor's Esc is in test_keyboard_watchlist.py; the order, withdrawal and
signing forms, change password, report a problem and the help windows are other files'.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from gui_support import DEMO, Gui, wait_until
from keyboard_support import (
    choose_in_menu,
    describe,
    focus_in,
    focused,
    press,
    settle,
    tab_to,
    tab_to_widget,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from testkit import BROKER

from cesec_desktop.settings import Settings
from cesec_desktop.state.orders_query import Period
from cesec_desktop.views.error_dialog import show_error


async def signed_in(gui_factory: Callable[..., Gui], backend: Any, login: Any = DEMO) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in(*login)
    await focus_in(gui.main)
    return gui


def press_sequence(sequence: QKeySequence) -> None:
    """A shortcut as the user types it (its one chord) to the focus widget."""
    chord = sequence[0]
    press(chord.key(), chord.keyboardModifiers())


async def go_to_page(gui: Gui, key: str) -> Any:
    """The page by its Ctrl+number shortcut."""
    press_sequence(gui.main.page_actions[key].shortcut())
    await wait_until(lambda: gui.main.current_page == key, what=f"the {key} page")
    return gui.main.pages[key]


async def until_active(what: str, test: Callable[[QWidget], bool]) -> QWidget:
    await wait_until(
        lambda: (w := QApplication.activeWindow()) is not None and w.isVisible() and test(w),
        what=what,
    )
    window = QApplication.activeWindow()
    assert window is not None
    return window


async def esc_returns_focus(window: QWidget, before: QWidget) -> None:
    """Esc where the focus is inside `window`: it goes, and `before` has the focus again."""
    assert window.isAncestorOf(focused()) or focused() is window, describe(focused())
    press(Qt.Key.Key_Escape)
    await wait_until(lambda: not window.isVisible(), what=f"{describe(window)} closed by Esc")
    await wait_until(
        lambda: QApplication.focusWidget() is before,
        what=f"the focus back on {describe(before)} (it is on "
        f"{describe(QApplication.focusWidget())})",
    )


async def widest_period(page: Any) -> None:
    """The page's widest period preset, by keys: Tab to the segments, arrows along
    the segments, Space. (Today may have no rows: no test on the date.)"""
    buttons = page.period_buttons
    wanted = [p for p in page.period_bar.presets if p is not Period.CUSTOM][-1]
    await tab_to(lambda widget: widget in buttons.values())
    for _ in range(2 * len(buttons)):
        if focused() is buttons[wanted]:
            break
        press(Qt.Key.Key_Right)
    assert focused() is buttons[wanted], describe(focused())
    if not buttons[wanted].isChecked():
        press(Qt.Key.Key_Space)
    assert buttons[wanted].isChecked()


async def details_by_return(gui: Gui, key: str) -> None:
    """A list page's row: Tab to the table, Return opens the details, Esc closes them."""
    page = await go_to_page(gui, key)
    await widest_period(page)
    table = page.table
    await wait_until(lambda: table.model().rowCount() > 0, what=f"{key} rows")
    await tab_to_widget(table)
    assert table.currentIndex().isValid()
    # Off the "…" column (Return there is the menu's cell, not the row's details).
    while table.currentIndex().column() == page.menu_column:
        press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Return)
    dialog = await until_active(
        f"the {key} details", lambda w: w.property("role") == "detailsDialog"
    )
    assert page.details_dialog is dialog
    await esc_returns_focus(dialog, table)


def test_the_details_dialogs_close_on_esc_and_give_the_focus_back_to_the_table(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        for key in ("orders", "transactions", "instructions"):
            await details_by_return(gui, key)
            assert gui.main.pages[key].details_dialog is None

    run(scenario(), timeout=60)


def test_a_chart_from_a_rows_menu_closes_on_esc_back_to_the_row(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        home = gui.main.home
        table = home.panels["KASE"].table
        await wait_until(lambda: table.model().rowCount() > 0, what="KASE rows")
        await tab_to_widget(table)
        press(Qt.Key.Key_Menu)
        await choose_in_menu("Chart")
        chart = await until_active("the chart", lambda w: w.objectName() == "chartWindow")
        await esc_returns_focus(chart, table)

    run(scenario())


def test_the_error_box_closes_on_esc_back_to_the_field(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert focused() is main.quick_search
        # As the excepthook shows it (test_error_hook.py raises one in a task).
        try:
            raise ValueError("a test error")
        except ValueError as error:
            box = show_error(ValueError, error, error.__traceback__)
        assert box is not None
        await until_active("the error box", lambda w: w is box)
        await esc_returns_focus(box, main.quick_search)

    run(scenario())


def test_a_brokers_alerts_and_rules_close_on_esc_back_to_their_buttons(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend, BROKER)
        page = await go_to_page(gui, "clients")
        await wait_until(lambda: page.state == "table", timeout=20, what="the book")

        await tab_to_widget(page.alerts_button)
        press(Qt.Key.Key_Space)
        alerts = await until_active("the alerts", lambda w: w is page.alerts_dialog)
        await settle()
        await esc_returns_focus(alerts, page.alerts_button)
        # Shown again (the dialog is kept): Esc once more, back to the button again.
        press(Qt.Key.Key_Space)
        await until_active("the alerts again", lambda w: w is alerts)
        await settle()
        await esc_returns_focus(alerts, page.alerts_button)

        await tab_to_widget(page.rules_button)
        press(Qt.Key.Key_Space)
        rules = await until_active("the rules", lambda w: w is page.rules_dialog)
        await settle()
        await esc_returns_focus(rules, page.rules_button)
        await wait_until(lambda: page.rules_dialog is None, what="the rules dialog gone")

    run(scenario(), timeout=60)


def test_esc_does_not_lift_the_idle_lock_and_unlocking_gives_the_focus_back(
    run: Any, gui_factory: Any, backend: Any, settings: Settings
) -> None:
    settings.idle_minutes = 0.01  # 0.6 s idle (test_session_lock.py's way)

    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        main = gui.main
        press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        before = focused()
        assert before is main.quick_search
        await wait_until(lambda: gui.shell.lock_dialog is not None, timeout=5, what="the lock")
        lock = gui.shell.lock_dialog
        await until_active("the lock", lambda w: w is lock)
        await settle()
        assert lock.isAncestorOf(focused())

        press(Qt.Key.Key_Escape)
        await asyncio.sleep(0.3)
        await settle()
        assert lock.isVisible() and gui.shell.lock_dialog is lock, "Esc lifted the lock"
        assert main.lock_overlay.isVisible()

        assert focused() is lock.ui.passwordEdit
        type_text(DEMO[1])
        press(Qt.Key.Key_Return)
        await wait_until(lambda: gui.shell.lock_dialog is None, what="unlocked")
        await wait_until(
            lambda: QApplication.focusWidget() is before,
            what=f"the focus back (on {describe(QApplication.focusWidget())})",
        )

    run(scenario())
