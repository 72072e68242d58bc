"""Home: who is signed in, their sub-accounts, and whether live data is flowing.

The watchlists and the portfolio summary of the cabinet's Home arrive with later issues;
this page shows only what the session already knows, all of it from the server.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cesec_desktop.state.connection import Connection
from cesec_desktop.views.pages.titles import page_title
from cesec_desktop.views.resources import icon


class HomePage(QWidget):
    """Signals: refreshRequested when the user asks to reload the profile."""

    key = "home"
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self._me: Any = None
        self._connection = Connection.OFFLINE
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 28)
        outer.setSpacing(16)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(self)
        self.title.setProperty("role", "pageTitle")
        self.greeting = QLabel(self)
        self.greeting.setObjectName("homeGreeting")
        self.greeting.setProperty("role", "subtitle")
        self.today = QLabel(self)
        self.today.setProperty("role", "muted")
        titles.addWidget(self.title)
        titles.addWidget(self.greeting)
        titles.addWidget(self.today)
        header.addLayout(titles, 1)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("homeRefresh")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.clicked.connect(self.refreshRequested)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)

        cards = QHBoxLayout()
        cards.setSpacing(16)
        self.profile_card, profile = self._card("profileCard")
        self.profile_heading = self._heading(profile)
        self.profile_grid = QGridLayout()
        self.profile_grid.setHorizontalSpacing(16)
        self.profile_grid.setVerticalSpacing(6)
        profile.addLayout(self.profile_grid)
        profile.addStretch(1)
        self.profile_labels: list[QLabel] = []
        self.profile_values: list[QLabel] = []
        for row in range(3):
            name, value = QLabel(self.profile_card), QLabel(self.profile_card)
            name.setProperty("role", "muted")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.profile_grid.addWidget(name, row, 0)
            self.profile_grid.addWidget(value, row, 1)
            self.profile_labels.append(name)
            self.profile_values.append(value)
        self.profile_grid.setColumnStretch(1, 1)

        self.accounts_card, accounts = self._card("accountsCard")
        self.accounts_heading = self._heading(accounts)
        self.accounts_grid = QGridLayout()
        self.accounts_grid.setHorizontalSpacing(16)
        self.accounts_grid.setVerticalSpacing(6)
        accounts.addLayout(self.accounts_grid)
        self.no_accounts = QLabel(self.accounts_card)
        self.no_accounts.setProperty("role", "muted")
        self.no_accounts.hide()
        accounts.addWidget(self.no_accounts)
        accounts.addStretch(1)
        self.account_rows: list[tuple[QLabel, QLabel, QLabel]] = []

        cards.addWidget(self.profile_card, 1)
        cards.addWidget(self.accounts_card, 1)
        outer.addLayout(cards)

        self.live_card, live = self._card("liveCard")
        self.live_heading = self._heading(live)
        self.live_text = QLabel(self.live_card)
        self.live_text.setObjectName("homeLiveText")
        self.live_text.setWordWrap(True)
        live.addWidget(self.live_text)
        outer.addWidget(self.live_card)
        outer.addStretch(1)
        self.retranslate()

    def _card(self, name: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame(self)
        card.setObjectName(name)
        card.setProperty("role", "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(10)
        return card, layout

    def _heading(self, layout: QVBoxLayout) -> QLabel:
        label = QLabel()
        label.setProperty("role", "cardTitle")
        layout.addWidget(label)
        return label

    # --- data ------------------------------------------------------------------------------

    @property
    def shows_data(self) -> bool:
        """True once the profile from the server is on screen."""
        return self._me is not None and bool(self.greeting.text())

    def set_profile(self, me: Any) -> None:
        self._me = me
        while self.account_rows:
            for label in self.account_rows.pop():
                self.accounts_grid.removeWidget(label)
                label.deleteLater()
        for row, account in enumerate(getattr(me, "accounts", []) or []):
            number = QLabel(account.number, self.accounts_card)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            number.setProperty("role", "mono")
            name = QLabel(account.name, self.accounts_card)
            currency = QLabel(str(getattr(account.currency, "value", account.currency)))
            currency.setProperty("role", "chip")
            currency.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.accounts_grid.addWidget(number, row, 0)
            self.accounts_grid.addWidget(name, row, 1)
            self.accounts_grid.addWidget(currency, row, 2, Qt.AlignmentFlag.AlignRight)
            self.account_rows.append((number, name, currency))
        self.accounts_grid.setColumnStretch(1, 1)
        self.retranslate()

    def set_connection(self, state: Connection | str) -> None:
        self._connection = Connection.of(state)
        self.live_text.setProperty("state", self._connection.value)
        self.live_text.style().unpolish(self.live_text)
        self.live_text.style().polish(self.live_text)
        self._retranslate_live()

    # --- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        locale = QLocale()
        self.title.setText(page_title("home"))
        self.today.setText(locale.toString(QDate.currentDate(), QLocale.FormatType.LongFormat))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the profile from the server again (F5)"))
        self.profile_heading.setText(self.tr("Profile"))
        self.accounts_heading.setText(self.tr("Sub-accounts"))
        self.live_heading.setText(self.tr("Live data"))
        me = self._me
        if me is None:
            self.greeting.setText("")
        else:
            self.greeting.setText(self.tr("Welcome, %1").replace("%1", me.full_name))
        names = (self.tr("IIN"), self.tr("Phone"), self.tr("Role"))
        role = getattr(getattr(me, "role", None), "value", "")
        values = (
            getattr(me, "iin", ""),
            getattr(me, "phone_masked", ""),
            self.tr("Broker") if role == "broker" else self.tr("Client") if role else "",
        )
        for label, value_label, name, value in zip(
            self.profile_labels, self.profile_values, names, values, strict=True
        ):
            label.setText(name)
            value_label.setText(value)
        self.no_accounts.setText(self.tr("No sub-accounts yet."))
        self.no_accounts.setVisible(me is not None and not self.account_rows)
        self._retranslate_live()

    def _retranslate_live(self) -> None:
        texts = {
            Connection.ONLINE: self.tr("Connected: quotes and order statuses update live."),
            Connection.RECONNECTING: self.tr(
                "The connection was interrupted. Reconnecting; figures may be out of date."
            ),
            Connection.OFFLINE: self.tr("Not connected: quotes and order statuses do not update."),
        }
        self.live_text.setText(texts[self._connection])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
