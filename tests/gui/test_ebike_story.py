"""Issue 14's story in the real window: three e-bikes built from scanned parts in the Assembly pane, sold at the
counter, a battery swapped in a service ticket, the battery lot recalled — and the recall names the right bikes
and owners, the one whose battery came in the swap included. The passport draws each bike's tree."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.assembly import AssemblyPane
from serialdesk.gui.panes.recall import RecallPane
from serialdesk.gui.panes.sales import SalesPane
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.widgets.form_dialog import FormDialog
from serialdesk.services.dto import PartyView, RecallView

from .conftest import Shop

pytestmark = pytest.mark.gui

BIKES = ("VX25030001", "VX25030002", "VX25030003")


def ebike_shop(shop: Shop) -> dict[str, PartyView]:
    """E-bikes take a frame, a motor and a battery; batteries of lot 24K01 and 25B04 on the shelf."""
    s, supplier = shop.services, shop.supplier.number
    c = s.catalogue
    c.add_product("EBIKE", "E-bike city", price="1999.00", warranty_months=24)
    c.add_product("FRAME-28", "Frame 28 in", cost="200.00")
    c.add_product("MOT-250", "Motor 250 W", cost="150.00")
    c.add_product("BAT-500", "Battery 500 Wh", cost="180.00", price="399.00")
    for part in ("FRAME-28", "MOT-250", "BAT-500"):
        c.set_part("EBIKE", part)
    s.receiving.receive_units(supplier=supplier, sku="FRAME-28", serials=["FR01", "FR02", "FR03"])
    s.receiving.receive_units(supplier=supplier, sku="MOT-250", serials=["MO01", "MO02", "MO03"])
    s.receiving.receive_units(supplier=supplier, sku="BAT-500", serials=["BP0001", "BP0002"], lot="24K01")
    s.receiving.receive_units(supplier=supplier, sku="BAT-500", serials=["BP0103", "BP0104"], lot="25B04")
    return {name: c.add_customer(name, phone=phone) for name, phone in
            (("Eva Berg", "+45 30 111222"), ("Jon Holm", "+45 30 333444"), ("Ana Lind", "+45 30 555666"))}


def scan(qtbot: QtBot, window: MainWindow, pane: AssemblyPane, text: str) -> tuple[str, str]:
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit(text)
    return handled.args[0], handled.args[1]


def build_bike(qtbot: QtBot, window: MainWindow, pane: AssemblyPane, serial: str, parts: list[str]) -> None:
    assert scan(qtbot, window, pane, serial)[0] == "good"
    for part in parts:
        tone, message = scan(qtbot, window, pane, part)
        assert tone == "good", message
    assert pane.ui.buildButton.isEnabled()
    with qtbot.waitSignal(pane.sig_built, timeout=5000):
        qtbot.mouseClick(pane.ui.buildButton, Qt.MouseButton.LeftButton)


def test_build_sell_swap_recall_names_the_bikes_and_their_owners(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    people = ebike_shop(shop)
    window = open_window()
    window.show_pane("assembly")
    pane = window.panes["assembly"]
    assert isinstance(pane, AssemblyPane)
    qtbot.waitUntil(lambda: pane.ui.productCombo.count() == 2)  # the placeholder and the e-bike

    # The product by its SKU scanned; the slots wait for their parts.
    scan(qtbot, window, pane, "EBIKE")
    assert pane.slots.rowCount() == 3
    assert [pane.slots.index(r, 1).data() for r in range(3)] == ["— still missing"] * 3
    build_bike(qtbot, window, pane, BIKES[0], ["FR01", "MO01", "BP0001"])
    assert pane.session.last_build is not None and pane.session.last_build.host.serial == BIKES[0]
    # Refusals at the scan, in words, and the slots filling as the parts come.
    tone, message = scan(qtbot, window, pane, BIKES[1])
    assert tone == "good"
    tone, message = scan(qtbot, window, pane, "FR01")
    assert tone == "bad" and "already fitted in EBIKE:VX25030001" in message
    tone, message = scan(qtbot, window, pane, "FR02")
    assert tone == "good" and "Still missing" in message
    tone, message = scan(qtbot, window, pane, "FR03")
    assert tone == "bad" and "Too many parts for the slot 1 × Frame 28 in (FRAME-28)" in message
    assert pane.slots.index(1, 1).data() == "FR02"  # rows by SKU: battery, frame, motor
    for part in ("MO02", "BP0002"):
        assert scan(qtbot, window, pane, part)[0] == "good"
    with qtbot.waitSignal(pane.sig_built, timeout=5000):
        qtbot.mouseClick(pane.ui.buildButton, Qt.MouseButton.LeftButton)
    build_bike(qtbot, window, pane, BIKES[2], ["FR03", "MO03", "BP0103"])
    # The last bike built is on the right, its tree drawn.
    panel = pane.ui.passportPanel
    qtbot.waitUntil(lambda: panel.passport is not None and panel.passport.serial == BIKES[2], timeout=5000)
    assert panel.ui.partsTree.topLevelItemCount() == 3 and panel.ui.partsTree.isVisibleTo(panel)
    tree = pane.ui.passportPanel.ui.partsTree
    rows = {tree.topLevelItem(i).text(1): tree.topLevelItem(i) for i in range(3)}
    assert rows["BP0103"].text(0) == "BAT-500 · Battery 500 Wh"
    assert rows["BP0103"].text(2) == "25B04" and rows["BP0103"].text(3) == "Makita Europe"
    assert rows["BP0103"].text(5).startswith("built in BLD-")

    # Sold at the counter: VX25030001 to Eva, VX25030002 to Jon, VX25030003 to Ana.
    window.show_pane("sales")
    sales = window.panes["sales"]
    assert isinstance(sales, SalesPane) and window.wedge is not None
    for bike, name in ((BIKES[0], "Eva Berg"), (BIKES[1], "Jon Holm"), (BIKES[2], "Ana Lind")):
        sales.choose_customer(people[name])
        with qtbot.waitSignal(sales.sig_scan_handled, timeout=5000) as handled:
            window.wedge.sig_scan.emit(bike)
        assert handled.args[0] == "good", handled.args[1]
        with qtbot.waitSignal(sales.sig_sold, timeout=5000):
            qtbot.mouseClick(sales.ui.completeButton, Qt.MouseButton.LeftButton)

    # Eva's battery is swapped for one of lot 25B04 in a ticket.
    window.show_pane("service")
    service = window.panes["service"]
    assert isinstance(service, ServicePane)
    with qtbot.waitSignal(service.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit(BIKES[0])
    service.ask_open_ticket()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    dialog.set_value("problem", "Battery will not charge")
    with qtbot.waitSignal(service.sig_passport_shown, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    service.ask_swap_part()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    dialog.set_value("out", "BAT-500:BP0001")
    dialog.set_value("into", "BP0104")
    with qtbot.waitSignal(service.sig_passport_shown, timeout=5000) as shown:
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    # The bike's passport: its parts now, the battery swapped in the ticket.
    bike = shown.args[0]
    assert {p.unit.serial: p.via for p in bike.parts}["BP0104"].startswith("T-")
    panel = service.ui.passportPanel
    battery_row = next(panel.ui.partsTree.topLevelItem(i) for i in range(3)
                       if panel.ui.partsTree.topLevelItem(i).text(1) == "BP0104")
    assert battery_row.text(5).startswith("swapped in T-")
    # The old battery's passport: where it sat before.
    with qtbot.waitSignal(service.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("BAT-500:BP0001")
    assert "Sat before in EBIKE:VX25030001" in panel.ui.fittedLabel.text()

    # The recall of lot 25B04 names Eva's bike (the swapped-in battery) and Ana's, not Jon's.
    window.show_pane("recalls")
    recalls = window.panes["recalls"]
    assert isinstance(recalls, RecallPane)
    qtbot.waitUntil(lambda: recalls.ui.productCombo.count() > 1)
    recalls.criteria_form.select_product("BAT-500")
    recalls.criteria_form.tick_lots(["25B04"])
    with qtbot.waitSignal(recalls.sig_previewed, timeout=5000) as previewed:
        qtbot.mouseClick(recalls.ui.previewButton, Qt.MouseButton.LeftButton)
    view: RecallView = previewed.args[0]
    found = {u.serial: (u.host.label if u.host else None, u.customer.name if u.customer else None)
             for u in view.units}
    assert found == {"BP0103": ("EBIKE:VX25030003", "Ana Lind"), "BP0104": ("EBIKE:VX25030001", "Eva Berg")}
    headers = [recalls.units.headerData(c, Qt.Orientation.Horizontal) for c in range(recalls.units.columnCount())]
    assert not recalls.ui.unitsView.isColumnHidden(headers.index("Sits in"))  # shown: these parts sit in bikes
    shown = {(recalls.units.index(r, headers.index("Sits in")).data(),
              recalls.units.index(r, headers.index("Customer")).data()) for r in range(recalls.units.rowCount())}
    assert shown == {("EBIKE:VX25030003 (sold)", f"Ana Lind ({people['Ana Lind'].number})"),
                     ("EBIKE:VX25030001 (in service)", f"Eva Berg ({people['Eva Berg'].number})")}
