"""Read a photo… (Ctrl+Shift+O): the codes on a photo of a box or label, and which was taken as what.

The photo is decoded and classified on the task runner's worker (photo_reading.read_photo, no Qt there); the
dialog opens at once saying it is reading, then shows the photo scaled to fit with every code's box drawn and
numbered, and a list — number, code, symbology, taken as — where the codes taken as product, serial and lot
are coloured. "Use" hands the reading to the pane in front as if it had been scanned (``sig_use``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from serialdesk.bootstrap import Services
from serialdesk.gui.photo_reading import PHOTO_FILTER, CodeRow, PhotoReading, read_photo
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.feedback import Banner

BUTTON_TEXT = "Photo   Ctrl+⇧O"
PHOTO_PANES = ("receiving", "sales", "service")  # the panes that take scans
ROLE_COLOURS = {"product": "#1565c0", "serial": "#2e7d32", "lot": "#e65100", "gs1": "#6a1b9a", "": "#9e9e9e"}
COLUMNS = ("#", "Code", "Symbology", "Taken as")
# a camera, drawn like the side bar's other icons (resources/icons/*.svg)
_ICON = (b'<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
         b'stroke="#e2e8f0" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
         b'<path d="M3.5 8.5h3.5l2-3h6l2 3h3.5v10.5h-17z"/><circle cx="12" cy="13.2" r="3.4"/></svg>')


class PhotoDialog(QDialog):
    sig_use = Signal(tuple)  # the scan texts to hand to the pane, in order
    sig_read = Signal()  # the reading arrived (or failed): for tests and the screenshot maker

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.reading: PhotoReading | None = None
        self.setWindowTitle(f"Read a photo — {self.path.name}")
        self.setModal(True)
        self.resize(1180, 660)
        self._image = _load(self.path)

        self.photo = QLabel()
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setMinimumSize(480, 360)
        self.photo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())  # a reason wraps, whole
        self.banner = Banner()
        self.banner.say("Reading the barcodes in the photo…", "info")
        self.buttons = QDialogButtonBox()
        self.use_button = self.buttons.addButton("Use", QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setProperty("role", "primary")  # the style sheet greys a disabled primary button
        self.use_button.setEnabled(False)
        self.use_button.setToolTip("Take the product, serial and lot shown above, as if they had been scanned")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._use)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.banner)
        body = QHBoxLayout()
        body.addWidget(self.photo, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._show_photo()

    # --- filling in ------------------------------------------------------------------------------------------

    def show_reading(self, reading: PhotoReading) -> None:
        self.reading = reading
        self.table.setRowCount(len(reading.rows))
        for row, code in enumerate(reading.rows):
            self._fill_row(row, code)
        self.table.setColumnWidth(1, min(max(self.table.sizeHintForColumn(1), 120), 220))
        self.table.resizeRowsToContents()
        tone = "good" if reading.scans else ("warn" if reading.rows else "bad")
        if reading.label is not None and reading.label.product is None and reading.label.serial:
            tone = "warn"
        self.banner.say(reading.summary, tone)
        self.use_button.setEnabled(bool(reading.scans))
        if reading.scans:
            self.use_button.setDefault(True)
        self._show_photo()
        self.sig_read.emit()

    def show_failure(self, message: str) -> None:
        self.banner.say(message, "bad")
        self.sig_read.emit()

    def _fill_row(self, row: int, code: CodeRow) -> None:
        cells = (str(code.number), code.shown, code.format, code.taken_as)
        colour = QColor(ROLE_COLOURS[code.role])
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if code.role:
                background = QColor(colour)
                background.setAlpha(40)
                item.setBackground(QBrush(background))
                if column == 3:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(QBrush(colour))
            else:
                item.setForeground(QBrush(QColor("#616161")))
            self.table.setItem(row, column, item)

    # --- the photo -------------------------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._show_photo()

    def _show_photo(self) -> None:
        if self._image.isNull():
            self.photo.setText("The photo cannot be shown.")
            return
        area = self.photo.contentsRect().size()
        scaled = self._image.scaled(area, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(scaled)
        if self.reading is not None and self.reading.rows:
            _draw_boxes(pixmap, self.reading.rows, scaled.width() / max(1, self._image.width()))
        self.photo.setPixmap(pixmap)

    def _use(self) -> None:
        if self.reading is not None and self.reading.scans:
            self.sig_use.emit(self.reading.scans)
            self.accept()


def _load(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a phone photo's EXIF orientation, as OpenCV applies it when decoding
    return reader.read()


def _draw_boxes(pixmap: QPixmap, rows: tuple[CodeRow, ...], factor: float) -> None:
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(15)
    painter.setFont(font)
    for code in rows:
        colour = QColor(ROLE_COLOURS[code.role])
        x0, y0, x1, y1 = (v * factor for v in code.box)
        line = Qt.PenStyle.SolidLine if code.role else Qt.PenStyle.DashLine  # unused codes: dashed, grey
        painter.setPen(QPen(colour, 3 if code.role else 2, line))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6))
        tag = QRectF(max(0.0, x0 - 3), max(0.0, y0 - 25), 24, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(tag, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, str(code.number))
    painter.end()


class PhotoReader:
    """The window's "Read a photo…" action: pick a file, read it off the GUI thread, show what was taken."""

    def __init__(self, window: QWidget, services: Services, runner: TaskRunner,
                 current: Callable[[], tuple[str, object]]) -> None:
        self.window, self.services, self.runner, self.current = window, services, runner, current
        self.dialog: PhotoDialog | None = None
        self.action = QAction("Read a photo…", window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        icon = QPixmap()
        icon.loadFromData(_ICON, "SVG")
        self.action.setIcon(QIcon(icon) if not icon.isNull() else
                            window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.action.setToolTip("Read the barcodes on a photo of a box or label (PNG or JPEG) and use them as a scan "
                               "(Ctrl+Shift+O) — in Receiving, Sales and Service")
        self.action.triggered.connect(lambda _checked=False: self.choose())
        window.addAction(self.action)
        self.button = QToolButton()
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setText(BUTTON_TEXT)
        self.button.setIconSize(QSize(20, 20))

    def pane_changed(self, key: str) -> None:
        self.action.setEnabled(key in PHOTO_PANES)
        self.button.setText(BUTTON_TEXT)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.window, "Read a photo", "", PHOTO_FILTER)
        if path:
            self.open(path)

    def open(self, path: str | Path) -> PhotoDialog:
        """The dialog for ``path``, opened at once; the reading follows from the task runner."""
        key, pane = self.current()
        sku = getattr(pane, "current_sku", lambda: None)() if key == "receiving" else None
        dialog = PhotoDialog(path, self.window)
        dialog.sig_use.connect(lambda scans: self._use(pane, scans))
        services = self.services
        receiving = key == "receiving"
        self.runner.run(lambda: read_photo(path, services, sku, receiving=receiving), dialog.show_reading,
                        dialog.show_failure, label="read a photo")
        self.dialog = dialog
        dialog.open()
        return dialog

    @staticmethod
    def _use(pane: object, scans: tuple[str, ...]) -> None:
        for text in scans:
            pane.handle_scan(text)  # type: ignore[attr-defined] - a ScanningPane: its queue takes them in order
