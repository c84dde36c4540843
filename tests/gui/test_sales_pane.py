"""The sales pane: find the customer, scan units into the cart, complete the sale; returns."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.sales import SalesPane
from serialdesk.gui.panes.sales_return import ReturnDialog
from serialdesk.gui.widgets.form_dialog import FormDialog

from .conftest import Shop

pytestmark = pytest.mark.gui


def sales(window: MainWindow) -> SalesPane:
    window.show_pane("sales")
    pane = window.panes["sales"]
    assert isinstance(pane, SalesPane)
    return pane


def scan(qtbot: QtBot, window: MainWindow, pane: SalesPane, text: str) -> tuple[str, str]:
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit(text)
    return str(handled.args[0]), str(handled.args[1])


def choose_customer(qtbot: QtBot, pane: SalesPane, text: str) -> None:
    with qtbot.waitSignal(pane.sig_customers_found, timeout=5000):
        qtbot.keyClicks(pane.ui.customerSearch, text)
    qtbot.keyClick(pane.ui.customerSearch, Qt.Key.Key_Return)
    assert pane.customer is not None


def test_a_sale_through_the_sales_pane_ends_in_a_receipt_with_warranty_ends(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001", "SN002")
    window = open_window()
    pane = sales(window)
    choose_customer(qtbot, pane, "jane")
    assert pane.customer == shop.customer and "Jane Smith" in pane.ui.customerChip.text()

    assert scan(qtbot, window, pane, "SN001")[0] == "good"
    assert scan(qtbot, window, pane, "SN002")[0] == "good"
    pane.cart.setData(pane.cart.index(1, pane.cart.PRICE), "99.50")
    assert "229.40" in pane.ui.totalLabel.text()

    with qtbot.waitSignal(pane.sig_sold, timeout=5000) as sold:
        qtbot.mouseClick(pane.ui.completeButton, Qt.MouseButton.LeftButton)

    sale = sold.args[0]
    assert [line.serial for line in sale.lines] == ["SN001", "SN002"]
    html = pane.ui.receiptBrowser.toPlainText()
    assert "SN001" in html and "SN002" in html and "3 Mar 2028" in html  # 24 months after 3 Mar 2026
    assert pane.cart.rowCount() == 0 and pane.customer is None
    for serial, price in (("SN001", "129.90"), ("SN002", "99.50")):
        passport = shop.services.lookup.passport(serial)
        assert passport.status == "sold" and passport.customer == shop.customer
        assert str(passport.price) == price


def test_selling_a_sold_serial_is_refused_with_the_buyer_named(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001", "SN002")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    window = open_window()
    pane = sales(window)

    tone, message = scan(qtbot, window, pane, "SN001")
    assert tone == "bad"
    assert "SN001" in message and "Jane Smith" in message and "cannot be sold again" in message
    assert scan(qtbot, window, pane, "SN002")[0] == "good"
    tone, twice = scan(qtbot, window, pane, "SN002")
    assert tone == "bad" and "already in this sale" in twice
    assert pane.cart.refs() == ["DRL-18V:SN002"]


def test_an_unknown_serial_and_a_bad_price_are_refused_in_the_shops_words(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001")
    window = open_window()
    pane = sales(window)
    tone, message = scan(qtbot, window, pane, "NOPE42")
    assert tone == "bad" and "NOPE42" in message
    scan(qtbot, window, pane, "SN001")
    assert not pane.cart.setData(pane.cart.index(0, pane.cart.PRICE), "-5")
    assert "negative" in pane.ui.banner.text()
    assert pane.cart.total() == shop.product.price


def test_a_new_customer_is_added_and_chosen(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = sales(open_window())
    pane.ask_new_customer()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    dialog.set_value("name", "Ole Hansen")
    dialog.set_value("phone", "+45 30 303030")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert pane.customer is not None and pane.customer.name == "Ole Hansen"
    assert [c.name for c in shop.services.catalogue.find_customers("hansen")] == ["Ole Hansen"]


def test_a_return_is_scanned_and_goes_to_quarantine(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    window = open_window()
    pane = sales(window)
    pane.ask_return()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReturnDialog)

    assert window.wedge is not None
    window.wedge.sig_scan.emit("SN001")  # the scan goes to the open dialog, not to the cart
    qtbot.waitUntil(lambda: "Jane Smith" in dialog.banner.text())
    to = dialog.inputs["to"]
    reason = dialog.inputs["reason"]
    assert isinstance(to, QComboBox) and isinstance(reason, QPlainTextEdit)
    to.setCurrentIndex(to.findData("quarantine"))
    reason.setPlainText("Does not power on")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    assert pane.cart.rowCount() == 0
    assert "SN001 taken back" in pane.ui.banner.text()
    assert shop.services.lookup.passport("SN001").status == "quarantined"


def test_a_discount_with_its_reason_and_a_split_payment_reach_the_receipt(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001", "SN002")  # 129.90 each
    window = open_window()
    pane = sales(window)
    choose_customer(qtbot, pane, "jane")
    assert scan(qtbot, window, pane, "SN001")[0] == "good"
    assert scan(qtbot, window, pane, "SN002")[0] == "good"

    pane.ui.cartView.selectRow(0)
    dialog = pane.payment.ask_discount()
    assert dialog is not None
    dialog.set_value("amount", "10%")
    dialog.set_value("reason", "")
    dialog.buttons.accepted.emit()
    assert "Say why SN001 is discounted" in dialog.banner.text()  # no reason, no discount
    dialog.set_value("reason", "display model")
    dialog.buttons.accepted.emit()
    assert pane.cart.index(0, 4).data() == "−12.99" and "246.81" in pane.ui.totalLabel.text()

    pane.payment.method.setCurrentIndex(3)
    pane.payment.method.activated.emit(3)  # Split…
    split = QApplication.activeModalWidget()
    assert isinstance(split, FormDialog)
    split.set_value("cash", "100.00")
    split.buttons.accepted.emit()
    assert pane.session.payments == ["cash:100.00", "card"]  # the card pays the rest

    with qtbot.waitSignal(pane.sig_sold, timeout=5000) as sold:
        qtbot.mouseClick(pane.ui.completeButton, Qt.MouseButton.LeftButton)
    receipt = shop.services.receipts.sale_receipt(sold.args[0].id)
    (first, second) = receipt.lines
    assert (first.serial, str(first.discount), first.discount_reason) == ("SN001", "12.99", "display model")
    assert [(p.method, str(p.amount)) for p in receipt.payments] == [("cash", "100.00"), ("card", "146.81")]
    assert second.discount == 0 and pane.payment.method.currentIndex() == 0 and pane.session.payments == ["cash"]
