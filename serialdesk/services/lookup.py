"""The unit passport: where it came from, who bought it, warranty, and every event in order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from serialdesk.db.models import (
    Customer,
    Item,
    Product,
    Sale,
    SaleLine,
    ServiceTicket,
)
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import parse_record_number, record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.text import LIKE_ESCAPE, like_pattern
from serialdesk.domain.warranty import warranty_state
from serialdesk.services.assembly import fitment_history, part_nodes
from serialdesk.services.common import Service, items_by_ref, one_item, party_view, split_ref
from serialdesk.services.dto import EventView, ItemPassport, PartyView
from serialdesk.services.dto.search import FoundCustomer, FoundTicket, FoundUnit, SearchResult
from serialdesk.services.locations import visits_of, where_now
from serialdesk.services.parts import within_of
from serialdesk.services.passport_rows import PassportRows, passport_rows, unit_with_rows
from serialdesk.services.recall_holds import hold_sentence, holds_on
from serialdesk.services.service_desk import ticket_view
from serialdesk.services.supplier_warranty import supplier_warranty
from serialdesk.services.timeline import is_backdated

_HELD_BY_CUSTOMER = {ItemStatus.SOLD.value, ItemStatus.IN_SERVICE.value, ItemStatus.RECALLED.value,
                     ItemStatus.CUSTOMER_OWNED.value}

_SUMMARY = {
    "scanned": "Scanned into draft {ref}",
    "scan_removed": "Scan removed from draft {ref}",
    "generated": "Serial generated here on draft {ref}",
    "received": "Received into stock on {ref}",
    "sold": "Sold on {ref} to {customer}",
    "returned": "Returned from {sale}: {reason} → {disposition}",
    "registered_foreign": "Registered at the service desk for {owner} (not sold by us)",
    "ticket_opened": "Service ticket {ref} opened: {problem}",
    "work_logged": "Work on {ref}: {text} ({minutes} min)",
    "part_swapped": "Part swap on {ref}: took out {removed}, fitted {fitted}",
    "part_fitted": "Fitted as a part during {ref}",
    "part_removed": "Taken out as a faulty part during {ref}",
    "assembled": "Built on {ref} from {parts}",
    "disassembled": "Taken apart on {ref}: {parts} back to {to}",
    "part_taken_out": "Taken out of {host} on {ref} → {to}",
    "ticket_closed": "Service ticket {ref} closed: {resolution}",
    "recalled": "Recalled on {ref}: {reason}",
    "quarantined_by_recall": "Quarantined by recall {ref}: {reason}",
    "recall_resolved": "Recall {ref} resolved: {resolution} {note}",
    "recall_cleared": "No longer under recall ({ref}): the customer keeps it",
    "quarantined": "Set aside in quarantine: {reason}",
    "released": "Released from quarantine: {reason}",
    "scrapped": "Scrapped: {reason}",
    "sent_to_supplier": "Sent back to the supplier (RMA): {reason}",
    "rma_opened": "Claimed from the supplier on {ref}",
    "rma_ticket_closed": "Service ticket {ref} closed: the unit goes back to {supplier} under {rma}",
    "rma_taken_back": "Taken back from its owner for {rma} (they get a replacement or the unit back)",
    "rma_set_aside": "Set aside for {supplier} ({rma})",
    "rma_sent": "Sent back to {supplier} under {rma}",
    "rma_credited": "Kept by {supplier}: credited {amount} ({rma})",
    "rma_replaced": "Kept by {supplier}: replaced by {replacement} ({rma})",
    "rma_rejected": "Back from {supplier}: claim {rma} rejected",
    "rma_cancelled": "Claim {ref} cancelled",
    "rma_replacement_received": "Received from {supplier} as the replacement for {replaces} ({rma})",
    "rma_swapped_in": "Handed to {customer} in exchange for their failed unit ({rma})",
    "rma_returned_to_owner": "Handed back to {customer} ({rma} rejected)",
    "back_from_supplier": "Back from the supplier: {reason}",
    "moved": "Moved from {from_location} to {to_location}",
    "transfer_sent": "Sent on {ref} from {from_location} to {destination} (in transit)",
    "transfer_received": "Arrived at {to_location} on {ref}",
    "transfer_returned": "Not arrived on {ref}: back in {to_location}",
}


def summarise(kind: str, ref: str | None, data: dict[str, Any]) -> str:
    template = _SUMMARY.get(kind)
    if template is None:
        return kind.replace("_", " ").capitalize() + (f" ({ref})" if ref else "")
    try:
        return template.format(ref=ref or "", **data)
    except (KeyError, IndexError):
        return kind.replace("_", " ").capitalize()


def _ref(ref_type: str | None, ref_id: int | None) -> str | None:
    if ref_type is None or ref_id is None:
        return None
    if ref_type == "rma":
        return f"RMA-{ref_id:04d}"
    try:
        return record_number(ref_type, ref_id)
    except KeyError:
        return f"{ref_type} {ref_id}"


SEARCH_LIMIT = 20  # of each kind: more than a clerk reads; "type more" beyond it
MAX_SEARCH_LIMIT = 200


class LookupService(Service):
    def search(self, text: str, limit: int = SEARCH_LIMIT) -> SearchResult:
        """The look-up's search: units whose serial *begins* with ``text`` (or that it names outright: a scan,
        ``SKU:SERIAL``, a whole serial), customers whose name, phone or e-mail holds it (C-0012 too), and the
        ticket it numbers (T-0007) — any case, ``%`` and ``_`` as themselves, at most ``limit`` of each.
        NotFound when nothing matches, saying what was searched."""
        self.actor.require(Action.LOOKUP)
        return search_counter(self.uows, text, limit)

    def scanned_unit(self, text: str, sku: str | None = None, *, of_product: bool = False) -> str:
        """What a form's serial field should hold for a scan routed to it, read by the one classifier: a GS1
        label, ``SKU:SERIAL`` or a serial (of ``sku``) as ``SKU:SERIAL`` when the product is known, else the
        serial. ``of_product``: the form lists serials of ``sku`` only (receiving) — just the serial, and a label
        of another product or a product barcode is refused. The unit need not exist yet."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            return form_serial(uow.session, text, sku, of_product=of_product)

    def passport(self, serial: str, sku: str | None = None) -> ItemPassport:
        """Everything about one unit. NotFound for an unknown serial; DomainError when it is ambiguous."""
        self.actor.require(Action.LOOKUP)
        with self.uows.glancing() as uow:
            s = uow.session
            primed = unit_with_rows(s, serial, sku)  # a bare serial: the unit and its facts in one statement
            if primed is not None:
                return self.passport_of(s, *primed)
            item, product = one_item(s, serial, sku)
            return self.passport_of(s, item, product)

    def passport_of(self, s: Any, item: Item, product: Product, facts: PassportRows | None = None) -> ItemPassport:
        # A passport is a scan-time answer (≤ 3 ms at 1M units): on PostgreSQL each statement is a round trip, so
        # lot, supplier, the latest sale with its buyer, whether the unit has tickets, recall lines, parts or a
        # host at all (an index probe each: most units skip those statements) and the timeline are one statement.
        f = facts or passport_rows(s, item)
        lot, supplier, line_row, buyer = f.lot, f.supplier, f.line, f.buyer
        sale_row: Any = f.sale  # there whenever the line is (its sale)
        has_tickets, has_lines, is_host, is_part = f.has_tickets, f.has_lines, f.is_host, f.is_part
        last_sale = (line_row, sale_row, buyer) if line_row is not None else None
        # Customer and warranty belong to whoever holds the unit now; a returned unit's past sale stays in
        # the history but no longer makes it anyone's.
        held = item.status in _HELD_BY_CUSTOMER
        ours = last_sale is not None and item.status != ItemStatus.CUSTOMER_OWNED.value
        sold = (last_sale[1], last_sale[2]) if held and ours and last_sale is not None else None
        line = last_sale[0] if held and last_sale is not None else None
        until = line.warranty_until if line is not None else None
        now = self.clock()
        state = warranty_state(until, now)
        ours_from_supplier = supplier_warranty(s, item, product, now, supplier)  # whoever holds it (issue 15)
        tickets = tuple(ticket_view(s, t, now=now) for t in s.scalars(
            select(ServiceTicket).where(ServiceTicket.item_id == item.id).order_by(ServiceTicket.id))
        ) if has_tickets else ()
        owner = sold[1] if sold else None
        owner_view: PartyView | None
        if owner is None and held and tickets and tickets[-1].customer is not None:
            owner_view = tickets[-1].customer  # a unit not sold by us: its owner from the service desk
        else:
            owner_view = party_view("customer", owner) if owner else None
        rows = f.events  # the timeline and the journey (the receipt's place rides along)
        events = tuple(
            EventView(e.at, e.kind, e.by_user, e.station, _ref(e.ref_type, e.ref_id),
                      summarise(e.kind, _ref(e.ref_type, e.ref_id), e.data or {}), e.data or {},
                      *((e.recorded_at, True) if is_backdated(e.at, e.recorded_at) else ()))
            for e, _place in rows
        )
        visits = visits_of([(e.at, e.kind, e.ref_type, e.ref_id, e.data, place) for e, place in rows])
        # A host is held by its parts' recall lines too: the tree it shows says which parts have lines at all.
        held_parts: list[int] = []
        parts = part_nodes(s, item.id, held_parts) if is_host else ()
        holds = tuple(holds_on(s, [item.id], {item.id: held_parts}).get(item.id, ())) \
            if has_lines or held_parts else ()
        return ItemPassport(
            item_id=item.id, sku=product.sku, product=product.name, serial=item.serial,
            serial_source=item.serial_source, status=item.status, lot=lot, supplier=supplier,
            received_at=item.received_at, cost=item.cost,
            location=where_now(s, item, f.place),
            customer=owner_view,
            sold_at=sold[0].sold_at if sold else None,
            sale=record_number("sale", sold[0].id) if sold else None,
            price=line.price if line is not None else None,
            warranty_until=until, warranty_status=state.status.value, warranty_days_left=state.days_left,
            events=events, tickets=tickets, sold_by_us=ours or item.status not in _HELD_BY_CUSTOMER,
            supplier_warranty_until=ours_from_supplier.until, supplier_warranty_status=ours_from_supplier.status,
            supplier_warranty_days_left=ours_from_supplier.days_left,
            recall_holds=holds, hold=hold_sentence(holds), journey=visits,
            **genealogy_fields(s, item, is_host, is_part, parts),
            rmas=_rmas(s, item.id) if any(e.kind.startswith("rma_") for e, _place in rows) else (),
        )


def _rmas(s: Any, item_id: int) -> tuple[Any, ...]:
    from serialdesk.services.rma import rmas_of  # issue 15: the unit's claims on the supplier's warranty

    return rmas_of(s, item_id)


def genealogy_fields(s: Any, item: Item, is_host: bool = True, is_part: bool = True,
                     parts: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """The passport's genealogy both ways: the unit's tree of parts (``parts``, when read already), where it
    sits, where it sat before (``is_host``/``is_part`` False: known to have no fitments that way, nothing asked)."""
    return {"parts": parts if parts is not None else part_nodes(s, item.id) if is_host else (),
            "within": within_of(s, [item.id]).get(item.id, ()) if is_part else (),
            "fitted_history": fitment_history(s, item.id) if is_part else ()}


# --- the look-up's search (issue 13): every query an index range or a small table ------------------------------


def search_counter(uows: Any, text: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    wanted = text.strip()
    if not wanted:
        raise DomainError("Type part of a serial, a customer's name or phone, or a ticket number.",
                          code="empty_search")
    if not 1 <= limit <= MAX_SEARCH_LIMIT:
        raise DomainError(f"Show between 1 and {MAX_SEARCH_LIMIT} results of each kind.", code="bad_limit")
    with uows.reading() as uow:
        s = uow.session
        exact = _exact_units(s, wanted)
        units, more_units = _serials_beginning(s, wanted, limit, {u.ref for u in exact})
        customers, more_customers = _customers_holding(s, wanted, limit)
        tickets = _ticket_numbered(s, wanted)
    result = SearchResult(wanted, exact, units, customers, tickets, limit, more_units or more_customers)
    if result.count == 0:
        raise NotFound(f"Nothing matches '{wanted}': no serial begins with it, no customer's name, phone or e-mail "
                       "holds it, and it is no ticket number. Serials are searched by their beginning.",
                       code="nothing_found")
    return result


def _found(item: Item, product: Product) -> FoundUnit:
    return FoundUnit(product.sku, product.name, item.serial, item.status)


def _exact_units(s: Any, text: str) -> tuple[FoundUnit, ...]:
    """The units the text names outright, read by the one classifier (GS1, SKU:SERIAL, a serial)."""
    try:
        return tuple(_found(i, p) for i, p in items_by_ref(s, text))
    except DomainError:  # a product barcode, an unreadable label …: it names no unit, other searches go on
        return ()


def _next_prefix(prefix: str) -> str | None:
    """The least string above every string beginning with ``prefix`` (binary order), or None if none is."""
    for end in range(len(prefix) - 1, -1, -1):
        if ord(prefix[end]) < 0x10FFFF:
            return prefix[:end] + chr(ord(prefix[end]) + 1)
    return None


def _serials_beginning(s: Any, text: str, limit: int, known: set[str]) -> tuple[tuple[FoundUnit, ...], bool]:
    """Serials beginning with the text as typed, in capitals or in small letters (how serials are stored):
    ``serial >= p AND serial < p'`` is a range on ix_items_serial on both backends — no LIKE, so no wildcard
    and no full scan, however many units there are. The range is exact in binary order (SQLite; PostgreSQL
    with the C collation, as here); under a linguistic collation it may hold strangers, which are dropped."""
    found: dict[str, FoundUnit] = {}
    more = False
    for prefix in dict.fromkeys((text, text.upper(), text.lower())):
        query = select(Item, Product).join(Product, Product.id == Item.product_id).where(Item.serial >= prefix)
        upper = _next_prefix(prefix)
        if upper is not None:
            query = query.where(Item.serial < upper)
        rows = s.execute(query.order_by(Item.serial, Item.id).limit(limit + 1)).all()
        more = more or len(rows) > limit
        for item, product in rows[:limit]:
            unit = _found(item, product)
            if unit.ref not in known and unit.serial.startswith(prefix):
                found.setdefault(unit.ref, unit)
    units = sorted(found.values(), key=lambda u: (u.serial, u.sku))
    return tuple(units[:limit]), more or len(units) > limit


_PHONE_SEPARATORS = (" ", "-", "+", "/", "(", ")", ".")


def _customers_holding(s: Any, text: str, limit: int) -> tuple[tuple[FoundCustomer, ...], bool]:
    """Customers by number, or whose name, phone or e-mail holds the text (the customers table is small next to
    the units: a contains search is fine here, and only here). A phone matches however it is spaced."""
    number = parse_record_number("customer", text)
    like = like_pattern(text.lower())
    terms: list[ColumnElement[bool]] = [func.lower(Customer.name).like(like, escape=LIKE_ESCAPE),
             func.lower(Customer.email).like(like, escape=LIKE_ESCAPE),
             Customer.phone.like(like, escape=LIKE_ESCAPE)]
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) >= 3 and all(ch.isdigit() or ch in _PHONE_SEPARATORS for ch in text):
        phone: Any = Customer.phone
        for separator in _PHONE_SEPARATORS:
            phone = func.replace(phone, separator, "")
        terms.append(phone.like(like_pattern(digits), escape=LIKE_ESCAPE))
    if number is not None:
        terms.append(Customer.id == number)
    rows = list(s.scalars(select(Customer).where(or_(*terms)).order_by(Customer.name, Customer.id).limit(limit + 1)))
    found = tuple(_customer_units(s, c, limit) for c in rows[:limit])
    return found, len(rows) > limit


def _customer_units(s: Any, customer: Customer, limit: int) -> FoundCustomer:
    """Their units: bought here (newest sale first), then brought to the service desk."""
    sold = s.execute(
        select(Item, Product).join(SaleLine, SaleLine.item_id == Item.id).join(Sale, Sale.id == SaleLine.sale_id)
        .join(Product, Product.id == Item.product_id).where(Sale.customer_id == customer.id)
        .order_by(Sale.sold_at.desc(), SaleLine.id.desc()).limit(limit + 1)).all()
    serviced = s.execute(
        select(Item, Product).join(ServiceTicket, ServiceTicket.item_id == Item.id)
        .join(Product, Product.id == Item.product_id).where(ServiceTicket.customer_id == customer.id)
        .order_by(ServiceTicket.id.desc()).limit(limit + 1)).all()
    units: dict[int, FoundUnit] = {}
    for item, product in [*sold, *serviced]:
        units.setdefault(item.id, _found(item, product))
    listed = tuple(units.values())
    return FoundCustomer(party_view("customer", customer), listed[:limit], len(listed) > limit)


def _ticket_numbered(s: Any, text: str) -> tuple[FoundTicket, ...]:
    number = parse_record_number("ticket", text)
    if number is None:
        return ()
    row = s.execute(select(ServiceTicket, Item, Product).join(Item, Item.id == ServiceTicket.item_id)
                    .join(Product, Product.id == Item.product_id).where(ServiceTicket.id == number)).first()
    if row is None:
        return ()
    ticket, item, product = row
    customer = s.get(Customer, ticket.customer_id) if ticket.customer_id else None
    return (FoundTicket(record_number("ticket", ticket.id), ticket.status, ticket.problem,
                        customer.name if customer else None, _found(item, product)),)


# --- a scan routed to a form's serial field (issue 13) -------------------------------------------------------------


def form_serial(s: Any, text: str, sku: str | None = None, *, of_product: bool = False) -> str:
    if not text.strip():
        raise DomainError("The scan was empty; scan the unit's label again.", code="empty_scan")
    named, serial = split_ref(s, text, sku.strip().upper() if sku else None)
    if not of_product:
        return f"{named}:{serial}" if named else serial
    if sku and named and named != sku.strip().upper():
        raise DomainError(f"This label is for {named}, not {sku.strip().upper()}: scan a {sku.strip().upper()} "
                          "unit's serial.", code="other_product")
    return serial
