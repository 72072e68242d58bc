"""At 200 % text and at a device-pixel ratio of 2 (QT_SCALE_FACTOR=2), in kk, ru and en,
every text of every screen fits (tests/views/layout_check), and icons grow with the text.

The 200 % run is in this process. Qt reads QT_SCALE_FACTOR once, when the application
starts, so the pixel-ratio run is a second pytest process running `every_screen` at
100 % through zoom_support.py's `test_every_text_fits_at_this_pixel_ratio`.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui_support import Backend, Gui, wait_until
from layout_check import clipped_texts
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QToolButton, QWidget
from shiboken6 import isValid
from zoom_support import app_zoom  # noqa: F401 (a fixture)

from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.zoom import ZoomManager

LANGS = ("en", "kk", "ru")
ZOOM = 200
MAIN_SIZE = (2560, 1600)
"""The default window (1280 x 800) grown with the text: what a 4K screen holds."""
LOGIN_SIZE = (920, 1280)
HERE = Path(__file__).resolve().parent


async def settle(seconds: float = 0.2) -> None:
    await asyncio.sleep(seconds)


def check(found: list[str], name: str, window: QWidget) -> None:
    found.extend(f"{name}: {clip}" for clip in clipped_texts(window))


async def check_forms(found: list[str], gui: Gui, lang: str) -> None:
    from cesec_desktop.views.lock_dialog import LockDialog
    from cesec_desktop.views.order_form import open_order_form

    main, session = gui.main, gui.session
    form = open_order_form(main, session, instrument_id="KASE:HSBK", side="buy")
    await wait_until(
        lambda: form.ticket.quote is not None and form.ticket.portfolio is not None,
        what="the order form's data",
    )
    gui.type_into(form.ui.quantityEdit, "2")
    await settle(0.4)
    check(found, f"order form ({lang})", form)
    form.reject()

    withdrawal = main.open_withdrawal()
    assert withdrawal is not None
    await wait_until(
        lambda: withdrawal.ticket.available() is not None and withdrawal.ui.bankCombo.count(),
        what="the withdrawal form's data",
    )
    await settle()
    check(found, f"withdrawal form ({lang})", withdrawal)
    withdrawal.reject()

    main.open_change_password()
    await wait_until(
        lambda: (
            (d := getattr(main, "change_password_dialog", None)) is not None
            and isValid(d)
            and d.isVisible()
        ),
        what="the change-password dialog",
    )
    dialog = main.change_password_dialog
    dialog.ui.newEdit.setText("abc1")
    dialog.ui.repeatEdit.setText("abc")  # the rules and a field's error on screen
    await settle()
    check(found, f"change password ({lang})", dialog)
    dialog.reject()

    async def unlock(_password: str) -> bool:
        return True

    lock = LockDialog(unlock, user="Демов Демо Демович", parent=main)
    lock.show()
    await settle(0.1)
    check(found, f"lock ({lang})", lock)
    lock.reject()
    await settle(0.05)


async def every_screen(
    gui: Gui,
    languages: LanguageManager,
    main_size: tuple[int, int],
    login_size: tuple[int, int],
) -> list[str]:
    """The login window, every page and the dialogs in every language: the texts that do
    not fit, one a line."""
    found: list[str] = []
    gui.login.resize(*login_size)
    await wait_until(lambda: not gui.login.busy, what="the login window to be ready")
    for lang in LANGS:
        languages.set_language(lang)
        await settle(0.05)
        check(found, f"login ({lang})", gui.login)
    languages.set_language("en")
    await gui.sign_in()
    main = gui.main
    main.resize(*main_size)
    for lang in LANGS:
        languages.set_language(lang)
        for key in main.page_keys:
            main.show_page(key)
            page = main.pages[key]
            # A list page is read once it shows its rows (or says it has none).
            await wait_until(
                lambda p=page: getattr(p, "state", "table") != "loading",
                what=f"the {key} page",
                timeout=15,
            )
            await settle()
            check(found, f"{key} ({lang})", main)
        main.show_page("home")
        await check_forms(found, gui, lang)
    return found


def test_every_text_fits_at_200_percent_in_every_language(
    backend: Backend,
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
    languages: LanguageManager,
    app_zoom: ZoomManager,  # noqa: F811
) -> None:
    app_zoom.set_level(ZOOM)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        found = await every_screen(gui, languages, MAIN_SIZE, LOGIN_SIZE)
        assert not found, "texts that do not fit at 200 %:\n" + "\n".join(found)
        # The style's own icon sizes grow with the text: the quick search's glass, a
        # menu's icons, a button's (views/zoom_sizes.ZoomStyle).
        style = QApplication.style()
        for metric in (QStyle.PixelMetric.PM_SmallIconSize, QStyle.PixelMetric.PM_ButtonIconSize):
            assert style.pixelMetric(metric) == 32
        search = gui.main.quick_search
        assert isinstance(search, QLineEdit)
        glass = [b for b in search.findChildren(QToolButton) if b.isVisibleTo(search)]
        assert glass and all(b.width() >= 32 for b in glass)
        app_zoom.reset()
        await settle(0.1)
        assert style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) == 16
        assert gui.main.profile_button.iconSize() == QSize(20, 20)

    run(scenario(), timeout=120)


def test_every_text_fits_at_a_pixel_ratio_of_2_in_every_language(tmp_path: Path) -> None:
    """QT_SCALE_FACTOR=2 in a pytest of its own (Qt reads it at start only)."""
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    env["CESEC_EXPECTED_PIXEL_RATIO"] = "2"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"--basetemp={tmp_path / 'inner'}",
            str(HERE / "zoom_support.py"),
        ],
        cwd=HERE.parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
