"""At 200 % text, in kk, ru and en, every text of every screen fits (tests/views/layout_check)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from gui_support import Backend, Gui, wait_until
from layout_check import clipped_texts
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid
from zoom_support import app_zoom  # noqa: F401 (a fixture)

from cesec_desktop.state.i18n import LanguageManager
from cesec_desktop.state.zoom import ZoomManager

LANGS = ("en", "kk", "ru")
ZOOM = 200
MAIN_SIZE = (2560, 1600)
"""The default window (1280 x 800) grown with the text: what a 4K screen holds."""
LOGIN_SIZE = (920, 1280)


async def settle(seconds: float = 0.2) -> None:
    await asyncio.sleep(seconds)


def check(found: list[str], name: str, window: QWidget) -> None:
    found.extend(f"{name}: {clip}" for clip in clipped_texts(window))


async def check_forms(found: list[str], gui: Gui, lang: str) -> None:
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
    await settle(0.05)


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
        found: list[str] = []
        gui.login.resize(*LOGIN_SIZE)
        await wait_until(lambda: not gui.login.busy, what="the login window to be ready")
        for lang in LANGS:
            languages.set_language(lang)
            await settle(0.05)
            check(found, f"login ({lang})", gui.login)
        languages.set_language("en")
        await gui.sign_in()
        main = gui.main
        main.resize(*MAIN_SIZE)
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
        assert not found, "texts that do not fit at 200 %:\n" + "\n".join(found)

    run(scenario(), timeout=120)
