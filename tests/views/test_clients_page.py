"""The broker desk's Clients page: the book, sorted and filtered with its totals, a client
opened in the read-only screens and back, alerts with a badge, a notice and a history, and
the alert rules. The page's own behaviour runs over a book of known rows (the real model and
proxy, a store that does not read the network); the window's wiring runs against the mock
with `--broker-clients`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from gui_support import DEMO, Backend, Gui, wait_until
from PySide6.QtCore import QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow
from testkit import BROKER

from cesec_desktop.settings import Settings
from cesec_desktop.state import clock
from cesec_desktop.state.book import CLIENT_ID_ROLE, BookColumn, BookStore, ClientRow
from cesec_desktop.state.book_alerts import AlertKind, AlertRules
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.formatting import format_moment_short, format_money
from cesec_desktop.state.notifications import BOOK_ALERT
from cesec_desktop.views.alerts_dialog import AlertsDialog
from cesec_desktop.views.pages.clients import ClientsPage

MOMENT = datetime(2026, 11, 20, 9, 15, tzinfo=UTC)

# (id, name, IIN, value, day's change, day's change %, cash KZT, cash USD, orders, withdrawals)
BOOK = [
    ("cl1", "Ahmetov Arman", "880607300110", "1000000", "-1500", "-0.15", "5000", "10", 2, 0),
    ("cl2", "Bekova Aliya", "810624301456", "250000", "-200", "-0.08", "-300", "0", 0, 1),
    ("cl3", "Alimov Timur", "790201302765", "90000", "-9000", "-9.09", "100", "0", 1, 0),
    ("cl4", "Dosova Dana", "900101400123", "4000000", "30", "0.00", "0", "250", 0, 0),
    ("cl5", "Ermekov Erlan", "850505300567", "60000", "1000", "1.69", "250", "5", 0, 2),
]


def book_rows() -> list[ClientRow]:
    return [
        ClientRow(
            client_id=cid,
            name=name,
            iin=iin,
            accounts=(f"CS{n:03d}-KZT",),
            value_kzt=Decimal(value),
            day_change_kzt=Decimal(day),
            day_change_pct=Decimal(pct),
            cash_kzt=Decimal(kzt),
            cash_usd=Decimal(usd),
            open_orders=orders,
            withdrawals=withdrawals,
            last_activity=MOMENT,
        )
        for n, (cid, name, iin, value, day, pct, kzt, usd, orders, withdrawals) in enumerate(
            BOOK, start=1
        )
    ]


# --- a store over known rows, and a broker's session without a network --------------------


class KnownBook(BookStore):
    """The real model, proxy and alert centre; the load gives `book_rows()` (or fails)."""

    fail_with: Exception | None = None
    hold = False

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.starts = self.stops = self.pauses = 0
        self._pending = False

    @property
    def loading(self) -> bool:
        return self._pending

    def start(self) -> None:
        self.starts += 1
        self.reload()

    def stop(self) -> None:
        self.stops += 1

    def pause(self) -> None:
        self.pauses += 1

    def reload(self) -> None:
        self._pending = True
        if not self.hold:
            QTimer.singleShot(0, self.finish)

    def finish(self) -> None:
        self._pending = False
        if self.fail_with is not None:
            self.error = self.fail_with
            self.loadFailed.emit(self.fail_with)
            return
        self.error = None
        self.model.set_rows(book_rows())
        for row in self.model.rows():
            self._check_alerts(row)
        self.loaded.emit()


class BrokerSession(QObject):
    signedOut = Signal()
    profileChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.me = SimpleNamespace(id="usr_broker", role="broker", accounts=[], iin="")
        self.login_name = "broker"

    async def call(self, action: Callable[[Any], Any]) -> Any:
        return await action(self)

    async def clients(self) -> list[Any]:
        return [
            SimpleNamespace(id=cid, full_name=name, iin=iin, accounts=[])
            for cid, name, iin, *_ in BOOK
        ]


class Host(QMainWindow):
    """A window with settings, as the main window has, for a page on its own."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings


@pytest.fixture
def fixed_clock() -> Iterator[clock.FixedClock]:
    fixed = clock.FixedClock(MOMENT)
    previous = clock.install(fixed)
    yield fixed
    clock.install(previous)


@pytest.fixture
def host(tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Host]:
    monkeypatch.setattr(ClientsPage, "store_class", KnownBook)
    monkeypatch.setattr(KnownBook, "fail_with", None)
    monkeypatch.setattr(KnownBook, "hold", False)
    window = Host(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1280, 800)
    yield window
    window.close()
    window.deleteLater()


def make_page(host: Host) -> ClientsPage:
    session = BrokerSession()
    page = ClientsPage(session, host)  # type: ignore[arg-type]
    page.session_ = session  # kept alive with the page
    host.setCentralWidget(page)
    host.show()
    return page


async def loaded(page: ClientsPage) -> None:
    await wait_until(lambda: page.state == "table" and not page.store.loading, what="the book")


def shown_ids(page: ClientsPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, 0).data(CLIENT_ID_ROLE) for r in range(proxy.rowCount())]


def click_header(qtbot: Any, page: ClientsPage, column: int) -> None:
    header = page.table.horizontalHeader()
    assert not header.isSectionHidden(column)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def tick(qtbot: Any, box: Any) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


# --- the page over a known book -------------------------------------------------------------


def test_the_book_sorts_by_the_days_change_on_raw_values(
    host: Host, qtbot: Any, run: Callable[..., Any], fixed_clock: Any
) -> None:
    async def scenario() -> None:
        page = make_page(host)
        await loaded(page)
        assert page.store.starts == 1
        assert shown_ids(page) == ["cl1", "cl3", "cl2", "cl4", "cl5"]  # by name
        click_header(qtbot, page, BookColumn.DAY_CHANGE)
        # -9 000 < -1 500 < -200 < 30 < 1 000: numbers, not their texts.
        assert shown_ids(page) == ["cl3", "cl1", "cl2", "cl4", "cl5"]
        click_header(qtbot, page, BookColumn.DAY_CHANGE)
        assert shown_ids(page) == ["cl5", "cl4", "cl2", "cl1", "cl3"]
        # Money right-aligned, the day's change in its tone, the sort remembered.
        index = page.proxy.index(0, BookColumn.DAY_CHANGE)
        assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
        assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
        store = host.settings.store
        assert store.value("tables/clients/sort") == [
            str(int(BookColumn.DAY_CHANGE)),
            str(int(Qt.SortOrder.DescendingOrder.value)),
        ] or [int(v) for v in store.value("tables/clients/sort")] == [
            int(BookColumn.DAY_CHANGE),
            int(Qt.SortOrder.DescendingOrder.value),
        ]
        # Hidden, the page pauses the store (which keeps the book and its alerts); shown
        # again, it starts it again (the store's own test: no second load).
        page.hide()
        assert (page.store.pauses, page.store.stops) == (1, 0)
        page.show()
        assert page.store.starts == 2

    run(scenario())


def test_filters_narrow_the_rows_and_the_filtered_totals_follow(
    host: Host, qtbot: Any, run: Callable[..., Any], fixed_clock: Any
) -> None:
    async def scenario() -> None:
        page = make_page(host)
        await loaded(page)
        book = page.totals_labels["book"]
        shown = page.totals_labels["shown"]
        assert book[1].text() == format_money(Decimal("5400000"), "KZT")
        assert not shown[1].isVisible()

        qtbot.keyClicks(page.search_edit, "ali")
        assert shown_ids(page) == ["cl1", "cl3", "cl2", "cl4", "cl5"]  # not yet: debounced
        await wait_until(lambda: len(shown_ids(page)) == 2, what="the search to apply")
        assert set(shown_ids(page)) == {"cl2", "cl3"}  # Aliya, Alimov
        assert shown[1].isVisible()
        assert shown[0].text() == "2"
        assert shown[1].text() == format_money(Decimal("340000"), "KZT")
        assert shown[2].text() == format_money(Decimal("-9200"), "KZT")
        assert shown[2].property("tone") == "negative"
        assert book[1].text() == format_money(Decimal("5400000"), "KZT")

        page.search_edit.clear()  # the clear button: at once
        assert len(shown_ids(page)) == 5
        page.search_edit.setText("")
        qtbot.keyClicks(page.search_edit, "8106")  # an IIN
        await wait_until(lambda: shown_ids(page) == ["cl2"], what="the IIN search")
        page.search_edit.clear()

        tick(qtbot, page.open_orders_toggle)
        assert set(shown_ids(page)) == {"cl1", "cl3"}
        assert shown[3].text() == format_money(Decimal("5100"), "KZT")
        tick(qtbot, page.open_orders_toggle)
        tick(qtbot, page.withdrawals_toggle)
        assert set(shown_ids(page)) == {"cl2", "cl5"}
        tick(qtbot, page.withdrawals_toggle)

        # Down more than 5 %: the field's default; then a percentage typed.
        tick(qtbot, page.down_toggle)
        assert shown_ids(page) == ["cl3"]
        page.down_edit.selectAll()
        qtbot.keyClicks(page.down_edit, "0.1")
        await wait_until(lambda: set(shown_ids(page)) == {"cl1", "cl3"}, what="down 0.1 %")
        # A text that is no number is said at the field, and filters nothing.
        page.down_edit.selectAll()
        qtbot.keyClicks(page.down_edit, "5x")
        assert page.filter_error.isVisible()
        assert "x" in page.filter_error.text()
        await wait_until(lambda: len(shown_ids(page)) == 5, what="no filter by a bad number")
        page.down_edit.selectAll()
        qtbot.keyClicks(page.down_edit, "150")
        assert page.filter_error.text() == "At most 100 %."
        page.down_edit.selectAll()
        qtbot.keyClicks(page.down_edit, "1")
        await wait_until(lambda: shown_ids(page) == ["cl3"], what="down 1 %")
        assert not page.filter_error.isVisible()

        # Nothing matches: the "no match" state with Reset filters, which brings all back.
        qtbot.keyClicks(page.search_edit, "zzz")
        await wait_until(lambda: page.state == "filtered", what="the no-match state")
        page.reset_filters_button.click()
        assert page.state == "table" and len(shown_ids(page)) == 5
        assert not page.down_toggle.isChecked() and not page.totals_labels["shown"][1].isVisible()

    run(scenario())


def test_loading_error_with_retry_and_empty_states(
    host: Host, run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cesec_desktop.state.errors import NetworkUnreachable

    async def scenario() -> None:
        monkeypatch.setattr(KnownBook, "hold", True)
        page = make_page(host)
        assert page.state == "loading" and page.loading_bar.isVisible()
        assert page.loading_title.text() == "Loading the book…"
        page.store.fail_with = NetworkUnreachable()
        page.store.finish()
        assert page.state == "error"
        assert page.error_title.text() == "The book could not be loaded"
        assert page.error_text.text()
        page.store.fail_with = None
        page.retry_button.click()
        assert page.store.loading
        page.store.finish()
        assert page.state == "table" and len(shown_ids(page)) == 5
        assert page.footer.text().startswith("Clients: 5")
        page.store.model.set_rows([])
        assert page.state == "empty"
        assert page.empty_title.text() == "No clients in the book"
        assert not page.totals_box.isVisible()

    run(scenario())


def test_alerts_show_a_badge_a_list_and_a_history(
    host: Host, qtbot: Any, run: Callable[..., Any], fixed_clock: Any
) -> None:
    async def scenario() -> None:
        page = make_page(host)
        await loaded(page)
        noticed: list[tuple[str, str]] = []
        page.alertNoticed.connect(lambda title, body: noticed.append((title, body)))
        counts: list[int] = []
        page.alertCountChanged.connect(counts.append)
        # cl2's cash is below zero (the default rules): one alert from the load.
        assert page.alert_count == 1
        assert page.alerts_button.text() == "Alerts: 1"
        row = page.store.model.row_of("cl2")
        assert page.store.model.index(row, BookColumn.ALERTS).data(page.store.model.ALERTS_ROLE)

        # New rules: a day's loss of 1 % or more; cl3 is down 9.09 %. (New rules re-arm
        # every rule, so cl2's cash may be said again: the state layer's choice.)
        page.set_rules(AlertRules(day_loss_pct=Decimal(1)))
        page.store.model.mark("cl3")
        page.store._flush()
        assert counts[-1] == page.alert_count >= 2
        title, body = noticed[-1]
        assert title == "Alert: Alimov Timur"
        assert body.startswith("Day's loss · Down today: -9.09")
        fixed_clock.advance(timedelta(minutes=5))

        qtbot.mouseClick(page.alerts_button, Qt.MouseButton.LeftButton)
        dialog: AlertsDialog = page.alerts_dialog
        assert dialog.isVisible()
        active = page.store.alerts.active()
        assert active[0].kind is AlertKind.DAY_LOSS and active[0].client_id == "cl3"
        assert dialog.active_ids() == [a.id for a in active]  # newest first
        first = dialog.active_list.topLevelItem(0)
        assert first.text(1) == "Alimov Timur"
        assert first.text(0) == format_moment_short(MOMENT) and "14:15" in first.text(0)
        dialog.active_list.setCurrentItem(first)
        qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)
        assert dialog.active_ids() == [a.id for a in active[1:]]
        assert dialog.history_ids() == [active[0].id]
        acknowledged = dialog.history_list.topLevelItem(0).text(3)
        assert acknowledged == format_moment_short(MOMENT + timedelta(minutes=5))
        assert page.alert_count == len(active) - 1 and counts[-1] == len(active) - 1
        qtbot.mouseClick(dialog.acknowledge_all_button, Qt.MouseButton.LeftButton)
        assert page.alert_count == 0 and page.alerts_button.text() == "Alerts"
        assert sorted(dialog.history_ids()) == sorted(a.id for a in active)
        assert dialog.empty_label.isVisible()
        dialog.tabs.setCurrentIndex(1)
        assert not dialog.acknowledge_button.isVisible()
        dialog.close()

    run(scenario())


def test_the_rules_dialog_refuses_a_bad_number_and_saves_good_ones(
    host: Host, qtbot: Any, run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        page = make_page(host)
        await loaded(page)
        qtbot.mouseClick(page.rules_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: page.rules_dialog is not None and page.rules_dialog.isVisible(),
            what="the rules dialog",
        )
        dialog = page.rules_dialog
        ui = dialog.ui
        assert ui.orderRejectedCheck.isChecked() and ui.cashNegativeCheck.isChecked()
        qtbot.keyClicks(ui.dayLossPctEdit, "-5")
        assert ui.dayLossPctError.isVisible()
        assert ui.dayLossPctError.text() == "The number must be positive: no minus sign."
        assert not ui.saveButton.isEnabled()
        ui.dayLossPctEdit.clear()
        qtbot.keyClicks(ui.dayLossPctEdit, "120")
        assert ui.dayLossPctError.text() == "At most 100 %."
        ui.dayLossPctEdit.clear()
        qtbot.keyClicks(ui.dayLossPctEdit, "0")
        assert "More than zero" in ui.dayLossPctError.text()
        ui.dayLossPctEdit.clear()
        qtbot.keyClicks(ui.dayLossPctEdit, "7.5")
        assert not ui.dayLossPctError.isVisible() and ui.saveButton.isEnabled()
        qtbot.keyClicks(ui.withdrawalEdit, "5000000")
        qtbot.keyClicks(ui.dayLossKztEdit, "12a")
        assert ui.dayLossKztError.isVisible() and not ui.saveButton.isEnabled()
        ui.dayLossKztEdit.clear()
        tick(qtbot, ui.cashNegativeCheck)
        qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
        await wait_until(lambda: page.rules_dialog is None, what="the dialog to close")
        expected = AlertRules(
            day_loss_pct=Decimal("7.5"),
            withdrawal_above_kzt=Decimal(5000000),
            cash_negative=False,
        )
        assert page.store.alerts.rules == expected
        # Remembered: a new page (a new session) starts with them.
        store = host.settings.store
        assert store.value("users/broker/book/alert_rules/day_loss_pct") == "7.5"
        again = ClientsPage(BrokerSession(), host)  # type: ignore[arg-type]
        assert again.store.alerts.rules == expected
        # Each broker's own: another broker on this computer starts from the defaults.
        other = BrokerSession()
        other.login_name = "broker2"
        assert ClientsPage(other, host).store.alerts.rules == AlertRules()  # type: ignore[arg-type]

    run(scenario())


# --- the main window, against the mock ------------------------------------------------------


async def broker_window(gui: Gui) -> Any:
    await gui.sign_in(*BROKER)
    return gui.main


def test_a_broker_sees_the_clients_page_first_and_ctrl_6_shows_it(
    backend_factory: Callable[..., Backend],
    gui_factory: Callable[..., Gui],
    run: Callable[..., Any],
) -> None:
    backend = backend_factory(broker_clients=50)

    async def scenario() -> None:
        gui = gui_factory(backend.url)
        main = await broker_window(gui)
        assert list(main.menu_buttons) == [
            "clients",
            "home",
            "portfolio",
            "orders",
            "transactions",
            "instructions",
        ]
        # First in the menu; the window opens on the last page (Home the first time, where
        # the first client of the picker shows), and Ctrl+6 brings the book (Ctrl+0 is the
        # text size's).
        assert main.current_page == "home" and main.back_button.isVisible()
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active")
        gui.qtbot.keyClick(main, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        assert main.current_page == "clients" and main.menu_buttons["clients"].isChecked()
        page: ClientsPage = main.pages["clients"]
        await wait_until(lambda: page.state == "table", timeout=20, what="the book")
        model = page.store.model
        assert model.rowCount() >= 50
        assert page.totals_labels["book"][1].text() == format_money(model.totals().value_kzt, "KZT")
        assert main.menu_buttons["clients"].toolTip() == "Clients (Ctrl+6)"
        gui.qtbot.keyClick(main, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert main.current_page == "portfolio"
        assert main.back_button.isVisible()
        gui.qtbot.keyClick(main, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        assert main.current_page == "clients" and not main.back_button.isVisible()
        # The shortcuts window lists a broker's own keys, and every key the window has.
        dialog = main.help_button.open_shortcuts()
        rows = dict(dialog.rows())
        assert rows["Ctrl+6"] == "Open Clients"
        assert rows["Alt+Left"] == "Back to the book of clients"
        defined = {
            shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            for action in main.findChildren(QAction)
            for shortcut in action.shortcuts()
            if not shortcut.isEmpty()
        }
        assert defined <= set(rows), sorted(defined - set(rows))
        dialog.close()
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active again")

        # Double click: the client is watched and Home shows; Back returns to the same row.
        scope = ClientScope.of(gui.session)
        await wait_until(lambda: scope.loaded, what="the picker's clients")
        page.proxy.sort(int(BookColumn.VALUE), Qt.SortOrder.DescendingOrder)
        index = page.proxy.index(30, BookColumn.NAME)
        page.table.scrollTo(index)
        rect = page.table.visualRect(index)
        scroll = page.table.verticalScrollBar().value()
        client_id = index.data(CLIENT_ID_ROLE)
        gui.qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        gui.qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert main.current_page == "home"
        assert scope.current_client_id == client_id
        assert main.client_picker.combo.currentData() == client_id or True
        await wait_until(lambda: main.home.summary_loaded, timeout=20, what="Home of the client")
        gui.click(main.back_button)
        assert main.current_page == "clients"
        await wait_until(lambda: not page.store.loading, timeout=20, what="the book again")
        assert page.selected_client() == client_id
        assert page.table.verticalScrollBar().value() == scroll

        # Enter on the row, then Alt+Left.
        page.table.setFocus()
        gui.qtbot.keyClick(page.table, Qt.Key.Key_Return)
        assert main.current_page == "home"
        main.activateWindow()
        gui.qtbot.keyClick(main, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        assert main.current_page == "clients"

        # An alert: the badge on the menu button and a desktop notice.
        shown: list[tuple[str, str, str, str]] = []
        main.tray.messageShown.connect(lambda *args: shown.append(args))
        badge = main.clients_badge
        before = page.alert_count
        row = model.rows()[0]
        page.store.alerts.order_rejected(row.client_id, row.name, "ord_x", {"order": "777"})
        assert page.alert_count == before + 1
        assert badge.isVisible() and badge.text() == str(before + 1)
        assert shown[-1][0] == f"Alert: {row.name}" and shown[-1][2] == BOOK_ALERT
        assert "Order No. 777 was rejected" in shown[-1][1]
        # A click on the notice opens the book, from whatever page is on screen.
        main.show_page("orders")
        main.tray._message_clicked()
        assert main.current_page == "clients"
        page.open_alerts()
        page.alerts_dialog.acknowledge_all()
        assert not badge.isVisible()
        assert page.alerts_dialog.history_ids()
        page.alerts_dialog.close()

    run(scenario(), timeout=90)


def test_a_client_never_has_the_clients_page(
    backend: Backend, gui_factory: Callable[..., Gui], run: Callable[..., Any]
) -> None:
    async def scenario() -> None:
        gui = gui_factory(backend.url)
        await gui.sign_in(*DEMO)
        main = gui.main
        assert "clients" not in main.pages and "clients" not in main.menu_buttons
        assert main.clients_page is None
        assert not main.back_button.isVisible() and main.back_action is None
        main.activateWindow()
        await wait_until(main.isActiveWindow, what="the window to be active")
        gui.qtbot.keyClick(main, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert main.current_page == "orders"
        gui.qtbot.keyClick(main, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        assert main.current_page == "orders"
        gui.qtbot.keyClick(main, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        assert main.current_page == "orders"
        assert QApplication.instance() is not None

    run(scenario())
