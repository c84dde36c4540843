"""The `serialdesk` command: one subcommand per service call (DESIGN §5).

Exit codes: 0 ok · 2 usage · 3 refused by a business rule · 4 not found. Messages go to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from serialdesk import __version__, startup_gc  # startup_gc first: no collections while importing
from serialdesk.bootstrap import App
from serialdesk.commands.context import Context, UsageError, argument_problem
from serialdesk.commands.output import say, warn
from serialdesk.config import Settings, hide_url_in, masked_url, needs_password, stored_password, with_password
from serialdesk.domain.errors import DomainError
from serialdesk.services.maintenance import database_failure, missing_database

# Commands that may run without a shop database: the ones that make one, the GUI (its start-up dialog says
# what is wrong), and scan-image, which never opens one.
NO_DATABASE_NEEDED = frozenset({"init", "demo", "restore", "gui", "scan-image"})
COMMAND_MODULES = ("setup", "catalogue", "stock", "moves", "aftersales", "trace", "exchange", "labelling", "scanning",
                   "maintenance", "audit", "assembly", "supply", "rma", "shop")
# Which module registers each subcommand: a command run from a script imports only its own module (all of them
# cost a cold start ~0.3 s). A subcommand missing here still works (every module is registered then);
# tests/unit/test_cli_homes.py holds this table to what the modules register.
COMMAND_HOMES = {
    "init": "setup", "demo": "setup", "user": "setup", "gui": "setup", "product": "catalogue",
    "supplier": "catalogue", "customer": "catalogue", "receive": "stock", "receipts": "stock", "sell": "stock",
    "return": "stock", "lookup": "stock", "report": "stock", "quarantine": "moves", "release": "moves",
    "scrap": "moves", "rma-back": "moves", "ticket": "aftersales", "search": "trace", "recall": "trace",
    "recall-show": "trace", "recall-track": "trace", "recall-resolve": "trace", "export": "exchange",
    "import": "exchange", "labels": "labelling", "scan-image": "scanning", "parse-scan": "scanning",
    "backup": "maintenance", "restore": "maintenance", "check": "maintenance", "rebuild-summaries": "maintenance",
    "audit": "audit", "assemble": "assembly", "disassemble": "assembly", "components": "assembly",
    "where-used": "assembly", "location": "supply", "move": "supply", "transfer": "supply", "po": "supply",
    "rma": "rma", "shop": "shop", "reprint": "shop",
}  # fmt: skip
_VALUE_OPTIONS = frozenset({"--db", "--user"})  # global options followed by their value
# Files this process creates (the SQLite database and its -wal/-shm, folders, exports, backups) are the owner's
# only: they hold PIN hashes and customers' details. Each writer also sets 0600 itself; this catches the rest.
PRIVATE_UMASK = 0o077


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--db/--user/--json, accepted before or after the subcommand (SUPPRESS keeps the earlier value)."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", default=default, help="database URL or SQLite file (else $SERIALDESK_DB)")
    parser.add_argument("--user", default=default, help="who is acting (else $SERIALDESK_USER, else admin)")
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="machine-readable output")
    parser.add_argument("--pin-stdin", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="read the user's PIN from the first line of standard input (else $SERIALDESK_PIN, "
                             "else asked on a terminal)")


def command_word(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (the first word that is neither an option nor a global option's value)."""
    words = iter(argv)
    for word in words:
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def command_modules(argv: Sequence[str] | None = None) -> list[str]:
    """The command modules to register for ``argv``: the subcommand's own, else (help, the GUI, a typo) all."""
    word = command_word(argv) if argv is not None else None
    home = COMMAND_HOMES.get(word) if word is not None else None
    return [home] if home is not None else list(COMMAND_MODULES)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (its subcommand's module only), or for every command (None)."""
    parser = argparse.ArgumentParser(prog="serialdesk", description="Serial-number tracking for shops.")
    _global_options(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"serialdesk {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules(argv):
        importlib.import_module(f"serialdesk.commands.{name}").register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if (problem := argument_problem(argv)) is not None:
        warn(problem)
        return 2
    with startup_gc.no_collection():
        parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser = build_parser()
        args = parser.parse_args([*argv, "gui"])
    old_umask = os.umask(PRIVATE_UMASK)
    try:
        return _run(parser, args)
    finally:
        os.umask(old_umask)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    settings = Settings()
    url = args.db or settings.db_url
    if needs_password(url):  # a server database whose password the GUI's settings put in the keyring
        url = with_password(url, stored_password(url))
    settings = Settings(db_url=url, user=args.user or settings.user, station=settings.station)
    try:
        app = App(settings)
    except Exception as exc:  # a malformed URL, a missing driver: say it plainly
        warn(hide_url_in(f"Cannot use the database '{masked_url(url)}': {exc}", url))
        return 2
    try:
        if args.command not in NO_DATABASE_NEEDED and (missing := missing_database(settings.db_url)) is not None:
            raise missing
        try:
            return int((args.handler or run_gui)(Context(args, app)))
        except DomainError as exc:
            if exc.code != "db_reconnected":  # rolled back and reconnected: safe to run once more
                raise
            warn(exc.message)
            return int((args.handler or run_gui)(Context(args, app)))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        warn(str(exc))
        return 2
    except DomainError as exc:
        warn(hide_url_in(exc.message, url))
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and cut short: not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        warn("Interrupted; nothing more was changed.")
        return 130
    except Exception as exc:  # a damaged database file, whichever command found it: one sentence, no traceback
        if (failure := database_failure(exc, settings.db_url)) is None:
            raise
        warn(failure.message)
        return failure.exit_code
    finally:
        app.close()


def run_gui(ctx: Context) -> int:
    # The desktop app: sign in (--pin skips the dialog), then the counter window until it closes.
    try:
        from serialdesk.gui.app import run
    except ImportError as exc:  # Qt or one of the X libraries it loads is missing
        warn(f"The desktop app cannot start here: {exc}. Run `make bootstrap` to install what it needs.")
        return 2
    screenshot = os.environ.get("SERIALDESK_SCREENSHOT")  # look at the window headless (Xvfb): a PNG, then quit
    code = run(ctx.app.settings, user=ctx.app.settings.user, pin=ctx.args.pin, screenshot=screenshot)
    if screenshot and code == 0:
        say(f"Screenshot saved to {screenshot}.")
    return code


startup_gc.imported()
