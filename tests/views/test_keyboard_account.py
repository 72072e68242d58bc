"""Issue 18, keyboard only: signing in, the pages, the profile menu (password, language,
theme), export and Report a problem, each done with key presses sent to the focus widget
against the real mock, ending in the server's (or the settings') state.

No mouse event and no slot call advances a flow: `keyboard_support` sends every key to
`QApplication.focusWidget()` (or the open menu), so each step also proves the tab order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from export_support import read_csv
from gui_support import DEMO, Backend, Gui, wait_until
from keyboard_support import (
    CTRL,
    choose_in_menu,
    focus_in,
    focused,
    popup,
    press,
    settle,
    tab_to,
    tab_to_widget,
    type_text,
)
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from test_report_problem import app_log  # noqa: F401 (a fixture)

from cesec_desktop.mockserver.security import token_hash, verify_password
from cesec_desktop.settings import Settings
from cesec_desktop.state.i18n import LANGUAGE_NAMES, LanguageManager
from cesec_desktop.state.orders_query import Period
from cesec_desktop.state.theme import ThemeManager
from cesec_desktop.views.pages.titles import PAGES

NEW_PASSWORD = "Fresh#2027"


# --- helpers -------------------------------------------------------------------------------


def live_sessions(backend: Backend, login: str) -> list[str]:
    """The hashes of the access tokens the server holds, unrevoked, for `login`."""
    rows = backend.state.conn.execute(
        "SELECT s.access_hash FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE u.login = ? AND s.revoked = 0",
        (login,),
    ).fetchall()
    return [row[0] for row in rows]


def stored_password_hash(backend: Backend, login: str) -> str:
    row = backend.state.conn.execute(
        "SELECT password_hash FROM users WHERE login = ?", (login,)
    ).fetchone()
    return str(row[0])


def server_knows(gui: Gui, backend: Backend) -> bool:
    """The session's access token is one the server issued and has not revoked."""
    token = gui.session.client.access_token
    return token is not None and token_hash(token) in live_sessions(backend, DEMO[0])


async def sign_in_by_keyboard(gui: Gui, login: str, password: str) -> None:
    """From a fresh login window: the login field has the focus; type, Tab, type, Enter."""
    await wait_until(lambda: not gui.login.busy, what="the login window to be ready")
    await focus_in(gui.login)
    await wait_until(lambda: gui.login.ui.loginEdit.hasFocus(), what="focus in the login field")
    type_text(login)
    press(Qt.Key.Key_Tab)
    assert focused() is gui.login.ui.passwordEdit
    type_text(password)
    press(Qt.Key.Key_Return)


async def signed_in(gui: Gui) -> None:
    await sign_in_by_keyboard(gui, *DEMO)
    await wait_until(
        lambda: gui.main is not None and gui.main.isVisible() and gui.main.home.shows_data,
        what="the main window with the profile",
    )
    await focus_in(gui.main)


def inside(ancestor: QWidget) -> Callable[[QWidget], bool]:
    return lambda widget: widget is ancestor or ancestor.isAncestorOf(widget)


async def open_menu_of(button: QWidget) -> None:
    """Tab (backwards: the top bar's buttons are last) to `button`, then Space."""
    await tab_to_widget(button, backwards=True)
    press(Qt.Key.Key_Space)
    await wait_until(lambda: popup() is button.menu(), what=f"{button.objectName()}'s menu")


# --- 1. log in -----------------------------------------------------------------------------


def test_sign_in_by_keyboard_and_a_wrong_password_keeps_the_login(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await sign_in_by_keyboard(gui, DEMO[0], "Wrong#2026")
        await wait_until(lambda: gui.login.message(), what="the refusal")
        await wait_until(lambda: not gui.login.busy, what="the window to be ready again")
        assert "password" in gui.login.message().lower()
        assert gui.login.ui.loginEdit.text() == DEMO[0]  # what was typed stays
        assert gui.main is None and live_sessions(backend, DEMO[0]) == []
        # The focus is back in the password: select what is there and type it again.
        assert focused() is gui.login.ui.passwordEdit
        press(Qt.Key.Key_A, CTRL)
        type_text(DEMO[1])
        press(Qt.Key.Key_Return)
        await wait_until(
            lambda: gui.main is not None and gui.main.isVisible() and gui.main.home.shows_data,
            what="the main window",
        )
        assert gui.session.client.is_authenticated and server_knows(gui, backend)

    run(scenario())


# --- 2. pages ------------------------------------------------------------------------------


def test_the_page_shortcuts_and_tab_reach_each_page_and_its_content(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await signed_in(gui)
        main = gui.main
        keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
        for key, page in reversed(list(zip(keys, PAGES, strict=True))):
            press(key, CTRL)
            await settle()
            assert main.current_page == page
            assert main.menu_buttons[page].isChecked()
            # Tab goes on from where the focus was into what the page shows.
            reached = await tab_to(inside(main.pages[page]))
            assert reached.isVisible() and reached.window() is main

        # The left menu by keyboard too: one Tab stop (the page shown, like a radio group),
        # then the arrows move along it and open each page.
        await tab_to_widget(main.menu_buttons["home"], backwards=True)
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Down)
        await settle()
        assert focused() is main.menu_buttons["orders"]
        assert main.current_page == "orders"
        assert gui.settings.last_page_of(DEMO[0]) == "orders"

    run(scenario())


# --- 3. change password --------------------------------------------------------------------


async def open_change_password(main: Any) -> Any:
    """Profile menu → Change password, by keys; the dialog, with the focus in its first field."""
    await open_menu_of(main.profile_button)
    await choose_in_menu("Change password")
    await wait_until(
        lambda: getattr(main, "change_password_dialog", None) is not None,
        what="the change-password dialog",
    )
    dialog = main.change_password_dialog
    await wait_until(dialog.isVisible, what="the dialog on screen")
    await wait_until(lambda: dialog.ui.oldEdit.hasFocus(), what="focus in the old password")
    return dialog


def test_change_the_password_from_the_profile_menu_then_sign_in_with_it(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await signed_in(gui)
        main = gui.main
        dialog = await open_change_password(main)
        type_text(DEMO[1])
        await tab_to_widget(dialog.ui.newEdit, limit=5)
        type_text(NEW_PASSWORD)
        await tab_to_widget(dialog.ui.repeatEdit, limit=5)
        type_text(NEW_PASSWORD)
        press(Qt.Key.Key_Return)
        await wait_until(lambda: dialog.succeeded, what="the confirmation")
        assert focused() is dialog.ui.doneButton
        press(Qt.Key.Key_Return)
        await wait_until(lambda: main.change_password_dialog is None, what="the dialog to close")
        # The server took it: the new password is the one it checks against.
        stored = stored_password_hash(backend, DEMO[0])
        assert verify_password(NEW_PASSWORD, stored) and not verify_password(DEMO[1], stored)

        # Log out from the same menu, then back in with the new password.
        await focus_in(main)
        await open_menu_of(main.profile_button)
        await choose_in_menu("Log out")
        await wait_until(lambda: gui.main is None and gui.login.isVisible(), what="the login")
        await focus_in(gui.login)
        await wait_until(lambda: not gui.login.busy, what="the login window to be ready")
        assert gui.login.ui.loginEdit.text() == DEMO[0]
        await tab_to_widget(gui.login.ui.passwordEdit, limit=5)
        type_text(DEMO[1])  # the old one first: refused
        press(Qt.Key.Key_Return)
        await wait_until(lambda: gui.login.message(), what="the refusal of the old password")
        await wait_until(lambda: not gui.login.busy, what="the window to be ready again")
        assert gui.main is None
        assert focused() is gui.login.ui.passwordEdit
        press(Qt.Key.Key_A, CTRL)
        type_text(NEW_PASSWORD)
        press(Qt.Key.Key_Return)
        await wait_until(
            lambda: gui.main is not None and gui.main.isVisible() and gui.main.home.shows_data,
            what="the main window after the new password",
        )
        assert server_knows(gui, backend)

    run(scenario())


# --- 4. language and theme -----------------------------------------------------------------


def saved(gui: Gui) -> Settings:
    """The settings as the next start reads them: from the file, not this object's cache."""
    gui.settings.sync()
    return Settings(QSettings(gui.settings.store.fileName(), QSettings.Format.IniFormat))


def test_switch_language_and_theme_from_the_profile_menu(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: LanguageManager,
    themes: ThemeManager,
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await signed_in(gui)
        main = gui.main
        await open_menu_of(main.profile_button)
        await choose_in_menu("Language")
        await wait_until(lambda: popup() is main.language_menu, what="the language menu")
        await choose_in_menu(LANGUAGE_NAMES["ru"])
        await wait_until(lambda: languages.language == "ru", what="Russian")
        assert main.menu_buttons["orders"].text() == "Заявки"
        assert saved(gui).language == "ru"

        # In Russian now: the menus are found by their translated titles.
        await focus_in(main)
        await open_menu_of(main.profile_button)
        await choose_in_menu(main.theme_menu.title())
        await wait_until(lambda: popup() is main.theme_menu, what="the theme menu")
        await choose_in_menu(main.theme_actions["dark"].text())
        await wait_until(lambda: themes.mode == "dark", what="the dark theme")
        assert main.theme_actions["dark"].isChecked()
        assert saved(gui).theme == "dark"

    run(scenario())


# --- 5. export -----------------------------------------------------------------------------


def test_export_the_orders_to_csv_by_keyboard(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any], tmp_path: Path
) -> None:
    target = tmp_path / "orders-by-keyboard.csv"

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await signed_in(gui)
        main = gui.main
        press(Qt.Key.Key_3, CTRL)
        page = main.pages["orders"]
        # This month, not today (whose orders depend on the hour): the period buttons are
        # one Tab stop, the arrows move along them.
        periods = page.period_buttons
        await tab_to(lambda widget: widget in periods.values())
        for _ in range(len(periods)):
            if periods[Period.MONTH].isChecked():
                break
            press(Qt.Key.Key_Right)
            await settle(1)
        assert periods[Period.MONTH].isChecked() and focused() is periods[Period.MONTH]
        await wait_until(
            lambda: (
                page.model.loaded
                and not page.model.loading
                and page.query is not None
                and page.query.period == Period.MONTH
            ),
            what="this month's orders",
        )
        proxy = page.table.model()
        assert proxy.rowCount() > 0
        button = page.export_button
        await tab_to_widget(button, backwards=True)  # in the header, before the periods
        press(Qt.Key.Key_Space)
        await choose_in_menu("Export to CSV…")
        await wait_until(lambda: button.file_dialog is not None, what="the file dialog")
        dialog = button.file_dialog
        assert isinstance(dialog, QFileDialog)
        await wait_until(dialog.isVisible, what="the file dialog on screen")
        # Qt's own dialog here (no platform one offscreen): the name field has the focus,
        # with the suggested name; a whole path typed over it is taken as typed.
        await wait_until(lambda: dialog.isAncestorOf(focused()), what="focus in the dialog")
        press(Qt.Key.Key_A, CTRL)
        type_text(str(target))
        press(Qt.Key.Key_Return)
        await wait_until(target.exists, what="the file")
        await wait_until(lambda: not button.busy, what="the export to end")

        rows = read_csv(target)
        header, body = rows[0], rows[1:]
        column = header.index(proxy.headerData(1, Qt.Orientation.Horizontal))
        shown = [str(proxy.index(row, 1).data()) for row in range(proxy.rowCount())]
        assert [cells[column] for cells in body] == shown
        # The numbers are the server's orders of this user.
        numbers = {
            str(row[0])
            for row in backend.state.conn.execute(
                "SELECT o.number FROM orders o JOIN users u ON u.id = o.user_id WHERE u.login = ?",
                (DEMO[0],),
            )
        }
        assert {cells[column].lstrip("№ ") for cells in body} <= numbers
        assert focused() is button  # back where the user was

    run(scenario())


# --- 6. report a problem -------------------------------------------------------------------


async def open_report(gui: Gui) -> Any:
    """Help button (Shift+Tab to it), Space, Report a problem…; the form with attachments."""
    help_button = gui.main.help_button
    await open_menu_of(help_button)
    await choose_in_menu("Report a problem…")
    await wait_until(
        lambda: help_button.report_dialog is not None and help_button.report_dialog.isVisible(),
        what="the Report a problem form",
    )
    dialog = help_button.report_dialog
    await wait_until(lambda: dialog.attachments_ready, what="the attachments")
    return dialog


async def choose_by_arrows(combo: Any, value: str) -> None:
    """A combo box with the focus: Down/Up until its value is `value` (no popup needed)."""
    assert focused() is combo
    key = Qt.Key.Key_Down if combo.findData(value) > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        press(key)
        await settle(1)
    assert combo.currentData() == value


@pytest.mark.usefixtures("app_log")  # the app's log, so that it is attached
def test_report_a_problem_by_keyboard(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await signed_in(gui)
        dialog = await open_report(gui)
        await wait_until(lambda: dialog.summary_edit.hasFocus(), what="focus in the summary")
        type_text("Export freezes the window")
        await tab_to_widget(dialog.component_combo, limit=3)
        await choose_by_arrows(dialog.component_combo, "orders")
        await tab_to_widget(dialog.priority_combo, limit=3)
        await choose_by_arrows(dialog.priority_combo, "high")
        await tab_to_widget(dialog.details_edit, limit=3)
        type_text("Orders, Export to CSV: nothing happens for a minute.")
        await tab_to_widget(dialog.screenshot_check, limit=3)
        press(Qt.Key.Key_Space)  # no screenshot
        assert not dialog.screenshot_check.isChecked()
        await tab_to_widget(dialog.send_button, limit=15)
        press(Qt.Key.Key_Space)
        await wait_until(lambda: dialog.request is not None, what="the request number")
        assert focused() is dialog.close_button

        row = backend.state.conn.execute(
            "SELECT summary, details, component, priority, attachments FROM support_requests "
            "WHERE id = ?",
            (dialog.request.id,),
        ).fetchone()
        assert row[:4] == (
            "Export freezes the window",
            "Orders, Export to CSV: nothing happens for a minute.",
            "orders",
            "high",
        )
        names = {attachment["name"] for attachment in json.loads(row[4])}
        assert "screenshot.png" not in names and "cesec-desktop-log.txt" in names
        press(Qt.Key.Key_Return)
        await wait_until(
            lambda: gui.main.help_button.report_dialog is None, what="the form to close"
        )
        assert focused() is gui.main.help_button

    run(scenario())


# --- 7. Esc closes the dialogs, the focus goes back ----------------------------------------


def test_escape_closes_the_dialogs_and_the_focus_goes_back(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await signed_in(gui)
        main = gui.main
        await open_change_password(main)
        type_text("half typed")
        press(Qt.Key.Key_Escape)
        await wait_until(lambda: main.change_password_dialog is None, what="Esc to close it")
        await wait_until(lambda: QApplication.focusWidget() is main.profile_button, what="focus")
        # Nothing was sent: the password is the same.
        assert verify_password(DEMO[1], stored_password_hash(backend, DEMO[0]))

        await open_report(gui)
        type_text("never sent")
        press(Qt.Key.Key_Escape)
        await wait_until(
            lambda: main.help_button.report_dialog is None, what="Esc to close the report"
        )
        await wait_until(lambda: QApplication.focusWidget() is main.help_button, what="focus")
        count = backend.state.conn.execute("SELECT COUNT(*) FROM support_requests").fetchone()
        assert count[0] == 0

    run(scenario())
