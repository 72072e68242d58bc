"""The list pages at the default window size (issue 11 §5) and their shared frame (issue 19):
at 1280×800 in kk, ru and en no list table scrolls sideways and no header or status badge
is cut; the column chooser hides and shows columns and remembers the choice; the period
bar is one widget on all three pages."""

from __future__ import annotations

from typing import Any

from gui_support import Gui, wait_until
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMenu
from testkit import DEMO

from cesec_desktop.state.list_model import CellPainter
from cesec_desktop.state.orders_query import Period
from cesec_desktop.views.delegates import CELL_PADDING, PILL_PADDING, pill_font
from cesec_desktop.views.pages.list_page import ListPage
from cesec_desktop.views.widgets.period_bar import PeriodBar

LIST_PAGES = ("orders", "transactions", "instructions")


async def signed_in(gui_factory: Any, backend: Any) -> Gui:
    gui = gui_factory(backend.url)
    await gui.sign_in(*DEMO)
    return gui


async def shown_with_rows(gui: Gui, key: str) -> ListPage:
    page: ListPage = gui.main.pages[key]
    gui.main.show_page(key)
    page.select_period(Period.QUARTER if Period.QUARTER in page.presets else Period.MONTH)
    await wait_until(
        lambda: page.is_loaded() and not page.model.loading and page.state == "table",
        timeout=20,
        what=f"the {key} rows",
    )
    return page


def cut_headers(page: ListPage) -> list[str]:
    """Header titles wider than their section (bold, with the sort arrow's room)."""
    header = page.table.horizontalHeader()
    bold = header.font()
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    cut = []
    for number, column in enumerate(page.columns):
        if header.isSectionHidden(number) or column.painter == CellPainter.MENU:
            continue
        title = column.title()
        if metrics.horizontalAdvance(title) + CELL_PADDING > header.sectionSize(number):
            cut.append(title)
    return cut


def cut_badges(page: ListPage) -> list[str]:
    """Status badges whose words do not fit their column."""
    header = page.table.horizontalHeader()
    metrics = QFontMetrics(pill_font(page.table.font()))
    cut = []
    for number, column in enumerate(page.columns):
        if column.painter != CellPainter.PILL or header.isSectionHidden(number):
            continue
        room = header.sectionSize(number) - CELL_PADDING
        for row in range(min(page.proxy.rowCount(), 50)):
            text = page.proxy.index(row, number).data()
            if metrics.horizontalAdvance(text) + PILL_PADDING > room:
                cut.append(text)
    return cut


def test_at_1280_by_800_no_list_page_scrolls_sideways_or_cuts_a_word(
    run: Any, gui_factory: Any, backend: Any, languages: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        window = gui.main
        window.resize(1280, 800)
        window.show()
        for language in ("kk", "ru", "en"):
            languages.set_language(language)
            for key in LIST_PAGES:
                page = await shown_with_rows(gui, key)
                await wait_until(
                    lambda p=page: p.table.viewport().width() > 600, what="the laid-out table"
                )
                page.fit_columns()
                bar = page.table.horizontalScrollBar()
                assert bar.maximum() == 0, f"{key} scrolls sideways in {language}"
                assert not cut_headers(page), f"{key} cuts headers in {language}"
                assert not cut_badges(page), f"{key} cuts badges in {language}"
                shown = [
                    n
                    for n in range(len(page.columns))
                    if not page.table.horizontalHeader().isSectionHidden(n)
                ]
                assert len(shown) >= 6, f"{key} keeps its main columns in {language}"
        languages.set_language("en")

    run(scenario(), timeout=120)


def test_the_column_chooser_hides_a_column_and_remembers_it(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.main.resize(1600, 900)
        gui.main.show()
        page = await shown_with_rows(gui, "orders")
        header = page.table.horizontalHeader()
        keys = [c.key for c in page.columns]
        number = keys.index("quantity")
        assert not header.isSectionHidden(number)
        header.customContextMenuRequested.emit(QPoint(10, 5))
        menu: QMenu = page.column_chooser
        await wait_until(menu.isVisible, what="the column chooser")
        titles = [a.text() for a in menu.actions()]
        assert page.columns[number].title() in titles and "" not in titles
        action = next(a for a in menu.actions() if a.text() == page.columns[number].title())
        assert action.isChecked()
        action.trigger()
        menu.close()
        assert header.isSectionHidden(number)
        # Remembered for this table: a fresh fit keeps it hidden, even with room to spare.
        page.fit_columns()
        assert header.isSectionHidden(number)
        assert gui.settings.store.value("tables/orders/columns") == {"quantity": False}
        page.set_column_shown("quantity", True)
        assert not header.isSectionHidden(number)

    run(scenario())


def test_the_three_pages_pick_their_period_with_one_widget(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        for key in LIST_PAGES:
            page: ListPage = gui.main.pages[key]
            assert isinstance(page.period_bar, PeriodBar)
            assert list(page.period_bar.period_buttons)[-1] is Period.CUSTOM
            # One date format per language, with a four-digit year.
            assert "yyyy" in page.from_edit.displayFormat()
        orders = gui.main.pages["orders"]
        gui.main.show_page("orders")
        ranges: list[tuple[Any, Any]] = []
        orders.period_bar.rangeChanged.connect(lambda start, end: ranges.append((start, end)))
        gui.click(orders.period_buttons[Period.WEEK])
        assert len(ranges) == 1 and (ranges[0][1] - ranges[0][0]).days == 6
        assert orders.query.start == ranges[0][0]
        # Typing a date waits for a pause, then loads the custom range once.
        orders.from_edit.setDate(orders.from_edit.date().addDays(-1))
        orders.from_edit.setDate(orders.from_edit.date().addDays(-1))
        assert orders.period_buttons[Period.CUSTOM].isChecked() and len(ranges) == 1
        await wait_until(lambda: len(ranges) == 2, what="the settled range")
        assert (ranges[1][1] - ranges[1][0]).days == 8

    run(scenario())


def test_a_cut_cell_shows_its_whole_text_in_a_tooltip(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        gui.main.resize(1280, 800)
        gui.main.show()
        page = await shown_with_rows(gui, "instructions")
        # A column with text and no tooltip of its own.
        bank = next(
            n
            for n in range(1, len(page.columns))
            if page.proxy.index(0, n).data()
            and not page.proxy.index(0, n).data(Qt.ItemDataRole.ToolTipRole)
        )
        index = page.proxy.index(0, bank)
        page.table.horizontalHeader().resizeSection(bank, 30)
        page.table.setColumnWidth(bank, 30)
        delegate = page.table.itemDelegate()
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QHelpEvent
        from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

        rect = page.table.visualRect(index)
        where = rect.center()
        event = QHelpEvent(QEvent.Type.ToolTip, where, page.table.viewport().mapToGlobal(where))
        option = QStyleOptionViewItem()
        option.initFrom(page.table)
        option.rect = rect
        assert delegate.helpEvent(event, page.table, option, index)
        await wait_until(QToolTip.isVisible, what="the tooltip")
        assert QToolTip.text() == index.data(Qt.ItemDataRole.DisplayRole)
        QToolTip.hideText()

    run(scenario())


def test_portfolio_fits_1280_by_800_without_squeezing_a_column(
    run: Any, gui_factory: Any, backend: Any
) -> None:
    async def scenario() -> None:
        gui = await signed_in(gui_factory, backend)
        window = gui.main
        window.resize(1280, 800)
        window.show()
        window.show_page("portfolio")
        page = window.pages["portfolio"]
        view = page.securities_view
        await wait_until(lambda: view.model().rowCount() > 3, what="the positions")
        for load in range(2):  # a second load measures columns the first one hid
            if load:
                page.store.reload()
            await wait_until(lambda: not page.store.loading, what="the load")
            await wait_until(lambda: view.viewport().width() > 600, what="the laid-out table")
            header = view.horizontalHeader()
            assert view.horizontalScrollBar().maximum() == 0, "no sideways scrolling"
            metrics = view.fontMetrics()
            for column in range(header.count()):
                if header.isSectionHidden(column):
                    continue
                title = str(view.model().headerData(column, Qt.Orientation.Horizontal))
                assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title

    run(scenario(), timeout=60)
