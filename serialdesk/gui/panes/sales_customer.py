"""The "New customer" form, for the sales pane and the service desk's "Unit not sold by us…": name, phone,
e-mail, address. The form only asks; the caller runs the one service call (``catalogue.add_customer``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

from serialdesk.gui.models.sales import CUSTOMER_COLUMNS
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.services.dto import PartyView
from serialdesk.workflows.sales import SaleCart

Caller = Callable[..., Any]  # a pane's ``call(fn, done, failed, label=…)``: one service call off the GUI thread
SEARCH_DELAY_MS = 250


def new_customer_form(typed: str, intro: str, parent: QWidget | None = None) -> FormDialog:
    """``typed``: what was typed into the customer search — the name, unless it looks like a phone number."""
    return FormDialog("New customer", [
        Field("name", "Name", required=True, value=typed if not any(c.isdigit() for c in typed) else ""),
        Field("phone", "Phone", placeholder="+45 20 12 34 56"),
        Field("email", "E-mail"),
        Field("address", "Address", "lines")],
        intro=intro, ok_text="Add customer", parent=parent)


def customer_values(values: dict[str, str | int]) -> tuple[str, str, str, str]:
    return str(values["name"]), str(values["phone"]), str(values["email"]), str(values["address"])


class CustomerPicker(QObject):
    """The sales pane's customer search (typed → found after a pause, Enter picks the first or the selected one)
    and its "New customer…", choosing into the cart (``SaleCart.choose``). Given the widgets it works on, so it
    needs no pane."""

    sig_found = Signal()  # a search answered
    sig_chosen = Signal(object)  # PartyView, now the cart's customer

    def __init__(self, cart: SaleCart, search: QLineEdit, view: QAbstractItemView, banner: Banner, call: Caller,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.cart, self.search_edit, self.view, self.banner, self.call = cart, search, view, banner, call
        self.widget = parent
        self.customers = RowsModel(CUSTOMER_COLUMNS, self)
        view.setModel(self.customers)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        search.textEdited.connect(lambda _text: self._timer.start())
        search.returnPressed.connect(self.pick_first)
        view.activated.connect(self._activated)
        view.clicked.connect(self._activated)

    def focus(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def search(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            self.customers.set_rows(())
            return

        def found(rows: list[PartyView]) -> None:
            if self.search_edit.text().strip() == text:  # not typed on meanwhile
                self.customers.set_rows(rows)
                if not rows:
                    self.banner.warn(f"No customer matches '{text}'. Add them with New customer… (Ctrl+N).")
                self.sig_found.emit()

        self.call(self.cart.find_customers_call(text), found, self.banner.bad, label="find customers")

    def pick_first(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search()
            return
        selected = self.view.currentIndex()
        if self.customers.rowCount():
            self.choose(self.customers.row_at(selected.row() if selected.isValid() else 0))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.choose(self.customers.row_at(index.row()))

    def choose(self, customer: PartyView) -> None:
        self.banner.say(self.cart.choose(customer))
        self.sig_chosen.emit(customer)

    def clear(self) -> None:
        self.customers.set_rows(())
        self.search_edit.clear()

    def ask_new(self) -> FormDialog:
        dialog = new_customer_form(self.search_edit.text().strip(),
                                   "Add the customer; the sale and its warranty are kept under their name.",
                                   self.widget)

        def added(customer: PartyView) -> None:
            dialog.finish()
            self.search_edit.setText(customer.name)
            self.customers.set_rows([customer])
            self.choose(customer)

        dialog.sig_submitted.connect(lambda v: self.call(self.cart.add_customer_call(*customer_values(v)),
                                                         added, dialog.refuse, label="add a customer"))
        dialog.open()
        return dialog
