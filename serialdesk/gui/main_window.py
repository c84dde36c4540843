"""The counter window: a side bar (F2 Receiving, F3 Sales, F4 Service, F6 Recalls, F7 Reports, Ctrl+L look up,
Ctrl+, settings, F1 help), the panes in a stack, and a status bar saying where and who this is. Every scan from
the wedge is routed from here."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QToolButton, QWidget

from serialdesk.bootstrap import App
from serialdesk.domain.roles import ALLOWED, Action, Actor
from serialdesk.gui import resources  # noqa: F401 - registers the icons and the style sheet
from serialdesk.gui.formats import clock_time, masked_db_url
from serialdesk.gui.generated.ui_main_window import Ui_MainWindow
from serialdesk.gui.help import HelpDialog
from serialdesk.gui.lookup import LookupDialog
from serialdesk.gui.panes.base import Pane
from serialdesk.gui.panes.recall import RecallPane
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.reports import ReportsPane
from serialdesk.gui.panes.sales import SalesPane
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.photo_dialog import PhotoReader
from serialdesk.gui.preferences import Preferences, load_preferences
from serialdesk.gui.settings_dialog import SettingsDialog, show_about
from serialdesk.gui.sounds import ScanSounds
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter
from serialdesk.gui.widgets.feedback import restyle

# pane key → (role action that enables it, nav button, key, icon)
PANES = {
    "receiving": (Action.RECEIVE, "navReceiving", "F2", ":/icons/receiving.svg"),
    "sales": (Action.SELL, "navSales", "F3", ":/icons/sales.svg"),
    "service": (Action.LOOKUP, "navService", "F4", ":/icons/service.svg"),  # the passport is for everyone
    "recalls": (Action.RECALL, "navRecalls", "F6", ":/icons/recall.svg"),
    "reports": (Action.REPORTS, "navReports", "F7", ":/icons/reports.svg"),
}


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
        self.panes: dict[str, Pane] = {
            "receiving": ReceivingPane(self.services, runner, self, database=app.settings.db_url),
            "sales": SalesPane(self.services, runner, self),
            "service": ServicePane(self.services, runner, self),
            "recalls": RecallPane(self.services, runner, self),
            "reports": ReportsPane(self.services, runner, self),
        }
        self._lookup: LookupDialog | None = None
        self._crash_box: QMessageBox | None = None
        self.sounds = ScanSounds(self, enabled=bool(self.preferences.scan_sounds))
        self._build_sidebar()
        self._build_status_bar()
        self._connect()
        self.photo = PhotoReader(self, self.services, runner, lambda: (self.current_key(), self.current_pane()))
        self.photo.button.setSizePolicy(self.ui.lookupButton.sizePolicy())
        self.ui.sidebarLayout.insertWidget(self.ui.sidebarLayout.indexOf(self.ui.lookupButton) + 1, self.photo.button)
        self.sig_pane_changed.connect(self.photo.pane_changed)
        for pane in self.panes.values():
            pane.preferences_changed(self.preferences)
            pane.load()
        self.show_pane(self.first_allowed_pane())

    # --- building -------------------------------------------------------------------------------------------

    def _build_sidebar(self) -> None:
        ui = self.ui
        ui.stationLabel.setText(f"Station {self.app.settings.station}")
        ui.userLabel.setText(f"{self.actor.name}\n{self.actor.role.value}")
        for key, (action, button_name, keys, icon) in PANES.items():
            pane = self.panes[key]
            button: QToolButton = getattr(ui, button_name)
            button.setIcon(QIcon(icon))
            button.setIconSize(QSize(20, 20))
            button.setText(f"{pane.title}   {keys}")
            ui.paneStack.addWidget(pane)
            allowed = self.actor.may(action)
            button.setEnabled(allowed)
            pane.setEnabled(allowed)
            if not allowed:
                who = " or ".join(sorted(r.value for r in ALLOWED[action]))
                button.setToolTip(f"{pane.title} needs a {who} account; you are signed in as {self.actor.role.value}.")
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
        for pane in self.panes.values():
            pane.sig_status.connect(lambda text: self.statusBar().showMessage(text, 6000))
            pane.sig_camera.connect(self.set_camera_state)
            pane.sig_camera_scan.connect(self.route_scan)
            scan_handled = getattr(pane, "sig_scan_handled", None)
            if scan_handled is not None:
                scan_handled.connect(self.sounds.scan_handled)
            pane.sig_data_changed.connect(lambda what, source=pane: self._data_changed(source, what))

    # --- panes ----------------------------------------------------------------------------------------------

    def first_allowed_pane(self) -> str:
        return next((key for key, (action, *_rest) in PANES.items() if self.actor.may(action)), "service")

    def current_key(self) -> str:
        current = self.ui.paneStack.currentWidget()
        return next(key for key, pane in self.panes.items() if pane is current)

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

    def _data_changed(self, source: Pane, what: str) -> None:
        for pane in self.panes.values():
            if pane is not source:
                pane.refresh(what)

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
        self.scanner_label.setProperty("tone", tone)
        restyle(self.scanner_label)

    def set_camera_state(self, tone: str, text: str) -> None:
        self.camera_label.setText("" if text == "Camera off" else "● " + text)
        self.camera_label.setProperty("tone", tone)
        restyle(self.camera_label)

    def open_lookup(self) -> LookupDialog:
        if self._lookup is None:
            self._lookup = LookupDialog(self.services, self.runner, self)
        self._lookup.start()
        return self._lookup

    def show_help(self) -> HelpDialog:
        dialog = HelpDialog(self.current_pane().help_topic, self)
        dialog.show()
        return dialog

    def open_settings(self) -> SettingsDialog:
        settings = self.app.settings
        dialog = SettingsDialog(self.preferences, settings.db_url, settings.station, parent=self)
        dialog.sig_saved.connect(self.apply_preferences)
        dialog.open()
        return dialog

    def apply_preferences(self, preferences: Preferences, note: str = "") -> None:
        """Saved settings: the scanner's thresholds apply at once, the panes take what concerns them."""
        self.preferences = preferences
        self.sounds.set_enabled(bool(preferences.scan_sounds))
        if self.wedge is not None:
            self.wedge.set_settings(preferences.wedge_settings())
        for pane in self.panes.values():
            pane.preferences_changed(preferences)
        if note:
            self.statusBar().showMessage(note, 10_000)

    def show_about(self) -> QMessageBox:
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
        if self.wedge is not None:
            self.wedge.sig_scan.disconnect(self.route_scan)
        self.runner.wait()
        super().closeEvent(event)
