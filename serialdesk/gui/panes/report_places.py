"""The stock report by location (issue 15): the Stock tab's "By location" option lists the units in stock per
location and product (what `report stock --by location` gives), with a chart of value at cost per location.
Unticked, the tab is the stock by product it always was; the CSV export takes whichever table is shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import QChart
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from serialdesk.gui.charts import Bars, bar_chart
from serialdesk.gui.formats import money
from serialdesk.gui.models.table import RIGHT, Column, RowsModel, sorted_view
from serialdesk.gui.widgets.report_tab import ReportTab
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto.supply import LocationStockLine, StockByLocation

PLACE_COLUMNS: tuple[Column[LocationStockLine], ...] = (
    Column("Location", lambda ln: ln.location),
    Column("Branch", lambda ln: ln.branch or "main shop"),
    Column("Product", lambda ln: ln.sku),
    Column("Name", lambda ln: ln.name),
    Column("Units in stock", lambda ln: str(ln.in_stock), sort=lambda ln: ln.in_stock, align=RIGHT,
           raw=lambda ln: ln.in_stock),
    Column("Value at cost", lambda ln: money(ln.value_at_cost), sort=lambda ln: ln.value_at_cost, align=RIGHT,
           raw=lambda ln: ln.value_at_cost),
)


def places_chart(report: StockByLocation) -> QChart:
    return bar_chart("Stock by location · value at cost", [p.location for p in report.locations],
                     [Bars("Value at cost", [float(p.value_at_cost) for p in report.locations])],
                     value_title="value at cost")


def places_figures(report: StockByLocation) -> list[tuple[str, str, str]]:
    busiest = max(report.locations, key=lambda p: p.in_stock, default=None)
    return [("Units in stock", f"{report.total_units:,}", "In every location, in transit too"),
            ("Value at cost", money(report.total_value), ""),
            ("Products in stock", str(len({ln.sku for ln in report.lines if ln.in_stock})),
             f"Most units: {busiest.location} ({busiest.in_stock:,})" if busiest else "")]


class StockTab(ReportTab):
    """The Stock tab, with its "By location" option."""

    sig_places_shown = Signal(object)  # StockByLocation

    def __init__(self, figures: Sequence[str], columns: Sequence[Column[Any]], note: str, *, stretch: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(figures, columns, note, stretch=stretch, parent=parent)
        self.pane: Any = parent  # the reports pane: its services, its task runner, its reports shown
        self.by_product, self.product_columns = self.rows, self.columns
        self.product_view = self.table.model()
        self.places: RowsModel[LocationStockLine] = RowsModel(PLACE_COLUMNS, self)
        self.places_view = sorted_view(self.places)
        self._fitted = False
        self.by_location = QCheckBox("By location", self)
        self.by_location.setObjectName("byLocationCheck")
        self.by_location.setToolTip("Units in stock per location and product (tick again to see them by product)")
        footer = self._footer_row()
        footer.insertWidget(footer.indexOf(self.export_button), self.by_location)
        self.by_location.toggled.connect(self._switch)

    def _footer_row(self) -> QHBoxLayout:
        layout = self.layout()
        for i in range(layout.count()):
            inner = layout.itemAt(i).layout()
            if isinstance(inner, QHBoxLayout) and inner.indexOf(self.export_button) >= 0:
                return inner
        raise LookupError("the stock tab has no footer")

    def show_rows(self, rows: Sequence[Any]) -> None:
        """The pane's stock by product (each time it works the reports out): kept, and shown unless the tab
        shows the stock by location — which is then fetched again, as stock may have moved."""
        self.by_product.set_rows(rows)
        if self.by_location.isChecked():
            self.load_places()
        else:
            self.export_button.setEnabled(bool(rows))

    def _switch(self, on: bool) -> None:
        if on:
            self.rows, self.columns = self.places, PLACE_COLUMNS
            self.table.setModel(self.places_view)
            if not self._fitted:
                fit_columns(self.table, (0, 1, 2, 4, 5), stretch=3)
                self._fitted = True
            self.load_places()
            return
        self.rows, self.columns = self.by_product, self.product_columns
        self.table.setModel(self.product_view)
        self.export_button.setEnabled(bool(self.by_product.rowCount()))
        shown = getattr(self.pane, "shown", None)
        if shown is not None:  # the by-product chart and figures again
            from serialdesk.gui.panes import report_views as views

            rows = views.stock_rows(shown.stock)
            for caption, text, tip in views.stock_figures(shown.stock, rows):
                self.figure(caption, text, tip)
            self.chart_view.show_chart(views.stock_chart(rows))

    def load_places(self) -> None:
        reports = self.pane.services.reports
        self.pane.call(reports.stock_by_location, self.show_places, self.pane.ui.banner.bad,
                       label="work out stock by location")

    def show_places(self, report: StockByLocation) -> None:
        if not self.by_location.isChecked():
            return
        self.places.set_rows(report.lines)
        for caption, text, tip in places_figures(report):
            self.figure(caption, text, tip)
        self.chart_view.show_chart(places_chart(report))
        self.export_button.setEnabled(bool(report.lines))
        self.sig_places_shown.emit(report)
