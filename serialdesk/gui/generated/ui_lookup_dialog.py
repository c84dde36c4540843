# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lookup_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFrame, QSizePolicy, QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.passport import PassportPanel
from serialdesk.gui.widgets.scan_field import ScanField

class Ui_LookupDialog(object):
    def setupUi(self, LookupDialog):
        if not LookupDialog.objectName():
            LookupDialog.setObjectName(u"LookupDialog")
        LookupDialog.resize(900, 640)
        self.lookupLayout = QVBoxLayout(LookupDialog)
        self.lookupLayout.setSpacing(10)
        self.lookupLayout.setObjectName(u"lookupLayout")
        self.lookupLayout.setContentsMargins(20, 16, 20, 14)
        self.scanEdit = ScanField(LookupDialog)
        self.scanEdit.setObjectName(u"scanEdit")

        self.lookupLayout.addWidget(self.scanEdit)

        self.banner = Banner(LookupDialog)
        self.banner.setObjectName(u"banner")

        self.lookupLayout.addWidget(self.banner)

        self.passportCard = QFrame(LookupDialog)
        self.passportCard.setObjectName(u"passportCard")
        self.passportLayout = QVBoxLayout(self.passportCard)
        self.passportLayout.setObjectName(u"passportLayout")
        self.passportLayout.setContentsMargins(16, 14, 16, 14)
        self.passportPanel = PassportPanel(self.passportCard)
        self.passportPanel.setObjectName(u"passportPanel")

        self.passportLayout.addWidget(self.passportPanel)


        self.lookupLayout.addWidget(self.passportCard)

        self.buttons = QDialogButtonBox(LookupDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.lookupLayout.addWidget(self.buttons)


        self.retranslateUi(LookupDialog)

        QMetaObject.connectSlotsByName(LookupDialog)
    # setupUi

    def retranslateUi(self, LookupDialog):
        LookupDialog.setWindowTitle(QCoreApplication.translate("LookupDialog", u"Look up a unit", None))
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("LookupDialog", u"Scan any unit, or type its serial and press Enter", None))
        self.banner.setText(QCoreApplication.translate("LookupDialog", u"Scan a unit: its passport shows here. Esc closes.", None))
    # retranslateUi

