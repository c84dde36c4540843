# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'camera_panel.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QWidget)

class Ui_CameraPanel(object):
    def setupUi(self, CameraPanel):
        if not CameraPanel.objectName():
            CameraPanel.setObjectName(u"CameraPanel")
        self.cameraLayout = QHBoxLayout(CameraPanel)
        self.cameraLayout.setObjectName(u"cameraLayout")
        self.cameraLayout.setContentsMargins(0, 0, 0, 0)
        self.cameraButton = QPushButton(CameraPanel)
        self.cameraButton.setObjectName(u"cameraButton")
        self.cameraButton.setCheckable(True)

        self.cameraLayout.addWidget(self.cameraButton)

        self.previewLabel = QLabel(CameraPanel)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setMinimumSize(QSize(160, 90))
        self.previewLabel.setMaximumSize(QSize(160, 90))
        self.previewLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.cameraLayout.addWidget(self.previewLabel)

        self.stateLabel = QLabel(CameraPanel)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.cameraLayout.addWidget(self.stateLabel)

        self.cameraSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cameraLayout.addItem(self.cameraSpacer)


        self.retranslateUi(CameraPanel)

        QMetaObject.connectSlotsByName(CameraPanel)
    # setupUi

    def retranslateUi(self, CameraPanel):
#if QT_CONFIG(tooltip)
        self.cameraButton.setToolTip(QCoreApplication.translate("CameraPanel", u"Read barcodes with the camera chosen in Settings (Ctrl+K); the scanner keeps working", None))
#endif // QT_CONFIG(tooltip)
        self.cameraButton.setText(QCoreApplication.translate("CameraPanel", u"Camera   Ctrl+K", None))
#if QT_CONFIG(tooltip)
        self.previewLabel.setToolTip(QCoreApplication.translate("CameraPanel", u"What the camera sees", None))
#endif // QT_CONFIG(tooltip)
        self.stateLabel.setText(QCoreApplication.translate("CameraPanel", u"Camera off", None))
        pass
    # retranslateUi

