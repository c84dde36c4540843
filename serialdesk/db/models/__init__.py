"""SQLAlchemy models (DESIGN §2); import from here."""

from serialdesk.db.models.aftersales import PartSwap, Recall, RecallItem, ServiceTicket, WorkLog
from serialdesk.db.models.base import Base, utcnow
from serialdesk.db.models.catalogue import Customer, Lot, Product, ProductPart, SerialSequence, Supplier, User
from serialdesk.db.models.genealogy import Build, Fitment
from serialdesk.db.models.ledger import Event
from serialdesk.db.models.rma import Rma
from serialdesk.db.models.shop import DocumentCounter, SalePayment, ShopProfile
from serialdesk.db.models.stock import Item, Receipt, ReceiptLine, Return, Sale, SaleLine
from serialdesk.db.models.summaries import DailySummary, StockAge, SupplierReceipt, UnitBack
from serialdesk.db.models.supply import (
    ExpectedSerial,
    Location,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseReceipt,
    Transfer,
    TransferLine,
)

__all__ = [
    "Base",
    "Build",
    "Customer",
    "DailySummary",
    "DocumentCounter",
    "Event",
    "ExpectedSerial",
    "Fitment",
    "Item",
    "Location",
    "Lot",
    "PartSwap",
    "Product",
    "ProductPart",
    "PurchaseOrder",
    "PurchaseOrderLine",
    "PurchaseReceipt",
    "Recall",
    "RecallItem",
    "Receipt",
    "ReceiptLine",
    "Return",
    "Rma",
    "Sale",
    "SaleLine",
    "SalePayment",
    "SerialSequence",
    "ServiceTicket",
    "ShopProfile",
    "StockAge",
    "Supplier",
    "SupplierReceipt",
    "Transfer",
    "TransferLine",
    "UnitBack",
    "User",
    "WorkLog",
    "utcnow",
]
