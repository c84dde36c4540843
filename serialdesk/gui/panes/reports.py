"""F7 Reports (managers): turnover by month, stock by product, aging bands, supplier quality, reorder advice
(with "Draft purchase orders") and revenue and margin — each a chart, the figures that matter, and the table
behind the chart as CSV. Definitions: docs/reports.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.gui.generated.ui_reports_pane import Ui_ReportsPane
from serialdesk.gui.models.export import TABLE_FILES, with_extension, write_table_csv
from serialdesk.gui.panes import report_reorder as buying
from serialdesk.gui.panes import report_views as views
from serialdesk.gui.panes.base import Pane
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.report_tab import ReportTab
from serialdesk.services.dto import AgingReport, StockReport, SupplierQualityReport, TurnoverReport
from serialdesk.services.dto.buying import DraftOrders, ReorderReport, RevenueReport
from serialdesk.services.reports import ReportService

PERIODS = ("Last 12 months", "This year", "Last year", "Chosen dates")
CHOSEN = len(PERIODS) - 1


@dataclass(frozen=True)
class Reports:
    turnover: TurnoverReport
    stock: StockReport
    aging: AgingReport
    suppliers: SupplierQualityReport
    reorder: ReorderReport | None = None
    revenue: RevenueReport | None = None


def work_out(reports: ReportService, first: date | None, last: date | None,
             services: Services | None = None) -> Reports:
    """All the reports (on the worker). Without dates the turnover's own default period (the 365 days up to
    today) is used, and the suppliers' units are those received in that same period; revenue by month over
    the same days. Reorder advice (and revenue) when ``services`` are given."""
    turnover = reports.turnover(first, last)
    reorder = services.reorder.advice() if services is not None else None
    revenue = (services.revenue.revenue(turnover.first_day, turnover.last_day, "month")
               if services is not None else None)
    return Reports(turnover, reports.stock(), reports.aging(),
                   reports.supplier_quality(turnover.first_day, turnover.last_day), reorder, revenue)


def preset_period(preset: int, today: date) -> tuple[date, date]:
    if preset == 1:
        return date(today.year, 1, 1), today
    if preset == 2:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return today - timedelta(days=364), today


class ReportsPane(Pane):
    title = "Reports"
    help_topic = "reports"
    sig_shown = Signal(object)  # Reports
    sig_file_written = Signal(str)
    sig_drafted = Signal(object)  # DraftOrders

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_ReportsPane()
        self.ui.setupUi(self)
        self.shown: Reports | None = None
        self.today: date | None = None
        self._stale = True
        self._drafted_text = ""
        self.ui.titleLabel.setProperty("role", "paneTitle")
        self.tabs = {
            "turnover": ReportTab(views.TURNOVER_FIGURES, views.MONTH_COLUMNS,
                                  "Turnover = cost of goods sold ÷ average inventory (mean of the daily closing "
                                  "values); days of inventory = days in the period ÷ turnover.", parent=self),
            "stock": views.StockTab(views.STOCK_FIGURES, views.STOCK_COLUMNS,
                               "Units in stock now, valued at the cost they were received at.", stretch=1,
                               parent=self),
            "aging": ReportTab(views.AGING_FIGURES, views.AGING_COLUMNS,
                               "Days in stock count from the day a unit last entered stock (a return to stock "
                               "starts the count again).", stretch=1, parent=self),
            "suppliers": ReportTab(views.SUPPLIER_FIGURES, views.SUPPLIER_COLUMNS,
                                   "Of the units received from each supplier in the period: how many a customer "
                                   "returned, and how many were repaired under warranty (each unit counts once).",
                                   parent=self),
        }
        self.reorder_tab = buying.new_reorder_tab(self)
        self.tabs["reorder"] = self.reorder_tab
        self.tabs["revenue"] = buying.new_revenue_tab(self)
        self.reorder_tab.sig_draft.connect(self.draft_orders)
        names = ("Turnover", "Stock", "Aging", "Suppliers", "Reorder", "Revenue")
        for (key, tab), name in zip(self.tabs.items(), names, strict=True):
            self.ui.tabs.addTab(tab, name)
            tab.sig_export.connect(lambda k=key: self.ask_export(k))
        self.ui.periodCombo.addItems(PERIODS)
        self._connect()

    def _connect(self) -> None:
        ui = self.ui
        ui.periodCombo.activated.connect(self._preset_chosen)
        ui.fromEdit.userDateChanged.connect(self._dates_edited)
        ui.toEdit.userDateChanged.connect(self._dates_edited)
        ui.refreshButton.clicked.connect(self.ask_again)
        self.shortcut("F5", self.ask_again)

    # --- loading ---------------------------------------------------------------------------------------------

    def activate(self) -> None:
        if self._stale:
            self.reload()

    def ask_again(self) -> None:
        """The user asks for the figures again: what was said about drafted orders has been read."""
        self._drafted_text = ""
        self.reload()

    def refresh(self, changes: Changes) -> None:
        if not changes.touches("stock", "sales", "catalogue", "drafts", "tickets"):
            return
        self._stale = True  # something was received, sold or returned: worked out again when next shown
        if self.isVisible():
            self.reload()

    def period(self) -> tuple[date | None, date | None]:
        if self.today is None:
            return None, None
        return self.ui.fromEdit.date().toPython(), self.ui.toEdit.date().toPython()  # type: ignore[return-value]

    def reload(self) -> None:
        first, last = self.period()
        if first and last and last < first:
            self.ui.banner.bad("The period ends before it starts: choose the dates again.")
            return
        self._stale = False
        self.ui.banner.say("Working out the reports…")
        reports, services = self.services.reports, self.services
        self.call(lambda: work_out(reports, first, last, services), self.show_reports, self._failed,
                  label="work out the reports")

    def _failed(self, message: str) -> None:
        self._stale = True
        self.ui.banner.bad(message)

    def show_reports(self, r: Reports) -> None:
        self.shown = r
        if self.today is None:  # the first time: the services' today decides the presets
            self.today = r.turnover.last_day
            self._set_dates(r.turnover.first_day, r.turnover.last_day)
        self._show_turnover(r.turnover)
        rows = views.stock_rows(r.stock)
        self._show(self.tabs["stock"], views.stock_figures(r.stock, rows), views.stock_chart(rows), rows)
        self._show(self.tabs["aging"], views.aging_figures(r.aging), views.aging_chart(r.aging), r.aging.products)
        self._show(self.tabs["suppliers"], views.supplier_figures(r.suppliers), views.supplier_chart(r.suppliers),
                   r.suppliers.suppliers)
        if r.reorder is not None:
            self.reorder_tab.show_advice(r.reorder)
        if r.revenue is not None:
            self._show(self.tabs["revenue"], buying.revenue_figures(r.revenue), buying.revenue_chart(r.revenue),
                       r.revenue.rows)
        t = r.turnover
        self.ui.banner.say(f"Turnover {views.period_text(t.first_day, t.last_day)} ({t.days} days) · stock and "
                           "aging as of today · figures at cost, UTC days.")
        if self._drafted_text:  # kept through reloads another station's changes cause, until the user asks again
            self.ui.banner.good(self._drafted_text)
        self.sig_shown.emit(r)

    def _show_turnover(self, t: TurnoverReport) -> None:
        self._show(self.tabs["turnover"], views.turnover_figures(t), views.turnover_chart(t), t.months)

    @staticmethod
    def _show(tab: ReportTab, figures: list[tuple[str, str, str]], chart: object, rows: object) -> None:
        for caption, text, tip in figures:
            tab.figure(caption, text, tip)
        tab.chart_view.show_chart(chart)  # type: ignore[arg-type]
        tab.show_rows(rows)  # type: ignore[arg-type]

    # --- drafting purchase orders ------------------------------------------------------------------------------

    def draft_orders(self) -> None:
        """Every suggestion of the reorder tab as purchase orders, one per supplier, in one transaction."""
        self.reorder_tab.draft_button.setEnabled(False)
        self.ui.banner.say("Drafting the purchase orders…")
        reorder = self.services.reorder
        self.call(reorder.draft_orders, self._drafted, self._draft_failed, label="draft the purchase orders")

    def _drafted(self, drafts: DraftOrders) -> None:
        self._drafted_text = buying.drafts_text(drafts)  # said again once the reports are worked out anew
        self.ui.banner.good(self._drafted_text)
        self.sig_drafted.emit(drafts)
        self.reload()  # what was ordered is on order now

    def _draft_failed(self, message: str) -> None:
        self.ui.banner.bad(message)
        self.reorder_tab.draft_button.setEnabled(True)

    # --- the period ------------------------------------------------------------------------------------------

    def _set_dates(self, first: date, last: date) -> None:
        for edit, value in ((self.ui.fromEdit, first), (self.ui.toEdit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)

    def _preset_chosen(self, index: int) -> None:
        if index == CHOSEN or self.today is None:
            return
        self._set_dates(*preset_period(index, self.today))
        self.ask_again()

    def _dates_edited(self, _date: QDate) -> None:
        self.ui.periodCombo.setCurrentIndex(CHOSEN)

    # --- CSV -------------------------------------------------------------------------------------------------

    def ask_export(self, key: str) -> None:
        first, last = self.period()
        suggested = Path.home() / f"{key}-{first or 'now'}-{last or ''}.csv".replace("--", "-").replace("-.", ".")
        path, chosen = QFileDialog.getSaveFileName(self, f"Export the {key} table", str(suggested), TABLE_FILES)
        if path:
            self.export_csv(key, with_extension(path, chosen))

    def export_csv(self, key: str, path: str | Path) -> None:
        tab = self.tabs[key]
        rows, columns = tab.rows.rows(), tab.columns
        self.call(lambda: write_table_csv(path, columns, rows), self._written, self.ui.banner.bad,
                  label=f"export the {key} table")

    def _written(self, path: Path) -> None:
        self.ui.banner.offer_open(f"Saved {path}.", path)
        self.sig_file_written.emit(str(path))
