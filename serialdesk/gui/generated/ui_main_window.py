# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QMainWindow, QSizePolicy, QSpacerItem, QStackedWidget,
    QStatusBar, QToolButton, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 720)
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QHBoxLayout(self.central)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.sidebar = QFrame(self.central)
        self.sidebar.setObjectName(u"sidebar")
        self.sidebar.setMinimumSize(QSize(204, 0))
        self.sidebar.setMaximumSize(QSize(204, 16777215))
        self.sidebarLayout = QVBoxLayout(self.sidebar)
        self.sidebarLayout.setSpacing(4)
        self.sidebarLayout.setObjectName(u"sidebarLayout")
        self.sidebarLayout.setContentsMargins(10, 16, 10, 12)
        self.brandLabel = QLabel(self.sidebar)
        self.brandLabel.setObjectName(u"brandLabel")
        self.brandLabel.setWordWrap(True)

        self.sidebarLayout.addWidget(self.brandLabel)

        self.stationLabel = QLabel(self.sidebar)
        self.stationLabel.setObjectName(u"stationLabel")
        self.stationLabel.setWordWrap(True)

        self.sidebarLayout.addWidget(self.stationLabel)

        self.brandSpacer = QSpacerItem(10, 18, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.sidebarLayout.addItem(self.brandSpacer)

        self.navCaption = QLabel(self.sidebar)
        self.navCaption.setObjectName(u"navCaption")
        self.navCaption.setWordWrap(True)

        self.sidebarLayout.addWidget(self.navCaption)

        self.navReceiving = QToolButton(self.sidebar)
        self.navReceiving.setObjectName(u"navReceiving")
        self.navReceiving.setCheckable(True)
        self.navReceiving.setAutoExclusive(True)
        self.navReceiving.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.navReceiving.sizePolicy().hasHeightForWidth())
        self.navReceiving.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navReceiving)

        self.navSales = QToolButton(self.sidebar)
        self.navSales.setObjectName(u"navSales")
        self.navSales.setCheckable(True)
        self.navSales.setAutoExclusive(True)
        self.navSales.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.navSales.sizePolicy().hasHeightForWidth())
        self.navSales.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navSales)

        self.navAssembly = QToolButton(self.sidebar)
        self.navAssembly.setObjectName(u"navAssembly")
        self.navAssembly.setCheckable(True)
        self.navAssembly.setAutoExclusive(True)
        self.navAssembly.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.navAssembly.sizePolicy().hasHeightForWidth())
        self.navAssembly.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navAssembly)

        self.navService = QToolButton(self.sidebar)
        self.navService.setObjectName(u"navService")
        self.navService.setCheckable(True)
        self.navService.setAutoExclusive(True)
        self.navService.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.navService.sizePolicy().hasHeightForWidth())
        self.navService.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navService)

        self.navSpacer = QSpacerItem(10, 14, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.sidebarLayout.addItem(self.navSpacer)

        self.toolsCaption = QLabel(self.sidebar)
        self.toolsCaption.setObjectName(u"toolsCaption")
        self.toolsCaption.setWordWrap(True)

        self.sidebarLayout.addWidget(self.toolsCaption)

        self.navRecalls = QToolButton(self.sidebar)
        self.navRecalls.setObjectName(u"navRecalls")
        self.navRecalls.setCheckable(True)
        self.navRecalls.setAutoExclusive(True)
        self.navRecalls.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.navRecalls.sizePolicy().hasHeightForWidth())
        self.navRecalls.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navRecalls)

        self.navReports = QToolButton(self.sidebar)
        self.navReports.setObjectName(u"navReports")
        self.navReports.setCheckable(True)
        self.navReports.setAutoExclusive(True)
        self.navReports.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.navReports.sizePolicy().hasHeightForWidth())
        self.navReports.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navReports)

        self.navPurchasing = QToolButton(self.sidebar)
        self.navPurchasing.setObjectName(u"navPurchasing")
        self.navPurchasing.setCheckable(True)
        self.navPurchasing.setAutoExclusive(True)
        self.navPurchasing.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.navPurchasing.sizePolicy().hasHeightForWidth())
        self.navPurchasing.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navPurchasing)

        self.navTransfers = QToolButton(self.sidebar)
        self.navTransfers.setObjectName(u"navTransfers")
        self.navTransfers.setCheckable(True)
        self.navTransfers.setAutoExclusive(True)
        self.navTransfers.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.navTransfers.sizePolicy().hasHeightForWidth())
        self.navTransfers.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.navTransfers)

        self.lookupButton = QToolButton(self.sidebar)
        self.lookupButton.setObjectName(u"lookupButton")
        self.lookupButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.lookupButton.sizePolicy().hasHeightForWidth())
        self.lookupButton.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.lookupButton)

        self.settingsButton = QToolButton(self.sidebar)
        self.settingsButton.setObjectName(u"settingsButton")
        self.settingsButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.settingsButton.sizePolicy().hasHeightForWidth())
        self.settingsButton.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.settingsButton)

        self.helpButton = QToolButton(self.sidebar)
        self.helpButton.setObjectName(u"helpButton")
        self.helpButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sizePolicy.setHeightForWidth(self.helpButton.sizePolicy().hasHeightForWidth())
        self.helpButton.setSizePolicy(sizePolicy)

        self.sidebarLayout.addWidget(self.helpButton)

        self.sideSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sidebarLayout.addItem(self.sideSpacer)

        self.userLabel = QLabel(self.sidebar)
        self.userLabel.setObjectName(u"userLabel")
        self.userLabel.setWordWrap(True)

        self.sidebarLayout.addWidget(self.userLabel)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setSpacing(0)
        self.footerLayout.setObjectName(u"footerLayout")
        self.signOutButton = QToolButton(self.sidebar)
        self.signOutButton.setObjectName(u"signOutButton")
        self.signOutButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.footerLayout.addWidget(self.signOutButton)

        self.footerSpacer = QSpacerItem(4, 4, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.aboutButton = QToolButton(self.sidebar)
        self.aboutButton.setObjectName(u"aboutButton")

        self.footerLayout.addWidget(self.aboutButton)


        self.sidebarLayout.addLayout(self.footerLayout)


        self.centralLayout.addWidget(self.sidebar)

        self.paneStack = QStackedWidget(self.central)
        self.paneStack.setObjectName(u"paneStack")

        self.centralLayout.addWidget(self.paneStack)

        MainWindow.setCentralWidget(self.central)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"serialdesk", None))
        self.brandLabel.setText(QCoreApplication.translate("MainWindow", u"serialdesk", None))
        self.stationLabel.setText(QCoreApplication.translate("MainWindow", u"Station", None))
        self.navCaption.setText(QCoreApplication.translate("MainWindow", u"COUNTER", None))
#if QT_CONFIG(tooltip)
        self.navReceiving.setToolTip(QCoreApplication.translate("MainWindow", u"Receive goods: scan serials onto a receipt (F2)", None))
#endif // QT_CONFIG(tooltip)
        self.navReceiving.setText(QCoreApplication.translate("MainWindow", u"Receiving", None))
#if QT_CONFIG(tooltip)
        self.navSales.setToolTip(QCoreApplication.translate("MainWindow", u"Sell units and take returns (F3)", None))
#endif // QT_CONFIG(tooltip)
        self.navSales.setText(QCoreApplication.translate("MainWindow", u"Sales", None))
#if QT_CONFIG(tooltip)
        self.navAssembly.setToolTip(QCoreApplication.translate("MainWindow", u"Build units from serialised parts: scan the serial and the parts, watch the slots fill (F8)", None))
#endif // QT_CONFIG(tooltip)
        self.navAssembly.setText(QCoreApplication.translate("MainWindow", u"Assembly", None))
#if QT_CONFIG(tooltip)
        self.navService.setToolTip(QCoreApplication.translate("MainWindow", u"Passport, tickets and repairs (F4)", None))
#endif // QT_CONFIG(tooltip)
        self.navService.setText(QCoreApplication.translate("MainWindow", u"Service", None))
        self.toolsCaption.setText(QCoreApplication.translate("MainWindow", u"TOOLS", None))
#if QT_CONFIG(tooltip)
        self.navRecalls.setToolTip(QCoreApplication.translate("MainWindow", u"Recall units by product, lot, serial range or dates; track the customers (F6)", None))
#endif // QT_CONFIG(tooltip)
        self.navRecalls.setText(QCoreApplication.translate("MainWindow", u"Recalls", None))
#if QT_CONFIG(tooltip)
        self.navReports.setToolTip(QCoreApplication.translate("MainWindow", u"Turnover, stock, aging and supplier quality, with charts (F7)", None))
#endif // QT_CONFIG(tooltip)
        self.navReports.setText(QCoreApplication.translate("MainWindow", u"Reports", None))
#if QT_CONFIG(tooltip)
        self.navPurchasing.setToolTip(QCoreApplication.translate("MainWindow", u"Purchase orders, the supplier's notices, what is due (F9)", None))
#endif // QT_CONFIG(tooltip)
        self.navPurchasing.setText(QCoreApplication.translate("MainWindow", u"Purchasing", None))
#if QT_CONFIG(tooltip)
        self.navTransfers.setToolTip(QCoreApplication.translate("MainWindow", u"Send units between locations and branches: scan out, scan in (F10)", None))
#endif // QT_CONFIG(tooltip)
        self.navTransfers.setText(QCoreApplication.translate("MainWindow", u"Transfers", None))
#if QT_CONFIG(tooltip)
        self.lookupButton.setToolTip(QCoreApplication.translate("MainWindow", u"Scan any unit to see its passport, from any pane (Ctrl+L)", None))
#endif // QT_CONFIG(tooltip)
        self.lookupButton.setText(QCoreApplication.translate("MainWindow", u"Look up", None))
#if QT_CONFIG(tooltip)
        self.settingsButton.setToolTip(QCoreApplication.translate("MainWindow", u"Settings of this station: scanner, labels, shop name, database (Ctrl+,)", None))
#endif // QT_CONFIG(tooltip)
        self.settingsButton.setText(QCoreApplication.translate("MainWindow", u"Settings", None))
#if QT_CONFIG(tooltip)
        self.helpButton.setToolTip(QCoreApplication.translate("MainWindow", u"Help for this pane (F1)", None))
#endif // QT_CONFIG(tooltip)
        self.helpButton.setText(QCoreApplication.translate("MainWindow", u"Help", None))
        self.userLabel.setText(QCoreApplication.translate("MainWindow", u"User", None))
#if QT_CONFIG(tooltip)
        self.signOutButton.setToolTip(QCoreApplication.translate("MainWindow", u"Hand the station over to someone else", None))
#endif // QT_CONFIG(tooltip)
        self.signOutButton.setText(QCoreApplication.translate("MainWindow", u"Sign out", None))
#if QT_CONFIG(tooltip)
        self.aboutButton.setToolTip(QCoreApplication.translate("MainWindow", u"Version, database and licence", None))
#endif // QT_CONFIG(tooltip)
        self.aboutButton.setText(QCoreApplication.translate("MainWindow", u"About", None))
    # retranslateUi

