"""Ctrl+, Settings of this station (kept with QSettings), and the About box.

The station's location (issue 15: where the units it receives go) is chosen from the shop's locations; it is
kept in the same file under ``location``, which config.Settings reads at the next start."""

from __future__ import annotations

import platform
from collections.abc import Callable, Sequence
from dataclasses import replace
from html import escape
from importlib import metadata

import PySide6
from PySide6.QtCore import QSettings, Signal, qVersion
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton, QWidget

import serialdesk
from serialdesk.config import without_password
from serialdesk.gui.formats import masked_db_url
from serialdesk.gui.generated.ui_settings_dialog import Ui_SettingsDialog
from serialdesk.gui.preferences import LAYOUTS, SYMBOLOGIES, Preferences, preference_store, save_preferences
from serialdesk.gui.settings_resolver import ResolverField

SHOP_DEFAULT = "The shop's default location"


class SettingsDialog(QDialog):
    """Saves on OK; ``sig_saved(preferences, note)`` — the note says what waits for the next start."""

    sig_saved = Signal(object, str)

    def __init__(self, preferences: Preferences, db_url: str, station: str, *, store: QSettings | None = None,
                 location: str = "", parent: QWidget | None = None,
                 open_shop: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.store = store
        self.preferences = preferences
        self.location = location  # the station's location now ("" = the shop's default)
        self.set_locations([])
        self.ui.restartNote.setProperty("role", "muted")
        self.ui.stationEdit.setPlaceholderText(station)
        self.ui.currentDbLabel.setText(masked_db_url(db_url))
        for combo, choices in ((self.ui.layoutCombo, LAYOUTS), (self.ui.symbologyCombo, SYMBOLOGIES)):
            for shown, value in choices:
                combo.addItem(shown, value)
        self.printerEdit = QLineEdit(self.ui.labelsGroup)  # issue 18: ZPL straight to the label printer
        self.printerEdit.setObjectName("printerEdit")
        self.printerEdit.setPlaceholderText("none — e.g. 192.168.1.50:9100")
        self.printerEdit.setToolTip("A ZPL label printer's network address (raw port 9100 unless given); the labels "
                                    "dialog can then send roll labels straight to it")
        self.ui.labelsForm.addRow("Label printer (ZPL):", self.printerEdit)
        self.show_preferences(preferences)
        self.resolver = ResolverField(self.ui.labelsForm, self.ui.labelsGroup, store)  # issue 16
        self.resize(self.sizeHint().expandedTo(self.size()))  # every row at its height (not squeezed to the minimum)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        if open_shop is not None:  # issue 18: the shop profile (managers), shared by every station
            self.shop_button = QPushButton("Shop profile…", self)
            self.shop_button.setToolTip("Name, address, VAT number, logo and terms on receipts and job sheets")
            self.shop_button.clicked.connect(open_shop)
            self.ui.buttons.addButton(self.shop_button, QDialogButtonBox.ButtonRole.ResetRole)

    def show_preferences(self, p: Preferences) -> None:
        ui = self.ui
        ui.stationEdit.setText(p.station)
        ui.cameraSpin.setValue(p.camera_index)
        ui.cameraFileEdit.setText(p.camera_file)
        ui.soundsCheck.setChecked(bool(p.scan_sounds))
        ui.minLengthSpin.setValue(p.wedge_min_length)
        ui.maxGapSpin.setValue(p.wedge_max_gap_ms)
        ui.endIdleSpin.setValue(p.wedge_end_idle_ms)
        _choose(ui.layoutCombo, p.label_layout)
        _choose(ui.symbologyCombo, p.label_symbology)
        ui.shopEdit.setText(p.shop_name)
        self.printerEdit.setText(p.label_printer)
        ui.dbEdit.setText(p.db_url)

    def set_locations(self, names: Sequence[str]) -> None:
        """The shop's locations to choose from (loaded after the dialog opens); the station's is kept, and
        named even if it no longer exists, so saving does not change it unasked."""
        combo = self.ui.locationCombo
        chosen = str(combo.currentData()) if combo.count() and combo.currentData() is not None else self.location
        combo.clear()
        combo.addItem(SHOP_DEFAULT, "")
        for name in names:
            combo.addItem(name, name)
        if chosen and combo.findData(chosen) < 0:
            combo.addItem(f"{chosen} (not a location now)", chosen)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def chosen_location(self) -> str:
        data = self.ui.locationCombo.currentData()
        return str(data) if data else ""

    def values(self) -> Preferences:
        ui = self.ui
        return Preferences(
            station=ui.stationEdit.text().strip(), wedge_min_length=ui.minLengthSpin.value(),
            wedge_max_gap_ms=ui.maxGapSpin.value(), wedge_end_idle_ms=ui.endIdleSpin.value(),
            camera_index=ui.cameraSpin.value(), camera_file=ui.cameraFileEdit.text().strip(),
            scan_sounds=int(ui.soundsCheck.isChecked()), label_layout=str(ui.layoutCombo.currentData()),
            label_symbology=str(ui.symbologyCombo.currentData()), label_printer=self.printerEdit.text().strip(),
            shop_name=ui.shopEdit.text().strip() or Preferences().shop_name, db_url=ui.dbEdit.text().strip())

    def save(self) -> None:
        chosen = self.values()
        problem = chosen.problem() or self.resolver.problem()
        if problem:
            self.ui.banner.bad(problem)
            return
        save_preferences(chosen, self.store)
        self.resolver.save()
        place = self.chosen_location()
        store = self.store or preference_store()
        store.setValue("location", place)
        store.sync()
        chosen = replace(chosen, db_url=without_password(chosen.db_url))  # the password went to the keyring
        later = [what for what, changed in (("the station name", chosen.station != self.preferences.station),
                                            ("the database", chosen.db_url != self.preferences.db_url),
                                            ("location", place != self.location)) if changed]
        self.location = place
        note = (f"Settings saved. The new {' and '.join(later)} take{'s' if len(later) == 1 else ''} effect the "
                "next time serialdesk starts." if later else "Settings saved.")
        self.preferences = chosen
        self.sig_saved.emit(chosen, note)
        self.accept()


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def version() -> str:
    try:
        return metadata.version("serialdesk")
    except metadata.PackageNotFoundError:
        return serialdesk.__version__


def about_text(db_url: str, station: str) -> str:
    return (f"<h2>serialdesk {version()}</h2>"
            "<p>Serial-number tracking for shops and service centres: receiving, sales, returns, service, "
            "recalls and reports, unit by unit.</p>"
            f"<p><b>Database:</b> {escape(masked_db_url(db_url))}<br><b>Station:</b> {escape(station)}</p>"
            f"<p style='color:#64748b'>Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__}</p>"
            "<p style='color:#64748b'>Licence: proprietary — for use by the licensed shop. Qt and PySide6 are "
            "used under the LGPL v3; zxing-cpp (Apache 2.0), ZBar (LGPL) and OpenCV (Apache 2.0) read the "
            "barcodes.</p>")


def show_about(parent: QWidget, db_url: str, station: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "About serialdesk", about_text(db_url, station),
                      QMessageBox.StandardButton.Close, parent)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.open()
    return box

