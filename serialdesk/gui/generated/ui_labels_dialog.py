# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'labels_dialog.ui'
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
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Banner

class Ui_LabelsDialog(object):
    def setupUi(self, LabelsDialog):
        if not LabelsDialog.objectName():
            LabelsDialog.setObjectName(u"LabelsDialog")
        LabelsDialog.resize(1040, 680)
        self.labelsLayout = QHBoxLayout(LabelsDialog)
        self.labelsLayout.setSpacing(16)
        self.labelsLayout.setObjectName(u"labelsLayout")
        self.labelsLayout.setContentsMargins(18, 16, 18, 14)
        self.optionsLayout = QVBoxLayout()
        self.optionsLayout.setSpacing(10)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.optionsCard = QFrame(LabelsDialog)
        self.optionsCard.setObjectName(u"optionsCard")
        self.optionsCard.setMinimumSize(QSize(330, 0))
        self.optionsCard.setMaximumSize(QSize(330, 16777215))
        self.optionsCardLayout = QVBoxLayout(self.optionsCard)
        self.optionsCardLayout.setSpacing(8)
        self.optionsCardLayout.setObjectName(u"optionsCardLayout")
        self.optionsCardLayout.setContentsMargins(16, 14, 16, 14)
        self.sourceLabel = QLabel(self.optionsCard)
        self.sourceLabel.setObjectName(u"sourceLabel")
        self.sourceLabel.setWordWrap(True)

        self.optionsCardLayout.addWidget(self.sourceLabel)

        self.optionsForm = QFormLayout()
        self.optionsForm.setObjectName(u"optionsForm")
        self.optionsForm.setVerticalSpacing(10)
        self.layoutCaption = QLabel(self.optionsCard)
        self.layoutCaption.setObjectName(u"layoutCaption")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.layoutCaption)

        self.layoutCombo = QComboBox(self.optionsCard)
        self.layoutCombo.setObjectName(u"layoutCombo")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.layoutCombo)

        self.startCaption = QLabel(self.optionsCard)
        self.startCaption.setObjectName(u"startCaption")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startCaption)

        self.startSpin = QSpinBox(self.optionsCard)
        self.startSpin.setObjectName(u"startSpin")
        self.startSpin.setMinimum(1)
        self.startSpin.setMaximum(24)

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startSpin)

        self.symbologyCaption = QLabel(self.optionsCard)
        self.symbologyCaption.setObjectName(u"symbologyCaption")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.symbologyCaption)

        self.symbologyCombo = QComboBox(self.optionsCard)
        self.symbologyCombo.setObjectName(u"symbologyCombo")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.symbologyCombo)

        self.priceCheck = QCheckBox(self.optionsCard)
        self.priceCheck.setObjectName(u"priceCheck")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.priceCheck)

        self.generatedCheck = QCheckBox(self.optionsCard)
        self.generatedCheck.setObjectName(u"generatedCheck")

        self.optionsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.generatedCheck)


        self.optionsCardLayout.addLayout(self.optionsForm)


        self.optionsLayout.addWidget(self.optionsCard)

        self.banner = Banner(LabelsDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setMaximumSize(QSize(330, 16777215))

        self.optionsLayout.addWidget(self.banner)

        self.optionsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.optionsLayout.addItem(self.optionsSpacer)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setSpacing(8)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.closeButton = QPushButton(LabelsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)

        self.saveButton = QPushButton(LabelsDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)

        self.printButton = QPushButton(LabelsDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonsLayout.addWidget(self.printButton)


        self.optionsLayout.addLayout(self.buttonsLayout)


        self.labelsLayout.addLayout(self.optionsLayout)

        self.previewLayout = QVBoxLayout()
        self.previewLayout.setSpacing(6)
        self.previewLayout.setObjectName(u"previewLayout")
        self.pagesLabel = QLabel(LabelsDialog)
        self.pagesLabel.setObjectName(u"pagesLabel")

        self.previewLayout.addWidget(self.pagesLabel)

        self.preview = QPdfView(LabelsDialog)
        self.preview.setObjectName(u"preview")

        self.previewLayout.addWidget(self.preview)


        self.labelsLayout.addLayout(self.previewLayout)

        self.labelsLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.layoutCaption.setBuddy(self.layoutCombo)
        self.startCaption.setBuddy(self.startSpin)
        self.symbologyCaption.setBuddy(self.symbologyCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LabelsDialog)

        QMetaObject.connectSlotsByName(LabelsDialog)
    # setupUi

    def retranslateUi(self, LabelsDialog):
        LabelsDialog.setWindowTitle(QCoreApplication.translate("LabelsDialog", u"Print labels", None))
        self.sourceLabel.setText(QCoreApplication.translate("LabelsDialog", u"Labels", None))
        self.layoutCaption.setText(QCoreApplication.translate("LabelsDialog", u"Layout", None))
#if QT_CONFIG(tooltip)
        self.layoutCombo.setToolTip(QCoreApplication.translate("LabelsDialog", u"A roll of 62 \u00d7 29 mm labels on a label printer, or A4 sheets of 3 \u00d7 8 labels on an office printer", None))
#endif // QT_CONFIG(tooltip)
        self.startCaption.setText(QCoreApplication.translate("LabelsDialog", u"Start at", None))
#if QT_CONFIG(tooltip)
        self.startSpin.setToolTip(QCoreApplication.translate("LabelsDialog", u"A4 sheets: the first free label on a half-used sheet (1 = top left, row by row)", None))
#endif // QT_CONFIG(tooltip)
        self.startSpin.setPrefix(QCoreApplication.translate("LabelsDialog", u"position ", None))
        self.symbologyCaption.setText(QCoreApplication.translate("LabelsDialog", u"Barcode", None))
#if QT_CONFIG(tooltip)
        self.priceCheck.setToolTip(QCoreApplication.translate("LabelsDialog", u"Print the product's price on each label", None))
#endif // QT_CONFIG(tooltip)
        self.priceCheck.setText(QCoreApplication.translate("LabelsDialog", u"Price on the label", None))
#if QT_CONFIG(tooltip)
        self.generatedCheck.setToolTip(QCoreApplication.translate("LabelsDialog", u"Only the units whose serials were generated here (the others carry the supplier's label)", None))
#endif // QT_CONFIG(tooltip)
        self.generatedCheck.setText(QCoreApplication.translate("LabelsDialog", u"Only serials made here", None))
        self.banner.setText(QCoreApplication.translate("LabelsDialog", u"Making the preview\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("LabelsDialog", u"Close", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("LabelsDialog", u"Keep the labels as a PDF file (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("LabelsDialog", u"Save PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("LabelsDialog", u"Choose the printer and print (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("LabelsDialog", u"Print\u2026", None))
        self.pagesLabel.setText(QCoreApplication.translate("LabelsDialog", u"Preview", None))
    # retranslateUi

