# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_pane.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Banner

class Ui_ReportsPane(object):
    def setupUi(self, ReportsPane):
        if not ReportsPane.objectName():
            ReportsPane.setObjectName(u"ReportsPane")
        ReportsPane.resize(1100, 700)
        self.paneLayout = QVBoxLayout(ReportsPane)
        self.paneLayout.setSpacing(10)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(22, 18, 22, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(8)
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ReportsPane)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.periodCaption = QLabel(ReportsPane)
        self.periodCaption.setObjectName(u"periodCaption")

        self.headerLayout.addWidget(self.periodCaption)

        self.periodCombo = QComboBox(ReportsPane)
        self.periodCombo.setObjectName(u"periodCombo")

        self.headerLayout.addWidget(self.periodCombo)

        self.fromEdit = QDateEdit(ReportsPane)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.headerLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(ReportsPane)
        self.toLabel.setObjectName(u"toLabel")

        self.headerLayout.addWidget(self.toLabel)

        self.toEdit = QDateEdit(ReportsPane)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)

        self.headerLayout.addWidget(self.toEdit)

        self.refreshButton = QPushButton(ReportsPane)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.paneLayout.addLayout(self.headerLayout)

        self.banner = Banner(ReportsPane)
        self.banner.setObjectName(u"banner")

        self.paneLayout.addWidget(self.banner)

        self.tabs = QTabWidget(ReportsPane)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.paneLayout.addWidget(self.tabs)


        self.retranslateUi(ReportsPane)

        QMetaObject.connectSlotsByName(ReportsPane)
    # setupUi

    def retranslateUi(self, ReportsPane):
        self.titleLabel.setText(QCoreApplication.translate("ReportsPane", u"Reports", None))
        self.periodCaption.setText(QCoreApplication.translate("ReportsPane", u"Period", None))
#if QT_CONFIG(tooltip)
        self.periodCombo.setToolTip(QCoreApplication.translate("ReportsPane", u"The days the turnover covers, and when the suppliers' units were received", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.fromEdit.setToolTip(QCoreApplication.translate("ReportsPane", u"First day of the period (a UTC calendar day, included)", None))
#endif // QT_CONFIG(tooltip)
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("ReportsPane", u"d MMM yyyy", None))
        self.toLabel.setText(QCoreApplication.translate("ReportsPane", u"to", None))
#if QT_CONFIG(tooltip)
        self.toEdit.setToolTip(QCoreApplication.translate("ReportsPane", u"Last day of the period (included)", None))
#endif // QT_CONFIG(tooltip)
        self.toEdit.setDisplayFormat(QCoreApplication.translate("ReportsPane", u"d MMM yyyy", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("ReportsPane", u"Work the reports out again for this period (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(QCoreApplication.translate("ReportsPane", u"Refresh", None))
        self.banner.setText(QCoreApplication.translate("ReportsPane", u"Figures at cost; every day is a UTC calendar day.", None))
        pass
    # retranslateUi

