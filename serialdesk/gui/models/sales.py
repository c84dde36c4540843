"""The sales pane's tables: customers found, and the cart (the price is the one editable cell; the cart's rule
for a typed price is workflows.sales's)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from serialdesk.domain.errors import DomainError
from serialdesk.gui.formats import money
from serialdesk.gui.models.table import RIGHT, Column, RowsModel
from serialdesk.services.dto import PartyView
from serialdesk.workflows.sales import CartLine

__all__ = ["CART_COLUMNS", "CUSTOMER_COLUMNS", "CartLine", "CartModel"]


CUSTOMER_COLUMNS: tuple[Column[PartyView], ...] = (
    Column("Name", lambda c: c.name),
    Column("No.", lambda c: c.number),
    Column("Phone", lambda c: c.phone or ""),
    Column("E-mail", lambda c: c.email or ""),
)

CART_COLUMNS: tuple[Column[CartLine], ...] = (
    Column("Serial", lambda c: c.serial),
    Column("Product", lambda c: f"{c.name} ({c.sku})"),
    Column("Warranty", lambda c: f"{c.warranty_months} months" if c.warranty_months else "none"),
    Column("Price", lambda c: money(c.price), sort=lambda c: float(c.price), align=RIGHT,
           tone=lambda c: "warn" if c.price != c.list_price else None,
           tooltip=lambda c: f"List price {money(c.list_price)}; type to change it"),
    Column("Discount", lambda c: f"−{money(c.discount)}" if c.discount else "", align=RIGHT,
           sort=lambda c: float(c.discount), tone=lambda c: "warn" if c.discount else None,
           tooltip=lambda c: (f"{c.discount_text} off: {c.discount_reason}" if c.discount
                              else "Discount… (Ctrl+D) takes an amount or a percentage off this line")),
)


class CartModel(RowsModel[CartLine]):
    PRICE = 3
    sig_price_refused = Signal(str)

    def __init__(self, parent: Any = None, set_price: Callable[[int, object], CartLine] | None = None) -> None:
        super().__init__(CART_COLUMNS, parent)
        self._set_price = set_price  # the cart's rule (SaleCart.set_price); DomainError when the text is no price

    def total(self) -> Decimal:
        return sum((line.to_pay for line in self.rows()), Decimal("0.00"))

    def refs(self) -> list[str]:
        return [line.ref for line in self.rows()]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.PRICE else flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.column() == self.PRICE:
            return str(self.row_at(index.row()).price)
        return super().data(index, role)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.PRICE:
            return False
        if self._set_price is None:
            return False
        try:
            line = self._set_price(index.row(), value)
        except DomainError as exc:
            self.sig_price_refused.emit(exc.message)
            return False
        self.replace(index.row(), line)
        return True
