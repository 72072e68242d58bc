"""The table a list page (Orders, Transactions, Instructions) shows its rows in."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
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
