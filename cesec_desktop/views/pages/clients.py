"""Clients page (brokers only): the whole book, one row per client, live, with totals,
filters, alerts and a way into one client's read-only screens.

The frame (header, states, columns, sort and the column chooser remembered, export, the row
menu's routing) is `ListPage`'s; the book comes from `state.book.BookStore`. `ListPage` asks
its model what a paged list model answers (loading, error, retry); `_BookRows` answers that
for the store, while the table's proxy sorts and filters the store's own model.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QEvent,
    QIdentityProxyModel,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from cesec_desktop.settings import user_group
from cesec_desktop.state import clock
from cesec_desktop.state.book import (
    ALERTS_ROLE,
    CLIENT_ID_ROLE,
    BookColumn,
    BookFilterProxy,
    BookStore,
    BookTotals,
)
from cesec_desktop.state.book_alerts import Alert, AlertRules
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.state.formatting import format_money
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.delegates import (
    CELL_MARGIN,
    TEXT_MARGIN,
    ListCellDelegate,
    PlainCellDelegate,
)
from cesec_desktop.views.pages.list_page import ListPage
from cesec_desktop.views.pages.titles import page_title
from cesec_desktop.views.style import restyle
from cesec_desktop.views.widgets.book_table import BookTable
from cesec_desktop.views.widgets.decimal_field import DecimalField

if TYPE_CHECKING:
    from cesec_desktop.state.session import Session

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 250
"""A name or a percentage is typed letter by letter: filter after a pause."""
RULES_GROUP = "book/alert_rules"
"""Under the broker's own settings group: two brokers on one computer keep their own rules."""
"""Where the alert rules live in the window's settings."""
DEFAULT_DOWN_PCT = Decimal(5)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ClientRef:
    """What the row menu and its routing need of a row: the client's id."""

    id: str


class _BookRows(QIdentityProxyModel):
    """The book as `ListPage` asks of a list model: loading, error, retry, columns.

    Signals:
        loadingChanged(bool): a load of the book started or ended.
    """

    loadingChanged = Signal(bool)

    def __init__(self, store: BookStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setSourceModel(store.model)
        self.loaded = False
        self.has_more = False
        self.query = None
        self._loading = False
        store.loaded.connect(self._settled)
        store.loadFailed.connect(self._settled)

    @property
    def columns(self) -> tuple[Any, ...]:
        return tuple(self.store.model.columns)

    @property
    def error(self) -> Exception | None:
        return self.store.error

    @property
    def loading(self) -> bool:
        return self._loading

    def follow(self) -> None:
        """The store may have started a load: say so."""
        self._set_loading(self.store.loading)

    def _settled(self, *_: object) -> None:
        # Said from inside the load's own task, which is not done yet: the load is over.
        self.loaded = self.loaded or self.store.error is None
        self._set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    def retranslate(self) -> None:
        self.store.model.retranslate()

    def retry(self) -> None:
        self.store.reload()
        self.follow()

    def clear(self) -> None:
        """The book is not one client's: another client in the picker changes nothing."""

    def row_of(self, client_id: str) -> int | None:
        row = self.store.model.row_of(client_id)
        return None if row < 0 else row

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The whole book is loaded at once."""


class _BookDelegate(ListCellDelegate):
    """The alerts column: the count as a badge (none when zero)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        self.paint_content(painter, option, index)

    def paint_content(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The badge alone (the book's table paints the row's background itself)."""
        if not index.data(ALERTS_ROLE):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        inset = CELL_MARGIN + TEXT_MARGIN
        rect = opt.rect.adjusted(inset, 0, -inset, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._paint_pill(painter, opt, rect, opt.text, "negative", selected)
        finally:
            painter.restore()


def _make_rows(
    session: Session, *, tasks: TaskTracker | None = None, parent: ClientsPage
) -> _BookRows:
    """`ListPage`'s model: the page's new store (one per session: a page per main window)."""
    store = parent.store_class(session, parent)
    return _BookRows(store, parent)


class ClientsPage(ListPage):
    """The broker's book of clients.

    Signals:
        clientOpened(str): a client was chosen in the scope to be looked at (Home shows it).
        alertCountChanged(int): how many alerts wait to be acknowledged.
        alertNoticed(str, str): a new alert's notice (title, body) for the desktop.
    """

    key = "clients"
    model_class = staticmethod(_make_rows)  # type: ignore[assignment]
    proxy_class = BookFilterProxy
    table_class = BookTable
    store_class: ClassVar[type[BookStore]] = BookStore
    default_sort = (int(BookColumn.NAME), Qt.SortOrder.AscendingOrder)
    menu_column = -1  # no "…" column: the row menu is the context menu
    fill_up_rows = 0  # the whole book is loaded at once

    clientOpened = Signal(str)
    alertCountChanged = Signal(int)
    alertNoticed = Signal(str, str)

    def setup(self) -> None:
        self.store: BookStore = self.model.store
        # The proxy sorts and filters the store's own model (keys from its column specs).
        self.proxy.setSourceModel(self.store.model)
        self.client_scope = ClientScope.of(self.session) if self.session is not None else None
        # Qt paints the plain cells itself (the whole book repaints ten times a second); only
        # the alerts column's badge is painted in Python.
        old = self.table.itemDelegate()
        self.table.setItemDelegate(PlainCellDelegate(self.table))
        old.deleteLater()
        self.table.setItemDelegateForColumn(int(BookColumn.ALERTS), _BookDelegate({}, self.table))
        self.alerts_dialog: Any = None
        self.rules_dialog: Any = None
        self._kept: tuple[str, int] | None = None
        self._pending_client = ""
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)

        self.alerts_button = QPushButton(self)
        self.alerts_button.setObjectName("clientsAlerts")
        self.alerts_button.clicked.connect(self.open_alerts)
        self.rules_button = QToolButton(self)
        self.rules_button.setObjectName("clientsAlertRules")
        self.rules_button.setAutoRaise(True)
        self.rules_button.clicked.connect(self.open_rules)
        for position, button in enumerate((self.alerts_button, self.rules_button), start=2):
            self.header_row.insertWidget(position, button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.loading_bar = QProgressBar(self.loading_state)
        self.loading_bar.setObjectName("clientsLoadingBar")
        self.loading_bar.setRange(0, 0)
        self.loading_bar.setTextVisible(False)
        self.loading_bar.setFixedSize(QSize(220, 4))
        layout = self.loading_state.layout()
        layout.insertWidget(layout.count() - 1, self.loading_bar, 0, Qt.AlignmentFlag.AlignHCenter)

        self._build_totals()
        self.proxy.filterChanged.connect(self.update_totals)
        self.store.model.totalsChanged.connect(self.update_totals)
        self.store.model.modelReset.connect(self._restore_place)
        self.store.loadFailed.connect(self.load_failed)
        self.store.loaded.connect(self.update_state)
        self.store.alerts.changed.connect(self._alerts_changed)
        self.store.alerts.alertRaised.connect(self._alert_raised)
        if self.session is not None and hasattr(self.session, "signedOut"):
            self.session.signedOut.connect(self.store.stop)
        self.load_rules()

    # --- building --------------------------------------------------------------------------

    def build_filters(self, row: QHBoxLayout) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("clientsSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(100)
        self.search_edit.textEdited.connect(lambda _text: self._filter_timer.start())
        # The clear button does not emit textEdited: filter at once when the box empties.
        self.search_edit.textChanged.connect(lambda text: text or self.apply_filters())
        self.toggles = QWidget(self)
        toggles = QHBoxLayout(self.toggles)
        toggles.setContentsMargins(0, 0, 0, 0)
        toggles.setSpacing(14)
        self.open_orders_toggle = QCheckBox(self.toggles)
        self.open_orders_toggle.setObjectName("clientsOpenOrders")
        self.withdrawals_toggle = QCheckBox(self.toggles)
        self.withdrawals_toggle.setObjectName("clientsWithdrawals")
        self.down_toggle = QCheckBox(self.toggles)
        self.down_toggle.setObjectName("clientsDown")
        self.down_edit = QLineEdit(self.toggles)
        self.down_edit.setObjectName("clientsDownPct")
        self.down_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.down_edit.setMaximumWidth(64)
        self.down_field = DecimalField(self.down_edit, places=0, max_places=2)
        self.down_field.set_value(DEFAULT_DOWN_PCT)
        self.down_field.edited.connect(self._down_edited)
        self.down_unit = QLabel("%", self.toggles)
        for box in (self.open_orders_toggle, self.withdrawals_toggle):
            box.toggled.connect(lambda _on: self.apply_filters())
            toggles.addWidget(box)
        self.down_toggle.toggled.connect(self._down_toggled)
        down = QHBoxLayout()
        down.setSpacing(4)
        down.addWidget(self.down_toggle)
        down.addWidget(self.down_edit)
        down.addWidget(self.down_unit)
        toggles.addLayout(down)
        self.filter_error = QLabel(self)
        self.filter_error.setObjectName("clientsFilterError")
        self.filter_error.setProperty("role", "error")
        self.filter_error.hide()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.toggles)

    def _build_totals(self) -> None:
        self.totals_box = QWidget(self)
        self.totals_box.setObjectName("clientsTotals")
        grid = QGridLayout(self.totals_box)
        grid.setContentsMargins(0, 2, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        self.totals_labels: dict[str, list[QLabel]] = {}
        self.totals_titles: list[QLabel] = []
        self.totals_names: list[QLabel] = []
        fields = ("clients", "value", "day", "cash_kzt", "cash_usd")
        for column in range(1, len(fields) + 1):
            title = QLabel(self.totals_box)
            title.setProperty("role", "muted")
            title.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(title, 0, column)
            self.totals_titles.append(title)
        for row, which in enumerate(("book", "shown"), start=1):
            name = QLabel(self.totals_box)
            name.setProperty("role", "muted")
            grid.addWidget(name, row, 0)
            self.totals_names.append(name)
            labels = []
            for column, field in enumerate(fields, start=1):
                label = QLabel(self.totals_box)
                label.setObjectName(f"clientsTotal_{which}_{field}")
                label.setProperty("role", "totals")
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, column)
                labels.append(label)
            self.totals_labels[which] = labels
        grid.setColumnStretch(0, 1)
        outer = self.layout()
        # Between the table and the footer; the filter's error just under the filters.
        outer.insertWidget(outer.count() - 1, self.totals_box)
        outer.insertWidget(outer.indexOf(self.busy_bar), self.filter_error)

    def _place_toolbar(self, wide: bool) -> None:
        """No period (the book is today's): the search, then the toggles beside it, or below
        it when the page is narrow."""
        self.period_bar.hide()
        self.toolbar.removeWidget(self.period_bar)
        if wide == self._wide:
            return
        self._wide = wide
        row = self.filter_row
        row.removeWidget(self.toggles)
        self.toolbar.removeWidget(self.toggles)
        self.toolbar.removeWidget(self.filter_box)
        self.toolbar.addWidget(self.filter_box, 0, 0)
        if wide:
            row.addWidget(self.toggles)
        else:
            self.toolbar.addWidget(self.toggles, 1, 0, Qt.AlignmentFlag.AlignLeft)
        self.toolbar.setColumnStretch(1, 0)

    def _relayout(self) -> None:
        needed = 260 + self.toggles.sizeHint().width()
        margins = self.layout().contentsMargins()
        self._place_toolbar(self.width() - margins.left() - margins.right() >= needed)

    # --- ListPage hooks --------------------------------------------------------------------

    @property
    def waiting_for_client(self) -> bool:
        return False  # the book is every client's

    def is_loaded(self) -> bool:
        return bool(self.model.loaded)

    def loaded_rows(self) -> int:
        # The book's model filters its own rows: the book is every client of it.
        return self.store.model.totals().clients

    def filtered(self) -> bool:
        return bool(
            self.search_edit.text().strip()
            or self.open_orders_toggle.isChecked()
            or self.withdrawals_toggle.isChecked()
            or self.down_toggle.isChecked()
        )

    def clear_filters(self) -> None:
        for box in (self.open_orders_toggle, self.withdrawals_toggle, self.down_toggle):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.search_edit.clear()  # its clear button hides with the text
        self.apply_filters()

    def start(self) -> None:
        """Load the book and follow it live (each time the page shows)."""
        if self.session is None:
            return
        self._started = True
        self.store.start()
        self.model.follow()
        self.update_state()

    def stop(self) -> None:
        """The page is hidden: the store keeps the book and its alerts, not the repaints."""
        self.store.pause()
        self.model.follow()

    def reload(self) -> None:
        if self.session is None:
            return
        self._started = True
        self.store.reload()
        self.model.follow()
        self.update_state()

    def _client_changed(self, client_id: str) -> None:
        """Another client in the picker: the book stays as it is."""

    def item_at(self, index: QModelIndex) -> ClientRef | None:
        client_id = index.data(CLIENT_ID_ROLE) if index.isValid() else None
        return ClientRef(client_id) if client_id else None

    def menu_index(self, item_id: str) -> QModelIndex:
        model = self.store.model
        row = model.row_of(item_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(model.index(row, 0))

    def open_details(self, item_id: str) -> None:
        self.open_client(item_id)

    def export_name(self) -> str:
        return f"{page_title(self.key)} {clock.almaty_today().isoformat()}"

    def loading_texts(self) -> tuple[str, str]:
        return self.tr("Loading the book…"), self.tr(
            "Every client's summary and positions are read once, then kept live."
        )

    def empty_texts(self, filtered: bool) -> tuple[str, str]:
        if filtered:
            return self.tr("No clients match the filters"), self.tr(
                "Change the search or the toggles above, or reset the filters."
            )
        return self.tr("No clients in the book"), self.tr(
            "Clients assigned to you by the back office show here."
        )

    def error_heading(self) -> str:
        return self.tr("The book could not be loaded")

    def count_text(self, shown: int, loaded: int) -> str:
        if shown == loaded:
            return self.tr("Clients: %1").replace("%1", QLocale().toString(shown))
        return super().count_text(shown, loaded)

    def update_state(self, *args: object) -> None:
        super().update_state(*args)
        if hasattr(self, "totals_box"):
            self.totals_box.setVisible(self.loaded_rows() > 0)

    # --- opening a client ------------------------------------------------------------------

    def open_client(self, client_id: str) -> None:
        """Watch this client in the scope (the top bar's picker follows) and show Home."""
        scope = self.client_scope
        if scope is None or not client_id:
            return
        self._remember_place(client_id)
        if all(c.id != client_id for c in scope.clients):
            # The picker's list is not in yet: open the client once it is.
            if not self._pending_client:
                scope.clientsLoaded.connect(self._clients_loaded)
            self._pending_client = client_id
            scope.ensure_loaded()
            return
        scope.select(client_id)
        self.clientOpened.emit(client_id)

    def _clients_loaded(self) -> None:
        client_id, self._pending_client = self._pending_client, ""
        if client_id and self.client_scope is not None:
            self.client_scope.clientsLoaded.disconnect(self._clients_loaded)
            if any(c.id == client_id for c in self.client_scope.clients):
                self.open_client(client_id)
            else:
                self.show_notice(self.tr("This client is no longer in your list."), "negative")

    def selected_client(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(CLIENT_ID_ROLE) or "") if index.isValid() else ""

    def select_client(self, client_id: str) -> bool:
        index = self.menu_index(client_id)
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _remember_place(self, client_id: str = "") -> None:
        chosen = client_id or self.selected_client()
        if chosen:
            self._kept = (chosen, self.table.verticalScrollBar().value())

    def _restore_place(self) -> None:
        """After a reload (each show reads the book again), the same row and scroll."""
        kept = self._kept
        if kept is None or self.selected_client() == kept[0]:
            return
        if self.select_client(kept[0]):
            self.table.verticalScrollBar().setValue(kept[1])

    # --- filters ---------------------------------------------------------------------------

    def _down_edited(self, _value: object) -> None:
        if not self.down_toggle.isChecked() and self.down_field.value() is not None:
            self.down_toggle.setChecked(True)  # typing a percentage means filtering by it
        self._filter_timer.start()
        self._show_filter_error()

    def _down_toggled(self, on: bool) -> None:
        if on and not self.down_edit.text().strip():
            self.down_field.set_value(DEFAULT_DOWN_PCT)
        self.apply_filters()

    def down_error(self) -> str:
        """What is wrong with the percentage typed ("" when it reads)."""
        if self.down_field.error:
            return self.down_field.error_text()
        value = self.down_field.value()
        if self.down_toggle.isChecked() and value is None:
            return self.tr("Type a percentage, such as 5.")
        if value is not None and value > 100:
            return self.tr("At most 100 %.")
        return ""

    def _show_filter_error(self) -> None:
        text = self.down_error()
        self.filter_error.setText(text)
        self.filter_error.setVisible(bool(text))

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        proxy = self.proxy
        proxy.set_text(self.search_edit.text())
        proxy.set_open_orders_only(self.open_orders_toggle.isChecked())
        proxy.set_withdrawals_only(self.withdrawals_toggle.isChecked())
        pct = self.down_field.value() if self.down_toggle.isChecked() else None
        # A percentage the field refuses filters nothing: the field says why.
        proxy.set_down_more_than(pct if not self.down_error() else None)
        self._show_filter_error()
        self.filters_changed()

    # --- totals ----------------------------------------------------------------------------

    def update_totals(self) -> None:
        model = self.store.model
        self._show_totals("book", model.totals())
        filtered = self.filtered()
        shown = model.totals(self.proxy.source_rows()) if filtered else None
        for label in (*self.totals_labels["shown"], self.totals_names[1]):
            label.setVisible(shown is not None)
        if shown is not None:
            self._show_totals("shown", shown)
        self._fit_totals()

    def _fit_totals(self) -> None:
        """The cash totals give way first when the page is too narrow for every figure."""
        grid = self.totals_box.layout()
        labels = [self.totals_titles, *self.totals_labels.values()]
        widths = [max(group[n].sizeHint().width() for group in labels) for n in range(5)]
        name = max(label.sizeHint().width() for label in self.totals_names)
        spacing = grid.horizontalSpacing() if isinstance(grid, QGridLayout) else 24
        room = self._room() if not self.isVisible() else self.totals_box.width()
        needed = name + sum(widths) + 5 * spacing
        for column in (4, 3):
            if needed > room:
                needed -= widths[column] + spacing
                shown = False
            else:
                shown = True
            for group in labels:
                if group is self.totals_labels["shown"] and not self.filtered():
                    continue
                group[column].setVisible(shown)

    def _show_totals(self, which: str, totals: BookTotals) -> None:
        clients, value, day, cash_kzt, cash_usd = self.totals_labels[which]
        clients.setText(QLocale().toString(totals.clients))
        value.setText(format_money(totals.value_kzt, "KZT"))
        sign = "+" if totals.day_change_kzt > 0 else ""
        day.setText(sign + format_money(totals.day_change_kzt, "KZT"))
        tone = (
            "positive"
            if totals.day_change_kzt > 0
            else "negative"
            if totals.day_change_kzt < 0
            else ""
        )
        restyle(day, tone=tone)
        cash_kzt.setText(format_money(totals.cash_kzt, "KZT"))
        cash_usd.setText(format_money(totals.cash_usd, "USD"))

    # --- alerts ----------------------------------------------------------------------------

    @property
    def alert_count(self) -> int:
        return len(self.store.alerts.active())

    def _alerts_changed(self) -> None:
        count = self.alert_count
        self._retranslate_alerts()
        self.alertCountChanged.emit(count)

    def _alert_raised(self, alert: Alert) -> None:
        from cesec_desktop.views.alerts_dialog import alert_line

        title = self.tr("Alert: %1").replace("%1", alert.client_name)
        self.alertNoticed.emit(title, alert_line(alert))

    def open_alerts(self) -> None:
        from cesec_desktop.views.alerts_dialog import AlertsDialog

        dialog = self.alerts_dialog
        if dialog is None or not isValid(dialog):
            dialog = AlertsDialog(self.store.alerts, self)
            dialog.clientRequested.connect(self._alert_client_requested)
            self.alerts_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _alert_client_requested(self, client_id: str) -> None:
        if self.alerts_dialog is not None and isValid(self.alerts_dialog):
            self.alerts_dialog.hide()
        self.select_client(client_id)
        self.open_client(client_id)

    def open_rules(self) -> None:
        self.tasks.spawn(self.edit_rules(), name="alert-rules")

    async def edit_rules(self) -> bool:
        """The rules dialog; saved rules apply at once and are remembered."""
        from cesec_desktop.views.alert_rules_dialog import AlertRulesDialog
        from cesec_desktop.views.dialogs import run_dialog

        dialog = AlertRulesDialog(self.store.alerts.rules, self)
        self.rules_dialog = dialog
        try:
            accepted = await run_dialog(dialog) == AlertRulesDialog.DialogCode.Accepted
            rules = dialog.rules
        finally:
            self.rules_dialog = None
            if isValid(dialog):
                dialog.deleteLater()
        if accepted:
            self.set_rules(rules)
        return bool(accepted)

    def set_rules(self, rules: AlertRules) -> None:
        self.store.alerts.rules = rules
        store = self._store()
        if store is not None:
            for key, value in rules.to_settings().items():
                store.setValue(f"{self._rules_group()}/{key}", value)

    def _rules_group(self) -> str:
        login = getattr(self.session, "login_name", "") or ""
        return f"{user_group(login)}/{RULES_GROUP}" if login else RULES_GROUP

    def load_rules(self) -> None:
        store = self._store()
        if store is None:
            return
        store.beginGroup(self._rules_group())
        try:
            values = {key: store.value(key) for key in store.childKeys()}
        finally:
            store.endGroup()
        if values:
            self.store.alerts.rules = AlertRules.from_settings(values)

    # --- words -----------------------------------------------------------------------------

    def retranslate_page(self) -> None:
        self.refresh_button.setToolTip(self.tr("Load the book again"))
        self.details_action.setText(self.tr("Open client"))
        self.search_edit.setPlaceholderText(self.tr("Name or IIN"))
        self.search_edit.setAccessibleName(self.tr("Search clients by name or IIN"))
        self.search_edit.setMinimumWidth(
            self.search_edit.fontMetrics().horizontalAdvance(self.tr("Name or IIN")) + 48
        )
        self.open_orders_toggle.setText(self.tr("Has open orders"))
        self.withdrawals_toggle.setText(self.tr("Has withdrawals in progress"))
        self.down_toggle.setText(self.tr("Down more than"))
        self.down_edit.setAccessibleName(self.tr("Day's loss, %"))
        self.down_edit.setToolTip(self.tr("Clients whose day's change is below minus this %"))
        self.rules_button.setText(self.tr("Alert rules…"))
        self.rules_button.setToolTip(self.tr("When an alert is raised"))
        for label, text in zip(
            self.totals_titles,
            (
                self.tr("Clients"),
                self.tr("Value"),
                self.tr("Day's change"),
                self.tr("Cash KZT"),
                self.tr("Cash USD"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.totals_names[0].setText(self.tr("Whole book"))
        self.totals_names[1].setText(self.tr("Shown by the filters"))
        self._retranslate_alerts()
        self._show_filter_error()
        self.update_totals()

    def _retranslate_alerts(self) -> None:
        count = self.alert_count
        self.alerts_button.setText(
            self.tr("Alerts: %1").replace("%1", QLocale().toString(count))
            if count
            else self.tr("Alerts")
        )
        restyle(self.alerts_button, role="primary" if count else "")
        self.alerts_button.setToolTip(self.tr("Active alerts and the acknowledged ones"))

    # --- Qt events -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "totals_box"):
            self._fit_totals()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._restore_place()

    def hideEvent(self, event: QHideEvent) -> None:
        self._remember_place()
        if self.session is not None:
            self.stop()
        super().hideEvent(event)


class MenuBadge(QLabel):
    """The count of active alerts on the Clients button of the left menu."""

    def __init__(self, button: QWidget, page: ClientsPage) -> None:
        super().__init__(button)
        self.setObjectName("clientsBadge")
        self.setProperty("role", "pill")
        self.setProperty("tone", "negative")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = button
        button.installEventFilter(self)
        page.alertCountChanged.connect(self.set_count)
        self.set_count(page.alert_count)

    def set_count(self, count: int) -> None:
        self.setText(QLocale().toString(count))
        self.setVisible(count > 0)
        self.adjustSize()
        self._place()

    def _place(self) -> None:
        rect = self.button.rect()
        self.move(rect.right() - self.width() - 8, rect.center().y() - self.height() // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return super().eventFilter(watched, event)
