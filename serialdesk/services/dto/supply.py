"""What the supply-chain services hand out (issue 15): locations, moves, transfers, purchase orders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class LocationView:
    id: int
    name: str
    kind: str  # store|transit
    branch: str  # "" = the main shop
    in_stock: int = 0  # units in stock there now
    default: bool = False  # where a unit without a place is (the shop floor)
    gln: str | None = None  # its GS1 Global Location Number, when it has one (EPCIS, issue 16)


@dataclass(frozen=True)
class LocationVisit:
    """One stop on a unit's journey: where it was put, when, and by what (a receipt, a move, a transfer)."""

    at: datetime
    location: str
    how: str  # received|moved|transfer_sent|transfer_received|transfer_returned|part_taken_out
    ref: str | None = None


@dataclass(frozen=True)
class MovedUnit:
    sku: str
    serial: str
    from_location: str
    to_location: str


@dataclass(frozen=True)
class MoveResult:
    to: str
    units: tuple[MovedUnit, ...]


@dataclass(frozen=True)
class TransferUnit:
    sku: str
    serial: str
    state: str  # sent (on its way) | received | extra (arrived, never sent) | returned | lost
    sent_at: datetime | None
    received_at: datetime | None


@dataclass(frozen=True)
class TransferView:
    id: int
    number: str
    from_location: str
    to_location: str
    status: str  # open|resolved
    opened_by: str
    station: str
    opened_at: datetime
    units: tuple[TransferUnit, ...]
    sent: int
    received: int
    short: tuple[str, ...]  # SKU:SERIAL sent and not (yet) received
    extra: tuple[str, ...]  # SKU:SERIAL received without being sent
    resolved_at: datetime | None = None
    note: str | None = None


@dataclass(frozen=True)
class PoLineView:
    sku: str
    product: str
    ordered: int
    received: int
    unit_cost: Decimal
    due: datetime | None


@dataclass(frozen=True)
class PurchaseOrderView:
    id: int
    number: str
    supplier: str
    status: str  # open|partly_received|closed|cancelled
    created_by: str
    created_at: datetime
    lines: tuple[PoLineView, ...]
    ordered: int
    received: int
    expected: int  # serials on the shipping notice
    expected_received: tuple[str, ...] = ()  # SKU:SERIAL on the notice, received
    expected_missing: tuple[str, ...] = ()  # SKU:SERIAL on the notice, not yet received
    receipts: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # said when the PO was made or changed (another supplier's product …)
    note: str | None = None


@dataclass(frozen=True)
class PoReceipt:
    """A receipt against a PO: what it took in, the running count, and what to warn the clerk about — only what
    the receipt changed, never the whole checklist (a scan against a 2,000-serial notice reads a handful of rows;
    ``workflows.purchasing.after_receipt`` moves a view of the PO on by it)."""

    receipt: str
    po: str
    sku: str
    units: int
    received: int  # of this line, all receipts so far
    ordered: int
    unit_cost: Decimal
    not_on_notice: tuple[str, ...]
    warnings: tuple[str, ...]
    status: str  # the PO's, after this receipt: partly_received|closed
    lines: tuple[PoLineView, ...]  # the PO's lines after this receipt (what it ordered and has received)
    ticked: tuple[str, ...] = ()  # SKU:SERIAL of the notice this receipt received (ticked off its checklist)
    lead_days: int = 0  # from the order to this receipt (kept on the ledger for lead times per supplier)


@dataclass(frozen=True)
class LocationStockLine:
    location: str
    branch: str
    sku: str
    name: str
    in_stock: int
    value_at_cost: Decimal


@dataclass(frozen=True)
class LocationStock:
    location: str
    branch: str
    in_stock: int
    value_at_cost: Decimal


@dataclass(frozen=True)
class StockByLocation:
    """Units in stock per place (and per product in each), valued at cost; 'In transit' counts as stock."""

    lines: tuple[LocationStockLine, ...]
    locations: tuple[LocationStock, ...]
    total_units: int
    total_value: Decimal
