"""The period a list page shows: preset buttons and a from–to range, one debounce.

Orders, Transactions, Instructions and the broker desk all pick their period here, so the
three pages look and behave alike (Picard's `ui/filter.py` is the model: a widget that says
what was chosen and leaves the loading to its page). Days are Almaty days; "today" comes
from the clock in force, so a page left open past midnight moves on with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from cesec_desktop.state import clock
from cesec_desktop.state.formatting import date_pattern
from cesec_desktop.state.orders_query import FIRST_DAY, OrdersQuery, Period

RANGE_DELAY_MS = 400
"""Typing a date changes it digit by digit: wait for a pause before loading."""


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class PeriodBar(QWidget):
    """Preset periods as one segmented control, then the range they cover (editable).

    Choosing a preset fills the dates; editing a date switches to Custom and, after a
    pause in typing, reports the range.

    Signals:
        rangeChanged(date, date): the user chose a period; `query()` says which.
    """

    rangeChanged = Signal(object, object)

    def __init__(
        self,
        name: str,
        presets: Sequence[Period],
        default: Period,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}PeriodBar")
        self.presets = (*(p for p in presets if p is not Period.CUSTOM), Period.CUSTOM)
        self._setting = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        segments = QFrame(self)
        segments.setObjectName(f"{name}Period")
        segments.setProperty("role", "segments")
        segment_row = QHBoxLayout(segments)
        segment_row.setContentsMargins(0, 0, 0, 0)
        segment_row.setSpacing(0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.period_buttons: dict[Period, QPushButton] = {}
        last = len(self.presets) - 1
        for number, period in enumerate(self.presets):
            button = QPushButton(segments)
            button.setObjectName(f"{name}Period_{period.value}")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setProperty(
                "segment", "first" if number == 0 else "last" if number == last else "inner"
            )
            button.clicked.connect(lambda _=False, p=period: self.select(p))
            self.group.addButton(button)
            self.period_buttons[period] = button
            segment_row.addWidget(button)
        row.addWidget(segments)
        self.from_edit = QDateEdit(self)
        self.from_edit.setObjectName(f"{name}From")
        self.to_edit = QDateEdit(self)
        self.to_edit.setObjectName(f"{name}To")
        for edit in (self.from_edit, self.to_edit):
            edit.setProperty("role", "rangeEdit")
            edit.setCalendarPopup(True)
            edit.setMinimumDate(to_qdate(FIRST_DAY))
            edit.dateChanged.connect(self._date_edited)
        self.range_dash = QLabel("\N{EN DASH}", self)
        row.addWidget(self.from_edit)
        row.addWidget(self.range_dash)
        row.addWidget(self.to_edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RANGE_DELAY_MS)
        self._timer.timeout.connect(self._range_settled)
        self.show_query(OrdersQuery.preset(default, clock.almaty_today()))
        self.retranslate()

    # --- what is chosen --------------------------------------------------------------------

    def period(self) -> Period:
        checked = self.group.checkedButton()
        for period, button in self.period_buttons.items():
            if button is checked:
                return period
        return Period.CUSTOM

    def query(self) -> OrdersQuery:
        """The chosen period as of today: a preset covers up to today, Custom its dates."""
        period = self.period()
        if period is Period.CUSTOM:
            return OrdersQuery.custom(to_date(self.from_edit.date()), to_date(self.to_edit.date()))
        return OrdersQuery.preset(period, clock.almaty_today())

    # --- choosing --------------------------------------------------------------------------

    def select(self, period: Period | str) -> None:
        """As if the user clicked a preset (Custom keeps the dates and reports them)."""
        period = Period(period)
        self.period_buttons[period].setChecked(True)
        self._timer.stop()
        if period is Period.CUSTOM:
            self.from_edit.setFocus()
        query = self.query()
        self.show_query(query)
        self.rangeChanged.emit(query.start, query.end)

    def set_range(self, start: date, end: date) -> None:
        """As if the user typed a range and paused: Custom, reported at once."""
        query = OrdersQuery.custom(start, end)
        self.show_query(query)
        self._timer.stop()
        self.rangeChanged.emit(query.start, query.end)

    def show_query(self, query: OrdersQuery) -> None:
        """Show a period without reporting it (the page already loads it)."""
        self._setting = True
        try:
            latest = to_qdate(max(clock.almaty_today(), query.end))
            for edit in (self.from_edit, self.to_edit):
                edit.setMaximumDate(latest)
            self.from_edit.setDate(to_qdate(query.start))
            self.to_edit.setDate(to_qdate(query.end))
            self.period_buttons[query.period].setChecked(True)
        finally:
            self._setting = False

    def _date_edited(self) -> None:
        if self._setting:
            return
        self.period_buttons[Period.CUSTOM].setChecked(True)
        self._timer.start()

    def _range_settled(self) -> None:
        query = self.query()
        self.rangeChanged.emit(query.start, query.end)

    # --- words -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = {
            Period.TODAY: (self.tr("Today"), self.tr("Today, Almaty date")),
            Period.WEEK: (self.tr("Week"), self.tr("The last 7 days")),
            Period.MONTH: (self.tr("Month"), self.tr("The last month")),
            Period.QUARTER: (self.tr("3 months"), self.tr("The last 3 months")),
            Period.YEAR: (self.tr("Year"), self.tr("The last 12 months")),
            Period.ALL: (self.tr("All"), self.tr("All time")),
            Period.CUSTOM: (self.tr("Custom"), self.tr("The dates you choose")),
        }
        for period, button in self.period_buttons.items():
            text, tip = texts[period]
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        pattern = date_pattern()
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat(pattern)
        self.from_edit.setToolTip(self.tr("From (Almaty date)"))
        self.from_edit.setAccessibleName(self.tr("From"))
        self.to_edit.setToolTip(self.tr("To (Almaty date)"))
        self.to_edit.setAccessibleName(self.tr("To"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
