"""Real windows on a real temporary SQLite database; the shop set up through the services, like the CLI does.

Scans reach the window as the wedge reports them (its ``sig_scan``) or as typed text + Enter in a scan field.
Nothing sleeps: tests wait for the panes' signals.
"""

from __future__ import annotations

import importlib.abc
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.resources import apply_style
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter
from serialdesk.services.dto import PartyView, ProductView

GTIN = "4006381333931"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-screenshots"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.glob("*.png")):
        terminalreporter.write_line(f"Screenshots of every pane: {SCREENSHOTS}")


class QtImportWatch(importlib.abc.MetaPathFinder):
    """Records every first import of a Qt module (or of the label renderer built on it) made off the main
    thread: importing PySide6 on a worker while the GUI thread runs the event loop can crash the process."""

    WATCHED = ("PySide6", "shiboken6", "serialdesk.labels.qt_render", "serialdesk.gui")

    def __init__(self) -> None:
        self.off_main: list[tuple[str, str]] = []

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> None:
        if fullname.startswith(self.WATCHED) and threading.current_thread() is not threading.main_thread():
            self.off_main.append((fullname, threading.current_thread().name))
        return None  # the real finders do the importing


QT_IMPORTS = QtImportWatch()
sys.meta_path.insert(0, QT_IMPORTS)


@pytest.fixture(autouse=True)
def qt_imported_on_the_gui_thread() -> Iterator[None]:
    QT_IMPORTS.off_main.clear()
    yield
    assert not QT_IMPORTS.off_main, f"Qt modules imported on a worker thread: {QT_IMPORTS.off_main}"


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Station settings (QSettings, INI) go to a temporary folder: tests never read or change the real ones."""
    folder = tmp_path / "config"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("SERIALDESK_CONFIG", str(folder / "serialdesk" / "serialdesk.ini"))
    yield folder


@pytest.fixture
def gui_app(sqlite_url: str, clock: Callable[[], object]) -> Iterator[App]:
    application = App(Settings(db_url=sqlite_url, user="admin", station="test"), clock=clock)  # type: ignore[arg-type]
    yield application
    application.close()


@pytest.fixture
def admin_services(gui_app: App) -> Services:
    return gui_app.services(gui_app.actor("admin"))


class Shop:
    """What the tests sell: one drill with a barcode and 24 months' warranty, its supplier, one customer."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.product: ProductView = services.catalogue.add_product(
            "DRL-18V", "Cordless drill 18V", gtin=GTIN, cost="80.00", price="129.90", warranty_months=24)
        self.supplier: PartyView = services.catalogue.add_supplier("Makita Europe")
        self.customer: PartyView = services.catalogue.add_customer("Jane Smith", phone="+45 20 123456")

    def stock(self, *serials: str) -> None:
        self.services.receiving.receive_units(supplier=self.supplier.number, sku="DRL-18V", serials=serials)


@pytest.fixture
def shop(admin_services: Services) -> Shop:
    return Shop(admin_services)


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


@pytest.fixture
def open_window(
    qtbot: QtBot, qapp: QApplication, gui_app: App, runner: TaskRunner
) -> Iterator[Callable[..., MainWindow]]:
    """Opens the main window for a user (admin by default) once the shop is set up, and waits for its panes."""

    installed: list[WedgeFilter] = []

    def make(user: str = "admin", *, install_wedge: bool = False) -> MainWindow:
        apply_style(qapp)
        wedge = WedgeFilter()  # not installed unless asked: tests emit its signal, as a scanner burst would
        if install_wedge:
            wedge.install(qapp)
            installed.append(wedge)
        window = MainWindow(gui_app, gui_app.actor(user), runner, wedge)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # keys (and shortcuts) go to the active window
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.panes.all_built() and not runner.busy)  # the others are built after paint
        return window

    yield make
    for wedge in installed:
        wedge.uninstall(qapp)

