# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sales_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QTextBrowser,
    QVBoxLayout, QWidget)

from serialdesk.gui.widgets.camera_panel import CameraPanel
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.scan_field import ScanField

class Ui_SalesPane(object):
    def setupUi(self, SalesPane):
        if not SalesPane.objectName():
            SalesPane.setObjectName(u"SalesPane")
        SalesPane.resize(1100, 700)
        self.paneLayout = QVBoxLayout(SalesPane)
        self.paneLayout.setSpacing(12)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(22, 18, 22, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(SalesPane)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.customerChip = QLabel(SalesPane)
        self.customerChip.setObjectName(u"customerChip")

        self.headerLayout.addWidget(self.customerChip)


        self.paneLayout.addLayout(self.headerLayout)

        self.mainLayout = QHBoxLayout()
        self.mainLayout.setSpacing(18)
        self.mainLayout.setObjectName(u"mainLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setSpacing(8)
        self.leftLayout.setObjectName(u"leftLayout")
        self.customerCard = QFrame(SalesPane)
        self.customerCard.setObjectName(u"customerCard")
        self.customerLayout = QVBoxLayout(self.customerCard)
        self.customerLayout.setSpacing(6)
        self.customerLayout.setObjectName(u"customerLayout")
        self.customerRow = QHBoxLayout()
        self.customerRow.setObjectName(u"customerRow")
        self.customerSearch = QLineEdit(self.customerCard)
        self.customerSearch.setObjectName(u"customerSearch")
        self.customerSearch.setClearButtonEnabled(True)

        self.customerRow.addWidget(self.customerSearch)

        self.newCustomerButton = QPushButton(self.customerCard)
        self.newCustomerButton.setObjectName(u"newCustomerButton")

        self.customerRow.addWidget(self.newCustomerButton)


        self.customerLayout.addLayout(self.customerRow)

        self.customersView = QTableView(self.customerCard)
        self.customersView.setObjectName(u"customersView")
        self.customersView.setMaximumSize(QSize(16777215, 150))
        self.customersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.customersView.setAlternatingRowColors(True)
        self.customersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.customersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.customersView.horizontalHeader().setStretchLastSection(True)
        self.customersView.verticalHeader().setVisible(False)

        self.customerLayout.addWidget(self.customersView)


        self.leftLayout.addWidget(self.customerCard)

        self.scanCaption = QLabel(SalesPane)
        self.scanCaption.setObjectName(u"scanCaption")

        self.leftLayout.addWidget(self.scanCaption)

        self.scanEdit = ScanField(SalesPane)
        self.scanEdit.setObjectName(u"scanEdit")

        self.leftLayout.addWidget(self.scanEdit)

        self.cameraPanel = CameraPanel(SalesPane)
        self.cameraPanel.setObjectName(u"cameraPanel")

        self.leftLayout.addWidget(self.cameraPanel)

        self.banner = Banner(SalesPane)
        self.banner.setObjectName(u"banner")

        self.leftLayout.addWidget(self.banner)

        self.cartView = QTableView(SalesPane)
        self.cartView.setObjectName(u"cartView")
        self.cartView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.cartView.setAlternatingRowColors(True)
        self.cartView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cartView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cartView.verticalHeader().setVisible(False)

        self.leftLayout.addWidget(self.cartView)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setSpacing(8)
        self.actionLayout.setObjectName(u"actionLayout")
        self.removeButton = QPushButton(SalesPane)
        self.removeButton.setObjectName(u"removeButton")

        self.actionLayout.addWidget(self.removeButton)

        self.returnButton = QPushButton(SalesPane)
        self.returnButton.setObjectName(u"returnButton")

        self.actionLayout.addWidget(self.returnButton)

        self.actionSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)

        self.totalLabel = QLabel(SalesPane)
        self.totalLabel.setObjectName(u"totalLabel")

        self.actionLayout.addWidget(self.totalLabel)

        self.completeButton = QPushButton(SalesPane)
        self.completeButton.setObjectName(u"completeButton")

        self.actionLayout.addWidget(self.completeButton)


        self.leftLayout.addLayout(self.actionLayout)


        self.mainLayout.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setSpacing(8)
        self.rightLayout.setObjectName(u"rightLayout")
        self.receiptCaption = QLabel(SalesPane)
        self.receiptCaption.setObjectName(u"receiptCaption")

        self.rightLayout.addWidget(self.receiptCaption)

        self.receiptBrowser = QTextBrowser(SalesPane)
        self.receiptBrowser.setObjectName(u"receiptBrowser")
        self.receiptBrowser.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.rightLayout.addWidget(self.receiptBrowser)

        self.receiptActions = QHBoxLayout()
        self.receiptActions.setObjectName(u"receiptActions")
        self.printReceiptButton = QPushButton(SalesPane)
        self.printReceiptButton.setObjectName(u"printReceiptButton")

        self.receiptActions.addWidget(self.printReceiptButton)

        self.savePdfButton = QPushButton(SalesPane)
        self.savePdfButton.setObjectName(u"savePdfButton")

        self.receiptActions.addWidget(self.savePdfButton)


        self.rightLayout.addLayout(self.receiptActions)


        self.mainLayout.addLayout(self.rightLayout)

        self.mainLayout.setStretch(0, 3)
        self.mainLayout.setStretch(1, 2)

        self.paneLayout.addLayout(self.mainLayout)

#if QT_CONFIG(shortcut)
        self.scanCaption.setBuddy(self.scanEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.customerSearch, self.customersView)
        QWidget.setTabOrder(self.customersView, self.scanEdit)
        QWidget.setTabOrder(self.scanEdit, self.cartView)
        QWidget.setTabOrder(self.cartView, self.completeButton)

        self.retranslateUi(SalesPane)

        QMetaObject.connectSlotsByName(SalesPane)
    # setupUi

    def retranslateUi(self, SalesPane):
        self.titleLabel.setText(QCoreApplication.translate("SalesPane", u"Sales", None))
        self.customerChip.setText(QCoreApplication.translate("SalesPane", u"No customer chosen", None))
#if QT_CONFIG(tooltip)
        self.customerSearch.setToolTip(QCoreApplication.translate("SalesPane", u"Type part of a name, phone number or e-mail (Ctrl+F); Enter picks the first match", None))
#endif // QT_CONFIG(tooltip)
        self.customerSearch.setPlaceholderText(QCoreApplication.translate("SalesPane", u"Find the customer: name, phone or e-mail", None))
#if QT_CONFIG(tooltip)
        self.newCustomerButton.setToolTip(QCoreApplication.translate("SalesPane", u"Add a customer who is not on file yet (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.newCustomerButton.setText(QCoreApplication.translate("SalesPane", u"New customer\u2026", None))
        self.scanCaption.setText(QCoreApplication.translate("SalesPane", u"Scan the units being sold \u2014 or type a serial and press Enter", None))
#if QT_CONFIG(tooltip)
        self.scanEdit.setToolTip(QCoreApplication.translate("SalesPane", u"Each unit is checked at once: it must be in stock", None))
#endif // QT_CONFIG(tooltip)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("SalesPane", u"Serial number (or SKU:SERIAL)", None))
        self.banner.setText(QCoreApplication.translate("SalesPane", u"Find the customer, then scan the units.", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("SalesPane", u"Take the selected unit out of the cart (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("SalesPane", u"Remove line", None))
#if QT_CONFIG(tooltip)
        self.returnButton.setToolTip(QCoreApplication.translate("SalesPane", u"A customer brings a unit back: scan it, say why and where it goes (Ctrl+R)", None))
#endif // QT_CONFIG(tooltip)
        self.returnButton.setText(QCoreApplication.translate("SalesPane", u"Take a return\u2026", None))
        self.totalLabel.setText(QCoreApplication.translate("SalesPane", u"Total 0.00", None))
#if QT_CONFIG(tooltip)
        self.completeButton.setToolTip(QCoreApplication.translate("SalesPane", u"Sell the units in the cart to the customer (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.completeButton.setText(QCoreApplication.translate("SalesPane", u"Complete sale", None))
        self.receiptCaption.setText(QCoreApplication.translate("SalesPane", u"Last sale", None))
#if QT_CONFIG(tooltip)
        self.printReceiptButton.setToolTip(QCoreApplication.translate("SalesPane", u"Print the receipt of the last sale for the customer (Ctrl+Shift+P)", None))
#endif // QT_CONFIG(tooltip)
        self.printReceiptButton.setText(QCoreApplication.translate("SalesPane", u"Print receipt\u2026", None))
#if QT_CONFIG(tooltip)
        self.savePdfButton.setToolTip(QCoreApplication.translate("SalesPane", u"Save the receipt of the last sale as a PDF, e.g. to e-mail it (Ctrl+Shift+S)", None))
#endif // QT_CONFIG(tooltip)
        self.savePdfButton.setText(QCoreApplication.translate("SalesPane", u"Save PDF\u2026", None))
        pass
    # retranslateUi

