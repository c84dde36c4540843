"""What each report tab shows: its key figures, its chart, and the table behind the chart (also its CSV).
The Stock tab has a "By location" option (StockTab, in report_places)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCharts import QChart

from serialdesk.domain.text import plural
from serialdesk.gui.charts import Bars, bar_chart
from serialdesk.gui.formats import day_text, money
from serialdesk.gui.models.table import RIGHT, Column
from serialdesk.gui.panes.report_places import StockTab  # noqa: F401 - the Stock tab, for the reports pane
from serialdesk.services.dto import (
    AgingReport,
    ProductAging,
    StockReport,
    SupplierQuality,
    SupplierQualityReport,
    TurnoverMonth,
    TurnoverReport,
)

BANDS = ("0-30", "31-90", "91-180", "180+")
TURNOVER_FIGURES = ("Turnover", "Days of inventory", "Cost of goods sold", "Average inventory", "Stock value now")
STOCK_FIGURES = ("Units in stock", "Value at cost", "Products in stock", "Quarantined", "Out with customers")
AGING_FIGURES = ("Units in stock", "Value at cost", "Mean days in stock", "Oldest unit")
SUPPLIER_FIGURES = ("Suppliers", "Units received", "Return rate", "Warranty repair rate")


def _num(value: Decimal | int | None, places: int = 2) -> str:
    return "—" if value is None else f"{value:,.{places}f}" if isinstance(value, Decimal) else f"{value:,}"


def percent(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f} %"


def month_name(month: TurnoverMonth) -> str:
    return f"{month.first_day:%b %Y}"


def period_text(first: date | None, last: date | None) -> str:
    if first and last:
        return f"{day_text(first)} – {day_text(last)}"
    if first or last:
        return f"from {day_text(first)}" if first else f"up to {day_text(last)}"  # type: ignore[arg-type]
    return "all time"


# --- turnover -----------------------------------------------------------------------------------------------

MONTH_COLUMNS: tuple[Column[TurnoverMonth], ...] = (
    Column("Month", month_name, sort=lambda m: m.first_day.toordinal(), raw=lambda m: m.month),
    Column("From", lambda m: day_text(m.first_day), sort=lambda m: m.first_day.toordinal(),
           raw=lambda m: m.first_day),
    Column("To", lambda m: day_text(m.last_day), sort=lambda m: m.last_day.toordinal(),
           raw=lambda m: m.last_day),
    Column("Days", lambda m: str(m.days), sort=lambda m: m.days, align=RIGHT, raw=lambda m: m.days),
    Column("Cost of goods sold", lambda m: money(m.cogs), sort=lambda m: m.cogs, align=RIGHT, raw=lambda m: m.cogs),
    Column("Average inventory", lambda m: money(m.average_inventory), sort=lambda m: m.average_inventory,
           align=RIGHT, raw=lambda m: m.average_inventory),
)


def turnover_chart(report: TurnoverReport) -> QChart:
    months, period = report.months, period_text(report.first_day, report.last_day)
    return bar_chart(f"Cost of goods sold and average inventory per month · {period}",
                     [month_name(m) for m in months],
                     [Bars("Cost of goods sold", [float(m.cogs) for m in months]),
                      Bars("Average inventory", [float(m.average_inventory) for m in months])],
                     value_title="value at cost")


def turnover_figures(report: TurnoverReport) -> list[tuple[str, str, str]]:
    return [
        ("Turnover", "—" if report.turnover is None else f"{report.turnover:.2f} ×",
         "Cost of goods sold ÷ average inventory over the period"),
        ("Days of inventory", "—" if report.days_of_inventory is None else f"{report.days_of_inventory:.1f} days",
         "Days in the period ÷ turnover: how long stock lasts at this rate of sale"),
        ("Cost of goods sold", money(report.cogs), "Cost of units sold, less units returned to stock"),
        ("Average inventory", money(report.average_inventory), "Mean of the daily closing stock values"),
        ("Stock value now", money(report.closing_value), f"Opening value {money(report.opening_value)}"),
    ]


# --- stock ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductStock:
    sku: str
    name: str
    lots: int
    units: int
    value: Decimal


def stock_rows(report: StockReport) -> list[ProductStock]:
    """The stock lines (per product and lot) summed per product, in SKU order."""
    totals: dict[str, ProductStock] = {}
    for line in report.lines:
        was = totals.get(line.sku) or ProductStock(line.sku, line.name, 0, 0, Decimal("0.00"))
        totals[line.sku] = ProductStock(line.sku, line.name, was.lots + (1 if line.lot else 0),
                                        was.units + line.in_stock, was.value + line.value_at_cost)
    return list(totals.values())


STOCK_COLUMNS: tuple[Column[ProductStock], ...] = (
    Column("Product", lambda p: p.sku),
    Column("Name", lambda p: p.name),
    Column("Lots", lambda p: str(p.lots), sort=lambda p: p.lots, align=RIGHT, raw=lambda p: p.lots),
    Column("Units in stock", lambda p: str(p.units), sort=lambda p: p.units, align=RIGHT, raw=lambda p: p.units),
    Column("Value at cost", lambda p: money(p.value), sort=lambda p: p.value, align=RIGHT, raw=lambda p: p.value),
)


def stock_chart(rows: list[ProductStock]) -> QChart:
    return bar_chart("Stock by product · value at cost", [p.sku for p in rows],
                     [Bars("Value at cost", [float(p.value) for p in rows])], value_title="value at cost")


def stock_figures(report: StockReport, rows: list[ProductStock]) -> list[tuple[str, str, str]]:
    out = sum(report.by_status.get(s, 0) for s in ("sold", "in_service", "recalled"))
    return [("Units in stock", f"{report.total_units:,}", ""), ("Value at cost", money(report.total_value), ""),
            ("Products in stock", str(sum(1 for p in rows if p.units)), ""),
            ("Quarantined", f"{report.by_status.get('quarantined', 0):,}", "Units held back: returns, recalls"),
            ("Out with customers", f"{out:,}", "Sold, in service or recalled")]


# --- aging ---------------------------------------------------------------------------------------------------


def _band_units(p: ProductAging, label: str) -> int:
    return next((b.units for b in p.bands if b.label == label), 0)


def _band_column(label: str) -> Column[ProductAging]:
    return Column(f"{label} days", lambda p: str(_band_units(p, label)), sort=lambda p: _band_units(p, label),
                  align=RIGHT, raw=lambda p: _band_units(p, label))


AGING_COLUMNS: tuple[Column[ProductAging], ...] = (
    Column("Product", lambda p: p.sku),
    Column("Name", lambda p: p.name),
    *(_band_column(label) for label in BANDS),
    Column("Units", lambda p: str(p.units), sort=lambda p: p.units, align=RIGHT, raw=lambda p: p.units),
    Column("Value at cost", lambda p: money(p.value_at_cost), sort=lambda p: p.value_at_cost, align=RIGHT,
           raw=lambda p: p.value_at_cost),
    Column("Mean days", lambda p: _num(p.mean_days, 1), sort=lambda p: p.mean_days or 0, align=RIGHT,
           raw=lambda p: p.mean_days),
    Column("Oldest (days)", lambda p: _num(p.max_days), sort=lambda p: p.max_days or 0, align=RIGHT,
           raw=lambda p: p.max_days),
)


def aging_chart(report: AgingReport) -> QChart:
    """Units per age band, stacked by product: where the old stock sits."""
    return bar_chart(f"Units in stock by days in stock · as of {day_text(report.as_of)}",
                     [f"{label} days" for label in BANDS],
                     [Bars(p.sku, [_band_units(p, label) for label in BANDS]) for p in report.products],
                     stacked=True, value_title="units")


def aging_figures(report: AgingReport) -> list[tuple[str, str, str]]:
    return [("Units in stock", f"{report.units:,}", ""), ("Value at cost", money(report.value_at_cost), ""),
            ("Mean days in stock", _num(report.mean_days, 1), "Since each unit last entered stock"),
            ("Oldest unit", "—" if report.max_days is None else plural(report.max_days, "day"), "")]


# --- suppliers -------------------------------------------------------------------------------------------------

SUPPLIER_COLUMNS: tuple[Column[SupplierQuality], ...] = (
    Column("Supplier", lambda q: q.name, tooltip=lambda q: q.number),
    Column("No.", lambda q: q.number),
    Column("Received", lambda q: f"{q.received:,}", sort=lambda q: q.received, align=RIGHT, raw=lambda q: q.received),
    Column("Returned", lambda q: f"{q.returned:,}", sort=lambda q: q.returned, align=RIGHT, raw=lambda q: q.returned),
    Column("Return rate", lambda q: percent(q.return_rate), sort=lambda q: q.return_rate, align=RIGHT,
           raw=lambda q: q.return_rate, kind="percent"),
    Column("Warranty repairs", lambda q: f"{q.repaired_under_warranty:,}", sort=lambda q: q.repaired_under_warranty,
           align=RIGHT, raw=lambda q: q.repaired_under_warranty),
    Column("Warranty repair rate", lambda q: percent(q.warranty_repair_rate), sort=lambda q: q.warranty_repair_rate,
           align=RIGHT, raw=lambda q: q.warranty_repair_rate, kind="percent"),
    Column("Lots", lambda q: str(len(q.lots)), sort=lambda q: len(q.lots), align=RIGHT, raw=lambda q: len(q.lots)),
)


def supplier_chart(report: SupplierQualityReport) -> QChart:
    rows = report.suppliers
    return bar_chart(f"Returns and warranty repairs per supplier · units received "
                     f"{period_text(report.first_day, report.last_day)}", [q.name for q in rows],
                     [Bars("Return rate", [float(q.return_rate * 100) for q in rows]),
                      Bars("Warranty repair rate", [float(q.warranty_repair_rate * 100) for q in rows])],
                     value_title="% of units received", value_format="%.1f")


def supplier_figures(report: SupplierQualityReport) -> list[tuple[str, str, str]]:
    received = sum(q.received for q in report.suppliers)
    returned = sum(q.returned for q in report.suppliers)
    repaired = sum(q.repaired_under_warranty for q in report.suppliers)

    def rate(units: int) -> str:
        return percent(Decimal(units) / received) if received else "—"

    return [("Suppliers", str(len(report.suppliers)), ""), ("Units received", f"{received:,}", ""),
            ("Return rate", rate(returned), f"{returned:,} units returned at least once"),
            ("Warranty repair rate", rate(repaired), f"{repaired:,} units repaired under warranty")]
