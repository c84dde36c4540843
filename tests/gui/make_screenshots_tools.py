"""Screenshots of the manager's tools and the second slice at 1366×768, on a copy of a demo database:
the recall wizard and its tracking, the four reports, labels from a receipt, settings and About, and the
service desk's status buttons and intake of a unit not sold by us.

    .venv/bin/serialdesk --db /tmp/gui-demo.db demo --items 300
    xvfb-run -a .venv/bin/python tests/gui/make_screenshots_tools.py /tmp/gui-demo.db /tmp/shots

Not a test (pytest does not collect it). Settings are written to a temporary folder, never the user's own.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from make_screenshots import settle, shoot  # beside this script
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.gui.app import application
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.recall import RecallPane
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.reports import ReportsPane
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter

SIZE = (1366, 768)


def linger(seconds: float) -> None:
    """QPdfView paints its pages from a thread of its own: give it a moment before the picture is taken."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()


def busiest_lot(services: Services) -> tuple[str, str]:
    """(sku, lot) of the lot with the most units received: a recall worth looking at."""
    lots = [lot for s in services.reports.supplier_quality().suppliers for lot in s.lots if lot.lot]
    best = max(lots, key=lambda lot: lot.received)
    return best.sku, best.lot or ""


def recall_screens(window: MainWindow, runner: TaskRunner, services: Services, out: Path) -> None:
    window.show_pane("recalls")
    pane = window.panes["recalls"]
    assert isinstance(pane, RecallPane)
    settle(lambda: pane.ui.productCombo.count() > 1 and not runner.busy)
    sku, lot = busiest_lot(services)
    pane.criteria_form.select_product(sku)
    pane.criteria_form.tick_lots([lot])
    shoot(window, out, "10-recall-criteria")
    pane.find_affected()
    settle(lambda: pane.preview is not None and not runner.busy)
    pane.ui.reasonEdit.setText("Battery contacts may overheat while charging")
    shoot(window, out, "11-recall-preview")
    box = pane.ask_start()
    assert isinstance(box, QMessageBox)
    shoot(box, out, "12-recall-confirm")
    box.accept()
    settle(lambda: pane.started is not None and not runner.busy)
    shoot(window, out, "13-recall-started")
    pane.track_started()
    settle(lambda: not runner.busy and pane.record.current() is not None)
    record = pane.record
    holders = [u for u in record.units.rows() if u.customer]
    for unit in holders[:2]:
        record.select_unit(unit.serial)
        record.mark_contacted()
        settle(lambda: not runner.busy)
    if holders:
        record.select_unit(holders[0].serial)
        services.recalls.resolve(record.current().id or 0, holders[0].serial, "repaired", "new battery contacts")  # type: ignore[union-attr]
        record.load(select_id=record.current().id)  # type: ignore[union-attr]
        settle(lambda: not runner.busy)
        record.select_unit(holders[0].serial)
    shoot(window, out, "14-recall-tracking")


def report_screens(window: MainWindow, runner: TaskRunner, out: Path) -> None:
    window.show_pane("reports")
    pane = window.panes["reports"]
    assert isinstance(pane, ReportsPane)
    settle(lambda: pane.shown is not None and not runner.busy)
    for index, name in enumerate(("turnover", "stock", "aging", "suppliers")):
        pane.ui.tabs.setCurrentIndex(index)
        shoot(window, out, f"2{index}-reports-{name}")


def label_screens(window: MainWindow, runner: TaskRunner, services: Services, out: Path) -> None:
    window.show_pane("receiving")
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    posted = [r for r in services.receiving.receipts() if r.status == "posted" and r.count <= 30]
    pane.last_posted = max(posted, key=lambda r: r.count)
    pane.show_draft()
    dialog = pane.ask_labels()
    assert dialog is not None
    dialog.resize(*SIZE)
    settle(lambda: dialog.pdf is not None and not runner.busy)
    linger(1.5)
    shoot(dialog, out, "30-labels-roll")
    dialog.ui.layoutCombo.setCurrentIndex(dialog.ui.layoutCombo.findData("a4-3x8"))
    dialog.ui.startSpin.setValue(4)
    dialog.ui.symbologyCombo.setCurrentIndex(dialog.ui.symbologyCombo.findData("datamatrix"))
    dialog.make_preview()
    settle(lambda: dialog.options().layout == "a4-3x8" and "A4" not in dialog.ui.pagesLabel.text() and
           not runner.busy and not dialog._rendering)
    linger(1.5)
    shoot(dialog, out, "31-labels-a4")
    dialog.reject()


def service_screens(window: MainWindow, runner: TaskRunner, wedge: WedgeFilter, services: Services,
                    out: Path) -> None:
    window.show_pane("service")
    pane = window.panes["service"]
    assert isinstance(pane, ServicePane)
    sold = [(row.sku, row.serial) for row in services.export.items() if row.status == "sold"]
    ticket = services.service_desk.open_ticket(f"{sold[3][0]}:{sold[3][1]}", "Display flickers when warm")
    services.service_desk.log_work(ticket.id, "Ordered a new display panel from the supplier.", 15)
    services.service_desk.set_status(ticket.id, "waiting_parts")
    wedge.sig_scan.emit(f"{sold[3][0]}:{sold[3][1]}")
    settle(lambda: pane.passport is not None and not runner.busy)
    shoot(window, out, "40-service-waiting-parts")
    wedge.sig_scan.emit("EXT-448812")
    settle(lambda: not runner.busy)
    dialog = pane.ask_foreign_unit()
    assert dialog is not None
    dialog.set_value("problem", "Does not start; bought abroad")
    dialog.search_edit.setText("an")
    dialog.search()
    settle(lambda: dialog.customer is not None and not runner.busy)
    shoot(dialog, out, "41-service-not-sold-by-us")
    dialog.reject()


def main(argv: list[str]) -> int:
    source, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    config = tempfile.mkdtemp(prefix="serialdesk-shots-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, config)
    os.environ["SERIALDESK_CONFIG"] = str(Path(config) / "serialdesk" / "serialdesk.ini")
    qapp = application()
    db = out / "demo-tools.db"
    shutil.copyfile(source, db)
    app = App(Settings(db_url=f"sqlite:///{db}", user="admin", station="till-1"))
    runner, wedge = TaskRunner(), WedgeFilter()
    services = app.services(app.actor("admin"))
    window = MainWindow(app, app.actor("admin"), runner, wedge,
                        preferences=Preferences(shop_name="Nordic Tools & Bikes, Aarhus"))
    window.resize(*SIZE)
    window.show()
    settle(lambda: not runner.busy)
    recall_screens(window, runner, services, out)
    report_screens(window, runner, out)
    label_screens(window, runner, services, out)
    service_screens(window, runner, wedge, services, out)
    settings = window.open_settings()
    shoot(settings, out, "50-settings")
    settings.reject()
    about = window.show_about()
    shoot(about, out, "51-about")
    about.close()
    window.close()
    runner.wait()
    app.close()
    shutil.rmtree(config, ignore_errors=True)
    QApplication.processEvents()
    qapp.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
