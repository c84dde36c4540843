"""One settings source (issue 13): the database and station chosen in the GUI's Settings are the CLI's
defaults; the environment and --db override them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from serialdesk.gui.preferences import Preferences, load_preferences, save_preferences

pytestmark = pytest.mark.gui


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("SERIALDESK_DB", "SERIALDESK_STATION",
                                                                     "SERIALDESK_USER")}
    environment.update(SERIALDESK_PIN="1234", **env)
    return subprocess.run([sys.executable, "-m", "serialdesk", *args], env=environment, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=120)


def test_the_database_and_station_chosen_in_the_gui_are_the_clis_defaults(
    sqlite_template: Path, tmp_path: Path, settings_folder: Path
) -> None:
    chosen, other = tmp_path / "chosen.db", tmp_path / "other.db"
    shutil.copyfile(sqlite_template, chosen)
    shutil.copyfile(sqlite_template, other)
    save_preferences(Preferences(db_url=f"sqlite:///{chosen}", station="till-9"))
    assert load_preferences().db_url == f"sqlite:///{chosen}"

    made = cli("product", "add", "DRL", "--name", "Drill")
    assert made.returncode == 0, made.stderr
    cli("receive", "--draft", "--sku", "DRL", "S-1")
    [draft] = json.loads(cli("receipts", "--open", "--json").stdout)
    assert draft["station"] == "till-9"  # the station saved in the GUI
    assert json.loads(cli("--db", f"sqlite:///{chosen}", "receipts", "--json").stdout)[0]["number"] == "R-0001"

    assert json.loads(cli("receipts", "--json", SERIALDESK_DB=f"sqlite:///{other}").stdout) == []  # env wins
    assert json.loads(cli("--db", f"sqlite:///{other}", "receipts", "--json").stdout) == []  # and --db
    env_station = cli("receive", "--draft", "--sku", "DRL", "S-2", "--json", SERIALDESK_STATION="till-2")
    assert json.loads(env_station.stdout)["station"] == "till-2"
