# ruff: noqa
# fmt: off
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'eds_dialog.ui'
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
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_EdsForm(object):
    def setupUi(self, EdsForm):
        if not EdsForm.objectName():
            EdsForm.setObjectName(u"EdsForm")
        EdsForm.resize(460, 280)
        self.mainLayout = QVBoxLayout(EdsForm)
        self.mainLayout.setSpacing(6)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(EdsForm)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"title")

        self.mainLayout.addWidget(self.titleLabel)

        self.titleGap = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.mainLayout.addItem(self.titleGap)

        self.stateRow = QHBoxLayout()
        self.stateRow.setSpacing(14)
        self.stateRow.setObjectName(u"stateRow")
        self.stateRow.setContentsMargins(0, 0, 0, 0)
        self.stateIcon = QLabel(EdsForm)
        self.stateIcon.setObjectName(u"stateIcon")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.stateIcon.sizePolicy().hasHeightForWidth())
        self.stateIcon.setSizePolicy(sizePolicy)
        self.stateIcon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.stateRow.addWidget(self.stateIcon)

        self.stateText = QVBoxLayout()
        self.stateText.setSpacing(6)
        self.stateText.setObjectName(u"stateText")
        self.stateText.setContentsMargins(0, 0, 0, 0)
        self.stateLabel = QLabel(EdsForm)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setProperty(u"role", u"subtitle")

        self.stateText.addWidget(self.stateLabel)

        self.hintLabel = QLabel(EdsForm)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setOpenExternalLinks(True)
        self.hintLabel.setTextFormat(Qt.TextFormat.RichText)
        self.hintLabel.setProperty(u"role", u"muted")

        self.stateText.addWidget(self.hintLabel)

        self.errorLabel = QLabel(EdsForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"role", u"error")

        self.stateText.addWidget(self.errorLabel)


        self.stateRow.addLayout(self.stateText)


        self.mainLayout.addLayout(self.stateRow)

        self.buttonsGap = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.buttonsGap)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRow.setContentsMargins(0, 0, 0, 0)
        self.busyBar = QProgressBar(EdsForm)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.buttonRow.addWidget(self.busyBar)

        self.buttonSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(EdsForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.retryButton = QPushButton(EdsForm)
        self.retryButton.setObjectName(u"retryButton")
        self.retryButton.setProperty(u"role", u"primary")

        self.buttonRow.addWidget(self.retryButton)


        self.mainLayout.addLayout(self.buttonRow)

        QWidget.setTabOrder(self.retryButton, self.cancelButton)

        self.retranslateUi(EdsForm)

        self.retryButton.setDefault(True)


        QMetaObject.connectSlotsByName(EdsForm)
    # setupUi

    def retranslateUi(self, EdsForm):
        EdsForm.setWindowTitle(QCoreApplication.translate("EdsForm", u"Sign with EDS", None))
        self.titleLabel.setText(QCoreApplication.translate("EdsForm", u"Sign with EDS", None))
        self.cancelButton.setText(QCoreApplication.translate("EdsForm", u"Cancel", None))
        self.retryButton.setText(QCoreApplication.translate("EdsForm", u"&Retry", None))
    # retranslateUi
