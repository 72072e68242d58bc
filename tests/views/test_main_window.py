"""The main window: menu and shortcuts, the top bar, the profile menu, languages, themes,
and what it remembers between runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from gui_support import DEMO, Backend, Gui, menu_texts, wait_until
from PySide6.QtCore import QDate, QLocale, QRect, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from cesec_desktop.state import clock
from cesec_desktop.state.instrument_search import SearchState

PAGES = ["home", "portfolio", "orders", "transactions", "instructions"]


def test_ctrl_1_to_5_and_the_left_menu_switch_pages(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active")
        for number, key in enumerate(PAGES, start=1):
            gui.qtbot.keyClick(
                main, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
            )
            assert main.current_page == key
            assert main.menu_buttons[key].isChecked()
        gui.click(main.menu_buttons["orders"])
        assert main.current_page == "orders"
        assert main.pages["orders"].title.text() == "Orders"
        assert main.pages["orders"].new_order_button.text() == "New order"
        assert menu_texts(main) == ["Home", "Portfolio", "Orders", "Transactions", "Instructions"]
        assert all(not button.icon().isNull() for button in main.menu_buttons.values())
        assert main.menu_buttons["home"].toolTip() == "Home (Ctrl+1)"

    run(scenario())


def test_the_top_bar_has_search_watchlist_indicator_and_profile(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        assert main.quick_search.placeholderText() == "Search by ticker or name"
        searched: list[str] = []
        main.quickSearchChanged.connect(searched.append)
        gui.type_into(main.quick_search, "KSPI")
        assert searched[-1] == "KSPI"
        # Let the search it started answer: a request still in flight when the test ends was
        # once stepped by Qt outside the asyncio loop (NoEventLoopError in a zone run).
        search = main.quick_search_popup.search
        await wait_until(lambda: search.state is not SearchState.SEARCHING, what="the search")
        asked: list[bool] = []
        main.watchlistSettingsRequested.connect(lambda: asked.append(True))
        gui.click(main.watchlist_button)
        assert asked == [True]
        assert main.watchlist_button.toolTip() == "Watchlist settings"
        await wait_until(lambda: main.indicator.state.value == "online", what="online")
        assert "arriving" in main.indicator.toolTip()
        actions = [a.text() for a in main.profile_menu.actions() if a.text()]
        assert actions == [
            "My details…",
            "Change password",
            "Two-step sign-in…",
            "Sessions and devices…",
            "Language",
            "Theme",
            "Text size: 100%",
            "Times",
            "Check for updates automatically",
            "Desktop notifications",
            "Log out",
        ]
        assert main.profile_name.text() == "Демов Демо Демович"
        assert main.profile_detail.text() == "Client · IIN 880607300110"
        languages = [a.text() for a in main.language_menu.actions()]
        assert languages == ["Қазақша", "Русский", "English"]
        themes = [a.text() for a in main.theme_menu.actions()]
        assert themes == ["Light", "Dark", "High contrast", "As in the system"]
        zones = [a.text() for a in main.time_zone_menu.actions()]
        assert zones == ["Almaty time (UTC+5)", "This computer's time"]
        assert main.time_zone_actions["almaty"].isChecked()

    run(scenario())


def test_a_language_switch_changes_every_text_on_screen_and_is_remembered(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        main.show_page("home")
        await wait_until(lambda: main.indicator.state.value == "online", what="online")

        # Home's date line asks the app's clock, never the machine's calendar.
        previous = clock.install(clock.FixedClock(datetime(2026, 11, 21, 20, 30, tzinfo=UTC)))
        try:
            main.language_actions["kk"].trigger()
            # LanguageChange events are posted: the texts change on the next turn of the loop.
            await wait_until(lambda: main.home.title.text() == "Басты", what="Kazakh texts")
            day = main.home.today.text()
        finally:
            clock.install(previous)
        # 01:30 on the 22nd in Almaty: the exchange's date, whatever the machine's zone.
        today = QLocale("kk_KZ").toString(QDate(2026, 11, 22), QLocale.FormatType.LongFormat)
        assert day.startswith(today + " · ")  # dates in the UI language's locale, then the zone

        assert gui.settings.language == "kk"
        assert menu_texts(main) == [
            "Басты",
            "Портфель",
            "Тапсырыстар",
            "Транзакциялар",
            "Тапсырмалар",
        ]
        assert main.home.title.text() == "Басты"
        assert main.home.greeting.text() == "Қош келдіңіз, Демов Демо Демович"
        assert main.home.accounts_heading.text() == "Қосалқы шоттар"
        assert main.indicator.label.text() == "Желіде"
        assert main.change_password_action.text() == "Құпия сөзді өзгерту"
        assert main.logout_action.text() == "Шығу"
        assert main.language_actions["kk"].isChecked()
        assert gui.login.ui.signInButton.text() == "Кіру"  # hidden windows follow too

        main.language_actions["ru"].trigger()
        await wait_until(lambda: main.home.title.text() == "Главная", what="Russian texts")
        assert menu_texts(main) == ["Главная", "Портфель", "Заявки", "Сделки", "Поручения"]
        assert main.home.greeting.text() == "Здравствуйте, Демов Демо Демович"
        assert main.theme_menu.title() == "Тема"
        assert main.indicator.label.text() == "В сети"
        assert main.pages["portfolio"].title.text() == "Портфель"
        assert main.quick_search.placeholderText() == "Поиск по тикеру или названию"

        main.language_actions["en"].trigger()
        await wait_until(lambda: main.home.title.text() == "Home", what="English texts")
        assert menu_texts(main) == ["Home", "Portfolio", "Orders", "Transactions", "Instructions"]
        assert main.home.greeting.text() == "Welcome, Демов Демо Демович"
        assert gui.settings.language == "en"

    run(scenario())


def test_the_login_window_switches_language_before_signing_in(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        combo = gui.login.ui.languageCombo
        combo.setCurrentIndex(combo.findData("ru"))
        combo.activated.emit(combo.currentIndex())
        await wait_until(lambda: gui.login.ui.signInButton.text() == "Войти", what="Russian")
        assert gui.login.ui.passwordLabel.text() == "&Пароль"
        assert gui.login.ui.rememberCheck.text() == "&Запомнить меня"
        gui.type_into(gui.login.ui.loginEdit, "demo")
        gui.type_into(gui.login.ui.passwordEdit, "Wrong#2026")
        gui.click(gui.login.ui.signInButton)
        await wait_until(lambda: gui.login.message(), what="a message")
        assert gui.login.message() == "Неверный логин или пароль. Осталось 4 попытки."
        combo.setCurrentIndex(combo.findData("kk"))
        combo.activated.emit(combo.currentIndex())
        await wait_until(lambda: gui.login.ui.signInButton.text() == "Кіру", what="Kazakh")
        # The message on screen follows the language too.
        assert gui.login.message() == "Логин немесе құпия сөз қате. Қалған әрекет саны: 4."
        assert gui.settings.language == "kk"

    run(scenario())


def test_theme_light_dark_high_contrast_and_system(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        app = QGuiApplication.instance()
        main.theme_actions["dark"].trigger()
        assert gui.settings.theme == "dark"
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert "#13171d" in app.styleSheet()
        assert main.theme_actions["dark"].isChecked()
        main.theme_actions["high_contrast"].trigger()
        assert gui.settings.theme == "high_contrast"
        assert gui.shell.themes.scheme == "high_contrast"
        assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert app.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
        assert "QPushButton:focus" in app.styleSheet()
        assert main.theme_actions["high_contrast"].isChecked()
        main.theme_actions["light"].trigger()
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
        main.theme_actions["system"].trigger()
        assert gui.settings.theme == "system"
        expected = "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"
        assert gui.shell.themes.scheme == expected

    run(scenario())


def test_geometry_and_the_last_page_are_restored(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    saved: list[QRect] = []

    async def first_run() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        # The offscreen screen is 800×600: stay inside it, or the restore is clamped to it.
        gui.main.setGeometry(QRect(10, 20, 790, 540))
        await wait_until(lambda: gui.main.geometry().width() == 790, what="the resize")
        saved.append(gui.main.geometry())
        gui.main.show_page("transactions")
        await gui.close()

    async def second_run() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        assert gui.main.current_page == "transactions"
        assert gui.main.menu_buttons["transactions"].isChecked()
        assert gui.main.geometry().size() == saved[0].size()

    async def another_user() -> None:
        # The page is remembered per user: Aigerim starts on Home, not on demo's last page.
        gui = gui_factory(backend.url)
        await gui.sign_in("aigerim", "Aigerim#2026")
        assert gui.main.current_page == "home"

    run(first_run())
    run(second_run())
    run(another_user())


def test_refresh_reloads_the_profile_from_the_server(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        backend.state.conn.execute(
            "UPDATE users SET full_name = 'Демов Демо Жаңаұлы' WHERE login = 'demo'"
        )
        gui.main.activateWindow()
        await wait_until(gui.main.isActiveWindow, what="the window to be active")
        gui.qtbot.keyClick(gui.main, Qt.Key.Key_F5)
        await wait_until(lambda: "Жаңаұлы" in gui.main.home.greeting.text(), what="new name")
        assert gui.main.profile_name.text() == "Демов Демо Жаңаұлы"

    run(scenario())
