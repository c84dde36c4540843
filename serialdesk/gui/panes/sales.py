"""F3 Sales: find or add the customer, scan units into the cart (each checked: in stock?), complete the sale.

The cart and its rules are workflows.sales.SaleCart; this pane renders it and forwards scans and keys. A unit that
cannot be sold is refused at the scan with the reason, naming its buyer when it was sold already. Ctrl+Z takes
the last scan out again. Returns are taken in a small dialog (Ctrl+R).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Action
from serialdesk.gui.generated.ui_sales_pane import Ui_SalesPane
from serialdesk.gui.models.sales import CartModel
from serialdesk.gui.panes.base import ScanningPane, ScanQueue
from serialdesk.gui.panes.sales_customer import CustomerPicker
from serialdesk.gui.panes.sales_mailing import ReceiptMailing
from serialdesk.gui.panes.sales_payment import PaymentControls
from serialdesk.gui.panes.sales_print import ReceiptOutput
from serialdesk.gui.panes.sales_receipt import EMPTY_RECEIPT, sale_receipt_html
from serialdesk.gui.panes.sales_return import ReturnDialog
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import Task, TaskRunner, refused
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import PartyView, SaleView
from serialdesk.services.sales import UnitForSale
from serialdesk.workflows.sales import CartOutcome, SaleCart


class SalesPane(ScanningPane):
    title = "Sales"
    help_topic = "sales"
    sig_scan_handled = Signal(str, str)  # tone, message
    sig_sold = Signal(object)  # SaleView
    sig_customers_found = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_SalesPane()
        self.ui.setupUi(self)
        self.session = SaleCart(services)
        self.picker = CustomerPicker(self.session, self.ui.customerSearch, self.ui.customersView, self.ui.banner,
                                     self.call, self)
        self.customers = self.picker.customers
        self.cart = CartModel(self, self.session.set_price)
        self.queue = ScanQueue(self._check_unit)
        self.shop_name = Preferences().shop_name
        self.receipt_output = ReceiptOutput(self, self.ui.banner, self)
        self.receipt_mailing = ReceiptMailing(self, self.ui, self.ui.banner, self)  # "E-mail receipt"
        self.payment = PaymentControls(self, self)  # paid by, and a discount on a line
        self._setup_view()
        self._connect()
        self._show_cart()

    @property
    def customer(self) -> PartyView | None:
        return self.session.customer

    @property
    def last_sale(self) -> SaleView | None:
        """The last sale completed here: its receipt can be printed or saved as PDF."""
        return self.session.last_sale

    def _setup_view(self) -> None:
        ui = self.ui
        for name, role in (("titleLabel", "paneTitle"), ("customerChip", "chip"), ("customerCard", "card"),
                           ("scanCaption", "section"), ("receiptCaption", "section"), ("totalLabel", "total"),
                           ("completeButton", "primary")):
            getattr(ui, name).setProperty("role", role)
        ui.cartView.setModel(self.cart)
        fit_columns(ui.cartView, (0, 2, 3), stretch=1)
        fit_columns(ui.customersView, (1, 2, 3), stretch=0)
        ui.receiptBrowser.setHtml(EMPTY_RECEIPT)
        ui.printReceiptButton.setEnabled(False)
        ui.savePdfButton.setEnabled(False)
        ui.returnButton.setEnabled(self.services.actor.may(Action.RETURN))
        ui.newCustomerButton.setEnabled(self.services.actor.may(Action.EDIT_CUSTOMERS))

    def _connect(self) -> None:
        ui = self.ui
        ui.scanEdit.sig_entered.connect(self._typed)
        self.picker.sig_found.connect(self.sig_customers_found)
        self.picker.sig_chosen.connect(self._chosen)
        ui.newCustomerButton.clicked.connect(self.ask_new_customer)
        ui.removeButton.clicked.connect(self.remove_line)
        ui.returnButton.clicked.connect(self.ask_return)
        ui.completeButton.clicked.connect(self.complete)
        ui.printReceiptButton.clicked.connect(self.receipt_output.ask_print)
        ui.savePdfButton.clicked.connect(self.receipt_output.ask_save_pdf)
        self.shortcut("Ctrl+Shift+P", self.receipt_output.ask_print)
        self.shortcut("Ctrl+Shift+S", self.receipt_output.ask_save_pdf)
        self.cart.dataChanged.connect(lambda *_: self._show_cart())
        self.cart.sig_price_refused.connect(self.ui.banner.bad)
        self.attach_camera(ui.cameraPanel, ui.banner)
        self.shortcut("Ctrl+F", self.picker.focus)
        self.shortcut("Ctrl+N", self.ask_new_customer)
        self.shortcut("Ctrl+R", self.ask_return)
        self.shortcut("Ctrl+Z", self.undo)
        for edit in (ui.scanEdit, ui.customerSearch):  # their own Ctrl+Z (undo typing) would win over the cart's
            edit.installEventFilter(self)
        self.shortcut("Delete", self.remove_line)
        self.shortcut("Ctrl+Return", self.complete)
        self.shortcut("Ctrl+Enter", self.complete)

    def preferences_changed(self, preferences: Preferences) -> None:
        self.shop_name = preferences.shop_name
        self.ui.cameraPanel.set_source(preferences.camera_source())

    def activate(self) -> None:
        (self.ui.scanEdit if self.customer else self.ui.customerSearch).setFocus()

    # --- the customer (the search itself is sales_customer.CustomerPicker's) --------------------------------

    def search_customers(self) -> None:
        self.picker.search()

    def choose_customer(self, customer: PartyView) -> None:
        self.picker.choose(customer)

    def _chosen(self, customer: PartyView) -> None:
        self.ui.customerChip.setText(f"Customer: {customer.name} ({customer.number})")
        self._show_cart()
        self.ui.scanEdit.setFocus()

    def ask_new_customer(self) -> None:
        if self.services.actor.may(Action.EDIT_CUSTOMERS):
            self.picker.ask_new()

    # --- the cart -------------------------------------------------------------------------------------------

    def _check_unit(self, text: str) -> None:
        task: Task = self.call(self.session.scan_call(text), lambda r: self._checked(text, r),
                               lambda m: self._checked(text, refused(task, m)), label=f"check unit {text}")

    def _checked(self, text: str, result: UnitForSale | DomainError) -> None:
        outcome = self.session.scan_done(text, result)
        if outcome.line is not None:
            self.show_lines()
            self.ui.cartView.scrollToBottom()
        self._scan_outcome(outcome)

    def _scan_outcome(self, outcome: CartOutcome) -> None:
        self.ui.banner.say(outcome.message, outcome.tone)
        self.ui.scanEdit.flash(outcome.tone)
        self.sig_scan_handled.emit(outcome.tone, outcome.message)
        self.queue.done()

    def remove_line(self) -> None:
        index = self.ui.cartView.currentIndex()
        if index.isValid():
            self._take_out(lambda: self.session.remove(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Undo)):
            return True  # not claimed by the field: the pane's Ctrl+Z shortcut runs
        return super().eventFilter(watched, event)

    def undo(self) -> None:
        """Ctrl+Z, whatever field has the cursor: the last scanned unit comes out of the cart."""
        if self.queue.busy:
            self.ui.banner.warn("A scan is still being checked; press Ctrl+Z again in a moment.")
            return
        self._take_out(self.session.undo)

    def _take_out(self, action: Callable[[], CartOutcome]) -> None:
        try:
            self.ui.banner.say(action().message)
        except DomainError as exc:
            self.ui.banner.warn(exc.message)
        self.show_lines()

    def show_lines(self) -> None:
        self.cart.set_rows(tuple(self.session.lines))
        self._show_cart()

    def _show_cart(self) -> None:
        self.ui.totalLabel.setText(self.session.summary())
        self.ui.completeButton.setEnabled(self.session.ready)
        self.ui.removeButton.setEnabled(bool(self.session.lines))
        self.payment.discount_button.setEnabled(bool(self.session.lines))

    def complete(self) -> None:
        try:
            call = self.session.sell_call()
        except DomainError as exc:
            self.ui.banner.warn(exc.message)
            return
        self.call(call, self._sold, self.ui.banner.bad, label="complete the sale")

    def _sold(self, sale: SaleView) -> None:
        message = self.session.sell_done(sale)
        self.ui.receiptBrowser.setHtml(sale_receipt_html(sale))
        self.ui.printReceiptButton.setEnabled(True)
        self.ui.savePdfButton.setEnabled(True)
        self.receipt_mailing.sold(sale)
        self.payment.reset()
        self.ui.scanEdit.reset()
        self.show_lines()
        self.picker.clear()
        self.ui.customerChip.setText("No customer chosen")
        self.ui.banner.good(message)
        self.sig_sold.emit(sale)
        self.ui.customerSearch.setFocus()

    # --- returns --------------------------------------------------------------------------------------------

    def ask_return(self) -> None:
        if not self.services.actor.may(Action.RETURN):
            return
        dialog = ReturnDialog(self.session.returns(), self.runner, self)

        def closed(result: int) -> None:
            if result and dialog.message:
                self.ui.banner.good(dialog.message)

        dialog.finished.connect(closed)
        dialog.open()
