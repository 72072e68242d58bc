"""The Tester window: the mock backend's controls in tabs (SMS, Orders, Market, Faults,
Scenario, Traffic), for a tester running the app against the mock.

It exists only when the server is a mock on this computer (`state.tester.Workbench`): the
main window's Help menu and Ctrl+Shift+T open it then, and never for a real backend.
Non-modal: the tester works in the app beside it. The tab on screen is read every couple of
seconds while the window shows (`Workbench.watch`), and not at all while it is hidden.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from cesec_desktop.state.session import Session
from cesec_desktop.state.tasks import TaskTracker
from cesec_desktop.state.tester import Workbench
from cesec_desktop.views.tester.common import TesterTab
from cesec_desktop.views.tester.faults_tab import FaultsTab
from cesec_desktop.views.tester.market_tab import MarketTab
from cesec_desktop.views.tester.orders_tab import OrdersTab
from cesec_desktop.views.tester.scenario_tab import ScenarioTab
from cesec_desktop.views.tester.sms_tab import SmsTab
from cesec_desktop.views.tester.traffic_tab import TrafficTab

TAB_KEYS = ("sms", "orders", "market", "faults", "scenario", "traffic")


class TesterPanel(QDialog):
    """The window; each tab is a `TesterTab` (views/tester/)."""

    def __init__(
        self, workbench: Workbench, session: Session | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.session = session
        self.tasks = TaskTracker("tester-panel", owner=self)
        self.setObjectName("testerPanel")
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        layout.addWidget(self.title)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("testerServer")
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setObjectName("testerTabs")
        self.tab_widget.setDocumentMode(True)
        recorder = getattr(session, "traffic", None)
        self.tabs: dict[str, TesterTab] = {
            "sms": SmsTab(workbench, self.tab_widget),
            "orders": OrdersTab(workbench, self.tasks, self.tab_widget),
            "market": MarketTab(workbench, session, self.tasks, self.tab_widget),
            "faults": FaultsTab(workbench, self.tasks, self.tab_widget),
            "scenario": ScenarioTab(workbench, self.tasks, self.tab_widget),
            "traffic": TrafficTab(workbench, recorder, self.tab_widget),
        }
        for tab in self.tabs.values():
            self.tab_widget.addTab(tab, "")
        self.tab_widget.currentChanged.connect(self._watch)
        layout.addWidget(self.tab_widget, 1)
        self.resize(1040, 660)
        self._retranslate()

    # --- the tabs ----------------------------------------------------------------------

    def show_tab(self, key: str) -> TesterTab:
        tab = self.tabs[key]
        self.tab_widget.setCurrentWidget(tab)
        return tab

    @property
    def current_tab(self) -> TesterTab:
        return self.tab_widget.currentWidget()  # type: ignore[return-value]

    def _watch(self, *_: object) -> None:
        """Read what the tab on screen shows, and nothing else (nothing while hidden)."""
        topic = self.current_tab.topic if self.isVisible() else None
        self.workbench.watch({topic} if topic is not None else set())

    # --- texts -------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tester"))
        self.title.setText(self.tr("Tester"))
        server = urlsplit(self.workbench.server_url).netloc or self.workbench.server_url
        self.subtitle.setText(
            self.tr(
                "Controls of the mock backend at %1. They change the mock for every app "
                "connected to it; a real server never shows them."
            ).replace("%1", server)
        )
        for index, tab in enumerate(self.tabs.values()):
            self.tab_widget.setTabText(index, tab.title())
        self.tab_widget.setAccessibleName(self.tr("Tester tabs"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- life ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch()

    def hideEvent(self, event: QHideEvent) -> None:
        self.workbench.watch(set())
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.workbench.watch(set())
        super().closeEvent(event)


def open_tester_panel(
    host: QWidget, workbench: Workbench, session: Session | None, current: Any = None
) -> TesterPanel:
    """Show the Tester window (`current` again if it is still there), raised."""
    panel = current if isinstance(current, TesterPanel) and isValid(current) else None
    if panel is None:
        panel = TesterPanel(workbench, session, host)
    panel.show()
    panel.raise_()
    panel.activateWindow()
    return panel
