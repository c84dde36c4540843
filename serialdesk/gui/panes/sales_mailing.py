"""The sales pane's "E-mail receipt" (issue 18 §5): the last sale's numbered receipt as a PDF to the customer's
e-mail address, through the shop's mail server on the worker; the trail notes it once the server accepted it.
Without a mail server the .eml file is saved in a folder the user picks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from serialdesk.config import smtp_password
from serialdesk.documents.receipt_mail import ReceiptMailed, email_receipt, receipt_address
from serialdesk.gui.generated.ui_sales_pane import Ui_SalesPane
from serialdesk.gui.panes.sales_print import ReceiptHost, read_receipt
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.services.dto import SaleView
from serialdesk.services.shop import ShopProfileView


class ReceiptMailing(QObject):
    sig_mailed = Signal(object)  # ReceiptMailed

    def __init__(self, host: ReceiptHost, ui: Ui_SalesPane, banner: Banner, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.banner, self.widget = host, banner, parent
        self.button = QPushButton("E-mail receipt", parent)
        self.button.setObjectName("emailReceiptButton")
        self.button.setToolTip("E-mail the receipt of the last sale as a PDF to the customer (the shop's mail server, "
                               "Settings → Shop profile)")
        self.button.setEnabled(False)
        ui.receiptActions.insertWidget(ui.receiptActions.indexOf(ui.savePdfButton) + 1, self.button)
        self.button.clicked.connect(self.ask)

    def sold(self, sale: SaleView) -> None:
        self.button.setEnabled(bool(sale.customer and sale.customer.email))

    def ask(self) -> None:
        sale = self.host.last_sale
        if sale is None:
            return
        self.host.call(self.host.services.shop.profile, lambda shop: self._with_profile(sale, shop),
                       self.banner.bad, label="read the shop's mail settings")

    def _with_profile(self, sale: SaleView, shop: ShopProfileView) -> None:
        folder = ""
        if not shop.smtp_host:
            folder = QFileDialog.getExistingDirectory(
                self.widget, "No mail server is set — save the e-mail as an .eml file in", str(Path.home()))
            if not folder:
                self.banner.say("Nothing was e-mailed. Set the shop's mail server in Settings → Shop profile.")
                return
        self.send(sale, folder)

    def send(self, sale: SaleView, eml_dir: str) -> None:
        services, name = self.host.services, self.host.shop_name

        def work() -> ReceiptMailed:
            receipt = read_receipt(services, sale, name)
            shop = receipt.shop
            return email_receipt(receipt, receipt_address(receipt, None),
                                 password=smtp_password(shop.smtp_host, shop.smtp_user), eml_dir=Path(eml_dir or "."),
                                 record=services.receipts.record_emailed)

        self.button.setEnabled(False)
        self.banner.say(f"E-mailing the receipt of {sale.number}…")
        self.host.call(work, self._sent, self._failed, label="e-mail the receipt")

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.banner.bad(message.replace(": give --to ADDRESS", ": add one to the customer, or save the PDF"))

    def _sent(self, done: ReceiptMailed) -> None:
        self.button.setEnabled(True)
        (self.banner.good if done.sent else self.banner.warn)(done.text().replace(" (shop set --smtp-host …)", ""))
        self.sig_mailed.emit(done)
