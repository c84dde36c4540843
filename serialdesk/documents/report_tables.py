"""Each report as sheets of typed rows for ``report … --xlsx FILE.xlsx`` (the GUI writes the tables it shows).

A sheet is (name, headers, rows); ``KINDS`` marks the columns whose Decimals are rates (shown as percentages) —
every other value is typed by ``workbook.typed`` (money: Decimals with two places, counts: ints, days: dates).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from serialdesk.documents.workbook import write_workbook
from serialdesk.services.dto import AgingReport, StockReport, SupplierQualityReport, TurnoverReport
from serialdesk.services.dto.buying import ReorderReport, RevenueReport
from serialdesk.services.dto.supply import StockByLocation

Sheet = tuple[str, Sequence[str], Sequence[Sequence[Any]]]
RATE = "percent"


def turnover(r: TurnoverReport) -> list[Sheet]:
    return [
        ("Products", ("SKU", "Product", "Opening value", "Closing value", "Cost of goods sold", "Average inventory",
                      "Turnover", "Days of inventory"),
         [(p.sku, p.name, p.opening_value, p.closing_value, p.cogs, p.average_inventory, p.turnover,
           p.days_of_inventory) for p in r.products]),
        ("Months", ("Month", "From", "To", "Days", "Cost of goods sold", "Average inventory"),
         [(m.month, m.first_day, m.last_day, m.days, m.cogs, m.average_inventory) for m in r.months]),
    ]


def aging(r: AgingReport) -> list[Sheet]:
    labels = [b.label for b in r.bands]

    def band(bands: Sequence[Any], label: str) -> int:
        return next((b.units for b in bands if b.label == label), 0)

    return [("Aging", ("SKU", "Product", *(f"{label} days" for label in labels), "Units", "Value at cost",
                       "Mean days", "Oldest (days)"),
             [(p.sku, p.name, *(band(p.bands, label) for label in labels), p.units, p.value_at_cost, p.mean_days,
               p.max_days) for p in r.products])]


def suppliers(r: SupplierQualityReport) -> list[Sheet]:
    head = ("Received", "Returned", "Return rate", "Warranty repairs", "Warranty repair rate")
    return [
        ("Suppliers", ("No.", "Supplier", *head),
         [(s.number, s.name, s.received, s.returned, s.return_rate, s.repaired_under_warranty,
           s.warranty_repair_rate) for s in r.suppliers]),
        ("Lots", ("No.", "Supplier", "SKU", "Lot", *head),
         [(s.number, s.name, lot.sku, lot.lot or "", lot.received, lot.returned, lot.return_rate,
           lot.repaired_under_warranty, lot.warranty_repair_rate) for s in r.suppliers for lot in s.lots]),
    ]


def stock(r: StockReport) -> list[Sheet]:
    return [("Stock", ("SKU", "Product", "Lot", "In stock", "Value at cost"),
             [(ln.sku, ln.name, ln.lot or "", ln.in_stock, ln.value_at_cost) for ln in r.lines])]


def stock_by_location(r: StockByLocation) -> list[Sheet]:
    return [("Stock by location", ("Location", "Branch", "SKU", "Product", "In stock", "Value at cost"),
             [(ln.location, ln.branch or "", ln.sku, ln.name, ln.in_stock, ln.value_at_cost) for ln in r.lines])]


def reorder(r: ReorderReport) -> list[Sheet]:
    return [("Reorder", ("SKU", "Product", "Supplier", "Flag", "On hand", "On order", "Sold 30 days", "Sold 90 days",
                         "Per day", "Trend", "Lead time (days)", "Safety stock", "Reorder point", "Days of cover",
                         "Order", "Advice"),
             [(ln.sku, ln.name, ln.supplier or "", ln.flag, ln.on_hand, ln.on_order, ln.sold_30, ln.sold_90,
               ln.daily_demand, ln.trend, ln.lead_time_days, ln.safety_stock, ln.reorder_point, ln.days_of_cover,
               ln.suggested_qty, ln.advice) for ln in r.lines])]


def revenue(r: RevenueReport) -> list[Sheet]:
    rows = [*r.rows, r.total]
    return [("Revenue", (r.by.capitalize(), "Name", "Sold", "Returned", "Units", "Gross revenue", "Returns",
                         "Revenue", "Cost", "Margin", "Margin rate"),
             [(row.key, row.label, row.units_sold, row.units_returned, row.units, row.gross_revenue, row.returns,
               row.revenue, row.cost, row.margin, row.margin_rate) for row in rows])]


def _kinds(sheet: Sheet) -> list[str | None]:
    return [RATE if h.endswith("rate") else ("text" if h in ("SKU", "No.", "Lot", "Month") else None)
            for h in sheet[1]]


def write(path: str | Path, sheets: list[Sheet]) -> int:
    """The sheets into one workbook, whole or not at all; returns the rows of the first sheet."""
    return write_workbook(path, sheets, {s[0]: _kinds(s) for s in sheets})
