"""Purchasing (F9): purchase orders to suppliers — their lines, the supplier's shipping notice and its
checklist of expected serials (received / missing / not on the notice), and what is due this week.

New PO, Add line, Load notice (a CSV or the supplier's EPCIS shipment), Close and Cancel are the buttons;
receiving against a PO happens in Receiving. The checklist of the PO shown is updated in place when something
is received (here or at another station): the rows that changed repaint, the table is never rebuilt for the
same PO."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.gui.models.table import ROW_ROLE
from serialdesk.gui.panes.base import Pane
from serialdesk.gui.panes.purchasing_actions import PurchasingActions
from serialdesk.gui.panes.purchasing_layout import build
from serialdesk.gui.tasks import TaskRunner
from serialdesk.services.dto.supply import PurchaseOrderView
from serialdesk.workflows.purchasing import MISSING, NOT_ON_NOTICE, RECEIVED, due_lines, supply


class PurchasingPane(Pane):
    title = "Purchasing"
    help_topic = "purchasing"
    sig_loaded = Signal()  # orders (and the one shown) fetched
    sig_order_shown = Signal(object)  # PurchaseOrderView
    buttons: dict[str, QPushButton]  # new, line, notice, close, cancel (built by purchasing_layout)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.supply = supply(services)
        self.clock = services.receiving.clock
        self.current: PurchaseOrderView | None = None
        self.actions = PurchasingActions(self, self)
        self._split_set = False
        self._stale = True
        self._build()
        self._connect()

    # --- building ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        build(self)  # the widgets: purchasing_layout

    def _connect(self) -> None:
        a = self.actions
        self.buttons["new"].clicked.connect(a.ask_new_order)
        self.buttons["line"].clicked.connect(a.ask_line)
        self.buttons["notice"].clicked.connect(a.ask_notice)
        self.buttons["close"].clicked.connect(lambda: a.ask_close(False))
        self.buttons["cancel"].clicked.connect(lambda: a.ask_close(True))
        self.shortcut("Ctrl+N", a.ask_new_order)
        self.show_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.orders_view.selectionModel().currentRowChanged.connect(self._picked)
        self.due_view.doubleClicked.connect(self._due_picked)
        self.filter_edit.textChanged.connect(self.by_text.setFilterFixedString)
        self.state_combo.currentIndexChanged.connect(lambda _i: self._filter_state())
        self._enable()

    # --- loading -------------------------------------------------------------------------------------------

    def load(self) -> None:
        purchasing, catalogue = self.supply.purchasing, self.services.catalogue
        open_only = self.show_combo.currentData() == "open"
        shown = self.current.number if self.current else None
        self._stale = False

        def fetch() -> tuple[list[PurchaseOrderView], list[PurchaseOrderView], list, list]:  # type: ignore[type-arg]
            everything = purchasing.orders(open_only=True)
            listed = everything if open_only else purchasing.orders()
            return listed, everything, catalogue.products(), catalogue.suppliers()

        def done(found: tuple[list[PurchaseOrderView], list[PurchaseOrderView], list, list]) -> None:  # type: ignore[type-arg]
            listed, open_orders, products, suppliers = found
            self.actions.products, self.actions.suppliers = products, suppliers
            self.orders.set_rows(listed)
            self.due.set_rows(due_lines(open_orders, self.clock()))
            self.tabs.setTabText(1, f"What is due ({self.due.rowCount()})" if self.due.rowCount() else "What is due")
            number = shown or (listed[0].number if listed else None)
            if not self._select(number) and number is not None:
                self.show_order(number)  # closed or cancelled meanwhile: still shown, with its new status
            self.sig_loaded.emit()
            if number is None:
                self.sig_order_shown.emit(None)

        self.call(fetch, done, self.ui_banner.bad, label="load purchase orders")

    def _select(self, number: str | None) -> bool:
        for row in range(self.orders_sorted.rowCount()):
            index = self.orders_sorted.index(row, 0)
            if index.data() == number:
                self.orders_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.show_order(number)
                return True
        return False

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        order = current.data(ROW_ROLE) if current.isValid() else None
        if isinstance(order, PurchaseOrderView) and (self.current is None or self.current.number != order.number):
            self.show_order(order.number)

    def _due_picked(self, index: QModelIndex) -> None:
        number = index.siblingAtColumn(1).data()
        self.tabs.setCurrentIndex(0)
        self._select(str(number))

    def show_order(self, number: str | None) -> None:
        if number is None:
            return
        purchasing = self.supply.purchasing
        self.call(lambda: (purchasing.order(number), purchasing.not_on_notice(number)),
                  lambda found: self._show(*found), self.ui_banner.bad, label="show a purchase order")

    def shown(self, order: PurchaseOrderView, say: str = "", *, warn: bool = False) -> None:
        """An order a button changed: say so (with its warnings), show it, reload the list."""
        if say:
            (self.ui_banner.warn if warn or order.warnings else self.ui_banner.good)(" ".join((say, *order.warnings)))
        self.current = order
        self.load()

    def _show(self, order: PurchaseOrderView, not_on_notice: tuple[str, ...]) -> None:
        self.current = order
        self.order_title.setText(f"{order.number} · {order.supplier} · {order.status.replace('_', ' ')}\n"
                                 f"{order.received} of {order.ordered} received"
                                 + (f" · {order.note}" if order.note else ""))
        self.order_title.setToolTip(order.note or "")
        self.lines.set_rows(order.lines)
        self.checklist.show_order(order, not_on_notice)
        self._say_counts()
        self._enable()
        self.sig_order_shown.emit(order)

    def _say_counts(self) -> None:
        c = self.checklist.list.counts()
        if not self.checklist.rowCount():
            self.check_counts.setText("No shipping notice loaded: Load notice… takes the supplier's CSV or its "
                                      "EPCIS shipment.")
            return
        self.check_counts.setText(f"{c[RECEIVED]} received · {c[MISSING]} missing · "
                                  f"{c[NOT_ON_NOTICE]} not on the notice")

    def _enable(self) -> None:
        receivable = self.current is not None and self.current.status in ("open", "partly_received")
        for key in ("line", "notice", "close"):
            self.buttons[key].setEnabled(receivable)
        self.buttons["cancel"].setEnabled(self.current is not None and self.current.status == "open")

    def _filter_state(self) -> None:
        from PySide6.QtCore import QRegularExpression

        state = str(self.state_combo.currentData() or "")
        self.by_state.setFilterRegularExpression(QRegularExpression(f"^{state}$" if state else ""))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_set:  # the first time it is shown, at the window's width: the list a little wider
            self._split_set = True
            width = self.split.width()
            self.split.setSizes([int(width * 0.6), width - int(width * 0.6)])

    # --- for the window ------------------------------------------------------------------------------------

    def activate(self) -> None:
        if self._stale:
            self.load()
        self.orders_view.setFocus()

    def refresh(self, changes: Changes) -> None:
        """Received, ordered or noticed (here or elsewhere): loaded again now if the pane is shown, else when it
        is next shown — a hidden pane does not queue its reads behind every receiving scan."""
        if changes.touches("drafts", "stock", "catalogue"):
            self._stale = True
            if self.isVisible():
                self.load()

    def handle_scan(self, text: str) -> None:
        """A scan here finds the serial in the checklist of the order shown."""
        self.filter_edit.setText(text.strip())

    def now(self) -> datetime:
        return self.clock()
