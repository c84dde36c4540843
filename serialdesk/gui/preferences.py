"""This station's preferences, kept with QSettings in the station's settings file (config.settings_file(), an
INI in the user's config folder that the CLI reads too):
station name, scanner thresholds, camera, label defaults and the label printer's address (ZPL to its raw port),
the shop's name on letters,
and the database to open at the next start.

A database password is never written here: it goes to the OS keyring, or — on a computer without one — is kept
in memory only and asked again at the next start. An older file that still holds one is rewritten without it.
The file and its folder are readable by the owner only.

Precedence at start-up: ``--db`` / ``$SERIALDESK_DB`` and ``$SERIALDESK_STATION`` beat what is saved here;
what is saved here beats the built-in defaults (the user data folder, the computer's name).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtCore import QSettings

from serialdesk.config import (
    Settings,
    default_db_url,
    needs_password,
    password_of,
    remember_password,
    settings_file,
    stored_password,
    with_password,
    without_password,
)
from serialdesk.files import PRIVATE_DIR, make_private
from serialdesk.scanning.wedge import WedgeSettings

ORGANISATION = APPLICATION = "serialdesk"
LAYOUTS = (("Roll, 62 × 29 mm", "roll-62x29"), ("A4 sheet, 3 × 8", "a4-3x8"))
SYMBOLOGIES = (("Code 128", "code128"), ("DataMatrix", "datamatrix"), ("QR code", "qr"))
_DB_URL = re.compile(r"^[a-z][a-z0-9+]*://\S*$")


@dataclass(frozen=True)
class Preferences:
    station: str = ""  # empty: $SERIALDESK_STATION or the computer's name
    wedge_min_length: int = 4
    wedge_max_gap_ms: int = 50
    wedge_end_idle_ms: int = 120
    camera_index: int = 0
    camera_file: str = ""  # a video of labels read instead of the camera (demos, tests); empty: the device
    scan_sounds: int = 1  # 1: a sound for each accepted / refused scan (an int: QSettings' INI keeps it plainly)
    label_layout: str = "roll-62x29"
    label_symbology: str = "code128"
    label_printer: str = ""  # HOST[:PORT] of a ZPL label printer's raw port; empty: none at this station
    shop_name: str = "Our shop"
    db_url: str = ""  # empty: $SERIALDESK_DB or the default file; takes effect at the next start

    def wedge_settings(self) -> WedgeSettings:
        return WedgeSettings(min_length=self.wedge_min_length, max_gap=self.wedge_max_gap_ms / 1000,
                             end_idle=self.wedge_end_idle_ms / 1000)

    def camera_source(self) -> int | str:
        """What the camera scanner reads: the video file when one is given, else the device."""
        return self.camera_file or self.camera_index

    def problem(self) -> str | None:
        """What is wrong with these values, in the manager's words; None when they can be saved."""
        if self.wedge_min_length < 1:
            return "A scan has at least 1 character."
        if not 0 < self.wedge_max_gap_ms <= self.wedge_end_idle_ms:
            return ("The pause that ends a scan must be at least as long as the longest gap between a scanner's "
                    "keys.")
        if self.label_layout not in {v for _, v in LAYOUTS} or self.label_symbology not in {v for _, v in SYMBOLOGIES}:
            return "Choose a label layout and a barcode type from the lists."
        if self.label_printer:
            from serialdesk.domain.errors import DomainError
            from serialdesk.labels.printer import printer_address

            try:
                printer_address(self.label_printer)
            except DomainError as exc:
                return exc.message
        if self.db_url and not _DB_URL.match(self.db_url):
            return (f"'{self.db_url}' is not a database URL: use e.g. sqlite:////home/shop/shop.db or "
                    "postgresql+psycopg://user@host/shop.")
        return None


def preference_store() -> QSettings:
    """The INI file the preferences live in: config.settings_file(), which the CLI reads too (tests point
    $SERIALDESK_CONFIG at a temporary file)."""
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


# Passwords typed on a computer without a keyring: this process only, never on disk (account URL → password).
_in_memory: dict[str, str] = {}


def keep_password(url: str) -> str:
    """Put the URL's password in the keyring (or this process's memory) and give the URL without it."""
    password = password_of(url)
    if password and not remember_password(url):
        _in_memory[without_password(url)] = password
    return without_password(url)


def password_for(url: str) -> str | None:
    return _in_memory.get(without_password(url)) or stored_password(url)


def connectable(url: str) -> str:
    """The URL to connect with: the saved one plus its password from the keyring or memory, if there is one."""
    return with_password(url, password_for(url)) if needs_password(url) else url


def forget_passwords_in_memory() -> None:
    _in_memory.clear()


def _private(store: QSettings) -> None:
    """The INI file 0600 and its folder (serialdesk's own, inside the config folder) 0700."""
    path = store.fileName()
    if path and os.path.exists(path):
        make_private(path)
        folder = os.path.dirname(path)
        if os.path.basename(folder) == ORGANISATION:
            with contextlib.suppress(OSError):
                os.chmod(folder, PRIVATE_DIR)


def load_preferences(store: QSettings | None = None) -> Preferences:
    store = store or preference_store()
    saved_url = str(store.value("db_url", "") or "")
    if password_of(saved_url):  # written by an older version: move the password out, rewrite the file
        store.setValue("db_url", keep_password(saved_url))
        store.sync()
        _private(store)
    defaults = Preferences()
    values: dict[str, Any] = {}
    for f in fields(Preferences):
        default = getattr(defaults, f.name)
        raw = store.value(f.name, default)
        try:
            values[f.name] = int(str(raw)) if isinstance(default, int) else str(raw)
        except (TypeError, ValueError):  # a hand-edited file: fall back rather than refuse to start
            values[f.name] = default
    loaded = Preferences(**values)
    return loaded if loaded.problem() is None else defaults


def save_preferences(preferences: Preferences, store: QSettings | None = None) -> None:
    store = store or preference_store()
    preferences = replace(preferences, db_url=keep_password(preferences.db_url))
    for f in fields(Preferences):
        store.setValue(f.name, getattr(preferences, f.name))
    store.sync()
    _private(store)


def with_preferences(settings: Settings, preferences: Preferences) -> Settings:
    """The start-up settings with what this station saved, unless the environment or ``--db`` said otherwise."""
    changes: dict[str, str] = {}
    if preferences.station and not os.environ.get("SERIALDESK_STATION"):
        changes["station"] = preferences.station
    if preferences.db_url and settings.db_url == default_db_url() and not os.environ.get("SERIALDESK_DB"):
        changes["db_url"] = connectable(preferences.db_url)
    return replace(settings, **changes) if changes else settings
