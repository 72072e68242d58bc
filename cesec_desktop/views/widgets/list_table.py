"""The table a list page (Orders, Transactions, Instructions) shows its rows in, and the
row menu from the keyboard that every table with a "…" menu shares."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def list_table(
    parent: QWidget,
    name: str,
    model: QAbstractItemModel,
    *,
    selection: QAbstractItemView.SelectionMode,
    min_section: int,
    cls: type[QTableView] = QTableView,
) -> QTableView:
    """A read-only table of whole rows, scrolled by pixel, with fixed row heights (the view
    never measures tens of thousands of rows) and a custom context menu.

    The page connects the menu, clicks and sorting, and sizes the columns.
    """
    table = cls(parent)
    table.setObjectName(name)
    table.setProperty("role", "listTable")  # its look: resources/styles/*.qss
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setMouseTracking(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    add_keyboard_menu(table)
    # Tab leaves the table for the next control; the arrows move between rows.
    table.setTabKeyNavigation(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionsMovable(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setMinimumSectionSize(min_section)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def is_menu_key(event: QKeyEvent) -> bool:
    """The Menu key, or Shift+F10: the keys that open a context menu."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Menu:
        return modifiers == Qt.KeyboardModifier.NoModifier
    return event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier


def current_cell_point(view: QAbstractItemView) -> QPoint | None:
    """The current cell's centre in the viewport's coordinates (scrolled into view first),
    or None without a current row."""
    index = view.currentIndex()
    if not index.isValid():
        selection = view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows:
            return None
        index = rows[0]
    view.scrollTo(index)
    return view.visualRect(index).center()


class _KeyboardMenu(QObject):
    """Opens a view's custom context menu at its current cell from the keyboard.

    Qt sends a keyboard context menu event only where the platform makes one (Windows), and
    then at the view's input-method cursor rather than the row; X11, Wayland and offscreen
    send the Menu key as a plain key. Either way the view emits `customContextMenuRequested`
    here with the current cell's centre in viewport coordinates, as a right-click on that
    cell does, so the page's handler finds the row and opens the menu on it.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.parent()
        if watched is not view or not isinstance(view, QAbstractItemView):
            return False
        keyboard = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and is_menu_key(event)
        ) or (
            event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        )
        if not keyboard:
            return False
        point = current_cell_point(view)
        if point is not None:
            view.customContextMenuRequested.emit(point)
        event.accept()
        return True


def add_keyboard_menu(view: QAbstractItemView) -> None:
    """The Menu key and Shift+F10 open `view`'s row menu at its current row."""
    if view.findChild(_KeyboardMenu, "keyboardMenu") is None:
        spy = _KeyboardMenu(view)
        spy.setObjectName("keyboardMenu")
        view.installEventFilter(spy)
