"""Screenshots of the counter app on a copy of a demo database, to look at it as a user would.

    .venv/bin/serialdesk --db /tmp/gui-demo.db demo --items 300
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/gui/make_screenshots.py /tmp/gui-demo.db /tmp/shots

Not a test (pytest does not collect it): it drives the real window through a receiving session, a sale, a
return, the service desk and the look-up, and saves one PNG per state at 1366×768 and 1920×1080.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.gui.app import application
from serialdesk.gui.login import LoginDialog
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.sales import SalesPane
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter


def settle(condition: Callable[[], bool] = lambda: True, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QApplication.processEvents()
        if condition():
            break
    for _ in range(20):
        QApplication.processEvents()


def shoot(widget: QWidget, out: Path, name: str) -> None:
    settle()
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def units(services: Services, status: str, count: int) -> list[tuple[str, str]]:
    found = [(row.sku, row.serial) for row in services.export.items() if row.status == status]
    return found[:count]


def session(app: App, runner: TaskRunner, out: Path, size: tuple[int, int]) -> None:
    tag = f"{size[0]}x{size[1]}"
    services = app.services(app.actor("admin"))
    wedge = WedgeFilter()
    window = MainWindow(app, app.actor("admin"), runner, wedge)
    window.resize(*size)
    window.show()
    settle(lambda: not runner.busy)
    receiving = window.panes["receiving"]
    assert isinstance(receiving, ReceivingPane)
    in_stock = units(services, "in_stock", 3)
    product = next(p for p in receiving.products.values() if p.sku == in_stock[0][0])
    gtin = product.gtin or product.sku
    for text in (gtin, f"NEW{tag}A", f"NEW{tag}B", f"NEW{tag}C", f"NEW{tag}A", in_stock[0][1]):
        wedge.sig_scan.emit(text)
        settle(lambda: not receiving.queue.busy and not runner.busy)
    shoot(window, out, f"{tag}-1-receiving")

    window.show_pane("sales")
    sales = window.panes["sales"]
    assert isinstance(sales, SalesPane)
    sales.ui.customerSearch.setText("an")
    sales.search_customers()
    settle(lambda: sales.customers.rowCount() > 0)
    sales.choose_customer(sales.customers.row_at(0))
    sold = units(services, "sold", 1)
    for _, serial in (*in_stock[1:3], *sold):
        wedge.sig_scan.emit(f"{_}:{serial}")
        settle(lambda: not sales.queue.busy and not runner.busy)
    shoot(window, out, f"{tag}-2-sales-cart")
    sales.complete()
    settle(lambda: sales.cart.rowCount() == 0)
    shoot(window, out, f"{tag}-3-sales-receipt")

    shoot_service(window, wedge, runner, services, out, tag, in_stock[1], sold[0])
    window.close()


def shoot_service(window: MainWindow, wedge: WedgeFilter, runner: TaskRunner, services: Services, out: Path,
                  tag: str, unit: tuple[str, str], sold: tuple[str, str]) -> None:
    in_stock = [unit, unit]
    window.show_pane("service")
    service = window.panes["service"]
    assert isinstance(service, ServicePane)
    wedge.sig_scan.emit(f"{in_stock[1][0]}:{in_stock[1][1]}")
    settle(lambda: service.passport is not None)
    services.service_desk.open_ticket(f"{in_stock[1][0]}:{in_stock[1][1]}", "Battery does not hold its charge")
    ticket = services.service_desk.tickets()[0]
    services.service_desk.log_work(ticket.id, "Tested with a new battery: the charger is at fault.", 20)
    service.queue.push(f"{in_stock[1][0]}:{in_stock[1][1]}")
    settle(lambda: not runner.busy)
    shoot(window, out, f"{tag}-4-service-passport")
    old = [(row.sku, row.serial) for row in services.export.items() if row.status == "sold"]
    wedge.sig_scan.emit(f"{old[-1][0]}:{old[-1][1]}")
    settle(lambda: not runner.busy)
    shoot(window, out, f"{tag}-5-service-other")

    lookup = window.open_lookup()
    wedge.sig_scan.emit(f"{sold[0]}:{sold[1]}")
    settle(lambda: not runner.busy)
    shoot(lookup, out, f"{tag}-6-lookup")
    lookup.reject()
    help_dialog = window.show_help()
    shoot(help_dialog, out, f"{tag}-7-help")
    help_dialog.close()


def main(argv: list[str]) -> int:
    source, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    qapp = application()
    for size in ((1366, 768), (1920, 1080)):
        db = out / f"demo-{size[0]}.db"
        shutil.copyfile(source, db)
        app = App(Settings(db_url=f"sqlite:///{db}", user="admin", station="till-1"))
        runner = TaskRunner()
        if size[0] == 1366:
            login = LoginDialog(app, runner, "admin", "Wrong user name or PIN.")
            login.show()
            shoot(login, out, "0-login")
            login.close()
        session(app, runner, out, size)
        runner.wait()
        app.close()
    qapp.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
