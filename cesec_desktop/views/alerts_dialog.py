"""The broker desk's alerts: the active ones, newest first, to acknowledge, and the
acknowledged history with its times; and the words an alert is said in, here and in the
desktop notice."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.book_alerts import Alert, AlertKind
from cesec_desktop.state.formatting import format_moment_short, format_money, format_percent
from cesec_desktop.views.dialogs import return_focus

if TYPE_CHECKING:
    from cesec_desktop.state.book_alerts import AlertCenter

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""An alert item's id."""
CLIENT_ROLE = int(Qt.ItemDataRole.UserRole) + 2


def _number(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def kind_text(kind: AlertKind | str) -> str:
    """An alert's kind in a few words."""
    texts = {
        AlertKind.DAY_LOSS: QCoreApplication.translate("BookAlerts", "Day's loss"),
        AlertKind.ORDER_REJECTED: QCoreApplication.translate("BookAlerts", "Order rejected"),
        AlertKind.WITHDRAWAL_LARGE: QCoreApplication.translate("BookAlerts", "Large withdrawal"),
        AlertKind.CASH_NEGATIVE: QCoreApplication.translate("BookAlerts", "Cash below zero"),
    }
    return texts.get(AlertKind(kind), str(kind))


def _amount(detail: dict[str, str]) -> str:
    amount = _number(detail.get("amount"))
    if amount is None:
        return ""
    return format_money(amount, detail.get("currency") or "KZT")


def detail_text(alert: Alert) -> str:
    """What happened, from the alert's raw figures, in the UI language."""
    detail = alert.detail
    kind = AlertKind(alert.kind)
    amount = _amount(detail)
    if kind is AlertKind.DAY_LOSS:
        pct = _number(detail.get("pct"))
        parts = [format_percent(pct) if pct is not None else "", amount]
        return QCoreApplication.translate("BookAlerts", "Down today: %1").replace(
            "%1", ", ".join(p for p in parts if p)
        )
    if kind is AlertKind.ORDER_REJECTED:
        number = detail.get("number") or detail.get("order") or ""
        text = QCoreApplication.translate("BookAlerts", "Order No. %1 was rejected").replace(
            "%1", number
        )
        instrument = detail.get("instrument") or detail.get("ticker")
        if instrument:
            text += f" ({instrument})"
        reason = detail.get("reason")
        return f"{text}: {reason}" if reason else text
    if kind is AlertKind.WITHDRAWAL_LARGE:
        return QCoreApplication.translate("BookAlerts", "Asked to withdraw %1").replace(
            "%1", amount
        )
    return QCoreApplication.translate("BookAlerts", "Cash is %1").replace("%1", amount)


def alert_line(alert: Alert) -> str:
    """Kind and detail in one line: "Day's loss · Down today: −5,20 %, …"."""
    return f"{kind_text(alert.kind)} \N{MIDDLE DOT} {detail_text(alert)}"


class AlertsDialog(QDialog):
    """Active alerts with Acknowledge, and the acknowledged ones; follows the centre live.

    Signals:
        clientRequested(str): the user asked to open an alert's client.
    """

    clientRequested = Signal(str)

    def __init__(self, alerts: AlertCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsDialog")
        self.setWindowModality(Qt.WindowModality.NonModal)
        return_focus(self)  # shown again and again: each time, back to where it was opened
        self.alerts = alerts
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("alertsTabs")
        self.active_list = self._list("alertsActive", 3)
        self.history_list = self._list("alertsHistory", 4)
        self.tabs.addTab(self.active_list, "")
        self.tabs.addTab(self.history_list, "")
        layout.addWidget(self.tabs, 1)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("alertsEmpty")
        self.empty_label.setProperty("role", "muted")
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("alertsOpenClient")
        self.open_button.clicked.connect(self._open_client)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.acknowledge_all_button = QPushButton(self)
        self.acknowledge_all_button.setObjectName("alertsAcknowledgeAll")
        self.acknowledge_all_button.clicked.connect(self.acknowledge_all)
        buttons.addWidget(self.acknowledge_all_button)
        self.acknowledge_button = QPushButton(self)
        self.acknowledge_button.setObjectName("alertsAcknowledge")
        self.acknowledge_button.setProperty("role", "primary")
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        buttons.addWidget(self.acknowledge_button)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("alertsClose")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.active_list.itemSelectionChanged.connect(self._update_buttons)
        self.history_list.itemSelectionChanged.connect(self._update_buttons)
        self.tabs.currentChanged.connect(self._update_buttons)
        self.active_list.itemActivated.connect(lambda *_: self._open_client())
        self.history_list.itemActivated.connect(lambda *_: self._open_client())
        alerts.changed.connect(self.refresh)
        self.resize(QSize(760, 440))
        self.retranslate()

    def _list(self, name: str, columns: int) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setColumnCount(columns)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setWordWrap(False)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return tree

    # --- reading ---------------------------------------------------------------------------

    def active_ids(self) -> list[int]:
        return [self.active_list.topLevelItem(n).data(0, ID_ROLE) for n in range(self._count())]

    def history_ids(self) -> list[int]:
        tree = self.history_list
        return [tree.topLevelItem(n).data(0, ID_ROLE) for n in range(tree.topLevelItemCount())]

    def _count(self) -> int:
        return self.active_list.topLevelItemCount()

    # --- acting ----------------------------------------------------------------------------

    def acknowledge_selected(self) -> None:
        ids = [item.data(0, ID_ROLE) for item in self.active_list.selectedItems()]
        if not ids and self._count():
            ids = [self.active_ids()[0]]
        for alert_id in ids:
            self.alerts.acknowledge(alert_id)

    def acknowledge_all(self) -> None:
        for alert_id in self.active_ids():
            self.alerts.acknowledge(alert_id)

    def _open_client(self) -> None:
        tree = self.tabs.currentWidget()
        if not isinstance(tree, QTreeWidget):
            return
        items = tree.selectedItems()
        if items:
            self.clientRequested.emit(items[0].data(0, CLIENT_ROLE))

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill(self.active_list, self.alerts.active(), history=False)
        self._fill(self.history_list, self.alerts.history(), history=True)
        self._retranslate_counts()
        self._update_buttons()

    def _fill(self, tree: QTreeWidget, alerts: list[Alert], *, history: bool) -> None:
        selected = {item.data(0, ID_ROLE) for item in tree.selectedItems()}
        tree.clear()
        items = []
        for alert in alerts:
            texts = [format_moment_short(alert.raised_at), alert.client_name, alert_line(alert)]
            if history:
                texts.append(format_moment_short(alert.acknowledged_at))
            item = QTreeWidgetItem(texts)
            item.setData(0, ID_ROLE, alert.id)
            item.setData(0, CLIENT_ROLE, alert.client_id)
            item.setToolTip(2, detail_text(alert))
            items.append(item)
        tree.addTopLevelItems(items)
        for item in items:
            item.setSelected(item.data(0, ID_ROLE) in selected)

    def _update_buttons(self, *_: object) -> None:
        on_active = self.tabs.currentWidget() is self.active_list
        has_active = self._count() > 0
        self.acknowledge_button.setVisible(on_active)
        self.acknowledge_all_button.setVisible(on_active)
        self.acknowledge_button.setEnabled(has_active)
        self.acknowledge_all_button.setEnabled(has_active)
        tree = self.tabs.currentWidget()
        self.open_button.setEnabled(isinstance(tree, QTreeWidget) and bool(tree.selectedItems()))
        empty = ""
        if on_active and not has_active:
            empty = self.tr("No active alerts. New ones also show as a desktop notice.")
        elif not on_active and not self.history_list.topLevelItemCount():
            empty = self.tr("Nothing acknowledged yet.")
        self.empty_label.setText(empty)
        self.empty_label.setVisible(bool(empty))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Alerts"))
        self.active_list.setHeaderLabels([self.tr("Time"), self.tr("Client"), self.tr("Alert")])
        self.history_list.setHeaderLabels(
            [self.tr("Time"), self.tr("Client"), self.tr("Alert"), self.tr("Acknowledged")]
        )
        self.open_button.setText(self.tr("Open client"))
        self.acknowledge_button.setText(self.tr("Acknowledge"))
        self.acknowledge_all_button.setText(self.tr("Acknowledge all"))
        self.close_button.setText(self.tr("Close"))
        self.refresh()

    def _retranslate_counts(self) -> None:
        count = self._count()
        self.tabs.setTabText(0, self.tr("Active (%1)").replace("%1", str(count)))
        self.tabs.setTabText(1, self.tr("Acknowledged"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
