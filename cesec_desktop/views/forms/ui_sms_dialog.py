# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sms_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SmsForm(object):
    def setupUi(self, SmsForm):
        if not SmsForm.objectName():
            SmsForm.setObjectName(u"SmsForm")
        SmsForm.resize(420, 320)
        self.mainLayout = QVBoxLayout(SmsForm)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(SmsForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.mainLayout.addWidget(self.titleLabel)

        self.sentLabel = QLabel(SmsForm)
        self.sentLabel.setObjectName(u"sentLabel")
        self.sentLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.sentLabel)

        self.titleGap = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.titleGap)

        self.codeLabel = QLabel(SmsForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.mainLayout.addWidget(self.codeLabel)

        self.codeEdit = QLineEdit(SmsForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(32)
        self.codeEdit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.codeEdit.setPlaceholderText(u"000000")
        self.codeEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

        self.mainLayout.addWidget(self.codeEdit)

        self.validityLabel = QLabel(SmsForm)
        self.validityLabel.setObjectName(u"validityLabel")
        self.validityLabel.setProperty(u"role", u"caption")

        self.mainLayout.addWidget(self.validityLabel)

        self.errorLabel = QLabel(SmsForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.mainLayout.addWidget(self.errorLabel)

        self.resendRow = QHBoxLayout()
        self.resendRow.setSpacing(8)
        self.resendRow.setObjectName(u"resendRow")
        self.resendRow.setContentsMargins(0, 0, 0, 0)
        self.resendButton = QPushButton(SmsForm)
        self.resendButton.setObjectName(u"resendButton")
        self.resendButton.setAutoDefault(False)
        self.resendButton.setProperty(u"role", u"link")

        self.resendRow.addWidget(self.resendButton)

        self.resendSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resendRow.addItem(self.resendSpacer)


        self.mainLayout.addLayout(self.resendRow)

        self.buttonsGap = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.buttonsGap)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRow.setContentsMargins(0, 0, 0, 0)
        self.busyBar = QProgressBar(SmsForm)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.buttonRow.addWidget(self.busyBar)

        self.buttonSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(SmsForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.confirmButton = QPushButton(SmsForm)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.confirmButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.resendButton)
        QWidget.setTabOrder(self.resendButton, self.cancelButton)

        self.retranslateUi(SmsForm)

        self.confirmButton.setDefault(True)


        QMetaObject.connectSlotsByName(SmsForm)
    # setupUi

    def retranslateUi(self, SmsForm):
        SmsForm.setWindowTitle(QCoreApplication.translate("SmsForm", u"Sign with SMS", None))
        self.titleLabel.setText(QCoreApplication.translate("SmsForm", u"Sign with SMS", None))
        self.codeLabel.setText(QCoreApplication.translate("SmsForm", u"&Code from the SMS", None))
        self.resendButton.setText(QCoreApplication.translate("SmsForm", u"Send a new code", None))
        self.cancelButton.setText(QCoreApplication.translate("SmsForm", u"Cancel", None))
        self.confirmButton.setText(QCoreApplication.translate("SmsForm", u"Confirm", None))
    # retranslateUi
