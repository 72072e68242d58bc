"""The Help menu: its entries, F1, the shortcuts list kept true, contacts and About."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

import cesec_desktop
from cesec_desktop.views.help.guide_window import SECTIONS
from cesec_desktop.views.help.help_menu import SHORTCUTS, TESTER_SHORTCUTS, key_sequence

NATIVE = QKeySequence.SequenceFormat.PortableText


def test_the_help_menu_lists_every_entry(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        help_button = gui.main.help_button
        assert help_button.isVisible() and not help_button.icon().isNull()
        assert help_button.toolTip() == "Help"
        # The backend is the mock on this computer: its Tester entry appears once it said so.
        tester = gui.main.tester_action
        await wait_until(lambda: tester.isVisible(), what="the Tester entry")
        texts = [
            a.text()
            for a in help_button.help_menu.actions()
            if not a.isSeparator() and a.isVisible()
        ]
        assert texts == [
            "User guide",
            "Keyboard shortcuts",
            "Contact support",
            "Report a problem…",
            "My requests",
            "Tester…",
            "Check for updates…",
            "About",
        ]
        assert help_button.guide_action.shortcut().toString(NATIVE) == "F1"

    run(scenario())


def test_f1_opens_the_guide_at_the_page_on_screen(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        main.show_page("orders")
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active")
        gui.qtbot.keyClick(main, Qt.Key.Key_F1)
        guide = main.help_button.guide
        assert guide is not None and guide.isVisible()
        assert guide.contents.currentRow() == SECTIONS.index("orders")
        assert guide.contents.currentItem().text() == "Orders"
        assert guide.windowTitle() == "User guide"
        # The menu entry reuses the same window.
        main.help_button.guide_action.trigger()
        assert main.help_button.guide is guide
        guide.close()

    run(scenario())


def test_the_shortcuts_list_matches_the_window(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        await wait_until(lambda: main.tester_action.isEnabled(), what="the Tester entry")
        listed = {key_sequence(key).toString(NATIVE) for _, key in SHORTCUTS + TESTER_SHORTCUTS}
        assert {"F1", "Ctrl+F", "Ctrl+1", "Ctrl+5", "Ctrl+B", "Ctrl+Shift+S"} <= listed
        # Every shortcut the window and its pages define is in the list.
        defined = {
            shortcut.toString(NATIVE)
            for action in main.findChildren(QAction)
            for shortcut in action.shortcuts()
            if not shortcut.isEmpty()
        }
        assert defined, "the window defines shortcuts"
        assert defined <= listed, sorted(defined - listed)

        main.help_button.shortcuts_action.trigger()
        dialog = main.help_button.shortcuts_dialog
        assert dialog.isVisible()
        rows = dict(dialog.rows())
        native = QKeySequence.SequenceFormat.NativeText
        assert rows[QKeySequence("F1").toString(native)] == "Open the user guide"
        assert rows[QKeySequence("Ctrl+2").toString(native)] == "Open Portfolio"
        assert rows[QKeySequence("Ctrl+B").toString(native)] == (
            "Buy the instrument in the selected row"
        )
        assert rows[QKeySequence("Ctrl+Shift+S").toString(native)] == (
            "Sell the instrument in the selected row"
        )
        assert rows[QKeySequence("Ctrl+Shift+T").toString(native)] == (
            "Open the Tester window (the mock backend's controls)"
        )
        dialog.close()

    run(scenario())


def test_contacts_show_phone_mail_and_hours_and_lead_to_a_report(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        help_button = gui.main.help_button
        help_button.contacts_action.trigger()
        dialog = help_button.contacts_dialog
        assert dialog.isVisible()
        assert "mailto:" in dialog.email.text() and "tel:" in dialog.phone.text()
        assert "09:00–18:00 Almaty time, working days" in dialog.hours.text()
        gui.click(dialog.report_button)
        await wait_until(
            lambda: help_button.report_dialog is not None and help_button.report_dialog.isVisible(),
            what="the report form",
        )
        help_button.report_dialog.reject()

    run(scenario())


def test_about_shows_the_version_licence_qt_and_notices(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        help_button = gui.main.help_button
        help_button.about_action.trigger()
        dialog = help_button.about_dialog
        assert dialog.isVisible()
        assert dialog.version_label.text() == f"Version {cesec_desktop.__version__}"
        assert "proprietary" in dialog.licence_label.text()
        from PySide6.QtCore import qVersion

        assert f"Qt {qVersion()}" in dialog.runtime_label.text()
        notices = dialog.notices.toPlainText()
        for name in ("PySide6", "LGPL", "qasync", "httpx", "pyqtgraph", "keyring", "pydantic"):
            assert name in notices, name
        assert dialog.notices.verticalScrollBar().maximum() > 0  # long enough to scroll
        dialog.close()

    run(scenario())
