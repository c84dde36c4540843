"""The sales pane's tables: customers found, and the cart (the price is the one editable cell)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import to_money
from serialdesk.gui.formats import money
from serialdesk.gui.models.table import RIGHT, Column, RowsModel
from serialdesk.services.dto import PartyView


@dataclass(frozen=True)
class CartLine:
    sku: str
    name: str
    serial: str
    price: Decimal
    list_price: Decimal
    warranty_months: int

    @property
    def ref(self) -> str:
        """How the sale names the unit: SKU:SERIAL is never ambiguous."""
        return f"{self.sku}:{self.serial}"


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
)


class CartModel(RowsModel[CartLine]):
    PRICE = 3
    sig_price_refused = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(CART_COLUMNS, parent)

    def total(self) -> Decimal:
        return sum((line.price for line in self.rows()), Decimal("0.00"))

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
        try:
            price = to_money(value, "Price")
        except DomainError as exc:
            self.sig_price_refused.emit(exc.message)
            return False
        self.replace(index.row(), replace(self.row_at(index.row()), price=price))
        return True
