"""init, demo, user add, gui."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from serialdesk.commands.context import Context
from serialdesk.services.maintenance import prepare_new_database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create or upgrade the database schema")
    p.add_argument("--admin-pin", help="PIN for the manager account 'admin' created on an empty database")
    p.set_defaults(handler=run_init)

    p = sub.add_parser("demo", parents=[common], help="fill a database with a believable demo shop")
    p.add_argument("--items", type=int, default=600, help="about how many units to receive (default 600)")
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(handler=run_demo)

    users = sub.add_parser("user", help="station users").add_subparsers(dest="user_command", required=True)
    p = users.add_parser("add", parents=[common], help="add a user (managers only)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["clerk", "counter", "technician", "manager"])
    p.add_argument("--pin", required=True)
    p.set_defaults(handler=run_user_add)

    p = sub.add_parser("gui", parents=[common], help="the desktop app (default)")
    p.add_argument("--pin", help="log straight in (kiosk start-up, tests)")
    p.set_defaults(handler=None)  # cli.py starts the desktop app: commands/ never import gui/


def _admin_pin(ctx: Context) -> str | None:
    pin = ctx.args.admin_pin or os.environ.get("SERIALDESK_ADMIN_PIN")
    if pin is None and sys.stdin.isatty() and not ctx.json:
        pin = getpass.getpass("PIN for the manager account 'admin' (Enter to set it at first login): ") or None
    return pin


def run_init(ctx: Context) -> int:
    kept = prepare_new_database(ctx.app.engine)  # a damaged file is set aside; another program's is refused
    created = ctx.app.init_schema(_admin_pin(ctx))
    message = ((f"The damaged database was kept as {kept}; a new, empty one was made in its place. " if kept else "")
               + "Database ready." + (" Manager account 'admin' created." if created else ""))
    return ctx.emit({"ok": True, "admin_created": created, "db": ctx.app.settings.db_url, "kept_aside": kept},
                    message)


def run_demo(ctx: Context) -> int:
    from serialdesk.services.demo import build_demo_shop

    prepare_new_database(ctx.app.engine)
    ctx.app.init_schema(os.environ.get("SERIALDESK_ADMIN_PIN") or "1234")
    services = ctx.app.services(ctx.app.actor("admin"))
    summary = build_demo_shop(services, items=max(ctx.args.items, 10), seed=ctx.args.seed, now=ctx.app.clock())
    return ctx.emit(summary, lambda: (
        f"Demo shop ready: {summary['products']} products, {summary['units']} units received, "
        f"{summary['sold']} sold, {summary['returned']} returned, {summary['customers']} customers.\n"
        "Users (PIN 1234 unless SERIALDESK_ADMIN_PIN is set for admin): admin, clerk1, counter1, tech1."))


def run_user_add(ctx: Context) -> int:
    user = ctx.services.users.add_user(ctx.args.name, ctx.args.role, ctx.args.pin)
    return ctx.emit(user, f"User {user.name} added as {user.role}.")
