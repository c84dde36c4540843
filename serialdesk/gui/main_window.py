"""The counter window: a side bar (F2 Receiving, F3 Sales, F8 Assembly, F4 Service, F6 Recalls, F7 Reports,
F9 Purchasing, F10 Transfers, Ctrl+L look up, Ctrl+, settings, F1 help), the panes in a stack, and a status bar
saying where and who this is. Every scan from the wedge is routed from here."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QToolButton, QWidget

from serialdesk.bootstrap import App
from serialdesk.domain.changes import Changes
from serialdesk.domain.roles import ALLOWED, Action, Actor
from serialdesk.gui import resources  # noqa: F401 - registers the icons and the style sheet
from serialdesk.gui.announcer import Announcer
from serialdesk.gui.formats import clock_time, masked_db_url
from serialdesk.gui.generated.ui_main_window import Ui_MainWindow
from serialdesk.gui.panes.base import Pane
from serialdesk.gui.preferences import Preferences, load_preferences
from serialdesk.gui.sounds import ScanSounds
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter
from serialdesk.gui.widgets.feedback import restyle

if TYPE_CHECKING:  # built when first needed: the window paints before these are imported
    from serialdesk.gui.help import HelpDialog
    from serialdesk.gui.lookup import LookupDialog
    from serialdesk.gui.photo_dialog import PhotoReader
    from serialdesk.gui.settings_dialog import SettingsDialog
    from serialdesk.gui.shop_settings import ShopSettingsDialog

# pane key → (role action that enables it, nav button, key, icon)
PANES = {
    "receiving": (Action.RECEIVE, "navReceiving", "F2", ":/icons/receiving.svg"),
    "sales": (Action.SELL, "navSales", "F3", ":/icons/sales.svg"),
    "assembly": (Action.ASSEMBLE, "navAssembly", "F8", ":/icons/assembly.svg"),
    "service": (Action.LOOKUP, "navService", "F4", ":/icons/service.svg"),  # the passport is for everyone
    "recalls": (Action.RECALL, "navRecalls", "F6", ":/icons/recall.svg"),
    "reports": (Action.REPORTS, "navReports", "F7", ":/icons/reports.svg"),
    "purchasing": (Action.RECEIVE, "navPurchasing", "F9", ":/icons/receiving.svg"),
    "transfers": (Action.RECEIVE, "navTransfers", "F10", ":/icons/lookup.svg"),
}
# pane key → (title, module, class): a pane's module is imported when the pane is first built
PANE_CLASSES = {
    "receiving": ("Receiving", "serialdesk.gui.panes.receiving", "ReceivingPane"),
    "sales": ("Sales", "serialdesk.gui.panes.sales", "SalesPane"),
    "assembly": ("Assembly", "serialdesk.gui.panes.assembly", "AssemblyPane"),
    "service": ("Service", "serialdesk.gui.panes.service", "ServicePane"),
    "recalls": ("Recalls", "serialdesk.gui.panes.recall", "RecallPane"),
    "reports": ("Reports", "serialdesk.gui.panes.reports", "ReportsPane"),
    "purchasing": ("Purchasing", "serialdesk.gui.panes.purchasing", "PurchasingPane"),
    "transfers": ("Transfers", "serialdesk.gui.panes.transfers", "TransfersPane"),
}


class LazyPanes(Mapping[str, Pane]):
    """The window's panes by key, each built the first time it is asked for (``window.panes["sales"]``).
    Iterating gives every key; ``built()`` the panes that exist so far (iterating ``values()`` builds them all)."""

    def __init__(self, keys: list[str], build: Callable[[str], Pane]) -> None:
        self._keys = keys
        self._build = build
        self._built: dict[str, Pane] = {}

    def __getitem__(self, key: str) -> Pane:
        pane = self._built.get(key)
        if pane is None:
            if key not in self._keys:
                raise KeyError(key)
            pane = self._built[key] = self._build(key)
        return pane

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> dict[str, Pane]:
        return dict(self._built)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def all_built(self) -> bool:
        return len(self._built) == len(self._keys)

    def next_unbuilt(self) -> str | None:
        return next((key for key in self._keys if key not in self._built), None)


BUILD_REST_AFTER_MS = 1500  # the rest of the window is built after the first paint, or after this at the latest
AFTER_PAINT_MS = 50


class MainWindow(QMainWindow):
    sig_pane_changed = Signal(str)
    sig_signed_out = Signal()

    def __init__(self, app: App, actor: Actor, runner: TaskRunner, wedge: WedgeFilter | None = None,
                 parent: QWidget | None = None, *, preferences: Preferences | None = None) -> None:
        super().__init__(parent)
        self.app, self.actor, self.runner, self.wedge = app, actor, runner, wedge
        self.preferences = preferences or load_preferences()
        self.services = app.services(actor)
        self.signed_out = False
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(f"serialdesk — {actor.name} at {app.settings.station}")
        self.setWindowIcon(QIcon(":/icons/app.svg"))
        self.setMinimumSize(1100, 640)
        # Only the first pane is built before the window paints; the others are built one at a time once it has
        # (or at once when asked for), each loading fresh, with this station's preferences.
        self.panes = LazyPanes(list(PANES), self._build_pane)
        self._lookup: LookupDialog | None = None
        self._crash_box: QMessageBox | None = None
        self.photo: PhotoReader | None = None
        self.sounds = ScanSounds(self, enabled=bool(self.preferences.scan_sounds))
        self.announcer = Announcer(self.services, self)
        self.announcer.sig_changes.connect(self.announce)
        self._build_sidebar()
        self._build_status_bar()
        self._connect()
        self.show_pane(self.first_allowed_pane())
        self._painted = self._rest_done = self._panes_finished = False
        self.installEventFilter(self)
        QTimer.singleShot(BUILD_REST_AFTER_MS, self._build_rest)  # without a paint (hidden, offscreen): anyway

    # --- building -------------------------------------------------------------------------------------------

    def _build_sidebar(self) -> None:
        ui = self.ui
        ui.stationLabel.setText(f"Station {self.app.settings.station}")
        ui.userLabel.setText(f"{self.actor.name}\n{self.actor.role.value}")
        for key, (action, button_name, keys, icon) in PANES.items():
            title = PANE_CLASSES[key][0]
            button: QToolButton = getattr(ui, button_name)
            button.setIcon(QIcon(icon))
            button.setIconSize(QSize(20, 20))
            button.setText(f"{title}   {keys}")
            allowed = self.actor.may(action)
            button.setEnabled(allowed)
            if not allowed:
                who = " or ".join(sorted(r.value for r in ALLOWED[action]))
                button.setToolTip(f"{title} needs a {who} account; you are signed in as {self.actor.role.value}.")
            button.clicked.connect(lambda _checked=False, k=key: self.show_pane(k))
            QShortcut(QKeySequence(keys), self).activated.connect(lambda k=key: self.show_pane(k))
        ui.lookupButton.setIcon(QIcon(":/icons/lookup.svg"))
        ui.lookupButton.setText("Look up   Ctrl+L")
        ui.helpButton.setIcon(QIcon(":/icons/help.svg"))
        ui.helpButton.setText("Help   F1")
        ui.settingsButton.setIcon(QIcon(":/icons/settings.svg"))
        ui.settingsButton.setText("Settings   Ctrl+,")
        ui.signOutButton.setIcon(QIcon(":/icons/signout.svg"))
        for button in (ui.lookupButton, ui.helpButton, ui.settingsButton):
            button.setIconSize(QSize(20, 20))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        settings = self.app.settings
        self.station_label = QLabel(f"Station: {settings.station}")
        self.user_label = QLabel(f"User: {self.actor.name} ({self.actor.role.value})")
        self.db_label = QLabel(f"Database: {masked_db_url(settings.db_url)}")
        self.db_label.setToolTip(masked_db_url(settings.db_url))
        self.scanner_label = QLabel()
        self.busy_label = QLabel("")
        self.camera_label = QLabel("")
        for label in (self.station_label, self.user_label, self.db_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.camera_label)
        bar.addPermanentWidget(self.scanner_label)
        self.set_scanner_state("ready" if self.wedge is not None else "off")

    def _connect(self) -> None:
        ui = self.ui
        ui.lookupButton.clicked.connect(self.open_lookup)
        ui.helpButton.clicked.connect(self.show_help)
        ui.signOutButton.clicked.connect(self.sign_out)
        ui.settingsButton.clicked.connect(self.open_settings)
        ui.aboutButton.clicked.connect(self.show_about)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.open_lookup)
        QShortcut(QKeySequence("Ctrl+,"), self).activated.connect(self.open_settings)
        QShortcut(QKeySequence("F1"), self).activated.connect(self.show_help)
        self.runner.sig_busy.connect(lambda busy: self.busy_label.setText("Saving…" if busy else ""))
        self.runner.sig_crashed.connect(self.show_crash)
        self.runner.sig_notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        if self.wedge is not None:
            self.wedge.sig_scan.connect(self.route_scan)

    def _build_pane(self, key: str) -> Pane:
        """Build one pane (importing its module now), put it in the stack, and let it load."""
        _title, module, name = PANE_CLASSES[key]
        cls = getattr(importlib.import_module(module), name)
        if key == "receiving":
            pane: Pane = cls(self.services, self.runner, self, database=self.app.settings.db_url)
        else:
            pane = cls(self.services, self.runner, self)
        self.ui.paneStack.addWidget(pane)
        pane.setEnabled(self.actor.may(PANES[key][0]))
        pane.sig_status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        pane.sig_camera.connect(self.set_camera_state)
        pane.sig_camera_scan.connect(self.route_scan)
        scan_handled = getattr(pane, "sig_scan_handled", None)
        if scan_handled is not None:
            scan_handled.connect(self.sounds.scan_handled)
        pane.preferences_changed(self.preferences)
        pane.load()
        if getattr(self, "_panes_finished", False):
            self._finish_pane(pane)
        return pane

    def _finish_pane(self, pane: Pane) -> None:
        """What a pane leaves until the window has painted (its dialogs built ahead, say)."""
        build_rest = getattr(pane, "build_rest", None)
        if callable(build_rest):
            build_rest()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)  # seen: not a Python call for every event of the window from now on
            QTimer.singleShot(AFTER_PAINT_MS, self._build_rest)  # once the paint is on screen
        return False

    def _build_rest(self) -> None:
        """After the first paint: the photo reader, the other panes, then the label renderer — one per turn of
        the event loop (the clerk can scan into the first pane in between)."""
        if self._rest_done:
            return
        if not self._panes_finished:
            self._panes_finished = True
            for pane in self.panes.built().values():
                self._finish_pane(pane)
        elif self.photo is None:
            self._build_photo()
        elif (key := self.panes.next_unbuilt()) is not None:
            self.panes[key]
        else:
            import serialdesk.gui.labels_dialog  # Qt's PDF and print modules, for the first Ctrl+P
            import serialdesk.labels.qt_render  # noqa: F401 - on the GUI thread, before a worker renders a label

            self._rest_done = True
            return
        QTimer.singleShot(0, self._build_rest)

    def _build_photo(self) -> None:
        from serialdesk.gui.photo_dialog import PhotoReader

        self.photo = PhotoReader(self, self.services, self.runner, lambda: (self.current_key(), self.current_pane()))
        self.photo.button.setSizePolicy(self.ui.lookupButton.sizePolicy())
        self.ui.sidebarLayout.insertWidget(self.ui.sidebarLayout.indexOf(self.ui.lookupButton) + 1, self.photo.button)
        self.sig_pane_changed.connect(self.photo.pane_changed)
        self.photo.pane_changed(self.current_key())

    # --- panes ----------------------------------------------------------------------------------------------

    def first_allowed_pane(self) -> str:
        return next((key for key, (action, *_rest) in PANES.items() if self.actor.may(action)), "service")

    def current_key(self) -> str:
        current = self.ui.paneStack.currentWidget()
        return next(key for key, pane in self.panes.built().items() if pane is current)

    def current_pane(self) -> Pane:
        return self.panes[self.current_key()]

    def show_pane(self, key: str) -> None:
        pane = self.panes[key]
        if not pane.isEnabled():
            button: QToolButton = getattr(self.ui, PANES[key][1])
            self.statusBar().showMessage(button.toolTip(), 6000)
            return
        self.ui.paneStack.setCurrentWidget(pane)
        getattr(self.ui, PANES[key][1]).setChecked(True)
        pane.activate()
        self.sig_pane_changed.emit(key)

    def announce(self, changes: Changes) -> None:
        """What changed — here or elsewhere — to every pane built so far (one built later loads fresh)."""
        for pane in self.panes.built().values():
            pane.refresh(changes)

    # --- scans, look-up, help -------------------------------------------------------------------------------

    def route_scan(self, text: str) -> None:
        """A scan from the wedge or a pane's camera: to the open dialog that takes scans, else to the pane in front."""
        self.set_scanner_state("scanned")
        modal = QApplication.activeModalWidget()
        if modal is not None:
            handle = getattr(modal, "handle_scan", None)
            if callable(handle):
                handle(text)
            else:
                self.statusBar().showMessage("Scan ignored: close the open window first, then scan again.", 6000)
            return
        self.current_pane().handle_scan(text)

    def set_scanner_state(self, state: str) -> None:
        texts = {"ready": ("Scanner ready", "good"), "off": ("Scanner: keyboard only", "warn"),
                 "scanned": (f"Scanner ready · last scan {clock_time(datetime.now(UTC))}", "good")}
        text, tone = texts[state]
        self.scanner_label.setText("● " + text)
        if self.scanner_label.property("tone") != tone:  # a restyle per scan would re-polish the status bar
            self.scanner_label.setProperty("tone", tone)
            restyle(self.scanner_label)

    def set_camera_state(self, tone: str, text: str) -> None:
        self.camera_label.setText("" if text == "Camera off" else "● " + text)
        self.camera_label.setProperty("tone", tone)
        restyle(self.camera_label)

    def open_lookup(self) -> LookupDialog:
        from serialdesk.gui.lookup import LookupDialog

        if self._lookup is None:
            self._lookup = LookupDialog(self.services, self.runner, self)
        self._lookup.start()
        return self._lookup

    def show_help(self) -> HelpDialog:
        from serialdesk.gui.help import HelpDialog

        dialog = HelpDialog(self.current_pane().help_topic, self)
        dialog.show()
        return dialog

    def open_settings(self) -> SettingsDialog:
        from serialdesk.gui.settings_dialog import SettingsDialog
        from serialdesk.workflows.purchasing import supply

        settings = self.app.settings
        manager = self.services.actor.role.value == "manager"
        dialog = SettingsDialog(self.preferences, settings.db_url, settings.station, location=settings.location,
                                parent=self, open_shop=(lambda: self.open_shop_settings(dialog)) if manager else None)
        dialog.sig_saved.connect(self.apply_preferences)
        places = supply(self.services).locations  # the station's location is chosen from the shop's (issue 15)
        self.runner.run(lambda: [v.name for v in places.locations() if v.kind != "transit"], dialog.set_locations)
        dialog.open()
        return dialog

    def open_shop_settings(self, parent: QWidget | None = None) -> ShopSettingsDialog:
        from serialdesk.gui.shop_settings import ShopSettingsDialog  # issue 18

        dialog = ShopSettingsDialog(self.services, self.runner, parent or self)
        dialog.open()
        self._shop_dialog = dialog
        return dialog

    def apply_preferences(self, preferences: Preferences, note: str = "") -> None:
        """Saved settings: the scanner's thresholds apply at once, the panes take what concerns them."""
        self.preferences = preferences
        self.sounds.set_enabled(bool(preferences.scan_sounds))
        if self.wedge is not None:
            self.wedge.set_settings(preferences.wedge_settings())
        for pane in self.panes.built().values():
            pane.preferences_changed(preferences)
        if note:
            self.statusBar().showMessage(note, 10_000)

    def show_about(self) -> QMessageBox:
        from serialdesk.gui.settings_dialog import show_about

        return show_about(self, self.app.settings.db_url, self.app.settings.station)

    def show_crash(self, what: str, details: str) -> None:
        """An unexpected error: one clear dialog (not one per failed scan), with the details to pass on."""
        if self._crash_box is not None and self._crash_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "serialdesk — unexpected error",
                          f"Something went wrong while trying to {what}.\n\nNothing was half-saved: each action is "
                          "saved whole or not at all. Try again; if it keeps happening, pass the details on to "
                          "whoever looks after this PC.", QMessageBox.StandardButton.Close, self)
        box.setDetailedText(details)
        self._crash_box = box
        box.open()

    def sign_out(self) -> None:
        self.signed_out = True
        self.sig_signed_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.announcer.stop()
        if self.wedge is not None:
            self.wedge.sig_scan.disconnect(self.route_scan)
        self.runner.wait()
        super().closeEvent(event)
