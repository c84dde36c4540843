# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'passport_panel.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QSizePolicy,
    QSpacerItem, QTableView, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Badge

class Ui_PassportPanel(object):
    def setupUi(self, PassportPanel):
        if not PassportPanel.objectName():
            PassportPanel.setObjectName(u"PassportPanel")
        PassportPanel.resize(640, 520)
        self.panelLayout = QVBoxLayout(PassportPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(PassportPanel)
        self.placeholder.setObjectName(u"placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.panelLayout.addWidget(self.placeholder)

        self.content = QFrame(PassportPanel)
        self.content.setObjectName(u"content")
        self.contentLayout = QVBoxLayout(self.content)
        self.contentLayout.setSpacing(8)
        self.contentLayout.setObjectName(u"contentLayout")
        self.headLayout = QHBoxLayout()
        self.headLayout.setObjectName(u"headLayout")
        self.titleLayout = QVBoxLayout()
        self.titleLayout.setSpacing(2)
        self.titleLayout.setObjectName(u"titleLayout")
        self.productLabel = QLabel(self.content)
        self.productLabel.setObjectName(u"productLabel")
        self.productLabel.setWordWrap(True)

        self.titleLayout.addWidget(self.productLabel)

        self.serialLabel = QLabel(self.content)
        self.serialLabel.setObjectName(u"serialLabel")
        self.serialLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.titleLayout.addWidget(self.serialLabel)


        self.headLayout.addLayout(self.titleLayout)

        self.headSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headLayout.addItem(self.headSpacer)

        self.warrantyBadge = Badge(self.content)
        self.warrantyBadge.setObjectName(u"warrantyBadge")

        self.headLayout.addWidget(self.warrantyBadge, 0, Qt.AlignmentFlag.AlignTop)

        self.headLayout.setStretch(0, 1)

        self.contentLayout.addLayout(self.headLayout)

        self.badgeLayout = QHBoxLayout()
        self.badgeLayout.setSpacing(6)
        self.badgeLayout.setObjectName(u"badgeLayout")
        self.statusBadge = Badge(self.content)
        self.statusBadge.setObjectName(u"statusBadge")

        self.badgeLayout.addWidget(self.statusBadge)

        self.sourceBadge = Badge(self.content)
        self.sourceBadge.setObjectName(u"sourceBadge")

        self.badgeLayout.addWidget(self.sourceBadge)

        self.ownerBadge = Badge(self.content)
        self.ownerBadge.setObjectName(u"ownerBadge")

        self.badgeLayout.addWidget(self.ownerBadge)

        self.badgeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.badgeLayout.addItem(self.badgeSpacer)


        self.contentLayout.addLayout(self.badgeLayout)

        self.facts = QFrame(self.content)
        self.facts.setObjectName(u"facts")
        self.factsLayout = QGridLayout(self.facts)
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLayout.setHorizontalSpacing(14)
        self.factsLayout.setVerticalSpacing(6)
        self.skuCaption = QLabel(self.facts)
        self.skuCaption.setObjectName(u"skuCaption")

        self.factsLayout.addWidget(self.skuCaption, 0, 0, 1, 1)

        self.skuValue = QLabel(self.facts)
        self.skuValue.setObjectName(u"skuValue")

        self.factsLayout.addWidget(self.skuValue, 0, 1, 1, 1)

        self.lotCaption = QLabel(self.facts)
        self.lotCaption.setObjectName(u"lotCaption")

        self.factsLayout.addWidget(self.lotCaption, 0, 2, 1, 1)

        self.lotValue = QLabel(self.facts)
        self.lotValue.setObjectName(u"lotValue")

        self.factsLayout.addWidget(self.lotValue, 0, 3, 1, 1)

        self.supplierCaption = QLabel(self.facts)
        self.supplierCaption.setObjectName(u"supplierCaption")

        self.factsLayout.addWidget(self.supplierCaption, 1, 0, 1, 1)

        self.supplierValue = QLabel(self.facts)
        self.supplierValue.setObjectName(u"supplierValue")

        self.factsLayout.addWidget(self.supplierValue, 1, 1, 1, 1)

        self.receivedCaption = QLabel(self.facts)
        self.receivedCaption.setObjectName(u"receivedCaption")

        self.factsLayout.addWidget(self.receivedCaption, 1, 2, 1, 1)

        self.receivedValue = QLabel(self.facts)
        self.receivedValue.setObjectName(u"receivedValue")

        self.factsLayout.addWidget(self.receivedValue, 1, 3, 1, 1)

        self.customerCaption = QLabel(self.facts)
        self.customerCaption.setObjectName(u"customerCaption")

        self.factsLayout.addWidget(self.customerCaption, 2, 0, 1, 1)

        self.customerValue = QLabel(self.facts)
        self.customerValue.setObjectName(u"customerValue")
        self.customerValue.setWordWrap(True)

        self.factsLayout.addWidget(self.customerValue, 2, 1, 1, 1)

        self.soldCaption = QLabel(self.facts)
        self.soldCaption.setObjectName(u"soldCaption")

        self.factsLayout.addWidget(self.soldCaption, 2, 2, 1, 1)

        self.soldValue = QLabel(self.facts)
        self.soldValue.setObjectName(u"soldValue")

        self.factsLayout.addWidget(self.soldValue, 2, 3, 1, 1)

        self.warrantyCaption = QLabel(self.facts)
        self.warrantyCaption.setObjectName(u"warrantyCaption")

        self.factsLayout.addWidget(self.warrantyCaption, 3, 0, 1, 1)

        self.warrantyValue = QLabel(self.facts)
        self.warrantyValue.setObjectName(u"warrantyValue")

        self.factsLayout.addWidget(self.warrantyValue, 3, 1, 1, 1)

        self.locationCaption = QLabel(self.facts)
        self.locationCaption.setObjectName(u"locationCaption")

        self.factsLayout.addWidget(self.locationCaption, 3, 2, 1, 1)

        self.locationValue = QLabel(self.facts)
        self.locationValue.setObjectName(u"locationValue")

        self.factsLayout.addWidget(self.locationValue, 3, 3, 1, 1)

        self.factsLayout.setColumnStretch(1, 1)
        self.factsLayout.setColumnStretch(3, 1)

        self.contentLayout.addWidget(self.facts)

        self.fittedLabel = QLabel(self.content)
        self.fittedLabel.setObjectName(u"fittedLabel")
        self.fittedLabel.setWordWrap(True)
        self.fittedLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contentLayout.addWidget(self.fittedLabel)

        self.partsCaption = QLabel(self.content)
        self.partsCaption.setObjectName(u"partsCaption")

        self.contentLayout.addWidget(self.partsCaption)

        self.partsTree = QTreeWidget(self.content)
        self.partsTree.setObjectName(u"partsTree")
        self.partsTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.partsTree.setAlternatingRowColors(True)
        self.partsTree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.partsTree.setRootIsDecorated(True)
        self.partsTree.setUniformRowHeights(True)
        self.partsTree.setColumnCount(6)

        self.contentLayout.addWidget(self.partsTree)

        self.historyCaption = QLabel(self.content)
        self.historyCaption.setObjectName(u"historyCaption")

        self.contentLayout.addWidget(self.historyCaption)

        self.eventsView = QTableView(self.content)
        self.eventsView.setObjectName(u"eventsView")
        self.eventsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.eventsView.setAlternatingRowColors(True)
        self.eventsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.eventsView.setWordWrap(False)
        self.eventsView.horizontalHeader().setStretchLastSection(True)
        self.eventsView.verticalHeader().setVisible(False)

        self.contentLayout.addWidget(self.eventsView)


        self.panelLayout.addWidget(self.content)


        self.retranslateUi(PassportPanel)

        QMetaObject.connectSlotsByName(PassportPanel)
    # setupUi

    def retranslateUi(self, PassportPanel):
        self.placeholder.setText(QCoreApplication.translate("PassportPanel", u"Scan a unit (or type its serial and press Enter) to see its passport: where it came from, who bought it, its warranty and everything that happened to it.", None))
        self.productLabel.setText(QCoreApplication.translate("PassportPanel", u"Product", None))
        self.serialLabel.setText(QCoreApplication.translate("PassportPanel", u"SERIAL", None))
        self.warrantyBadge.setText(QCoreApplication.translate("PassportPanel", u"Warranty", None))
        self.statusBadge.setText(QCoreApplication.translate("PassportPanel", u"Status", None))
        self.sourceBadge.setText(QCoreApplication.translate("PassportPanel", u"Source", None))
        self.ownerBadge.setText(QCoreApplication.translate("PassportPanel", u"Owner", None))
        self.skuCaption.setText(QCoreApplication.translate("PassportPanel", u"Product code", None))
        self.skuValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.lotCaption.setText(QCoreApplication.translate("PassportPanel", u"Lot", None))
        self.lotValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.supplierCaption.setText(QCoreApplication.translate("PassportPanel", u"Supplier", None))
        self.supplierValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.receivedCaption.setText(QCoreApplication.translate("PassportPanel", u"Received", None))
        self.receivedValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.customerCaption.setText(QCoreApplication.translate("PassportPanel", u"Customer", None))
        self.customerValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.soldCaption.setText(QCoreApplication.translate("PassportPanel", u"Sold", None))
        self.soldValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.warrantyCaption.setText(QCoreApplication.translate("PassportPanel", u"Warranty until", None))
        self.warrantyValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.locationCaption.setText(QCoreApplication.translate("PassportPanel", u"Location", None))
        self.locationValue.setText(QCoreApplication.translate("PassportPanel", u"\u2014", None))
        self.fittedLabel.setText("")
        self.partsCaption.setText(QCoreApplication.translate("PassportPanel", u"Parts", None))
        ___qtreewidgetitem = self.partsTree.headerItem()
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("PassportPanel", u"How it came in", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("PassportPanel", u"Since", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("PassportPanel", u"Supplier", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("PassportPanel", u"Lot", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("PassportPanel", u"Serial", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("PassportPanel", u"Part", None))
        self.historyCaption.setText(QCoreApplication.translate("PassportPanel", u"History", None))
        pass
    # retranslateUi

