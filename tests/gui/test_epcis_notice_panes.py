"""A supplier's EPCIS 2.0 shipment as the expected serials in the window (issue 16 §4): the Purchasing pane's
Load notice… and the Receiving pane's Expected list take a .jsonld like a CSV, read by the reader `po notice` and
`receive --expected` use, with their words for what does not apply and for a document GS1's schema refuses."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.purchasing import PurchasingPane
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.receiving_expected import FILES
from serialdesk.workflows.purchasing import NOTICE_FILES, supply

from .conftest import Shop

pytestmark = pytest.mark.gui

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "epcis" / "examples"
SHIPPED = EXAMPLES / "Example_9.6.1-ObjectEvent.jsonld"  # ships urn:epc:id:sgtin:0614141.107346.2017 and .2018
AGGREGATION = EXAMPLES / "Example_9.6.3-AggregationEvent.jsonld"  # no shipment of units at all
WIDGET = "10614141073464"  # the GTIN of urn:epc:id:sgtin:0614141.107346.* in GS1's examples


@pytest.fixture
def widgets(shop: Shop) -> str:
    shop.services.catalogue.add_product("WIDGET", "Widget", gtin=WIDGET, cost="5.00", price="9.00")
    order = supply(shop.services).purchasing.add_order(shop.supplier.number, [("WIDGET", 10, "5.00", None)])
    return order.number


def not_epcis(tmp_path: Path) -> Path:
    document = json.loads(SHIPPED.read_text(encoding="utf-8"))
    document["epcisBody"]["eventList"][0]["action"] = "SHIPPED"
    bad = tmp_path / "asn.jsonld"
    bad.write_text(json.dumps(document), encoding="utf-8")
    return bad


def test_the_file_dialogs_offer_csv_and_epcis_notices() -> None:
    assert NOTICE_FILES.startswith("Serial notices (*.csv *.jsonld *.json)")
    assert FILES.startswith("Serial notices (*.csv *.jsonld *.json)")


def test_load_notice_takes_the_suppliers_epcis_shipment(
    qtbot: QtBot, shop: Shop, widgets: str, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    pane = window.panes["purchasing"]
    assert isinstance(pane, PurchasingPane)
    window.show_pane("purchasing")
    qtbot.waitUntil(lambda: pane.current is not None and pane.current.number == widgets)

    pane.actions.load_notice(not_epcis(tmp_path))  # GS1's schema refuses it: its sentence, nothing loaded
    qtbot.waitUntil(lambda: pane.ui_banner.tone == "bad")
    assert pane.ui_banner.text() == ("asn.jsonld is not an EPCIS 2.0 document GS1's schema accepts: at "
                                     "epcisBody.eventList[0].action, \"SHIPPED\" is not one of ADD, DELETE, OBSERVE.")

    pane.actions.load_notice(AGGREGATION)  # a valid document that ships no units: said, as the CLI says it
    qtbot.waitUntil(lambda: pane.ui_banner.tone == "warn")
    assert pane.ui_banner.text() == (f"Nothing in {AGGREGATION.name} is a shipment of {widgets}'s products; nothing "
                                     "was loaded. Not applying (left out): 1 × AggregationEvent (not a shipment of "
                                     "units).")

    pane.actions.load_notice(SHIPPED)
    qtbot.waitUntil(lambda: pane.checklist.rowCount() == 2, timeout=5000)
    assert [ln.serial for ln in pane.checklist.rows()] == ["WIDGET:2017", "WIDGET:2018"]
    assert pane.ui_banner.text().startswith(f"2 expected serial(s) loaded from {SHIPPED.name} (")
    assert "Not applying (left out): 1 × ObjectEvent with business step receiving" in pane.ui_banner.text()
    assert supply(shop.services).purchasing.order(widgets).expected_missing == ("WIDGET:2017", "WIDGET:2018")


def test_the_expected_list_takes_the_suppliers_epcis_shipment(
    qtbot: QtBot, shop: Shop, widgets: str, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    window.show_pane("receiving")
    dialog = pane.expected
    dialog.start()
    dialog.load_file(SHIPPED)  # no product chosen yet: the shipment's units are matched to the product
    qtbot.waitUntil(lambda: dialog.ui.banner.tone == "bad")
    assert "Choose the product being received first" in dialog.ui.banner.text()

    qtbot.waitUntil(lambda: pane.ui.productCombo.findData("WIDGET") >= 0)
    pane.setup.select_product("WIDGET")
    dialog.load_file(AGGREGATION)
    qtbot.waitUntil(lambda: "AggregationEvent" in dialog.ui.banner.text())
    assert dialog.ui.banner.tone == "bad" and dialog.expected == []
    assert dialog.ui.banner.text() == (f"Nothing in {AGGREGATION.name} is a shipment of WIDGET; there are no serials "
                                       "to expect. Not applying (left out): 1 × AggregationEvent (not a shipment of "
                                       "units).")
    dialog.load_file(not_epcis(tmp_path))
    qtbot.waitUntil(lambda: "GS1's schema accepts" in dialog.ui.banner.text())

    dialog.load_file(SHIPPED)
    qtbot.waitUntil(lambda: dialog.expected == ["2017", "2018"])
    assert dialog.counts == {"expected": 2, "scanned": 0, "missing": 2, "unexpected": 0}
    assert "Not applying (left out): 1 × ObjectEvent with business step receiving" in dialog.ui.banner.text()
