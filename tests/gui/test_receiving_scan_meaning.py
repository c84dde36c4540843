"""The forty scan texts of tests/scan_table.py mean in the receiving pane what they mean to ``parse-scan`` and
``receive`` (tests/integration/test_scan_meaning.py): one classifier, in services, for all of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from serialdesk.bootstrap import App, Services
from serialdesk.gui.main_window import MainWindow
from serialdesk.services.receiving import ReceivingService
from tests.scan_table import PRODUCTS, SCANS, same

from .test_receiving_pane import receiving, wedge_scan

pytestmark = pytest.mark.gui


def test_the_forty_scans_mean_in_the_pane_what_they_mean_on_the_command_line(
    qtbot: QtBot, admin_services: Services, open_window: Callable[..., MainWindow]
) -> None:
    for p in PRODUCTS:
        admin_services.catalogue.add_product(
            p["sku"], p["name"], gtin=p.get("gtin"), serial_regex=p.get("regex"), serial_case=p.get("case", "upper"),
            serial_pattern=p.get("pattern"), serial_source="generated" if "pattern" in p else "supplier")
    window = open_window()
    pane = receiving(window)
    wrong = []
    for text, sku, meaning in SCANS:
        pane.setup.select_product(sku)
        pane.ui.lotEdit.clear()
        tone, message = wedge_scan(qtbot, window, pane, text)
        if tone == "good":
            unit = pane.accepted[-1]
            got: tuple[str, ...] = ("serial", unit.sku, unit.serial, unit.lot or "")
        elif tone == "info":
            got = ("product", str(pane.current_sku()))
        elif tone == "warn":
            got = ("unknown", str(pane.actions.unknown_gtin))
        else:
            got = ("refused", message)
        if not same(meaning, got):
            wrong.append((text, meaning, got))
    assert wrong == []
    assert pane.count == sum(1 for _, _, m in SCANS if m[0] == "serial")


def test_an_unknown_product_barcode_is_amber_and_offers_the_product_form_with_its_gtin(
    qtbot: QtBot, admin_services: Services, open_window: Callable[..., MainWindow]
) -> None:
    admin_services.catalogue.add_product("DRL-18V", "Drill", serial_regex=r"[A-Z0-9-]{3,20}")
    window = open_window()
    pane = receiving(window)
    pane.setup.select_product("DRL-18V")
    tone, message = wedge_scan(qtbot, window, pane, "4006381333931")
    assert tone == "warn" and "Unknown product barcode 4006381333931" in message
    assert pane.draft is None and pane.count == 0  # never a drill's serial with a green tick
    assert pane.ui.banner.tone == "warn"
    dialog = pane.actions.ask_add_product()
    assert dialog is not None and dialog.inputs["gtin"].text() == "4006381333931"  # type: ignore[attr-defined]
    dialog.set_value("sku", "BAT-1")
    dialog.set_value("name", "Battery")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.buttons.buttons()[0].click()
    assert [p.sku for p in admin_services.catalogue.products() if p.gtin] == ["BAT-1"]


def test_the_first_scan_of_a_receipt_is_one_service_call_and_one_transaction(
    qtbot: QtBot, gui_app: App, admin_services: Services, open_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin_services.catalogue.add_product("DRL-18V", "Drill", gtin="4006381333931")
    window = open_window()
    pane = receiving(window)
    wedge_scan(qtbot, window, pane, "4006381333931")
    opened: list[object] = []
    monkeypatch.setattr(ReceivingService, "open_receipt", lambda *a, **k: opened.append(a))
    commits: list[int] = []
    event.listen(gui_app.engine, "commit", lambda _conn: commits.append(1))
    assert wedge_scan(qtbot, window, pane, "SN-1")[0] == "good"
    assert commits == [1] and opened == [] and pane.draft is not None
