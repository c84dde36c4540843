"""Issue 15's 'done when', through the real window: order 20 bikes, load the supplier's notice of 20 serials,
receive 12 then 7 plus one not on the notice (flagged in the Purchasing pane), transfer 5 to the branch — scanned
out here, scanned in and one sold there by a second station (another process on the same database, SQLite and
PostgreSQL) — and the passports tell each unit's journey. (The RMA step belongs to another engineer's part.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFileDialog, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.purchasing import PurchasingPane
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.panes.transfers import TransfersPane
from serialdesk.gui.widgets.form_dialog import FormDialog
from serialdesk.services.dto.supply import PurchaseOrderView
from serialdesk.workflows.purchasing import MISSING, NOT_ON_NOTICE, RECEIVED, supply

from .conftest import Shop

pytestmark = pytest.mark.gui

BIKES = [f"VB{n:04d}" for n in range(1, 21)]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def gui_app(request: pytest.FixtureRequest, clock: Callable[[], object]) -> Iterator[App]:
    """The main shop's window on a SQLite file and on PostgreSQL (the branch's station shares the database)."""
    url = str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    application = App(Settings(db_url=url, user="admin", station="test"), clock=clock)  # type: ignore[arg-type]
    yield application
    application.close()


def cli(app: App, *args: str, location: str = "") -> str:
    """`serialdesk …` at the branch's station: a process of its own on the same database."""
    env = {**os.environ, "SERIALDESK_DB": app.settings.db_url, "SERIALDESK_PIN": "1234",
           "SERIALDESK_STATION": "aarhus-1", "SERIALDESK_LOCATION": location}
    env.pop("SERIALDESK_USER", None)
    done = subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def fill(dialog: FormDialog, **values: str | int) -> None:
    for name, value in values.items():
        widget = dialog.inputs[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
            assert widget.currentData() == value
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))


def states(pane: PurchasingPane) -> dict[str, str]:
    return {line.serial: line.state for line in pane.checklist.rows()}


def scan(qtbot: QtBot, window: MainWindow, pane: ReceivingPane | TransfersPane, text: str) -> tuple[str, str]:
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit(text)
    return str(handled.args[0]), str(handled.args[1])


def post(qtbot: QtBot, pane: ReceivingPane) -> str:
    chooser = pane.setup.po
    before = chooser.status.text()
    qtbot.mouseClick(pane.ui.postButton, Qt.MouseButton.LeftButton)

    def posted() -> None:
        said = chooser.status.text()
        assert chooser.last is None and said != before and "against PO-0001" in said, (pane.ui.banner.text(), said)

    qtbot.waitUntil(posted, timeout=10_000)
    return chooser.status.text()


def test_order_notice_two_receipts_transfer_to_the_branch_and_the_journeys(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], gui_app: App, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services = shop.services
    services.catalogue.add_product("BIKE-GR", "Gravel bike", cost="400.00", price="899.00", warranty_months=24)
    velo = services.catalogue.add_supplier("Velo AG")
    supply(services).locations.add_location("Aarhus", branch="Aarhus")
    window = open_window()

    # Order 20 bikes (New PO… form), due yesterday: overdue, and on "What is due".
    purchasing = window.panes["purchasing"]
    assert isinstance(purchasing, PurchasingPane)
    window.show_pane("purchasing")
    qtbot.waitUntil(lambda: bool(purchasing.actions.suppliers))
    qtbot.mouseClick(purchasing.buttons["new"], Qt.MouseButton.LeftButton)
    dialog = purchasing.actions.dialog
    assert dialog is not None
    fill(dialog, supplier=velo.number, sku="BIKE-GR", quantity=20, cost="412.50", due="2026-03-02")
    with qtbot.waitSignal(purchasing.sig_order_shown, timeout=5000) as shown:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    order: PurchaseOrderView = shown.args[0]
    assert (order.number, order.supplier, order.ordered, order.received) == ("PO-0001", "Velo AG", 20, 0)
    assert purchasing.orders.rowCount() == 1
    assert "overdue" in purchasing.orders_sorted.index(0, 5).data()
    assert purchasing.due.rowCount() == 1 and purchasing.due.row_at(0).overdue

    # The supplier's notice: a CSV of 20 serials, picked in the file dialog.
    notice = tmp_path / "velo-asn.csv"
    notice.write_text("serial,sku,lot\n" + "".join(f"{s},BIKE-GR,L26-03\n" for s in BIKES), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notice), ""))
    with qtbot.waitSignal(purchasing.sig_order_shown, timeout=5000, check_params_cb=lambda o: o.expected == 20):
        qtbot.mouseClick(purchasing.buttons["notice"], Qt.MouseButton.LeftButton)
    assert "20 serials expected on PO-0001" in purchasing.ui_banner.text()
    assert set(states(purchasing).values()) == {MISSING} and len(states(purchasing)) == 20
    resets = purchasing.checklist.resets

    # Receive 12 against the PO in Receiving: "12 of 20", the PO line's cost.
    receiving = window.panes["receiving"]
    assert isinstance(receiving, ReceivingPane)
    window.show_pane("receiving")
    chooser = receiving.setup.po
    qtbot.waitUntil(lambda: chooser.combo.findData("PO-0001") >= 0)
    chooser.choose("PO-0001")
    qtbot.waitUntil(lambda: chooser.order is not None)
    assert receiving.ui.productCombo.currentData() == "BIKE-GR"
    assert receiving.ui.supplierCombo.currentText().startswith("Velo AG")
    for serial in BIKES[:12]:
        assert scan(qtbot, window, receiving, serial)[0] == "good"
    assert "PO-0001: 12 of 20" in chooser.status.text() and "412.50" in chooser.status.text()
    said = post(qtbot, receiving)
    assert "12 of 20" in said and "still to come" in said

    # The Purchasing pane's checklist follows, row by row (no rebuild).
    window.show_pane("purchasing")
    qtbot.waitUntil(lambda: list(states(purchasing).values()).count(RECEIVED) == 12, timeout=5000)
    assert purchasing.checklist.resets == resets

    # Then 7 more and one the notice does not list: flagged while scanning, and after posting.
    window.show_pane("receiving")
    qtbot.waitUntil(lambda: chooser.combo.findData("PO-0001") >= 0 and not window.runner.busy)
    chooser.choose("PO-0001")
    qtbot.waitUntil(lambda: chooser.order is not None and chooser.order.received == 12)
    for serial in [*BIKES[12:19], "VX9999"]:
        assert scan(qtbot, window, receiving, serial)[0] == "good"
    assert "20 of 20" in chooser.status.text() and "not on the supplier's notice: VX9999" in chooser.status.text()
    said = post(qtbot, receiving)
    assert "20 of 20" in said and "VX9999" in said
    window.show_pane("purchasing")
    qtbot.waitUntil(lambda: states(purchasing).get("BIKE-GR:VX9999") == NOT_ON_NOTICE, timeout=5000)
    assert list(states(purchasing).values()).count(RECEIVED) == 19
    assert states(purchasing)["BIKE-GR:VB0020"] == MISSING
    assert purchasing.checklist.resets == resets
    shown_rows = purchasing.by_text
    flagged = [r for r in range(shown_rows.rowCount()) if shown_rows.index(r, 0).data() == "BIKE-GR:VX9999"]
    assert flagged and shown_rows.index(flagged[0], 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    view = supply(services).purchasing.order("PO-0001")
    assert (view.status, view.received, view.ordered) == ("closed", 20, 20)

    # Transfer 5 to the branch: opened and scanned out here (the wedge routes to the Transfers view) …
    transfers = window.panes["transfers"]
    assert isinstance(transfers, TransfersPane)
    window.show_pane("transfers")
    qtbot.waitUntil(lambda: transfers.to_combo.findData("Aarhus") >= 0)
    transfers.from_combo.setCurrentIndex(transfers.from_combo.findData("Shop floor"))
    transfers.to_combo.setCurrentIndex(transfers.to_combo.findData("Aarhus"))
    with qtbot.waitSignal(transfers.sig_transfer_shown, timeout=5000) as opened:
        qtbot.mouseClick(transfers.open_button, Qt.MouseButton.LeftButton)
    number = opened.args[0].number
    assert transfers.out_radio.isChecked()
    for serial in BIKES[:5]:
        tone, message = scan(qtbot, window, transfers, serial)
        assert tone == "good", message
    assert transfers.current is not None and len(transfers.current.short) == 5
    assert scan(qtbot, window, transfers, BIKES[0])[0] == "bad"  # already on it: refused, said

    # … scanned in and one sold at the branch's station, a second process on the same database.
    cli(gui_app, "transfer", "in", number, *BIKES[:5], location="Aarhus")
    cli(gui_app, "sell", "--customer", shop.customer.number, BIKES[0], location="Aarhus")
    qtbot.waitUntil(lambda: transfers.current is not None and transfers.current.received == 5, timeout=5000)
    assert not transfers.current.short and not transfers.current.extra

    # The passports: where each unit is and where it has been.
    desk = window.panes["service"]
    assert isinstance(desk, ServicePane)
    window.show_pane("service")
    journeys = {}
    for serial in (BIKES[0], BIKES[1], BIKES[12], BIKES[19 - 1]):
        with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000) as passport:
            window.wedge.sig_scan.emit(serial)  # type: ignore[union-attr]
        p = passport.args[0]
        journeys[serial] = [visit.location for visit in p.journey]
        if serial == BIKES[1]:
            assert desk.ui.passportPanel.ui.locationValue.text() == "Aarhus"
    assert journeys[BIKES[0]] == ["Shop floor", "In transit", "Aarhus"]
    assert journeys[BIKES[1]] == ["Shop floor", "In transit", "Aarhus"]
    assert journeys[BIKES[12]] == ["Shop floor"]
    looked_up = json.loads(cli(gui_app, "lookup", BIKES[0], "--json"))
    assert looked_up["status"] == "sold"
