# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_password.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout,
    QWidget)

class Ui_ChangePasswordForm(object):
    def setupUi(self, ChangePasswordForm):
        if not ChangePasswordForm.objectName():
            ChangePasswordForm.setObjectName(u"ChangePasswordForm")
        ChangePasswordForm.resize(420, 560)
        self.mainLayout = QVBoxLayout(ChangePasswordForm)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(ChangePasswordForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(ChangePasswordForm)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"note")

        self.mainLayout.addWidget(self.introLabel)

        self.titleSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.titleSpacer)

        self.stack = QStackedWidget(ChangePasswordForm)
        self.stack.setObjectName(u"stack")
        self.formPage = QWidget()
        self.formPage.setObjectName(u"formPage")
        self.formLayout = QVBoxLayout(self.formPage)
        self.formLayout.setSpacing(4)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.oldLabel = QLabel(self.formPage)
        self.oldLabel.setObjectName(u"oldLabel")

        self.formLayout.addWidget(self.oldLabel)

        self.oldEdit = QLineEdit(self.formPage)
        self.oldEdit.setObjectName(u"oldEdit")
        self.oldEdit.setMaxLength(128)
        self.oldEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.addWidget(self.oldEdit)

        self.oldError = QLabel(self.formPage)
        self.oldError.setObjectName(u"oldError")
        self.oldError.setWordWrap(True)
        self.oldError.setProperty(u"role", u"error")

        self.formLayout.addWidget(self.oldError)

        self.oldSpacer = QSpacerItem(20, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.formLayout.addItem(self.oldSpacer)

        self.newLabel = QLabel(self.formPage)
        self.newLabel.setObjectName(u"newLabel")

        self.formLayout.addWidget(self.newLabel)

        self.newEdit = QLineEdit(self.formPage)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setMaxLength(128)
        self.newEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.addWidget(self.newEdit)

        self.newError = QLabel(self.formPage)
        self.newError.setObjectName(u"newError")
        self.newError.setWordWrap(True)
        self.newError.setProperty(u"role", u"error")

        self.formLayout.addWidget(self.newError)

        self.newSpacer = QSpacerItem(20, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.formLayout.addItem(self.newSpacer)

        self.repeatLabel = QLabel(self.formPage)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.formLayout.addWidget(self.repeatLabel)

        self.repeatEdit = QLineEdit(self.formPage)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setMaxLength(128)
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.addWidget(self.repeatEdit)

        self.repeatError = QLabel(self.formPage)
        self.repeatError.setObjectName(u"repeatError")
        self.repeatError.setWordWrap(True)
        self.repeatError.setProperty(u"role", u"error")

        self.formLayout.addWidget(self.repeatError)

        self.policySpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.formLayout.addItem(self.policySpacer)

        self.policyBox = QFrame(self.formPage)
        self.policyBox.setObjectName(u"policyBox")
        self.policyBox.setProperty(u"role", u"panel")
        self.policyLayout = QVBoxLayout(self.policyBox)
        self.policyLayout.setSpacing(3)
        self.policyLayout.setObjectName(u"policyLayout")
        self.policyLayout.setContentsMargins(12, 10, 12, 10)
        self.policyTitle = QLabel(self.policyBox)
        self.policyTitle.setObjectName(u"policyTitle")
        self.policyTitle.setWordWrap(True)
        self.policyTitle.setProperty(u"role", u"caption")

        self.policyLayout.addWidget(self.policyTitle)

        self.ruleLength = QLabel(self.policyBox)
        self.ruleLength.setObjectName(u"ruleLength")
        self.ruleLength.setProperty(u"role", u"rule")

        self.policyLayout.addWidget(self.ruleLength)

        self.ruleDigit = QLabel(self.policyBox)
        self.ruleDigit.setObjectName(u"ruleDigit")
        self.ruleDigit.setProperty(u"role", u"rule")

        self.policyLayout.addWidget(self.ruleDigit)

        self.ruleUpper = QLabel(self.policyBox)
        self.ruleUpper.setObjectName(u"ruleUpper")
        self.ruleUpper.setProperty(u"role", u"rule")

        self.policyLayout.addWidget(self.ruleUpper)

        self.ruleLower = QLabel(self.policyBox)
        self.ruleLower.setObjectName(u"ruleLower")
        self.ruleLower.setProperty(u"role", u"rule")

        self.policyLayout.addWidget(self.ruleLower)

        self.ruleSymbol = QLabel(self.policyBox)
        self.ruleSymbol.setObjectName(u"ruleSymbol")
        self.ruleSymbol.setProperty(u"role", u"rule")

        self.policyLayout.addWidget(self.ruleSymbol)


        self.formLayout.addWidget(self.policyBox)

        self.formError = QLabel(self.formPage)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setProperty(u"role", u"error")

        self.formLayout.addWidget(self.formError)

        self.formBottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formLayout.addItem(self.formBottomSpacer)

        self.stack.addWidget(self.formPage)
        self.donePage = QWidget()
        self.donePage.setObjectName(u"donePage")
        self.doneLayout = QVBoxLayout(self.donePage)
        self.doneLayout.setObjectName(u"doneLayout")
        self.doneLayout.setContentsMargins(0, 0, 0, 0)
        self.doneTopSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneTopSpacer)

        self.doneIcon = QLabel(self.donePage)
        self.doneIcon.setObjectName(u"doneIcon")
        self.doneIcon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.doneLayout.addWidget(self.doneIcon)

        self.doneLabel = QLabel(self.donePage)
        self.doneLabel.setObjectName(u"doneLabel")
        self.doneLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.doneLabel.setWordWrap(True)
        self.doneLabel.setProperty(u"role", u"success")

        self.doneLayout.addWidget(self.doneLabel)

        self.doneBottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneBottomSpacer)

        self.stack.addWidget(self.donePage)

        self.mainLayout.addWidget(self.stack)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.buttonsSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRow.setContentsMargins(0, 0, 0, 0)
        self.busyBar = QProgressBar(ChangePasswordForm)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.buttonRow.addWidget(self.busyBar)

        self.buttonSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(ChangePasswordForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.submitButton = QPushButton(ChangePasswordForm)
        self.submitButton.setObjectName(u"submitButton")
        self.submitButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.submitButton)

        self.doneButton = QPushButton(ChangePasswordForm)
        self.doneButton.setObjectName(u"doneButton")
        self.doneButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.doneButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.oldLabel.setBuddy(self.oldEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.oldEdit, self.newEdit)
        QWidget.setTabOrder(self.newEdit, self.repeatEdit)
        QWidget.setTabOrder(self.repeatEdit, self.submitButton)
        QWidget.setTabOrder(self.submitButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.doneButton)

        self.retranslateUi(ChangePasswordForm)

        self.submitButton.setDefault(True)
        self.doneButton.setDefault(True)


        QMetaObject.connectSlotsByName(ChangePasswordForm)
    # setupUi

    def retranslateUi(self, ChangePasswordForm):
        ChangePasswordForm.setWindowTitle(QCoreApplication.translate("ChangePasswordForm", u"Change password", None))
        self.titleLabel.setText(QCoreApplication.translate("ChangePasswordForm", u"Change password", None))
        self.introLabel.setText(QCoreApplication.translate("ChangePasswordForm", u"Your password has expired. Choose a new one to continue.", None))
        self.oldLabel.setText(QCoreApplication.translate("ChangePasswordForm", u"C&urrent password", None))
        self.newLabel.setText(QCoreApplication.translate("ChangePasswordForm", u"&New password", None))
        self.repeatLabel.setText(QCoreApplication.translate("ChangePasswordForm", u"&Repeat the new password", None))
        self.policyTitle.setText(QCoreApplication.translate("ChangePasswordForm", u"The new password must have:", None))
        self.ruleLength.setText(QCoreApplication.translate("ChangePasswordForm", u"8 to 12 characters", None))
        self.ruleDigit.setText(QCoreApplication.translate("ChangePasswordForm", u"a digit", None))
        self.ruleUpper.setText(QCoreApplication.translate("ChangePasswordForm", u"an upper-case letter", None))
        self.ruleLower.setText(QCoreApplication.translate("ChangePasswordForm", u"a lower-case letter", None))
        self.ruleSymbol.setText(QCoreApplication.translate("ChangePasswordForm", u"a symbol, such as ! # % or *", None))
        self.doneLabel.setText(QCoreApplication.translate("ChangePasswordForm", u"Password changed successfully", None))
        self.cancelButton.setText(QCoreApplication.translate("ChangePasswordForm", u"Cancel", None))
        self.submitButton.setText(QCoreApplication.translate("ChangePasswordForm", u"Change password", None))
        self.doneButton.setText(QCoreApplication.translate("ChangePasswordForm", u"Continue", None))
    # retranslateUi
