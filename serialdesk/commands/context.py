"""What every command handler gets: parsed arguments, the app, and the services for the CLI user."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from serialdesk.bootstrap import App, Services
from serialdesk.commands.output import emit_json, say
from serialdesk.domain.errors import DomainError


@dataclass
class Context:
    args: argparse.Namespace
    app: App
    _services: Services | None = field(default=None, init=False)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def services(self) -> Services:
        if self._services is None:
            self.app.require_schema()
            self._services = self.app.services(self.app.actor())
        return self._services

    def emit(self, value: Any, text: Callable[[], str] | str) -> int:
        if self.json:
            emit_json(value)
        else:
            say(text() if callable(text) else text)
        return 0


Handler = Callable[[Context], int]


class UsageError(Exception):
    """Wrong use of the command line (exit code 2), found after argparse."""


def parse_when(text: str | None) -> datetime | None:
    """ISO date or date-time; without a zone it is this computer's local time."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DomainError(f"'{text}' is not a date/time (use e.g. 2026-03-14 or 2026-03-14T10:30).",
                          code="bad_date") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # interpret as local
    return moment.astimezone(UTC)


def read_lines(path: str) -> list[str]:
    """Serials from a text or CSV file: first column, blank lines and a 'serial' header skipped."""
    import csv

    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = [row[0].strip() for row in csv.reader(handle) if row and row[0].strip()]
    except OSError as exc:
        raise DomainError(f"Cannot read {path}: {exc.strerror}.", code="file_unreadable") from None
    if rows and rows[0].lower() in {"serial", "serial number", "serial_number", "sn"}:
        rows = rows[1:]
    return rows
