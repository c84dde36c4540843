"""Screenshots of the camera scanner and of receiving many serials at 1366×768, on a copy of a demo database.

    .venv/bin/serialdesk --db /tmp/gui-demo.db demo --items 300
    xvfb-run -a .venv/bin/python tests/gui/make_screenshots_receiving.py /tmp/gui-demo.db /tmp/shots

Not a test (pytest does not collect it). The camera reads a video of labels written here with cv2.VideoWriter.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.unit.test_camera's clip makers

from make_screenshots import settle, shoot  # beside this script
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.gui.app import application
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.sales import SalesPane
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter
from tests.unit.test_camera import code128_label, nothing, passing_by, write_clip

SIZE = (1366, 768)


def camera_screens(window: MainWindow, pane: ReceivingPane, clip: Path, out: Path) -> None:
    window.apply_preferences(Preferences(shop_name="Nordic Tools & Bikes, Aarhus", camera_file=str(clip)))
    panel = pane.ui.cameraPanel
    panel.start()
    settle(lambda: panel.ui.previewLabel.pixmap() is not None and not panel.ui.previewLabel.pixmap().isNull()
           and pane.count >= 1)
    shoot(window, out, "60-receiving-camera-on")
    settle(lambda: not panel.running, timeout=30)
    settle(lambda: not pane.queue.busy)
    shoot(window, out, "61-receiving-camera-lost")
    window.apply_preferences(Preferences(shop_name="Nordic Tools & Bikes, Aarhus", camera_index=7))
    panel.start()
    settle(lambda: not panel.running and "No camera" in window.camera_label.text())
    shoot(window, out, "62-receiving-no-camera")


def bulk_screens(window: MainWindow, pane: ReceivingPane, out: Path) -> None:
    dialog = pane.bulk.ask_range()
    assert dialog is not None
    dialog.set_value("first", "SHOT0001")
    dialog.set_value("last", "SHOT0040")
    shoot(window, out, "63-receiving-range-dialog")
    dialog.reject()
    pane.bulk.add([f"SHOT{n:04d}" for n in range(1, 41)])
    settle(lambda: pane.bulk.total - len(pane.bulk.pending) >= 5)
    assert pane.bulk.progress is not None
    shoot(pane.bulk.progress, out, "64-receiving-adding-progress")
    pane.bulk.cancel()
    settle(lambda: not pane.bulk.running)
    shoot(window, out, "65-receiving-adding-cancelled")
    expected = pane.expected
    expected.start()
    expected.ui.pasteEdit.setPlainText("\n".join(f"SHOT{n:04d}" for n in range(1, 13)))
    expected.use_pasted()
    shoot(expected, out, "66-receiving-expected-list")
    expected.ui.stateCombo.setCurrentIndex(expected.ui.stateCombo.findData("Missing"))
    shoot(expected, out, "67-receiving-expected-missing")
    expected.close()


def sales_screens(window: MainWindow, runner: TaskRunner, out: Path) -> None:
    window.show_pane("sales")
    sales = window.panes["sales"]
    assert isinstance(sales, SalesPane)
    services = window.services
    in_stock = [(r.sku, r.serial) for r in services.export.items() if r.status == "in_stock"][:2]
    sales.ui.customerSearch.setText("an")
    sales.search_customers()
    settle(lambda: sales.customers.rowCount() > 0)
    sales.choose_customer(sales.customers.row_at(0))
    for sku, serial in in_stock:
        sales.handle_scan(f"{sku}:{serial}")
        settle(lambda: not sales.queue.busy and not runner.busy)
    sales.complete()
    settle(lambda: sales.cart.rowCount() == 0 and sales.last_sale is not None)
    shoot(window, out, "69-sales-receipt-buttons")
    sales.receipt_output.save_pdf(out / "70-sale-receipt.pdf")
    settle(lambda: not runner.busy and (out / "70-sale-receipt.pdf").stat().st_size > 0)


def main(argv: list[str]) -> int:
    source, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    config = tempfile.mkdtemp(prefix="serialdesk-shots-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, config)
    os.environ["SERIALDESK_CONFIG"] = str(Path(config) / "serialdesk" / "serialdesk.ini")
    qapp = application()
    db = out / "demo-receiving.db"
    shutil.copyfile(source, db)
    app = App(Settings(db_url=f"sqlite:///{db}", user="admin", station="till-1"))
    runner = TaskRunner()
    window = MainWindow(app, app.actor("admin"), runner, WedgeFilter(),
                        preferences=Preferences(shop_name="Nordic Tools & Bikes, Aarhus"))
    window.resize(*SIZE)
    window.show()
    settle(lambda: not runner.busy)
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    sku = pane.ui.productCombo.itemData(1)
    pane.setup.select_product(str(sku))
    parts = [nothing(10)]
    for serial in ("CAM00001", "CAM00002", "CAM00003"):
        parts += [passing_by(code128_label(serial), 60), nothing(20)]
    clip = write_clip(out / "labels.avi", parts)
    camera_screens(window, pane, clip, out)
    bulk_screens(window, pane, out)
    sales_screens(window, runner, out)
    settings = window.open_settings()
    shoot(settings, out, "68-settings-camera-sounds")
    settings.reject()
    window.close()
    runner.wait()
    app.close()
    shutil.rmtree(config, ignore_errors=True)
    QApplication.processEvents()
    qapp.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
