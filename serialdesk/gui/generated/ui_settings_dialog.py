# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from serialdesk.gui.widgets.feedback import Banner

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(720, 520)
        self.settingsLayout = QVBoxLayout(SettingsDialog)
        self.settingsLayout.setSpacing(8)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsLayout.setContentsMargins(20, 14, 20, 14)
        self.banner = Banner(SettingsDialog)
        self.banner.setObjectName(u"banner")

        self.settingsLayout.addWidget(self.banner)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(14)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.stationGroup = QGroupBox(SettingsDialog)
        self.stationGroup.setObjectName(u"stationGroup")
        self.stationForm = QFormLayout(self.stationGroup)
        self.stationForm.setObjectName(u"stationForm")
        self.stationForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.stationCaption = QLabel(self.stationGroup)
        self.stationCaption.setObjectName(u"stationCaption")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stationCaption)

        self.stationEdit = QLineEdit(self.stationGroup)
        self.stationEdit.setObjectName(u"stationEdit")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stationEdit)

        self.cameraCaption = QLabel(self.stationGroup)
        self.cameraCaption.setObjectName(u"cameraCaption")

        self.stationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cameraCaption)

        self.cameraSpin = QSpinBox(self.stationGroup)
        self.cameraSpin.setObjectName(u"cameraSpin")
        self.cameraSpin.setMaximum(9)

        self.stationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cameraSpin)

        self.cameraFileCaption = QLabel(self.stationGroup)
        self.cameraFileCaption.setObjectName(u"cameraFileCaption")

        self.stationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cameraFileCaption)

        self.cameraFileEdit = QLineEdit(self.stationGroup)
        self.cameraFileEdit.setObjectName(u"cameraFileEdit")

        self.stationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cameraFileEdit)

        self.soundsCaption = QLabel(self.stationGroup)
        self.soundsCaption.setObjectName(u"soundsCaption")

        self.stationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.soundsCaption)

        self.soundsCheck = QCheckBox(self.stationGroup)
        self.soundsCheck.setObjectName(u"soundsCheck")

        self.stationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.soundsCheck)

        self.locationCaption = QLabel(self.stationGroup)
        self.locationCaption.setObjectName(u"locationCaption")

        self.stationForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationCaption)

        self.locationCombo = QComboBox(self.stationGroup)
        self.locationCombo.setObjectName(u"locationCombo")

        self.stationForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.locationCombo)


        self.leftColumn.addWidget(self.stationGroup)

        self.wedgeGroup = QGroupBox(SettingsDialog)
        self.wedgeGroup.setObjectName(u"wedgeGroup")
        self.wedgeForm = QFormLayout(self.wedgeGroup)
        self.wedgeForm.setObjectName(u"wedgeForm")
        self.wedgeForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.minLengthCaption = QLabel(self.wedgeGroup)
        self.minLengthCaption.setObjectName(u"minLengthCaption")

        self.wedgeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.minLengthCaption)

        self.minLengthSpin = QSpinBox(self.wedgeGroup)
        self.minLengthSpin.setObjectName(u"minLengthSpin")
        self.minLengthSpin.setMinimum(1)
        self.minLengthSpin.setMaximum(20)

        self.wedgeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.minLengthSpin)

        self.maxGapCaption = QLabel(self.wedgeGroup)
        self.maxGapCaption.setObjectName(u"maxGapCaption")

        self.wedgeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.maxGapCaption)

        self.maxGapSpin = QSpinBox(self.wedgeGroup)
        self.maxGapSpin.setObjectName(u"maxGapSpin")
        self.maxGapSpin.setMinimum(5)
        self.maxGapSpin.setMaximum(500)

        self.wedgeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.maxGapSpin)

        self.endIdleCaption = QLabel(self.wedgeGroup)
        self.endIdleCaption.setObjectName(u"endIdleCaption")

        self.wedgeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.endIdleCaption)

        self.endIdleSpin = QSpinBox(self.wedgeGroup)
        self.endIdleSpin.setObjectName(u"endIdleSpin")
        self.endIdleSpin.setMinimum(10)
        self.endIdleSpin.setMaximum(2000)

        self.wedgeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.endIdleSpin)


        self.leftColumn.addWidget(self.wedgeGroup)

        self.leftSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columnsLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.labelsGroup = QGroupBox(SettingsDialog)
        self.labelsGroup.setObjectName(u"labelsGroup")
        self.labelsForm = QFormLayout(self.labelsGroup)
        self.labelsForm.setObjectName(u"labelsForm")
        self.labelsForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.layoutCaption = QLabel(self.labelsGroup)
        self.layoutCaption.setObjectName(u"layoutCaption")

        self.labelsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.layoutCaption)

        self.layoutCombo = QComboBox(self.labelsGroup)
        self.layoutCombo.setObjectName(u"layoutCombo")

        self.labelsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.layoutCombo)

        self.symbologyCaption = QLabel(self.labelsGroup)
        self.symbologyCaption.setObjectName(u"symbologyCaption")

        self.labelsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.symbologyCaption)

        self.symbologyCombo = QComboBox(self.labelsGroup)
        self.symbologyCombo.setObjectName(u"symbologyCombo")

        self.labelsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.symbologyCombo)


        self.rightColumn.addWidget(self.labelsGroup)

        self.lettersGroup = QGroupBox(SettingsDialog)
        self.lettersGroup.setObjectName(u"lettersGroup")
        self.lettersForm = QFormLayout(self.lettersGroup)
        self.lettersForm.setObjectName(u"lettersForm")
        self.lettersForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.shopCaption = QLabel(self.lettersGroup)
        self.shopCaption.setObjectName(u"shopCaption")

        self.lettersForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.shopCaption)

        self.shopEdit = QLineEdit(self.lettersGroup)
        self.shopEdit.setObjectName(u"shopEdit")

        self.lettersForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.shopEdit)


        self.rightColumn.addWidget(self.lettersGroup)

        self.rightSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columnsLayout.addLayout(self.rightColumn)


        self.settingsLayout.addLayout(self.columnsLayout)

        self.databaseGroup = QGroupBox(SettingsDialog)
        self.databaseGroup.setObjectName(u"databaseGroup")
        self.databaseForm = QFormLayout(self.databaseGroup)
        self.databaseForm.setObjectName(u"databaseForm")
        self.databaseForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.currentDbCaption = QLabel(self.databaseGroup)
        self.currentDbCaption.setObjectName(u"currentDbCaption")

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentDbCaption)

        self.currentDbLabel = QLabel(self.databaseGroup)
        self.currentDbLabel.setObjectName(u"currentDbLabel")
        self.currentDbLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.currentDbLabel.setWordWrap(True)

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentDbLabel)

        self.nextDbCaption = QLabel(self.databaseGroup)
        self.nextDbCaption.setObjectName(u"nextDbCaption")

        self.databaseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nextDbCaption)

        self.dbEdit = QLineEdit(self.databaseGroup)
        self.dbEdit.setObjectName(u"dbEdit")

        self.databaseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dbEdit)


        self.settingsLayout.addWidget(self.databaseGroup)

        self.restartNote = QLabel(SettingsDialog)
        self.restartNote.setObjectName(u"restartNote")
        self.restartNote.setWordWrap(True)

        self.settingsLayout.addWidget(self.restartNote)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.settingsLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.cameraFileCaption.setBuddy(self.cameraFileEdit)
        self.locationCaption.setBuddy(self.locationCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.banner.setText(QCoreApplication.translate("SettingsDialog", u"Settings of this station. They are kept on this computer.", None))
        self.stationGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"This station", None))
        self.stationCaption.setText(QCoreApplication.translate("SettingsDialog", u"Station name", None))
#if QT_CONFIG(tooltip)
        self.stationEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"Shown in the status bar and recorded with every change made here (next start)", None))
#endif // QT_CONFIG(tooltip)
        self.cameraCaption.setText(QCoreApplication.translate("SettingsDialog", u"Camera", None))
#if QT_CONFIG(tooltip)
        self.cameraSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"Which camera reads barcodes: 0 is the first one the computer finds", None))
#endif // QT_CONFIG(tooltip)
        self.cameraSpin.setPrefix(QCoreApplication.translate("SettingsDialog", u"device ", None))
        self.cameraFileCaption.setText(QCoreApplication.translate("SettingsDialog", u"Camera video file", None))
#if QT_CONFIG(tooltip)
        self.cameraFileEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"For demonstrations and tests: a video of labels read instead of the camera device (leave empty to use the camera)", None))
#endif // QT_CONFIG(tooltip)
        self.cameraFileEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"empty: use the camera device", None))
        self.soundsCaption.setText(QCoreApplication.translate("SettingsDialog", u"Scan sounds", None))
#if QT_CONFIG(tooltip)
        self.soundsCheck.setToolTip(QCoreApplication.translate("SettingsDialog", u"A short beep for an accepted scan, a low double buzz for a refused one", None))
#endif // QT_CONFIG(tooltip)
        self.soundsCheck.setText(QCoreApplication.translate("SettingsDialog", u"Play a sound for each scan", None))
        self.locationCaption.setText(QCoreApplication.translate("SettingsDialog", u"Location", None))
#if QT_CONFIG(tooltip)
        self.locationCombo.setToolTip(QCoreApplication.translate("SettingsDialog", u"Where this station is: units received here go to this location, and transfers arriving here are scanned in (next start)", None))
#endif // QT_CONFIG(tooltip)
        self.wedgeGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Barcode scanner (keyboard)", None))
        self.minLengthCaption.setText(QCoreApplication.translate("SettingsDialog", u"Shortest scan", None))
#if QT_CONFIG(tooltip)
        self.minLengthSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"Fewer characters than this are never taken as a scan", None))
#endif // QT_CONFIG(tooltip)
        self.minLengthSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" characters", None))
        self.maxGapCaption.setText(QCoreApplication.translate("SettingsDialog", u"Gap between keys", None))
#if QT_CONFIG(tooltip)
        self.maxGapSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"Keys closer together than this come from the scanner; people type slower (75 ms or more)", None))
#endif // QT_CONFIG(tooltip)
        self.maxGapSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" ms at most", None))
        self.endIdleCaption.setText(QCoreApplication.translate("SettingsDialog", u"Scan ends after", None))
#if QT_CONFIG(tooltip)
        self.endIdleSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"A scan without Enter or Tab at its end is over after this long without a key", None))
#endif // QT_CONFIG(tooltip)
        self.endIdleSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" ms quiet", None))
        self.labelsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Labels", None))
        self.layoutCaption.setText(QCoreApplication.translate("SettingsDialog", u"Layout", None))
#if QT_CONFIG(tooltip)
        self.layoutCombo.setToolTip(QCoreApplication.translate("SettingsDialog", u"What \"Print labels\u2026\" offers first", None))
#endif // QT_CONFIG(tooltip)
        self.symbologyCaption.setText(QCoreApplication.translate("SettingsDialog", u"Barcode", None))
        self.lettersGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Recall letters", None))
        self.shopCaption.setText(QCoreApplication.translate("SettingsDialog", u"Shop name", None))
#if QT_CONFIG(tooltip)
        self.shopEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"Printed at the top of every recall letter", None))
#endif // QT_CONFIG(tooltip)
        self.databaseGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Database", None))
        self.currentDbCaption.setText(QCoreApplication.translate("SettingsDialog", u"In use now", None))
        self.nextDbCaption.setText(QCoreApplication.translate("SettingsDialog", u"At next start", None))
#if QT_CONFIG(tooltip)
        self.dbEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"sqlite:////path/shop.db or postgresql+psycopg://user@host/shop; --db and $SERIALDESK_DB still win", None))
#endif // QT_CONFIG(tooltip)
        self.dbEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"empty: --db, $SERIALDESK_DB or the default file", None))
        self.restartNote.setText(QCoreApplication.translate("SettingsDialog", u"The station name, its location and the database take effect the next time serialdesk starts; the scanner settings at once.", None))
    # retranslateUi

