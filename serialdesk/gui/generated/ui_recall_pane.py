# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recall_pane.ui'
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
    QDateEdit, QFrame, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Banner

class Ui_RecallPane(object):
    def setupUi(self, RecallPane):
        if not RecallPane.objectName():
            RecallPane.setObjectName(u"RecallPane")
        RecallPane.resize(1160, 720)
        self.paneLayout = QVBoxLayout(RecallPane)
        self.paneLayout.setSpacing(10)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(22, 18, 22, 14)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(RecallPane)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.step1Label = QLabel(RecallPane)
        self.step1Label.setObjectName(u"step1Label")

        self.headerLayout.addWidget(self.step1Label)

        self.step2Label = QLabel(RecallPane)
        self.step2Label.setObjectName(u"step2Label")

        self.headerLayout.addWidget(self.step2Label)

        self.step3Label = QLabel(RecallPane)
        self.step3Label.setObjectName(u"step3Label")

        self.headerLayout.addWidget(self.step3Label)


        self.paneLayout.addLayout(self.headerLayout)

        self.banner = Banner(RecallPane)
        self.banner.setObjectName(u"banner")

        self.paneLayout.addWidget(self.banner)

        self.tabs = QTabWidget(RecallPane)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.newTab = QWidget()
        self.newTab.setObjectName(u"newTab")
        self.newLayout = QVBoxLayout(self.newTab)
        self.newLayout.setObjectName(u"newLayout")
        self.newLayout.setContentsMargins(0, 10, 0, 0)
        self.steps = QStackedWidget(self.newTab)
        self.steps.setObjectName(u"steps")
        self.criteriaPage = QWidget()
        self.criteriaPage.setObjectName(u"criteriaPage")
        self.criteriaLayout = QHBoxLayout(self.criteriaPage)
        self.criteriaLayout.setSpacing(18)
        self.criteriaLayout.setObjectName(u"criteriaLayout")
        self.criteriaLayout.setContentsMargins(0, 0, 0, 0)
        self.criteriaCard = QFrame(self.criteriaPage)
        self.criteriaCard.setObjectName(u"criteriaCard")
        self.criteriaGrid = QGridLayout(self.criteriaCard)
        self.criteriaGrid.setObjectName(u"criteriaGrid")
        self.criteriaGrid.setHorizontalSpacing(10)
        self.criteriaGrid.setVerticalSpacing(10)
        self.criteriaGrid.setContentsMargins(16, 14, 16, 14)
        self.productCaption = QLabel(self.criteriaCard)
        self.productCaption.setObjectName(u"productCaption")

        self.criteriaGrid.addWidget(self.productCaption, 0, 0, 1, 1)

        self.productCombo = QComboBox(self.criteriaCard)
        self.productCombo.setObjectName(u"productCombo")

        self.criteriaGrid.addWidget(self.productCombo, 0, 1, 1, 3)

        self.lotsCaption = QLabel(self.criteriaCard)
        self.lotsCaption.setObjectName(u"lotsCaption")
        self.lotsCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.criteriaGrid.addWidget(self.lotsCaption, 1, 0, 1, 1)

        self.lotsList = QListWidget(self.criteriaCard)
        self.lotsList.setObjectName(u"lotsList")
        self.lotsList.setMaximumSize(QSize(16777215, 130))
        self.lotsList.setFlow(QListView.Flow.LeftToRight)
        self.lotsList.setProperty(u"isWrapping", True)
        self.lotsList.setSpacing(2)

        self.criteriaGrid.addWidget(self.lotsList, 1, 1, 1, 3)

        self.lotsEdit = QLineEdit(self.criteriaCard)
        self.lotsEdit.setObjectName(u"lotsEdit")

        self.criteriaGrid.addWidget(self.lotsEdit, 2, 1, 1, 3)

        self.serialCaption = QLabel(self.criteriaCard)
        self.serialCaption.setObjectName(u"serialCaption")

        self.criteriaGrid.addWidget(self.serialCaption, 3, 0, 1, 1)

        self.serialFromEdit = QLineEdit(self.criteriaCard)
        self.serialFromEdit.setObjectName(u"serialFromEdit")

        self.criteriaGrid.addWidget(self.serialFromEdit, 3, 1, 1, 1)

        self.serialToCaption = QLabel(self.criteriaCard)
        self.serialToCaption.setObjectName(u"serialToCaption")

        self.criteriaGrid.addWidget(self.serialToCaption, 3, 2, 1, 1)

        self.serialToEdit = QLineEdit(self.criteriaCard)
        self.serialToEdit.setObjectName(u"serialToEdit")

        self.criteriaGrid.addWidget(self.serialToEdit, 3, 3, 1, 1)

        self.supplierCaption = QLabel(self.criteriaCard)
        self.supplierCaption.setObjectName(u"supplierCaption")

        self.criteriaGrid.addWidget(self.supplierCaption, 4, 0, 1, 1)

        self.supplierCombo = QComboBox(self.criteriaCard)
        self.supplierCombo.setObjectName(u"supplierCombo")

        self.criteriaGrid.addWidget(self.supplierCombo, 4, 1, 1, 3)

        self.receivedCheck = QCheckBox(self.criteriaCard)
        self.receivedCheck.setObjectName(u"receivedCheck")

        self.criteriaGrid.addWidget(self.receivedCheck, 5, 0, 1, 1)

        self.receivedFromEdit = QDateEdit(self.criteriaCard)
        self.receivedFromEdit.setObjectName(u"receivedFromEdit")
        self.receivedFromEdit.setCalendarPopup(True)

        self.criteriaGrid.addWidget(self.receivedFromEdit, 5, 1, 1, 1)

        self.receivedToCaption = QLabel(self.criteriaCard)
        self.receivedToCaption.setObjectName(u"receivedToCaption")

        self.criteriaGrid.addWidget(self.receivedToCaption, 5, 2, 1, 1)

        self.receivedToEdit = QDateEdit(self.criteriaCard)
        self.receivedToEdit.setObjectName(u"receivedToEdit")
        self.receivedToEdit.setCalendarPopup(True)

        self.criteriaGrid.addWidget(self.receivedToEdit, 5, 3, 1, 1)

        self.soldCheck = QCheckBox(self.criteriaCard)
        self.soldCheck.setObjectName(u"soldCheck")

        self.criteriaGrid.addWidget(self.soldCheck, 6, 0, 1, 1)

        self.soldFromEdit = QDateEdit(self.criteriaCard)
        self.soldFromEdit.setObjectName(u"soldFromEdit")
        self.soldFromEdit.setCalendarPopup(True)

        self.criteriaGrid.addWidget(self.soldFromEdit, 6, 1, 1, 1)

        self.soldToCaption = QLabel(self.criteriaCard)
        self.soldToCaption.setObjectName(u"soldToCaption")

        self.criteriaGrid.addWidget(self.soldToCaption, 6, 2, 1, 1)

        self.soldToEdit = QDateEdit(self.criteriaCard)
        self.soldToEdit.setObjectName(u"soldToEdit")
        self.soldToEdit.setCalendarPopup(True)

        self.criteriaGrid.addWidget(self.soldToEdit, 6, 3, 1, 1)

        self.criteriaSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.criteriaGrid.addItem(self.criteriaSpacer, 7, 0, 1, 4)

        self.criteriaButtons = QHBoxLayout()
        self.criteriaButtons.setObjectName(u"criteriaButtons")
        self.clearButton = QPushButton(self.criteriaCard)
        self.clearButton.setObjectName(u"clearButton")

        self.criteriaButtons.addWidget(self.clearButton)

        self.criteriaButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.criteriaButtons.addItem(self.criteriaButtonsSpacer)

        self.previewButton = QPushButton(self.criteriaCard)
        self.previewButton.setObjectName(u"previewButton")

        self.criteriaButtons.addWidget(self.previewButton)


        self.criteriaGrid.addLayout(self.criteriaButtons, 8, 0, 1, 4)

        self.criteriaGrid.setColumnStretch(1, 1)
        self.criteriaGrid.setColumnStretch(3, 1)

        self.criteriaLayout.addWidget(self.criteriaCard)

        self.howCard = QFrame(self.criteriaPage)
        self.howCard.setObjectName(u"howCard")
        self.howLayout = QVBoxLayout(self.howCard)
        self.howLayout.setObjectName(u"howLayout")
        self.howLayout.setContentsMargins(16, 14, 16, 14)
        self.howLabel = QLabel(self.howCard)
        self.howLabel.setObjectName(u"howLabel")
        self.howLabel.setWordWrap(True)
        self.howLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.howLayout.addWidget(self.howLabel)


        self.criteriaLayout.addWidget(self.howCard)

        self.criteriaLayout.setStretch(0, 3)
        self.criteriaLayout.setStretch(1, 2)
        self.steps.addWidget(self.criteriaPage)
        self.previewPage = QWidget()
        self.previewPage.setObjectName(u"previewPage")
        self.previewLayout = QVBoxLayout(self.previewPage)
        self.previewLayout.setSpacing(8)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)
        self.countsLayout = QHBoxLayout()
        self.countsLayout.setSpacing(10)
        self.countsLayout.setObjectName(u"countsLayout")

        self.previewLayout.addLayout(self.countsLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterEdit = QLineEdit(self.previewPage)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.filterEdit)

        self.shownLabel = QLabel(self.previewPage)
        self.shownLabel.setObjectName(u"shownLabel")

        self.filterLayout.addWidget(self.shownLabel)


        self.previewLayout.addLayout(self.filterLayout)

        self.unitsView = QTableView(self.previewPage)
        self.unitsView.setObjectName(u"unitsView")
        self.unitsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unitsView.setAlternatingRowColors(True)
        self.unitsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitsView.setSortingEnabled(True)
        self.unitsView.setWordWrap(False)
        self.unitsView.verticalHeader().setVisible(False)

        self.previewLayout.addWidget(self.unitsView)

        self.reasonLayout = QHBoxLayout()
        self.reasonLayout.setObjectName(u"reasonLayout")
        self.reasonCaption = QLabel(self.previewPage)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.reasonLayout.addWidget(self.reasonCaption)

        self.reasonEdit = QLineEdit(self.previewPage)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.reasonLayout.addWidget(self.reasonEdit)


        self.previewLayout.addLayout(self.reasonLayout)

        self.previewButtons = QHBoxLayout()
        self.previewButtons.setObjectName(u"previewButtons")
        self.backButton = QPushButton(self.previewPage)
        self.backButton.setObjectName(u"backButton")

        self.previewButtons.addWidget(self.backButton)

        self.previewCsvButton = QPushButton(self.previewPage)
        self.previewCsvButton.setObjectName(u"previewCsvButton")

        self.previewButtons.addWidget(self.previewCsvButton)

        self.previewButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.previewButtons.addItem(self.previewButtonsSpacer)

        self.startButton = QPushButton(self.previewPage)
        self.startButton.setObjectName(u"startButton")

        self.previewButtons.addWidget(self.startButton)


        self.previewLayout.addLayout(self.previewButtons)

        self.steps.addWidget(self.previewPage)
        self.startedPage = QWidget()
        self.startedPage.setObjectName(u"startedPage")
        self.startedLayout = QVBoxLayout(self.startedPage)
        self.startedLayout.setSpacing(12)
        self.startedLayout.setObjectName(u"startedLayout")
        self.startedLayout.setContentsMargins(0, 0, 0, 0)
        self.startedCard = QFrame(self.startedPage)
        self.startedCard.setObjectName(u"startedCard")
        self.startedCardLayout = QVBoxLayout(self.startedCard)
        self.startedCardLayout.setSpacing(10)
        self.startedCardLayout.setObjectName(u"startedCardLayout")
        self.startedCardLayout.setContentsMargins(20, 16, 20, 16)
        self.startedTitle = QLabel(self.startedCard)
        self.startedTitle.setObjectName(u"startedTitle")

        self.startedCardLayout.addWidget(self.startedTitle)

        self.startedText = QLabel(self.startedCard)
        self.startedText.setObjectName(u"startedText")
        self.startedText.setWordWrap(True)
        self.startedText.setTextFormat(Qt.TextFormat.RichText)

        self.startedCardLayout.addWidget(self.startedText)

        self.outputsLayout = QHBoxLayout()
        self.outputsLayout.setSpacing(10)
        self.outputsLayout.setObjectName(u"outputsLayout")
        self.lettersButton = QPushButton(self.startedCard)
        self.lettersButton.setObjectName(u"lettersButton")

        self.outputsLayout.addWidget(self.lettersButton)

        self.csvButton = QPushButton(self.startedCard)
        self.csvButton.setObjectName(u"csvButton")

        self.outputsLayout.addWidget(self.csvButton)

        self.trackButton = QPushButton(self.startedCard)
        self.trackButton.setObjectName(u"trackButton")

        self.outputsLayout.addWidget(self.trackButton)

        self.outputsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outputsLayout.addItem(self.outputsSpacer)

        self.newRecallButton = QPushButton(self.startedCard)
        self.newRecallButton.setObjectName(u"newRecallButton")

        self.outputsLayout.addWidget(self.newRecallButton)


        self.startedCardLayout.addLayout(self.outputsLayout)


        self.startedLayout.addWidget(self.startedCard)

        self.customersCaption = QLabel(self.startedPage)
        self.customersCaption.setObjectName(u"customersCaption")

        self.startedLayout.addWidget(self.customersCaption)

        self.customersView = QTableView(self.startedPage)
        self.customersView.setObjectName(u"customersView")
        self.customersView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.customersView.setAlternatingRowColors(True)
        self.customersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.customersView.setWordWrap(False)
        self.customersView.verticalHeader().setVisible(False)

        self.startedLayout.addWidget(self.customersView)

        self.steps.addWidget(self.startedPage)

        self.newLayout.addWidget(self.steps)

        self.tabs.addTab(self.newTab, "")
        self.recordTab = QWidget()
        self.recordTab.setObjectName(u"recordTab")
        self.recordLayout = QVBoxLayout(self.recordTab)
        self.recordLayout.setSpacing(12)
        self.recordLayout.setObjectName(u"recordLayout")
        self.recordLayout.setContentsMargins(0, 10, 0, 0)
        self.recallsView = QTableView(self.recordTab)
        self.recallsView.setObjectName(u"recallsView")
        self.recallsView.setMaximumSize(QSize(16777215, 150))
        self.recallsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recallsView.setAlternatingRowColors(True)
        self.recallsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recallsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recallsView.setWordWrap(False)
        self.recallsView.verticalHeader().setVisible(False)

        self.recordLayout.addWidget(self.recallsView)

        self.trackLayout = QVBoxLayout()
        self.trackLayout.setSpacing(8)
        self.trackLayout.setObjectName(u"trackLayout")
        self.recallTitle = QLabel(self.recordTab)
        self.recallTitle.setObjectName(u"recallTitle")
        self.recallTitle.setWordWrap(True)

        self.trackLayout.addWidget(self.recallTitle)

        self.trackFilterEdit = QLineEdit(self.recordTab)
        self.trackFilterEdit.setObjectName(u"trackFilterEdit")
        self.trackFilterEdit.setClearButtonEnabled(True)

        self.trackLayout.addWidget(self.trackFilterEdit)

        self.trackView = QTableView(self.recordTab)
        self.trackView.setObjectName(u"trackView")
        self.trackView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trackView.setAlternatingRowColors(True)
        self.trackView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.trackView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trackView.setSortingEnabled(True)
        self.trackView.setWordWrap(False)
        self.trackView.verticalHeader().setVisible(False)

        self.trackLayout.addWidget(self.trackView)

        self.trackButtons = QHBoxLayout()
        self.trackButtons.setSpacing(8)
        self.trackButtons.setObjectName(u"trackButtons")
        self.contactedButton = QPushButton(self.recordTab)
        self.contactedButton.setObjectName(u"contactedButton")

        self.trackButtons.addWidget(self.contactedButton)

        self.resolveButton = QPushButton(self.recordTab)
        self.resolveButton.setObjectName(u"resolveButton")

        self.trackButtons.addWidget(self.resolveButton)

        self.trackSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.trackButtons.addItem(self.trackSpacer)

        self.recordLettersButton = QPushButton(self.recordTab)
        self.recordLettersButton.setObjectName(u"recordLettersButton")

        self.trackButtons.addWidget(self.recordLettersButton)

        self.recordCsvButton = QPushButton(self.recordTab)
        self.recordCsvButton.setObjectName(u"recordCsvButton")

        self.trackButtons.addWidget(self.recordCsvButton)


        self.trackLayout.addLayout(self.trackButtons)


        self.recordLayout.addLayout(self.trackLayout)

        self.recordLayout.setStretch(1, 1)
        self.tabs.addTab(self.recordTab, "")

        self.paneLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.productCaption.setBuddy(self.productCombo)
        self.serialCaption.setBuddy(self.serialFromEdit)
        self.serialToCaption.setBuddy(self.serialToEdit)
        self.supplierCaption.setBuddy(self.supplierCombo)
        self.reasonCaption.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecallPane)

        QMetaObject.connectSlotsByName(RecallPane)
    # setupUi

    def retranslateUi(self, RecallPane):
        self.titleLabel.setText(QCoreApplication.translate("RecallPane", u"Recalls", None))
        self.step1Label.setText(QCoreApplication.translate("RecallPane", u"1  Criteria", None))
        self.step2Label.setText(QCoreApplication.translate("RecallPane", u"2  Preview", None))
        self.step3Label.setText(QCoreApplication.translate("RecallPane", u"3  Letters and tracking", None))
        self.banner.setText(QCoreApplication.translate("RecallPane", u"Choose what the recall covers: the product, and any of lots, serial range, supplier and dates.", None))
        self.productCaption.setText(QCoreApplication.translate("RecallPane", u"Product*", None))
#if QT_CONFIG(tooltip)
        self.productCombo.setToolTip(QCoreApplication.translate("RecallPane", u"A recall always covers one product", None))
#endif // QT_CONFIG(tooltip)
        self.lotsCaption.setText(QCoreApplication.translate("RecallPane", u"Lots", None))
#if QT_CONFIG(tooltip)
        self.lotsList.setToolTip(QCoreApplication.translate("RecallPane", u"Tick the lots to recall (units received per lot in brackets); none ticked: every lot", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.lotsEdit.setToolTip(QCoreApplication.translate("RecallPane", u"Lot codes not in the list above, separated by commas or spaces", None))
#endif // QT_CONFIG(tooltip)
        self.lotsEdit.setPlaceholderText(QCoreApplication.translate("RecallPane", u"\u2026or type lot codes, e.g. L2406A, L2406B", None))
        self.serialCaption.setText(QCoreApplication.translate("RecallPane", u"Serials from", None))
#if QT_CONFIG(tooltip)
        self.serialFromEdit.setToolTip(QCoreApplication.translate("RecallPane", u"First serial of the range (included; serials compare as text)", None))
#endif // QT_CONFIG(tooltip)
        self.serialFromEdit.setPlaceholderText(QCoreApplication.translate("RecallPane", u"first serial", None))
        self.serialToCaption.setText(QCoreApplication.translate("RecallPane", u"to", None))
#if QT_CONFIG(tooltip)
        self.serialToEdit.setToolTip(QCoreApplication.translate("RecallPane", u"Last serial of the range (included)", None))
#endif // QT_CONFIG(tooltip)
        self.serialToEdit.setPlaceholderText(QCoreApplication.translate("RecallPane", u"last serial", None))
        self.supplierCaption.setText(QCoreApplication.translate("RecallPane", u"Supplier", None))
        self.receivedCheck.setText(QCoreApplication.translate("RecallPane", u"Received", None))
#if QT_CONFIG(tooltip)
        self.receivedCheck.setToolTip(QCoreApplication.translate("RecallPane", u"Only units received between these days (both included)", None))
#endif // QT_CONFIG(tooltip)
        self.receivedFromEdit.setDisplayFormat(QCoreApplication.translate("RecallPane", u"d MMM yyyy", None))
        self.receivedToCaption.setText(QCoreApplication.translate("RecallPane", u"to", None))
        self.receivedToEdit.setDisplayFormat(QCoreApplication.translate("RecallPane", u"d MMM yyyy", None))
        self.soldCheck.setText(QCoreApplication.translate("RecallPane", u"Sold", None))
#if QT_CONFIG(tooltip)
        self.soldCheck.setToolTip(QCoreApplication.translate("RecallPane", u"Only units sold between these days (both included)", None))
#endif // QT_CONFIG(tooltip)
        self.soldFromEdit.setDisplayFormat(QCoreApplication.translate("RecallPane", u"d MMM yyyy", None))
        self.soldToCaption.setText(QCoreApplication.translate("RecallPane", u"to", None))
        self.soldToEdit.setDisplayFormat(QCoreApplication.translate("RecallPane", u"d MMM yyyy", None))
#if QT_CONFIG(tooltip)
        self.clearButton.setToolTip(QCoreApplication.translate("RecallPane", u"Start the criteria again", None))
#endif // QT_CONFIG(tooltip)
        self.clearButton.setText(QCoreApplication.translate("RecallPane", u"Clear", None))
#if QT_CONFIG(tooltip)
        self.previewButton.setToolTip(QCoreApplication.translate("RecallPane", u"List the units these criteria cover; nothing is changed yet (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.previewButton.setText(QCoreApplication.translate("RecallPane", u"Preview affected units \u203a", None))
#if QT_CONFIG(tooltip)
        self.filterEdit.setToolTip(QCoreApplication.translate("RecallPane", u"Show only the units whose serial, lot, status or customer contains this text (Ctrl+F)", None))
#endif // QT_CONFIG(tooltip)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("RecallPane", u"Filter: serial, lot, status or customer", None))
        self.reasonCaption.setText(QCoreApplication.translate("RecallPane", u"Reason*", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("RecallPane", u"Why the units are recalled, in the customer's words: it is printed in the letters", None))
#endif // QT_CONFIG(tooltip)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("RecallPane", u"e.g. Battery contacts may overheat while charging", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("RecallPane", u"Go back and change the criteria", None))
#endif // QT_CONFIG(tooltip)
        self.backButton.setText(QCoreApplication.translate("RecallPane", u"\u2039 Change criteria", None))
#if QT_CONFIG(tooltip)
        self.previewCsvButton.setToolTip(QCoreApplication.translate("RecallPane", u"Save this list as a CSV file without starting the recall", None))
#endif // QT_CONFIG(tooltip)
        self.previewCsvButton.setText(QCoreApplication.translate("RecallPane", u"Save list as CSV\u2026", None))
#if QT_CONFIG(tooltip)
        self.startButton.setToolTip(QCoreApplication.translate("RecallPane", u"Quarantine the units on our shelves and mark the sold ones recalled (asks first)", None))
#endif // QT_CONFIG(tooltip)
        self.startButton.setText(QCoreApplication.translate("RecallPane", u"Start recall\u2026", None))
        self.startedTitle.setText(QCoreApplication.translate("RecallPane", u"Recall started", None))
#if QT_CONFIG(tooltip)
        self.lettersButton.setToolTip(QCoreApplication.translate("RecallPane", u"One letter per customer holding an affected unit, as a PDF to print (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.lettersButton.setText(QCoreApplication.translate("RecallPane", u"Save letters PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.csvButton.setToolTip(QCoreApplication.translate("RecallPane", u"Every affected unit with its customer and contact details, as CSV", None))
#endif // QT_CONFIG(tooltip)
        self.csvButton.setText(QCoreApplication.translate("RecallPane", u"Save CSV\u2026", None))
#if QT_CONFIG(tooltip)
        self.trackButton.setToolTip(QCoreApplication.translate("RecallPane", u"Note which customers were contacted and how each unit was dealt with", None))
#endif // QT_CONFIG(tooltip)
        self.trackButton.setText(QCoreApplication.translate("RecallPane", u"Track contacts and repairs \u203a", None))
#if QT_CONFIG(tooltip)
        self.newRecallButton.setToolTip(QCoreApplication.translate("RecallPane", u"Start over with new criteria", None))
#endif // QT_CONFIG(tooltip)
        self.newRecallButton.setText(QCoreApplication.translate("RecallPane", u"New recall", None))
        self.customersCaption.setText(QCoreApplication.translate("RecallPane", u"Customers to contact", None))
#if QT_CONFIG(tooltip)
        self.customersView.setToolTip(QCoreApplication.translate("RecallPane", u"Who holds the recalled units: the letters go to them", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.newTab), QCoreApplication.translate("RecallPane", u"New recall", None))
        self.recallTitle.setText(QCoreApplication.translate("RecallPane", u"No recall chosen", None))
        self.trackFilterEdit.setPlaceholderText(QCoreApplication.translate("RecallPane", u"Filter: serial, customer, phone\u2026", None))
#if QT_CONFIG(tooltip)
        self.contactedButton.setToolTip(QCoreApplication.translate("RecallPane", u"The customer of the chosen unit was told (letter sent, phoned): all their units on this recall", None))
#endif // QT_CONFIG(tooltip)
        self.contactedButton.setText(QCoreApplication.translate("RecallPane", u"Customer contacted", None))
#if QT_CONFIG(tooltip)
        self.resolveButton.setToolTip(QCoreApplication.translate("RecallPane", u"Say how the chosen unit was dealt with: repaired, replaced, refunded, scrapped", None))
#endif // QT_CONFIG(tooltip)
        self.resolveButton.setText(QCoreApplication.translate("RecallPane", u"Resolve unit\u2026", None))
#if QT_CONFIG(tooltip)
        self.recordLettersButton.setToolTip(QCoreApplication.translate("RecallPane", u"The customer letters of this recall as a PDF", None))
#endif // QT_CONFIG(tooltip)
        self.recordLettersButton.setText(QCoreApplication.translate("RecallPane", u"Letters PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.recordCsvButton.setToolTip(QCoreApplication.translate("RecallPane", u"This recall's units with contact and resolution, as CSV", None))
#endif // QT_CONFIG(tooltip)
        self.recordCsvButton.setText(QCoreApplication.translate("RecallPane", u"CSV\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.recordTab), QCoreApplication.translate("RecallPane", u"Recalls on record", None))
        pass
    # retranslateUi

