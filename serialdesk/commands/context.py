"""What every command handler gets: parsed arguments, the app, and the services for the CLI user."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
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


MAX_LINE = 1000  # a serial is at most 64 characters; a longer line is not a list of serials


def read_lines(path: str) -> list[str]:
    """Serials from a text or CSV file: first column, blank lines and a 'serial' header skipped. A file that
    is not UTF-8 text, a NUL character or an overlong line is refused with its line number."""
    import csv

    from serialdesk.documents.spreadsheet import decode, read_bytes
    from serialdesk.domain.text import text_problem

    text = decode(read_bytes(path), path, option=False)
    rows: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE:
            raise DomainError(f"{path}, line {number} is {len(line):,} characters long; a line holds one serial "
                              f"(at most {MAX_LINE:,} characters). Nothing was received.", code="line_too_long")
        problem = text_problem(line)
        if problem:
            raise DomainError(f"{path}, line {number} {problem}. Nothing was received.", code="bad_text")
        cells = next(csv.reader([line]), [])
        if cells and cells[0].strip():
            rows.append(cells[0].strip())
    if rows and rows[0].lower() in {"serial", "serial number", "serial_number", "sn"}:
        rows = rows[1:]
    return rows


def argument_problem(argv: Sequence[str]) -> str | None:
    """The first command-line argument that is not clean text, in one sentence naming it (None: all clean).

    Python hands undecodable bytes over as lone surrogates (surrogateescape); stored, they would crash the
    database driver or come back as something else."""
    from serialdesk.domain.text import shown, text_problem

    for index, arg in enumerate(argv):
        problem = text_problem(arg)
        if problem is None:
            continue
        if arg.startswith("--") and "=" in arg:
            option, value = arg.split("=", 1)
            name = f"The value of {shown(option)}"
        elif index and argv[index - 1].startswith("-") and text_problem(argv[index - 1]) is None:
            name, value = f"The value of {argv[index - 1]}", arg
        else:
            name, value = f"Argument {index + 1}", arg
        return (f"{name} '{shown(value)}' {problem}; nothing was done. Type it again as plain text "
                "(is the terminal set to UTF-8?).")
    return None


def database_file_problem(db_url: str | None) -> str | None:
    """A --db (or $SERIALDESK_DB) naming a file that is not a database at all: one sentence, before any use."""
    if not db_url or ("://" in db_url and not db_url.startswith("sqlite:///")):
        return None
    path = Path(db_url.removeprefix("sqlite:///"))
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None  # a new database is created there
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return None  # the engine says what is wrong with the path
    if head == b"SQLite format 3\x00":
        return None
    return (f"{path} is not a serialdesk database: the file holds something else (a database file starts "
            "'SQLite format 3'). Check --db or $SERIALDESK_DB.")
