"""F3 Sales: find or add the customer, scan units into the cart (each checked: in stock?), complete the sale.

A unit that cannot be sold is refused at the scan with the reason, naming its buyer when it was sold already.
Returns are taken in a small dialog (Ctrl+R).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.text import day, plural
from serialdesk.gui.formats import money
from serialdesk.gui.generated.ui_sales_pane import Ui_SalesPane
from serialdesk.gui.models.sales import CUSTOMER_COLUMNS, CartLine, CartModel
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.panes.base import ScanningPane, ScanQueue
from serialdesk.gui.panes.sales_print import ReceiptOutput
from serialdesk.gui.panes.sales_receipt import EMPTY_RECEIPT, sale_receipt_html
from serialdesk.gui.panes.sales_return import ReturnDialog
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import ItemPassport, PartyView, ProductView, SaleView

SEARCH_DELAY_MS = 250


def refusal(p: ItemPassport) -> str | None:
    """Why this unit cannot be sold, in the clerk's words (naming the buyer of a sold unit, or the recall holding
    it); None if it can."""
    if p.hold:
        return f"Serial {p.serial} cannot be sold — {p.hold}"
    situation = None
    if p.customer is not None and p.sold_at is not None:
        situation = f"was sold on {day(p.sold_at)} to {p.customer.name} ({p.customer.number})"
        if p.status != ItemStatus.SOLD.value:
            situation += f" and is {p.status.replace('_', ' ')}"
    try:
        check_move(p.status, ItemStatus.SOLD, p.serial, situation)
    except DomainError as exc:
        return exc.message
    return None


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
        self.products: dict[str, ProductView] = {}
        self.customer: PartyView | None = None
        self.customers = RowsModel(CUSTOMER_COLUMNS, self)
        self.cart = CartModel(self)
        self.queue = ScanQueue(self._check_unit)
        self.last_sale: SaleView | None = None  # its receipt can be printed or saved as PDF
        self.shop_name = Preferences().shop_name
        self.receipt_output = ReceiptOutput(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._setup_view()
        self._connect()
        self._show_cart()

    def _setup_view(self) -> None:
        ui = self.ui
        for name, role in (("titleLabel", "paneTitle"), ("customerChip", "chip"), ("customerCard", "card"),
                           ("scanCaption", "section"), ("receiptCaption", "section"), ("totalLabel", "total"),
                           ("completeButton", "primary")):
            getattr(ui, name).setProperty("role", role)
        ui.customersView.setModel(self.customers)
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
        ui.customerSearch.textEdited.connect(lambda _text: self._search_timer.start())
        ui.customerSearch.returnPressed.connect(self._pick_first_customer)
        self._search_timer.timeout.connect(self.search_customers)
        ui.customersView.activated.connect(self._customer_activated)
        ui.customersView.clicked.connect(self._customer_activated)
        ui.newCustomerButton.clicked.connect(self.ask_new_customer)
        ui.removeButton.clicked.connect(self.remove_line)
        ui.returnButton.clicked.connect(self.ask_return)
        ui.completeButton.clicked.connect(self.complete)
        ui.printReceiptButton.clicked.connect(self.receipt_output.ask_print)
        ui.savePdfButton.clicked.connect(self.receipt_output.ask_save_pdf)
        self.shortcut("Ctrl+Shift+P", self.receipt_output.ask_print)
        self.shortcut("Ctrl+Shift+S", self.receipt_output.ask_save_pdf)
        self.cart.dataChanged.connect(lambda *_: self._show_cart())
        self.cart.rowsInserted.connect(lambda *_: self._show_cart())
        self.cart.rowsRemoved.connect(lambda *_: self._show_cart())
        self.cart.sig_price_refused.connect(self.ui.banner.bad)
        self.attach_camera(ui.cameraPanel, ui.banner)
        self.shortcut("Ctrl+F", self._focus_search)
        self.shortcut("Ctrl+N", self.ask_new_customer)
        self.shortcut("Ctrl+R", self.ask_return)
        self.shortcut("Delete", self.remove_line)
        self.shortcut("Ctrl+Return", self.complete)
        self.shortcut("Ctrl+Enter", self.complete)

    def load(self) -> None:
        catalogue = self.services.catalogue
        self.call(catalogue.products, self._loaded, self.ui.banner.bad, label="load the price list")

    def _loaded(self, products: list[ProductView]) -> None:
        self.products = {p.sku: p for p in products}

    def refresh(self, changes: Changes) -> None:
        if changes.touches("catalogue"):
            self.load()

    def preferences_changed(self, preferences: Preferences) -> None:
        self.shop_name = preferences.shop_name
        self.ui.cameraPanel.set_source(preferences.camera_source())

    def activate(self) -> None:
        (self.ui.scanEdit if self.customer else self.ui.customerSearch).setFocus()

    # --- the customer ---------------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.ui.customerSearch.setFocus()
        self.ui.customerSearch.selectAll()

    def search_customers(self) -> None:
        text = self.ui.customerSearch.text().strip()
        if not text:
            self.customers.set_rows(())
            return
        catalogue = self.services.catalogue

        def found(rows: list[PartyView]) -> None:
            if self.ui.customerSearch.text().strip() == text:  # not typed on meanwhile
                self.customers.set_rows(rows)
                if not rows:
                    self.ui.banner.warn(f"No customer matches '{text}'. Add them with New customer… (Ctrl+N).")
                self.sig_customers_found.emit()

        self.call(lambda: catalogue.find_customers(text, limit=30), found, self.ui.banner.bad,
                  label="find customers")

    def _pick_first_customer(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.search_customers()
            return
        selected = self.ui.customersView.currentIndex()
        if self.customers.rowCount():
            self.choose_customer(self.customers.row_at(selected.row() if selected.isValid() else 0))

    def _customer_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose_customer(self.customers.row_at(index.row()))

    def choose_customer(self, customer: PartyView) -> None:
        self.customer = customer
        self.ui.customerChip.setText(f"Customer: {customer.name} ({customer.number})")
        self.ui.banner.say(f"Selling to {customer.name} ({customer.number}). Scan the units.")
        self._show_cart()
        self.ui.scanEdit.setFocus()

    def ask_new_customer(self) -> None:
        if not self.services.actor.may(Action.EDIT_CUSTOMERS):
            return
        typed = self.ui.customerSearch.text().strip()
        dialog = FormDialog("New customer", [
            Field("name", "Name", required=True, value=typed if not any(c.isdigit() for c in typed) else ""),
            Field("phone", "Phone", placeholder="+45 20 12 34 56"),
            Field("email", "E-mail"),
            Field("address", "Address", "lines")],
            intro="Add the customer; the sale and its warranty are kept under their name.", ok_text="Add customer",
            parent=self)
        catalogue = self.services.catalogue

        def added(customer: PartyView) -> None:
            dialog.finish()
            self.ui.customerSearch.setText(customer.name)
            self.customers.set_rows([customer])
            self.choose_customer(customer)

        dialog.sig_submitted.connect(lambda v: self.call(
            lambda: catalogue.add_customer(str(v["name"]), phone=str(v["phone"]) or None,
                                           email=str(v["email"]) or None, address=str(v["address"]) or None),
            added, dialog.refuse, label="add a customer"))
        dialog.open()

    # --- the cart -------------------------------------------------------------------------------------------

    def _check_unit(self, text: str) -> None:
        lookup = self.services.lookup
        self.call(lambda: lookup.passport(text), self._checked, self._refused, label=f"check unit {text}")

    def _checked(self, p: ItemPassport) -> None:
        reason = refusal(p)
        if reason is None and any(line.sku == p.sku and line.serial == p.serial for line in self.cart.rows()):
            reason = f"Serial {p.serial} is already in this sale."
        if reason is not None:
            self._refused(reason)
            return
        product = self.products.get(p.sku)
        price = product.price if product else Decimal("0.00")
        months = product.warranty_months if product else 0
        self.cart.append(CartLine(p.sku, p.product, p.serial, price, price, months))
        self.ui.cartView.scrollToBottom()
        self._scan_outcome("good", f"✓ {p.serial} · {p.product} · {money(price)}")

    def _refused(self, message: str) -> None:
        self._scan_outcome("bad", message)

    def _scan_outcome(self, tone: str, message: str) -> None:
        self.ui.banner.say(message, tone)
        self.ui.scanEdit.flash(tone)
        self.sig_scan_handled.emit(tone, message)
        self.queue.done()

    def remove_line(self) -> None:
        index = self.ui.cartView.currentIndex()
        if not index.isValid():
            return
        line = self.cart.remove(index.row())
        self.ui.banner.say(f"{line.serial} taken out of the cart.")

    def _show_cart(self) -> None:
        count = self.cart.rowCount()
        self.ui.totalLabel.setText(f"Total {money(self.cart.total())}" + (f"  ·  {plural(count, 'unit')}"
                                                                          if count else ""))
        self.ui.completeButton.setEnabled(count > 0 and self.customer is not None)
        self.ui.removeButton.setEnabled(count > 0)

    def complete(self) -> None:
        if self.customer is None:
            self.ui.banner.warn("Choose the customer first (Ctrl+F to find, Ctrl+N to add).")
            return
        if not self.cart.rowCount():
            self.ui.banner.warn("The cart is empty: scan the units being sold.")
            return
        customer, refs = self.customer.number, self.cart.refs()
        prices: list[Decimal | str | None] = [line.price for line in self.cart.rows()]
        sales = self.services.sales
        self.call(lambda: sales.sell_items(customer, refs, prices=prices), self._sold, self.ui.banner.bad,
                  label="complete the sale")

    def _sold(self, sale: SaleView) -> None:
        self.ui.receiptBrowser.setHtml(sale_receipt_html(sale))
        self.last_sale = sale
        self.ui.printReceiptButton.setEnabled(True)
        self.ui.savePdfButton.setEnabled(True)
        self.ui.scanEdit.reset()
        self.cart.set_rows(())
        self.customer = None
        self.customers.set_rows(())
        self.ui.customerSearch.clear()
        self.ui.customerChip.setText("No customer chosen")
        self.ui.banner.good(f"Sale {sale.number} completed: {plural(len(sale.lines), 'unit')} to "
                            f"{sale.customer.name}, total {money(sale.total)}.")
        self._show_cart()
        self.sig_sold.emit(sale)
        self.ui.customerSearch.setFocus()

    # --- returns --------------------------------------------------------------------------------------------

    def ask_return(self) -> None:
        if not self.services.actor.may(Action.RETURN):
            return
        dialog = ReturnDialog(self.services, self.runner, self)

        def closed(result: int) -> None:
            if result and dialog.returned is not None:
                r = dialog.returned
                self.ui.banner.good(f"{r.serial} taken back from {r.customer} ({r.sale}) → {r.disposition}.")

        dialog.finished.connect(closed)
        dialog.open()
