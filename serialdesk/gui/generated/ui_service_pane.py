# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'service_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QTextBrowser,
    QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.passport import PassportPanel
from serialdesk.gui.widgets.scan_field import ScanField

class Ui_ServicePane(object):
    def setupUi(self, ServicePane):
        if not ServicePane.objectName():
            ServicePane.setObjectName(u"ServicePane")
        ServicePane.resize(1100, 700)
        self.paneLayout = QVBoxLayout(ServicePane)
        self.paneLayout.setSpacing(10)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(22, 18, 22, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ServicePane)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.foreignButton = QPushButton(ServicePane)
        self.foreignButton.setObjectName(u"foreignButton")

        self.headerLayout.addWidget(self.foreignButton)

        self.unitChip = QLabel(ServicePane)
        self.unitChip.setObjectName(u"unitChip")

        self.headerLayout.addWidget(self.unitChip)


        self.paneLayout.addLayout(self.headerLayout)

        self.scanLayout = QHBoxLayout()
        self.scanLayout.setSpacing(18)
        self.scanLayout.setObjectName(u"scanLayout")
        self.scanEdit = ScanField(ServicePane)
        self.scanEdit.setObjectName(u"scanEdit")

        self.scanLayout.addWidget(self.scanEdit)

        self.banner = Banner(ServicePane)
        self.banner.setObjectName(u"banner")

        self.scanLayout.addWidget(self.banner)

        self.scanLayout.setStretch(0, 3)
        self.scanLayout.setStretch(1, 2)

        self.paneLayout.addLayout(self.scanLayout)

        self.mainLayout = QHBoxLayout()
        self.mainLayout.setSpacing(18)
        self.mainLayout.setObjectName(u"mainLayout")
        self.passportCard = QFrame(ServicePane)
        self.passportCard.setObjectName(u"passportCard")
        self.passportLayout = QVBoxLayout(self.passportCard)
        self.passportLayout.setObjectName(u"passportLayout")
        self.passportLayout.setContentsMargins(16, 14, 16, 14)
        self.passportPanel = PassportPanel(self.passportCard)
        self.passportPanel.setObjectName(u"passportPanel")

        self.passportLayout.addWidget(self.passportPanel)


        self.mainLayout.addWidget(self.passportCard)

        self.ticketLayout = QVBoxLayout()
        self.ticketLayout.setSpacing(8)
        self.ticketLayout.setObjectName(u"ticketLayout")
        self.ticketsCaption = QLabel(ServicePane)
        self.ticketsCaption.setObjectName(u"ticketsCaption")

        self.ticketLayout.addWidget(self.ticketsCaption)

        self.ticketsView = QTableView(ServicePane)
        self.ticketsView.setObjectName(u"ticketsView")
        self.ticketsView.setMaximumSize(QSize(16777215, 150))
        self.ticketsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ticketsView.setAlternatingRowColors(True)
        self.ticketsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ticketsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ticketsView.horizontalHeader().setStretchLastSection(True)
        self.ticketsView.verticalHeader().setVisible(False)

        self.ticketLayout.addWidget(self.ticketsView)

        self.ticketDetail = QTextBrowser(ServicePane)
        self.ticketDetail.setObjectName(u"ticketDetail")
        self.ticketDetail.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.ticketLayout.addWidget(self.ticketDetail)

        self.ticketButtons = QGridLayout()
        self.ticketButtons.setObjectName(u"ticketButtons")
        self.ticketButtons.setHorizontalSpacing(8)
        self.ticketButtons.setVerticalSpacing(8)
        self.openTicketButton = QPushButton(ServicePane)
        self.openTicketButton.setObjectName(u"openTicketButton")

        self.ticketButtons.addWidget(self.openTicketButton, 0, 0, 1, 1)

        self.logWorkButton = QPushButton(ServicePane)
        self.logWorkButton.setObjectName(u"logWorkButton")

        self.ticketButtons.addWidget(self.logWorkButton, 0, 1, 1, 1)

        self.swapPartButton = QPushButton(ServicePane)
        self.swapPartButton.setObjectName(u"swapPartButton")

        self.ticketButtons.addWidget(self.swapPartButton, 1, 0, 1, 1)

        self.closeTicketButton = QPushButton(ServicePane)
        self.closeTicketButton.setObjectName(u"closeTicketButton")

        self.ticketButtons.addWidget(self.closeTicketButton, 1, 1, 1, 1)

        self.waitingButton = QPushButton(ServicePane)
        self.waitingButton.setObjectName(u"waitingButton")

        self.ticketButtons.addWidget(self.waitingButton, 2, 0, 1, 1)

        self.doneButton = QPushButton(ServicePane)
        self.doneButton.setObjectName(u"doneButton")

        self.ticketButtons.addWidget(self.doneButton, 2, 1, 1, 1)


        self.ticketLayout.addLayout(self.ticketButtons)


        self.mainLayout.addLayout(self.ticketLayout)

        self.mainLayout.setStretch(0, 3)
        self.mainLayout.setStretch(1, 2)

        self.paneLayout.addLayout(self.mainLayout)


        self.retranslateUi(ServicePane)

        QMetaObject.connectSlotsByName(ServicePane)
    # setupUi

    def retranslateUi(self, ServicePane):
        self.titleLabel.setText(QCoreApplication.translate("ServicePane", u"Service desk", None))
#if QT_CONFIG(tooltip)
        self.foreignButton.setToolTip(QCoreApplication.translate("ServicePane", u"A unit we never sold: register it with its product and owner and open its ticket (Ctrl+U)", None))
#endif // QT_CONFIG(tooltip)
        self.foreignButton.setText(QCoreApplication.translate("ServicePane", u"Unit not sold by us\u2026", None))
        self.unitChip.setText(QCoreApplication.translate("ServicePane", u"No unit scanned", None))
#if QT_CONFIG(tooltip)
        self.scanEdit.setToolTip(QCoreApplication.translate("ServicePane", u"Scan the unit the customer brings in (or type its serial, or SKU:SERIAL, and press Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("ServicePane", u"Scan the unit brought in", None))
        self.banner.setText(QCoreApplication.translate("ServicePane", u"Scan a unit to see its passport and tickets.", None))
        self.ticketsCaption.setText(QCoreApplication.translate("ServicePane", u"Service tickets for this unit", None))
#if QT_CONFIG(tooltip)
        self.openTicketButton.setToolTip(QCoreApplication.translate("ServicePane", u"Take the unit in for service: describe the problem (Ctrl+T)", None))
#endif // QT_CONFIG(tooltip)
        self.openTicketButton.setText(QCoreApplication.translate("ServicePane", u"Open ticket\u2026", None))
#if QT_CONFIG(tooltip)
        self.logWorkButton.setToolTip(QCoreApplication.translate("ServicePane", u"Add what was done and how long it took (Ctrl+W)", None))
#endif // QT_CONFIG(tooltip)
        self.logWorkButton.setText(QCoreApplication.translate("ServicePane", u"Log work\u2026", None))
#if QT_CONFIG(tooltip)
        self.swapPartButton.setToolTip(QCoreApplication.translate("ServicePane", u"A serialised part taken out and one from stock fitted", None))
#endif // QT_CONFIG(tooltip)
        self.swapPartButton.setText(QCoreApplication.translate("ServicePane", u"Swap part\u2026", None))
#if QT_CONFIG(tooltip)
        self.closeTicketButton.setToolTip(QCoreApplication.translate("ServicePane", u"Say how it was resolved; the unit goes back to its owner", None))
#endif // QT_CONFIG(tooltip)
        self.closeTicketButton.setText(QCoreApplication.translate("ServicePane", u"Close ticket\u2026", None))
#if QT_CONFIG(tooltip)
        self.waitingButton.setToolTip(QCoreApplication.translate("ServicePane", u"The repair waits for parts; press again when they arrive", None))
#endif // QT_CONFIG(tooltip)
        self.waitingButton.setText(QCoreApplication.translate("ServicePane", u"Waiting for parts", None))
#if QT_CONFIG(tooltip)
        self.doneButton.setToolTip(QCoreApplication.translate("ServicePane", u"The repair is finished; the unit waits to be collected (Ctrl+D)", None))
#endif // QT_CONFIG(tooltip)
        self.doneButton.setText(QCoreApplication.translate("ServicePane", u"Mark done", None))
        pass
    # retranslateUi

