# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'withdrawal_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_WithdrawalForm(object):
    def setupUi(self, WithdrawalForm):
        if not WithdrawalForm.objectName():
            WithdrawalForm.setObjectName(u"WithdrawalForm")
        WithdrawalForm.resize(960, 600)
        self.mainLayout = QVBoxLayout(WithdrawalForm)
        self.mainLayout.setSpacing(4)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.headerRow = QHBoxLayout()
        self.headerRow.setSpacing(12)
        self.headerRow.setObjectName(u"headerRow")
        self.headerRow.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(WithdrawalForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.headerRow.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)


        self.mainLayout.addLayout(self.headerRow)

        self.headerGap = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.headerGap)

        self.stack = QStackedWidget(WithdrawalForm)
        self.stack.setObjectName(u"stack")
        self.formPage = QWidget()
        self.formPage.setObjectName(u"formPage")
        self.formColumns = QHBoxLayout(self.formPage)
        self.formColumns.setSpacing(24)
        self.formColumns.setObjectName(u"formColumns")
        self.formColumns.setContentsMargins(0, 0, 0, 0)
        self.fieldsBox = QWidget(self.formPage)
        self.fieldsBox.setObjectName(u"fieldsBox")
        self.fieldsBox.setMinimumSize(QSize(440, 0))
        self.fieldsGrid = QGridLayout(self.fieldsBox)
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.fieldsGrid.setHorizontalSpacing(12)
        self.fieldsGrid.setVerticalSpacing(4)
        self.fieldsGrid.setContentsMargins(0, 0, 0, 0)
        self.accountLabel = QLabel(self.fieldsBox)
        self.accountLabel.setObjectName(u"accountLabel")

        self.fieldsGrid.addWidget(self.accountLabel, 0, 0, 1, 1)

        self.accountCombo = QComboBox(self.fieldsBox)
        self.accountCombo.setObjectName(u"accountCombo")

        self.fieldsGrid.addWidget(self.accountCombo, 0, 1, 1, 1)

        self.accountError = QLabel(self.fieldsBox)
        self.accountError.setObjectName(u"accountError")
        self.accountError.setWordWrap(True)
        self.accountError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.accountError, 1, 1, 1, 1)

        self.currencyLabel = QLabel(self.fieldsBox)
        self.currencyLabel.setObjectName(u"currencyLabel")

        self.fieldsGrid.addWidget(self.currencyLabel, 2, 0, 1, 1)

        self.currencyCombo = QComboBox(self.fieldsBox)
        self.currencyCombo.setObjectName(u"currencyCombo")

        self.fieldsGrid.addWidget(self.currencyCombo, 2, 1, 1, 1)

        self.currencyError = QLabel(self.fieldsBox)
        self.currencyError.setObjectName(u"currencyError")
        self.currencyError.setWordWrap(True)
        self.currencyError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.currencyError, 3, 1, 1, 1)

        self.amountLabel = QLabel(self.fieldsBox)
        self.amountLabel.setObjectName(u"amountLabel")

        self.fieldsGrid.addWidget(self.amountLabel, 4, 0, 1, 1)

        self.amountRow = QHBoxLayout()
        self.amountRow.setSpacing(6)
        self.amountRow.setObjectName(u"amountRow")
        self.amountRow.setContentsMargins(0, 0, 0, 0)
        self.amountEdit = QLineEdit(self.fieldsBox)
        self.amountEdit.setObjectName(u"amountEdit")
        self.amountEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.amountRow.addWidget(self.amountEdit)

        self.amountCurrency = QLabel(self.fieldsBox)
        self.amountCurrency.setObjectName(u"amountCurrency")
        self.amountCurrency.setProperty(u"role", u"caption")

        self.amountRow.addWidget(self.amountCurrency)

        self.allButton = QPushButton(self.fieldsBox)
        self.allButton.setObjectName(u"allButton")
        self.allButton.setAutoDefault(False)
        self.allButton.setProperty(u"role", u"link")

        self.amountRow.addWidget(self.allButton)


        self.fieldsGrid.addLayout(self.amountRow, 4, 1, 1, 1)

        self.availableLabel = QLabel(self.fieldsBox)
        self.availableLabel.setObjectName(u"availableLabel")
        self.availableLabel.setWordWrap(True)
        self.availableLabel.setProperty(u"role", u"caption")

        self.fieldsGrid.addWidget(self.availableLabel, 5, 1, 1, 1)

        self.amountError = QLabel(self.fieldsBox)
        self.amountError.setObjectName(u"amountError")
        self.amountError.setWordWrap(True)
        self.amountError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.amountError, 6, 1, 1, 1)

        self.iinLabel = QLabel(self.fieldsBox)
        self.iinLabel.setObjectName(u"iinLabel")

        self.fieldsGrid.addWidget(self.iinLabel, 7, 0, 1, 1)

        self.iinEdit = QLineEdit(self.fieldsBox)
        self.iinEdit.setObjectName(u"iinEdit")
        self.iinEdit.setMaxLength(12)

        self.fieldsGrid.addWidget(self.iinEdit, 7, 1, 1, 1)

        self.iinHint = QLabel(self.fieldsBox)
        self.iinHint.setObjectName(u"iinHint")
        self.iinHint.setWordWrap(True)
        self.iinHint.setProperty(u"role", u"caption")

        self.fieldsGrid.addWidget(self.iinHint, 8, 1, 1, 1)

        self.iinError = QLabel(self.fieldsBox)
        self.iinError.setObjectName(u"iinError")
        self.iinError.setWordWrap(True)
        self.iinError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.iinError, 9, 1, 1, 1)

        self.ibanLabel = QLabel(self.fieldsBox)
        self.ibanLabel.setObjectName(u"ibanLabel")

        self.fieldsGrid.addWidget(self.ibanLabel, 10, 0, 1, 1)

        self.ibanEdit = QLineEdit(self.fieldsBox)
        self.ibanEdit.setObjectName(u"ibanEdit")
        self.ibanEdit.setMaxLength(34)

        self.fieldsGrid.addWidget(self.ibanEdit, 10, 1, 1, 1)

        self.ibanError = QLabel(self.fieldsBox)
        self.ibanError.setObjectName(u"ibanError")
        self.ibanError.setWordWrap(True)
        self.ibanError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.ibanError, 11, 1, 1, 1)

        self.bankLabel = QLabel(self.fieldsBox)
        self.bankLabel.setObjectName(u"bankLabel")

        self.fieldsGrid.addWidget(self.bankLabel, 12, 0, 1, 1)

        self.bankCombo = QComboBox(self.fieldsBox)
        self.bankCombo.setObjectName(u"bankCombo")

        self.fieldsGrid.addWidget(self.bankCombo, 12, 1, 1, 1)

        self.bankHint = QLabel(self.fieldsBox)
        self.bankHint.setObjectName(u"bankHint")
        self.bankHint.setWordWrap(True)
        self.bankHint.setProperty(u"role", u"caption")

        self.fieldsGrid.addWidget(self.bankHint, 13, 1, 1, 1)

        self.bankError = QLabel(self.fieldsBox)
        self.bankError.setObjectName(u"bankError")
        self.bankError.setWordWrap(True)
        self.bankError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.bankError, 14, 1, 1, 1)

        self.purposeLabel = QLabel(self.fieldsBox)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.fieldsGrid.addWidget(self.purposeLabel, 15, 0, 1, 1)

        self.purposeEdit = QLineEdit(self.fieldsBox)
        self.purposeEdit.setObjectName(u"purposeEdit")
        self.purposeEdit.setMaxLength(200)

        self.fieldsGrid.addWidget(self.purposeEdit, 15, 1, 1, 1)

        self.purposeError = QLabel(self.fieldsBox)
        self.purposeError.setObjectName(u"purposeError")
        self.purposeError.setWordWrap(True)
        self.purposeError.setProperty(u"role", u"error")

        self.fieldsGrid.addWidget(self.purposeError, 16, 1, 1, 1)

        self.fieldsSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fieldsGrid.addItem(self.fieldsSpacer, 17, 1, 1, 1)

        self.fieldsGrid.setRowStretch(17, 1)
        self.fieldsGrid.setColumnStretch(1, 1)

        self.formColumns.addWidget(self.fieldsBox)

        self.sideBox = QWidget(self.formPage)
        self.sideBox.setObjectName(u"sideBox")
        self.sideColumn = QVBoxLayout(self.sideBox)
        self.sideColumn.setSpacing(6)
        self.sideColumn.setObjectName(u"sideColumn")
        self.sideColumn.setContentsMargins(0, 0, 0, 0)
        self.documentHeader = QHBoxLayout()
        self.documentHeader.setSpacing(6)
        self.documentHeader.setObjectName(u"documentHeader")
        self.documentHeader.setContentsMargins(0, 0, 0, 0)
        self.documentLabel = QLabel(self.sideBox)
        self.documentLabel.setObjectName(u"documentLabel")
        self.documentLabel.setProperty(u"role", u"caption")

        self.documentHeader.addWidget(self.documentLabel)

        self.documentSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.documentHeader.addItem(self.documentSpacer)

        self.documentState = QLabel(self.sideBox)
        self.documentState.setObjectName(u"documentState")
        self.documentState.setProperty(u"role", u"caption")

        self.documentHeader.addWidget(self.documentState)


        self.sideColumn.addLayout(self.documentHeader)

        self.documentText = QPlainTextEdit(self.sideBox)
        self.documentText.setObjectName(u"documentText")
        self.documentText.setReadOnly(True)
        self.documentText.setTabChangesFocus(True)
        self.documentText.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.documentText.setMinimumSize(QSize(0, 180))
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
        self.doneTitle.setWordWrap(True)
        self.doneTitle.setProperty(u"role", u"success")
        self.doneTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.doneLayout.addWidget(self.doneTitle)

        self.doneStatus = QLabel(self.donePage)
        self.doneStatus.setObjectName(u"doneStatus")
        self.doneStatus.setWordWrap(True)
        self.doneStatus.setProperty(u"role", u"subtitle")
        self.doneStatus.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.doneLayout.addWidget(self.doneStatus)

        self.doneDetails = QLabel(self.donePage)
        self.doneDetails.setObjectName(u"doneDetails")
        self.doneDetails.setWordWrap(True)
        self.doneDetails.setProperty(u"role", u"muted")
        self.doneDetails.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.doneLayout.addWidget(self.doneDetails)

        self.doneBottomSpacer = QSpacerItem(20, 30, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneBottomSpacer)

        self.stack.addWidget(self.donePage)

        self.mainLayout.addWidget(self.stack)

        self.formError = QLabel(WithdrawalForm)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setProperty(u"role", u"error")

        self.mainLayout.addWidget(self.formError)

        self.noteLabel = QLabel(WithdrawalForm)
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
        self.busyBar = QProgressBar(WithdrawalForm)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.buttonRow.addWidget(self.busyBar)

        self.busyLabel = QLabel(WithdrawalForm)
        self.busyLabel.setObjectName(u"busyLabel")
        self.busyLabel.setProperty(u"role", u"caption")

        self.buttonRow.addWidget(self.busyLabel)

        self.buttonSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(WithdrawalForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.edsButton = QPushButton(WithdrawalForm)
        self.edsButton.setObjectName(u"edsButton")
        self.edsButton.setAutoDefault(False)
        self.edsButton.setProperty(u"role", u"sign")

        self.buttonRow.addWidget(self.edsButton)

        self.smsButton = QPushButton(WithdrawalForm)
        self.smsButton.setObjectName(u"smsButton")
        self.smsButton.setAutoDefault(False)
        self.smsButton.setProperty(u"role", u"sign")

        self.buttonRow.addWidget(self.smsButton)

        self.closeButton = QPushButton(WithdrawalForm)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.accountLabel.setBuddy(self.accountCombo)
        self.currencyLabel.setBuddy(self.currencyCombo)
        self.amountLabel.setBuddy(self.amountEdit)
        self.iinLabel.setBuddy(self.iinEdit)
        self.ibanLabel.setBuddy(self.ibanEdit)
        self.bankLabel.setBuddy(self.bankCombo)
        self.purposeLabel.setBuddy(self.purposeEdit)
        self.documentLabel.setBuddy(self.documentText)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.accountCombo, self.currencyCombo)
        QWidget.setTabOrder(self.currencyCombo, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.allButton)
        QWidget.setTabOrder(self.allButton, self.iinEdit)
        QWidget.setTabOrder(self.iinEdit, self.ibanEdit)
        QWidget.setTabOrder(self.ibanEdit, self.bankCombo)
        QWidget.setTabOrder(self.bankCombo, self.purposeEdit)
        QWidget.setTabOrder(self.purposeEdit, self.documentText)
        QWidget.setTabOrder(self.documentText, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.edsButton)
        QWidget.setTabOrder(self.edsButton, self.smsButton)
        QWidget.setTabOrder(self.smsButton, self.closeButton)

        self.retranslateUi(WithdrawalForm)

        QMetaObject.connectSlotsByName(WithdrawalForm)
    # setupUi

    def retranslateUi(self, WithdrawalForm):
        WithdrawalForm.setWindowTitle(QCoreApplication.translate("WithdrawalForm", u"Withdraw money", None))
        self.titleLabel.setText(QCoreApplication.translate("WithdrawalForm", u"Withdraw money", None))
        self.accountLabel.setText(QCoreApplication.translate("WithdrawalForm", u"Sub-&account", None))
        self.currencyLabel.setText(QCoreApplication.translate("WithdrawalForm", u"&Currency", None))
        self.amountLabel.setText(QCoreApplication.translate("WithdrawalForm", u"A&mount", None))
        self.allButton.setText(QCoreApplication.translate("WithdrawalForm", u"All", None))
        self.iinLabel.setText(QCoreApplication.translate("WithdrawalForm", u"Recipient &IIN", None))
        self.ibanLabel.setText(QCoreApplication.translate("WithdrawalForm", u"I&BAN", None))
        self.bankLabel.setText(QCoreApplication.translate("WithdrawalForm", u"Ban&k", None))
        self.purposeLabel.setText(QCoreApplication.translate("WithdrawalForm", u"&Purpose", None))
        self.documentLabel.setText(QCoreApplication.translate("WithdrawalForm", u"Document to sign", None))
        self.cancelButton.setText(QCoreApplication.translate("WithdrawalForm", u"Cancel", None))
        self.edsButton.setText(QCoreApplication.translate("WithdrawalForm", u"Sign with &EDS", None))
        self.smsButton.setText(QCoreApplication.translate("WithdrawalForm", u"Sign with &SMS", None))
        self.closeButton.setText(QCoreApplication.translate("WithdrawalForm", u"Close", None))
    # retranslateUi
