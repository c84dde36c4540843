"""Reorder advice for the buyer (issue 17): per product (and location), what sells, what is on hand and on
order, how long the supplier takes, and how many to order now — most urgent first; and one action that turns
the suggestions into purchase orders per supplier, in one transaction.

The database does the counting (GROUP BY, one statement per part, over indexed columns); the formulas are in
``domain.reorder``. ``units_sold_per_day`` is the one place that reads demand from the sales: a daily summary
table can take its place without touching anything else. Days are UTC calendar days, as in the other reports.
Definitions and a worked example: docs/reports.md, "Reorder advice"."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from serialdesk.db.models import (
    Fitment,
    Item,
    Product,
    ProductPart,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseReceipt,
    Receipt,
    ReceiptLine,
    Sale,
    SaleLine,
    StockAge,
    Supplier,
    SupplierReceipt,
)
from serialdesk.domain import reorder as f
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.services import summaries
from serialdesk.services.common import Service
from serialdesk.services.dto.buying import DraftOrder, DraftOrders, ReorderLine, ReorderReport
from serialdesk.services.locations import location_by_name, place_id
from serialdesk.services.plans import among_ids
from serialdesk.services.purchasing import OPEN, RECEIVABLE, PurchasingService
from serialdesk.services.report_math import as_date, money, period_of, start_of, utc_day
from serialdesk.services.reports import aging_tallies, product_turnovers
from serialdesk.services.summaries import UtcDay

IN_STOCK = ItemStatus.IN_STOCK.value
DAYS = Decimal("0.01")


@dataclass(frozen=True)
class _Source:
    supplier_id: int
    supplier: str
    unit_cost: Decimal | None  # the last PO's price


class ReorderService(Service):
    def advice(self, location: str | None = None, *, cover_days: int = f.DEFAULT_TARGET_COVER_DAYS,
               with_turnover: bool = True) -> ReorderReport:
        """Reorder advice for every product (stock at ``location`` only, when given), most urgent first."""
        self.actor.require(Action.REPORTS)
        if not 0 <= cover_days <= 365:
            raise DomainError(f"Order for between 0 and 365 days of cover (it was {cover_days}).",
                              code="bad_cover_days")
        today = utc_day(self.clock())
        with self.uows.reading() as uow:
            s = uow.session
            place = location_by_name(s, location) if location is not None else None
            place_name = place.name if place is not None else None
            lines = _advice_lines(s, today, place.id if place is not None else None, place_name, cover_days)
            if with_turnover and lines:
                lines = _beside(s, lines, today)
        lines.sort(key=lambda ln: f.urgency_key(ln.flag, ln.days_of_cover, ln.lead_time_days, ln.sku))
        return ReorderReport(today, place_name, cover_days, tuple(lines))

    def draft_orders(self, location: str | None = None, *,
                     cover_days: int = f.DEFAULT_TARGET_COVER_DAYS) -> DraftOrders:
        """Every suggestion as a line of an open purchase order to the product's supplier (one PO per supplier),
        all in one transaction: either every PO is written or none. Products with no known supplier are named
        and left out."""
        self.actor.require(Action.RECEIVE)
        if not 0 <= cover_days <= 365:
            raise DomainError(f"Order for between 0 and 365 days of cover (it was {cover_days}).",
                              code="bad_cover_days")
        today = utc_day(self.clock())
        purchasing = PurchasingService(self.uows, self.actor, self.clock)
        orders: list[DraftOrder] = []
        note = f"Drafted from the reorder advice of {today.isoformat()}"
        with self.uows() as uow:
            s = uow.session
            # Two buyers drafting at once: the second waits here for the first to commit, then works out the
            # advice again with the first one's orders on order (PostgreSQL; SQLite writes one at a time).
            s.execute(select(Supplier.id).order_by(Supplier.id).with_for_update()).all()
            place = location_by_name(s, location) if location is not None else None
            lines = _advice_lines(s, today, place.id if place is not None else None,
                                  place.name if place is not None else None, cover_days)
            wanted = sorted((ln for ln in lines if ln.suggested_qty > 0),
                            key=lambda ln: f.urgency_key(ln.flag, ln.days_of_cover, ln.lead_time_days, ln.sku))
            if not wanted:
                raise DomainError("Nothing needs ordering now: every product is above its reorder point.",
                                  code="nothing_to_order")
            skipped = tuple(f"{ln.sku} ({ln.suggested_qty}): built here — assemble it from its parts" if ln.built_here
                            else f"{ln.sku} ({ln.suggested_qty}): no supplier known — order it by hand (po add)"
                            for ln in wanted if ln.supplier is None)
            by_supplier: dict[str, list[ReorderLine]] = defaultdict(list)
            for ln in wanted:
                if ln.supplier is not None:
                    by_supplier[ln.supplier].append(ln)
            if not by_supplier:
                raise DomainError("Nothing was ordered: " + "; ".join(skipped) + ".", code="no_supplier")
            for supplier, group in sorted(by_supplier.items()):
                sup = s.scalar(select(Supplier).where(Supplier.name == supplier))
                assert sup is not None
                po = PurchaseOrder(supplier_id=sup.id, status=OPEN, created_by=self.actor.name,
                                   created_at=self.clock(), note=note)
                s.add(po)
                s.flush()
                for ln in group:
                    purchasing._add_line(s, po, ln.sku, ln.suggested_qty, ln.unit_cost, None)
                self.record(s, kind="po_added", ref_type="purchase_order", ref_id=po.id,
                            data={"supplier": sup.name, "lines": len(group), "from": "reorder advice"})
                orders.append(DraftOrder(record_number("purchase_order", po.id), sup.name,
                                         tuple((ln.sku, ln.suggested_qty) for ln in group),
                                         sum((ln.unit_cost * ln.suggested_qty for ln in group), Decimal("0.00"))))
            uow.commit()
        return DraftOrders(tuple(orders), skipped)


# ---- the parts, each one grouped statement --------------------------------------------------------------


def units_sold_per_day(s: Session, first: date, last: date, location_id: int | None) -> dict[int, dict[date, int]]:
    """Units sold per product and UTC day from ``first`` to ``last`` (both included): sale lines by the sale's
    day (ix_sales_sold_at), at ``location_id`` when given. A returned unit stays sold here: it was demand.
    For the whole shop the daily summaries answer (their units sold: moves from stock to sold, per UTC day)."""
    counts: dict[int, dict[date, int]] = defaultdict(dict)
    if location_id is None:
        for product_id, sold_on, n, _back in summaries.units_sold_per_day(s, first, last):
            if n:
                counts[product_id][sold_on] = int(n)
        return counts
    day = UtcDay(Sale.sold_at)
    query = (select(Item.product_id, day, func.count(SaleLine.id))
             .select_from(Sale).join(SaleLine, SaleLine.sale_id == Sale.id).join(Item, Item.id == SaleLine.item_id)
             .where(Sale.sold_at >= start_of(first), Sale.sold_at < start_of(last + timedelta(days=1)))
             .group_by(Item.product_id, day))
    query = query.where(place_id() == location_id)
    for product_id, sold_on, n in s.execute(query):
        counts[product_id][as_date(sold_on)] = int(n)
    return counts


def parts_used_per_day(s: Session, first: date, last: date, location_id: int | None) -> dict[int, dict[date, int]]:
    """Parts fitted into units here (by a build or a repair's swap) per part product and UTC day, ``first`` to
    ``last`` (both included), by the fitment's day (ix_fitments_fitted_at); at ``location_id`` when given (where
    the part was taken from). A part is used up as a sale is: the buyer's demand for it."""
    counts: dict[int, dict[date, int]] = defaultdict(dict)
    day = UtcDay(Fitment.fitted_at)
    query = (select(Item.product_id, day, func.count(Fitment.id)).select_from(Fitment)
             .join(Item, Item.id == Fitment.part_item_id)
             .where(Fitment.fitted_at >= start_of(first), Fitment.fitted_at < start_of(last + timedelta(days=1)))
             .group_by(Item.product_id, day))
    if location_id is not None:
        query = query.where(place_id() == location_id)
    for product_id, used_on, n in s.execute(query):
        counts[product_id][as_date(used_on)] = int(n)
    return counts


def _built_here(s: Session) -> set[int]:
    """The products that take parts (they have slots): built here unless a supplier delivers them."""
    return set(s.scalars(select(ProductPart.product_id).distinct()))


def _on_hand(s: Session, location_id: int | None) -> dict[int, int]:
    """Units in stock per product (at ``location_id``): for the whole shop from the aging figures kept beside
    the ledger (every unit in stock, by the day it entered), never the items table."""
    if location_id is None:
        return {pid: int(n) for pid, n in s.execute(select(StockAge.product_id, func.sum(StockAge.units))
                                                    .group_by(StockAge.product_id)) if n}
    query = select(Item.product_id, func.count(Item.id)).where(Item.status == IN_STOCK).group_by(Item.product_id)
    if location_id is not None:
        query = query.where(place_id() == location_id)
    return {pid: int(n) for pid, n in s.execute(query)}


def _on_order(s: Session) -> dict[int, int]:
    """Ordered and not yet received on open and partly received POs (an over-delivered line counts 0)."""
    short = PurchaseOrderLine.quantity - PurchaseOrderLine.received
    left = func.sum(case((short > 0, short), else_=0))
    rows = s.execute(select(PurchaseOrderLine.product_id, left)
                     .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
                     .where(PurchaseOrder.status.in_(RECEIVABLE)).group_by(PurchaseOrderLine.product_id))
    return {pid: int(n or 0) for pid, n in rows}


def measured_lead_times(s: Session) -> dict[tuple[int, int], int]:
    """Per (supplier, product): the mean of PO date → receipt date over every receipt against a PO, in whole
    days (as ``po receive`` reports it: whole days, never below 0), rounded half up."""
    # The receipts against POs first (few; none in most shops), then the products on just those receipts: a join
    # from the receipt lines would read them all when the planner starts there (SQLite without statistics).
    receipts = {rid: (sid, ordered, received) for rid, sid, ordered, received in s.execute(
        select(Receipt.id, PurchaseOrder.supplier_id, PurchaseOrder.created_at, Receipt.posted_at)
        .select_from(PurchaseReceipt).join(Receipt, Receipt.id == PurchaseReceipt.receipt_id)
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseReceipt.po_id).where(Receipt.posted_at.is_not(None)))}
    rows = []
    for among_receipts in among_ids(s, ReceiptLine.receipt_id, sorted(receipts)):
        for rid, product_id in s.execute(select(ReceiptLine.receipt_id, Item.product_id).distinct()
                                         .join(Item, Item.id == ReceiptLine.item_id).where(among_receipts)):
            supplier_id, ordered, received = receipts[rid]
            rows.append((supplier_id, product_id, ordered, received))
    spans: dict[tuple[int, int], list[int]] = defaultdict(list)
    for supplier_id, product_id, ordered, received in rows:
        spans[(supplier_id, product_id)].append(max(0, (received - ordered).days))
    return {key: int((Decimal(sum(v)) / len(v)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            for key, v in spans.items()}


def _sources(s: Session, product_ids: list[int]) -> dict[int, _Source]:
    """Who each product is bought from: the supplier of its latest PO line (with that line's price); for a
    product never ordered on a PO, the supplier most of its units came from."""
    latest = (select(PurchaseOrderLine.product_id.label("product_id"), func.max(PurchaseOrderLine.id).label("id"))
              .group_by(PurchaseOrderLine.product_id).subquery())
    found: dict[int, _Source] = {}
    for pid, sid, name, cost in s.execute(
            select(latest.c.product_id, Supplier.id, Supplier.name, PurchaseOrderLine.unit_cost)
            .join(PurchaseOrderLine, PurchaseOrderLine.id == latest.c.id)
            .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.po_id)
            .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)):
        found[pid] = _Source(sid, name, money(cost))
    rest = [pid for pid in product_ids if pid not in found]
    if rest:
        r = SupplierReceipt  # the units received per supplier, kept beside the ledger: never the items table
        counted = s.execute(select(r.product_id, Supplier.id, Supplier.name, func.sum(r.units))
                            .join(Supplier, Supplier.id == r.supplier_id)
                            .where(r.product_id.in_(rest)).group_by(r.product_id, Supplier.id, Supplier.name))
        best: dict[int, tuple[int, str, int]] = {}
        for pid, sid, name, n in counted:
            if pid not in best or (n, -sid) > (best[pid][2], -best[pid][0]):
                best[pid] = (sid, name, n)
        found.update({pid: _Source(sid, name, None) for pid, (sid, name, _) in best.items()})
    return found


def _advice_lines(s: Session, today: date, location_id: int | None, location: str | None,
                  cover_days: int) -> list[ReorderLine]:
    first = today - timedelta(days=f.WINDOW_LONG - 1)
    sold = units_sold_per_day(s, first, today, location_id)
    used = parts_used_per_day(s, first, today, location_id)
    takes_parts = _built_here(s)
    on_hand, on_order = _on_hand(s, location_id), _on_order(s)
    products = list(s.scalars(select(Product).order_by(Product.sku)))
    sources = _sources(s, [p.id for p in products])
    measured = measured_lead_times(s)
    days = [first + timedelta(days=n) for n in range(f.WINDOW_LONG)]
    lines = []
    for p in products:
        per_day, fitted = sold.get(p.id, {}), used.get(p.id, {})
        demand = f.demand_of([per_day.get(d, 0) + fitted.get(d, 0) for d in days])
        source = sources.get(p.id)
        built = p.id in takes_parts and source is None
        lead, lead_source = _lead_time(p, source, measured)
        level = p.service_level if p.service_level is not None else f.DEFAULT_SERVICE_LEVEL
        safety = f.safety_stock(demand.sigma, lead, level) if demand.daily > 0 else 0
        point = f.reorder_point(demand.daily, lead, safety)
        here, coming = on_hand.get(p.id, 0), on_order.get(p.id, 0)
        flag = f.flag_of(here, here + coming, point, demand)
        pack = p.pack_size or 1
        qty = 0 if flag in f.DO_NOT_REORDER else f.suggested_quantity(demand.daily, lead, safety, here + coming,
                                                                      point, cover_days, pack)
        cover = f.days_of_cover(here, demand.daily)
        lines.append(ReorderLine(
            p.sku, p.name, source.supplier if source else None, location, here, coming,
            sum(per_day.get(d, 0) for d in days[-f.WINDOW_SHORT:]), sum(per_day.values()), demand.per_day_30,
            demand.per_day_90, Decimal(str(demand.daily)).quantize(DAYS, rounding=ROUND_HALF_UP), demand.trend,
            Decimal(str(demand.sigma)).quantize(DAYS, rounding=ROUND_HALF_UP), lead, lead_source,
            Decimal(level).quantize(Decimal("0.0001")), safety, point, cover, qty, pack,
            source.unit_cost if source and source.unit_cost is not None else money(p.cost),
            flag, _advice(flag, qty, demand, cover, here, coming, built), None, None, None,
            sum(fitted.get(d, 0) for d in days[-f.WINDOW_SHORT:]), sum(fitted.values()), built))
    return lines


def _beside(s: Session, lines: list[ReorderLine], today: date) -> list[ReorderLine]:
    """Turnover (the 365 days up to today) and aging, as the manager's reports give them, beside each product's
    advice: their per-product parts only, read in the advice's own snapshot."""
    products, _ = product_turnovers(s, period_of(None, today, today=today))
    turns = {p.sku: p.turnover for p in products}
    ages = {sku: (t.mean_days, t.max_days) for (sku, _), t in aging_tallies(s, today).items()}
    return [replace(ln, turnover=turns.get(ln.sku), mean_days_in_stock=ages.get(ln.sku, (None, None))[0],
                    max_days_in_stock=ages.get(ln.sku, (None, None))[1]) for ln in lines]


def _lead_time(p: Product, source: _Source | None, measured: dict[tuple[int, int], int]) -> tuple[int, str]:
    if source is not None and (source.supplier_id, p.id) in measured:
        return measured[(source.supplier_id, p.id)], "measured"
    if p.lead_time_days is not None:
        return p.lead_time_days, "product"
    return f.DEFAULT_LEAD_TIME_DAYS, "default"


def _advice(flag: str, qty: int, demand: f.Demand, cover: Decimal | None, on_hand: int, on_order: int,
            built: bool = False) -> str:
    again = "build more" if built else "reorder"
    if flag == f.DEAD:
        return f"do not {again}: {on_hand} in stock and nothing sold or used in 90 days"
    if flag == f.SLOW:
        return f"do not {again}: slow mover, {cover} days of stock at the current rate"
    if flag == f.NO_DEMAND:
        return "nothing in stock and nothing sold or used in 90 days"
    if flag == f.REORDER and qty > 0:
        when = "out of stock" if on_hand == 0 else f"{cover} days of stock left"
        coming = f", {on_order} on order" if on_order else ""
        return f"build {qty} now (built here from its parts): {when}" if built else f"order {qty} now: {when}{coming}"
    return "enough on hand" if built else "enough on hand and on order"
