"""Settings in one place: where the database is, which station this is, who is at it.

One source for the CLI and the GUI (issue 13): the station's settings file (``settings_file()``, an INI the
GUI's Settings dialog writes through QSettings) holds the database and station chosen there; the environment
(``$SERIALDESK_DB``, ``$SERIALDESK_STATION``) overrides it, and ``--db`` overrides both.
"""

from __future__ import annotations

import configparser
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir


def default_db_url() -> str:
    return f"sqlite:///{Path(user_data_dir('serialdesk', 'serialdesk')) / 'serialdesk.db'}"


def settings_file() -> Path:
    """This station's settings file: ``$SERIALDESK_CONFIG``, else serialdesk.ini in the user's config folder
    (where QSettings keeps an INI for organisation and application "serialdesk")."""
    chosen = os.environ.get("SERIALDESK_CONFIG")
    if chosen:
        return Path(chosen)
    return Path(user_config_dir("serialdesk", appauthor=False, roaming=True)) / "serialdesk.ini"


def saved(key: str) -> str:
    """A value the GUI saved for this station ('' when none, or when the file cannot be read)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file(), encoding="utf-8")
    except (OSError, configparser.Error):
        return ""
    value = parser.get("General", key, fallback="").strip()
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=lambda: os.environ.get("SERIALDESK_DB") or saved("db_url")
                        or default_db_url())
    user: str = field(default_factory=lambda: os.environ.get("SERIALDESK_USER") or "admin")
    station: str = field(default_factory=lambda: os.environ.get("SERIALDESK_STATION") or saved("station")
                         or socket.gethostname())
