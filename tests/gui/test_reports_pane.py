"""The reports pane: the charts and figures for a shop whose every move is known, the period, and CSV export."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QStackedBarSeries
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.reports import Reports, ReportsPane
from serialdesk.gui.widgets.report_tab import ReportTab

from .conftest import Shop

pytestmark = pytest.mark.gui


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)


@pytest.fixture
def known_shop(shop: Shop) -> Shop:
    """Today is 3 Mar 2026 (the test clock). Drills (cost 80): SN001–SN004 from Makita on 10 Jan; SN001 sold
    1 Feb and returned to quarantine, SN002 sold 1 Mar. Saws (cost 50): SW01, SW02 from Bosch on 15 Feb."""
    s = shop.services
    s.catalogue.add_product("SAW-190", "Circular saw 190 mm", cost="50.00", price="99.00", warranty_months=12)
    bosch = s.catalogue.add_supplier("Bosch Nordic")
    s.receiving.receive_units(supplier=shop.supplier.number, sku="DRL-18V", serials=["SN001", "SN002", "SN003",
                                                                                       "SN004"], at=at("2026-01-10"))
    s.receiving.receive_units(supplier=bosch.number, sku="SAW-190", serials=["SW01", "SW02"], at=at("2026-02-15"))
    s.sales.sell_items(shop.customer.number, ["SN001"], at=at("2026-02-01"))
    s.sales.sell_items(shop.customer.number, ["SN002"], at=at("2026-03-01"))
    s.sales.return_item("SN001", to="quarantine", reason="does not charge")
    return shop


def open_reports(qtbot: QtBot, window: MainWindow) -> tuple[ReportsPane, Reports]:
    pane = window.panes["reports"]
    assert isinstance(pane, ReportsPane)
    with qtbot.waitSignal(pane.sig_shown, timeout=10_000) as shown:
        window.show_pane("reports")
    return pane, shown.args[0]


def bars(tab: ReportTab) -> tuple[int, list[str], list[list[float]]]:
    """(bar series in the chart, categories, the values of each bar set)."""
    series = [s for s in tab.chart_view.chart().series()]
    bar_series = tab.chart_view.bar_series()
    assert bar_series is not None
    axis = next(a for a in tab.chart_view.chart().axes() if isinstance(a, QBarCategoryAxis))
    values = [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in bar_series.barSets()]
    return len(series), list(axis.categories()), values


def test_turnover_shows_cogs_and_average_inventory_for_each_month_of_the_period(
    qtbot: QtBot, known_shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane, shown = open_reports(qtbot, open_window())
    series, months, values = bars(pane.tabs["turnover"])

    assert series == 1 and len(months) == 13 and months[0] == "Mar 2025" and months[-1] == "Mar 2026"
    cogs, average = values
    assert len(cogs) == len(average) == 13
    assert cogs[-3:] == [0.0, 80.0, 80.0]  # Jan, Feb (SN001), Mar (SN002)
    assert average[-3] > 0 and average[0] == 0.0
    assert pane.tabs["turnover"].figures["Cost of goods sold"].value.text() == "160.00"
    assert shown.turnover.turnover is not None
    assert pane.tabs["turnover"].figures["Turnover"].value.text() == f"{shown.turnover.turnover:.2f} ×"
    assert pane.ui.fromEdit.date().toPython().isoformat() == "2025-03-04"


def test_stock_aging_and_suppliers_are_charted_per_product_band_and_supplier(
    qtbot: QtBot, known_shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane, _ = open_reports(qtbot, open_window())

    assert bars(pane.tabs["stock"]) == (1, ["DRL-18V", "SAW-190"], [[160.0, 100.0]])

    aging = pane.tabs["aging"]
    series, bands, per_product = bars(aging)
    assert isinstance(aging.chart_view.bar_series(), QStackedBarSeries)
    assert (series, bands) == (1, ["0-30 days", "31-90 days", "91-180 days", "180+ days"])
    assert per_product == [[0.0, 2.0, 0.0, 0.0], [2.0, 0.0, 0.0, 0.0]]  # drills 52 days old, saws 16
    assert aging.figures["Oldest unit"].value.text() == "52 days"

    series, suppliers, rates = bars(pane.tabs["suppliers"])
    assert series == 1 and sorted(suppliers) == ["Bosch Nordic", "Makita Europe"]
    makita = suppliers.index("Makita Europe")
    assert rates[0][makita] == 25.0 and rates[1][makita] == 0.0  # 1 of 4 returned, none repaired
    assert pane.tabs["suppliers"].rows.rowCount() == 2


def test_a_shorter_period_redraws_the_months_and_the_table_exports_as_csv(
    qtbot: QtBot, known_shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    pane, _ = open_reports(qtbot, open_window())
    with qtbot.waitSignal(pane.sig_shown, timeout=10_000) as shown:
        pane.ui.periodCombo.setCurrentIndex(1)
        pane.ui.periodCombo.activated.emit(1)  # "This year", as a click on the list would
    assert shown.args[0].turnover.first_day.isoformat() == "2026-01-01"
    assert bars(pane.tabs["turnover"])[1] == ["Jan 2026", "Feb 2026", "Mar 2026"]

    with qtbot.waitSignal(pane.sig_file_written, timeout=5000):
        pane.export_csv("turnover", tmp_path / "turnover.csv")
    with (tmp_path / "turnover.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Month", "From", "To", "Days", "Cost of goods sold", "Average inventory"]
    assert [r[0] for r in rows[1:]] == ["2026-01", "2026-02", "2026-03"]
    assert rows[2][1:5] == ["2026-02-01", "2026-02-28", "28", "80.00"]


def test_the_save_dialog_offers_xlsx_and_the_workbook_has_typed_cells(
    qtbot: QtBot, known_shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    pane, _ = open_reports(qtbot, open_window())
    asked: list[str] = []

    def dialog(_parent: object, _title: str, _start: str, filters: str) -> tuple[str, str]:
        asked.append(filters)  # the user types a name without extension and picks the workbook type
        return str(tmp_path / "suppliers"), "Excel workbooks (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    with qtbot.waitSignal(pane.sig_file_written, timeout=5000) as written:
        pane.tabs["suppliers"].export_button.click()
    assert "*.xlsx" in asked[0] and "*.csv" in asked[0]
    assert written.args[0] == str(tmp_path / "suppliers.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "suppliers.xlsx").active
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b and sheet["A1"].value == "Supplier"
    makita = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Makita Europe")
    assert (makita[2].value, makita[3].value) == (4, 1)  # received, returned: integers
    assert (makita[4].value, makita[4].number_format) == (0.25, "0.0%")

    with qtbot.waitSignal(pane.sig_file_written, timeout=5000):
        pane.export_csv("turnover", tmp_path / "turnover.xlsx")
    months = openpyxl.load_workbook(tmp_path / "turnover.xlsx").active
    row = [c for c in months[3]]  # Feb 2025 … the third month of the default twelve
    assert row[1].is_date and row[1].number_format == "yyyy-mm-dd" and isinstance(row[3].value, int)
    assert row[4].data_type == "n" and row[4].number_format == "#,##0.00"


def test_an_xlsx_that_cannot_be_written_says_why_and_leaves_nothing(
    qtbot: QtBot, known_shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    pane, _ = open_reports(qtbot, open_window())
    out = tmp_path / "out"
    out.mkdir()
    (out / "aging.xlsx").mkdir()
    said: list[str] = []
    pane.ui.banner.bad = said.append  # type: ignore[method-assign]
    pane.export_csv("aging", out / "aging.xlsx")
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said == [f"Cannot write {out / 'aging.xlsx'}: it is a folder."]
    pane.export_csv("aging", out / "no-such-folder" / "aging.xlsx")
    qtbot.waitUntil(lambda: len(said) == 2, timeout=5000)
    assert said[1] == f"Cannot write {out / 'no-such-folder' / 'aging.xlsx'}: the folder does not exist."
    assert [p.name for p in out.iterdir()] == ["aging.xlsx"]
