"""Taking in a unit we never sold: its serial, its product and its owner, and the problem — one ticket.

The service registers the unit as the customer's ("not sold by us") and opens the ticket in one call
(``service_desk.open_ticket(serial, problem, customer=…, sku=…)``). A new owner is added first, in a call of its
own, and then chosen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.roles import Action
from serialdesk.gui.panes.sales_customer import customer_values, new_customer_form
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.services.dto import PartyView, ProductView, TicketView

SEARCH_DELAY_MS = 250


class ForeignUnitDialog(FormDialog):
    """Emits ``sig_submitted``; the pane opens the ticket (``ServiceDeskSession.take_in_call``, which refuses a
    unit without its owner or product)."""

    def __init__(self, services: Services, runner: TaskRunner, serial: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(
            "Take in a unit not sold by us",
            [Field("serial", "Serial", required=True, value=serial, placeholder="scan the unit, or type its serial"),
             Field("sku", "Product", "choice"),
             Field("problem", "Problem", "lines", required=True, placeholder="what the customer reports")],
            intro="A unit we never sold: say what it is and whose it is. Its passport will say 'not sold by us' "
                  "and the repair is not a warranty claim.",
            ok_text="Open ticket", scan_field="serial", parent=parent)
        self.setMinimumWidth(640)
        self.services, self.runner = services, runner
        self.customer: PartyView | None = None
        self.found: list[PartyView] = []
        self.ticket: TicketView | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self._owner_row()
        self._load_products()

    def _owner_row(self) -> None:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit(row)
        self.search_edit.setPlaceholderText("find: name, phone or e-mail")
        self.search_edit.textEdited.connect(lambda _t: self._timer.start())
        self.owner_combo = QComboBox(row)
        self.owner_combo.setMinimumWidth(220)
        self.owner_combo.addItem("nobody found yet", None)
        self.owner_combo.currentIndexChanged.connect(self._owner_chosen)
        self.new_button = QPushButton("New…", row)
        self.new_button.setToolTip("The owner is not on file yet: add them")
        self.new_button.setEnabled(self.services.actor.may(Action.EDIT_CUSTOMERS))
        self.new_button.clicked.connect(self.ask_new_customer)
        layout.addWidget(self.search_edit, 1)
        layout.addWidget(self.owner_combo, 1)
        layout.addWidget(self.new_button)
        self.form.insertRow(2, "Owner*", row)

    def _load_products(self) -> None:
        catalogue = self.services.catalogue
        self.runner.run(catalogue.products, self._products_loaded, self.refuse, label="load the products")

    def _products_loaded(self, products: list[ProductView]) -> None:
        combo = self.inputs["sku"]
        assert isinstance(combo, QComboBox)
        combo.clear()
        for p in products:
            combo.addItem(f"{p.sku} — {p.name}", p.sku)

    # --- the owner -------------------------------------------------------------------------------------------

    def search(self) -> None:
        text = self.search_edit.text().strip()
        if not text:
            return
        catalogue = self.services.catalogue
        self.runner.run(lambda: catalogue.find_customers(text, limit=30), lambda rows: self.show_customers(rows),
                        self.refuse, label="find customers")

    def show_customers(self, rows: list[PartyView], chosen: PartyView | None = None) -> None:
        self.found = rows
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        for c in rows:
            self.owner_combo.addItem(f"{c.name} ({c.number})" + (f" · {c.phone}" if c.phone else ""), c.number)
        if not rows:
            self.owner_combo.addItem("nobody found — try another name, or New…", None)
        self.owner_combo.blockSignals(False)
        index = next((i for i, c in enumerate(rows) if chosen and c.id == chosen.id), 0)
        self.owner_combo.setCurrentIndex(index)
        self._owner_chosen(index)

    def _owner_chosen(self, index: int) -> None:
        self.customer = self.found[index] if 0 <= index < len(self.found) else None

    def ask_new_customer(self) -> FormDialog:
        dialog = new_customer_form(self.search_edit.text().strip(), "The owner of the unit brought in.", self)
        catalogue = self.services.catalogue

        def added(customer: PartyView) -> None:
            dialog.finish()
            self.search_edit.setText(customer.name)
            self.show_customers([customer], customer)

        def add(name: str, phone: str, email: str, address: str) -> PartyView:
            return catalogue.add_customer(name, phone=phone or None, email=email or None, address=address or None)

        dialog.sig_submitted.connect(lambda v: self.runner.run(lambda: add(*customer_values(v)), added, dialog.refuse,
                                                               label="add a customer"))
        dialog.open()
        return dialog

    # --- submitting (the pane asks workflows.service_desk, which says what is missing) --------------------

    def values(self) -> dict[str, str | int]:
        values = super().values()
        values["customer"] = self.customer.number if self.customer else ""
        return values
