"""The buyer's tabs of the reports pane (issue 17): reorder advice (flags coloured, most urgent first, and a
"Draft purchase orders" button) and revenue and margin by month with a chart. Definitions: docs/reports.md."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QWidget

from serialdesk.domain.text import plural
from serialdesk.gui.charts import Bars, bar_chart
from serialdesk.gui.formats import money
from serialdesk.gui.models.table import RIGHT, Column
from serialdesk.gui.widgets.report_tab import ReportTab
from serialdesk.services.dto.buying import DraftOrders, ReorderLine, ReorderReport, RevenueReport, RevenueRow

FLAG_WORDS = {"reorder": "Reorder now", "ok": "OK", "slow_mover": "Slow — do not reorder",
              "dead_stock": "Dead — do not reorder", "no_demand": "No demand"}
FLAG_TONES = {"reorder": "bad", "ok": "good", "slow_mover": "warn", "dead_stock": "warn", "no_demand": "muted"}
REORDER_FIGURES = ("To reorder now", "Units to order", "Cost to order", "Do not reorder")
REVENUE_FIGURES = ("Revenue", "Cost", "Margin", "Margin rate", "Units sold, net")
CHART_PRODUCTS = 10


def _num(value: Decimal | int | None, places: int = 1) -> str:
    return "—" if value is None else f"{value:,.{places}f}" if isinstance(value, Decimal) else f"{value:,}"


def _sort_cover(ln: ReorderLine) -> float:
    return float(ln.days_of_cover) if ln.days_of_cover is not None else float("inf")


def urgency(lines: Sequence[ReorderLine]) -> dict[str, int]:
    """The service's order (most urgent first) as a number per SKU, so the table can sort back to it."""
    return {ln.sku: n for n, ln in enumerate(lines)}


def reorder_columns(order: dict[str, int]) -> tuple[Column[ReorderLine], ...]:
    return (
        Column("#", lambda ln: str(order.get(ln.sku, 0) + 1), sort=lambda ln: order.get(ln.sku, 0), align=RIGHT,
               raw=lambda ln: order.get(ln.sku, 0) + 1),
        Column("SKU", lambda ln: ln.sku, tooltip=lambda ln: ln.name),
        Column("Flag", lambda ln: FLAG_WORDS.get(ln.flag, ln.flag), tone=lambda ln: FLAG_TONES.get(ln.flag),
               tooltip=lambda ln: ln.advice, raw=lambda ln: ln.flag),
        Column("Order", lambda ln: f"{ln.suggested_qty:,}" if ln.suggested_qty else "—",
               sort=lambda ln: ln.suggested_qty, align=RIGHT, tone=lambda ln: "bad" if ln.suggested_qty else None,
               tooltip=lambda ln: f"packs of {ln.pack_size}", raw=lambda ln: ln.suggested_qty),
        Column("On hand", lambda ln: f"{ln.on_hand:,}", sort=lambda ln: ln.on_hand, align=RIGHT,
               raw=lambda ln: ln.on_hand),
        Column("On order", lambda ln: f"{ln.on_order:,}", sort=lambda ln: ln.on_order, align=RIGHT,
               raw=lambda ln: ln.on_order),
        Column("Per day", lambda ln: _num(ln.daily_demand, 2), sort=lambda ln: ln.daily_demand, align=RIGHT,
               tooltip=lambda ln: f"30 days: {ln.per_day_30}/day · 90 days: {ln.per_day_90}/day ({ln.trend})",
               raw=lambda ln: ln.daily_demand),
        Column("Lead time", lambda ln: f"{ln.lead_time_days} d", sort=lambda ln: ln.lead_time_days, align=RIGHT,
               tooltip=lambda ln: {"measured": "measured from purchase orders", "product": "the product's setting",
                                   "default": "the default (no PO received yet, no setting)"}[ln.lead_time_source],
               raw=lambda ln: ln.lead_time_days),
        Column("Cover", lambda ln: "—" if ln.days_of_cover is None else f"{ln.days_of_cover} d", sort=_sort_cover,
               align=RIGHT, tone=lambda ln: "bad" if ln.days_of_cover is not None and ln.flag == "reorder"
               and ln.days_of_cover < ln.lead_time_days else None, raw=lambda ln: ln.days_of_cover),
        Column("Reorder point", lambda ln: f"{ln.reorder_point:,}", sort=lambda ln: ln.reorder_point, align=RIGHT,
               tooltip=lambda ln: f"lead-time demand + safety stock {ln.safety_stock} "
                                  f"({ln.service_level * 100:.0f} % service level)", raw=lambda ln: ln.reorder_point),
        Column("Supplier", lambda ln: ln.supplier or "—"),
        Column("Turnover", lambda ln: _num(ln.turnover, 2), sort=lambda ln: ln.turnover or 0, align=RIGHT,
               raw=lambda ln: ln.turnover),
        Column("Mean age", lambda ln: "—" if ln.mean_days_in_stock is None else f"{ln.mean_days_in_stock} d",
               sort=lambda ln: ln.mean_days_in_stock or 0, align=RIGHT, raw=lambda ln: ln.mean_days_in_stock),
        Column("Advice", lambda ln: ln.advice),
    )


def reorder_figures(r: ReorderReport) -> list[tuple[str, str, str]]:
    wanted = r.to_order
    hold = [ln for ln in r.lines if ln.flag in ("slow_mover", "dead_stock")]
    cost = sum((ln.unit_cost * ln.suggested_qty for ln in wanted), Decimal("0.00"))
    return [
        ("To reorder now", plural(len(wanted), "product"), ", ".join(ln.sku for ln in wanted)),
        ("Units to order", f"{sum(ln.suggested_qty for ln in wanted):,}", "rounded up to each supplier's pack size"),
        ("Cost to order", money(cost), "at the last PO's price (else the product's cost)"),
        ("Do not reorder", plural(len(hold), "product"), "slow movers and dead stock: " +
         (", ".join(ln.sku for ln in hold) or "none")),
    ]


def reorder_chart(r: ReorderReport) -> QChart:
    """Days of cover against the lead time, for the most urgent products that are worth reordering (a slow
    mover's hundreds of days would flatten every bar that matters)."""
    top = [ln for ln in r.lines if ln.flag in ("reorder", "ok")][:CHART_PRODUCTS]
    title = "Days of stock left against the lead time (most urgent first; slow and dead stock left out)"
    return bar_chart(title, [ln.sku for ln in top],
                     [Bars("Days of cover", [float(ln.days_of_cover or 0) for ln in top]),
                      Bars("Lead time (days)", [float(ln.lead_time_days) for ln in top])], value_title="days")


def drafts_text(d: DraftOrders) -> str:
    made = "; ".join(f"{o.number} to {o.supplier} ({plural(sum(q for _, q in o.lines), 'unit')}, {money(o.total_cost)})"
                     for o in d.orders)
    left = f" Not ordered: {'; '.join(d.skipped)}." if d.skipped else ""
    return f"Drafted {made}.{left}"


class ReorderTab(ReportTab):
    """The reorder table with a button that drafts the purchase orders."""

    sig_draft = Signal()

    def _body(self) -> QSplitter:
        splitter = super()._body()
        splitter.setStretchFactor(0, 2)  # the table is what the buyer reads: it gets the room
        splitter.setStretchFactor(1, 3)
        return splitter

    def _footer(self, note: str) -> QHBoxLayout:
        footer = super()._footer(note)
        self.draft_button = QPushButton("Draft purchase orders", self)
        self.draft_button.setProperty("role", "primary")
        self.draft_button.setToolTip("One open purchase order per supplier with every suggestion above, all at once")
        self.draft_button.setEnabled(False)
        self.draft_button.clicked.connect(self.sig_draft.emit)
        footer.insertWidget(1, self.draft_button)
        return footer

    order: dict[str, int]  # the "#" column's numbers: the service's order, most urgent first

    def show_advice(self, r: ReorderReport) -> None:
        self.order.clear()
        self.order.update(urgency(r.lines))
        for caption, text, tip in reorder_figures(r):
            self.figure(caption, text, tip)
        self.chart_view.show_chart(reorder_chart(r))
        self.show_rows(r.lines)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.draft_button.setEnabled(bool(r.to_order))


def new_reorder_tab(parent: QWidget) -> ReorderTab:
    order: dict[str, int] = {}
    columns = reorder_columns(order)
    tab = ReorderTab(REORDER_FIGURES, columns,
                     "Reorder point = demand during the lead time + safety stock (z · σ · √lead time); an order "
                     "brings stock to 30 days beyond the lead time, in whole packs. Most urgent first.",
                     stretch=len(columns) - 1, parent=parent)
    tab.order = order
    return tab


# --- revenue ------------------------------------------------------------------------------------------------

def month_text(r: RevenueRow) -> str:
    """'2026-03' → 'Mar 2026' (as the turnover tab names months)."""
    try:
        return f"{date.fromisoformat(r.key + '-01'):%b %Y}"
    except ValueError:
        return r.key


REVENUE_COLUMNS: tuple[Column[RevenueRow], ...] = (
    Column("Month", month_text, sort=lambda r: r.key, raw=lambda r: r.key),
    Column("Units", lambda r: f"{r.units:,}", sort=lambda r: r.units, align=RIGHT, raw=lambda r: r.units),
    Column("Returned", lambda r: f"{r.units_returned:,}", sort=lambda r: r.units_returned, align=RIGHT,
           raw=lambda r: r.units_returned),
    Column("Revenue", lambda r: money(r.revenue), sort=lambda r: r.revenue, align=RIGHT, raw=lambda r: r.revenue),
    Column("Cost", lambda r: money(r.cost), sort=lambda r: r.cost, align=RIGHT, raw=lambda r: r.cost),
    Column("Margin", lambda r: money(r.margin), sort=lambda r: r.margin, align=RIGHT, raw=lambda r: r.margin,
           tone=lambda r: "bad" if r.margin < 0 else None),
    Column("Margin rate", lambda r: "—" if r.margin_rate is None else f"{r.margin_rate * 100:.1f} %",
           sort=lambda r: r.margin_rate or 0, align=RIGHT, raw=lambda r: r.margin_rate, kind="percent"),
)


def revenue_figures(r: RevenueReport) -> list[tuple[str, str, str]]:
    t = r.total
    rate = "—" if t.margin_rate is None else f"{t.margin_rate * 100:.1f} %"
    return [("Revenue", money(t.revenue), f"sold {money(t.gross_revenue)}, refunded {money(t.returns)}"),
            ("Cost", money(t.cost), "cost of the units sold, less those returned to stock"),
            ("Margin", money(t.margin), "revenue − cost"), ("Margin rate", rate, "margin ÷ revenue"),
            ("Units sold, net", f"{t.units:,}", f"{t.units_sold:,} sold, {t.units_returned:,} returned")]


def revenue_chart(r: RevenueReport) -> QChart:
    return bar_chart("Revenue and margin per month", [month_text(row) for row in r.rows],
                     [Bars("Revenue", [float(row.revenue) for row in r.rows]),
                      Bars("Margin", [float(row.margin) for row in r.rows])], value_title="money")


def new_revenue_tab(parent: QWidget) -> ReportTab:
    return ReportTab(REVENUE_FIGURES, REVENUE_COLUMNS,
                     "Revenue = prices of the units sold − refunds of the units returned; margin = revenue − cost. "
                     "The shop's local days.", parent=parent)
