"""The buyer's tabs of the reports pane (issue 17), in the demo shop: the reorder table (most urgent first, flags
coloured) with its "Draft purchase orders" button, and revenue and margin per month with a chart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import Services
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.models.table import TONES
from serialdesk.gui.panes.reports import Reports, ReportsPane
from serialdesk.services.demo import FAST_MOVER, build_demo_shop
from serialdesk.services.dto.buying import DraftOrders

pytestmark = pytest.mark.gui

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # the test clock
FAN = FAST_MOVER[0]  # the demo's battery pack


@pytest.fixture
def demo_with_fan(admin_services: Services) -> Services:
    """The demo shop as `serialdesk demo` builds it: among its products a battery pack that sells 2 a day (every
    one of the last 90 days), has a 14-day lead time, comes in packs of 10 and has 10 left in stock."""
    build_demo_shop(admin_services, items=430, seed=7, now=NOW)  # 240 of the year, 190 of the battery
    return admin_services


def open_reports(qtbot: QtBot, window: MainWindow) -> tuple[ReportsPane, Reports]:
    pane = window.panes["reports"]
    assert isinstance(pane, ReportsPane)
    with qtbot.waitSignal(pane.sig_shown, timeout=30_000) as shown:
        window.show_pane("reports")
    return pane, shown.args[0]


def cell(pane: ReportsPane, row: int, title: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    tab = pane.reorder_tab
    column = [c.title for c in tab.columns].index(title)
    model = tab.table.model()
    return model.data(model.index(row, column), role)


def test_the_battery_selling_2_a_day_with_14_days_lead_time_and_10_in_stock_is_at_the_top(
    qtbot: QtBot, demo_with_fan: Services, open_window: Callable[..., MainWindow]
) -> None:
    pane, shown = open_reports(qtbot, open_window())
    pane.ui.tabs.setCurrentWidget(pane.reorder_tab)
    assert shown.reorder is not None and shown.reorder.lines[0].sku == FAN
    assert (cell(pane, 0, "#"), cell(pane, 0, "SKU"), cell(pane, 0, "Flag")) == ("1", FAN, "Reorder now")
    assert (cell(pane, 0, "On hand"), cell(pane, 0, "Per day"), cell(pane, 0, "Lead time"),
            cell(pane, 0, "Cover"), cell(pane, 0, "Order")) == ("10", "2.00", "14 d", "5.0 d", "80")  # 78, in 10s
    assert cell(pane, 0, "Flag", Qt.ItemDataRole.ForegroundRole).color().name() == TONES["bad"]  # type: ignore[attr-defined]
    rows = pane.reorder_tab.rows.rowCount()
    assert rows == 9  # the demo's 9 products
    flags = [cell(pane, n, "Flag") for n in range(rows)]
    ranks = {"Reorder now": 0, "OK": 1, "Slow — do not reorder": 2, "Dead — do not reorder": 3, "No demand": 4}
    assert [ranks[f] for f in flags] == sorted(ranks[f] for f in flags)  # most urgent first
    for n, flag in enumerate(flags):
        if "do not reorder" in str(flag):
            assert cell(pane, n, "Order") == "—"
    assert pane.reorder_tab.figures["To reorder now"].value.text().endswith("product" if flags.count(
        "Reorder now") == 1 else "products")
    assert pane.reorder_tab.chart_view.bar_series() is not None
    assert pane.reorder_tab.draft_button.isEnabled()


def test_draft_purchase_orders_from_the_reorder_tab(
    qtbot: QtBot, demo_with_fan: Services, open_window: Callable[..., MainWindow]
) -> None:
    pane, _ = open_reports(qtbot, open_window())
    with qtbot.waitSignal(pane.sig_shown, timeout=30_000), \
            qtbot.waitSignal(pane.sig_drafted, timeout=30_000) as drafted:
        qtbot.mouseClick(pane.reorder_tab.draft_button, Qt.MouseButton.LeftButton)
    drafts = drafted.args[0]
    assert isinstance(drafts, DraftOrders) and drafts.orders
    fan_po = next(o for o in drafts.orders if (FAN, 80) in o.lines)
    assert fan_po.supplier == "Nordic Tools Wholesale"

    def fan_row() -> int:
        return next(n for n in range(pane.reorder_tab.rows.rowCount()) if cell(pane, n, "SKU") == FAN)

    qtbot.waitUntil(lambda: cell(pane, fan_row(), "On order") == "80", timeout=30_000)  # the reload after drafting
    assert fan_po.number in pane.ui.banner.text() and pane.ui.banner.tone == "good"  # still said after reloads
    assert (cell(pane, fan_row(), "On order"), cell(pane, fan_row(), "Order")) == ("80", "—")
    assert not pane.reorder_tab.draft_button.isEnabled()  # nothing left to order


def test_revenue_per_month_with_a_chart(
    qtbot: QtBot, demo_with_fan: Services, open_window: Callable[..., MainWindow]
) -> None:
    pane, shown = open_reports(qtbot, open_window())
    revenue = shown.revenue
    assert revenue is not None and revenue.by == "month" and len(revenue.rows) == 13
    tab = pane.tabs["revenue"]
    assert tab.rows.rowCount() == 13 and tab.chart_view.bar_series() is not None
    bar_sets = tab.chart_view.bar_series().barSets()  # type: ignore[union-attr]
    assert [b.label() for b in bar_sets] == ["Revenue", "Margin"]
    assert sum(bar_sets[0].at(i) for i in range(13)) == pytest.approx(float(revenue.total.revenue))
    assert tab.figures["Margin"].value.text() != "—"
    assert revenue.total.units_sold >= 180  # the battery's sales at least
