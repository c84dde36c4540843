# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Banner

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(420, 300)
        self.loginLayout = QVBoxLayout(LoginDialog)
        self.loginLayout.setSpacing(10)
        self.loginLayout.setObjectName(u"loginLayout")
        self.loginLayout.setContentsMargins(28, 24, 28, 20)
        self.brandLabel = QLabel(LoginDialog)
        self.brandLabel.setObjectName(u"brandLabel")

        self.loginLayout.addWidget(self.brandLabel)

        self.subtitleLabel = QLabel(LoginDialog)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.loginLayout.addWidget(self.subtitleLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(10)
        self.userCaption = QLabel(LoginDialog)
        self.userCaption.setObjectName(u"userCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userCaption)

        self.userEdit = QLineEdit(LoginDialog)
        self.userEdit.setObjectName(u"userEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.pinCaption = QLabel(LoginDialog)
        self.pinCaption.setObjectName(u"pinCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinCaption)

        self.pinEdit = QLineEdit(LoginDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pinEdit.setMaxLength(12)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pinEdit)


        self.loginLayout.addLayout(self.formLayout)

        self.messageLabel = Banner(LoginDialog)
        self.messageLabel.setObjectName(u"messageLabel")

        self.loginLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(LoginDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.quitButton)

        self.signInButton = QPushButton(LoginDialog)
        self.signInButton.setObjectName(u"signInButton")

        self.buttonLayout.addWidget(self.signInButton)


        self.loginLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.userCaption.setBuddy(self.userEdit)
        self.pinCaption.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.userEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.quitButton)

        self.retranslateUi(LoginDialog)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Sign in \u2014 serialdesk", None))
        self.brandLabel.setText(QCoreApplication.translate("LoginDialog", u"serialdesk", None))
        self.subtitleLabel.setText(QCoreApplication.translate("LoginDialog", u"Sign in to this station", None))
        self.userCaption.setText(QCoreApplication.translate("LoginDialog", u"&User", None))
        self.userEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"your user name", None))
        self.pinCaption.setText(QCoreApplication.translate("LoginDialog", u"&PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("LoginDialog", u"4\u201312 digits", None))
        self.messageLabel.setText(QCoreApplication.translate("LoginDialog", u"Enter your user name and PIN.", None))
        self.quitButton.setText(QCoreApplication.translate("LoginDialog", u"Quit", None))
        self.signInButton.setText(QCoreApplication.translate("LoginDialog", u"Sign in", None))
    # retranslateUi

