# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'order_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialog,
    QFrame, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QToolButton,
    QVBoxLayout, QWidget)

from cesec_desktop.views.widgets.instrument_search import InstrumentSearch

class Ui_OrderForm(object):
    def setupUi(self, OrderForm):
        if not OrderForm.objectName():
            OrderForm.setObjectName(u"OrderForm")
        OrderForm.resize(990, 640)
        self.mainLayout = QVBoxLayout(OrderForm)
        self.mainLayout.setSpacing(4)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.headerRow = QHBoxLayout()
        self.headerRow.setSpacing(12)
        self.headerRow.setObjectName(u"headerRow")
        self.headerRow.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(OrderForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.headerRow.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)

        self.sideRow = QHBoxLayout()
        self.sideRow.setSpacing(0)
        self.sideRow.setObjectName(u"sideRow")
        self.sideRow.setContentsMargins(0, 0, 0, 0)
        self.buyButton = QPushButton(OrderForm)
        self.buyButton.setObjectName(u"buyButton")
        self.buyButton.setAutoDefault(False)
        self.buyButton.setCheckable(True)
        self.buyButton.setChecked(True)
        self.buyButton.setAutoExclusive(True)
        self.buyButton.setProperty(u"role", u"sideToggle")
        self.buyButton.setProperty(u"side", u"buy")

        self.sideRow.addWidget(self.buyButton)

        self.sellButton = QPushButton(OrderForm)
        self.sellButton.setObjectName(u"sellButton")
        self.sellButton.setAutoDefault(False)
        self.sellButton.setCheckable(True)
        self.sellButton.setAutoExclusive(True)
        self.sellButton.setProperty(u"role", u"sideToggle")
        self.sellButton.setProperty(u"side", u"sell")

        self.sideRow.addWidget(self.sellButton)


        self.headerRow.addLayout(self.sideRow)


        self.mainLayout.addLayout(self.headerRow)

        self.headerGap = QSpacerItem(20, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.headerGap)

        self.stack = QStackedWidget(OrderForm)
        self.stack.setObjectName(u"stack")
        self.formPage = QWidget()
        self.formPage.setObjectName(u"formPage")
        self.formColumns = QHBoxLayout(self.formPage)
        self.formColumns.setSpacing(24)
        self.formColumns.setObjectName(u"formColumns")
        self.formColumns.setContentsMargins(0, 0, 0, 0)
        self.fieldsBox = QWidget(self.formPage)
        self.fieldsBox.setObjectName(u"fieldsBox")
        self.fieldsBox.setMinimumSize(QSize(420, 0))
        self.fieldsGrid = QGridLayout(self.fieldsBox)
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.fieldsGrid.setHorizontalSpacing(12)
        self.fieldsGrid.setVerticalSpacing(4)
        self.fieldsGrid.setContentsMargins(0, 0, 0, 0)
        self.instrumentLabel = QLabel(self.fieldsBox)
        self.instrumentLabel.setObjectName(u"instrumentLabel")
        self.instrumentLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.fieldsGrid.addWidget(self.instrumentLabel, 0, 0, 1, 1)

        self.instrumentSearch = InstrumentSearch(self.fieldsBox)
        self.instrumentSearch.setObjectName(u"instrumentSearch")

        self.fieldsGrid.addWidget(self.instrumentSearch, 0, 1, 1, 1)

        self.instrumentInfo = QLabel(self.fieldsBox)
        self.instrumentInfo.setObjectName(u"instrumentInfo")
        self.instrumentInfo.setWordWrap(True)
        self.instrumentInfo.setProperty(u"role", u"caption")

        self.fieldsGrid.addWidget(self.instrumentInfo, 1, 1, 1, 1)

        self.instrumentError = QLabel(self.fieldsBox)
        self.instrumentError.setObjectName(u"instrumentError")
        self.instrumentError.setWordWrap(True)
        self.instrumentError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.instrumentError, 2, 1, 1, 1)

        self.accountLabel = QLabel(self.fieldsBox)
        self.accountLabel.setObjectName(u"accountLabel")
        self.accountLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.fieldsGrid.addWidget(self.accountLabel, 3, 0, 1, 1)

        self.accountCombo = QComboBox(self.fieldsBox)
        self.accountCombo.setObjectName(u"accountCombo")

        self.fieldsGrid.addWidget(self.accountCombo, 3, 1, 1, 1)

        self.accountError = QLabel(self.fieldsBox)
        self.accountError.setObjectName(u"accountError")
        self.accountError.setWordWrap(True)
        self.accountError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.accountError, 4, 1, 1, 1)

        self.typeLabel = QLabel(self.fieldsBox)
        self.typeLabel.setObjectName(u"typeLabel")
        self.typeLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.fieldsGrid.addWidget(self.typeLabel, 5, 0, 1, 1)

        self.typeCombo = QComboBox(self.fieldsBox)
        self.typeCombo.setObjectName(u"typeCombo")

        self.fieldsGrid.addWidget(self.typeCombo, 5, 1, 1, 1)

        self.typeError = QLabel(self.fieldsBox)
        self.typeError.setObjectName(u"typeError")
        self.typeError.setWordWrap(True)
        self.typeError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.typeError, 6, 1, 1, 1)

        self.priceLabel = QLabel(self.fieldsBox)
        self.priceLabel.setObjectName(u"priceLabel")
        self.priceLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.fieldsGrid.addWidget(self.priceLabel, 7, 0, 1, 1)

        self.priceRow = QHBoxLayout()
        self.priceRow.setSpacing(4)
        self.priceRow.setObjectName(u"priceRow")
        self.priceRow.setContentsMargins(0, 0, 0, 0)
        self.priceDownButton = QToolButton(self.fieldsBox)
        self.priceDownButton.setObjectName(u"priceDownButton")
        self.priceDownButton.setText(u"\u2212")
        self.priceDownButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.priceDownButton.setAutoRepeat(True)

        self.priceRow.addWidget(self.priceDownButton)

        self.priceEdit = QLineEdit(self.fieldsBox)
        self.priceEdit.setObjectName(u"priceEdit")
        self.priceEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.priceRow.addWidget(self.priceEdit)

        self.priceUpButton = QToolButton(self.fieldsBox)
        self.priceUpButton.setObjectName(u"priceUpButton")
        self.priceUpButton.setText(u"+")
        self.priceUpButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.priceUpButton.setAutoRepeat(True)

        self.priceRow.addWidget(self.priceUpButton)

        self.priceCurrency = QLabel(self.fieldsBox)
        self.priceCurrency.setObjectName(u"priceCurrency")
        self.priceCurrency.setMinimumSize(QSize(36, 0))
        self.priceCurrency.setProperty(u"role", u"caption")

        self.priceRow.addWidget(self.priceCurrency)


        self.fieldsGrid.addLayout(self.priceRow, 7, 1, 1, 1)

        self.priceError = QLabel(self.fieldsBox)
        self.priceError.setObjectName(u"priceError")
        self.priceError.setWordWrap(True)
        self.priceError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.priceError, 8, 1, 1, 1)

        self.quantityLabel = QLabel(self.fieldsBox)
        self.quantityLabel.setObjectName(u"quantityLabel")
        self.quantityLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.fieldsGrid.addWidget(self.quantityLabel, 9, 0, 1, 1)

        self.quantityRow = QHBoxLayout()
        self.quantityRow.setSpacing(4)
        self.quantityRow.setObjectName(u"quantityRow")
        self.quantityRow.setContentsMargins(0, 0, 0, 0)
        self.quantityDownButton = QToolButton(self.fieldsBox)
        self.quantityDownButton.setObjectName(u"quantityDownButton")
        self.quantityDownButton.setText(u"\u2212")
        self.quantityDownButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.quantityDownButton.setAutoRepeat(True)

        self.quantityRow.addWidget(self.quantityDownButton)

        self.quantityEdit = QLineEdit(self.fieldsBox)
        self.quantityEdit.setObjectName(u"quantityEdit")
        self.quantityEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.quantityRow.addWidget(self.quantityEdit)

        self.quantityUpButton = QToolButton(self.fieldsBox)
        self.quantityUpButton.setObjectName(u"quantityUpButton")
        self.quantityUpButton.setText(u"+")
        self.quantityUpButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.quantityUpButton.setAutoRepeat(True)

        self.quantityRow.addWidget(self.quantityUpButton)

        self.quantityUnit = QLabel(self.fieldsBox)
        self.quantityUnit.setObjectName(u"quantityUnit")
        self.quantityUnit.setMinimumSize(QSize(36, 0))
        self.quantityUnit.setProperty(u"role", u"caption")

        self.quantityRow.addWidget(self.quantityUnit)


        self.fieldsGrid.addLayout(self.quantityRow, 9, 1, 1, 1)

        self.lotsRow = QHBoxLayout()
        self.lotsRow.setSpacing(8)
        self.lotsRow.setObjectName(u"lotsRow")
        self.lotsRow.setContentsMargins(0, 0, 0, 0)
        self.lotsLabel = QLabel(self.fieldsBox)
        self.lotsLabel.setObjectName(u"lotsLabel")
        self.lotsLabel.setProperty(u"role", u"caption")

        self.lotsRow.addWidget(self.lotsLabel)

        self.lotsSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lotsRow.addItem(self.lotsSpacer)

        self.maxButton = QPushButton(self.fieldsBox)
        self.maxButton.setObjectName(u"maxButton")
        self.maxButton.setAutoDefault(False)
        self.maxButton.setProperty(u"role", u"link")

        self.lotsRow.addWidget(self.maxButton)


        self.fieldsGrid.addLayout(self.lotsRow, 10, 1, 1, 1)

        self.quantityError = QLabel(self.fieldsBox)
        self.quantityError.setObjectName(u"quantityError")
        self.quantityError.setWordWrap(True)
        self.quantityError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.quantityError, 11, 1, 1, 1)

        self.amountLabel = QLabel(self.fieldsBox)
        self.amountLabel.setObjectName(u"amountLabel")
        self.amountLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.fieldsGrid.addWidget(self.amountLabel, 12, 0, 1, 1)

        self.amountRow = QHBoxLayout()
        self.amountRow.setSpacing(4)
        self.amountRow.setObjectName(u"amountRow")
        self.amountRow.setContentsMargins(0, 0, 0, 0)
        self.amountEdit = QLineEdit(self.fieldsBox)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.amountRow.addWidget(self.amountEdit)

        self.amountCurrency = QLabel(self.fieldsBox)
        self.amountCurrency.setObjectName(u"amountCurrency")
        self.amountCurrency.setMinimumSize(QSize(36, 0))
        self.amountCurrency.setProperty(u"role", u"caption")

        self.amountRow.addWidget(self.amountCurrency)


        self.fieldsGrid.addLayout(self.amountRow, 12, 1, 1, 1)

        self.amountHint = QLabel(self.fieldsBox)
        self.amountHint.setObjectName(u"amountHint")
        self.amountHint.setWordWrap(True)
        self.amountHint.setProperty(u"role", u"note")

        self.fieldsGrid.addWidget(self.amountHint, 13, 1, 1, 1)

        self.validLabel = QLabel(self.fieldsBox)
        self.validLabel.setObjectName(u"validLabel")
        self.validLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.fieldsGrid.addWidget(self.validLabel, 14, 0, 1, 1)

        self.validRow = QHBoxLayout()
        self.validRow.setSpacing(8)
        self.validRow.setObjectName(u"validRow")
        self.validRow.setContentsMargins(0, 0, 0, 0)
        self.validDate = QDateEdit(self.fieldsBox)
        self.validDate.setObjectName(u"validDate")
        self.validDate.setCalendarPopup(True)

        self.validRow.addWidget(self.validDate)

        self.validSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.validRow.addItem(self.validSpacer)


        self.fieldsGrid.addLayout(self.validRow, 14, 1, 1, 1)

        self.validError = QLabel(self.fieldsBox)
        self.validError.setObjectName(u"validError")
        self.validError.setWordWrap(True)
        self.validError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.validError, 15, 1, 1, 1)

        self.fieldsBottomSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fieldsGrid.addItem(self.fieldsBottomSpacer, 16, 1, 1, 1)

        self.fieldsGrid.setColumnStretch(1, 1)

        self.formColumns.addWidget(self.fieldsBox)

        self.sideBox = QWidget(self.formPage)
        self.sideBox.setObjectName(u"sideBox")
        self.sideBox.setMinimumSize(QSize(480, 0))
        self.sideColumn = QVBoxLayout(self.sideBox)
        self.sideColumn.setSpacing(8)
        self.sideColumn.setObjectName(u"sideColumn")
        self.sideColumn.setContentsMargins(0, 0, 0, 0)
        self.quotePanel = QFrame(self.sideBox)
        self.quotePanel.setObjectName(u"quotePanel")
        self.quotePanel.setProperty(u"role", u"panel")
        self.quoteLayout = QVBoxLayout(self.quotePanel)
        self.quoteLayout.setSpacing(6)
        self.quoteLayout.setObjectName(u"quoteLayout")
        self.quoteLayout.setContentsMargins(12, 10, 12, 10)
        self.quoteHeader = QHBoxLayout()
        self.quoteHeader.setSpacing(8)
        self.quoteHeader.setObjectName(u"quoteHeader")
        self.quoteHeader.setContentsMargins(0, 0, 0, 0)
        self.quoteTitle = QLabel(self.quotePanel)
        self.quoteTitle.setObjectName(u"quoteTitle")
        self.quoteTitle.setProperty(u"role", u"caption")

        self.quoteHeader.addWidget(self.quoteTitle)

        self.quoteHeaderSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quoteHeader.addItem(self.quoteHeaderSpacer)

        self.quoteTime = QLabel(self.quotePanel)
        self.quoteTime.setObjectName(u"quoteTime")
        self.quoteTime.setProperty(u"role", u"caption")

        self.quoteHeader.addWidget(self.quoteTime)


        self.quoteLayout.addLayout(self.quoteHeader)

        self.quoteButtons = QHBoxLayout()
        self.quoteButtons.setSpacing(6)
        self.quoteButtons.setObjectName(u"quoteButtons")
        self.quoteButtons.setContentsMargins(0, 0, 0, 0)
        self.bidButton = QPushButton(self.quotePanel)
        self.bidButton.setObjectName(u"bidButton")
        self.bidButton.setText(u"\u2014")
        self.bidButton.setAutoDefault(False)
        self.bidButton.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.bidButton.sizePolicy().hasHeightForWidth())
        self.bidButton.setSizePolicy(sizePolicy)
        self.bidButton.setProperty(u"role", u"quote")

        self.quoteButtons.addWidget(self.bidButton)

        self.lastButton = QPushButton(self.quotePanel)
        self.lastButton.setObjectName(u"lastButton")
        self.lastButton.setText(u"\u2014")
        self.lastButton.setAutoDefault(False)
        self.lastButton.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        sizePolicy.setHeightForWidth(self.lastButton.sizePolicy().hasHeightForWidth())
        self.lastButton.setSizePolicy(sizePolicy)
        self.lastButton.setProperty(u"role", u"quote")

        self.quoteButtons.addWidget(self.lastButton)

        self.askButton = QPushButton(self.quotePanel)
        self.askButton.setObjectName(u"askButton")
        self.askButton.setText(u"\u2014")
        self.askButton.setAutoDefault(False)
        self.askButton.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        sizePolicy.setHeightForWidth(self.askButton.sizePolicy().hasHeightForWidth())
        self.askButton.setSizePolicy(sizePolicy)
        self.askButton.setProperty(u"role", u"quote")

        self.quoteButtons.addWidget(self.askButton)


        self.quoteLayout.addLayout(self.quoteButtons)

        self.quoteHint = QLabel(self.quotePanel)
        self.quoteHint.setObjectName(u"quoteHint")
        self.quoteHint.setProperty(u"role", u"note")

        self.quoteLayout.addWidget(self.quoteHint)


        self.sideColumn.addWidget(self.quotePanel)

        self.summaryPanel = QFrame(self.sideBox)
        self.summaryPanel.setObjectName(u"summaryPanel")
        self.summaryPanel.setProperty(u"role", u"panel")
        self.summaryGrid = QGridLayout(self.summaryPanel)
        self.summaryGrid.setObjectName(u"summaryGrid")
        self.summaryGrid.setHorizontalSpacing(12)
        self.summaryGrid.setVerticalSpacing(4)
        self.summaryGrid.setContentsMargins(12, 10, 12, 10)
        self.availableLabel = QLabel(self.summaryPanel)
        self.availableLabel.setObjectName(u"availableLabel")
        self.availableLabel.setProperty(u"role", u"caption")

        self.summaryGrid.addWidget(self.availableLabel, 0, 0, 1, 1)

        self.availableValue = QLabel(self.summaryPanel)
        self.availableValue.setObjectName(u"availableValue")
        self.availableValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.availableValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryGrid.addWidget(self.availableValue, 0, 1, 1, 1)

        self.amountSumLabel = QLabel(self.summaryPanel)
        self.amountSumLabel.setObjectName(u"amountSumLabel")
        self.amountSumLabel.setProperty(u"role", u"caption")

        self.summaryGrid.addWidget(self.amountSumLabel, 1, 0, 1, 1)

        self.amountValue = QLabel(self.summaryPanel)
        self.amountValue.setObjectName(u"amountValue")
        self.amountValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.amountValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryGrid.addWidget(self.amountValue, 1, 1, 1, 1)

        self.feeLabel = QLabel(self.summaryPanel)
        self.feeLabel.setObjectName(u"feeLabel")
        self.feeLabel.setProperty(u"role", u"caption")

        self.summaryGrid.addWidget(self.feeLabel, 2, 0, 1, 1)

        self.feeValue = QLabel(self.summaryPanel)
        self.feeValue.setObjectName(u"feeValue")
        self.feeValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.feeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryGrid.addWidget(self.feeValue, 2, 1, 1, 1)

        self.totalLabel = QLabel(self.summaryPanel)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setProperty(u"role", u"caption")

        self.summaryGrid.addWidget(self.totalLabel, 3, 0, 1, 1)

        self.totalValue = QLabel(self.summaryPanel)
        self.totalValue.setObjectName(u"totalValue")
        self.totalValue.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.totalValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totalValue.setProperty(u"role", u"total")

        self.summaryGrid.addWidget(self.totalValue, 3, 1, 1, 1)

        self.summaryGrid.setColumnStretch(0, 1)

        self.sideColumn.addWidget(self.summaryPanel)

        self.documentLabel = QLabel(self.sideBox)
        self.documentLabel.setObjectName(u"documentLabel")
        self.documentLabel.setProperty(u"role", u"caption")

        self.sideColumn.addWidget(self.documentLabel)

        self.documentText = QPlainTextEdit(self.sideBox)
        self.documentText.setObjectName(u"documentText")
        self.documentText.setReadOnly(True)
        self.documentText.setTabChangesFocus(True)
        self.documentText.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.documentText.setMinimumSize(QSize(0, 150))
        self.documentText.setProperty(u"role", u"document")

        self.sideColumn.addWidget(self.documentText)


        self.formColumns.addWidget(self.sideBox)

        self.formColumns.setStretch(0, 2)
        self.formColumns.setStretch(1, 3)
        self.stack.addWidget(self.formPage)
        self.donePage = QWidget()
        self.donePage.setObjectName(u"donePage")
        self.doneLayout = QVBoxLayout(self.donePage)
        self.doneLayout.setSpacing(8)
        self.doneLayout.setObjectName(u"doneLayout")
        self.doneLayout.setContentsMargins(0, 0, 0, 0)
        self.doneTopSpacer = QSpacerItem(20, 30, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneTopSpacer)

        self.doneIcon = QLabel(self.donePage)
        self.doneIcon.setObjectName(u"doneIcon")
        self.doneIcon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.doneLayout.addWidget(self.doneIcon)

        self.doneTitle = QLabel(self.donePage)
        self.doneTitle.setObjectName(u"doneTitle")
        self.doneTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.doneTitle.setWordWrap(True)
        self.doneTitle.setProperty(u"role", u"success")

        self.doneLayout.addWidget(self.doneTitle)

        self.doneStatus = QLabel(self.donePage)
        self.doneStatus.setObjectName(u"doneStatus")
        self.doneStatus.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.doneStatus.setWordWrap(True)
        self.doneStatus.setProperty(u"role", u"subtitle")

        self.doneLayout.addWidget(self.doneStatus)

        self.doneDetails = QLabel(self.donePage)
        self.doneDetails.setObjectName(u"doneDetails")
        self.doneDetails.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.doneDetails.setWordWrap(True)
        self.doneDetails.setProperty(u"role", u"muted")

        self.doneLayout.addWidget(self.doneDetails)

        self.doneBottomSpacer = QSpacerItem(20, 30, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneBottomSpacer)

        self.stack.addWidget(self.donePage)

        self.mainLayout.addWidget(self.stack)

        self.formError = QLabel(OrderForm)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setProperty(u"role", u"error")

        self.mainLayout.addWidget(self.formError)

        self.noteLabel = QLabel(OrderForm)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setProperty(u"role", u"muted")

        self.mainLayout.addWidget(self.noteLabel)

        self.buttonsGap = QSpacerItem(20, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.buttonsGap)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRow.setContentsMargins(0, 0, 0, 0)
        self.busyBar = QProgressBar(OrderForm)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.buttonRow.addWidget(self.busyBar)

        self.busyLabel = QLabel(OrderForm)
        self.busyLabel.setObjectName(u"busyLabel")
        self.busyLabel.setProperty(u"role", u"caption")

        self.buttonRow.addWidget(self.busyLabel)

        self.buttonSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(OrderForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.edsButton = QPushButton(OrderForm)
        self.edsButton.setObjectName(u"edsButton")
        self.edsButton.setAutoDefault(False)
        self.edsButton.setProperty(u"role", u"sign")

        self.buttonRow.addWidget(self.edsButton)

        self.smsButton = QPushButton(OrderForm)
        self.smsButton.setObjectName(u"smsButton")
        self.smsButton.setAutoDefault(False)
        self.smsButton.setProperty(u"role", u"sign")

        self.buttonRow.addWidget(self.smsButton)

        self.newOrderButton = QPushButton(OrderForm)
        self.newOrderButton.setObjectName(u"newOrderButton")
        self.newOrderButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.newOrderButton)

        self.closeButton = QPushButton(OrderForm)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)
        self.closeButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.instrumentLabel.setBuddy(self.instrumentSearch)
        self.accountLabel.setBuddy(self.accountCombo)
        self.typeLabel.setBuddy(self.typeCombo)
        self.priceLabel.setBuddy(self.priceEdit)
        self.quantityLabel.setBuddy(self.quantityEdit)
        self.amountLabel.setBuddy(self.amountEdit)
        self.validLabel.setBuddy(self.validDate)
        self.documentLabel.setBuddy(self.documentText)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.buyButton, self.sellButton)
        QWidget.setTabOrder(self.sellButton, self.instrumentSearch)
        QWidget.setTabOrder(self.instrumentSearch, self.accountCombo)
        QWidget.setTabOrder(self.accountCombo, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.priceEdit)
        QWidget.setTabOrder(self.priceEdit, self.quantityEdit)
        QWidget.setTabOrder(self.quantityEdit, self.maxButton)
        QWidget.setTabOrder(self.maxButton, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.validDate)
        QWidget.setTabOrder(self.validDate, self.bidButton)
        QWidget.setTabOrder(self.bidButton, self.lastButton)
        QWidget.setTabOrder(self.lastButton, self.askButton)
        QWidget.setTabOrder(self.askButton, self.documentText)
        QWidget.setTabOrder(self.documentText, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.edsButton)
        QWidget.setTabOrder(self.edsButton, self.smsButton)
        QWidget.setTabOrder(self.smsButton, self.newOrderButton)
        QWidget.setTabOrder(self.newOrderButton, self.closeButton)

        self.retranslateUi(OrderForm)

        QMetaObject.connectSlotsByName(OrderForm)
    # setupUi

    def retranslateUi(self, OrderForm):
        OrderForm.setWindowTitle(QCoreApplication.translate("OrderForm", u"New order", None))
        self.titleLabel.setText(QCoreApplication.translate("OrderForm", u"New order", None))
        self.buyButton.setText(QCoreApplication.translate("OrderForm", u"Buy", None))
        self.sellButton.setText(QCoreApplication.translate("OrderForm", u"Sell", None))
        self.instrumentLabel.setText(QCoreApplication.translate("OrderForm", u"&Instrument", None))
        self.accountLabel.setText(QCoreApplication.translate("OrderForm", u"Sub-&account", None))
        self.typeLabel.setText(QCoreApplication.translate("OrderForm", u"Order &type", None))
        self.priceLabel.setText(QCoreApplication.translate("OrderForm", u"&Price", None))
        self.quantityLabel.setText(QCoreApplication.translate("OrderForm", u"&Quantity", None))
        self.maxButton.setText(QCoreApplication.translate("OrderForm", u"Max", None))
        self.amountLabel.setText(QCoreApplication.translate("OrderForm", u"A&mount", None))
        self.amountHint.setText(QCoreApplication.translate("OrderForm", u"Editing the amount sets the quantity, in whole lots.", None))
        self.validLabel.setText(QCoreApplication.translate("OrderForm", u"&Valid until", None))
        self.quoteTitle.setText(QCoreApplication.translate("OrderForm", u"Market now", None))
        self.quoteHint.setText(QCoreApplication.translate("OrderForm", u"Click a price to use it.", None))
        self.amountSumLabel.setText(QCoreApplication.translate("OrderForm", u"Amount", None))
        self.feeLabel.setText(QCoreApplication.translate("OrderForm", u"Estimated fee", None))
        self.totalLabel.setText(QCoreApplication.translate("OrderForm", u"Total", None))
        self.documentLabel.setText(QCoreApplication.translate("OrderForm", u"Document to sign", None))
        self.cancelButton.setText(QCoreApplication.translate("OrderForm", u"Cancel", None))
        self.edsButton.setText(QCoreApplication.translate("OrderForm", u"Sign with &EDS", None))
        self.smsButton.setText(QCoreApplication.translate("OrderForm", u"Sign with &SMS", None))
        self.newOrderButton.setText(QCoreApplication.translate("OrderForm", u"New order", None))
        self.closeButton.setText(QCoreApplication.translate("OrderForm", u"Close", None))
    # retranslateUi
