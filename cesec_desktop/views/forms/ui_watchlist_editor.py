# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'watchlist_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QLineEdit, QListView,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_WatchlistEditorForm(object):
    def setupUi(self, WatchlistEditorForm):
        if not WatchlistEditorForm.objectName():
            WatchlistEditorForm.setObjectName(u"WatchlistEditorForm")
        WatchlistEditorForm.resize(760, 520)
        self.mainLayout = QVBoxLayout(WatchlistEditorForm)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(WatchlistEditorForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.mainLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(WatchlistEditorForm)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty(u"role", u"muted")

        self.mainLayout.addWidget(self.hintLabel)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(20)
        self.columns.setObjectName(u"columns")
        self.searchColumn = QVBoxLayout()
        self.searchColumn.setSpacing(8)
        self.searchColumn.setObjectName(u"searchColumn")
        self.findLabel = QLabel(WatchlistEditorForm)
        self.findLabel.setObjectName(u"findLabel")
        self.findLabel.setProperty(u"role", u"cardTitle")

        self.searchColumn.addWidget(self.findLabel)

        self.searchEdit = QLineEdit(WatchlistEditorForm)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMaxLength(64)
        self.searchEdit.setClearButtonEnabled(True)

        self.searchColumn.addWidget(self.searchEdit)

        self.statusLabel = QLabel(WatchlistEditorForm)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setProperty(u"role", u"muted")

        self.searchColumn.addWidget(self.statusLabel)

        self.resultsView = QListView(WatchlistEditorForm)
        self.resultsView.setObjectName(u"resultsView")

        self.searchColumn.addWidget(self.resultsView)


        self.columns.addLayout(self.searchColumn)

        self.listsColumn = QVBoxLayout()
        self.listsColumn.setSpacing(8)
        self.listsColumn.setObjectName(u"listsColumn")
        self.listsLabel = QLabel(WatchlistEditorForm)
        self.listsLabel.setObjectName(u"listsLabel")
        self.listsLabel.setProperty(u"role", u"cardTitle")

        self.listsColumn.addWidget(self.listsLabel)

        self.marketTabs = QTabWidget(WatchlistEditorForm)
        self.marketTabs.setObjectName(u"marketTabs")
        self.kaseTab = QWidget()
        self.kaseTab.setObjectName(u"kaseTab")
        self.kaseTabLayout = QVBoxLayout(self.kaseTab)
        self.kaseTabLayout.setObjectName(u"kaseTabLayout")
        self.kaseTabLayout.setContentsMargins(0, 0, 0, 0)
        self.kaseList = QListView(self.kaseTab)
        self.kaseList.setObjectName(u"kaseList")

        self.kaseTabLayout.addWidget(self.kaseList)

        self.marketTabs.addTab(self.kaseTab, "")
        self.aixTab = QWidget()
        self.aixTab.setObjectName(u"aixTab")
        self.aixTabLayout = QVBoxLayout(self.aixTab)
        self.aixTabLayout.setObjectName(u"aixTabLayout")
        self.aixTabLayout.setContentsMargins(0, 0, 0, 0)
        self.aixList = QListView(self.aixTab)
        self.aixList.setObjectName(u"aixList")

        self.aixTabLayout.addWidget(self.aixList)

        self.marketTabs.addTab(self.aixTab, "")
        self.intlTab = QWidget()
        self.intlTab.setObjectName(u"intlTab")
        self.intlTabLayout = QVBoxLayout(self.intlTab)
        self.intlTabLayout.setObjectName(u"intlTabLayout")
        self.intlTabLayout.setContentsMargins(0, 0, 0, 0)
        self.intlList = QListView(self.intlTab)
        self.intlList.setObjectName(u"intlList")

        self.intlTabLayout.addWidget(self.intlList)

        self.marketTabs.addTab(self.intlTab, "")

        self.listsColumn.addWidget(self.marketTabs)

        self.listHintLabel = QLabel(WatchlistEditorForm)
        self.listHintLabel.setObjectName(u"listHintLabel")
        self.listHintLabel.setWordWrap(True)
        self.listHintLabel.setProperty(u"role", u"muted")

        self.listsColumn.addWidget(self.listHintLabel)

        self.moveRow = QHBoxLayout()
        self.moveRow.setSpacing(6)
        self.moveRow.setObjectName(u"moveRow")
        self.moveUpButton = QPushButton(WatchlistEditorForm)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.moveRow.addWidget(self.moveUpButton)

        self.moveDownButton = QPushButton(WatchlistEditorForm)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.moveRow.addWidget(self.moveDownButton)

        self.moveSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.moveRow.addItem(self.moveSpacer)

        self.removeButton = QPushButton(WatchlistEditorForm)
        self.removeButton.setObjectName(u"removeButton")

        self.moveRow.addWidget(self.removeButton)


        self.listsColumn.addLayout(self.moveRow)


        self.columns.addLayout(self.listsColumn)


        self.mainLayout.addLayout(self.columns)

        self.readOnlyLabel = QLabel(WatchlistEditorForm)
        self.readOnlyLabel.setObjectName(u"readOnlyLabel")
        self.readOnlyLabel.setWordWrap(True)
        self.readOnlyLabel.setProperty(u"role", u"muted")

        self.mainLayout.addWidget(self.readOnlyLabel)

        self.buttonBox = QDialogButtonBox(WatchlistEditorForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.searchEdit, self.resultsView)
        QWidget.setTabOrder(self.resultsView, self.marketTabs)
        QWidget.setTabOrder(self.marketTabs, self.kaseList)
        QWidget.setTabOrder(self.kaseList, self.aixList)
        QWidget.setTabOrder(self.aixList, self.intlList)
        QWidget.setTabOrder(self.intlList, self.moveUpButton)
        QWidget.setTabOrder(self.moveUpButton, self.moveDownButton)
        QWidget.setTabOrder(self.moveDownButton, self.removeButton)

        self.retranslateUi(WatchlistEditorForm)

        self.marketTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(WatchlistEditorForm)
    # setupUi

    def retranslateUi(self, WatchlistEditorForm):
        WatchlistEditorForm.setWindowTitle(QCoreApplication.translate("WatchlistEditorForm", u"Watchlists", None))
        self.titleLabel.setText(QCoreApplication.translate("WatchlistEditorForm", u"Watchlists", None))
        self.findLabel.setText(QCoreApplication.translate("WatchlistEditorForm", u"Find instruments", None))
        self.listsLabel.setText(QCoreApplication.translate("WatchlistEditorForm", u"Your lists", None))
        self.marketTabs.setTabText(self.marketTabs.indexOf(self.kaseTab), QCoreApplication.translate("WatchlistEditorForm", u"KASE", None))
        self.marketTabs.setTabText(self.marketTabs.indexOf(self.aixTab), QCoreApplication.translate("WatchlistEditorForm", u"AIX", None))
        self.marketTabs.setTabText(self.marketTabs.indexOf(self.intlTab), QCoreApplication.translate("WatchlistEditorForm", u"International", None))
        self.moveUpButton.setText(QCoreApplication.translate("WatchlistEditorForm", u"Move up", None))
        self.moveDownButton.setText(QCoreApplication.translate("WatchlistEditorForm", u"Move down", None))
        self.removeButton.setText(QCoreApplication.translate("WatchlistEditorForm", u"Remove", None))
    # retranslateUi
