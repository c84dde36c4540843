"""Issue 12 finding 9, the GUI half: a database password never lands in the settings file (0600, folder 0700); it
goes to the OS keyring, or — with no keyring, as on this headless machine — stays in memory and is asked for."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from serialdesk.config import KEYRING_SERVICE, Settings
from serialdesk.gui import app as gui_app
from serialdesk.gui.database_problem import database_problem_box
from serialdesk.gui.preferences import (
    Preferences,
    forget_passwords_in_memory,
    load_preferences,
    preference_store,
    save_preferences,
    with_preferences,
)

pytestmark = pytest.mark.gui
URL = "postgresql+psycopg://shop:s3cret-pw@db.example:5432/shop"
BARE = "postgresql+psycopg://shop@db.example:5432/shop"


class MemoryKeyring(KeyringBackend):
    """A keyring for tests: what an OS keyring does, in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def os_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)
    forget_passwords_in_memory()


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
    forget_passwords_in_memory()


def ini(settings_folder: Path) -> Path:
    return settings_folder / "serialdesk" / "serialdesk.ini"


@pytest.fixture
def from_settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.delenv("SERIALDESK_DB", raising=False)
    return Settings(station="test")


def test_a_saved_password_goes_to_the_keyring_and_the_file_is_the_owners(
    settings_folder: Path, os_keyring: MemoryKeyring, from_settings: Settings
) -> None:
    save_preferences(Preferences(db_url=URL))
    text = ini(settings_folder).read_text()
    assert "s3cret" not in text and "db.example" in text
    assert os_keyring.saved == {(KEYRING_SERVICE, BARE): "s3cret-pw"}
    assert stat.S_IMODE(ini(settings_folder).stat().st_mode) == 0o600
    assert stat.S_IMODE(ini(settings_folder).parent.stat().st_mode) == 0o700
    assert load_preferences().db_url == BARE
    assert with_preferences(from_settings, load_preferences()).db_url == URL  # put back to connect


def test_without_a_keyring_the_password_lives_in_memory_only(
    settings_folder: Path, no_keyring: None, from_settings: Settings
) -> None:
    save_preferences(Preferences(db_url=URL))
    assert "s3cret" not in ini(settings_folder).read_text()
    assert with_preferences(from_settings, load_preferences()).db_url == URL  # this run still connects
    forget_passwords_in_memory()  # the next start
    assert with_preferences(from_settings, load_preferences()).db_url == BARE  # asked for again


def test_an_old_settings_file_holding_a_password_is_rewritten_without_it(
    settings_folder: Path, os_keyring: MemoryKeyring, from_settings: Settings
) -> None:
    store = preference_store()
    store.setValue("db_url", URL)  # as an older version wrote it
    store.sync()
    assert "s3cret" in ini(settings_folder).read_text()
    loaded = load_preferences()
    assert loaded.db_url == BARE and "s3cret" not in ini(settings_folder).read_text()
    assert os_keyring.saved[(KEYRING_SERVICE, BARE)] == "s3cret-pw"
    assert stat.S_IMODE(ini(settings_folder).stat().st_mode) == 0o600
    assert with_preferences(from_settings, loaded).db_url == URL


def test_the_database_problem_box_never_shows_the_password(qapp: object) -> None:
    box, _ = database_problem_box(URL, f"Cannot open the database at {URL} (password s3cret-pw refused)",
                                  offer_local=False)
    assert "s3cret" not in box.informativeText() and "shop:***@db.example" in box.informativeText()


def test_a_refused_password_is_asked_for_at_start_up_and_kept_in_memory(
    monkeypatch: pytest.MonkeyPatch, no_keyring: None, pg_url: str, qapp: object
) -> None:
    # The test server trusts everyone, so the first refusal is staged; the password typed then is the one used.
    user_url = pg_url  # postgresql+psycopg://postgres@127.0.0.1:5432/…: a user, no password
    tried: list[str] = []
    real_app = gui_app.App

    class Refusing(real_app):  # type: ignore[misc, valid-type]
        def require_schema(self) -> None:
            tried.append(self.settings.db_url)
            if len(tried) == 1:
                raise gui_app.DomainError('Cannot open the database: password authentication failed for user '
                                          '"postgres"', code="db_unavailable")
            super().require_schema()

    asked: list[str] = []
    monkeypatch.setattr(gui_app, "App", Refusing)
    monkeypatch.setattr(gui_app, "ask_password", lambda url: asked.append(url) or "typed-pw")
    opened = gui_app.open_database(Settings(db_url=user_url, station="test"), Preferences())
    assert not isinstance(opened, int)
    try:
        assert asked == [user_url] and tried[1] == user_url.replace("postgres@", "postgres:typed-pw@", 1)
    finally:
        opened.close()
