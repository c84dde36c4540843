"""Revenue and margin (issue 17): by product, supplier, or the shop's local day, week or month; returns deducted.

revenue = Σ price of the sale lines sold in the period − Σ price of the lines returned in the period;
cost = Σ cost of the units sold in the period − Σ cost of the units returned *to stock* in the period (a unit
returned to quarantine or scrap is refunded but not back on the shelf, so its cost stays spent — as in the
turnover report's COGS); margin = revenue − cost. Money is Decimal throughout.

Days are the shop's local days (this computer's time zone, as the screens show times): a sale at 00:30 local
time belongs to that local day even where it is still yesterday in UTC. The database groups (one statement per
stretch of the period with the same UTC offset, so a daylight-saving change splits the period at the right
instant); ``revenue_rows`` is the one place that reads the sales: the period's lines alone, with the copies
they keep of their units' product, supplier and cost (services.sale_copies)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, Date, case, func, literal_column, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from serialdesk.db.models import Product, Return, Sale, SaleLine, Supplier
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Action
from serialdesk.services.common import Service
from serialdesk.services.dto.buying import RevenueReport, RevenueRow
from serialdesk.services.report_math import ZERO, Period, as_date, money

GROUPINGS = ("product", "supplier", "month", "week", "day")
BY_TIME = ("month", "week", "day")
TO_STOCK = "stock"
DEFAULT_DAYS = 30


class LocalDay(FunctionElement[date]):
    """The calendar day of a stored UTC time shifted by a fixed number of minutes (the local offset)."""

    type = Date()
    name = "local_day"
    inherit_cache = False

    def __init__(self, moment: Any, minutes: int) -> None:
        self.minutes = int(minutes)
        super().__init__(moment)


@compiles(LocalDay)
def _local_day_sqlite(element: LocalDay, compiler: Any, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '{element.minutes:+d} minutes')"


@compiles(LocalDay, "postgresql")
def _local_day_postgresql(element: LocalDay, compiler: Any, **kw: Any) -> str:
    # Text, not bound parameters: GROUP BY on PostgreSQL must see the same expression as the SELECT list.
    return (f"CAST(timezone('UTC', {compiler.process(element.clauses, **kw)}) "
            f"+ interval '{element.minutes} minutes' AS DATE)")


def local_midnight(day: date) -> datetime:
    """00:00 of ``day`` in this computer's time zone, as an aware UTC time."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def _offset_minutes(moment: datetime) -> int:
    offset = moment.astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def stretches(first: date, last: date) -> list[tuple[datetime, datetime, int]]:
    """The period's local days as UTC stretches [start, end) each with one UTC offset (minutes)."""
    start, end = local_midnight(first), local_midnight(last + timedelta(days=1))
    spans, here = [], start
    while here < end:
        minutes = _offset_minutes(here)
        low, high = here, end
        if _offset_minutes(end - timedelta(microseconds=1)) != minutes:
            high = here + timedelta(hours=1)
            while high < end and _offset_minutes(high) == minutes:  # hour by hour to the change,
                high += timedelta(hours=1)
            low = high - timedelta(hours=1)
            while high - low > timedelta(minutes=1):  # then to the minute
                mid = low + (high - low) / 2
                low, high = (mid, high) if _offset_minutes(mid) == minutes else (low, mid)
            high = min(high.replace(second=0, microsecond=0), end)
        spans.append((here, high, minutes))
        here = high
    return spans


@dataclass
class _Tally:
    sold: int = 0
    returned: int = 0
    gross: Decimal = ZERO
    refunds: Decimal = ZERO
    cost_sold: Decimal = ZERO
    cost_back: Decimal = ZERO

    def row(self, key: str, label: str) -> RevenueRow:
        revenue, cost = self.gross - self.refunds, self.cost_sold - self.cost_back
        margin = revenue - cost
        rate = (margin / revenue).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) if revenue else None
        return RevenueRow(key, label, self.sold, self.returned, self.sold - self.returned, self.gross, self.refunds,
                          revenue, cost, margin, rate)


class RevenueService(Service):
    def revenue(self, first_day: date | None = None, last_day: date | None = None,
                by: str = "product") -> RevenueReport:
        """Revenue, cost and margin over the shop's local days ``first_day``..``last_day`` (both included;
        without dates the 30 days up to today), grouped ``by`` product, supplier, month, week (ISO, from
        Monday) or day. Most revenue first for products and suppliers; in time order for periods."""
        self.actor.require(Action.REPORTS)
        if by not in GROUPINGS:
            raise DomainError(f"'{by}' is not a grouping; use product, supplier, month, week or day.",
                              code="bad_grouping")
        today = self.clock().astimezone().date()
        last = last_day or today
        first = first_day or last - timedelta(days=DEFAULT_DAYS - 1)
        if last_day is not None and first_day is None:  # the day given is the one named when it is out of range
            Period(last_day, last_day)
        period = Period(first, last)  # refuses a reversed period and days outside the shop's records
        with self.uows.reading() as uow:
            tallies, labels = revenue_rows(uow.session, period.first, period.last, by)
        if by in BY_TIME:
            keys = _time_keys(period, by)
            rows = [tallies.get(k, _Tally()).row(k, labels.get(k, k)) for k in keys]
        else:
            rows = sorted((t.row(k, labels.get(k, k)) for k, t in tallies.items()),
                          key=lambda r: (-r.revenue, r.key))
        total = _Tally()
        for t in tallies.values():
            total.sold += t.sold
            total.returned += t.returned
            total.gross += t.gross
            total.refunds += t.refunds
            total.cost_sold += t.cost_sold
            total.cost_back += t.cost_back
        return RevenueReport(period.first, period.last, by, tuple(rows), total.row("total", "Total"))


def _key(by: str) -> ColumnElement[Any]:
    if by == "product":
        return SaleLine.product_id.expression
    return func.coalesce(SaleLine.supplier_id, literal_column("0"))


def revenue_rows(s: Session, first: date, last: date, by: str) -> tuple[dict[str, _Tally], dict[str, str]]:
    """Sales and returns in the period, summed per group key (a SKU, a supplier name, or a local day folded
    into its week or month), with each key's label. Two grouped statements per stretch of one UTC offset."""
    raw: list[tuple[str, Any, int, Any, Any, Any]] = []
    for start, end, minutes in stretches(first, last):
        for kind, moment in (("sold", Sale.sold_at), ("returned", Return.at)):
            key = LocalDay(moment, minutes) if by in BY_TIME else _key(by)
            # The lines' own copies of their units' product, supplier and cost (services.sale_copies): the
            # period's lines are read alone, not each with a probe into a million units.
            back = (literal_column("0") if kind == "sold"
                    else func.sum(case((Return.disposition == TO_STOCK, SaleLine.unit_cost), else_=0)))
            query = select(key, func.count(SaleLine.id), func.sum(SaleLine.price), func.sum(SaleLine.unit_cost), back)
            if kind == "sold":
                query = (query.select_from(Sale).join(SaleLine, SaleLine.sale_id == Sale.id)
                         .where(SaleLine.sale_id.between(*_sale_ids_between(start, end))))
            else:
                query = query.select_from(Return).join(SaleLine, SaleLine.id == Return.sale_line_id)
            query = query.where(moment >= start, moment < end).group_by(key)
            raw += [(kind, *row) for row in s.execute(query)]
    names = _names(s, by, {row[1] for row in raw})
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    labels: dict[str, str] = {}
    for kind, group, n, prices, costs, to_stock in raw:
        k, label = names[group] if by not in BY_TIME else (_period_key(by, as_date(group)), "")
        labels[k] = label or k
        t = tallies[k]
        if kind == "sold":
            t.sold += int(n)
            t.gross += money(prices)
            t.cost_sold += money(costs)
        else:
            t.returned += int(n)
            t.refunds += money(prices)
            t.cost_back += money(to_stock)
    return dict(tallies), labels


def _sale_ids_between(start: datetime, end: datetime) -> tuple[ColumnElement[int], ColumnElement[int]]:
    """The lowest and highest id of the sales in [start, end): the period's lines as one range of the index on
    ``sale_lines.sale_id`` (issue 17). Joined from the sales alone, PostgreSQL without statistics took a month of
    sales for a few hundred rows and read ``sale_lines`` whole to hash-join them; a range it judges small, and
    reads by the index whatever the statistics. The range only narrows: the join still keeps the period's sales
    (a sale entered later with an older date widens it, never loses a line). ``id + 0`` keeps PostgreSQL from
    reading ``min(id)`` off the primary key from the first sale ever until one falls in the period."""
    plain_id = Sale.id + literal_column("0")
    in_period = (Sale.sold_at >= start, Sale.sold_at < end)
    return (select(func.min(plain_id)).where(*in_period).correlate(None).scalar_subquery(),
            select(func.max(plain_id)).where(*in_period).correlate(None).scalar_subquery())


def _names(s: Session, by: str, ids: set[Any]) -> dict[Any, tuple[str, str]]:
    """Group id → (key, label): (SKU, product name) or (supplier name, supplier name)."""
    if by == "product":
        return {pid: (sku, name) for pid, sku, name in
                s.execute(select(Product.id, Product.sku, Product.name).where(Product.id.in_(ids)))}
    if by == "supplier":
        found = {sid: (name, name) for sid, name in
                 s.execute(select(Supplier.id, Supplier.name).where(Supplier.id.in_(ids)))}
        return {**found, 0: ("(no supplier)", "Units received without a supplier")}
    return {}


def _period_key(by: str, day: date) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day:%Y-%m}"


def _time_keys(period: Period, by: str) -> Sequence[str]:
    keys: list[str] = []
    for d in period.each_day():
        k = _period_key(by, d)
        if not keys or keys[-1] != k:
            keys.append(k)
    return keys
