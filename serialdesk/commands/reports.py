"""report turnover|aging|suppliers [--from D --to D], report reorder [--location L] [--draft-pos], report revenue
[--from D --to D] [--by product|supplier|month|week|day] (report stock lives with the stock commands).

Every report also takes ``--xlsx FILE.xlsx``: the report's tables as a workbook with typed cells (issue 18)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from serialdesk.commands.context import Context, UsageError
from serialdesk.commands.trace import _date
from serialdesk.documents import report_tables
from serialdesk.services.dto import AgingReport, SupplierQualityReport, TurnoverReport
from serialdesk.services.dto.buying import DraftOrders, ReorderReport, RevenueReport


def register(reports: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    for name, handler, what in (("turnover", run_turnover, "inventory turnover and days of inventory"),
                                ("suppliers", run_suppliers, "returns and warranty repairs per supplier and lot")):
        p = reports.add_parser(name, parents=[common], help=what)
        p.add_argument("--from", dest="first", type=_date, metavar="DATE", help="first day (UTC), inclusive")
        p.add_argument("--to", dest="last", type=_date, metavar="DATE", help="last day (UTC), inclusive")
        add_xlsx(p)
        p.set_defaults(handler=handler)
    p = reports.add_parser("aging", parents=[common], help="days in stock, in 0-30/31-90/91-180/180+ bands")
    add_xlsx(p)
    p.set_defaults(handler=run_aging)
    p = reports.add_parser("reorder", parents=[common], help="what to order now, most urgent first")
    p.add_argument("--location", metavar="NAME", help="stock and sales at this location only")
    p.add_argument("--cover-days", type=int, default=30, metavar="N",
                   help="an order brings stock to the lead time plus N days of demand (default 30)")
    p.add_argument("--draft-pos", action="store_true",
                   help="turn the suggestions into purchase orders, one per supplier, all at once")
    add_xlsx(p)
    p.set_defaults(handler=run_reorder)
    p = reports.add_parser("revenue", parents=[common], help="revenue, cost and margin, returns deducted")
    p.add_argument("--from", dest="first", type=_date, metavar="DATE", help="first day (local), inclusive")
    p.add_argument("--to", dest="last", type=_date, metavar="DATE", help="last day (local), inclusive")
    p.add_argument("--by", default="product", choices=["product", "supplier", "month", "week", "day"])
    add_xlsx(p)
    p.set_defaults(handler=run_revenue)


def add_xlsx(p: argparse.ArgumentParser) -> None:
    p.add_argument("--xlsx", metavar="FILE.xlsx", help="also write the report's tables to an XLSX workbook")


def emit_report(ctx: Context, report: Any, text: Callable[[], str], sheets: Callable[[Any], list[Any]],
                shown: Any = None) -> int:
    """The report on screen (or as JSON), or with --xlsx into a workbook (whole or not at all)."""
    path = getattr(ctx.args, "xlsx", None)
    if not path:
        return ctx.emit(report if shown is None else shown, text)
    if not str(path).lower().endswith(".xlsx"):
        raise UsageError(f"--xlsx wants a file name ending in .xlsx, not '{path}'.")
    tables = sheets(report)
    rows = report_tables.write(path, tables)
    name = ctx.args.report
    return ctx.emit({"report": name, "file": path, "rows": rows, "sheets": [t[0] for t in tables]},
                    f"The {name} report ({rows} rows) written to {path}.")


def _ratio(value: Decimal | None, unit: str = "") -> str:
    return "—" if value is None else f"{value}{unit}"


def _pct(rate: Decimal) -> str:
    return f"{rate * 100:.1f} %"


def turnover_text(r: TurnoverReport) -> str:
    lines = [f"Inventory turnover {r.first_day} – {r.last_day} ({r.days} days): {_ratio(r.turnover)}× "
             f"(days of inventory {_ratio(r.days_of_inventory)}); COGS {r.cogs}, average inventory "
             f"{r.average_inventory}, stock {r.opening_value} → {r.closing_value}",
             f"{'SKU':<16} {'COGS':>12} {'Avg stock':>12} {'Turns':>7} {'Days':>8}  Product"]
    lines += [f"{p.sku:<16} {p.cogs:>12} {p.average_inventory:>12} {_ratio(p.turnover):>7} "
              f"{_ratio(p.days_of_inventory):>8}  {p.name}" for p in r.products]
    return "\n".join(lines)


def run_turnover(ctx: Context) -> int:
    report = ctx.services.reports.turnover(ctx.args.first, ctx.args.last)
    return emit_report(ctx, report, lambda: turnover_text(report), report_tables.turnover)


def aging_text(r: AgingReport) -> str:
    bands = "  ".join(f"{b.label}: {b.units} ({b.value_at_cost})" for b in r.bands)
    lines = [f"Stock aging on {r.as_of}: {r.units} units, {r.value_at_cost} at cost; mean {_ratio(r.mean_days)} "
             f"days, oldest {r.max_days if r.max_days is not None else '—'} days", f"  {bands}"]
    lines += [f"{p.sku:<16} {p.units:>6} units  mean {_ratio(p.mean_days):>6} d  max {p.max_days or 0:>4} d  "
              + " ".join(f"{b.label}:{b.units}" for b in p.bands) for p in r.products]
    return "\n".join(lines)


def run_aging(ctx: Context) -> int:
    report = ctx.services.reports.aging()
    return emit_report(ctx, report, lambda: aging_text(report), report_tables.aging)


def suppliers_text(r: SupplierQualityReport) -> str:
    span = f" received {r.first_day or '…'} – {r.last_day or '…'}" if r.first_day or r.last_day else ""
    lines = [f"Supplier quality{span}",
             f"{'Supplier':<28} {'Received':>8} {'Returned':>9} {'Rate':>8} {'Warranty':>9} {'Rate':>8}"]
    for s in r.suppliers:
        lines.append(f"{s.name[:28]:<28} {s.received:>8} {s.returned:>9} {_pct(s.return_rate):>8} "
                     f"{s.repaired_under_warranty:>9} {_pct(s.warranty_repair_rate):>8}")
        lines += [f"  {lot.sku} {lot.lot or '(no lot)':<14} {lot.received:>8} {lot.returned:>9} "
                  f"{_pct(lot.return_rate):>8} {lot.repaired_under_warranty:>9} {_pct(lot.warranty_repair_rate):>8}"
                  for lot in s.lots]
    return "\n".join(lines)


def run_suppliers(ctx: Context) -> int:
    report = ctx.services.reports.supplier_quality(ctx.args.first, ctx.args.last)
    return emit_report(ctx, report, lambda: suppliers_text(report), report_tables.suppliers)



def reorder_text(r: ReorderReport) -> str:
    where = f" at {r.location}" if r.location else ""
    lines = [f"Reorder advice{where} on {r.as_of} (order up to lead time + {r.target_cover_days} days of demand)",
             f"{'SKU':<16} {'Flag':<11} {'Hand':>5} {'Order':>5} {'/day':>6} {'Lead':>4} {'Cover':>6} "
             f"{'ROP':>5} {'Buy':>5}  Advice"]
    lines += [f"{ln.sku:<16} {ln.flag:<11} {ln.on_hand:>5} {ln.on_order:>5} {ln.daily_demand:>6} "
              f"{ln.lead_time_days:>4} {_ratio(ln.days_of_cover):>6} {ln.reorder_point:>5} {ln.suggested_qty:>5}  "
              f"{ln.advice}" for ln in r.lines]
    if not r.lines:
        lines.append("No products yet.")
    return "\n".join(lines)


def drafts_text(d: DraftOrders) -> str:
    lines = [f"{o.number} to {o.supplier}: " + ", ".join(f"{q} × {sku}" for sku, q in o.lines) + f" ({o.total_cost})"
             for o in d.orders]
    lines += [f"Not ordered: {why}" for why in d.skipped]
    return "\n".join(lines)


def run_reorder(ctx: Context) -> int:
    a = ctx.args
    if a.draft_pos:
        if a.xlsx:
            raise UsageError("--draft-pos drafts the orders and --xlsx saves the advice: one at a time.")
        drafts = ctx.services.reorder.draft_orders(a.location, cover_days=a.cover_days)
        return ctx.emit(drafts, lambda: drafts_text(drafts))
    report = ctx.services.reorder.advice(a.location, cover_days=a.cover_days)
    return emit_report(ctx, report, lambda: reorder_text(report), report_tables.reorder, list(report.lines))


def revenue_text(r: RevenueReport) -> str:
    lines = [f"Revenue {r.first_day} – {r.last_day} (local days) by {r.by}: {r.total.revenue} revenue, "
             f"{r.total.cost} cost, {r.total.margin} margin ({_ratio_pct(r.total.margin_rate)}); "
             f"{r.total.units_sold} sold, {r.total.units_returned} returned",
             f"{r.by.capitalize():<24} {'Units':>6} {'Revenue':>12} {'Cost':>12} {'Margin':>12} {'Rate':>8}"]
    lines += [f"{row.key[:24]:<24} {row.units:>6} {row.revenue:>12} {row.cost:>12} {row.margin:>12} "
              f"{_ratio_pct(row.margin_rate):>8}" for row in r.rows]
    return "\n".join(lines)


def _ratio_pct(rate: Decimal | None) -> str:
    return "—" if rate is None else _pct(rate)


def run_revenue(ctx: Context) -> int:
    a = ctx.args
    report = ctx.services.revenue.revenue(a.first, a.last, a.by)
    return emit_report(ctx, report, lambda: revenue_text(report), report_tables.revenue)
