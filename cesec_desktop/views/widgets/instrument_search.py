"""The instrument field of the order form: search by ticker or name, with a market badge."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget

from cesec_desktop.domain.models.market import Instrument
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.views.resources import icon

log = logging.getLogger(__name__)

Search = Callable[[str], Awaitable[list[Instrument]]]

INSTRUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 200


def instrument_text(instrument: Instrument) -> str:
    """How a chosen instrument reads in the field: "HSBK — Halyk Bank"."""
    return f"{instrument.ticker} \N{EM DASH} {instrument.name}"


def result_text(instrument: Instrument) -> str:
    """One search result: ticker, name, market and currency."""
    return (
        f"{instrument.ticker}  ·  {instrument.name}  ·  "
        f"{instrument.market.value}, {instrument.currency.value}"
    )


class InstrumentSearch(QWidget):
    """A search field that offers instruments as the user types and shows the market chosen.

    Signals:
        instrumentChosen(Instrument): the user picked one (from the list, or Enter on the
            first result).
        searchFailed(object): a search call failed (the form says so).
    """

    instrumentChosen = Signal(object)
    searchFailed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instrumentSearch")
        self.tasks = TaskTracker("instrument-search", owner=self)
        self._search: Search | None = None
        self._instrument: Instrument | None = None
        self._results: list[Instrument] = []
        self._query = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("instrumentEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.edit.setMaxLength(64)
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit, 1)
        self.badge = QLabel(self)
        self.badge.setObjectName("marketBadge")
        self.badge.setProperty("role", "chip")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.hide()
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setFocusProxy(self.edit)

        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.completer.popup().setObjectName("instrumentPopup")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_now)
        self.edit.textEdited.connect(self._edited)
        self.edit.returnPressed.connect(self._return_pressed)
        self.retranslate()

    # --- API --------------------------------------------------------------------------------

    @property
    def instrument(self) -> Instrument | None:
        return self._instrument

    @property
    def results(self) -> list[Instrument]:
        return list(self._results)

    def set_searcher(self, search: Search) -> None:
        self._search = search

    def set_instrument(self, instrument: Instrument | None) -> None:
        """Show `instrument` as chosen (no signal: the caller knows)."""
        self._instrument = instrument
        self._timer.stop()
        self.completer.popup().hide()
        if instrument is None:
            self.edit.clear()
            self.badge.hide()
            return
        self.edit.setText(instrument_text(instrument))
        self.edit.setCursorPosition(0)
        self.edit.setToolTip(instrument_text(instrument))
        self.badge.setText(instrument.market.value)
        self.badge.setProperty("market", instrument.market.value)
        self.badge.show()

    def choose(self, instrument: Instrument) -> None:
        """Pick `instrument` as the user would."""
        self.set_instrument(instrument)
        self.instrumentChosen.emit(instrument)

    async def search(self, text: str) -> list[Instrument]:
        """Run a search now and show its results (tests and Enter use it)."""
        text = text.strip()
        if self._search is None or not text:
            self._show([])
            return []
        self._query = text
        try:
            found = await self._search(text)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.info("instrument search failed: %s", error)
            self.searchFailed.emit(error)
            return []
        if text == self._query:
            self._show(found)
        return found

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Ticker or name, e.g. HSBK"))
        # A reader does not say a placeholder: the field's name, the hint as its description.
        self.edit.setAccessibleName(self.tr("Instrument"))
        self.edit.setAccessibleDescription(self.edit.placeholderText())
        self.badge.setToolTip(self.tr("Market"))

    # --- internals --------------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._show([])
            return
        self._timer.start()

    def _search_now(self) -> None:
        for task in self.tasks.pending:
            task.cancel()
        self.tasks.spawn(self.search(self.edit.text()), name="instrument-search")

    def _show(self, found: list[Instrument]) -> None:
        self._results = list(found)
        self.model.clear()
        for instrument in found:
            item = QStandardItem(result_text(instrument))
            item.setData(instrument, INSTRUMENT_ROLE)
            item.setToolTip(instrument.isin or instrument.id)
            self.model.appendRow(item)
        if found and self.edit.hasFocus():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        instrument = index.data(INSTRUMENT_ROLE)
        if isinstance(instrument, Instrument):
            # After the completer is done with the key press that activated it.
            QTimer.singleShot(0, self, lambda: self.choose(instrument))

    def _return_pressed(self) -> None:
        """Enter takes the highlighted result, else the one whose ticker was typed, else
        the first one."""
        popup = self.completer.popup()
        current = popup.currentIndex() if popup.isVisible() else None
        popup.hide()
        if current is not None and current.isValid():
            instrument = current.data(INSTRUMENT_ROLE)
            if isinstance(instrument, Instrument):
                self.choose(instrument)
                return
        if not self._results:
            return
        text = self.edit.text().strip().upper()
        exact = [i for i in self._results if text in (i.ticker.upper(), i.id.upper())]
        self.choose(exact[0] if exact else self._results[0])

    def _restore(self) -> None:
        """Leaving the field with a half-typed search puts the chosen instrument back."""
        if self._instrument is not None and not self.completer.popup().isVisible():
            self.set_instrument(self._instrument)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            reason = event.reason() if isinstance(event, QFocusEvent) else None
            if reason != Qt.FocusReason.PopupFocusReason:
                QTimer.singleShot(0, self, self._restore)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
