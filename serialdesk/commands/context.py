"""What every command handler gets: parsed arguments, the app, and the services for the CLI user."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from serialdesk.bootstrap import App, Services
from serialdesk.commands.output import emit_json, say
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Actor

# Commands that need no PIN: they read only the catalogue and stock (what every role may see, no customer, no
# cost of a sale) or no database at all. Every other command proves who is acting, as the GUI's sign-in does.
PIN_FREE = frozenset({"serialdesk.commands.scanning.run_parse_scan", "serialdesk.commands.scanning.run_scan_image",
                      "serialdesk.commands.catalogue.run_product_list", "serialdesk.commands.stock.run_report_stock"})


class PinRequired(DomainError):
    """No PIN to be had (no $SERIALDESK_PIN, no --pin-stdin, no terminal to ask on): a usage error, exit 2."""

    exit_code = 2


@dataclass
class Context:
    args: argparse.Namespace
    app: App
    _services: Services | None = field(default=None, init=False)
    _actor: Actor | None = field(default=None, init=False)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def needs_pin(self) -> bool:
        handler = getattr(self.args, "handler", None)
        return f"{getattr(handler, '__module__', '')}.{getattr(handler, '__name__', '')}" not in PIN_FREE

    @property
    def services(self) -> Services:
        """The services for the person at the command line: signed in with their PIN (see ``authenticate``)."""
        if self._services is None:
            self.app.require_schema()
            actor = self.authenticate() if self.needs_pin else self.app.actor()
            self._services = self.app.services(actor)
        return self._services

    def authenticate(self) -> Actor:
        """Sign in as the GUI does (same service, same lockout, a first PIN taken as the account's PIN): the PIN
        from $SERIALDESK_PIN, else the first line of standard input (--pin-stdin), else asked on a terminal.
        Refusals: PinRequired (exit 2), bad_login / login_locked (exit 3)."""
        if self._actor is None:
            user = self.app.settings.user
            self._actor = self.app.login(user, self._pin(user))
        return self._actor

    def _pin(self, user: str) -> str:
        if getattr(self.args, "pin_stdin", False):
            line = sys.stdin.readline().strip()
            if line:
                return line
        elif pin := os.environ.get("SERIALDESK_PIN", "").strip():
            return pin
        elif sys.stdin.isatty():
            try:
                pin = getpass.getpass(f"PIN for {user}: ").strip()
            except EOFError:
                pin = ""
            if pin:
                return pin
        raise PinRequired(f"PIN required for {user}: set SERIALDESK_PIN, pass --pin-stdin, or run this on a "
                          "terminal to be asked.", code="pin_required")

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
