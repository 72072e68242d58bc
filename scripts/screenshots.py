"""Screenshots of the login window, the main window and the dialogs in every language and
theme, taken offscreen against a local mock backend.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out /tmp/shots]

Writes <window>-<lang>-<theme>.png; used to check the layout in kk, ru and en. With
`--readme` it also copies the README's pictures into docs/screenshots/.

Large text and high-DPI screens (issue 18): `--zoom 200` takes them at the app's 200 % text
size (Ctrl+Plus), in windows grown with the text; `--scale-factor 2` runs Qt
at QT_SCALE_FACTOR=2 (pictures at twice the pixels, icons drawn from their SVG). `--check`
also lists every text of every screen that does not fit its widget (tests/views/
layout_check.py) and exits 1 if there is one. `--themes` and `--langs` narrow the run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The app and the benchmarks' helpers (benchmarks/_common.py) import from the root.
sys.path.insert(0, str(ROOT))

LANGS = ("kk", "ru", "en")
README_SHOTS = (
    "main-en-light.png",
    "portfolio-en-light.png",
    "orders-en-light.png",
    "transactions-en-light.png",
    "instructions-en-light.png",
    "withdrawal-kk-light.png",
    "main-ru-dark.png",
    "login-kk-light.png",
)
"""The pictures the README shows: every screen in English, plus Kazakh and Russian."""
THEMES = ("light", "dark")


def zoomed_size(width: int, height: int, percent: int) -> tuple[int, int]:
    """A window's size at `percent` text: grown with it (at 200 %, the default main window
    is 2560 x 1600, what a 4K screen at 150 % holds), never below its size at 100 %."""
    factor = max(percent, 100) / 100
    return round(width * factor), round(height * factor)


async def settle(seconds: float = 0.15) -> None:
    await asyncio.sleep(seconds)


async def wait_for_names(window: object) -> None:
    """Until the home page's quote tables show their instruments' names: the names arrive
    a moment after the quotes, and a first picture without them shows an empty column."""
    from cesec_desktop.state.quote_table_model import Column

    models = list(window.pages["home"].models.values())  # type: ignore[attr-defined]

    def named() -> bool:
        rows = [(model, row) for model in models for row in range(model.rowCount())]
        return bool(rows) and all(model.index(row, Column.NAME).data() for model, row in rows)

    for _ in range(200):
        if named():
            return
        await settle(0.05)


async def take(
    out: Path,
    url: str,
    *,
    langs: tuple[str, ...] = LANGS,
    themes_wanted: tuple[str, ...] = THEMES,
    zoom_level: int = 100,
    clipped: list[str] | None = None,
    main_size: tuple[int, int] | None = None,
) -> list[Path]:
    """Every screen in `langs` and `themes_wanted` at `zoom_level` % text; with a `clipped`
    list, what layout_check finds on each screen is added to it. `main_size` is the main
    window's size (default: 1280 x 800 grown with the text)."""
    import keyring
    from keyring.backend import KeyringBackend

    from benchmarks._common import language_and_theme, scratch_settings
    from cesec_desktop.state.credentials import CredentialStore
    from cesec_desktop.state.session import Session
    from cesec_desktop.views.change_password import ChangePasswordDialog
    from cesec_desktop.views.lock_dialog import LockDialog
    from cesec_desktop.views.login_window import LoginWindow
    from cesec_desktop.views.main_window import MainWindow

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            self.items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    from cesec_desktop.state import zoom

    keyring.set_keyring(MemoryKeyring())
    settings = scratch_settings()
    # Each theme's loop below sets the theme and language it needs.
    languages, themes = language_and_theme()
    zoom.current().set_level(zoom_level)
    written: list[Path] = []

    def size(width: int, height: int) -> tuple[int, int]:
        return zoomed_size(width, height, zoom_level)

    main = main_size or size(1280, 800)

    def save(widget: object, name: str) -> None:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        # A text changed a moment ago (a language switch, the connection coming up) has its
        # layout request still queued: lay it out before the picture and the check.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        path = out / name
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        written.append(path)
        if clipped is not None:
            from layout_check import report

            found = report(widget, name)  # type: ignore[arg-type]
            if found:
                clipped.append(found)

    async def save_withdrawal(window: object, session: object, name: str) -> None:
        from cesec_desktop.domain.iban import make_iban
        from cesec_desktop.views.withdrawal_form import open_withdrawal_form

        form = open_withdrawal_form(window, session)  # type: ignore[arg-type]
        for _ in range(100):
            if form.ticket.available() is not None and form.ui.bankCombo.count():
                break
            await settle(0.05)
        form.ui.amountEdit.setText("150000")
        form.amount.edited.emit(form.amount.value())
        iban = make_iban("601", "0000000012345")
        form.ui.ibanEdit.setText(iban)
        form.ui.ibanEdit.textEdited.emit(iban)
        form._iban_finished()
        for _ in range(100):
            if form.ticket.draft_is_current:
                break
            await settle(0.05)
        await settle()
        save(form, name)
        form.reject()

    async def save_order_form(window: object, session: object, name: str) -> None:
        from cesec_desktop.views.order_form import open_order_form

        form = open_order_form(
            window,  # type: ignore[arg-type]
            session,  # type: ignore[arg-type]
            instrument_id="KASE:HSBK",
            side="buy",
        )
        for _ in range(100):
            if form.ui.priceEdit.text():
                break
            await settle(0.05)
        form.ui.quantityEdit.setText("100")
        await settle(0.4)
        save(form, name)
        form.reject()

    for theme in themes_wanted:
        themes.set_mode(theme)
        session = Session(url, CredentialStore(url, backend=keyring.get_keyring()))
        languages.set_language("en")
        login = LoginWindow(session, settings, languages, demo=True)
        login.resize(*size(460, 640))
        login.show()
        await settle(0.3)
        for lang in langs:
            languages.set_language(lang)
            await settle()
            save(login, f"login-{lang}-{theme}.png")
        login.ui.passwordEdit.setText("wrong-password")
        await login.sign_in()
        save(login, f"login-error-{languages.language}-{theme}.png")
        login.ui.passwordEdit.setText("Demo#2026")
        assert await login.sign_in()
        login.hide()
        window = MainWindow(session, settings, languages, themes, demo=True)
        window.resize(*main)  # the default window (issue 11 §5), or as asked
        window.show_page("home")
        window.show()
        for _ in range(100):
            if session.connection.value == "online":
                break
            await settle(0.05)
        await wait_for_names(window)
        for lang in langs:
            languages.set_language(lang)
            await settle()
            save(window, f"main-{lang}-{theme}.png")
            from cesec_desktop.state.orders_query import Period

            for page in ("portfolio", "orders", "transactions", "instructions"):
                window.show_page(page)
                if page == "orders":
                    window.pages[page].select_period(Period.MONTH)  # today may be empty
                await settle(0.6)
                save(window, f"{page}-{lang}-{theme}.png")
            window.show_page("home")
            await save_withdrawal(window, session, f"withdrawal-{lang}-{theme}.png")
            await save_order_form(window, session, f"order-{lang}-{theme}.png")
            window.profile_menu.popup(
                window.profile_button.mapToGlobal(window.profile_button.rect().bottomLeft())
            )
            await settle()
            save(window.profile_menu, f"profile-menu-{lang}-{theme}.png")
            window.profile_menu.hide()
            dialog = ChangePasswordDialog(session.change_password, parent=window)
            dialog.ui.newEdit.setText("abc1")
            dialog.ui.repeatEdit.setText("abc")
            dialog.show()
            await settle()
            save(dialog, f"change-password-{lang}-{theme}.png")
            dialog.close()
            lock = LockDialog(
                session.unlock, user=session.me.full_name if session.me else "", parent=window
            )
            lock.show()
            await settle()
            save(lock, f"lock-{lang}-{theme}.png")
            lock.reject()
        window.close()
        await session.logout()
        login.close()

    # A broker's desk (the client picker beside the quick search) and the top bar while
    # reconnecting: the longest words of the top bar, in every language.
    if "light" not in themes_wanted:
        return written
    themes.set_mode("light")
    session = Session(url, CredentialStore(url, backend=keyring.get_keyring()))
    await session.login("broker", "Broker#2026")
    window = MainWindow(session, settings, languages, themes, demo=True)
    window.resize(*main)
    window.show_page("home")
    window.show()
    await settle(1.0)
    await wait_for_names(window)
    for lang in langs:
        languages.set_language(lang)
        await settle(0.6)
        save(window, f"broker-{lang}-light.png")
        window.show_page("clients")
        await settle(0.8)
        save(window, f"clients-{lang}-light.png")
        window.show_page("home")
        await settle(0.3)
        window.indicator.set_state("reconnecting")
        await settle()
        save(window, f"reconnecting-{lang}-light.png")
        window.indicator.set_state(session.connection.value)
    window.close()
    await session.logout()
    return written


def main() -> int:
    # The docstring's first sentence runs over two lines.
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument(
        "--readme", action="store_true", help="copy the README's pictures to docs/screenshots"
    )
    parser.add_argument(
        "--zoom", type=int, default=100, metavar="PCT", help="the app's text size, 80 to 200"
    )
    parser.add_argument(
        "--scale-factor",
        type=float,
        metavar="N",
        help="run Qt at QT_SCALE_FACTOR=N (a high-DPI screen; 2 for a 200 %% display)",
    )
    parser.add_argument(
        "--check", action="store_true", help="list the texts that do not fit; exit 1 if any"
    )
    parser.add_argument(
        "--main-size",
        metavar="WxH",
        help="the main window's size, e.g. 1920x1080 (default: 1280x800 grown with --zoom)",
    )
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated: kk,ru,en")
    parser.add_argument("--themes", default=",".join(THEMES), help="comma-separated: light,dark")
    args = parser.parse_args()
    langs = tuple(lang for lang in args.langs.split(",") if lang in LANGS)
    themes = tuple(theme for theme in args.themes.split(",") if theme in THEMES)
    if not langs or not themes:
        parser.error(f"--langs takes {','.join(LANGS)}; --themes takes {','.join(THEMES)}")
    if not 80 <= args.zoom <= 200:
        parser.error("--zoom takes 80 to 200")
    if args.readme and (args.zoom != 100 or args.scale_factor):
        parser.error("--readme takes the pictures at 100 % and scale factor 1")
    main_size: tuple[int, int] | None = None
    if args.main_size:
        width, _, height = args.main_size.lower().partition("x")
        if not (width.isdigit() and height.isdigit()):
            parser.error("--main-size takes WIDTHxHEIGHT, e.g. 1920x1080")
        main_size = (int(width), int(height))
    if args.scale_factor:
        # Read by Qt when the application starts, which run_qt() does below.
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale_factor:g}"
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "tests" / "views"))  # layout_check

    from benchmarks._common import mock_backend, run_qt

    clipped: list[str] | None = [] if args.check else None
    with mock_backend(history_size=100, always_open=True) as url:
        written = run_qt(
            lambda: take(
                args.out,
                url,
                langs=langs,
                themes_wanted=themes,
                zoom_level=args.zoom,
                clipped=clipped,
                main_size=main_size,
            )
        )
    for path in written:
        print(path)
    if clipped:
        (args.out / "clipped.txt").write_text("\n".join(clipped) + "\n", encoding="utf-8")
        print("\n".join(clipped), file=sys.stderr)
        return 1
    if args.readme:
        import shutil

        target = ROOT / "docs" / "screenshots"
        target.mkdir(parents=True, exist_ok=True)
        for name in README_SHOTS:
            shutil.copyfile(args.out / name, target / name)
            print(target / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
