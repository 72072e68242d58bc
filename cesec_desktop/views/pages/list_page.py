"""The frame every list page shares: Orders, Transactions, Instructions (and the broker desk).

A `ListPage` holds the header (title, Refresh, Export), the period bar and the page's
filters, a busy bar, a passing notice, the table with its loading, empty and error states,
a footer, and the row's "…" menu with its routing (click, double click or Enter, context
menu, the Menu key). It loads on first show and re-translates itself. Picard's
`OptionsPage` and `TableBasedDialog` are the model: a subclass supplies its model and proxy,
its filters, its details dialog and its texts, through class attributes and hooks.

Columns come from the model's declarative spec (`state.list_model.ColumnSpec`): the table
sizes them once per language from the font and each column's widest sample, hides the less
important ones when the page is narrow, and lets the user choose them from the header's
context menu; the choice and the sort are remembered per table.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.list_model import CellPainter
from cesec_desktop.state.orders_query import OrdersQuery, Period
from cesec_desktop.state.roles import ROW_ROLE, SORT_ROLE
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.zoom import px
from cesec_desktop.views.delegates import (
    CELL_PADDING,
    MARKET_GAP,
    MENU_WIDTH,
    PILL_PADDING,
    ROW_PADDING,
    SORT_ARROW,
    ListCellDelegate,
    bold_font,
    pill_font,
    small_font,
)
from cesec_desktop.views.pages.titles import ICONS, page_title
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.export_button import ExportButton
from cesec_desktop.views.widgets.list_table import list_table
from cesec_desktop.views.widgets.notice_label import NoticeLabel
from cesec_desktop.views.widgets.period_bar import PeriodBar
from cesec_desktop.views.widgets.state_panel import add_centered_button, state_panel


def _widest(metrics: QFontMetrics, texts: list[str]) -> int:
    return max(metrics.horizontalAdvance(text) for text in texts)


if TYPE_CHECKING:
    from cesec_desktop.state.list_model import ColumnSpec
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

TOOLBAR_GAP = 40
"""Room kept between the period bar and the filters before the filters wrap below."""


class ListPage(QWidget):
    """A list page; subclasses set the class attributes and fill in the hooks."""

    key: ClassVar[str] = ""
    """The page's name: object names, QSettings keys, its title and icon."""
    presets: ClassVar[tuple[Period, ...]] = (Period.TODAY, Period.WEEK, Period.MONTH)
    default_period: ClassVar[Period] = Period.MONTH
    default_sort: ClassVar[tuple[int, Qt.SortOrder]] = (2, Qt.SortOrder.DescendingOrder)
    selection: ClassVar[QAbstractItemView.SelectionMode] = (
        QAbstractItemView.SelectionMode.SingleSelection
    )
    fill_up_rows: ClassVar[int] = 60
    """While filters hide most rows, load further pages until at least this many show."""
    menu_column: ClassVar[int] = 0
    model_class: ClassVar[type[Any]]
    """The page's list model (a `PagedStreamModel` or alike), made with the page."""
    proxy_class: ClassVar[type[QSortFilterProxyModel]]
    table_class: ClassVar[type[QTableView]] = QTableView
    """The table's class (the broker's book paints its cells itself)."""

    def __init__(
        self,
        session: Session | None = None,
        parent: QWidget | None = None,
        *,
        tasks: TaskTracker | None = None,
    ) -> None:
        super().__init__(parent)
        key = self.key
        self.setObjectName(f"{key}Page")
        self.session = session
        self.tasks = tasks if tasks is not None else TaskTracker(f"{key}-page", owner=self)
        self.model = model = self.model_class(session, tasks=self.tasks, parent=self)
        self.proxy = proxy = self.proxy_class(self)
        proxy.setSourceModel(model)
        self.scope = ClientScope.of(session) if session is not None else None
        if self.scope is not None:
            # Brokers list the watched client's rows (the top bar's picker), read-only.
            scope = self.scope
            model.client_id = scope.query_client_id
            if hasattr(model, "owns"):
                model.owns = scope.owns  # a broker's stream carries every client's events
                model.accounts = lambda: scope.accounts
            scope.clientChanged.connect(self._client_changed)
        self.details_dialog: Any = None
        self._menu_id: str | None = None
        self._started = False
        self._busy = 0
        self._wide: bool | None = None
        self._widths: dict[int, int] = {}
        self._settings_group = f"tables/{key}"
        self._chosen: dict[str, bool] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 12)
        outer.setSpacing(10)
        outer.addLayout(self._build_header())
        self.toolbar = QGridLayout()
        self.toolbar.setHorizontalSpacing(16)
        self.toolbar.setVerticalSpacing(8)
        self.period_bar = PeriodBar(key, self.presets, self.default_period, self)
        self.period_bar.rangeChanged.connect(lambda *_: self.reload())
        self.filter_box = QWidget(self)
        self.filter_row = QHBoxLayout(self.filter_box)
        self.filter_row.setContentsMargins(0, 0, 0, 0)
        self.filter_row.setSpacing(8)
        self.build_filters(self.filter_row)
        outer.addLayout(self.toolbar)

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName(f"{key}Busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(3)
        policy = self.busy_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the table does not jump when a load starts
        self.busy_bar.setSizePolicy(policy)
        self.busy_bar.hide()
        outer.addWidget(self.busy_bar)
        self.notice = NoticeLabel(f"{key}Notice", self)
        outer.addWidget(self.notice)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName(f"{key}Stack")
        self.table = self._build_table()
        self.stack.addWidget(self.table)
        self._build_states()
        outer.addWidget(self.stack, 1)
        self.export_button = ExportButton(
            self.table,
            tasks=self.tasks,
            file_name=self.export_name,
            sheet_name=lambda: page_title(self.key),
            raw_role=self.export_value,
            parent=self,
        )
        self.export_button.reported.connect(self._export_reported)
        self.header_row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(self._build_footer())
        self._build_menu()
        self._place_toolbar(wide=True)

        model.loadingChanged.connect(self._loading_changed)
        model.modelReset.connect(self.update_state)
        for signal in (
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.modelReset,
            proxy.layoutChanged,
        ):
            signal.connect(self.rows_changed)

        self.setup()
        self._restore_header()
        self.retranslate()
        self.period_bar.show_query(self.period_bar.query())
        self.update_state()

    # --- hooks -----------------------------------------------------------------------------

    def setup(self) -> None:
        """The page's own widgets and connections, once the frame is built."""

    def build_filters(self, row: QHBoxLayout) -> None:
        """Add the page's filter widgets to the toolbar's right-hand row."""

    def build_menu(self, menu: QMenu) -> None:
        """Add the page's actions to the row menu, after Details."""

    def update_menu(self, item: Any) -> None:
        """Enable the page's row-menu actions for `item` before the menu shows."""

    def make_query(self, period: OrdersQuery) -> Any:
        """What the model is asked for; by default the period itself."""
        return period

    def open_details(self, item_id: str) -> None:
        raise NotImplementedError

    def is_loaded(self) -> bool:
        return bool(self.model.loaded)

    def filtered(self) -> bool:
        return bool(getattr(self.proxy, "filtered", False))

    def clear_filters(self) -> None:
        """Put the page's filter widgets back to "all" (without reloading)."""

    def export_value(self, index: QModelIndex) -> Any:
        """A cell's value for a file: its raw value."""
        return index.data(SORT_ROLE)

    def loading_texts(self) -> tuple[str, str]:
        raise NotImplementedError

    def empty_texts(self, filtered: bool) -> tuple[str, str]:
        raise NotImplementedError

    def error_heading(self) -> str:
        raise NotImplementedError

    def count_text(self, shown: int, loaded: int) -> str:
        locale = QLocale()
        if shown == loaded:
            return self.tr("Rows: %1").replace("%1", locale.toString(shown))
        return (
            self.tr("Shown: %1 of %2")
            .replace("%1", locale.toString(shown))
            .replace("%2", locale.toString(loaded))
        )

    def retranslate_page(self) -> None:
        """The subclass's own widgets in the UI language."""

    # --- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(10)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        header.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName(f"{self.key}Refresh")
        self.refresh_button.setIcon(icon("refresh"))
        from cesec_desktop.views.zoom_sizes import icon_size

        icon_size(self.refresh_button, 18)  # grows with the text size
        self.refresh_button.setAutoRaise(True)
        self.refresh_button.clicked.connect(self.reload)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.header_row = header  # Export joins it once the table exists; pages add theirs
        return header

    def _build_table(self) -> QTableView:
        table = list_table(
            self,
            f"{self.key}Table",
            self.proxy,
            selection=self.selection,
            min_section=MENU_WIDTH,
            cls=self.table_class,
        )
        painters = {n: c.painter for n, c in enumerate(self.columns) if c.painter}
        table.setItemDelegate(ListCellDelegate(painters, table))
        table.customContextMenuRequested.connect(self._context_menu)
        table.clicked.connect(self._clicked)
        # Double click or Enter (a single click where the platform says so) opens Details.
        table.activated.connect(self._activated)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(self.menu_column, QHeaderView.ResizeMode.Fixed)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setSortIndicator(*self.default_sort)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        return table

    def _build_states(self) -> None:
        key, picture = self.key, ICONS.get(self.key, "orders")
        self.loading_state, _, self.loading_title, self.loading_text = state_panel(
            self, f"{key}Loading", picture
        )
        self.loading_state.layout().addStretch(2)  # type: ignore[union-attr]
        self.empty_state, empty_layout, self.empty_title, self.empty_text = state_panel(
            self, f"{key}Empty", picture
        )
        self.empty_actions = QHBoxLayout()
        self.empty_actions.setSpacing(10)
        self.empty_actions.addStretch(1)
        self.reset_filters_button = QPushButton(self.empty_state)
        self.reset_filters_button.setObjectName(f"{key}ResetFilters")
        self.reset_filters_button.clicked.connect(self.reset_filters)
        self.empty_actions.addWidget(self.reset_filters_button)
        self.empty_actions.addStretch(1)
        empty_layout.addSpacing(6)
        empty_layout.addLayout(self.empty_actions)
        empty_layout.addStretch(2)
        self.error_state, error_layout, self.error_title, self.error_text = state_panel(
            self, f"{key}Error", picture
        )
        self.retry_button = QPushButton(self.error_state)
        self.retry_button.setObjectName(f"{key}Retry")
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.clicked.connect(self.retry)
        add_centered_button(error_layout, self.retry_button)
        for panel in (self.loading_state, self.empty_state, self.error_state):
            self.stack.addWidget(panel)

    def _build_footer(self) -> QHBoxLayout:
        footer = QHBoxLayout()
        footer.setSpacing(8)
        self.footer = QLabel(self)
        self.footer.setObjectName(f"{self.key}Footer")
        self.footer.setProperty("role", "muted")
        footer.addWidget(self.footer)
        self.more_button = QPushButton(self)
        self.more_button.setObjectName(f"{self.key}LoadMore")
        self.more_button.setFlat(True)
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.clicked.connect(self.model.retry)
        self.more_button.hide()
        footer.addWidget(self.more_button)
        footer.addStretch(1)
        self.footer_row = footer  # pages add totals here
        return footer

    def _build_menu(self) -> None:
        self.row_menu = QMenu(self)
        self.row_menu.setObjectName(f"{self.key}RowMenu")
        self.details_action = self.row_menu.addAction("")
        self.details_action.setObjectName(f"{self.key}DetailsAction")
        self.details_action.triggered.connect(self._details_chosen)
        self.build_menu(self.row_menu)

    def _place_toolbar(self, wide: bool) -> None:
        """Period and filters side by side, or the filters below when the page is narrow."""
        if wide == self._wide:
            return
        self._wide = wide
        for widget in (self.period_bar, self.filter_box):
            self.toolbar.removeWidget(widget)
        self.toolbar.addWidget(self.period_bar, 0, 0, Qt.AlignmentFlag.AlignLeft)
        if wide:
            self.toolbar.addWidget(self.filter_box, 0, 1, Qt.AlignmentFlag.AlignRight)
            self.toolbar.setColumnStretch(1, 1)
        else:
            self.toolbar.addWidget(self.filter_box, 1, 0, Qt.AlignmentFlag.AlignLeft)
            self.toolbar.setColumnStretch(1, 0)

    def _relayout(self) -> None:
        needed = (
            self.period_bar.sizeHint().width() + self.filter_box.sizeHint().width() + TOOLBAR_GAP
        )
        margins = self.layout().contentsMargins()
        self._place_toolbar(self.width() - margins.left() - margins.right() >= needed)

    # --- loading ---------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        return tuple(self.model.columns)

    @property
    def query(self) -> Any:
        return self.model.query

    @property
    def period_buttons(self) -> dict[Period, QPushButton]:
        return self.period_bar.period_buttons

    @property
    def from_edit(self) -> Any:
        return self.period_bar.from_edit

    @property
    def to_edit(self) -> Any:
        return self.period_bar.to_edit

    @property
    def read_only(self) -> bool:
        """Brokers watch a client's lists: nothing to change."""
        return self.scope is not None and self.scope.read_only

    @property
    def waiting_for_client(self) -> bool:
        return self.scope is not None and self.scope.is_broker and not self.scope.ready

    @property
    def state(self) -> str:
        """What the page shows: "table", "loading", "empty", "filtered" or "error"."""
        current = self.stack.currentWidget()
        if current is self.table:
            return "table"
        if current is self.loading_state:
            return "loading"
        if current is self.error_state:
            return "error"
        return "filtered" if self.reset_filters_button.isVisibleTo(self.empty_state) else "empty"

    def start(self) -> None:
        """Load the chosen period once, the first time the page shows."""
        if self._started or self.session is None:
            return
        if self.scope is not None and not self.scope.ready:
            self.scope.ensure_loaded()  # a broker's client first: clientChanged starts us
            self.update_state()
            return
        self._started = True
        self.reload()

    def reload(self) -> None:
        """The chosen period again from its first page (a preset moves on to today)."""
        if self.session is not None and self.scope is not None and not self.scope.ready:
            return
        self._started = self._started or self.session is not None
        self.set_query(self.make_query(self.period_bar.query()))

    def set_query(self, query: Any) -> None:
        if isinstance(query, OrdersQuery):
            self.period_bar.show_query(query)
        self.model.set_query(query)
        self.update_state()

    def retry(self) -> None:
        self.model.retry()

    def select_period(self, period: Period | str) -> None:
        """As if the user clicked a preset (or Custom) above the table."""
        self.period_bar.select(period)

    def set_custom_range(self, start: Any, end: Any) -> None:
        """As if the user typed a range: Custom is chosen and the range loads at once."""
        self.period_bar.set_range(start, end)

    def _client_changed(self, client_id: str) -> None:
        """Another client: their rows replace the list at once (none of the last one's)."""
        if self.scope is None:
            return
        self.model.client_id = self.scope.query_client_id
        self.close_details()
        if client_id and self.scope.ready and (self._started or self.isVisible()):
            self._started = True
            self.reload()
        else:
            self.model.clear()
        self.client_changed()
        self.update_state()

    def client_changed(self) -> None:
        """The page's own reaction to another client (read-only buttons and the like)."""

    def _loading_changed(self, loading: bool) -> None:
        self._busy = max(0, self._busy + (1 if loading else -1))
        self.busy_bar.setVisible(self._busy > 0)
        self.update_state()

    def set_busy(self, step: int) -> None:
        """Work of the page's own (a cancel, say) shows in the busy bar too."""
        self._loading_changed(step > 0)

    def load_failed(self, error: Exception) -> None:
        from cesec_desktop.views.messages import describe

        if self.loaded_rows():
            # Rows stay on screen; the failure is said above them.
            self.show_notice(
                self.tr("More rows could not be loaded: %1").replace("%1", describe(error)),
                "negative",
            )
        self.update_state()

    def page_loaded(self, *_: object) -> None:
        self.update_state()
        # Filters apply to what is loaded: while they hide most of it, read further pages.
        if self.filtered() and self.proxy.rowCount() < self.fill_up_rows:
            self.model.fetchMore()

    def rows_changed(self, *_: object) -> None:
        self.update_state()

    def update_state(self, *_: object) -> None:
        model = self.model
        rows = self.loaded_rows()
        if model.error is not None and not rows:
            target: QWidget = self.error_state
        elif rows == 0 and (
            model.loading
            or (self.session is not None and not self.is_loaded() and not self.waiting_for_client)
        ):
            target = self.loading_state
        elif self.proxy.rowCount() == 0 and not model.loading:
            target = self.empty_state
        else:
            target = self.table
        self.reset_filters_button.setVisible(self.filtered() and rows > 0)
        if self.stack.currentWidget() is not target:
            self.stack.setCurrentWidget(target)
        self._retranslate_states()
        self._retranslate_footer()

    def loaded_rows(self) -> int:
        """The rows loaded, whether the filters show them or not."""
        return self.model.rowCount()

    def reset_filters(self) -> None:
        self.clear_filters()
        self.filters_changed()

    def filters_changed(self) -> None:
        """The page's filters changed: the state and, if they hide most rows, more pages."""
        self.update_state()
        if self.filtered() and self.proxy.rowCount() < self.fill_up_rows:
            self.model.fetchMore()

    # --- the row menu and details ----------------------------------------------------------

    def item_at(self, index: QModelIndex) -> Any:
        return index.data(ROW_ROLE) if index.isValid() else None

    def menu_index(self, item_id: str) -> QModelIndex:
        """The "…" cell of a row in the table (invalid if it is not shown)."""
        row = self.model.row_of(item_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, self.menu_column))

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == self.menu_column:
            rect = self.table.visualRect(index)
            self.show_row_menu(index, self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def _activated(self, index: QModelIndex) -> None:
        item = self.item_at(index)
        if item is None:
            return
        if index.column() == self.menu_column:
            # Return on the "…" cell does what a click there does: the row's menu.
            rect = self.table.visualRect(index)
            self.show_row_menu(index, self.table.viewport().mapToGlobal(rect.bottomLeft()))
        else:
            self.open_details(item.id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            # The Menu key, or a click below the rows: the current row's menu.
            index = self.table.currentIndex()
            if not index.isValid():
                return
            pos = self.table.visualRect(index).center()
        self.show_row_menu(index, self.table.viewport().mapToGlobal(pos))

    def show_row_menu(self, index: QModelIndex, global_pos: QPoint) -> None:
        item = self.item_at(index)
        if item is None:
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._menu_id = item.id
        self.update_menu(item)
        self.row_menu.popup(global_pos)

    def _details_chosen(self) -> None:
        if self._menu_id is not None:
            self.open_details(self._menu_id)

    @property
    def menu_item_id(self) -> str | None:
        """The row the menu was last opened for."""
        return self._menu_id

    def show_details(self, dialog: Any) -> None:
        """Open a details dialog, one at a time; it cleans up when it closes."""
        self.close_details()
        self.details_dialog = dialog
        dialog.finished.connect(lambda _code, d=dialog: self._details_closed(d))
        dialog.open()

    def _details_closed(self, dialog: Any) -> None:
        self.details_closed(dialog)
        if isValid(dialog):
            dialog.deleteLater()
        if self.details_dialog is dialog:
            self.details_dialog = None

    def details_closed(self, dialog: Any) -> None:
        """Undo what the page connected to a details dialog."""

    def close_details(self) -> None:
        dialog = self.details_dialog
        if dialog is not None and isValid(dialog):
            dialog.reject()
        self.details_dialog = None

    def account_number(self, account_id: str) -> str:
        """A sub-account as the user knows it (CS01001-KZT), the shown client's too."""
        accounts: list[Any] = []
        if self.scope is not None:
            accounts = list(self.scope.accounts)
        elif self.session is not None:
            accounts = list(getattr(self.session, "accounts", []))
        return next((a.number for a in accounts if a.id == account_id), account_id)

    # --- notices and export ----------------------------------------------------------------

    def show_notice(self, text: str, tone: str = "info") -> None:
        self.notice.show_notice(text, tone)

    def export_name(self) -> str:
        """The page and the period: "Orders 2026-11-01_2026-11-21"."""
        query = self.model.query
        name = page_title(self.key)
        if query is None:
            return name
        return f"{name} {query.start.isoformat()}_{query.end.isoformat()}"

    def _export_reported(self, text: str, ok: bool) -> None:
        self.show_notice(text, "positive" if ok else "negative")
        window = self.window()
        status_bar: Callable[[], Any] | None = getattr(window, "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(text, 8000)

    # --- columns ---------------------------------------------------------------------------

    def size_columns(self) -> None:
        """Widths from the font and each column's widest sample, once per language (never to
        the contents on updates); then the columns that fit are shown."""
        font = self.table.font()
        metrics = QFontMetrics(font)
        bold = QFontMetrics(bold_font(font))
        pill = QFontMetrics(pill_font(font))
        small = QFontMetrics(small_font(font))
        locale = QLocale()
        header = self.table.horizontalHeader()
        self._widths = {}
        for number, column in enumerate(self.columns):
            if column.painter == CellPainter.MENU:
                self._widths[number] = px(MENU_WIDTH)
                continue
            # A sample may list several texts, one a line: the widest counts.
            samples = column.sample(locale).split("\n")
            if column.painter == CellPainter.PILL:
                content = _widest(pill, samples) + px(PILL_PADDING)
            elif column.painter == CellPainter.INSTRUMENT:
                content = _widest(bold, samples) + px(MARKET_GAP)
                content += small.horizontalAdvance("KASE")
            elif column.painter == CellPainter.SIDE:
                content = _widest(bold, samples)
            else:
                content = _widest(metrics, samples)
            title = bold.horizontalAdvance(str(column.title()))
            # Cell padding (stylesheet and style), and room for the sort arrow in the header;
            # all at 100 %, as the stylesheet's paddings and the style's arrow are (zoom).
            padding = px(CELL_PADDING)
            self._widths[number] = max(content + padding, title + padding + px(SORT_ARROW))
        for number, width in self._widths.items():
            header.resizeSection(number, width)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + px(ROW_PADDING))
        self.fit_columns()

    def fit_columns(self) -> None:
        """Hide the least important columns the table has no room for (the user's own
        choice in the header menu wins), so the page never scrolls sideways."""
        if not self._widths:
            return
        chosen = self._chosen_columns()
        room = self.table.viewport().width() if self.table.isVisible() else self._room()
        header = self.table.horizontalHeader()
        columns = self.columns
        shown = {n for n, c in enumerate(columns) if chosen.get(c.key, True)}
        optional = sorted(
            (n for n in shown if columns[n].priority > 0 and columns[n].key not in chosen),
            key=lambda n: (-columns[n].priority, -n),
        )
        while optional and sum(self._widths[n] for n in shown) > room:
            shown.discard(optional.pop(0))
        for number in range(len(self.columns)):
            header.setSectionHidden(number, number not in shown)

    def _room(self) -> int:
        """The table's width before it is first shown: the page's, less margins and frame."""
        margins = self.layout().contentsMargins()
        return max(0, self.width() - margins.left() - margins.right() - 4)

    def _store(self) -> QSettings | None:
        """The window's settings (the app's, or a test's); a bare page remembers nothing."""
        settings = getattr(self.window(), "settings", None)
        store = getattr(settings, "store", None)
        return store if isinstance(store, QSettings) else None

    def _chosen_columns(self) -> dict[str, bool]:
        """Columns the user showed (True) or hid (False) in the header menu."""
        store = self._store()
        value = store.value(f"{self._settings_group}/columns", {}) if store else self._chosen
        return {str(k): v in (True, "true") for k, v in dict(value).items()} if value else {}

    def set_column_shown(self, key: str, shown: bool) -> None:
        chosen = self._chosen_columns()
        chosen[key] = shown
        self._chosen = chosen
        store = self._store()
        if store is not None:
            store.setValue(f"{self._settings_group}/columns", chosen)
        self.fit_columns()

    def _header_menu(self, pos: QPoint) -> None:
        """The column chooser: every column but the "…" one, ticked when shown."""
        menu = QMenu(self)
        menu.setObjectName(f"{self.key}ColumnChooser")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        header = self.table.horizontalHeader()
        for number, column in enumerate(self.columns):
            if column.painter == CellPainter.MENU:
                continue
            action = QAction(str(column.title()), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.toggled.connect(lambda on, k=column.key: self.set_column_shown(k, on))
            menu.addAction(action)
        self.column_chooser = menu
        menu.popup(header.mapToGlobal(pos))

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        columns = self.columns
        if 0 <= section < len(columns) and columns[section].sort_key is None:
            # The "…" column has nothing to sort by: keep the sorting as it was.
            self.table.horizontalHeader().setSortIndicator(*self._sort)
            return
        self._sort = (section, order)
        store = self._store()
        if store is not None:
            store.setValue(f"{self._settings_group}/sort", [section, int(order.value)])

    def _restore_header(self) -> None:
        self._sort = self.default_sort
        store = self._store()
        value = store.value(f"{self._settings_group}/sort") if store is not None else None
        try:
            section, order = int(value[0]), Qt.SortOrder(int(value[1]))  # type: ignore[index]
        except (TypeError, ValueError, IndexError, KeyError):
            return
        if 0 <= section < len(self.columns) and self.columns[section].sort_key is not None:
            self._sort = (section, order)
            self.table.horizontalHeader().setSortIndicator(section, order)

    # --- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(page_title(self.key))
        self.table.setAccessibleName(page_title(self.key))
        self.refresh_button.setToolTip(self.tr("Load again"))
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.reset_filters_button.setText(self.tr("Reset filters"))
        self.retry_button.setText(self.tr("Try again"))
        self.more_button.setText(self.tr("Load the rest again"))
        self.details_action.setText(self.tr("Details"))
        self.model.retranslate()
        self.retranslate_page()
        self.size_columns()
        self._retranslate_states()
        self._retranslate_footer()
        self._wide = None
        self._relayout()

    def _retranslate_states(self) -> None:
        title, text = self.loading_texts()
        self.loading_title.setText(title)
        self.loading_text.setText(text)
        if self.waiting_for_client:
            self.empty_title.setText(self.tr("Choose a client"))
            self.empty_text.setText(self.tr("Pick a client at the top to see their lists."))
        else:
            title, text = self.empty_texts(self.filtered() and self.loaded_rows() > 0)
            self.empty_title.setText(title)
            self.empty_text.setText(text)
        self.error_title.setText(self.error_heading())
        error = self.model.error
        if error is not None:
            from cesec_desktop.views.messages import describe

            self.error_text.setText(describe(error))
        else:
            self.error_text.setText("")

    def _retranslate_footer(self) -> None:
        shown, loaded = self.proxy.rowCount(), self.loaded_rows()
        if not loaded:
            self.footer.setText("")
            self.more_button.hide()
            return
        text = self.count_text(shown, loaded)
        failed = self.model.error is not None
        if self.model.has_more and not failed:
            text += " \N{MIDDLE DOT} " + self.tr("scroll down for more")
        if self.read_only:
            text += " \N{MIDDLE DOT} " + self.tr("view only")
        self.footer.setText(text)
        self.more_button.setVisible(failed and self.model.has_more)

    # --- Qt events -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.client_changed()
        self.start()
        # Words or the text size may have changed while another page was on screen.
        self._relayout()
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            # Again once the period bar and the filters have their new words and text size
            # (they hear of it after this page, in no set order): longer ones may not fit.
            QTimer.singleShot(0, self, self._relayout)
        super().changeEvent(event)
