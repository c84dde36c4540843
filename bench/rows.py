"""A ``ShopPlan`` read out as rows, one table at a time, in each table's ``COLUMNS`` order and in id order.

Events come last and in time order (a ledger's ids grow with time): receipts, sales, returns, service tickets
and new customers are merged by the moment they happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bench.shop import CLERK, COUNTER, HOUR, RETURNS, SCAN_GAP, TECH, LotPlan, Row, ShopPlan, json_data, stamp
from serialdesk.domain.products import record_number

BACKROOM, WORKSHOP = "backroom", "workshop"
PROBLEMS = ("Does not charge", "Battery drains overnight", "Display flickers", "Motor stalls under load",
            "Brake squeals", "Error E21 at spin")
WORK, WORK_MINUTES, RESOLUTION = "Diagnosed, replaced the faulty part, tested", 45, "Repaired and tested"


def rows(plan: ShopPlan, table: str) -> Iterator[Row]:
    return TABLES[table](plan)


def _till(sale_id: int) -> str:
    return f"till-{sale_id % 3 + 1}"


def _problem(item: int) -> str:
    return PROBLEMS[item % len(PROBLEMS)]


def customers(plan: ShopPlan) -> Iterator[Row]:
    for n, (name, phone, email, added) in enumerate(plan.customers, start=1):
        yield n, name, phone, email, None, stamp(added)


def lots(plan: ShopPlan) -> Iterator[Row]:
    for lot in plan.lots:
        yield lot.id, lot.product.id, lot.code, lot.supplier_id, stamp(lot.received), None


def receipts(plan: ShopPlan) -> Iterator[Row]:
    for lot in plan.lots:
        yield lot.id, lot.supplier_id, "posted", CLERK, BACKROOM, stamp(lot.opened), stamp(lot.received), None


def _created(lot: LotPlan, n: int, received: str) -> str:
    """When unit ``n`` of a lot was created: scanned into the draft, or with the bulk receipt."""
    return stamp(lot.opened + (n + 1) * SCAN_GAP) if lot.scanned else received


def items(plan: ShopPlan) -> Iterator[Row]:
    status, sale_of, serials = plan.status, plan.sale_of, plan.serials
    for lot in plan.lots:
        spec = lot.product.spec
        source, cost, received = ("generated" if spec.generated else "supplier"), str(spec.cost), stamp(lot.received)
        for n in range(lot.size):
            item = lot.first_item + n
            state = status.get(item) or ("sold" if sale_of[item] else "in_stock")
            yield (item, lot.product.id, serials[item], lot.id, state, source, cost, None, lot.supplier_id, received,
                   _created(lot, n, received))


def receipt_lines(plan: ShopPlan) -> Iterator[Row]:
    for lot in plan.lots:
        received = stamp(lot.received)
        for n in range(lot.size):
            yield lot.first_item + n, lot.id, lot.first_item + n, _created(lot, n, received)


def sales(plan: ShopPlan) -> Iterator[Row]:
    for sale_id, sale in enumerate(plan.sales, start=1):
        yield sale_id, sale.customer, "completed", COUNTER, _till(sale_id), stamp(sale.at)


def sale_lines(plan: ShopPlan) -> Iterator[Row]:
    for sale_id, sale in enumerate(plan.sales, start=1):
        for item in sale.items:
            until = plan.warranty_until(item)
            yield plan.line_of[item], sale_id, item, str(plan.price(item)), stamp(until) if until else None


def returns(plan: ShopPlan) -> Iterator[Row]:
    for return_id, (at, item, kind) in enumerate(plan.returns, start=1):
        disposition, _, reason = RETURNS[kind]
        yield return_id, plan.line_of[item], reason, disposition, COUNTER, stamp(at)


def service_tickets(plan: ShopPlan) -> Iterator[Row]:
    for ticket_id, t in enumerate(plan.tickets, start=1):
        customer = plan.sales[plan.sale_of[t.item] - 1].customer
        closed = t.closed is not None
        yield (ticket_id, t.item, customer, _problem(t.item), "closed" if closed else "open", True, t.claim, None,
               TECH, stamp(t.opened), stamp(t.closed) if t.closed else None, RESOLUTION if closed else None)


def work_logs(plan: ShopPlan) -> Iterator[Row]:
    for ticket_id, t in enumerate(plan.tickets, start=1):
        yield ticket_id, ticket_id, WORK, WORK_MINUTES, TECH, stamp(t.opened + HOUR)


def serial_sequences(plan: ShopPlan) -> Iterator[Row]:
    """Generated serials come from per-lot sequences (the pattern has {LOT}); the next number follows the lot."""
    generated = (lot for lot in plan.lots if lot.product.spec.generated)
    for n, lot in enumerate(generated, start=1):
        yield n, lot.product.id, lot.code, lot.size + 1


# ---- the ledger -------------------------------------------------------------------------------------------


def events(plan: ShopPlan) -> Iterator[Row]:
    happened = [(lot.opened, 0, k) for k, lot in enumerate(plan.lots)]
    happened += [(sale.at, 1, k) for k, sale in enumerate(plan.sales)]
    happened += [(at, 2, k) for k, (at, _, _) in enumerate(plan.returns)]
    happened += [(t.opened, 3, k) for k, t in enumerate(plan.tickets)]
    happened += [(t.closed, 4, k) for k, t in enumerate(plan.tickets) if t.closed is not None]
    happened += [(c[3], 5, k) for k, c in enumerate(plan.customers)]
    happened.sort()
    next_id = plan.first_event_id
    for _, kind, k in happened:
        for row in _EVENTS[kind](plan, k):
            yield next_id, *row
            next_id += 1


def _receipt_events(plan: ShopPlan, k: int) -> Iterator[Row]:
    """A scanned draft (receipt_opened, a scan per unit, posting) or one bulk receipt (receive_units)."""
    lot, serials = plan.lots[k], plan.serials
    pid, units = lot.product.id, range(lot.first_item, lot.first_item + lot.size)
    receipt = (CLERK, BACKROOM, "receipt", lot.id)
    if lot.scanned:
        yield stamp(lot.opened), "receipt_opened", None, None, None, *receipt, None, None, "{}"
        for n, item in enumerate(units):
            yield _created(lot, n, ""), "scanned", item, pid, serials[item], *receipt, None, "receiving", "{}"
    at = stamp(lot.received)
    for item in units:
        yield at, "received", item, pid, serials[item], *receipt, "receiving", "in_stock", "{}"
    yield at, "receipt_posted", None, None, None, *receipt, None, None, json_data(units=lot.size)


def _sale_events(plan: ShopPlan, k: int) -> Iterator[Row]:
    sale, sale_id = plan.sales[k], k + 1
    name = plan.customers[sale.customer - 1][0]
    data = json_data(customer=f"{name} ({record_number('customer', sale.customer)})")
    for item in sale.items:
        yield (stamp(sale.at), "sold", item, plan.product_of(item).id, plan.serials[item], COUNTER, _till(sale_id),
               "sale", sale_id, "in_stock", "sold", data)


def _return_events(plan: ShopPlan, k: int) -> Iterator[Row]:
    at, item, kind = plan.returns[k]
    disposition, target, reason = RETURNS[kind]
    sale_id = plan.sale_of[item]
    data = json_data(disposition=disposition, reason=reason, sale=record_number("sale", sale_id))
    yield (stamp(at), "returned", item, plan.product_of(item).id, plan.serials[item], COUNTER, _till(sale_id),
           "return", k + 1, "sold", target, data)


def _ticket_opened(plan: ShopPlan, k: int) -> Iterator[Row]:
    t = plan.tickets[k]
    data = json_data(problem=_problem(t.item), warranty_claim=t.claim, override_by=None)
    yield (stamp(t.opened), "ticket_opened", t.item, plan.product_of(t.item).id, plan.serials[t.item], TECH, WORKSHOP,
           "ticket", k + 1, "sold", "in_service", data)
    yield (stamp(t.opened + HOUR), "work_logged", t.item, None, None, TECH, WORKSHOP, "ticket", k + 1, None, None,
           json_data(text=WORK, minutes=WORK_MINUTES))


def _ticket_closed(plan: ShopPlan, k: int) -> Iterator[Row]:
    t = plan.tickets[k]
    assert t.closed is not None
    yield (stamp(t.closed), "ticket_closed", t.item, plan.product_of(t.item).id, plan.serials[t.item], TECH, WORKSHOP,
           "ticket", k + 1, "in_service", "sold", json_data(resolution=RESOLUTION))


def _customer_added(plan: ShopPlan, k: int) -> Iterator[Row]:
    yield (stamp(plan.customers[k][3]), "customer_added", None, None, None, COUNTER, "till-1", None, None, None, None,
           json_data(customer=k + 1))


_EVENTS: tuple[Callable[[ShopPlan, int], Iterator[Row]], ...] = (
    _receipt_events, _sale_events, _return_events, _ticket_opened, _ticket_closed, _customer_added)
TABLES: dict[str, Callable[[ShopPlan], Iterator[Row]]] = {
    "customers": customers, "lots": lots, "receipts": receipts, "items": items, "receipt_lines": receipt_lines,
    "sales": sales, "sale_lines": sale_lines, "returns": returns, "service_tickets": service_tickets,
    "work_logs": work_logs, "serial_sequences": serial_sequences, "events": events,
}
