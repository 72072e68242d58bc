"""The Instructions page: the user's withdrawals of one period, their live statuses, a "…"
menu with Details, and Export. Brokers see the watched client's, read-only.

The frame is `ListPage`'s; this module adds the status filter and the details dialog.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel
from shiboken6 import isValid

from cesec_desktop.domain.enums import InstructionStatus
from cesec_desktop.state.instructions_model import Column, InstructionsModel, InstructionsProxyModel
from cesec_desktop.state.orders_query import Period
from cesec_desktop.state.vocabulary import instruction_status_text
from cesec_desktop.views.pages.list_page import ListPage

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class InstructionsPage(ListPage):
    key = "instructions"
    presets = (Period.WEEK, Period.MONTH, Period.QUARTER)
    default_period = Period.MONTH
    model_class = InstructionsModel
    proxy_class = InstructionsProxyModel
    default_sort = (int(Column.CREATED), Qt.SortOrder.DescendingOrder)
    selection = QAbstractItemView.SelectionMode.ExtendedSelection
    fill_up_rows = 40

    def setup(self) -> None:
        model = self.model
        model.loadFailed.connect(self.load_failed)
        model.pageLoaded.connect(self.page_loaded)
        model.instructionsUpdated.connect(self._instructions_updated)

    @property
    def message_title(self) -> QLabel:
        """The title of the state shown instead of the table."""
        current = self.stack.currentWidget()
        if current is self.error_state:
            return self.error_title
        if current is self.loading_state:
            return self.loading_title
        return self.empty_title

    # --- hooks -----------------------------------------------------------------------------

    def build_filters(self, row: QHBoxLayout) -> None:
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("instructionsStatusFilter")
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter.addItem("", None)
        for status in InstructionStatus:
            self.status_filter.addItem("", str(status))
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        row.addWidget(self.status_filter)

    def filtered(self) -> bool:
        return self.proxy.statuses is not None

    def clear_filters(self) -> None:
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.status_filter.blockSignals(False)
        self.proxy.set_statuses(None)

    def _status_changed(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_statuses(None if status is None else [status])
        self.filters_changed()

    # --- details ---------------------------------------------------------------------------

    def open_details(self, instruction_id: str) -> None:
        """The Details dialog (one at a time); the full record is read from the server."""

        row = self.model.row_of(instruction_id)
        if row is None:
            # Not in the period shown: read it, then show it.
            if self.session is not None:
                self.tasks.spawn(self._open_loaded(instruction_id), name="instruction-load")
            return
        self._open_details_of(self.model.instruction_at(row), load=True)

    async def _open_loaded(self, instruction_id: str) -> None:
        from cesec_desktop.state.errors import CabinetError
        from cesec_desktop.views.messages import describe

        try:
            item = await self.model.load_instruction(instruction_id)
        except CabinetError as error:
            self.show_notice(
                self.tr("The instruction could not be loaded: %1").replace("%1", describe(error)),
                "negative",
            )
            return
        self._open_details_of(item, load=False)

    def _open_details_of(self, item: Any, *, load: bool) -> None:
        from cesec_desktop.views.instruction_details import InstructionDetailsDialog

        instruction_id = item.id
        dialog = InstructionDetailsDialog(item, self.account_number(item.account_id), self)
        self.show_details(dialog)
        if load and self.session is not None:
            self.tasks.spawn(self._load_details(instruction_id), name="instruction-details")

    async def _load_details(self, instruction_id: str) -> None:
        from cesec_desktop.state.errors import CabinetError

        try:
            await self.model.load_instruction(instruction_id)  # the row and dialog follow
        except CabinetError as error:
            log.info("instruction %s did not load (%s)", instruction_id, error.code)

    def _instructions_updated(self, items: list[Any]) -> None:
        dialog = self.details_dialog
        if dialog is not None and isValid(dialog):
            for item in items:
                dialog.show_instruction(item)

    # --- words -----------------------------------------------------------------------------

    def retranslate_page(self) -> None:
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for row, status in enumerate(InstructionStatus, start=1):
            self.status_filter.setItemText(row, instruction_status_text(status))
        self.status_filter.setToolTip(self.tr("Status"))
        self.status_filter.setAccessibleName(self.tr("Status"))

    def loading_texts(self) -> tuple[str, str]:
        return self.tr("Loading instructions…"), ""

    def empty_texts(self, filtered: bool) -> tuple[str, str]:
        if self.filtered():
            return self.tr("No instructions with this status"), self.tr(
                "Choose another status or a longer period."
            )
        return self.tr("No instructions in this period"), self.tr(
            "Withdrawals you sign are listed here with their status."
        )

    def error_heading(self) -> str:
        return self.tr("The instructions could not be loaded")

    def count_text(self, shown: int, loaded: int) -> str:
        if shown == loaded:
            return self.tr("Instructions: %1").replace("%1", QLocale().toString(shown))
        return super().count_text(shown, loaded)
