"""backup FILE · restore FILE"""

from __future__ import annotations

import argparse

from serialdesk.commands.context import Context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="back up the database (online; others may keep working)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--portable", action="store_true",
                   help="SQLite: write the portable dump (restores into PostgreSQL too) instead of a database file")
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", parents=[common], help="replace the database's contents with a backup")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true", help="allow replacing a database that holds data")
    p.set_defaults(handler=run_restore)

    p = sub.add_parser("check", parents=[common], help="check the database: storage, references, ledger")
    p.set_defaults(handler=run_check)


def _rows(rows: dict[str, int]) -> str:
    return f" ({sum(rows.values())} rows)" if rows else ""


def run_backup(ctx: Context) -> int:
    result = ctx.services.maintenance.backup(ctx.args.file, portable=ctx.args.portable)
    return ctx.emit(result, f"Backup written to {result.file} [{result.kind}]{_rows(result.rows)}.")


def run_restore(ctx: Context) -> int:
    result = ctx.services.maintenance.restore(ctx.args.file, replace=ctx.args.replace)
    return ctx.emit(result, f"Restored from {result.file} [{result.kind}]{_rows(result.rows)}.")


def run_check(ctx: Context) -> int:
    problems = ctx.services.maintenance.check()
    ctx.emit({"ok": not problems, "problems": problems},
             lambda: "\n".join(problems) if problems else "The database is healthy.")
    return 3 if problems else 0
