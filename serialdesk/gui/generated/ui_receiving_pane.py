# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'receiving_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

from serialdesk.gui.widgets.camera_panel import CameraPanel
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.scan_field import ScanField

class Ui_ReceivingPane(object):
    def setupUi(self, ReceivingPane):
        if not ReceivingPane.objectName():
            ReceivingPane.setObjectName(u"ReceivingPane")
        ReceivingPane.resize(1100, 700)
        self.paneLayout = QVBoxLayout(ReceivingPane)
        self.paneLayout.setSpacing(12)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(22, 18, 22, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ReceivingPane)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.draftLabel = QLabel(ReceivingPane)
        self.draftLabel.setObjectName(u"draftLabel")

        self.headerLayout.addWidget(self.draftLabel)


        self.paneLayout.addLayout(self.headerLayout)

        self.draftsBar = QFrame(ReceivingPane)
        self.draftsBar.setObjectName(u"draftsBar")
        self.draftsLayout = QHBoxLayout(self.draftsBar)
        self.draftsLayout.setObjectName(u"draftsLayout")
        self.draftsLayout.setContentsMargins(12, 8, 12, 8)
        self.draftsCaption = QLabel(self.draftsBar)
        self.draftsCaption.setObjectName(u"draftsCaption")

        self.draftsLayout.addWidget(self.draftsCaption)

        self.draftsCombo = QComboBox(self.draftsBar)
        self.draftsCombo.setObjectName(u"draftsCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.draftsCombo.sizePolicy().hasHeightForWidth())
        self.draftsCombo.setSizePolicy(sizePolicy)

        self.draftsLayout.addWidget(self.draftsCombo)

        self.resumeButton = QPushButton(self.draftsBar)
        self.resumeButton.setObjectName(u"resumeButton")

        self.draftsLayout.addWidget(self.resumeButton)


        self.paneLayout.addWidget(self.draftsBar)

        self.mainLayout = QHBoxLayout()
        self.mainLayout.setSpacing(18)
        self.mainLayout.setObjectName(u"mainLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setSpacing(8)
        self.leftLayout.setObjectName(u"leftLayout")
        self.setupCard = QFrame(ReceivingPane)
        self.setupCard.setObjectName(u"setupCard")
        self.setupLayout = QGridLayout(self.setupCard)
        self.setupLayout.setObjectName(u"setupLayout")
        self.setupLayout.setHorizontalSpacing(12)
        self.setupLayout.setVerticalSpacing(4)
        self.supplierCaption = QLabel(self.setupCard)
        self.supplierCaption.setObjectName(u"supplierCaption")

        self.setupLayout.addWidget(self.supplierCaption, 0, 0, 1, 1)

        self.productCaption = QLabel(self.setupCard)
        self.productCaption.setObjectName(u"productCaption")

        self.setupLayout.addWidget(self.productCaption, 0, 1, 1, 1)

        self.lotCaption = QLabel(self.setupCard)
        self.lotCaption.setObjectName(u"lotCaption")

        self.setupLayout.addWidget(self.lotCaption, 0, 2, 1, 1)

        self.supplierCombo = QComboBox(self.setupCard)
        self.supplierCombo.setObjectName(u"supplierCombo")

        self.setupLayout.addWidget(self.supplierCombo, 1, 0, 1, 1)

        self.productCombo = QComboBox(self.setupCard)
        self.productCombo.setObjectName(u"productCombo")

        self.setupLayout.addWidget(self.productCombo, 1, 1, 1, 1)

        self.lotEdit = QLineEdit(self.setupCard)
        self.lotEdit.setObjectName(u"lotEdit")

        self.setupLayout.addWidget(self.lotEdit, 1, 2, 1, 1)

        self.setupLayout.setColumnStretch(0, 3)
        self.setupLayout.setColumnStretch(1, 4)
        self.setupLayout.setColumnStretch(2, 2)

        self.leftLayout.addWidget(self.setupCard)

        self.scanCaption = QLabel(ReceivingPane)
        self.scanCaption.setObjectName(u"scanCaption")

        self.leftLayout.addWidget(self.scanCaption)

        self.scanEdit = ScanField(ReceivingPane)
        self.scanEdit.setObjectName(u"scanEdit")

        self.leftLayout.addWidget(self.scanEdit)

        self.cameraPanel = CameraPanel(ReceivingPane)
        self.cameraPanel.setObjectName(u"cameraPanel")

        self.leftLayout.addWidget(self.cameraPanel)

        self.banner = Banner(ReceivingPane)
        self.banner.setObjectName(u"banner")

        self.leftLayout.addWidget(self.banner)

        self.scansCaption = QLabel(ReceivingPane)
        self.scansCaption.setObjectName(u"scansCaption")

        self.leftLayout.addWidget(self.scansCaption)

        self.scansView = QTableView(ReceivingPane)
        self.scansView.setObjectName(u"scansView")
        self.scansView.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scansView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scansView.setAlternatingRowColors(True)
        self.scansView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.scansView.setWordWrap(False)
        self.scansView.horizontalHeader().setStretchLastSection(True)
        self.scansView.verticalHeader().setVisible(False)

        self.leftLayout.addWidget(self.scansView)

        self.entryLayout = QHBoxLayout()
        self.entryLayout.setSpacing(8)
        self.entryLayout.setObjectName(u"entryLayout")
        self.pasteButton = QPushButton(ReceivingPane)
        self.pasteButton.setObjectName(u"pasteButton")

        self.entryLayout.addWidget(self.pasteButton)

        self.rangeButton = QPushButton(ReceivingPane)
        self.rangeButton.setObjectName(u"rangeButton")

        self.entryLayout.addWidget(self.rangeButton)

        self.expectedButton = QPushButton(ReceivingPane)
        self.expectedButton.setObjectName(u"expectedButton")

        self.entryLayout.addWidget(self.expectedButton)

        self.entrySpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.entryLayout.addItem(self.entrySpacer)


        self.leftLayout.addLayout(self.entryLayout)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setSpacing(8)
        self.actionLayout.setObjectName(u"actionLayout")
        self.undoButton = QPushButton(ReceivingPane)
        self.undoButton.setObjectName(u"undoButton")

        self.actionLayout.addWidget(self.undoButton)

        self.generateButton = QPushButton(ReceivingPane)
        self.generateButton.setObjectName(u"generateButton")

        self.actionLayout.addWidget(self.generateButton)

        self.labelsButton = QPushButton(ReceivingPane)
        self.labelsButton.setObjectName(u"labelsButton")

        self.actionLayout.addWidget(self.labelsButton)

        self.discardButton = QPushButton(ReceivingPane)
        self.discardButton.setObjectName(u"discardButton")

        self.actionLayout.addWidget(self.discardButton)

        self.actionSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)

        self.postButton = QPushButton(ReceivingPane)
        self.postButton.setObjectName(u"postButton")

        self.actionLayout.addWidget(self.postButton)


        self.leftLayout.addLayout(self.actionLayout)


        self.mainLayout.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setSpacing(12)
        self.rightLayout.setObjectName(u"rightLayout")
        self.counterCard = QFrame(ReceivingPane)
        self.counterCard.setObjectName(u"counterCard")
        self.counterLayout = QVBoxLayout(self.counterCard)
        self.counterLayout.setSpacing(0)
        self.counterLayout.setObjectName(u"counterLayout")
        self.countLabel = QLabel(self.counterCard)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.counterLayout.addWidget(self.countLabel)

        self.countCaption = QLabel(self.counterCard)
        self.countCaption.setObjectName(u"countCaption")
        self.countCaption.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.counterLayout.addWidget(self.countCaption)


        self.rightLayout.addWidget(self.counterCard)

        self.productCard = QFrame(ReceivingPane)
        self.productCard.setObjectName(u"productCard")
        self.productCardLayout = QVBoxLayout(self.productCard)
        self.productCardLayout.setSpacing(4)
        self.productCardLayout.setObjectName(u"productCardLayout")
        self.productCardCaption = QLabel(self.productCard)
        self.productCardCaption.setObjectName(u"productCardCaption")

        self.productCardLayout.addWidget(self.productCardCaption)

        self.productNameLabel = QLabel(self.productCard)
        self.productNameLabel.setObjectName(u"productNameLabel")
        self.productNameLabel.setWordWrap(True)

        self.productCardLayout.addWidget(self.productNameLabel)

        self.productRuleLabel = QLabel(self.productCard)
        self.productRuleLabel.setObjectName(u"productRuleLabel")
        self.productRuleLabel.setWordWrap(True)

        self.productCardLayout.addWidget(self.productRuleLabel)


        self.rightLayout.addWidget(self.productCard)

        self.keysCard = QFrame(ReceivingPane)
        self.keysCard.setObjectName(u"keysCard")
        self.keysLayout = QVBoxLayout(self.keysCard)
        self.keysLayout.setObjectName(u"keysLayout")
        self.keysLabel = QLabel(self.keysCard)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.keysLayout.addWidget(self.keysLabel)


        self.rightLayout.addWidget(self.keysCard)

        self.rightSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightLayout.addItem(self.rightSpacer)


        self.mainLayout.addLayout(self.rightLayout)

        self.mainLayout.setStretch(0, 5)
        self.mainLayout.setStretch(1, 2)

        self.paneLayout.addLayout(self.mainLayout)

#if QT_CONFIG(shortcut)
        self.supplierCaption.setBuddy(self.supplierCombo)
        self.productCaption.setBuddy(self.productCombo)
        self.lotCaption.setBuddy(self.lotEdit)
        self.scanCaption.setBuddy(self.scanEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scanEdit, self.supplierCombo)
        QWidget.setTabOrder(self.supplierCombo, self.productCombo)
        QWidget.setTabOrder(self.productCombo, self.lotEdit)
        QWidget.setTabOrder(self.lotEdit, self.undoButton)
        QWidget.setTabOrder(self.undoButton, self.generateButton)
        QWidget.setTabOrder(self.generateButton, self.postButton)

        self.retranslateUi(ReceivingPane)

        QMetaObject.connectSlotsByName(ReceivingPane)
    # setupUi

    def retranslateUi(self, ReceivingPane):
        self.titleLabel.setText(QCoreApplication.translate("ReceivingPane", u"Receiving", None))
        self.draftLabel.setText(QCoreApplication.translate("ReceivingPane", u"No draft yet \u2014 the first scan opens one", None))
        self.draftsCaption.setText(QCoreApplication.translate("ReceivingPane", u"Unfinished receipts \u2014 pick up where the scanning stopped:", None))
#if QT_CONFIG(tooltip)
        self.resumeButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Continue scanning onto this draft receipt", None))
#endif // QT_CONFIG(tooltip)
        self.resumeButton.setText(QCoreApplication.translate("ReceivingPane", u"Resume", None))
        self.supplierCaption.setText(QCoreApplication.translate("ReceivingPane", u"Supplier", None))
        self.productCaption.setText(QCoreApplication.translate("ReceivingPane", u"Product (or scan its barcode)", None))
        self.lotCaption.setText(QCoreApplication.translate("ReceivingPane", u"Lot / batch", None))
#if QT_CONFIG(tooltip)
        self.supplierCombo.setToolTip(QCoreApplication.translate("ReceivingPane", u"Who delivered the goods; may be chosen any time before posting", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.productCombo.setToolTip(QCoreApplication.translate("ReceivingPane", u"The product the next serials belong to; scanning a product barcode switches it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.lotEdit.setToolTip(QCoreApplication.translate("ReceivingPane", u"Lot or batch printed on the delivery (optional); kept with each unit for recalls", None))
#endif // QT_CONFIG(tooltip)
        self.lotEdit.setPlaceholderText(QCoreApplication.translate("ReceivingPane", u"optional", None))
        self.scanCaption.setText(QCoreApplication.translate("ReceivingPane", u"Scan serial numbers \u2014 or type one and press Enter", None))
#if QT_CONFIG(tooltip)
        self.scanEdit.setToolTip(QCoreApplication.translate("ReceivingPane", u"Scans arrive here from anywhere in the window; typed serials are added with Enter", None))
#endif // QT_CONFIG(tooltip)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("ReceivingPane", u"Serial number, product barcode or GS1 label", None))
        self.banner.setText(QCoreApplication.translate("ReceivingPane", u"Choose the product (or scan its barcode), then scan the serials.", None))
        self.scansCaption.setText(QCoreApplication.translate("ReceivingPane", u"Last 10 scans", None))
#if QT_CONFIG(tooltip)
        self.pasteButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Add many serials at once from a list (a delivery note, a spreadsheet column), each checked like a scan (Ctrl+Shift+V)", None))
#endif // QT_CONFIG(tooltip)
        self.pasteButton.setText(QCoreApplication.translate("ReceivingPane", u"Paste serials\u2026", None))
#if QT_CONFIG(tooltip)
        self.rangeButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Add a run of serials such as SN0001 \u2013 SN0100, each checked like a scan (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
        self.rangeButton.setText(QCoreApplication.translate("ReceivingPane", u"Range\u2026", None))
#if QT_CONFIG(tooltip)
        self.expectedButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Check the scans against the serials the delivery note lists: scanned, missing, unexpected (Ctrl+Shift+E)", None))
#endif // QT_CONFIG(tooltip)
        self.expectedButton.setText(QCoreApplication.translate("ReceivingPane", u"Expected list\u2026", None))
#if QT_CONFIG(tooltip)
        self.undoButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Take the last accepted serial off this receipt (Ctrl+Z)", None))
#endif // QT_CONFIG(tooltip)
        self.undoButton.setText(QCoreApplication.translate("ReceivingPane", u"Undo last scan", None))
#if QT_CONFIG(tooltip)
        self.generateButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Units without a serial: make serials from the product's pattern and label them (Ctrl+G)", None))
#endif // QT_CONFIG(tooltip)
        self.generateButton.setText(QCoreApplication.translate("ReceivingPane", u"Generate serials\u2026", None))
#if QT_CONFIG(tooltip)
        self.labelsButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Labels for the units on this draft, or on the receipt just posted: preview, save as PDF, print (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.labelsButton.setText(QCoreApplication.translate("ReceivingPane", u"Print labels\u2026", None))
#if QT_CONFIG(tooltip)
        self.discardButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Throw this draft and its scans away (Ctrl+Shift+Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.discardButton.setText(QCoreApplication.translate("ReceivingPane", u"Discard draft", None))
#if QT_CONFIG(tooltip)
        self.postButton.setToolTip(QCoreApplication.translate("ReceivingPane", u"Put every scanned unit into stock (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.postButton.setText(QCoreApplication.translate("ReceivingPane", u"Post receipt", None))
        self.countLabel.setText(QCoreApplication.translate("ReceivingPane", u"0", None))
        self.countCaption.setText(QCoreApplication.translate("ReceivingPane", u"units on this receipt", None))
        self.productCardCaption.setText(QCoreApplication.translate("ReceivingPane", u"Scanning for", None))
        self.productNameLabel.setText(QCoreApplication.translate("ReceivingPane", u"No product chosen", None))
        self.productRuleLabel.setText("")
        self.keysLabel.setText("")
        pass
    # retranslateUi

