"""SQLAlchemy models (DESIGN §2); import from here."""

from serialdesk.db.models.aftersales import PartSwap, Recall, RecallItem, ServiceTicket, WorkLog
from serialdesk.db.models.base import Base, utcnow
from serialdesk.db.models.catalogue import Customer, Lot, Product, ProductPart, SerialSequence, Supplier, User
from serialdesk.db.models.genealogy import Build, Fitment
from serialdesk.db.models.ledger import Event
from serialdesk.db.models.stock import Item, Receipt, ReceiptLine, Return, Sale, SaleLine

__all__ = [
    "Base",
    "Build",
    "Customer",
    "Event",
    "Fitment",
    "Item",
    "Lot",
    "PartSwap",
    "Product",
    "ProductPart",
    "Recall",
    "RecallItem",
    "Receipt",
    "ReceiptLine",
    "Return",
    "Sale",
    "SaleLine",
    "SerialSequence",
    "ServiceTicket",
    "Supplier",
    "User",
    "WorkLog",
    "utcnow",
]
