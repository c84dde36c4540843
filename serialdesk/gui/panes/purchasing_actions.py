"""What the Purchasing pane's buttons ask for: a new PO, a line, the supplier's notice file, close or cancel.

Each asks in a form (or a file dialog), runs one service call off the GUI thread, and hands the changed order
back to the pane (``shown``); a refusal is said in the form (it stays open, nothing retyped) or the banner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from serialdesk.gui.tasks import Task
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.services.dto import PartyView, ProductView
from serialdesk.services.dto.supply import PurchaseOrderView
from serialdesk.services.purchasing import PurchasingService
from serialdesk.workflows.purchasing import NOTICE_FILES, Supply, load_notice_file


class PurchasingHost(Protocol):
    """What the actions need of the Purchasing pane."""

    supply: Supply
    current: PurchaseOrderView | None
    ui_banner: Banner

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task: ...

    def shown(self, order: PurchaseOrderView, say: str = "") -> None: ...


def line_fields(products: list[ProductView]) -> list[Field]:
    return [Field("sku", "Product", "choice", choices=[(f"{p.sku} — {p.name}", p.sku) for p in products]),
            Field("quantity", "Quantity", "number", minimum=1, maximum=100_000, value=1),
            Field("cost", "Unit cost", required=True, placeholder="e.g. 412.50"),
            Field("due", "Expected on", placeholder="e.g. 2026-04-01 (optional)")]


class PurchasingActions:
    def __init__(self, pane: PurchasingHost, widget: QWidget) -> None:
        self.pane = pane
        self.widget = widget  # the pane as a widget: the parent of its dialogs
        self.products: list[ProductView] = []
        self.suppliers: list[PartyView] = []
        self.dialog: FormDialog | None = None

    @property
    def purchasing(self) -> PurchasingService:
        return self.pane.supply.purchasing

    def _form(self, title: str, fields: list[Field], intro: str, ok: str,
              submit: Callable[[dict[str, str | int]], PurchaseOrderView]) -> FormDialog:
        dialog = FormDialog(title, fields, intro=intro, ok_text=ok, parent=self.widget)
        self.dialog = dialog

        def submitted(values: dict[str, str | int]) -> None:
            def done(order: PurchaseOrderView) -> None:
                dialog.finish()
                self.pane.shown(order, say=f"{order.number} saved.")
            self.pane.call(lambda: submit(values), done, dialog.refuse, label=title)

        dialog.sig_submitted.connect(submitted)
        dialog.open()
        return dialog

    def ask_new_order(self) -> FormDialog | None:
        if not self.suppliers or not self.products:
            self.pane.ui_banner.warn("Add a supplier and a product first (Receiving, or the catalogue).")
            return None
        fields = [Field("supplier", "Supplier", "choice", choices=[(s.name, s.number) for s in self.suppliers]),
                  *line_fields(self.products), Field("note", "Note", placeholder="optional")]

        def submit(v: dict[str, str | int]) -> PurchaseOrderView:
            line = (str(v["sku"]), int(v["quantity"]), str(v["cost"]), str(v["due"]) or None)
            return self.purchasing.add_order(str(v["supplier"]), [line], note=str(v["note"]) or None)

        return self._form("New purchase order", fields, "What is ordered from whom: the first line now, more "
                          "with Add line.", "Create the order", submit)

    def ask_line(self) -> FormDialog | None:
        order = self.pane.current
        if order is None:
            self.pane.ui_banner.warn("Choose an order first, then add a line to it.")
            return None
        number = order.number

        def submit(v: dict[str, str | int]) -> PurchaseOrderView:
            return self.purchasing.add_line(number, str(v["sku"]), int(v["quantity"]), str(v["cost"]),
                                            str(v["due"]) or None)

        return self._form(f"Add a line to {number}", line_fields(self.products), f"One more product on {number} "
                          f"to {order.supplier}.", "Add the line", submit)

    def ask_notice(self) -> None:
        if self.pane.current is None:
            self.pane.ui_banner.warn("Choose the order the notice is for first.")
            return
        path, _filter = QFileDialog.getOpenFileName(self.widget, "Open the supplier's shipping notice", "",
                                                    NOTICE_FILES)
        if path:
            self.load_notice(Path(path))

    def load_notice(self, path: Path) -> None:
        order = self.pane.current
        if order is None:
            return
        number, purchasing = order.number, self.purchasing
        self.pane.call(lambda: load_notice_file(purchasing, number, path),
                       lambda done: self.pane.shown(done.order, say=done.said, warn=done.tone == "warn"),
                       self.pane.ui_banner.bad, label="load a shipping notice")

    def ask_close(self, cancel: bool = False) -> QMessageBox | None:
        order = self.pane.current
        if order is None:
            self.pane.ui_banner.warn("Choose an order first.")
            return None
        what = "Cancel" if cancel else "Close"
        text = (f"Cancel {order.number} to {order.supplier}? Nothing more will be received against it." if cancel
                else f"Close {order.number}: {order.received} of {order.ordered} received, nothing more is coming?")
        box = QMessageBox(QMessageBox.Icon.Question, f"{what} {order.number}", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.widget)
        number, purchasing = order.number, self.purchasing

        def answered(_result: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.pane.call(lambda: purchasing.close_order(number, cancel=cancel),
                               lambda o: self.pane.shown(o, say=f"{o.number} is {o.status}."),
                               self.pane.ui_banner.bad, label=f"{what.lower()} a purchase order")

        box.finished.connect(answered)
        box.open()
        return box
