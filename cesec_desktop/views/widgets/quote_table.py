"""A market's quote table and the card that holds it (with its empty state and Export)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAccessible, QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.orders_query import almaty_today
from cesec_desktop.state.quote_table_model import Column, InstrumentRole, QuoteTableModel, SortRole
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.delegates import MENU_BUTTON_WIDTH, QuoteDelegate
from cesec_desktop.views.widgets.export_button import ExportButton
from cesec_desktop.views.widgets.list_table import add_keyboard_menu

BUY_KEY = QKeySequence("Ctrl+B")
SELL_KEY = QKeySequence("Ctrl+Shift+S")
"""Buy and Sell on a table's selected row (the Help menu's shortcut list names them)."""

MAX_VISIBLE_ROWS = 12
"""Taller lists scroll inside their table, so that all three markets stay in view."""

# Typical widest text per column, sized once (never ResizeToContents on updates); a rarer,
# longer value is elided and its full text is one hover away.
_SAMPLES = {
    Column.TICKER: "WWWW",
    Column.LAST: "00 000.00",
    Column.CHANGE: "+0 000.00",
    Column.CHANGE_PCT: "+00.00\N{NO-BREAK SPACE}%",
    Column.BID: "00 000.00",
    Column.ASK: "00 000.00",
    Column.VOLUME: "00 000 000",
    Column.TIME: "00:00:00",
}
NAME_MIN_WIDTH = 96
CELL_PADDING = 14


def add_trade_shortcuts(
    view: QAbstractItemView,
    trade: Callable[[str], object],
    *,
    unselected: Callable[[str], object] | None = None,
) -> list[QAction]:
    """Ctrl+B and Ctrl+Shift+S on a table: `trade("buy" | "sell")` for its selected row.

    With no row selected the keys call `unselected(side)` instead, for the page to open an
    empty order form (or say why it cannot); without `unselected` they do nothing then.
    Widget-with-children shortcuts: they fire only while the table has focus, so the same
    keys on several tables (Home's three markets) never clash.
    """
    actions = []
    for side, key in (("buy", BUY_KEY), ("sell", SELL_KEY)):
        action = QAction(view)
        action.setObjectName(f"{side}Shortcut")
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(
            lambda _=False, s=side: _trade_shortcut(view, s, trade, unselected)
        )
        view.addAction(action)
        actions.append(action)
    return actions


def _trade_shortcut(
    view: QAbstractItemView,
    side: str,
    trade: Callable[[str], object],
    unselected: Callable[[str], object] | None,
) -> object:
    if selected_row(view).isValid():
        return trade(side)
    if unselected is not None:
        return unselected(side)
    return trade(side)  # the page's own "nothing selected" answer, as before


def show_trade_shortcut(action: QAction, side: str) -> None:
    """Show the key next to a "…" menu's Buy or Sell (the table's action does the work)."""
    action.setShortcut(BUY_KEY if side == "buy" else SELL_KEY)
    # Only while the menu itself has focus: never a second, ambiguous window shortcut.
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)


def selected_row(view: QAbstractItemView) -> QModelIndex:
    """The selected row's first cell (else the current one's); invalid when none."""
    selection = view.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    if rows:
        return rows[0]
    current = view.currentIndex()
    return current.siblingAtColumn(0) if current.isValid() else QModelIndex()


class QuoteTable(QTableView):
    """A quote table: fixed column widths, no sorting (rows keep the watchlist's order).

    Signals:
        menuRequested(str, QPoint): the "…" button of an instrument's row (global position).
        chartRequested(str): a row was double-clicked.
    """

    menuRequested = Signal(str, QPoint)
    chartRequested = Signal(str)

    def __init__(
        self, model: QuoteTableModel, parent: QWidget | None = None, *, with_menu: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"quoteTable_{model.market}")
        self.setModel(model)
        self.delegate = QuoteDelegate(self, with_menu=with_menu)
        self.setItemDelegate(self.delegate)
        self.delegate.menuRequested.connect(self._menu_requested)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setSortingEnabled(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.doubleClicked.connect(self._double_clicked)
        # A right-click (or the menu key) opens the same menu as the row's "…" button.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        # The Menu key and Shift+F10 too, at the current row (not where the mouse is).
        add_keyboard_menu(self)
        # Tab goes on to the next control (never trapped cell by cell); arrows move rows.
        self.setTabKeyNavigation(False)
        # The ticker cell tells a screen reader that its row has a menu, and how to open it.
        model.row_menu = with_menu
        model.modelReset.connect(self._fit_height)
        model.rowsRemoved.connect(self._fit_height)
        model.rowsInserted.connect(self._fit_height)
        self.size_columns()

    @property
    def quotes(self) -> QuoteTableModel:
        return self.model()  # type: ignore[return-value]

    def size_columns(self) -> None:
        """Size the columns from the font, once per font or language change."""
        metrics = QFontMetrics(self.font())
        header_metrics = QFontMetrics(self.horizontalHeader().font())
        pad = CELL_PADDING
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 12)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(40)
        titles = self.quotes.column_titles()
        total = NAME_MIN_WIDTH
        for column in Column:
            if column == Column.NAME:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            title_width = header_metrics.horizontalAdvance(titles[column]) + pad
            width = metrics.horizontalAdvance(_SAMPLES[column]) + pad
            if column == Column.TICKER:
                width += MENU_BUTTON_WIDTH
            width = max(width, title_width)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
            total += width
        # The name column takes what is left; below this the page scrolls sideways instead.
        self.setMinimumWidth(total + 2)
        self._fit_height()

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Repaint exactly the changed cells.

        Qt's rectangle for a range of cells reaches one pixel past it, into the next row and
        column, so each row a tick changes would repaint the row under it as well: twice
        the paint work. (With a screen reader on, Qt's own handling runs, as it also tells
        the reader what changed.)
        """
        if top_left == bottom_right or not self.isVisible() or QAccessible.isActive():
            super().dataChanged(top_left, bottom_right, list(roles))
            return
        self.viewport().update(self.visualRect(top_left).united(self.visualRect(bottom_right)))

    def _fit_height(self, *_: object) -> None:
        rows = min(max(self.quotes.rowCount(), 1), MAX_VISIBLE_ROWS)
        height = self.horizontalHeader().sizeHint().height() + rows * self.row_height() + 2
        self.setFixedHeight(height)

    def row_height(self) -> int:
        return self.verticalHeader().defaultSectionSize()

    def _menu_requested(self, index: QModelIndex, where: QPoint) -> None:
        self.selectRow(index.row())
        self.menuRequested.emit(index.data(InstrumentRole), where)

    def _context_menu(self, where: QPoint) -> None:
        index = self.indexAt(where)
        if index.isValid() and self.delegate.with_menu:
            self._menu_requested(index, self.viewport().mapToGlobal(where))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chartRequested.emit(index.data(InstrumentRole))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.quotes.retranslate()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.delegate.forget_metrics(self)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self.size_columns()


class QuotePanel(QFrame):
    """A market's card: its title, the quote table, or an empty state offering the editor.

    Its header holds a compact Export button for the rows shown (the outcome goes to the
    main window's status bar: the card has no room for a notice).

    Signals:
        editRequested: the empty state's button (open the watchlist editor).
    """

    editRequested = Signal()

    def __init__(
        self,
        title: str,
        model: QuoteTableModel,
        parent: QWidget | None = None,
        *,
        editable: bool = True,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"quotePanel_{model.market}")
        self.setProperty("role", "card")
        self._title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        head = QHBoxLayout()
        self.heading = QLabel(title, self)
        self.heading.setProperty("role", "cardTitle")
        self.count = QLabel(self)
        self.count.setProperty("role", "muted")
        head.addWidget(self.heading)
        head.addWidget(self.count)
        head.addStretch(1)
        layout.addLayout(head)
        self.stack = QStackedWidget(self)
        self.table = QuoteTable(model, self.stack, with_menu=True)
        self.export_button = ExportButton(
            self.table,
            tasks=tasks,
            file_name=self.export_name,
            sheet_name=lambda: self._title,
            raw_role=int(SortRole),
            compact=True,
            parent=self,
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.set_subject(lambda: self._title)
        # Hidden with an empty list, keeping its room so that the header does not jump.
        policy = self.export_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.export_button.setSizePolicy(policy)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.empty = QWidget(self.stack)
        self.empty.setObjectName("quoteEmptyState")
        empty_layout = QHBoxLayout(self.empty)
        empty_layout.setContentsMargins(4, 8, 4, 8)
        self.empty_text = QLabel(self.empty)
        self.empty_text.setProperty("role", "muted")
        self.empty_text.setWordWrap(True)
        self.edit_button = QPushButton(self.empty)
        self.edit_button.setObjectName("editWatchlistButton")
        self.edit_button.clicked.connect(self.editRequested)
        self.edit_button.setVisible(editable)
        empty_layout.addWidget(self.empty_text, 1)
        empty_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack)
        model.modelReset.connect(self._sync)
        model.rowsRemoved.connect(self._sync)
        model.rowsInserted.connect(self._sync)
        self.retranslate()

    @property
    def model(self) -> QuoteTableModel:
        return self.table.quotes

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def export_name(self) -> str:
        """The market's name and today's date: "KASE 2026-11-21"."""
        return f"{self._title} {almaty_today().isoformat()}"

    def set_title(self, title: str) -> None:
        self._title = title
        self.heading.setText(title)
        self._name_table()

    def _name_table(self) -> None:
        self.table.setAccessibleName(self.tr("Quotes: %1").replace("%1", self._title))
        self.export_button.retranslate()

    def _sync(self, *_: object) -> None:
        rows = self.model.rowCount()
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.stack.setFixedHeight(self.table.height() if rows else self.empty.sizeHint().height())
        self.count.setText(self.tr("%n instrument(s)", "", rows) if rows else "")
        self.export_button.setVisible(bool(rows))

    def retranslate(self) -> None:
        self.heading.setText(self._title)
        self.empty_text.setText(
            self.tr("No instruments on this market's list. Add some to watch their prices here.")
        )
        self.edit_button.setText(self.tr("Choose instruments…"))
        self._name_table()
        self._sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
