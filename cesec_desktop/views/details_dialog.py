"""The frame every details dialog shares (orders, transactions, instructions, the broker desk).

Picard's `PicardDialog` is the model: the base owns what makes the dialogs one family
(window-modal, margins, the heading's role, the label/value grid, the history table's look,
the Close button, Esc, the geometry remembered between runs) and a subclass says only what
is particular to it: its fields, its extra buttons, its history.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.settings import Settings
from cesec_desktop.views.dialogs import return_focus
from cesec_desktop.views.style import restyle

MARGINS = (24, 20, 24, 20)
SPACING = 12
GRID_MARGINS = (16, 14, 16, 14)
GRID_SPACING = (14, 8)  # horizontal, vertical
GRID_GAP = 24  # between the columns of a two-column grid
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

FieldValue = QLabel | QPushButton
"""A value is a label, or a link-looking button where the value opens something."""


def _caption_look(caption: QLabel) -> None:
    caption.setProperty("role", "muted")
    caption.setProperty("field", "caption")
    caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def _value_look(value: FieldValue) -> None:
    value.setProperty("field", "value")
    if isinstance(value, QLabel):
        value.setWordWrap(True)
        value.setTextInteractionFlags(_SELECTABLE)
        value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    else:
        value.setProperty("role", "link")
        value.setFlat(True)
        value.setAutoDefault(False)
        value.setCursor(Qt.CursorShape.PointingHandCursor)
        value.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


class FieldGrid:
    """Caption/value pairs on a panel, in one or more columns: every details dialog's fields.

    It builds its own panel, or adopts one a Designer form laid out (the order's), and gives
    both the same margins, spacing and look.
    """

    def __init__(self, parent: QWidget | None = None, *, panel: QFrame | None = None) -> None:
        self.panel = panel if panel is not None else QFrame(parent)
        if panel is None:
            self.panel.setObjectName("detailsFields")
        self.panel.setProperty("role", "panel")
        layout = self.panel.layout()
        self.grid = layout if isinstance(layout, QGridLayout) else QGridLayout(self.panel)
        self.grid.setContentsMargins(*GRID_MARGINS)
        self.grid.setHorizontalSpacing(GRID_SPACING[0])
        self.grid.setVerticalSpacing(GRID_SPACING[1])
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, FieldValue] = {}
        self._rows: dict[int, int] = {}  # column -> rows used

    def add(
        self,
        key: str,
        value: FieldValue | None = None,
        *,
        column: int = 0,
        wide: bool = False,
        name: str = "",
    ) -> FieldValue:
        """A new caption and value at the foot of `column` (0, 1…); returns the value.

        A `wide` field goes under all the columns, its value across them (a long reason).
        """
        caption = QLabel(self.panel)
        shown = value if value is not None else QLabel(self.panel)
        shown.setParent(self.panel)
        if name:
            shown.setObjectName(name)
        alignment = _LEFT if isinstance(shown, QPushButton) else Qt.AlignmentFlag(0)
        if wide:
            row = max(self._rows.values(), default=0)
            self._rows = dict.fromkeys(self._rows or [0], row + 1)
            self.grid.addWidget(caption, row, 0)
            self.grid.addWidget(shown, row, 1, 1, -1, alignment)
        else:
            row = self._rows.get(column, 0)
            self._rows[column] = row + 1
            # Columns 0-1 hold the first pair, 2 is the gap, 3-4 the second pair…
            first = column * 3
            if column:
                self.grid.setColumnMinimumWidth(first - 1, GRID_GAP)
            self.grid.addWidget(caption, row, first)
            self.grid.addWidget(shown, row, first + 1, alignment)
        self.adopt(key, caption, shown)
        return shown

    def adopt(self, key: str, caption: QLabel, value: FieldValue) -> None:
        """Take a caption and value laid out elsewhere (a .ui form) into the grid's look."""
        _caption_look(caption)
        _value_look(value)
        index = self.grid.indexOf(value)
        if index >= 0:
            # Values take the width to spare; captions keep theirs, beside their values.
            _row, column, _rows, _columns = self.grid.getItemPosition(index)
            self.grid.setColumnStretch(column, 1)
        self.captions[key] = caption
        self.values[key] = value

    def set_caption(self, key: str, text: str) -> None:
        self.captions[key].setText(text)

    def set_value(self, key: str, text: str) -> None:
        self.values[key].setText(text)

    def value_text(self, key: str) -> str:
        return self.values[key].text()

    def set_tone(self, key: str, tone: str) -> None:
        """Colour a value by a tone ("positive", "negative", "info", "warning", "muted")."""
        restyle(self.values[key], tone=tone)

    def show_field(self, key: str, shown: bool) -> None:
        self.captions[key].setVisible(shown)
        self.values[key].setVisible(shown)


def style_history(view: QTableView) -> None:
    """The look of a details dialog's event history: a few rows, read-only, wrapped."""
    view.setProperty("role", "detailsHistory")
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(True)  # a few events at most: long messages wrap, rows fit them
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setMinimumHeight(140)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(_LEFT)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Wrapped rows are as tall as their text at the column's width: measure again when the
    # width is known (at first show) or changes, not only when the rows are filled.
    header.sectionResized.connect(lambda *_: view.resizeRowsToContents())
    # The header may have been polished before the view had its role (a model set first):
    # polish it again so that the role's header rules reach it.
    for part in (view, header):
        part.style().unpolish(part)
        part.style().polish(part)


class DetailsDialog(QDialog):
    """A window-modal, read-only view of one record: heading, fields, history, Close.

    Opened with `open()`, never `exec()` (qasync). Esc and Close reject it; it deletes itself
    once closed. Its size and place are remembered per `geometry_key` in the Settings it is
    given, or those of its top-level window (the main window's); with neither (a bare test)
    nothing is written.

    A subclass fills `body`, may add buttons with `add_button`, implements `retranslate`
    (captions) and `render` (values), and ends its constructor with `go_live()`; from then on
    the frame calls them on a language or palette change.
    """

    geometry_key: ClassVar[str] = "details"
    default_size: ClassVar[QSize] = QSize(560, 480)

    def __init__(self, parent: QWidget | None = None, *, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setProperty("role", "detailsDialog")
        return_focus(self)  # Esc or Close: the keyboard goes on from the row that opened it
        self._settings = settings
        self._placed = False
        self._live = False  # no re-rendering before the subclass has built itself
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*MARGINS)
        layout.setSpacing(SPACING)

        header = QHBoxLayout()
        header.setSpacing(SPACING)
        self.heading = QLabel(self)
        self.heading.setObjectName("detailsTitle")
        self.heading.setProperty("role", "title")
        self.heading.setTextInteractionFlags(_SELECTABLE)
        header.addWidget(self.heading)
        self.badge = QLabel(self)
        self.badge.setObjectName("detailsBadge")
        self.badge.setProperty("role", "pill")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.hide()
        header.addWidget(self.badge)
        header.addStretch(1)
        layout.addLayout(header)

        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("detailsSubtitle")
        self.subtitle.setProperty("role", "subtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.hide()
        layout.addWidget(self.subtitle)

        self.body = QVBoxLayout()
        self.body.setSpacing(SPACING)
        layout.addLayout(self.body, 1)

        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(8)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("detailsBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(80, 3)
        self.busy_bar.hide()
        self.button_row.addWidget(self.busy_bar)
        self.button_row.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("detailsClose")
        self.close_button.setProperty("role", "primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)
        self.button_row.addWidget(self.close_button)
        layout.addLayout(self.button_row)

    # --- what a subclass fills in ----------------------------------------------------------

    def retranslate(self) -> None:
        """Write the captions and fixed texts in the UI language (then `render`)."""
        self.render()

    def render(self) -> None:
        """Write the values of the record shown."""

    def go_live(self) -> None:
        """Write every text now, and again whenever the language or the palette changes."""
        self._live = True
        self._retranslate_frame()
        self.retranslate()

    def field_grid(self) -> FieldGrid:
        """A new, empty field grid at the foot of the body."""
        grid = FieldGrid(self)
        self.body.addWidget(grid.panel)
        return grid

    def add_button(self, button: QPushButton) -> None:
        """An action beside Close (Copy, Cancel order…), never the default one."""
        button.setParent(self)
        button.setAutoDefault(False)
        self.button_row.insertWidget(self.button_row.indexOf(self.close_button), button)

    def set_heading(self, text: str) -> None:
        """The heading is the window's title too."""
        self.heading.setText(text)
        self.setWindowTitle(text)

    def set_badge(self, text: str, tone: str = "") -> None:
        """A tinted pill beside the heading (an order's status); empty text hides it."""
        self.badge.setText(text)
        self.badge.setVisible(bool(text))
        restyle(self.badge, tone=tone)

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)

    # --- the frame -------------------------------------------------------------------------

    def _retranslate_frame(self) -> None:
        self.close_button.setText(QCoreApplication.translate("DetailsDialog", "Close"))

    def _store(self) -> Settings | None:
        if self._settings is not None:
            return self._settings
        parent = self.parentWidget()
        found = getattr(parent.window(), "settings", None) if parent is not None else None
        return found if isinstance(found, Settings) else None

    def _settings_key(self) -> str:
        return f"dialogs/{self.geometry_key}"

    def showEvent(self, event: QShowEvent) -> None:
        if not self._placed:
            self._placed = True
            store = self._store()
            geometry = store.geometry(self._settings_key()) if store is not None else None
            if geometry is None or not self.restoreGeometry(geometry):
                size = self.sizeHint().expandedTo(self.default_size)
                screen = self.screen()
                if screen is not None:
                    size = size.boundedTo(screen.availableGeometry().size())
                self.resize(size)
        super().showEvent(event)  # centres on the parent unless a place was restored

    def hideEvent(self, event: QHideEvent) -> None:
        # A spontaneous hide is the window system's (minimising): the geometry is no news.
        if not event.spontaneous():
            store = self._store()
            if store is not None:
                store.set_geometry(self._settings_key(), self.saveGeometry())
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if not self._live:
            pass
        elif kind == QEvent.Type.LanguageChange:
            self._retranslate_frame()
            self.retranslate()
        elif kind == QEvent.Type.PaletteChange:
            self.render()  # history cells carry the theme's tone colours
        super().changeEvent(event)
