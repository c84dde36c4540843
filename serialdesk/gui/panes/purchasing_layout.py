"""The Purchasing pane's widgets: the buttons, the orders and what is due (tabs), the order shown with its
lines and the checklist of its notice's serials (filtered by text and state)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from serialdesk.gui.models.table import RowsModel, sorted_view
from serialdesk.gui.panes.purchasing_models import DUE_COLUMNS, LINE_COLUMNS, ChecklistModel, order_columns
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.workflows.purchasing import MISSING, NOT_ON_NOTICE, RECEIVED

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


def build(pane: Any) -> None:
    """Builds the widgets onto the pane (PurchasingPane): the attributes it then uses are set here."""
    layout = QVBoxLayout(pane)
    pane.ui_banner = Banner(pane)
    pane.ui_banner.say("Purchase orders: choose one to see its lines and the supplier's notice.")
    layout.addWidget(pane.ui_banner)
    row = QHBoxLayout()
    pane.buttons = {}
    for key, text, tip in (("new", "New PO…", "A new purchase order to a supplier (Ctrl+N)"),
                           ("line", "Add line…", "One more product on the chosen order"),
                           ("notice", "Load notice…", "The supplier's shipping notice: a CSV of serials "
                                                      "(columns serial, optional sku and lot) or its EPCIS 2.0 "
                                                      "shipment (.jsonld)"),
                           ("close", "Close", "Nothing more is coming on the chosen order"),
                           ("cancel", "Cancel order", "Cancel the chosen order (nothing received on it)")):
        button = QPushButton(text, pane)
        button.setObjectName(f"{key}Button")
        button.setToolTip(tip)
        row.addWidget(button)
        pane.buttons[key] = button
    row.addStretch(1)
    pane.show_combo = QComboBox(pane)
    for shown, value in (("Open orders", "open"), ("All orders", "all")):
        pane.show_combo.addItem(shown, value)
    row.addWidget(QLabel("Show", pane))
    row.addWidget(pane.show_combo)
    layout.addLayout(row)

    split = pane.split = QSplitter(Qt.Orientation.Horizontal, pane)
    pane.tabs = QTabWidget(split)
    pane.orders = RowsModel(order_columns(pane.clock), pane)
    pane.orders_view = table(pane.tabs, "ordersView")
    pane.orders_sorted = sorted_view(pane.orders)
    pane.orders_view.setModel(pane.orders_sorted)
    fit_columns(pane.orders_view, (0, 2, 3, 4, 5), stretch=1)
    pane.tabs.addTab(pane.orders_view, "Orders")
    pane.due = RowsModel(DUE_COLUMNS, pane)
    pane.due_view = table(pane.tabs, "dueView")
    pane.due_view.setModel(sorted_view(pane.due))
    fit_columns(pane.due_view, (0, 1, 3, 5), stretch=4)
    pane.tabs.addTab(pane.due_view, "What is due")

    right = QWidget(split)
    side = QVBoxLayout(right)
    side.setContentsMargins(0, 0, 0, 0)
    pane.order_title = QLabel("No order chosen", right)
    pane.order_title.setProperty("role", "strong")
    pane.order_title.setWordWrap(True)
    pane.order_title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never squeezed
    side.addWidget(pane.order_title)
    pane.lines = RowsModel(LINE_COLUMNS, pane)
    pane.lines_view = table(right, "linesView")
    pane.lines_view.setModel(sorted_view(pane.lines))
    pane.lines_view.setMaximumHeight(170)
    fit_columns(pane.lines_view, (0, 2, 3, 4, 5), stretch=1)
    side.addWidget(pane.lines_view)
    counts = QHBoxLayout()
    pane.check_counts = QLabel("No shipping notice loaded", right)
    pane.check_counts.setObjectName("checkCounts")
    pane.check_counts.setWordWrap(True)  # the list beside it keeps its width
    counts.addWidget(pane.check_counts, 1)
    pane.filter_edit = QLineEdit(right)
    pane.filter_edit.setPlaceholderText("Find a serial…")
    pane.filter_edit.setMinimumWidth(150)
    pane.state_combo = QComboBox(right)
    for shown, state in STATES:
        pane.state_combo.addItem(shown, state)
    counts.addWidget(pane.filter_edit)
    counts.addWidget(pane.state_combo)
    side.addLayout(counts)
    pane.checklist = ChecklistModel(pane)
    pane.by_state = sorted_view(pane.checklist)
    pane.by_state.setFilterKeyColumn(1)
    pane.by_text = sorted_view(pane.checklist)
    pane.by_text.setSourceModel(pane.by_state)
    pane.by_text.setFilterKeyColumn(0)
    pane.check_view = table(right, "checkView")
    pane.check_view.setModel(pane.by_text)
    pane.check_view.setSortingEnabled(False)  # the notice's order; a filter finds a serial
    fit_columns(pane.check_view, (1,), stretch=0)
    side.addWidget(pane.check_view, 1)
    split.addWidget(pane.tabs)
    split.addWidget(right)
    split.setStretchFactor(0, 1)
    split.setStretchFactor(1, 1)
    layout.addWidget(split, 1)
