"""backup FILE · restore FILE · restore --check FILE · check · rebuild-summaries"""

from __future__ import annotations

import argparse

from serialdesk.commands.context import Context
from serialdesk.domain.roles import Actor, Role
from serialdesk.services import maintenance
from serialdesk.services.maintenance import BackupResult, MaintenanceService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="back up the database (online; others may keep working)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--portable", action="store_true",
                   help="SQLite: write the portable dump (restores into PostgreSQL too) instead of a database file")
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", parents=[common], help="replace the database's contents with a backup")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true",
                   help="allow replacing a database that holds data (a damaged one is kept aside)")
    p.add_argument("--check", action="store_true",
                   help="only verify FILE (complete, intact, a known schema): exit 0 if it is, 3 if not")
    p.set_defaults(handler=run_restore)

    p = sub.add_parser("check", parents=[common], help="check the database: storage, references, ledger")
    p.set_defaults(handler=run_check)

    p = sub.add_parser("rebuild-summaries", parents=[common],
                       help="rebuild the reports' daily summaries from the ledger (one transaction)")
    p.set_defaults(handler=run_rebuild_summaries)


def _summary(result: BackupResult) -> str:
    tables = ", ".join(f"{name} {n}" for name, n in result.rows.items() if n)
    return (f"{result.file} [{result.kind}, schema {result.revision or '?'}]: {result.total_rows} rows"
            + (f" ({tables})" if tables else ""))


def run_backup(ctx: Context) -> int:
    result = ctx.services.maintenance.backup(ctx.args.file, portable=ctx.args.portable)
    return ctx.emit(result, f"Backup written to {_summary(result)}.")


def _restorer(ctx: Context) -> MaintenanceService:
    # Into a missing, never set-up or damaged database a restore loses nothing (a damaged file is kept aside),
    # and there may be no readable user to sign in as: whoever restores acts as the manager of the new shop.
    if maintenance.nothing_to_protect(ctx.app.engine):
        settings = ctx.app.settings
        return ctx.app.services(Actor(settings.user, Role.MANAGER, settings.station)).maintenance
    return ctx.services.maintenance


def run_restore(ctx: Context) -> int:
    if ctx.args.check:
        checked = maintenance.verify_backup(ctx.args.file)
        return ctx.emit(checked, f"Complete and intact: {_summary(checked)}.")
    result = _restorer(ctx).restore(ctx.args.file, replace=ctx.args.replace)
    kept = f" The damaged database was kept as {result.kept_aside}." if result.kept_aside else ""
    return ctx.emit(result, f"Restored from {_summary(result)}.{kept}")


def run_check(ctx: Context) -> int:
    problems = maintenance.storage_damage(ctx.app.engine) or ctx.services.maintenance.check()
    ctx.emit({"ok": not problems, "problems": problems},
             lambda: "\n".join(problems) if problems else "The database is healthy.")
    return 3 if problems else 0


def run_rebuild_summaries(ctx: Context) -> int:
    rows = ctx.services.maintenance.rebuild_summaries()
    return ctx.emit({"rows": rows}, f"The daily summaries were rebuilt from the ledger ({rows} rows).")
