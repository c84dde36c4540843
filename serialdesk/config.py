"""Settings in one place: where the database is, which station this is, who is at it.

One source for the CLI and the GUI (issue 13): the station's settings file (``settings_file()``, an INI the
GUI's Settings dialog writes through QSettings) holds the database and station chosen there; the environment
(``$SERIALDESK_DB``, ``$SERIALDESK_STATION``) overrides it, and ``--db`` overrides both.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir
from sqlalchemy.engine import make_url


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
    # Where this station puts the units it receives (issue 15): a location's name; "" = the shop floor.
    location: str = field(default_factory=lambda: os.environ.get("SERIALDESK_LOCATION") or saved("location"))
    # The GS1 Digital Link resolver printed on labels (issue 16): the shop's own, or GS1's.
    resolver: str = field(default_factory=lambda: os.environ.get("SERIALDESK_RESOLVER") or saved("resolver")
                          or "https://id.gs1.org")


# ---- database passwords: in the OS keyring (or asked), never in a settings file; never shown ----------------

KEYRING_SERVICE = "serialdesk"


def masked_url(url: str) -> str:
    """The URL to show anyone: its password as ***. A text that is not a URL is shown as it is."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL (a bare SQLite path, a typo): there is no password in it to hide
        return url


def hide_url_in(text: str, url: str) -> str:
    """A message that may quote ``url`` (a driver's error), with the password masked."""
    password = password_of(url)
    text = text.replace(url, masked_url(url))
    return text.replace(password, "***") if password else text


def password_of(url: str) -> str | None:
    try:
        password = make_url(url).password
    except Exception:
        return None
    return str(password) if password else None


def without_password(url: str) -> str:
    """The URL to save: the same database and user, no password."""
    try:
        parsed = make_url(url)
    except Exception:
        return url
    return parsed._replace(password=None).render_as_string(hide_password=False) if parsed.password else url


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def _keyring_account(url: str) -> str:
    """One keyring entry per database user and server: 'postgresql+psycopg://shop@db:5432/shop'."""
    return without_password(url)


def remember_password(url: str) -> bool:
    """Put the URL's password into the OS keyring; False when this computer has no keyring (then the caller
    keeps it in memory only and asks again at the next start)."""
    password = password_of(url)
    if not password:
        return True
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(KEYRING_SERVICE, _keyring_account(url), password)
    except (ImportError, KeyringError, RuntimeError, OSError):
        return False
    return True


def stored_password(url: str) -> str | None:
    """The keyring's password for this database user, if there is a keyring and it has one."""
    try:
        parsed = make_url(url)
    except Exception:
        return None
    if parsed.password or not parsed.username or parsed.get_backend_name() == "sqlite":
        return None
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, _keyring_account(url))
    except (ImportError, KeyringError, RuntimeError, OSError):
        return None


def needs_password(url: str) -> bool:
    """A server database with a user and no password in the URL: a password may have to be asked."""
    try:
        parsed = make_url(url)
    except Exception:
        return False
    return parsed.get_backend_name() != "sqlite" and bool(parsed.username) and not parsed.password


# ---- the shop's SMTP password (issue 18 §5): $SERIALDESK_SMTP_PASSWORD or the OS keyring; never on disk here ----

SMTP_PASSWORD_ENV = "SERIALDESK_SMTP_PASSWORD"


def smtp_account(host: str, user: str) -> str:
    """The keyring entry of one mail account: 'smtp:shop@mail.example.com'."""
    return f"smtp:{user}@{host}"


def smtp_password(host: str, user: str) -> str | None:
    """The SMTP password: the environment's, else the keyring's for this user and server (None: none known)."""
    if os.environ.get(SMTP_PASSWORD_ENV):
        return os.environ[SMTP_PASSWORD_ENV]
    if not user or not host:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, smtp_account(host, user))
    except (ImportError, KeyringError, RuntimeError, OSError):
        return None


def remember_smtp_password(host: str, user: str, password: str) -> bool:
    """Into the OS keyring (an empty password removes it); False when this computer has no keyring."""
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        if password:
            keyring.set_password(KEYRING_SERVICE, smtp_account(host, user), password)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, smtp_account(host, user))
    except (ImportError, KeyringError, RuntimeError, OSError):
        return False
    return True
