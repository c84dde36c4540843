"""The `serialdesk` command: one subcommand per service call (DESIGN §5).

Exit codes: 0 ok · 2 usage · 3 refused by a business rule · 4 not found. Messages go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from serialdesk import __version__
from serialdesk.bootstrap import App
from serialdesk.commands import (
    aftersales,
    catalogue,
    exchange,
    labelling,
    maintenance,
    moves,
    scanning,
    setup,
    stock,
    trace,
)
from serialdesk.commands.context import Context, UsageError
from serialdesk.commands.output import warn
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError

COMMAND_MODULES = (setup, catalogue, stock, moves, aftersales, trace, exchange, labelling, scanning, maintenance)


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--db/--user/--json, accepted before or after the subcommand (SUPPRESS keeps the earlier value)."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", default=default, help="database URL or SQLite file (else $SERIALDESK_DB)")
    parser.add_argument("--user", default=default, help="who is acting (else $SERIALDESK_USER, else admin)")
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="serialdesk", description="Serial-number tracking for shops.")
    _global_options(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"serialdesk {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    settings = Settings()
    settings = Settings(db_url=args.db or settings.db_url, user=args.user or settings.user, station=settings.station)
    try:
        app = App(settings)
    except Exception as exc:  # a malformed URL, a missing driver: say it plainly
        warn(f"Cannot use the database '{settings.db_url}': {exc}")
        return 2
    try:
        try:
            return int(args.handler(Context(args, app)))
        except DomainError as exc:
            if exc.code != "db_reconnected":  # rolled back and reconnected: safe to run once more
                raise
            warn(exc.message)
            return int(args.handler(Context(args, app)))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        warn(str(exc))
        return 2
    except DomainError as exc:
        warn(exc.message)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and cut short: not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        warn("Interrupted; nothing more was changed.")
        return 130
    finally:
        app.close()
