# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alert_rules.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AlertRulesForm(object):
    def setupUi(self, AlertRulesForm):
        if not AlertRulesForm.objectName():
            AlertRulesForm.setObjectName(u"AlertRulesForm")
        AlertRulesForm.resize(480, 360)
        self.mainLayout = QVBoxLayout(AlertRulesForm)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.introLabel = QLabel(AlertRulesForm)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"muted")

        self.mainLayout.addWidget(self.introLabel)

        self.rulesGrid = QGridLayout()
        self.rulesGrid.setObjectName(u"rulesGrid")
        self.rulesGrid.setHorizontalSpacing(10)
        self.rulesGrid.setVerticalSpacing(4)
        self.dayLossPctLabel = QLabel(AlertRulesForm)
        self.dayLossPctLabel.setObjectName(u"dayLossPctLabel")

        self.rulesGrid.addWidget(self.dayLossPctLabel, 0, 0, 1, 1)

        self.dayLossPctEdit = QLineEdit(AlertRulesForm)
        self.dayLossPctEdit.setObjectName(u"dayLossPctEdit")
        self.dayLossPctEdit.setMaxLength(20)
        self.dayLossPctEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rulesGrid.addWidget(self.dayLossPctEdit, 0, 1, 1, 1)

        self.dayLossPctUnit = QLabel(AlertRulesForm)
        self.dayLossPctUnit.setObjectName(u"dayLossPctUnit")
        self.dayLossPctUnit.setText(u"%")

        self.rulesGrid.addWidget(self.dayLossPctUnit, 0, 2, 1, 1)

        self.dayLossPctError = QLabel(AlertRulesForm)
        self.dayLossPctError.setObjectName(u"dayLossPctError")
        self.dayLossPctError.setWordWrap(True)
        self.dayLossPctError.setProperty(u"role", u"error")

        self.rulesGrid.addWidget(self.dayLossPctError, 1, 1, 1, 2)

        self.dayLossKztLabel = QLabel(AlertRulesForm)
        self.dayLossKztLabel.setObjectName(u"dayLossKztLabel")

        self.rulesGrid.addWidget(self.dayLossKztLabel, 2, 0, 1, 1)

        self.dayLossKztEdit = QLineEdit(AlertRulesForm)
        self.dayLossKztEdit.setObjectName(u"dayLossKztEdit")
        self.dayLossKztEdit.setMaxLength(20)
        self.dayLossKztEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rulesGrid.addWidget(self.dayLossKztEdit, 2, 1, 1, 1)

        self.dayLossKztUnit = QLabel(AlertRulesForm)
        self.dayLossKztUnit.setObjectName(u"dayLossKztUnit")
        self.dayLossKztUnit.setText(u"KZT")

        self.rulesGrid.addWidget(self.dayLossKztUnit, 2, 2, 1, 1)

        self.dayLossKztError = QLabel(AlertRulesForm)
        self.dayLossKztError.setObjectName(u"dayLossKztError")
        self.dayLossKztError.setWordWrap(True)
        self.dayLossKztError.setProperty(u"role", u"error")

        self.rulesGrid.addWidget(self.dayLossKztError, 3, 1, 1, 2)

        self.withdrawalLabel = QLabel(AlertRulesForm)
        self.withdrawalLabel.setObjectName(u"withdrawalLabel")

        self.rulesGrid.addWidget(self.withdrawalLabel, 4, 0, 1, 1)

        self.withdrawalEdit = QLineEdit(AlertRulesForm)
        self.withdrawalEdit.setObjectName(u"withdrawalEdit")
        self.withdrawalEdit.setMaxLength(20)
        self.withdrawalEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rulesGrid.addWidget(self.withdrawalEdit, 4, 1, 1, 1)

        self.withdrawalUnit = QLabel(AlertRulesForm)
        self.withdrawalUnit.setObjectName(u"withdrawalUnit")
        self.withdrawalUnit.setText(u"KZT")

        self.rulesGrid.addWidget(self.withdrawalUnit, 4, 2, 1, 1)

        self.withdrawalError = QLabel(AlertRulesForm)
        self.withdrawalError.setObjectName(u"withdrawalError")
        self.withdrawalError.setWordWrap(True)
        self.withdrawalError.setProperty(u"role", u"error")

        self.rulesGrid.addWidget(self.withdrawalError, 5, 1, 1, 2)


        self.mainLayout.addLayout(self.rulesGrid)

        self.orderRejectedCheck = QCheckBox(AlertRulesForm)
        self.orderRejectedCheck.setObjectName(u"orderRejectedCheck")

        self.mainLayout.addWidget(self.orderRejectedCheck)

        self.cashNegativeCheck = QCheckBox(AlertRulesForm)
        self.cashNegativeCheck.setObjectName(u"cashNegativeCheck")

        self.mainLayout.addWidget(self.cashNegativeCheck)

        self.bottomSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(10)
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(AlertRulesForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.saveButton = QPushButton(AlertRulesForm)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.dayLossPctLabel.setBuddy(self.dayLossPctEdit)
        self.dayLossKztLabel.setBuddy(self.dayLossKztEdit)
        self.withdrawalLabel.setBuddy(self.withdrawalEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dayLossPctEdit, self.dayLossKztEdit)
        QWidget.setTabOrder(self.dayLossKztEdit, self.withdrawalEdit)
        QWidget.setTabOrder(self.withdrawalEdit, self.orderRejectedCheck)
        QWidget.setTabOrder(self.orderRejectedCheck, self.cashNegativeCheck)
        QWidget.setTabOrder(self.cashNegativeCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(AlertRulesForm)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(AlertRulesForm)
    # setupUi

    def retranslateUi(self, AlertRulesForm):
        AlertRulesForm.setWindowTitle(QCoreApplication.translate("AlertRulesForm", u"Alert rules", None))
        self.introLabel.setText(QCoreApplication.translate("AlertRulesForm", u"An alert is raised once when a client crosses a rule, and again only after the client is back on the safe side. Leave a number empty to switch its rule off.", None))
        self.dayLossPctLabel.setText(QCoreApplication.translate("AlertRulesForm", u"Day's loss of a client, at least", None))
        self.dayLossKztLabel.setText(QCoreApplication.translate("AlertRulesForm", u"or a day's loss, at least", None))
        self.withdrawalLabel.setText(QCoreApplication.translate("AlertRulesForm", u"A withdrawal above", None))
        self.orderRejectedCheck.setText(QCoreApplication.translate("AlertRulesForm", u"A client's order is rejected", None))
        self.cashNegativeCheck.setText(QCoreApplication.translate("AlertRulesForm", u"A client's cash goes below zero", None))
        self.cancelButton.setText(QCoreApplication.translate("AlertRulesForm", u"Cancel", None))
        self.saveButton.setText(QCoreApplication.translate("AlertRulesForm", u"Save", None))
    # retranslateUi
