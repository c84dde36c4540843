"""Settings in one place: where the database is, which station this is, who is at it."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir


def default_db_url() -> str:
    return f"sqlite:///{Path(user_data_dir('serialdesk', 'serialdesk')) / 'serialdesk.db'}"


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=lambda: os.environ.get("SERIALDESK_DB") or default_db_url())
    user: str = field(default_factory=lambda: os.environ.get("SERIALDESK_USER") or "admin")
    station: str = field(default_factory=lambda: os.environ.get("SERIALDESK_STATION") or socket.gethostname())
