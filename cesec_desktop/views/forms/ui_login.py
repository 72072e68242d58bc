# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFrame,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_LoginForm(object):
    def setupUi(self, LoginForm):
        if not LoginForm.objectName():
            LoginForm.setObjectName(u"LoginForm")
        LoginForm.resize(460, 620)
        self.outerLayout = QVBoxLayout(LoginForm)
        self.outerLayout.setSpacing(0)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(24, 24, 24, 16)
        self.topSpacer = QSpacerItem(20, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topSpacer)

        self.cardRow = QHBoxLayout()
        self.cardRow.setObjectName(u"cardRow")
        self.cardLeftSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cardRow.addItem(self.cardLeftSpacer)

        self.card = QFrame(LoginForm)
        self.card.setObjectName(u"card")
        self.card.setMinimumSize(QSize(360, 0))
        self.card.setMaximumSize(QSize(400, 16777215))
        self.cardLayout = QVBoxLayout(self.card)
        self.cardLayout.setSpacing(6)
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLayout.setContentsMargins(28, 28, 28, 28)
        self.logoLabel = QLabel(self.card)
        self.logoLabel.setObjectName(u"logoLabel")
        self.logoLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.cardLayout.addWidget(self.logoLabel)

        self.titleLabel = QLabel(self.card)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"Centras Securities")
        self.titleLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.titleLabel.setProperty(u"role", u"title")

        self.cardLayout.addWidget(self.titleLabel)

        self.subtitleLabel = QLabel(self.card)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitleLabel.setProperty(u"role", u"muted")

        self.cardLayout.addWidget(self.subtitleLabel)

        self.badgeRow = QHBoxLayout()
        self.badgeRow.setObjectName(u"badgeRow")
        self.badgeLeftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.badgeRow.addItem(self.badgeLeftSpacer)

        self.demoBadge = QLabel(self.card)
        self.demoBadge.setObjectName(u"demoBadge")
        self.demoBadge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demoBadge.setProperty(u"role", u"badge")

        self.badgeRow.addWidget(self.demoBadge)

        self.badgeRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.badgeRow.addItem(self.badgeRightSpacer)


        self.cardLayout.addLayout(self.badgeRow)

        self.headerSpacer = QSpacerItem(20, 14, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.cardLayout.addItem(self.headerSpacer)

        self.loginPages = QStackedWidget(self.card)
        self.loginPages.setObjectName(u"loginPages")
        self.signInPage = QWidget()
        self.signInPage.setObjectName(u"signInPage")
        self.signInLayout = QVBoxLayout(self.signInPage)
        self.signInLayout.setSpacing(6)
        self.signInLayout.setObjectName(u"signInLayout")
        self.signInLayout.setContentsMargins(0, 0, 0, 0)
        self.loginLabel = QLabel(self.signInPage)
        self.loginLabel.setObjectName(u"loginLabel")

        self.signInLayout.addWidget(self.loginLabel)

        self.loginEdit = QLineEdit(self.signInPage)
        self.loginEdit.setObjectName(u"loginEdit")
        self.loginEdit.setMaxLength(64)
        self.loginEdit.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase|Qt.InputMethodHint.ImhNoPredictiveText)

        self.signInLayout.addWidget(self.loginEdit)

        self.fieldSpacer = QSpacerItem(20, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.signInLayout.addItem(self.fieldSpacer)

        self.passwordLabel = QLabel(self.signInPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.signInLayout.addWidget(self.passwordLabel)

        self.passwordEdit = QLineEdit(self.signInPage)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(128)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.signInLayout.addWidget(self.passwordEdit)

        self.rememberCheck = QCheckBox(self.signInPage)
        self.rememberCheck.setObjectName(u"rememberCheck")

        self.signInLayout.addWidget(self.rememberCheck)

        self.keyringNote = QLabel(self.signInPage)
        self.keyringNote.setObjectName(u"keyringNote")
        self.keyringNote.setWordWrap(True)
        self.keyringNote.setProperty(u"role", u"note")

        self.signInLayout.addWidget(self.keyringNote)

        self.messageLabel = QLabel(self.signInPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messageLabel.setProperty(u"role", u"error")

        self.signInLayout.addWidget(self.messageLabel)

        self.buttonSpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.signInLayout.addItem(self.buttonSpacer)

        self.signInButton = QPushButton(self.signInPage)
        self.signInButton.setObjectName(u"signInButton")
        self.signInButton.setProperty(u"role", u"primary")

        self.signInLayout.addWidget(self.signInButton)

        self.retryButton = QPushButton(self.signInPage)
        self.retryButton.setObjectName(u"retryButton")

        self.signInLayout.addWidget(self.retryButton)

        self.forgotButton = QPushButton(self.signInPage)
        self.forgotButton.setObjectName(u"forgotButton")
        self.forgotButton.setAutoDefault(False)
        self.forgotButton.setProperty(u"role", u"link")

        self.signInLayout.addWidget(self.forgotButton)

        self.busyBar = QProgressBar(self.signInPage)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.signInLayout.addWidget(self.busyBar)

        self.loginPages.addWidget(self.signInPage)

        self.cardLayout.addWidget(self.loginPages)


        self.cardRow.addWidget(self.card)

        self.cardRightSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cardRow.addItem(self.cardRightSpacer)


        self.outerLayout.addLayout(self.cardRow)

        self.bottomSpacer = QSpacerItem(20, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

        self.footerRow = QHBoxLayout()
        self.footerRow.setObjectName(u"footerRow")
        self.languageIcon = QLabel(LoginForm)
        self.languageIcon.setObjectName(u"languageIcon")

        self.footerRow.addWidget(self.languageIcon)

        self.languageCombo = QComboBox(LoginForm)
        self.languageCombo.setObjectName(u"languageCombo")

        self.footerRow.addWidget(self.languageCombo)

        self.footerSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerRow.addItem(self.footerSpacer)

        self.serverLabel = QLabel(LoginForm)
        self.serverLabel.setObjectName(u"serverLabel")
        self.serverLabel.setProperty(u"role", u"muted")

        self.footerRow.addWidget(self.serverLabel)


        self.outerLayout.addLayout(self.footerRow)

#if QT_CONFIG(shortcut)
        self.loginLabel.setBuddy(self.loginEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.loginEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.rememberCheck)
        QWidget.setTabOrder(self.rememberCheck, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.retryButton)
        QWidget.setTabOrder(self.retryButton, self.forgotButton)
        QWidget.setTabOrder(self.forgotButton, self.languageCombo)

        self.retranslateUi(LoginForm)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoginForm)
    # setupUi

    def retranslateUi(self, LoginForm):
        LoginForm.setWindowTitle(QCoreApplication.translate("LoginForm", u"Sign in \u00b7 Centras Securities", None))
        self.subtitleLabel.setText(QCoreApplication.translate("LoginForm", u"Trading cabinet", None))
#if QT_CONFIG(tooltip)
        self.demoBadge.setToolTip(QCoreApplication.translate("LoginForm", u"Demo mode: a local mock of the broker's systems, no real money", None))
#endif // QT_CONFIG(tooltip)
        self.demoBadge.setText(QCoreApplication.translate("LoginForm", u"DEMO", None))
        self.loginLabel.setText(QCoreApplication.translate("LoginForm", u"&Login", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginForm", u"&Password", None))
        self.rememberCheck.setText(QCoreApplication.translate("LoginForm", u"&Remember me", None))
#if QT_CONFIG(tooltip)
        self.rememberCheck.setToolTip(QCoreApplication.translate("LoginForm", u"Keep the login in the system's password store on this computer", None))
#endif // QT_CONFIG(tooltip)
        self.keyringNote.setText(QCoreApplication.translate("LoginForm", u"No password store is available on this computer, so the login will not be remembered.", None))
        self.signInButton.setText(QCoreApplication.translate("LoginForm", u"Sign in", None))
        self.retryButton.setText(QCoreApplication.translate("LoginForm", u"Retry", None))
        self.forgotButton.setText(QCoreApplication.translate("LoginForm", u"&Forgot password?", None))
#if QT_CONFIG(tooltip)
        self.languageCombo.setToolTip(QCoreApplication.translate("LoginForm", u"Language", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
