# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lock.ui'
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

class Ui_LockForm(object):
    def setupUi(self, LockForm):
        if not LockForm.objectName():
            LockForm.setObjectName(u"LockForm")
        LockForm.resize(460, 300)
        self.mainLayout = QVBoxLayout(LockForm)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.headerRow = QHBoxLayout()
        self.headerRow.setSpacing(14)
        self.headerRow.setObjectName(u"headerRow")
        self.headerRow.setContentsMargins(0, 0, 0, 0)
        self.iconLabel = QLabel(LockForm)
        self.iconLabel.setObjectName(u"iconLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.iconLabel.sizePolicy().hasHeightForWidth())
        self.iconLabel.setSizePolicy(sizePolicy)
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headerRow.addWidget(self.iconLabel)

        self.headerText = QVBoxLayout()
        self.headerText.setSpacing(4)
        self.headerText.setObjectName(u"headerText")
        self.headerText.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(LockForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.headerText.addWidget(self.titleLabel)

        self.textLabel = QLabel(LockForm)
        self.textLabel.setObjectName(u"textLabel")
        self.textLabel.setWordWrap(True)

        self.headerText.addWidget(self.textLabel)


        self.headerRow.addLayout(self.headerText)


        self.mainLayout.addLayout(self.headerRow)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.headerSpacer)

        self.userLabel = QLabel(LockForm)
        self.userLabel.setObjectName(u"userLabel")
        self.userLabel.setWordWrap(True)
        self.userLabel.setProperty(u"role", u"muted")

        self.mainLayout.addWidget(self.userLabel)

        self.userSpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.userSpacer)

        self.passwordLabel = QLabel(LockForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.mainLayout.addWidget(self.passwordLabel)

        self.passwordEdit = QLineEdit(LockForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(128)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.mainLayout.addWidget(self.passwordEdit)

        self.errorLabel = QLabel(LockForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(LockForm)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonsSpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.buttonsSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRow.setContentsMargins(0, 0, 0, 0)
        self.logoutButton = QPushButton(LockForm)
        self.logoutButton.setObjectName(u"logoutButton")
        self.logoutButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.logoutButton)

        self.buttonSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.unlockButton = QPushButton(LockForm)
        self.unlockButton.setObjectName(u"unlockButton")
        self.unlockButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.unlockButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passwordEdit, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.logoutButton)

        self.retranslateUi(LockForm)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(LockForm)
    # setupUi

    def retranslateUi(self, LockForm):
        LockForm.setWindowTitle(QCoreApplication.translate("LockForm", u"Session locked", None))
        self.titleLabel.setText(QCoreApplication.translate("LockForm", u"Session locked", None))
        self.textLabel.setText(QCoreApplication.translate("LockForm", u"For your security the session was locked after a period of inactivity. Enter your password to continue.", None))
        self.passwordLabel.setText(QCoreApplication.translate("LockForm", u"&Password", None))
        self.logoutButton.setText(QCoreApplication.translate("LockForm", u"Log out", None))
        self.unlockButton.setText(QCoreApplication.translate("LockForm", u"Unlock", None))
    # retranslateUi
