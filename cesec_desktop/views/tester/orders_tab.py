"""The Orders tab: every client's open orders and withdrawals in progress, and the exchange's
and the back office's part in them: fill, fill in part, reject; advance a withdrawal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state import formatting, vocabulary
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.tester import Topic, Workbench
from cesec_desktop.state.tester_tables import RowsModel, instructions_model, orders_model
from cesec_desktop.views.tester.common import TesterTab, perform, section, server_words
from cesec_desktop.views.widgets.decimal_field import DecimalField
from cesec_desktop.views.widgets.list_table import list_table

MAX_REASON = 500
QUANTITY_PLACES = 8


def order_words(order: Any) -> str:
    """An order as a tester knows it: "KASE:HSBK · Buy 10 · demo"."""
    return (
        f"{order.instrument_id} \N{MIDDLE DOT} {vocabulary.side_text(order.side)} "
        f"{formatting.format_quantity(order.quantity)} \N{MIDDLE DOT} {order.login}"
    )


def instruction_words(instruction: Any) -> str:
    if str(instruction.kind) == "contact_change":  # no amount: what it is, and whose
        what = vocabulary.instruction_type_text(instruction.kind)
    else:
        what = formatting.format_money(instruction.amount, instruction.currency)
    return f"{what} \N{MIDDLE DOT} {instruction.login}"


def _table(parent: QWidget, name: str, model: RowsModel[Any]) -> QTableView:
    table = list_table(
        parent,
        name,
        model,
        selection=QAbstractItemView.SelectionMode.SingleSelection,
        min_section=60,
    )
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the actions under it
    return table


class OrdersTab(TesterTab):
    """Two tables, each with the actions for its selected row underneath."""

    topic = Topic.ORDERS

    def __init__(
        self, workbench: Workbench, tasks: TaskTracker, parent: QWidget | None = None
    ) -> None:
        super().__init__(workbench, "testerOrdersTab", parent)
        self.tasks = tasks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_orders())
        splitter.addWidget(self._build_instructions())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        workbench.ordersChanged.connect(self.show_orders)
        workbench.instructionsChanged.connect(self.show_instructions)
        self._sync_buttons()
        self.retranslate()

    # --- building ----------------------------------------------------------------------

    def _build_orders(self) -> QWidget:
        frame, layout, self.orders_title = section(self, "testerOrdersPanel")
        self.orders_model = orders_model(self)
        self.orders_table = _table(frame, "testerOrdersTable", self.orders_model)
        self.orders_table.selectionModel().selectionChanged.connect(self._sync_buttons)
        layout.addWidget(self.orders_table, 1)
        self.orders_empty = QLabel(frame)
        self.orders_empty.setProperty("role", "muted")
        layout.addWidget(self.orders_empty)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.fill_button = QPushButton(frame)
        self.fill_button.setObjectName("testerFillButton")
        self.fill_button.setProperty("role", "primary")
        self.fill_button.clicked.connect(lambda: self.fill(partial=False))
        row.addWidget(self.fill_button)
        row.addSpacing(12)
        self.quantity_label = QLabel(frame)
        self.quantity_edit = QLineEdit(frame)
        self.quantity_edit.setObjectName("testerFillQuantity")
        self.quantity_edit.setMaximumWidth(120)
        self.quantity_label.setBuddy(self.quantity_edit)
        self.quantity = DecimalField(self.quantity_edit, places=0, max_places=QUANTITY_PLACES)
        self.quantity.edited.connect(lambda _value: self._check_quantity())
        self.quantity_edit.returnPressed.connect(lambda: self.fill(partial=True))
        row.addWidget(self.quantity_label)
        row.addWidget(self.quantity_edit)
        self.partial_button = QPushButton(frame)
        self.partial_button.setObjectName("testerPartialFillButton")
        self.partial_button.clicked.connect(lambda: self.fill(partial=True))
        row.addWidget(self.partial_button)
        row.addSpacing(12)
        self.order_reason_label = QLabel(frame)
        self.order_reason = QLineEdit(frame)
        self.order_reason.setObjectName("testerRejectReason")
        self.order_reason.setMaxLength(MAX_REASON)
        self.order_reason_label.setBuddy(self.order_reason)
        self.order_reason.returnPressed.connect(self.reject)
        row.addWidget(self.order_reason_label)
        row.addWidget(self.order_reason, 1)
        self.reject_button = QPushButton(frame)
        self.reject_button.setObjectName("testerRejectButton")
        self.reject_button.clicked.connect(self.reject)
        row.addWidget(self.reject_button)
        layout.addLayout(row)
        self.quantity_error = QLabel(frame)
        self.quantity_error.setObjectName("testerFillQuantityError")
        self.quantity_error.setProperty("role", "error")
        self.quantity_error.setWordWrap(True)
        self.quantity_error.hide()
        layout.addWidget(self.quantity_error)
        return frame

    def _build_instructions(self) -> QWidget:
        frame, layout, self.instructions_title = section(self, "testerInstructionsPanel")
        self.instructions_model = instructions_model(self)
        self.instructions_table = _table(frame, "testerInstructionsTable", self.instructions_model)
        self.instructions_table.selectionModel().selectionChanged.connect(self._sync_buttons)
        layout.addWidget(self.instructions_table, 1)
        self.instructions_empty = QLabel(frame)
        self.instructions_empty.setProperty("role", "muted")
        layout.addWidget(self.instructions_empty)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.move_label = QLabel(frame)
        row.addWidget(self.move_label)
        self.processing_button = QPushButton(frame)
        self.processing_button.setObjectName("testerProcessingButton")
        self.processing_button.clicked.connect(lambda: self.advance("processing"))
        row.addWidget(self.processing_button)
        self.executed_button = QPushButton(frame)
        self.executed_button.setObjectName("testerExecutedButton")
        self.executed_button.setProperty("role", "primary")
        self.executed_button.clicked.connect(lambda: self.advance("executed"))
        row.addWidget(self.executed_button)
        row.addSpacing(12)
        self.instruction_reason_label = QLabel(frame)
        self.instruction_reason = QLineEdit(frame)
        self.instruction_reason.setObjectName("testerInstructionReason")
        self.instruction_reason.setMaxLength(MAX_REASON)
        self.instruction_reason_label.setBuddy(self.instruction_reason)
        self.instruction_reason.returnPressed.connect(lambda: self.advance("rejected"))
        row.addWidget(self.instruction_reason_label)
        row.addWidget(self.instruction_reason, 1)
        self.rejected_button = QPushButton(frame)
        self.rejected_button.setObjectName("testerInstructionRejectButton")
        self.rejected_button.clicked.connect(lambda: self.advance("rejected"))
        row.addWidget(self.rejected_button)
        layout.addLayout(row)
        return frame

    # --- rows --------------------------------------------------------------------------

    def show_orders(self, items: list[Any]) -> None:
        self._keep_selection(self.orders_table, self.orders_model, items)
        self.read_succeeded()
        self._sync_buttons()

    def show_instructions(self, items: list[Any]) -> None:
        self._keep_selection(self.instructions_table, self.instructions_model, items)
        self._sync_buttons()

    @staticmethod
    def _keep_selection(table: QTableView, model: RowsModel[Any], items: list[Any]) -> None:
        chosen = _selected(table, model)
        model.set_items(items)
        row = model.row_of(model.row_id(chosen)) if chosen is not None else None
        if row is not None:
            table.selectRow(row)

    @property
    def selected_order(self) -> Any:
        return _selected(self.orders_table, self.orders_model)

    @property
    def selected_instruction(self) -> Any:
        return _selected(self.instructions_table, self.instructions_model)

    def _sync_buttons(self, *_: object) -> None:
        order = self.selected_order is not None
        for widget in (self.fill_button, self.partial_button, self.reject_button):
            widget.setEnabled(order)
        instruction = self.selected_instruction
        self.processing_button.setEnabled(instruction is not None and instruction.status == "new")
        for widget in (self.executed_button, self.rejected_button):
            widget.setEnabled(instruction is not None)
        self.orders_empty.setVisible(not self.orders_model.items)
        self.instructions_empty.setVisible(not self.instructions_model.items)

    # --- actions -----------------------------------------------------------------------

    def _check_quantity(self) -> Decimal | None:
        """The partial quantity, or None with the reason at the field."""
        order = self.selected_order
        error = self.quantity.error_text()
        value = self.quantity.value()
        if not error and value is None:
            error = self.tr("Type how much of the order to fill.")
        elif value is not None and value <= 0:
            error = self.tr("The quantity must be more than zero.")
        elif value is not None and order is not None and value >= order.remaining:
            error = self.tr("Less than the %1 that remain: use Fill for all of it.").replace(
                "%1", formatting.format_quantity(order.remaining)
            )
        self._field_error(error)
        return None if error else value

    def _field_error(self, text: str) -> None:
        self.quantity_error.setText(text)
        self.quantity_error.setVisible(bool(text))
        self.quantity_edit.setAccessibleDescription(text)

    def fill(self, *, partial: bool) -> None:
        order = self.selected_order
        if order is None:
            return
        quantity = None
        if partial:
            quantity = self._check_quantity()
            if quantity is None:
                self.quantity_edit.setFocus()
                return
        self._field_error("")
        self.tasks.spawn(self._fill(order, quantity), name="tester-fill")

    async def _fill(self, order: Any, quantity: Decimal | None) -> None:
        outcome = await perform(
            self.status,
            [self.fill_button, self.partial_button, self.reject_button],
            self.tr("Filling %1…").replace("%1", order_words(order)),
            self.workbench.fill(order.id, quantity),
            show_error=quantity is None,
        )
        filled = outcome.value
        if filled is not None:
            self.quantity_edit.clear()
            self.status.done(
                self.tr("Order %1 filled: %2 of %3.")
                .replace("%1", filled.number)
                .replace("%2", formatting.format_quantity(filled.filled_quantity))
                .replace("%3", formatting.format_quantity(filled.quantity))
            )
        elif outcome.error is not None and quantity is not None:
            self._field_error(server_words(outcome.error))
            self.status.failed(self.tr("The order was not filled."))

    def reject(self) -> None:
        order = self.selected_order
        if order is None:
            return
        self.tasks.spawn(self._reject(order, self.order_reason.text()), name="tester-reject")

    async def _reject(self, order: Any, reason: str) -> None:
        outcome = await perform(
            self.status,
            [self.fill_button, self.partial_button, self.reject_button],
            self.tr("Rejecting %1…").replace("%1", order_words(order)),
            self.workbench.reject(order.id, reason),
        )
        if outcome.value is not None:
            self.order_reason.clear()
            self.status.done(self.tr("Order %1 rejected.").replace("%1", outcome.value.number))

    def advance(self, status: str) -> None:
        instruction = self.selected_instruction
        if instruction is None:
            return
        reason = self.instruction_reason.text() if status == "rejected" else ""
        self.tasks.spawn(self._advance(instruction, status, reason), name="tester-advance")

    async def _advance(self, instruction: Any, status: str, reason: str) -> None:
        outcome = await perform(
            self.status,
            [self.processing_button, self.executed_button, self.rejected_button],
            self.tr("Moving the withdrawal %1…").replace("%1", instruction_words(instruction)),
            self.workbench.advance(instruction.id, status, reason),  # type: ignore[arg-type]
        )
        moved = outcome.value
        if moved is not None:
            if status == "rejected":
                self.instruction_reason.clear()
            self.status.done(
                self.tr("Withdrawal %1 is now %2.")
                .replace("%1", moved.number)
                .replace("%2", vocabulary.instruction_status_text(moved.status).lower())
            )

    # --- texts -------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Orders")

    def retranslate(self) -> None:
        self.orders_title.setText(self.tr("Open orders of every client"))
        self.orders_empty.setText(self.tr("No open orders: place one in the app."))
        self.orders_table.setAccessibleName(self.tr("Open orders"))
        self.fill_button.setText(self.tr("Fill"))
        self.fill_button.setToolTip(self.tr("Fill all that remains of the selected order"))
        self.quantity_label.setText(self.tr("Quantity:"))
        self.quantity_edit.setAccessibleName(self.tr("Quantity to fill"))
        self.partial_button.setText(self.tr("Partially fill"))
        self.order_reason_label.setText(self.tr("Reason:"))
        self.order_reason.setAccessibleName(self.tr("Reason for rejecting the order"))
        self.order_reason.setPlaceholderText(self.tr("Optional, shown to the client"))
        self.reject_button.setText(self.tr("Reject"))
        self.instructions_title.setText(self.tr("Withdrawals in progress"))
        self.instructions_empty.setText(self.tr("No withdrawals in progress."))
        self.instructions_table.setAccessibleName(self.tr("Withdrawals in progress"))
        self.move_label.setText(self.tr("Move to:"))
        self.processing_button.setText(self.tr("Processing"))
        self.executed_button.setText(self.tr("Executed"))
        self.instruction_reason_label.setText(self.tr("Reason:"))
        self.instruction_reason.setAccessibleName(self.tr("Reason for rejecting the withdrawal"))
        self.instruction_reason.setPlaceholderText(self.tr("Optional, shown to the client"))
        self.rejected_button.setText(self.tr("Rejected"))
        self.orders_model.retranslate()
        self.instructions_model.retranslate()


def _selected(table: QTableView, model: RowsModel[Any]) -> Any:
    rows = table.selectionModel().selectedRows()
    return model.item(rows[0].row()) if rows else None
