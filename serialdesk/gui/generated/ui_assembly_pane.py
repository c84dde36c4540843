# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assembly_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.passport import PassportPanel
from serialdesk.gui.widgets.scan_field import ScanField

class Ui_AssemblyPane(object):
    def setupUi(self, AssemblyPane):
        if not AssemblyPane.objectName():
            AssemblyPane.setObjectName(u"AssemblyPane")
        AssemblyPane.resize(1100, 700)
        self.paneLayout = QVBoxLayout(AssemblyPane)
        self.paneLayout.setSpacing(12)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(22, 18, 22, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(AssemblyPane)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.productChip = QLabel(AssemblyPane)
        self.productChip.setObjectName(u"productChip")

        self.headerLayout.addWidget(self.productChip)


        self.paneLayout.addLayout(self.headerLayout)

        self.mainLayout = QHBoxLayout()
        self.mainLayout.setSpacing(18)
        self.mainLayout.setObjectName(u"mainLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setSpacing(8)
        self.leftLayout.setObjectName(u"leftLayout")
        self.productRow = QHBoxLayout()
        self.productRow.setObjectName(u"productRow")
        self.productCaption = QLabel(AssemblyPane)
        self.productCaption.setObjectName(u"productCaption")

        self.productRow.addWidget(self.productCaption)

        self.productCombo = QComboBox(AssemblyPane)
        self.productCombo.setObjectName(u"productCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.productCombo.sizePolicy().hasHeightForWidth())
        self.productCombo.setSizePolicy(sizePolicy)

        self.productRow.addWidget(self.productCombo)

        self.generateCheck = QCheckBox(AssemblyPane)
        self.generateCheck.setObjectName(u"generateCheck")

        self.productRow.addWidget(self.generateCheck)


        self.leftLayout.addLayout(self.productRow)

        self.scanCaption = QLabel(AssemblyPane)
        self.scanCaption.setObjectName(u"scanCaption")

        self.leftLayout.addWidget(self.scanCaption)

        self.scanEdit = ScanField(AssemblyPane)
        self.scanEdit.setObjectName(u"scanEdit")

        self.leftLayout.addWidget(self.scanEdit)

        self.banner = Banner(AssemblyPane)
        self.banner.setObjectName(u"banner")

        self.leftLayout.addWidget(self.banner)

        self.slotsCaption = QLabel(AssemblyPane)
        self.slotsCaption.setObjectName(u"slotsCaption")

        self.leftLayout.addWidget(self.slotsCaption)

        self.slotsView = QTableView(AssemblyPane)
        self.slotsView.setObjectName(u"slotsView")
        self.slotsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.slotsView.setAlternatingRowColors(True)
        self.slotsView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.slotsView.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slotsView.setWordWrap(False)
        self.slotsView.horizontalHeader().setStretchLastSection(True)
        self.slotsView.verticalHeader().setVisible(False)

        self.leftLayout.addWidget(self.slotsView)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.undoButton = QPushButton(AssemblyPane)
        self.undoButton.setObjectName(u"undoButton")

        self.actionLayout.addWidget(self.undoButton)

        self.clearButton = QPushButton(AssemblyPane)
        self.clearButton.setObjectName(u"clearButton")

        self.actionLayout.addWidget(self.clearButton)

        self.actionSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)

        self.buildButton = QPushButton(AssemblyPane)
        self.buildButton.setObjectName(u"buildButton")

        self.actionLayout.addWidget(self.buildButton)


        self.leftLayout.addLayout(self.actionLayout)

        self.summaryLabel = QLabel(AssemblyPane)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.leftLayout.addWidget(self.summaryLabel)


        self.mainLayout.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setSpacing(8)
        self.rightLayout.setObjectName(u"rightLayout")
        self.lastCaption = QLabel(AssemblyPane)
        self.lastCaption.setObjectName(u"lastCaption")

        self.rightLayout.addWidget(self.lastCaption)

        self.passportPanel = PassportPanel(AssemblyPane)
        self.passportPanel.setObjectName(u"passportPanel")

        self.rightLayout.addWidget(self.passportPanel)

        self.rightLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.rightLayout)

        self.mainLayout.setStretch(0, 3)
        self.mainLayout.setStretch(1, 2)

        self.paneLayout.addLayout(self.mainLayout)

#if QT_CONFIG(shortcut)
        self.productCaption.setBuddy(self.productCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.productCombo, self.generateCheck)
        QWidget.setTabOrder(self.generateCheck, self.scanEdit)
        QWidget.setTabOrder(self.scanEdit, self.buildButton)

        self.retranslateUi(AssemblyPane)

        QMetaObject.connectSlotsByName(AssemblyPane)
    # setupUi

    def retranslateUi(self, AssemblyPane):
        self.titleLabel.setText(QCoreApplication.translate("AssemblyPane", u"Assembly", None))
        self.productChip.setText(QCoreApplication.translate("AssemblyPane", u"No product chosen", None))
        self.productCaption.setText(QCoreApplication.translate("AssemblyPane", u"Build", None))
#if QT_CONFIG(tooltip)
        self.productCombo.setToolTip(QCoreApplication.translate("AssemblyPane", u"The product to build (one that declares its slots); scanning its barcode chooses it too", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.generateCheck.setToolTip(QCoreApplication.translate("AssemblyPane", u"Make the new unit's serial from the product's pattern when it is built (Ctrl+G)", None))
#endif // QT_CONFIG(tooltip)
        self.generateCheck.setText(QCoreApplication.translate("AssemblyPane", u"Generate the serial", None))
        self.scanCaption.setText(QCoreApplication.translate("AssemblyPane", u"Scan the new unit's serial, then each part", None))
        self.banner.setText(QCoreApplication.translate("AssemblyPane", u"Choose the product to build (or scan its barcode), then scan its serial and its parts.", None))
        self.slotsCaption.setText(QCoreApplication.translate("AssemblyPane", u"Slots", None))
#if QT_CONFIG(tooltip)
        self.undoButton.setToolTip(QCoreApplication.translate("AssemblyPane", u"Take back the last scan: the last part, else the serial (Ctrl+Z)", None))
#endif // QT_CONFIG(tooltip)
        self.undoButton.setText(QCoreApplication.translate("AssemblyPane", u"Undo last scan", None))
#if QT_CONFIG(tooltip)
        self.clearButton.setToolTip(QCoreApplication.translate("AssemblyPane", u"Start this unit again: drop its serial and parts (nothing is saved until it is built)", None))
#endif // QT_CONFIG(tooltip)
        self.clearButton.setText(QCoreApplication.translate("AssemblyPane", u"Start again", None))
#if QT_CONFIG(tooltip)
        self.buildButton.setToolTip(QCoreApplication.translate("AssemblyPane", u"Build the unit from the scanned parts: it enters stock, the parts are fitted (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.buildButton.setText(QCoreApplication.translate("AssemblyPane", u"Build", None))
        self.summaryLabel.setText("")
        self.lastCaption.setText(QCoreApplication.translate("AssemblyPane", u"Last built", None))
        pass
    # retranslateUi

