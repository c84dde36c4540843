"""The sales pane's payment and discounts (issue 18 §2): how the customer pays (card, cash, invoice, or a split),
and a discount with its reason on the chosen cart line. The cart (workflows.sales) keeps both; the sale checks
the shop's discount limit for the clerk's role and that the payments add up, and says so in the banner."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from serialdesk.domain.errors import DomainError
from serialdesk.domain.tax import parse_payment
from serialdesk.gui.generated.ui_sales_pane import Ui_SalesPane
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.workflows.sales import SaleCart

METHODS = (("Cash", "cash"), ("Card", "card"), ("Invoice", "invoice"), ("Split…", ""))  # cash first: the CLI's default
SPLIT = len(METHODS) - 1


class PaymentHost(Protocol):
    ui: Ui_SalesPane
    session: SaleCart

    def shortcut(self, keys: str, slot: object) -> QShortcut: ...

    def show_lines(self) -> None: ...


class PaymentControls(QObject):
    """A "Paid by" choice beside the total and a "Discount…" button beside "Remove line"."""

    def __init__(self, host: PaymentHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.widget = host, parent
        ui = host.ui
        self.method = QComboBox(parent)
        self.method.setObjectName("paymentCombo")
        self.method.setToolTip("How the customer pays; Split… for part cash, part card (or invoice)")
        for shown, value in METHODS:
            self.method.addItem(shown, value)
        self.discount_button = QPushButton("Discount…", parent)
        self.discount_button.setObjectName("discountButton")
        self.discount_button.setToolTip("Take an amount or a percentage off the chosen line, with the reason "
                                        "(Ctrl+D)")
        # A row of their own between the cart and its buttons: the button row has no room left at 1366×768.
        row = QHBoxLayout()
        row.addWidget(self.discount_button)
        row.addStretch(1)
        label = QLabel("Paid by", parent)
        label.setBuddy(self.method)
        row.addWidget(label)
        row.addWidget(self.method)
        ui.leftLayout.insertLayout(ui.leftLayout.indexOf(ui.actionLayout), row)
        self.method.activated.connect(self._chosen)
        self.discount_button.clicked.connect(self.ask_discount)
        host.shortcut("Ctrl+D", self.ask_discount)
        self._chosen(0)

    # --- paying ----------------------------------------------------------------------------------------------

    def _chosen(self, index: int) -> None:
        if index == SPLIT:
            self.ask_split()
            return
        self.host.session.set_payments([str(self.method.itemData(index))])

    def ask_split(self) -> FormDialog:
        total = self.host.session.total()
        dialog = FormDialog("Split the payment", [
            Field("cash", "Cash", placeholder="amount, e.g. 100.00"),
            Field("card", "Card", placeholder="amount — or leave empty: the card pays the rest"),
            Field("invoice", "Invoice", placeholder="amount")],
            intro=f"The sale comes to {total:,.2f}. Give each part; one left empty pays the rest.",
            ok_text="Use this split", parent=self.widget)

        applied = []

        def submitted(values: dict[str, str | int]) -> None:
            parts = {m: str(values[m]).strip() for m in ("cash", "card", "invoice")}
            asked = [f"{m}:{v}" for m, v in parts.items() if v]
            if not asked:
                dialog.refuse("Give at least one amount, e.g. 100.00 in cash (the card pays the rest).")
                return
            try:
                given = sum((amount or Decimal(0) for _, amount in map(parse_payment, asked)), Decimal(0))
                if not parts["card"] and given < total:
                    asked.append("card")  # the rest by card
                said = self.host.session.set_payments(asked)
            except DomainError as exc:
                dialog.refuse(exc.message)
                return
            applied.append(True)
            dialog.finish()
            self.method.setItemText(SPLIT, f"Split: {' + '.join(asked)}")
            self.host.ui.banner.say(said + ".")

        def closed(_result: int) -> None:
            if not applied:  # cancelled: back to a plain cash payment
                self.method.setCurrentIndex(0)
                self._chosen(0)

        dialog.sig_submitted.connect(submitted)
        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def reset(self) -> None:
        """After a sale: the next one is paid in cash (as `sell` without --pay) unless the clerk says otherwise."""
        self.method.setItemText(SPLIT, METHODS[SPLIT][0])
        self.method.setCurrentIndex(0)
        self._chosen(0)

    # --- discounts -------------------------------------------------------------------------------------------

    def ask_discount(self) -> FormDialog | None:
        rows = self.host.ui.cartView.selectionModel().selectedRows()
        session = self.host.session
        if not session.lines:
            self.host.ui.banner.warn("The cart is empty: scan a unit, then give it a discount.")
            return None
        row = rows[0].row() if rows else len(session.lines) - 1  # none chosen: the line scanned last
        line = session.lines[row]
        dialog = FormDialog(f"Discount on {line.serial}", [
            Field("amount", "Discount", placeholder="an amount (25.00) or a percentage (10%); empty: none",
                  value=line.discount_text),
            Field("reason", "Reason", placeholder="printed on the receipt, e.g. display model",
                  value=line.discount_reason)],
            intro=f"{line.name} ({line.sku}) at {line.price:,.2f}.", ok_text="Give the discount", parent=self.widget)

        def submitted(values: dict[str, str | int]) -> None:
            try:
                session.set_discount(row, str(values["amount"]), str(values["reason"]))
            except DomainError as exc:
                dialog.refuse(exc.message)
                return
            dialog.finish()
            self.host.show_lines()

        dialog.sig_submitted.connect(submitted)
        dialog.open()
        return dialog
