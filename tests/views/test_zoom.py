"""Text size: Ctrl+Plus, Ctrl+Minus and Ctrl+0 zoom the whole UI, 80 to 200 %, remembered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from gui_support import Backend, Gui, wait_until
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QLabel
from zoom_support import app_zoom  # noqa: F401 (a fixture)

from cesec_desktop.settings import Settings
from cesec_desktop.state.zoom import LEVELS, ZoomManager, nearest_level, scale_stylesheet

CTRL = Qt.KeyboardModifier.ControlModifier
NATIVE = QKeySequence.SequenceFormat.NativeText


def test_the_stylesheet_scales_its_lengths_and_keeps_hairlines_and_colours() -> None:
    sheet = (
        'QLabel[role="note"] { font-size: 8.5pt; padding: 6px 8px; color: #1c2330; }\n'
        "QFrame { border: 1px solid #d8dee7; margin: 0px; min-height: 20px; }"
    )
    assert scale_stylesheet(sheet, 2.0) == (
        'QLabel[role="note"] { font-size: 17pt; padding: 12px 16px; color: #1c2330; }\n'
        "QFrame { border: 1px solid #d8dee7; margin: 0px; min-height: 40px; }"
    )
    assert scale_stylesheet(sheet, 1.25).startswith(
        'QLabel[role="note"] { font-size: 10.6pt; padding: 8px 10px;'
    )
    assert scale_stylesheet(sheet, 1.0) == sheet


def test_levels_snap_to_the_steps() -> None:
    assert LEVELS == (80, 90, 100, 110, 125, 150, 175, 200)
    assert nearest_level(130) == 125
    assert nearest_level(10) == 80
    assert nearest_level(500) == 200


def test_the_level_steps_stops_at_the_ends_and_is_remembered(
    qapp: QApplication, settings: Settings, tmp_path: Any
) -> None:
    manager = ZoomManager(settings)
    base = QApplication.font().pointSizeF()
    changes: list[int] = []
    manager.changed.connect(changes.append)
    try:
        assert manager.level == 100 and not manager.px(0) and manager.px(20) == 20
        manager.zoom_in()
        manager.zoom_in()
        assert manager.level == 125 and settings.zoom == 125
        assert QApplication.font().pointSizeF() == pytest.approx(round(base * 1.25, 1))
        assert manager.px(20) == 25 and manager.size(16).width() == 20
        for _ in range(len(LEVELS)):
            manager.zoom_in()
        assert manager.level == 200 and not manager.can_zoom_in()
        for _ in range(len(LEVELS)):
            manager.zoom_out()
        assert manager.level == 80 and not manager.can_zoom_out()
        assert changes == [110, 125, 150, 175, 200, 175, 150, 125, 110, 100, 90, 80]
        manager.set_level(150)
        # The next run starts where this one stopped.
        assert ZoomManager(settings).level == 150
    finally:
        manager.reset()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    # What a hand-edited or older settings file may hold.
    odd = Settings(QSettings(str(tmp_path / "odd.ini"), QSettings.Format.IniFormat))
    odd.store.setValue("ui/zoom", "130")
    assert ZoomManager(odd).level == 125
    odd.store.setValue("ui/zoom", "large")
    assert ZoomManager(odd).level == 100


def test_ctrl_plus_minus_and_zero_zoom_the_main_window_and_the_choice_is_remembered(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    settings: Settings,
    app_zoom: ZoomManager,  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in()
        main = gui.main
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active")
        base = QApplication.font().pointSizeF()
        side = main.findChild(QFrame, "sideMenu")
        title = main.home.findChild(QLabel, "homeTitle") or next(
            label
            for label in main.home.findChildren(QLabel)
            if label.property("role") == "pageTitle"
        )
        title_size = title.font().pointSizeF()
        assert side.width() == 208 and main.menu_buttons["home"].iconSize().width() == 20

        gui.qtbot.keyClick(main, Qt.Key.Key_Plus, CTRL)
        assert app_zoom.level == 110
        gui.qtbot.keyClick(main, Qt.Key.Key_Equal, CTRL)  # "+" without Shift
        assert app_zoom.level == 125 and settings.zoom == 125
        # The font, the stylesheet's sizes and the sizes set in code, together.
        assert QApplication.font().pointSizeF() == pytest.approx(round(base * 1.25, 1))
        assert title.font().pointSizeF() == pytest.approx(title_size * 1.25, abs=0.1)
        assert side.width() == 260
        assert main.menu_buttons["home"].iconSize().width() == 25
        assert main.help_button.iconSize().width() == 25
        assert main.zoom_menu.title() == "Text size: 125%"

        gui.qtbot.keyClick(main, Qt.Key.Key_Minus, CTRL)
        assert app_zoom.level == 110
        gui.qtbot.keyClick(main, Qt.Key.Key_0, CTRL)
        assert app_zoom.level == 100 and settings.zoom == 100
        assert QApplication.font().pointSizeF() == pytest.approx(base)
        assert title.font().pointSizeF() == pytest.approx(title_size)
        assert side.width() == 208 and main.menu_buttons["home"].iconSize().width() == 20
        assert not main.zoom_actions.reset.isEnabled()
        for _ in range(len(LEVELS)):
            gui.qtbot.keyClick(main, Qt.Key.Key_Plus, CTRL)
        assert app_zoom.level == 200 and not main.zoom_actions.zoom_in.isEnabled()
        gui.qtbot.keyClick(main, Qt.Key.Key_0, CTRL)
        assert app_zoom.level == 100

    run(scenario())


def test_the_profile_menu_holds_the_zoom_actions_with_their_keys(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    app_zoom: ZoomManager,  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in()
        main = gui.main
        assert main.zoom_menu.menuAction() in main.profile_menu.actions()
        entries = [
            (action.text(), [key.toString(NATIVE) for key in action.shortcuts()])
            for action in main.zoom_menu.actions()
        ]
        assert entries == [
            ("Larger text", ["Ctrl++", "Ctrl+="]),
            ("Smaller text", ["Ctrl+-"]),
            ("Actual size (100%)", ["Ctrl+0"]),
        ]
        # The menu's title says the level, also once retranslated (the .qm files follow
        # the strings in /tmp/tr18).
        main.zoom_actions.zoom_in.trigger()
        assert main.zoom_menu.title() == "Text size: 110%"
        gui.shell.languages.set_language("ru")
        assert "110" in main.zoom_menu.title()
        gui.shell.languages.set_language("en")
        # The Keyboard shortcuts window lists them.
        dialog = main.help_button.open_shortcuts()
        rows = dict(dialog.rows())
        assert rows["Ctrl++"] == rows["Ctrl+="] == "Larger text (up to 200%)"
        assert rows["Ctrl+-"] == "Smaller text (down to 80%)"
        assert rows["Ctrl+0"] == "Text at its actual size (100%)"
        dialog.close()

    run(scenario())


def test_the_login_window_zooms_before_signing_in(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    app_zoom: ZoomManager,  # noqa: F811
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        login = gui.login
        login.activateWindow()
        await wait_until(login.isActiveWindow, what="the login window to be active")
        card = login.ui.card
        assert card.maximumWidth() == 400
        gui.qtbot.keyClick(login.ui.loginEdit, Qt.Key.Key_Plus, CTRL)
        gui.qtbot.keyClick(login.ui.loginEdit, Qt.Key.Key_Plus, CTRL)
        assert app_zoom.level == 125
        # The form's own limits grow with the text (views/zoom_sizes.py).
        assert card.maximumWidth() == 500 and card.minimumWidth() == 450
        gui.qtbot.keyClick(login.ui.loginEdit, Qt.Key.Key_0, CTRL)
        assert app_zoom.level == 100 and card.maximumWidth() == 400
        # Typing still types: the keys are taken only with Ctrl.
        gui.type_into(login.ui.loginEdit, "demo+0")
        assert login.ui.loginEdit.text() == "demo+0"

    run(scenario())
