"""The Assembly pane half-way through a build and a bike's passport with its tree of parts (two levels: a
battery built from cells), saved as PNG at 1366×768 into test-screenshots/ for a person to look at."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.assembly import AssemblyPane

from .conftest import SCREENSHOTS, Shop
from .test_ebike_story import build_bike, ebike_shop, scan
from .test_service_pane import service

pytestmark = pytest.mark.gui
SIZE = (1366, 768)


def test_the_assembly_pane_and_the_passport_tree_are_saved_as_screenshots(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    ebike_shop(shop)
    s = shop.services
    s.catalogue.add_product("CELL", "Cell 21700", cost="5.00")
    s.catalogue.set_part("BAT-500", "CELL", count=2)
    s.receiving.receive_units(supplier=shop.supplier.number, sku="CELL", serials=["C001", "C002"], lot="C-77")
    s.assembly.assemble("BAT-500", "BP0200", parts=["C001", "C002"], lot="25B04")
    window = open_window()
    window.resize(*SIZE)
    window.show_pane("assembly")
    pane = window.panes["assembly"]
    assert isinstance(pane, AssemblyPane)
    qtbot.waitUntil(lambda: pane.ui.productCombo.count() == 3)  # placeholder, battery, e-bike
    pane.choose_product("EBIKE")
    build_bike(qtbot, window, pane, "VX25030001", ["FR01", "MO01", "BP0200"])
    scan(qtbot, window, pane, "VX25030002")
    scan(qtbot, window, pane, "FR02")
    assert scan(qtbot, window, pane, "BP0200")[0] == "bad"  # fitted in the first bike: named
    qtbot.waitUntil(lambda: pane.ui.passportPanel.passport is not None and not window.runner.busy)
    SCREENSHOTS.mkdir(exist_ok=True)
    desk = service(window)
    with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("VX25030001")  # type: ignore[union-attr]
    tree = desk.ui.passportPanel.ui.partsTree
    assert tree.topLevelItemCount() == 3
    battery = next(tree.topLevelItem(i) for i in range(3) if tree.topLevelItem(i).text(1) == "BP0200")
    assert sorted(battery.child(i).text(1) for i in range(battery.childCount())) == ["C001", "C002"]
    with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("C001")  # type: ignore[union-attr]
    assert desk.ui.passportPanel.ui.fittedLabel.text() == (
        "Sits in BAT-500:BP0200 since 3 Mar 2026 (built in BLD-0001), which sits in EBIKE:VX25030001 (in stock).")
    for name, look_up in (("assembly", ""), ("passport-tree", "VX25030001"), ("passport-part", "C001")):
        window.show_pane("service" if look_up else "assembly")
        if look_up:
            with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):
                window.wedge.sig_scan.emit(look_up)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: not window.runner.busy)
        QApplication.processEvents()  # the layout the passport asked for, before the picture
        path = SCREENSHOTS / f"genealogy-{name}-{SIZE[0]}x{SIZE[1]}.png"  # not a pane shot: its own name
        assert window.grab().save(str(path))
        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE
