"""Units from a CSV file (``import items``): received on posted receipts, then put where the file says they
are now — sold to a customer on a sale of their own, in quarantine, scrapped... — each move in the ledger, and
the generated-serial sequences moved past every serial imported. One transaction for the whole file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Item, Product, Sale, SaleLine, SerialSequence, Supplier
from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import to_money
from serialdesk.domain.products import record_number
from serialdesk.domain.serial_rules import clean_lot
from serialdesk.domain.serials import SerialPattern
from serialdesk.domain.status import ItemStatus
from serialdesk.services import sale_copies
from serialdesk.services.common import chunks, customer_by_ref, product_by_code, record_events, supplier_by_ref
from serialdesk.services.imports import ImportResult, Row, each_row, field_text, moment
from serialdesk.services.locations import location_by_name
from serialdesk.services.patterns import allocate, scanned_serial
from serialdesk.services.receiving import ITEMS, ReceivingService

if TYPE_CHECKING:
    from serialdesk.services.imports import ImportService

# A unit of ours a customer holds: it comes with its sale.
SOLD_STATES = {ItemStatus.SOLD.value, ItemStatus.IN_SERVICE.value, ItemStatus.RECALLED.value}
NO_SUPPLIER_STATES = {ItemStatus.CUSTOMER_OWNED.value}  # a unit we never received


@dataclass(frozen=True)
class Unit:
    product: Product
    serial: str
    source: str
    status: str
    supplier: Supplier | None
    lot: str | None
    received_at: datetime
    cost: Decimal
    location: str | None
    buyer: Customer | None
    sold_at: datetime | None
    price: Decimal | None
    warranty_until: datetime | None

    @property
    def delivery(self) -> tuple[int, int, str | None, datetime, str]:
        assert self.supplier is not None
        return self.product.id, self.supplier.id, self.lot, self.received_at, self.source


def _status(row: Row, all_statuses: bool) -> str:
    status = (field_text(row, "status") or ItemStatus.IN_STOCK.value).lower()
    if status not in {s.value for s in ItemStatus}:
        raise DomainError(f"'{status}' is not a unit status.", code="bad_status")
    if status == ItemStatus.RECEIVING.value:
        raise DomainError("a unit on a draft receipt cannot be imported (post or cancel the draft first).",
                          code="import_status")
    if status != ItemStatus.IN_STOCK.value and not all_statuses:
        raise DomainError(f"only units in stock are imported unless --all-statuses is given (this one is {status}).",
                          code="import_status")
    return status


class _Finder:
    """Products, suppliers and customers found once per file, not once per row (10k rows name a few of each)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.found: dict[tuple[str, str], Any] = {}

    def __call__(self, kind: str, ref: str) -> Any:
        key = (kind, ref)
        if key not in self.found:
            find = {"product": product_by_code, "supplier": supplier_by_ref, "customer": customer_by_ref,
                    "location": location_by_name}[kind]
            self.found[key] = find(self.s, ref)
        return self.found[key]


def _unit(find: _Finder, row: Row, all_statuses: bool, now: datetime) -> Unit:
    product: Product = find("product", field_text(row, "sku") or "")
    status = _status(row, all_statuses)
    source = (field_text(row, "serial_source") or "supplier").lower()
    if source not in ("supplier", "generated"):
        raise DomainError(f"serial source '{source}' is not supplier or generated.", code="bad_serial_source")
    supplier_ref = field_text(row, "supplier")
    if supplier_ref is None and status not in NO_SUPPLIER_STATES:
        raise DomainError("No supplier was given.", code="supplier_required")
    received_at = moment(row, "received_at", now)
    assert received_at is not None
    buyer_ref = field_text(row, "customer")
    buyer = find("customer", buyer_ref) if buyer_ref and status in SOLD_STATES else None
    sold_at = moment(row, "sold_at", None) if buyer else None
    if buyer is not None and sold_at is None:
        raise DomainError("A unit sold to a customer needs its sold_at date.", code="bad_date")
    cost = field_text(row, "cost")
    price = field_text(row, "price")
    lot = clean_lot(field_text(row, "lot"))
    return Unit(product, scanned_serial(product, field_text(row, "serial") or "", lot), source, status,
                find("supplier", supplier_ref) if supplier_ref else None, lot,
                received_at, to_money(cost, "Cost") if cost is not None else product.cost,
                _place(find, field_text(row, "location")), buyer, sold_at,
                to_money(price, "Price") if buyer and price is not None else (product.price if buyer else None),
                moment(row, "warranty_until", None) if buyer else None)


def _place(find: _Finder, name: str | None) -> str | None:
    """The unit's location as the file names it (a location of this shop: import locations.csv first)."""
    if name is None:
        return None
    return str(find("location", name).name)


def import_units(service: ImportService, rows: Sequence[Row], lines: Sequence[int] | None, *,
                 all_statuses: bool) -> ImportResult:
    receiving = ReceivingService(service.uows, service.actor, service.clock)
    now = service.clock()  # one moment for every row without a receipt date: one receipt, not one per row
    with service.uows() as uow:
        s = uow.session
        find = _Finder(s)
        units = each_row(rows, lambda row: _unit(find, row, all_statuses, now), lines)
        _refuse_doubles(units)
        deliveries: dict[tuple[int, int, str | None, datetime, str], list[Unit]] = {}
        for unit in units:
            if unit.supplier is not None:
                deliveries.setdefault(unit.delivery, []).append(unit)
        receipts = []
        try:
            for group in deliveries.values():
                first = group[0]
                assert first.supplier is not None
                receipt = receiving.post_batch(s, first.product, first.supplier, [u.serial for u in group],
                                               lot=first.lot, when=first.received_at, note="imported from CSV",
                                               source=first.source)
                receipts.append(record_number("receipt", receipt.id))
            _insert_unreceived(s, [u for u in units if u.supplier is None])
            ids = _ids(s, units)
            _set_state(s, units, ids, {u.location: find("location", u.location).id for u in units if u.location})
            sales = _sales(service, s, [u for u in units if u.buyer is not None], ids)
            _moves(service, s, units, ids)
            _follow_sequences(s, units)
            service.record(s, kind="items_imported", data={"count": len(units), "receipts": len(receipts)})
            uow.commit()
        except IntegrityError:
            s.rollback()
            raise DomainError("Nothing was imported: another station changed these units at the same moment; "
                              "try again.", code="conflict") from None
    return ImportResult("items", len(units), tuple(receipts), sales=tuple(sales))


def _refuse_doubles(units: list[Unit]) -> None:
    seen: set[tuple[int, str]] = set()
    for unit in units:
        if (unit.product.id, unit.serial) in seen:
            raise DomainError(f"Nothing was imported: {unit.product.sku} {unit.serial} appears twice in the file.",
                              code="duplicate_in_list")
        seen.add((unit.product.id, unit.serial))


def _insert_unreceived(s: Session, units: list[Unit]) -> None:
    """Customers' units we never sold (known from the service desk): no receipt, no supplier."""
    from serialdesk.services.known_units import refuse_known

    for unit in units:
        refuse_known(s, unit.product, [unit.serial], None)
    if units:
        s.execute(ITEMS.insert(), [
            {"product_id": u.product.id, "serial": u.serial, "lot_id": None, "status": u.status,
             "serial_source": u.source, "cost": u.cost, "created_at": u.received_at, "supplier_id": None,
             "received_at": None} for u in units])


def _ids(s: Session, units: list[Unit]) -> dict[tuple[int, str], int]:
    ids: dict[tuple[int, str], int] = {}
    by_product: dict[int, list[str]] = {}
    for unit in units:
        by_product.setdefault(unit.product.id, []).append(unit.serial)
    for product_id, serials in by_product.items():
        for part in chunks(serials):
            for item_id, serial in s.execute(select(Item.id, Item.serial).where(
                    Item.product_id == product_id, Item.serial.in_(part))):
                ids[(product_id, serial)] = item_id
    return ids


def _set_state(s: Session, units: list[Unit], ids: dict[tuple[int, str], int], places: dict[str, int]) -> None:
    """Status, cost and place as in the file (one executemany, only for units that differ from a receipt's)."""
    changed = [{"b_id": ids[(u.product.id, u.serial)], "b_status": u.status, "b_cost": u.cost,
                "b_location": u.location, "b_place": places.get(u.location or "")} for u in units
               if u.status != ItemStatus.IN_STOCK.value or u.cost != u.product.cost or u.location]
    if changed:
        s.execute(update(ITEMS).where(ITEMS.c.id == bindparam("b_id")).values(
            status=bindparam("b_status"), cost=bindparam("b_cost"), location=bindparam("b_location"),
            location_id=func.coalesce(bindparam("b_place"), ITEMS.c.location_id)),
            changed, execution_options={"synchronize_session": False})


def _sales(service: ImportService, s: Session, units: list[Unit], ids: dict[tuple[int, str], int]) -> list[str]:
    """One sale per customer and moment of sale, with each unit's price and warranty end as they were."""
    groups: dict[tuple[int, datetime], list[Unit]] = {}
    for unit in units:
        assert unit.buyer is not None and unit.sold_at is not None
        groups.setdefault((unit.buyer.id, unit.sold_at), []).append(unit)
    numbers, sale_ids = [], []
    for (customer_id, sold_at), group in groups.items():
        sale = Sale(customer_id=customer_id, status="completed", sold_by=service.actor.name,
                    station=service.actor.station, sold_at=sold_at)
        s.add(sale)
        s.flush()
        s.add_all(SaleLine(sale_id=sale.id, item_id=ids[(u.product.id, u.serial)], price=u.price,
                           warranty_until=u.warranty_until) for u in group)
        numbers.append(record_number("sale", sale.id))
        sale_ids.append(sale.id)
        record_events(s, [service.event(
            kind="sold", item_id=ids[(u.product.id, u.serial)], product_id=u.product.id, serial=u.serial,
            ref_type="sale", ref_id=sale.id, at=sold_at, status_from=ItemStatus.IN_STOCK.value,
            status_to=ItemStatus.SOLD.value, data={"customer": _label(u.buyer), "imported": True})
            for u in group if u.buyer is not None])
    s.flush()
    for part in chunks(sale_ids):  # the lines carry their units' product, supplier and cost (set above)
        sale_copies.rebuild(s, part)
    return numbers


def _moves(service: ImportService, s: Session, units: list[Unit], ids: dict[tuple[int, str], int]) -> None:
    """The ledger's last status move of each unit is its status now (`check` compares them)."""
    events = []
    for u in units:
        before = ItemStatus.SOLD.value if u.buyer else (
            None if u.supplier is None else ItemStatus.IN_STOCK.value)
        if u.status == (before or ItemStatus.IN_STOCK.value) and u.supplier is not None:
            continue
        events.append(service.event(kind="imported", item_id=ids[(u.product.id, u.serial)], product_id=u.product.id,
                                    serial=u.serial, status_from=before, status_to=u.status,
                                    data={"status": u.status}))
    record_events(s, events)


def _follow_sequences(s: Session, units: list[Unit]) -> None:
    """Each generated-serial sequence continues after the highest number among the serials imported, so the
    next --generate never hands out a serial a unit already carries."""
    highest: dict[tuple[int, str], int] = {}
    for u in units:
        if u.source != "generated" or not u.product.serial_pattern:
            continue
        pattern = SerialPattern.parse(u.product.serial_pattern)
        try:
            number = pattern.read(u.serial, sku=u.product.sku, lot=u.lot).sequence
        except DomainError:
            continue  # a serial the pattern cannot split: the exported sequences (products CSV) still hold
        scope = (u.lot or "") if "lot" in pattern.uses else ""
        key = (u.product.id, scope)
        highest[key] = max(highest.get(key, 0), number)
    for (product_id, scope), number in highest.items():
        current = s.scalar(select(SerialSequence.next_value).where(
            SerialSequence.product_id == product_id, SerialSequence.scope == scope))
        if current is None or current <= number:
            allocate(s, product_id, scope, number + 1 - (current or 1))


def _label(customer: Customer) -> str:
    return f"{customer.name} ({record_number('customer', customer.id)})"
