"""The watchlist editor: find instruments across markets, tick them onto a market's list,
and put each list in the order Home shows it (drag, or Move up / Move down).

Every change goes to the `WatchlistStore`, which shows it on Home at once and saves it
(PUT /watchlists/{market}). Brokers see a client's lists read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cesec_desktop.state.instrument_search import InstrumentSearch, SearchState
from cesec_desktop.state.watchlists import MARKETS, WatchlistStore
from cesec_desktop.views.forms.ui_watchlist_editor import Ui_WatchlistEditorForm
from cesec_desktop.views.resources import icon
from cesec_desktop.views.widgets.quick_search import ResultDelegate

Index = QModelIndex | QPersistentModelIndex

IdRole = Qt.ItemDataRole.UserRole + 1

# The list's keys: reorder and remove without the mouse (and without leaving the list).
# Made when used: a QKeySequence needs the application (a standard key, its platform).
MOVE_UP_KEY = "Ctrl+Up"
MOVE_DOWN_KEY = "Ctrl+Down"
REMOVE_KEY = QKeySequence.StandardKey.Delete


class RowDelegate(QStyledItemDelegate):
    """Rows as tall as the search results beside them."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 12))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        opt.rect = opt.rect.adjusted(4, 0, 0, 0)
        super().paint(painter, opt, index)


class WatchlistListModel(QAbstractListModel):
    """One market's list, in order; rows move by drag and drop (`moveRows`)."""

    def __init__(
        self, store: WatchlistStore, market: str, quotes: Any = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.market = market
        self.quotes = quotes
        self.names: dict[str, tuple[str, str]] = {}
        """Tickers and names learnt from search results (the quote store knows the rest)."""
        self._ids = store.ids(market)
        store.changed.connect(self._store_changed)
        if quotes is not None:
            quotes.instrumentsChanged.connect(self._names_changed)

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def _store_changed(self, market: str) -> None:
        if market != self.market:
            return
        ids = self.store.ids(market)
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()

    def _names_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def label(self, instrument_id: str) -> str:
        ticker, name = self.names.get(instrument_id, ("", ""))
        if not name and self.quotes is not None:
            info = self.quotes.info(instrument_id)
            ticker, name = info.ticker, info.name
        ticker = ticker or instrument_id.partition(":")[2] or instrument_id
        return f"{ticker} \N{EM DASH} {name}" if name else ticker

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        editable = self.store.editable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        instrument_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(instrument_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return instrument_id
        if role == IdRole:
            return instrument_id
        return None

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """What a drop in the list view does (and Move up / Move down)."""
        rows = len(self._ids)
        if (
            source_parent.isValid()
            or destination_parent.isValid()
            or count < 1
            or not 0 <= source_row <= rows - count
            or not 0 <= destination_child <= rows
            or source_row <= destination_child <= source_row + count
            or not self.store.editable
        ):
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination_child
        ):
            return False
        moved = self._ids[source_row : source_row + count]
        rest = self._ids[:source_row] + self._ids[source_row + count :]
        at = destination_child if destination_child < source_row else destination_child - count
        self._ids = rest[:at] + moved + rest[at:]
        self.endMoveRows()
        self.store.set_ids(self.market, self._ids)
        return True


class WatchlistEditor(QDialog):
    """Find and tick instruments; reorder each market's list. Changes save as they happen."""

    def __init__(
        self,
        session: Any,
        watchlists: WatchlistStore,
        quotes: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.watchlists = watchlists
        self.ui = Ui_WatchlistEditorForm()
        self.ui.setupUi(self)
        self.setObjectName("watchlistEditor")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        ui = self.ui
        self.search = InstrumentSearch(session, self, watchlists=watchlists)
        self.results = self.search.model
        ui.searchEdit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        ui.resultsView.setModel(self.results)
        ui.resultsView.setItemDelegate(ResultDelegate(ui.resultsView))
        ui.resultsView.setUniformItemSizes(True)
        ui.searchEdit.textEdited.connect(self.search.set_query)
        ui.searchEdit.returnPressed.connect(self.search.search_now)
        self.search.stateChanged.connect(self._show_status)
        self.results.modelReset.connect(self._learn_names)

        self.lists: dict[str, QListView] = {
            "KASE": ui.kaseList,
            "AIX": ui.aixList,
            "INTL": ui.intlList,
        }
        self.list_models: dict[str, WatchlistListModel] = {}
        for market in MARKETS:
            view = self.lists[market.value]
            model = WatchlistListModel(watchlists, market.value, quotes, self)
            self.list_models[market.value] = model
            view.setModel(model)
            view.setObjectName(f"watchlist_{market.value}")
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setDragEnabled(True)
            view.setDropIndicatorShown(True)
            view.setAlternatingRowColors(True)
            view.setItemDelegate(RowDelegate(view))
            view.setUniformItemSizes(True)
            view.selectionModel().currentChanged.connect(self._sync_buttons)
            model.modelReset.connect(self._sync_lists)
            model.rowsMoved.connect(self._sync_buttons)
        ui.marketTabs.currentChanged.connect(self._sync_lists)
        ui.moveUpButton.clicked.connect(lambda: self.move_current(-1))
        ui.moveDownButton.clicked.connect(lambda: self.move_current(1))
        ui.removeButton.clicked.connect(self.remove_current)
        self.list_actions = self._build_list_actions()
        # Down from the search field goes into the results, as in every type-ahead.
        ui.searchEdit.installEventFilter(self)
        ui.buttonBox.rejected.connect(self.reject)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        watchlists.failed.connect(self._store_failed)
        watchlists.loaded.connect(self._loaded)
        self._notice = ""

        editable = watchlists.editable
        for widget in (ui.findLabel, ui.searchEdit, ui.statusLabel, ui.resultsView):
            widget.setVisible(editable)
        for button in (ui.moveUpButton, ui.moveDownButton, ui.removeButton):
            button.setVisible(editable)
        if not editable:
            for view in self.lists.values():
                view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self._retranslate()
        self._sync_lists()
        self.resize(self.sizeHint().expandedTo(QSize(780, 540)))
        if not watchlists.is_loaded and session is not None:
            watchlists.tasks.spawn(watchlists.load(), name="editor-watchlists")
        ui.searchEdit.setFocus()

    # --- the lists -------------------------------------------------------------------------

    @property
    def current_market(self) -> str:
        return MARKETS[self.ui.marketTabs.currentIndex()].value

    def current_view(self) -> QListView:
        return self.lists[self.current_market]

    def show_market(self, market: str) -> None:
        self.ui.marketTabs.setCurrentIndex([m.value for m in MARKETS].index(market))

    def move_current(self, step: int) -> None:
        """Move up (-1) or down (+1): the keyboard's way to reorder."""
        view = self.current_view()
        model = self.list_models[self.current_market]
        row = view.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < model.rowCount():
            return
        destination = target + 1 if step > 0 else target
        if model.moveRows(QModelIndex(), row, 1, QModelIndex(), destination):
            view.setCurrentIndex(model.index(target))
        self._sync_buttons()

    def _build_list_actions(self) -> dict[str, QAction]:
        """Ctrl+Up / Ctrl+Down / Delete on the lists: the buttons' keys (named in their
        tooltips). On the tabs (lists and tab bar) only, so Delete in the search field
        still deletes text."""
        actions: dict[str, QAction] = {}
        for name, key, slot in (
            ("moveUpAction", MOVE_UP_KEY, lambda: self.move_current(-1)),
            ("moveDownAction", MOVE_DOWN_KEY, lambda: self.move_current(1)),
            ("removeAction", REMOVE_KEY, self.remove_current),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(self.watchlists.editable)
            action.triggered.connect(slot)
            self.ui.marketTabs.addAction(action)
            actions[name] = action
        return actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        ui = self.ui
        if (
            watched is ui.searchEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.results.rowCount()
        ):
            view = ui.resultsView
            if not view.currentIndex().isValid():
                view.setCurrentIndex(self.results.index(0))
            view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def remove_current(self) -> None:
        view = self.current_view()
        index = view.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        self.watchlists.remove(str(index.data(IdRole)))
        model = self.list_models[self.current_market]
        if model.rowCount():
            view.setCurrentIndex(model.index(min(row, model.rowCount() - 1)))
        self._sync_buttons()

    def _learn_names(self) -> None:
        for instrument in self.results.instruments:
            model = self.list_models.get(instrument.market.value)
            if model is not None:
                model.names[instrument.id] = (instrument.ticker, instrument.name)

    def _loaded(self) -> None:
        self._notice = ""
        self._show_notice()

    def _store_failed(self, error: Exception) -> None:
        from cesec_desktop.views.messages import describe

        self._notice = describe(error)
        self._show_notice()

    def _sync_lists(self, *_: object) -> None:
        ui = self.ui
        titles = self._market_titles()
        for i, market in enumerate(MARKETS):
            count = self.list_models[market.value].rowCount()
            title = titles[market.value]
            ui.marketTabs.setTabText(i, f"{title} ({count})" if count else title)
            self.lists[market.value].setAccessibleName(title)
        model = self.list_models[self.current_market]
        if not self.watchlists.editable:
            hint = self.tr("The list is empty.") if not model.rowCount() else ""
        elif model.rowCount():
            hint = self.tr("Drag rows, or use Move up and Move down, to set the order on Home.")
        else:
            hint = self.tr(
                "This list is empty. Find instruments on the left and tick them to add them."
            )
        ui.listHintLabel.setText(hint)
        ui.listHintLabel.setVisible(bool(hint))
        self._sync_buttons()

    def _sync_buttons(self, *_: object) -> None:
        ui = self.ui
        view = self.current_view()
        rows = view.model().rowCount()
        row = view.currentIndex().row() if view.currentIndex().isValid() else -1
        ui.moveUpButton.setEnabled(row > 0)
        ui.moveDownButton.setEnabled(0 <= row < rows - 1)
        ui.removeButton.setEnabled(row >= 0)

    # --- the search ------------------------------------------------------------------------

    def status_text(self) -> str:
        search = self.search
        state = search.state
        if state is SearchState.SEARCHING:
            return self.tr("Searching…")
        if state is SearchState.RESULTS:
            return self.tr(
                "%n instrument(s) found. Tick one to add it to its market's list.",
                "",
                self.results.rowCount(),
            )
        if state is SearchState.NO_MATCH:
            return self.tr(
                "Nothing matches \u201c%1\u201d. Check the spelling, or try part of a ticker "
                "or a company name."
            ).replace("%1", search.query)
        if state is SearchState.ERROR and search.error is not None:
            from cesec_desktop.views.messages import describe

            return self.tr("The search failed: %1 Try again in a moment.").replace(
                "%1", describe(search.error)
            )
        return self.tr("Type part of a ticker or a name, e.g. HSBK or Halyk.")

    def _show_status(self, *_: object) -> None:
        ui = self.ui
        ui.statusLabel.setText(self.status_text())
        state = self.search.state
        ui.statusLabel.setProperty("state", "error" if state is SearchState.ERROR else "")
        ui.statusLabel.style().unpolish(ui.statusLabel)
        ui.statusLabel.style().polish(ui.statusLabel)

    # --- texts -----------------------------------------------------------------------------

    def _market_titles(self) -> dict[str, str]:
        return {"KASE": "KASE", "AIX": "AIX", "INTL": self.tr("International")}

    def _show_notice(self) -> None:
        ui = self.ui
        parts = []
        if not self.watchlists.editable:
            parts.append(self.tr("You are viewing the client's lists. Brokers cannot change them."))
        if self._notice:
            parts.append(self._notice)
        ui.readOnlyLabel.setText(" ".join(parts))
        ui.readOnlyLabel.setVisible(bool(parts))

    def _retranslate(self) -> None:
        ui = self.ui
        ui.retranslateUi(self)
        ui.hintLabel.setText(
            self.tr(
                "Tick instruments to watch their prices on Home; untick to remove them. "
                "Changes are saved at once."
            )
            if self.watchlists.editable
            else self.tr("The instruments on each market's list, in the order Home shows them.")
        )
        ui.searchEdit.setPlaceholderText(self.tr("Ticker or name, e.g. HSBK"))
        ui.resultsView.setToolTip("")
        native = QKeySequence.SequenceFormat.NativeText
        for button, text, key in (
            (ui.moveUpButton, self.tr("Move the selected instrument up (%1)"), MOVE_UP_KEY),
            (ui.moveDownButton, self.tr("Move the selected instrument down (%1)"), MOVE_DOWN_KEY),
            (ui.removeButton, self.tr("Remove the selected instrument (%1)"), REMOVE_KEY),
        ):
            button.setToolTip(text.replace("%1", QKeySequence(key).toString(native)))
        # Names for screen readers: the captions beside these are not their buddies.
        ui.searchEdit.setAccessibleName(ui.findLabel.text())
        ui.resultsView.setAccessibleName(self.tr("Search results"))
        ui.marketTabs.setAccessibleName(ui.listsLabel.text())
        self._show_status()
        self._show_notice()
        self._sync_lists()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
