# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'order_details.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_OrderDetailsForm(object):
    def setupUi(self, OrderDetailsForm):
        if not OrderDetailsForm.objectName():
            OrderDetailsForm.setObjectName(u"OrderDetailsForm")
        OrderDetailsForm.resize(812, 480)
        self.mainLayout = QVBoxLayout(OrderDetailsForm)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.fieldsPanel = QFrame(OrderDetailsForm)
        self.fieldsPanel.setObjectName(u"fieldsPanel")
        self.fieldsPanel.setProperty(u"role", u"panel")
        self.fieldsGrid = QGridLayout(self.fieldsPanel)
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.fieldsGrid.setHorizontalSpacing(14)
        self.fieldsGrid.setVerticalSpacing(8)
        self.fieldsGrid.setContentsMargins(16, 14, 16, 14)
        self.instrumentCaption = QLabel(self.fieldsPanel)
        self.instrumentCaption.setObjectName(u"instrumentCaption")
        self.instrumentCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.instrumentCaption, 0, 0, 1, 1)

        self.instrumentValue = QLabel(self.fieldsPanel)
        self.instrumentValue.setObjectName(u"instrumentValue")
        self.instrumentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.instrumentValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.instrumentValue, 0, 1, 1, 1)

        self.sideCaption = QLabel(self.fieldsPanel)
        self.sideCaption.setObjectName(u"sideCaption")
        self.sideCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.sideCaption, 1, 0, 1, 1)

        self.sideValue = QLabel(self.fieldsPanel)
        self.sideValue.setObjectName(u"sideValue")
        self.sideValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sideValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.sideValue, 1, 1, 1, 1)

        self.typeCaption = QLabel(self.fieldsPanel)
        self.typeCaption.setObjectName(u"typeCaption")
        self.typeCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.typeCaption, 2, 0, 1, 1)

        self.typeValue = QLabel(self.fieldsPanel)
        self.typeValue.setObjectName(u"typeValue")
        self.typeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.typeValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.typeValue, 2, 1, 1, 1)

        self.priceCaption = QLabel(self.fieldsPanel)
        self.priceCaption.setObjectName(u"priceCaption")
        self.priceCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.priceCaption, 3, 0, 1, 1)

        self.priceValue = QLabel(self.fieldsPanel)
        self.priceValue.setObjectName(u"priceValue")
        self.priceValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.priceValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.priceValue, 3, 1, 1, 1)

        self.averagePriceCaption = QLabel(self.fieldsPanel)
        self.averagePriceCaption.setObjectName(u"averagePriceCaption")
        self.averagePriceCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.averagePriceCaption, 4, 0, 1, 1)

        self.averagePriceValue = QLabel(self.fieldsPanel)
        self.averagePriceValue.setObjectName(u"averagePriceValue")
        self.averagePriceValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.averagePriceValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.averagePriceValue, 4, 1, 1, 1)

        self.quantityCaption = QLabel(self.fieldsPanel)
        self.quantityCaption.setObjectName(u"quantityCaption")
        self.quantityCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.quantityCaption, 5, 0, 1, 1)

        self.quantityValue = QLabel(self.fieldsPanel)
        self.quantityValue.setObjectName(u"quantityValue")
        self.quantityValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quantityValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.quantityValue, 5, 1, 1, 1)

        self.filledCaption = QLabel(self.fieldsPanel)
        self.filledCaption.setObjectName(u"filledCaption")
        self.filledCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.filledCaption, 6, 0, 1, 1)

        self.filledValue = QLabel(self.fieldsPanel)
        self.filledValue.setObjectName(u"filledValue")
        self.filledValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filledValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.filledValue, 6, 1, 1, 1)

        self.accountCaption = QLabel(self.fieldsPanel)
        self.accountCaption.setObjectName(u"accountCaption")
        self.accountCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.accountCaption, 0, 3, 1, 1)

        self.accountValue = QLabel(self.fieldsPanel)
        self.accountValue.setObjectName(u"accountValue")
        self.accountValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accountValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.accountValue, 0, 4, 1, 1)

        self.createdCaption = QLabel(self.fieldsPanel)
        self.createdCaption.setObjectName(u"createdCaption")
        self.createdCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.createdCaption, 1, 3, 1, 1)

        self.createdValue = QLabel(self.fieldsPanel)
        self.createdValue.setObjectName(u"createdValue")
        self.createdValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.createdValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.createdValue, 1, 4, 1, 1)

        self.updatedCaption = QLabel(self.fieldsPanel)
        self.updatedCaption.setObjectName(u"updatedCaption")
        self.updatedCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.updatedCaption, 2, 3, 1, 1)

        self.updatedValue = QLabel(self.fieldsPanel)
        self.updatedValue.setObjectName(u"updatedValue")
        self.updatedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.updatedValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.updatedValue, 2, 4, 1, 1)

        self.validUntilCaption = QLabel(self.fieldsPanel)
        self.validUntilCaption.setObjectName(u"validUntilCaption")
        self.validUntilCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.validUntilCaption, 3, 3, 1, 1)

        self.validUntilValue = QLabel(self.fieldsPanel)
        self.validUntilValue.setObjectName(u"validUntilValue")
        self.validUntilValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.validUntilValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.validUntilValue, 3, 4, 1, 1)

        self.signatureCaption = QLabel(self.fieldsPanel)
        self.signatureCaption.setObjectName(u"signatureCaption")
        self.signatureCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.signatureCaption, 4, 3, 1, 1)

        self.signatureValue = QLabel(self.fieldsPanel)
        self.signatureValue.setObjectName(u"signatureValue")
        self.signatureValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signatureValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.signatureValue, 4, 4, 1, 1)

        self.orderIdCaption = QLabel(self.fieldsPanel)
        self.orderIdCaption.setObjectName(u"orderIdCaption")
        self.orderIdCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.orderIdCaption, 5, 3, 1, 1)

        self.orderIdValue = QLabel(self.fieldsPanel)
        self.orderIdValue.setObjectName(u"orderIdValue")
        self.orderIdValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.orderIdValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.orderIdValue, 5, 4, 1, 1)

        self.fieldsGap = QSpacerItem(24, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.fieldsGrid.addItem(self.fieldsGap, 0, 2, 1, 1)

        self.rejectCaption = QLabel(self.fieldsPanel)
        self.rejectCaption.setObjectName(u"rejectCaption")
        self.rejectCaption.setProperty(u"role", u"muted")

        self.fieldsGrid.addWidget(self.rejectCaption, 7, 0, 1, 1)

        self.rejectValue = QLabel(self.fieldsPanel)
        self.rejectValue.setObjectName(u"rejectValue")
        self.rejectValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejectValue.setWordWrap(True)

        self.fieldsGrid.addWidget(self.rejectValue, 7, 1, 1, 4)


        self.mainLayout.addWidget(self.fieldsPanel)

        self.historyHeader = QHBoxLayout()
        self.historyHeader.setSpacing(10)
        self.historyHeader.setObjectName(u"historyHeader")
        self.historyHeader.setContentsMargins(0, 0, 0, 0)
        self.historyTitle = QLabel(OrderDetailsForm)
        self.historyTitle.setObjectName(u"historyTitle")
        self.historyTitle.setProperty(u"role", u"cardTitle")

        self.historyHeader.addWidget(self.historyTitle)

        self.historyStatus = QLabel(OrderDetailsForm)
        self.historyStatus.setObjectName(u"historyStatus")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.historyStatus.sizePolicy().hasHeightForWidth())
        self.historyStatus.setSizePolicy(sizePolicy)
        self.historyStatus.setProperty(u"role", u"muted")
        self.historyStatus.setWordWrap(True)

        self.historyHeader.addWidget(self.historyStatus)


        self.mainLayout.addLayout(self.historyHeader)

        self.historyView = QTableView(OrderDetailsForm)
        self.historyView.setObjectName(u"historyView")

        self.mainLayout.addWidget(self.historyView)


        self.retranslateUi(OrderDetailsForm)

        QMetaObject.connectSlotsByName(OrderDetailsForm)
    # setupUi

    def retranslateUi(self, OrderDetailsForm):
        self.instrumentCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Instrument", None))
        self.sideCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Side", None))
        self.typeCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Type", None))
        self.priceCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Price", None))
        self.averagePriceCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Average fill price", None))
        self.quantityCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Quantity", None))
        self.filledCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Filled", None))
        self.accountCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Sub-account", None))
        self.createdCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Placed", None))
        self.updatedCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Last change", None))
        self.validUntilCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Valid until", None))
        self.signatureCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Signed with", None))
        self.orderIdCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Order ID", None))
        self.rejectCaption.setText(QCoreApplication.translate("OrderDetailsForm", u"Reason", None))
        self.historyTitle.setText(QCoreApplication.translate("OrderDetailsForm", u"Event history", None))
        pass
    # retranslateUi
