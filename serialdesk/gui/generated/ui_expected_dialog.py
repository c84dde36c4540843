# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'expected_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from serialdesk.gui.widgets.feedback import Banner

class Ui_ExpectedDialog(object):
    def setupUi(self, ExpectedDialog):
        if not ExpectedDialog.objectName():
            ExpectedDialog.setObjectName(u"ExpectedDialog")
        ExpectedDialog.resize(620, 600)
        self.expectedLayout = QVBoxLayout(ExpectedDialog)
        self.expectedLayout.setObjectName(u"expectedLayout")
        self.banner = Banner(ExpectedDialog)
        self.banner.setObjectName(u"banner")

        self.expectedLayout.addWidget(self.banner)

        self.pasteEdit = QPlainTextEdit(ExpectedDialog)
        self.pasteEdit.setObjectName(u"pasteEdit")
        self.pasteEdit.setMaximumSize(QSize(16777215, 110))
        self.pasteEdit.setTabChangesFocus(True)

        self.expectedLayout.addWidget(self.pasteEdit)

        self.sourceLayout = QHBoxLayout()
        self.sourceLayout.setObjectName(u"sourceLayout")
        self.openButton = QPushButton(ExpectedDialog)
        self.openButton.setObjectName(u"openButton")

        self.sourceLayout.addWidget(self.openButton)

        self.applyButton = QPushButton(ExpectedDialog)
        self.applyButton.setObjectName(u"applyButton")

        self.sourceLayout.addWidget(self.applyButton)

        self.sourceSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sourceLayout.addItem(self.sourceSpacer)


        self.expectedLayout.addLayout(self.sourceLayout)

        self.countsLayout = QHBoxLayout()
        self.countsLayout.setObjectName(u"countsLayout")
        self.expectedCount = QLabel(ExpectedDialog)
        self.expectedCount.setObjectName(u"expectedCount")

        self.countsLayout.addWidget(self.expectedCount)

        self.scannedCount = QLabel(ExpectedDialog)
        self.scannedCount.setObjectName(u"scannedCount")

        self.countsLayout.addWidget(self.scannedCount)

        self.missingCount = QLabel(ExpectedDialog)
        self.missingCount.setObjectName(u"missingCount")

        self.countsLayout.addWidget(self.missingCount)

        self.unexpectedCount = QLabel(ExpectedDialog)
        self.unexpectedCount.setObjectName(u"unexpectedCount")

        self.countsLayout.addWidget(self.unexpectedCount)


        self.expectedLayout.addLayout(self.countsLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterEdit = QLineEdit(ExpectedDialog)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.filterEdit)

        self.stateCombo = QComboBox(ExpectedDialog)
        self.stateCombo.setObjectName(u"stateCombo")

        self.filterLayout.addWidget(self.stateCombo)


        self.expectedLayout.addLayout(self.filterLayout)

        self.listView = QTableView(ExpectedDialog)
        self.listView.setObjectName(u"listView")
        self.listView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.listView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.listView.setSortingEnabled(True)
        self.listView.horizontalHeader().setStretchLastSection(True)
        self.listView.verticalHeader().setVisible(False)

        self.expectedLayout.addWidget(self.listView)

        self.buttons = QDialogButtonBox(ExpectedDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.expectedLayout.addWidget(self.buttons)


        self.retranslateUi(ExpectedDialog)

        QMetaObject.connectSlotsByName(ExpectedDialog)
    # setupUi

    def retranslateUi(self, ExpectedDialog):
        ExpectedDialog.setWindowTitle(QCoreApplication.translate("ExpectedDialog", u"Expected serials", None))
        self.banner.setText(QCoreApplication.translate("ExpectedDialog", u"Paste the serials the delivery note lists (or open its CSV/TXT file): the list shows which are scanned, missing or unexpected while you scan.", None))
#if QT_CONFIG(tooltip)
        self.pasteEdit.setToolTip(QCoreApplication.translate("ExpectedDialog", u"One serial per line; from a CSV, the first column is used", None))
#endif // QT_CONFIG(tooltip)
        self.pasteEdit.setPlaceholderText(QCoreApplication.translate("ExpectedDialog", u"SN0001\n"
"SN0002\n"
"\u2026", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("ExpectedDialog", u"Read the expected serials from a CSV or text file: the first column (Ctrl+O)", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("ExpectedDialog", u"Open file\u2026   Ctrl+O", None))
#if QT_CONFIG(tooltip)
        self.applyButton.setToolTip(QCoreApplication.translate("ExpectedDialog", u"Check the scanned serials against the pasted list (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.applyButton.setText(QCoreApplication.translate("ExpectedDialog", u"Use this list   Ctrl+Enter", None))
        self.expectedCount.setText(QCoreApplication.translate("ExpectedDialog", u"0 expected", None))
        self.scannedCount.setText(QCoreApplication.translate("ExpectedDialog", u"0 scanned", None))
        self.missingCount.setText(QCoreApplication.translate("ExpectedDialog", u"0 missing", None))
        self.unexpectedCount.setText(QCoreApplication.translate("ExpectedDialog", u"0 unexpected", None))
#if QT_CONFIG(tooltip)
        self.filterEdit.setToolTip(QCoreApplication.translate("ExpectedDialog", u"Show only the serials containing this text (Ctrl+F)", None))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("ExpectedDialog", u"Filter serials   Ctrl+F", None))
#if QT_CONFIG(tooltip)
        self.stateCombo.setToolTip(QCoreApplication.translate("ExpectedDialog", u"Show all serials, or only the missing, scanned or unexpected ones", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

