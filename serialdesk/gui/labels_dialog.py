"""Print labels… for a receipt: choose the layout (roll or A4 with its first free position) and the barcode,
see the PDF as it will print, then save it or print it.

The PDF is made on the worker into a temporary folder and shown with QPdfView; printing paints that same PDF
onto the QPrinter the print dialog set up (``print_to`` — tests call it with a PDF-file printer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTemporaryDir, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QPushButton, QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.text import plural
from serialdesk.gui.generated.ui_labels_dialog import Ui_LabelsDialog
from serialdesk.gui.preferences import LAYOUTS, SYMBOLOGIES, Preferences
from serialdesk.gui.tasks import TaskRunner
from serialdesk.services.dto import LabelSource

if TYPE_CHECKING:
    from serialdesk.gui.labels_job import LabelOptions
    from serialdesk.labels import LabelOutput

RERENDER_DELAY_MS = 200
ROLL_ZOOM = 2.0


class LabelsDialog(QDialog):
    sig_rendered = Signal(str, int)  # the preview PDF, its pages
    sig_saved = Signal(str)
    sig_printed = Signal(int)  # pages sent to the printer
    sig_sent = Signal(int)  # labels sent whole to the ZPL label printer
    sig_refused = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, receipt_id: int, receipt_number: str,
                 preferences: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The label renderer (barcodes, numpy, Qt's PDF writer) is imported with the first dialog, not with the
        # window; here, on the GUI thread, before a worker renders with it.
        from serialdesk.gui import labels_job
        from serialdesk.labels import qt_render  # noqa: F401

        self.job = labels_job
        self.ui = Ui_LabelsDialog()
        self.ui.setupUi(self)
        self.services, self.runner = services, runner
        self.receipt_id, self.receipt_number = receipt_id, receipt_number
        self.sources: list[LabelSource] = []
        self.pdf: Path | None = None
        self.pages = 0
        self._folder = QTemporaryDir()
        self._made = 0
        self._rendering = self._again = False
        self.document = QPdfDocument(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RERENDER_DELAY_MS)
        self._setup(preferences or Preferences())
        self._connect()
        self.setWindowTitle(f"Print labels — {receipt_number}")
        self.fetch()

    def _setup(self, preferences: Preferences) -> None:
        ui = self.ui
        for name, role in (("optionsCard", "card"), ("sourceLabel", "strong"), ("pagesLabel", "section"),
                           ("printButton", "primary")):
            getattr(ui, name).setProperty("role", role)
        for combo, choices, chosen in ((ui.layoutCombo, LAYOUTS, preferences.label_layout),
                                       (ui.symbologyCombo, SYMBOLOGIES, preferences.label_symbology)):
            for shown, value in choices:
                combo.addItem(shown, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        # Issue 16: a GS1 Digital Link in the symbol (a QR code), under the station's resolver.
        self.linkCheck = QCheckBox("GS1 Digital Link (QR code)", ui.optionsCard)
        self.linkCheck.setObjectName("linkCheck")
        self.resolver = self.job.resolver_setting()
        self.linkCheck.setToolTip(f"Units of products with a GTIN get a QR code of their Digital Link "
                                  f"({self.resolver}/01/…/21/…); phones and our scanners read it back")
        ui.optionsForm.addRow("", self.linkCheck)
        # Issue 18: ZPL straight to the station's label printer (Settings), for roll labels.
        self.label_printer = preferences.label_printer
        self.sendButton = QPushButton("Send to label printer", self)
        self.sendButton.setObjectName("sendButton")
        self.sendButton.setToolTip(f"ZPL straight to the label printer at {self.label_printer} (roll labels)")
        self.sendButton.setAutoDefault(False)
        self.sendButton.setVisible(bool(self.label_printer))
        ui.buttonsLayout.addWidget(self.sendButton)
        ui.preview.setDocument(self.document)
        ui.preview.setPageMode(QPdfView.PageMode.MultiPage)
        ui.preview.setPageSpacing(12)
        ui.printButton.setDefault(True)
        for button in (ui.closeButton, ui.saveButton):
            button.setAutoDefault(False)
        self._show_state()

    def _connect(self) -> None:
        ui = self.ui
        for signal in (ui.layoutCombo.currentIndexChanged, ui.symbologyCombo.currentIndexChanged,
                       ui.startSpin.valueChanged, ui.priceCheck.toggled, self.linkCheck.toggled):
            signal.connect(lambda *_: self._timer.start())
        self.linkCheck.toggled.connect(self._link_toggled)
        ui.generatedCheck.toggled.connect(lambda _on: self.fetch())
        self._timer.timeout.connect(self.make_preview)
        ui.closeButton.clicked.connect(self.reject)
        ui.saveButton.clicked.connect(self.ask_save)
        ui.printButton.clicked.connect(self.ask_print)
        self.sendButton.clicked.connect(self.send_to_label_printer)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.ask_save)
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.ask_print)

    def options(self) -> LabelOptions:
        ui = self.ui
        return self.job.LabelOptions(str(ui.layoutCombo.currentData()), str(ui.symbologyCombo.currentData()),
                                     ui.startSpin.value(), ui.priceCheck.isChecked(), self.linkCheck.isChecked(),
                                     self.resolver)

    def _link_toggled(self, on: bool) -> None:
        """A Digital Link is a web address: it goes in a QR code (a Code 128 of it would not fit a label)."""
        if on and self.ui.symbologyCombo.currentData() == "code128":
            self.ui.symbologyCombo.setCurrentIndex(max(0, self.ui.symbologyCombo.findData("qr")))

    def _show_state(self) -> None:
        ready = self.pdf is not None and not self._rendering
        self.ui.saveButton.setEnabled(ready)
        self.ui.printButton.setEnabled(ready)
        self.sendButton.setEnabled(ready and self.options().layout == "roll-62x29")
        self.ui.startSpin.setEnabled(self.options().layout == "a4-3x8")

    # --- contents and preview --------------------------------------------------------------------------------

    def fetch(self) -> None:
        labels, receipt_id = self.services.labels, self.receipt_id
        generated_only = self.ui.generatedCheck.isChecked()
        self.ui.banner.say("Reading the units on the receipt…")
        self.runner.run(lambda: labels.for_receipt(receipt_id, generated_only=generated_only), self._fetched,
                        self._refused, label="read the units to label")

    def _fetched(self, sources: list[LabelSource]) -> None:
        self.sources = sources
        self.ui.sourceLabel.setText(f"{self.receipt_number} · {plural(len(sources), 'unit')}")
        self.make_preview()

    def make_preview(self) -> None:
        self._show_state()
        if not self.sources:
            return
        if self._rendering:  # one at a time; the latest options win
            self._again = True
            return
        self._rendering, self._made = True, self._made + 1
        sources, options = list(self.sources), self.options()
        out = Path(self._folder.path()) / f"{self.receipt_number}-labels-{self._made}.pdf"
        self.ui.banner.say(f"Making {plural(len(sources), 'label')}…")
        render_pdf = self.job.render_pdf
        self.runner.run(lambda: render_pdf(sources, options, out), self._rendered, self._refused,
                        label="make the labels")

    def _rendered(self, output: LabelOutput) -> None:
        self._rendering = False
        old, self.pdf, self.pages = self.pdf, output.files[0], output.pages
        self.document.close()
        self.document.load(str(self.pdf))
        if self.options().layout == "a4-3x8":  # a whole sheet in view
            self.ui.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:  # roll labels twice their size, several in view
            self.ui.preview.setZoomMode(QPdfView.ZoomMode.Custom)
            self.ui.preview.setZoomFactor(ROLL_ZOOM)
        if old is not None and old != self.pdf:
            old.unlink(missing_ok=True)
        self.ui.pagesLabel.setText(f"Preview · {plural(output.labels, 'label')} on {plural(output.pages, 'page')}")
        self.ui.banner.good("Ready: check the preview, then print or save the PDF.")
        self._show_state()
        self.sig_rendered.emit(str(self.pdf), output.pages)
        if self._again:
            self._again = False
            self.make_preview()

    def _refused(self, message: str) -> None:
        self._rendering = self._again = False
        self.ui.banner.bad(message)
        self._show_state()
        self.sig_refused.emit(message)

    # --- save and print --------------------------------------------------------------------------------------

    def ask_save(self) -> None:
        if self.pdf is None:
            return
        suggested = str(Path.home() / f"{self.receipt_number}-labels.pdf")
        path, _ = QFileDialog.getSaveFileName(self, "Save the labels", suggested, "PDF files (*.pdf)")
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: str | Path) -> None:
        source = self.pdf
        if source is None:
            return
        copy_pdf = self.job.copy_pdf
        self.runner.run(lambda: copy_pdf(source, path), self._saved, self.ui.banner.bad,
                        label="save the labels")

    def _saved(self, path: Path) -> None:
        self.ui.banner.offer_open(f"Saved {path}.", path)
        self.sig_saved.emit(str(path))

    def ask_print(self) -> None:
        if self.pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.job.prepare_printer(printer, self.pdf)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"Print the labels of {self.receipt_number}")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        pdf = self.pdf
        if pdf is None:
            return
        self.ui.banner.say("Sending the labels to the printer…")
        print_pdf = self.job.print_pdf
        self.runner.run(lambda: print_pdf(pdf, printer), self._printed, self.ui.banner.bad, label="print the labels")

    def send_to_label_printer(self) -> None:
        if not self.sources or not self.label_printer or self.options().layout != "roll-62x29":
            return
        sources, options, printer = list(self.sources), self.options(), self.label_printer
        self.ui.banner.say(f"Sending {plural(len(sources), 'label')} to the label printer at {printer}…")
        self.sendButton.setEnabled(False)
        send = self.job.send_to_printer
        self.runner.run(lambda: send(sources, options, printer), self._sent, self._not_sent,
                        label="send the labels to the label printer")

    def _sent(self, result: tuple[int, str]) -> None:
        labels, address = result
        self.ui.banner.good(f"{plural(labels, 'label')} sent to the label printer at {address}.")
        self._show_state()
        self.sig_sent.emit(labels)

    def _not_sent(self, message: str) -> None:
        self.ui.banner.bad(message)
        self._show_state()

    def _printed(self, pages: int) -> None:
        self.ui.banner.good(f"{plural(pages, 'page')} sent to the printer.")
        self.sig_printed.emit(pages)
