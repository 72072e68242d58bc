"""Screenshots of the login window, the main window and the dialogs in every language and
theme, taken offscreen against a local mock backend.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out /tmp/shots]

Writes <window>-<lang>-<theme>.png; used to check the layout in kk, ru and en. With
`--readme` it also copies the README's pictures into docs/screenshots/.
"""

from __future__ import annotations

import argparse
import asyncio
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


async def settle(seconds: float = 0.15) -> None:
    await asyncio.sleep(seconds)


async def take(out: Path, url: str) -> list[Path]:
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

    keyring.set_keyring(MemoryKeyring())
    settings = scratch_settings()
    # Each theme's loop below sets the theme and language it needs.
    languages, themes = language_and_theme()
    written: list[Path] = []

    def save(widget: object, name: str) -> None:
        path = out / name
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        written.append(path)

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

    for theme in THEMES:
        themes.set_mode(theme)
        session = Session(url, CredentialStore(url, backend=keyring.get_keyring()))
        languages.set_language("en")
        login = LoginWindow(session, settings, languages, demo=True)
        login.resize(460, 640)
        login.show()
        await settle(0.3)
        for lang in LANGS:
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
        window.resize(1280, 800)  # the default window (issue 11 §5)
        window.show_page("home")
        window.show()
        for _ in range(100):
            if session.connection.value == "online":
                break
            await settle(0.05)
        for lang in LANGS:
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
    themes.set_mode("light")
    session = Session(url, CredentialStore(url, backend=keyring.get_keyring()))
    await session.login("broker", "Broker#2026")
    window = MainWindow(session, settings, languages, themes, demo=True)
    window.resize(1280, 800)
    window.show_page("home")
    window.show()
    await settle(1.0)
    for lang in LANGS:
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
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from benchmarks._common import mock_backend, run_qt

    with mock_backend(history_size=100, always_open=True) as url:
        written = run_qt(lambda: take(args.out, url))
    for path in written:
        print(path)
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
