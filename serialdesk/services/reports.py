"""Reports for the manager: stock on hand, inventory turnover, aging of the stock, and supplier quality.

Every figure comes from aggregate queries (GROUP BY in the database, one statement per report part); the
arithmetic on the grouped rows lives in ``report_math``. Days are UTC calendar days throughout.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Row, Subquery, and_, case, func, or_, select
from sqlalchemy.orm import Session

from serialdesk.db.models import (
    DailySummary,
    Item,
    Location,
    Lot,
    Product,
    StockAge,
    Supplier,
    SupplierReceipt,
    UnitBack,
)
from serialdesk.db.models.supply import DEFAULT_LOCATION_ID, TRANSIT_LOCATION_ID
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.services.common import Service
from serialdesk.services.dto import (
    AgingBand,
    AgingReport,
    DailyStockValue,
    LotQuality,
    ProductAging,
    ProductTurnover,
    StockLine,
    StockReport,
    SupplierQuality,
    SupplierQualityReport,
    TurnoverMonth,
    TurnoverReport,
)
from serialdesk.services.dto.supply import LocationStock, LocationStockLine, StockByLocation
from serialdesk.services.locations import place_id
from serialdesk.services.report_math import (
    AGE_BANDS,
    ZERO,
    AgeTally,
    Period,
    as_date,
    closing_values,
    money,
    period_of,
    rate,
    turnover_figures,
    turnover_of_totals,
    utc_day,
)
from serialdesk.services.summaries import DaysFrom

IN_STOCK, SOLD, RECALLED = ItemStatus.IN_STOCK.value, ItemStatus.SOLD.value, ItemStatus.RECALLED.value


class ReportService(Service):
    def stock(self) -> StockReport:
        """Units in stock by product and lot, valued at cost, plus the count of units in every status."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            rows = s.execute(
                select(Product.sku, Product.name, Lot.code, func.count(Item.id), func.sum(Item.cost))
                .join(Product, Product.id == Item.product_id).outerjoin(Lot, Lot.id == Item.lot_id)
                .where(Item.status == ItemStatus.IN_STOCK.value)
                .group_by(Product.sku, Product.name, Lot.code).order_by(Product.sku, Lot.code)
            ).all()
            by_status = {st: n for st, n in s.execute(select(Item.status, func.count(Item.id)).group_by(Item.status))}
        lines = tuple(StockLine(sku, name, lot, n, Decimal(value or 0).quantize(Decimal("0.01")))
                      for sku, name, lot, n, value in rows)
        return StockReport(lines, sum(ln.in_stock for ln in lines),
                           sum((ln.value_at_cost for ln in lines), Decimal("0.00")), by_status)

    def stock_by_location(self) -> StockByLocation:
        """Units in stock by location (shop floor first, then by branch and name) and product, at cost."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            rows = _stock_by_place(uow.session)
        return stock_by_location(rows)

    def turnover(self, first_day: date | None = None, last_day: date | None = None) -> TurnoverReport:
        """Inventory turnover over whole UTC days ``first_day``..``last_day`` (both included), overall and per product.

        COGS = cost of units sold in the period minus cost of units a customer returned *to stock* in it;
        average inventory = mean of the daily closing stock values at cost (a day ends at 24:00 UTC);
        turnover = COGS ÷ average inventory (None without stock); days of inventory = days ÷ turnover (None when
        nothing was sold, net). Also the daily closing values and a per-month series for a chart. Without
        ``last_day`` the period ends today; without ``first_day`` it is the 365 days up to ``last_day``.
        DomainError ``period_reversed`` when the period ends before it starts; a quiet period gives zeros.
        """
        self.actor.require(Action.REPORTS)
        period = period_of(first_day, last_day, today=utc_day(self.clock()))
        with self.uows.reading() as uow:
            products = _turnover_by_product(uow.session, period)
            days = _turnover_by_day(uow.session, period)
        return _turnover_report(period, products, days)

    def aging(self) -> AgingReport:
        """How long the units in stock now have been there, per product and overall.

        A unit's days in stock = today's UTC day − the UTC day it last entered stock (its latest event into
        ``in_stock``, e.g. a return to stock restarts the count; else its receipt time), in whole days. Bands:
        0-30 (0 ≤ d ≤ 30), 31-90, 91-180, 180+ (d > 180), each with units and value at cost; plus mean and
        max days.
        """
        self.actor.require(Action.REPORTS)
        today = utc_day(self.clock())
        with self.uows.reading() as uow:
            tallies = aging_tallies(uow.session, today)
        overall = AgeTally.empty()
        for t in tallies.values():
            overall.merge(t)
        products = tuple(_product_aging(sku, name, t) for (sku, name), t in sorted(tallies.items()))
        return AgingReport(today, overall.total_units, sum(overall.values, ZERO), overall.mean_days,
                           overall.max_days, _bands(overall), products)

    def supplier_quality(self, first_day: date | None = None, last_day: date | None = None) -> SupplierQualityReport:
        """Per supplier and per lot: units received, units returned by customers, units repaired under warranty.

        Rates are fractions of the units received (4 places). ``first_day``/``last_day`` (UTC days, both
        included, either may be left open) choose units by the day they were received; their returns and
        warranty tickets count whenever they happened. A unit returned or repaired twice counts once; every
        ticket marked as a warranty claim counts, open or closed. DomainError when the period is reversed.
        """
        self.actor.require(Action.REPORTS)
        first = utc_day(first_day) if first_day is not None else None
        last = utc_day(last_day) if last_day is not None else None
        if first is not None and last is not None:
            Period(first, last)  # refuses a period that ends before it starts
        with self.uows.reading() as uow:
            rows = _quality_by_lot(uow.session, first, last)
        by_supplier: dict[tuple[str, int], list[LotQuality]] = defaultdict(list)
        for supplier_id, supplier, sku, lot, received, returned, repaired in rows:
            by_supplier[(supplier, supplier_id)].append(
                LotQuality(sku, lot, received, returned, repaired, rate(returned, received), rate(repaired, received)))
        suppliers = tuple(_supplier_quality(supplier_id, name, lots)
                          for (name, supplier_id), lots in sorted(by_supplier.items()))
        return SupplierQualityReport(first, last, suppliers)


# ---- stock by location (issue 15) ----------------------------------------------------------------------------


def _stock_by_place(s: Session) -> Sequence[Row[Any]]:
    per_place = (select(place_id().label("location_id"), Item.product_id.label("product_id"),
                        func.count(Item.id).label("units"), func.sum(Item.cost).label("cost"))
                 .where(Item.status == IN_STOCK).group_by(place_id(), Item.product_id).subquery())
    return s.execute(select(Location.id, Location.name, Location.branch, Product.sku, Product.name,
                            per_place.c.units, per_place.c.cost)
                     .join(Location, Location.id == per_place.c.location_id)
                     .join(Product, Product.id == per_place.c.product_id)).all()


def stock_by_location(rows: Sequence[Row[Any]]) -> StockByLocation:
    ordered = sorted(rows, key=lambda r: (r[0] != DEFAULT_LOCATION_ID, r[0] == TRANSIT_LOCATION_ID, r[2],
                                          r[1].lower(), r[3]))
    lines = tuple(LocationStockLine(name, branch, sku, pname, units, money(cost))
                  for _, name, branch, sku, pname, units, cost in ordered)
    places: dict[str, LocationStock] = {}
    for ln in lines:
        was = places.get(ln.location)
        places[ln.location] = LocationStock(ln.location, ln.branch, (was.in_stock if was else 0) + ln.in_stock,
                                            (was.value_at_cost if was else ZERO) + ln.value_at_cost)
    return StockByLocation(lines, tuple(places.values()), sum(ln.in_stock for ln in lines),
                           sum((ln.value_at_cost for ln in lines), ZERO))


# ---- turnover ---------------------------------------------------------------------------------------------


def _turnover_by_product(s: Session, period: Period) -> Sequence[Row[Any]]:
    """Per product, from the daily summaries (services/summaries.py), never the ledger: the stock value at cost
    before the period (opening), the net move and COGS in it, Σ over its moves of move × days it counts in the
    closing values (so Σ closings = days × opening + that), and the days it moved stock at all."""
    d = DailySummary
    in_period = d.day >= period.first
    touched = and_(in_period, or_(d.units_in != 0, d.units_out != 0))
    per_product = (
        select(d.product_id.label("product_id"),
               func.sum(case((in_period, 0), else_=d.value_delta)).label("opening"),
               func.sum(case((in_period, d.value_delta), else_=0)).label("moved"),
               func.sum(case((in_period, d.value_delta * (DaysFrom(d.day, period.last) + 1)), else_=0))
               .label("weighted"),
               func.sum(case((in_period, d.cogs), else_=0)).label("cogs"),
               func.count(case((touched, 1))).label("touched"))
        .where(d.day <= period.last).group_by(d.product_id).subquery())
    c = per_product.c
    return _with_product_names(s, per_product, c.opening, c.moved, c.weighted, c.cogs, c.touched)


def _turnover_by_day(s: Session, period: Period) -> Sequence[Row[Any]]:
    """The whole shop's net move and COGS per day of the period (days without any are left out)."""
    d = DailySummary
    return s.execute(select(d.day, func.sum(d.value_delta), func.sum(d.cogs))
                     .where(d.day >= period.first, d.day <= period.last).group_by(d.day)).all()


def product_turnovers(s: Session, period: Period) -> tuple[list[ProductTurnover], Decimal]:
    """Each product's turnover over ``period`` (products with no stock and no moves left out), and the whole
    shop's opening stock value: the report's per-product part alone (reorder advice shows it beside)."""
    return _product_turnovers(period, _turnover_by_product(s, period))


def _product_turnovers(period: Period, products_rows: Sequence[Row[Any]]) -> tuple[list[ProductTurnover], Decimal]:
    products = []
    total_opening = ZERO
    for sku, name, opening, moved, weighted, sold, touched in sorted(products_rows, key=lambda r: (r[0], r[1])):
        opening = money(opening)
        total_opening += opening
        if opening == 0 and not touched:
            continue  # nothing in stock and nothing moved: not in the report
        f = turnover_of_totals(money(sold), period.days, opening * period.days + money(weighted))
        products.append(ProductTurnover(sku, name, opening, opening + money(moved), f.cogs, f.average_inventory,
                                        f.turnover, f.days_of_inventory))
    return products, total_opening


def _turnover_report(period: Period, products_rows: Sequence[Row[Any]], day_rows: Sequence[Row[Any]]) -> TurnoverReport:
    products, total_opening = _product_turnovers(period, products_rows)
    all_moves = {as_date(day): money(delta) for day, delta, _ in day_rows}
    cogs_by_day = {as_date(day): money(sold) for day, _, sold in day_rows}
    closings = closing_values(total_opening, all_moves, period)
    figures = turnover_figures(sum(cogs_by_day.values(), ZERO), closings)
    return TurnoverReport(
        period.first, period.last, period.days, total_opening, closings[-1], figures.cogs,
        figures.average_inventory, figures.turnover, figures.days_of_inventory, tuple(products),
        _months(period, closings, cogs_by_day),
        tuple(DailyStockValue(d, v) for d, v in zip(period.each_day(), closings, strict=True)),
    )


def _months(period: Period, closings: list[Decimal], cogs_by_day: dict[date, Decimal]) -> tuple[TurnoverMonth, ...]:
    months = []
    for month in period.months():
        start = (month.first - period.first).days
        part = turnover_figures(sum((cogs_by_day.get(d, ZERO) for d in month.each_day()), ZERO),
                                closings[start : start + month.days])
        months.append(TurnoverMonth(f"{month.first:%Y-%m}", month.first, month.last, month.days, part.cogs,
                                    part.average_inventory))
    return tuple(months)


# ---- aging ------------------------------------------------------------------------------------------------


def aging_tallies(s: Session, today: date) -> dict[tuple[str, str], AgeTally]:
    """Per product (SKU, name): the units in stock now added up by age band in the database, from the stock
    ages kept beside the ledger (services/summaries.py): one row per product and band, not one per day."""
    raw = DaysFrom(StockAge.day, today)
    days = case((raw < 0, 0), else_=raw)  # a day after today counts 0 days, as days_in_stock says
    band = case(*((days <= b.max_days, n) for n, b in enumerate(AGE_BANDS) if b.max_days is not None),
                else_=len(AGE_BANDS) - 1)
    per_band = (select(StockAge.product_id.label("product_id"), band.label("band"),
                       func.sum(StockAge.units).label("units"), func.sum(StockAge.value).label("cost"),
                       func.sum(StockAge.units * days).label("unit_days"), func.max(days).label("max_days"))
                .where(StockAge.units != 0).group_by(StockAge.product_id, band).subquery())
    c = per_band.c
    tallies: dict[tuple[str, str], AgeTally] = defaultdict(AgeTally.empty)
    for sku, name, n, units, cost, unit_days, max_days in _with_product_names(s, per_band, c.band, c.units, c.cost,
                                                                               c.unit_days, c.max_days):
        tallies[(sku, name)].add_group(int(n), int(units), money(cost), int(unit_days), int(max_days))
    return tallies


def _with_product_names(s: Session, grouped: Subquery, *columns: ColumnElement[Any]) -> Sequence[Row[Any]]:
    """SKU and name in front of rows grouped by product id (grouping on the narrow id, then one join)."""
    return s.execute(select(Product.sku, Product.name, *columns)
                     .join(Product, Product.id == grouped.c.product_id)).all()


def _bands(tally: AgeTally) -> tuple[AgingBand, ...]:
    return tuple(AgingBand(b.label, b.min_days, b.max_days, tally.units[n], tally.values[n])
                 for n, b in enumerate(AGE_BANDS))


def _product_aging(sku: str, name: str, tally: AgeTally) -> ProductAging:
    return ProductAging(sku, name, tally.total_units, sum(tally.values, ZERO), tally.mean_days, tally.max_days,
                        _bands(tally))


# ---- supplier quality -------------------------------------------------------------------------------------


def _quality_by_lot(s: Session, first: date | None, last: date | None) -> list[tuple[Any, ...]]:
    """Per supplier, product and lot: units received, of them returned, of them repaired under warranty — all
    from the figures kept beside the ledger (supplier receipts, units back)."""
    # Core rows (the session's ORM row processing cost more than the statements at 1M units).
    conn = s.connection()
    r = SupplierReceipt
    received_query = (select(r.supplier_id, r.product_id, r.lot_key, Lot.code, func.sum(r.units))
                      .outerjoin(Lot, Lot.id == r.lot_key).where(r.units != 0))
    if first is not None:
        received_query = received_query.where(r.day >= first)
    if last is not None:
        received_query = received_query.where(r.day <= last)
    received = conn.execute(received_query.group_by(r.supplier_id, r.product_id, r.lot_key, Lot.code)).all()
    # The units that came back, kept beside the ledger (summaries.UnitBack): never the returns and tickets
    # joined to the units (15k returns at 1M units cost 100–350 ms).
    b = UnitBack
    back_query = select(b.supplier_id, b.product_id, b.lot_key, func.sum(b.returned), func.sum(b.repaired))
    if first is not None:
        back_query = back_query.where(b.day >= first)
    if last is not None:
        back_query = back_query.where(b.day <= last)
    came_back = {(supplier_id, product_id, lot_key): (returned, repaired) for supplier_id, product_id, lot_key,
                 returned, repaired in conn.execute(back_query.group_by(b.supplier_id, b.product_id, b.lot_key))}
    suppliers = dict(conn.execute(select(Supplier.id, Supplier.name)).tuples().all())
    skus = dict(conn.execute(select(Product.id, Product.sku)).tuples().all())
    return [(supplier_id, suppliers[supplier_id], skus[product_id], lot, units,
             *came_back.get((supplier_id, product_id, lot_key), (0, 0)))
            for supplier_id, product_id, lot_key, lot, units in received if units]


def _supplier_quality(supplier_id: int, name: str, lots: list[LotQuality]) -> SupplierQuality:
    lots.sort(key=lambda q: (q.sku, q.lot is not None, q.lot or ""))
    received = sum(q.received for q in lots)
    returned = sum(q.returned for q in lots)
    repaired = sum(q.repaired_under_warranty for q in lots)
    return SupplierQuality(record_number("supplier", supplier_id), name, received, returned, repaired,
                           rate(returned, received), rate(repaired, received), tuple(lots))
