"""The top bar's client picker: which client a broker watches (hidden for a client user)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QWidget,
)

from cesec_desktop.state import zoom
from cesec_desktop.state.client_scope import ClientScope
from cesec_desktop.views.resources import icon

MIN_WIDTH = 170
MAX_WIDTH = 420


IIN_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class ClientCombo(QComboBox):
    """Shows "Name · IIN" with the IIN always whole: when the bar is short of room, the
    name gives way ("Ахметов Нұрлан С… · 851102320486"), as a broker tells clients apart
    by their IIN."""

    def paintEvent(self, event: QPaintEvent) -> None:
        iin = self.currentData(IIN_ROLE)
        if not iin:
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.label_text(field.width() - 4)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def label_text(self, room: int) -> str:
        """The current item's text in `room` pixels: the name cut, the IIN whole."""
        text, iin = self.currentText(), self.currentData(IIN_ROLE)
        if not iin:
            return text
        tail = f" \N{MIDDLE DOT} {iin}"
        metrics = self.fontMetrics()
        name = text.removesuffix(tail)
        rest = max(room - metrics.horizontalAdvance(tail), 0)
        return metrics.elidedText(name, Qt.TextElideMode.ElideRight, rest) + tail


class ClientPicker(QWidget):
    """A label and a combo box bound to the session's `ClientScope`.

    Shown only to brokers. Choosing a client selects it in the scope; every page that
    follows the scope switches at once.
    """

    def __init__(self, scope: ClientScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientPicker")
        self.scope = scope
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.label = QLabel(self)
        self.label.setObjectName("clientPickerLabel")
        self.label.setProperty("role", "muted")
        self.combo = ClientCombo(self)
        self.combo.setObjectName("clientPickerCombo")
        # The name is cut to the room there is (the IIN stays whole); the tooltip names the
        # client in full, and readers get the whole text as the combo box's value.
        self.combo.setProperty("elides", True)
        self.combo.setMinimumWidth(zoom.px(MIN_WIDTH))
        self.combo.setMaximumWidth(zoom.px(MAX_WIDTH))  # both grow with the text
        self.combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.currentIndexChanged.connect(self._chosen)
        self.label.setBuddy(self.combo)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.combo, 1)
        self.retry_button = QToolButton(self)
        self.retry_button.setObjectName("clientPickerRetry")
        self.retry_button.setIcon(icon("refresh"))
        self.retry_button.setAutoRaise(True)
        self.retry_button.clicked.connect(self.scope.reload)
        self.retry_button.hide()
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignVCenter)
        scope.clientsLoaded.connect(self._fill)
        scope.loadingChanged.connect(self._fill)
        scope.clientChanged.connect(self._show_current)
        scope.session.profileChanged.connect(self._sync_visibility)
        scope.session.signedOut.connect(self._sync_visibility)
        self.retranslate()
        self._sync_visibility()

    def set_compact(self, compact: bool) -> None:
        """Without the "Client:" caption when the top bar is short of room (the main window
        decides); the combo box's accessible name keeps the word either way."""
        self.label.setVisible(not compact)
        self.updateGeometry()

    # --- reading (tests) -------------------------------------------------------------------

    def client_ids(self) -> list[str]:
        return [
            str(self.combo.itemData(i)) for i in range(self.combo.count()) if self.combo.itemData(i)
        ]

    def choose(self, client_id: str) -> None:
        """As if the user picked this client from the list."""
        index = self.combo.findData(client_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    # --- syncing ---------------------------------------------------------------------------

    def _sync_visibility(self, *_: object) -> None:
        broker = self.scope.is_broker
        self.setVisible(broker)
        if broker:
            self.scope.ensure_loaded()
        self._fill()

    def _fill(self, *_: object) -> None:
        combo = self.combo
        combo.blockSignals(True)
        combo.clear()
        scope = self.scope
        if scope.clients:
            for client in scope.clients:
                combo.addItem(f"{client.full_name} · {client.iin}", client.id)
                combo.setItemData(combo.count() - 1, client.iin, IIN_ROLE)
                combo.setItemData(
                    combo.count() - 1,
                    self.tr("IIN %1").replace("%1", client.iin),
                    Qt.ItemDataRole.ToolTipRole,
                )
            combo.setEnabled(True)
        else:
            combo.addItem(self._placeholder(), None)
            combo.setEnabled(False)
        combo.blockSignals(False)
        self._fit()
        self.retry_button.setVisible(scope.error is not None and not scope.loading)
        self._show_current()

    def _fit(self) -> None:
        """Room for the longest name and IIN when the bar has it; narrower in a small window
        (the tooltip still names the client)."""
        texts = [self.combo.itemText(i) for i in range(self.combo.count())]
        self.combo.setMinimumContentsLength(max((len(t) for t in texts), default=0) + 1)
        self.combo.setMinimumWidth(zoom.px(MIN_WIDTH))
        self.combo.updateGeometry()

    def _placeholder(self) -> str:
        scope = self.scope
        if scope.loading:
            return self.tr("Loading clients…")
        if scope.error is not None:
            return self.tr("The client list did not load")
        if scope.loaded:
            return self.tr("No clients assigned")
        return ""

    def _show_current(self, *_: object) -> None:
        index = self.combo.findData(self.scope.current_client_id) if self.scope.clients else 0
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        client = self.scope.current_client
        self.combo.setToolTip(
            self.tr("Whose data is shown (read-only): %1").replace("%1", client.full_name)
            if client is not None
            else self.tr("Choose whose data to watch")
        )

    def _chosen(self, index: int) -> None:
        client_id = self.combo.itemData(index)
        if client_id:
            self.scope.select(str(client_id))

    # --- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.label.setText(self.tr("Client:"))
        # Readers hear the caption as the combo box's name even while it is hidden.
        self.combo.setAccessibleName(self.label.text().rstrip(": "))
        self.retry_button.setToolTip(self.tr("Try again"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
