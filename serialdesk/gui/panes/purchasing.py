"""Purchasing (F8): purchase orders to suppliers — their lines, the supplier's shipping notice and its
checklist of expected serials (received / missing / not on the notice), and what is due this week.

New PO, Add line, Load notice (CSV), Close and Cancel are the buttons; receiving against a PO happens in
Receiving. The checklist of the PO shown is updated in place when something is received (here or at another
station): the rows that changed repaint, the table is never rebuilt for the same PO."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.gui.models.table import ROW_ROLE, RowsModel, sorted_view
from serialdesk.gui.panes.base import Pane
from serialdesk.gui.panes.purchasing_actions import PurchasingActions
from serialdesk.gui.panes.purchasing_models import (
    DUE_COLUMNS,
    LINE_COLUMNS,
    ChecklistModel,
    order_columns,
)
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto.supply import PurchaseOrderView
from serialdesk.workflows.purchasing import MISSING, NOT_ON_NOTICE, RECEIVED, due_lines, supply

STATES = (("All serials", ""), ("Missing", MISSING), ("Received", RECEIVED), ("Not on notice", NOT_ON_NOTICE))


def table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    return view


class PurchasingPane(Pane):
    title = "Purchasing"
    help_topic = "purchasing"
    sig_loaded = Signal()  # orders (and the one shown) fetched
    sig_order_shown = Signal(object)  # PurchaseOrderView

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.supply = supply(services)
        self.clock = services.receiving.clock
        self.current: PurchaseOrderView | None = None
        self.actions = PurchasingActions(self)
        self._build()
        self._connect()

    # --- building ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.ui_banner = Banner(self)
        self.ui_banner.say("Purchase orders: choose one to see its lines and the supplier's notice.")
        layout.addWidget(self.ui_banner)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip in (("new", "New PO…", "A new purchase order to a supplier (Ctrl+N)"),
                               ("line", "Add line…", "One more product on the chosen order"),
                               ("notice", "Load notice…", "The supplier's shipping notice: a CSV of serials "
                                                          "(columns serial, optional sku and lot)"),
                               ("close", "Close", "Nothing more is coming on the chosen order"),
                               ("cancel", "Cancel order", "Cancel the chosen order (nothing received on it)")):
            button = QPushButton(text, self)
            button.setObjectName(f"{key}Button")
            button.setToolTip(tip)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.show_combo = QComboBox(self)
        for shown, value in (("Open orders", "open"), ("All orders", "all")):
            self.show_combo.addItem(shown, value)
        row.addWidget(QLabel("Show", self))
        row.addWidget(self.show_combo)
        layout.addLayout(row)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.tabs = QTabWidget(split)
        self.orders = RowsModel(order_columns(self.clock), self)
        self.orders_view = table(self.tabs, "ordersView")
        self.orders_sorted = sorted_view(self.orders)
        self.orders_view.setModel(self.orders_sorted)
        fit_columns(self.orders_view, (0, 2, 3, 4, 5), stretch=1)
        self.tabs.addTab(self.orders_view, "Orders")
        self.due = RowsModel(DUE_COLUMNS, self)
        self.due_view = table(self.tabs, "dueView")
        self.due_view.setModel(sorted_view(self.due))
        fit_columns(self.due_view, (0, 1, 3, 5), stretch=4)
        self.tabs.addTab(self.due_view, "What is due")

        right = QWidget(split)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.order_title = QLabel("No order chosen", right)
        self.order_title.setProperty("role", "strong")
        self.order_title.setWordWrap(True)
        side.addWidget(self.order_title)
        self.lines = RowsModel(LINE_COLUMNS, self)
        self.lines_view = table(right, "linesView")
        self.lines_view.setModel(sorted_view(self.lines))
        self.lines_view.setMaximumHeight(170)
        fit_columns(self.lines_view, (0, 2, 3, 4, 5), stretch=1)
        side.addWidget(self.lines_view)
        counts = QHBoxLayout()
        self.check_counts = QLabel("No shipping notice loaded", right)
        self.check_counts.setObjectName("checkCounts")
        counts.addWidget(self.check_counts, 1)
        self.filter_edit = QLineEdit(right)
        self.filter_edit.setPlaceholderText("Find a serial…")
        self.state_combo = QComboBox(right)
        for shown, state in STATES:
            self.state_combo.addItem(shown, state)
        counts.addWidget(self.filter_edit)
        counts.addWidget(self.state_combo)
        side.addLayout(counts)
        self.checklist = ChecklistModel(self)
        self.by_state = sorted_view(self.checklist)
        self.by_state.setFilterKeyColumn(1)
        self.by_text = sorted_view(self.checklist)
        self.by_text.setSourceModel(self.by_state)
        self.by_text.setFilterKeyColumn(0)
        self.check_view = table(right, "checkView")
        self.check_view.setModel(self.by_text)
        self.check_view.setSortingEnabled(False)  # the notice's order; a filter finds a serial
        fit_columns(self.check_view, (1,), stretch=0)
        side.addWidget(self.check_view, 1)
        split.addWidget(self.tabs)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

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
            self._select(number)
            self.sig_loaded.emit()
            if number is None:
                self.sig_order_shown.emit(None)

        self.call(fetch, done, self.ui_banner.bad, label="load purchase orders")

    def _select(self, number: str | None) -> None:
        for row in range(self.orders_sorted.rowCount()):
            index = self.orders_sorted.index(row, 0)
            if index.data() == number:
                self.orders_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.show_order(number)
                return

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

    def shown(self, order: PurchaseOrderView, say: str = "") -> None:
        """An order a button changed: say so (with its warnings), show it, reload the list."""
        if say:
            (self.ui_banner.warn if order.warnings else self.ui_banner.good)(" ".join((say, *order.warnings)))
        self.current = order
        self.load()

    def _show(self, order: PurchaseOrderView, not_on_notice: tuple[str, ...]) -> None:
        self.current = order
        self.order_title.setText(f"{order.number} · {order.supplier} · {order.status.replace('_', ' ')} · "
                                 f"{order.received} of {order.ordered} received"
                                 + (f"\n{order.note}" if order.note else ""))
        self.lines.set_rows(order.lines)
        self.checklist.show_order(order, not_on_notice)
        self._say_counts()
        self._enable()
        self.sig_order_shown.emit(order)

    def _say_counts(self) -> None:
        c = self.checklist.list.counts()
        if not self.checklist.rowCount():
            self.check_counts.setText("No shipping notice loaded: Load notice… takes the supplier's CSV.")
            return
        self.check_counts.setText(f"Notice: {c[RECEIVED]} received · {c[MISSING]} missing · "
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

    # --- for the window ------------------------------------------------------------------------------------

    def activate(self) -> None:
        self.orders_view.setFocus()

    def refresh(self, changes: Changes) -> None:
        if changes.touches("drafts", "stock", "catalogue"):
            self.load()

    def handle_scan(self, text: str) -> None:
        """A scan here finds the serial in the checklist of the order shown."""
        self.filter_edit.setText(text.strip())

    def now(self) -> datetime:
        return self.clock()
