"""init, demo, user add|list|pin|role|deactivate|activate, gui."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from serialdesk.commands.context import Context, UsageError
from serialdesk.config import masked_url
from serialdesk.domain.roles import Action
from serialdesk.services.dto import UserView
from serialdesk.services.maintenance import prepare_new_database

ROLES = ["clerk", "counter", "technician", "manager"]


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
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--pin", required=True)
    p.set_defaults(handler=run_user_add)
    p = users.add_parser("list", parents=[common], help="every user with role and state (managers only)")
    p.set_defaults(handler=run_user_list)
    p = users.add_parser("pin", parents=[common], help="change a PIN: your own, or anyone's as a manager")
    p.add_argument("name")
    p.add_argument("--new-pin", help="the new PIN (else asked twice on a terminal)")
    p.set_defaults(handler=run_user_pin)
    p = users.add_parser("role", parents=[common], help="give a user another role (managers only)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=ROLES)
    p.set_defaults(handler=run_user_role)
    for name, active, what in (("deactivate", False, "stop a user signing in anywhere (managers only)"),
                               ("activate", True, "let a deactivated user sign in again (managers only)")):
        p = users.add_parser(name, parents=[common], help=what)
        p.add_argument("name")
        p.set_defaults(handler=run_user_active, active=active)

    p = sub.add_parser("gui", parents=[common], help="the desktop app (default)")
    p.add_argument("--pin", help="log straight in (kiosk start-up, tests)")
    p.set_defaults(handler=None)  # cli.py starts the desktop app: commands/ never import gui/


def _admin_pin(ctx: Context) -> str | None:
    pin = ctx.args.admin_pin or os.environ.get("SERIALDESK_ADMIN_PIN")
    if pin is None and sys.stdin.isatty() and not ctx.json:
        pin = getpass.getpass("PIN for the manager account 'admin' (Enter to set it at first login): ") or None
    return pin


def run_init(ctx: Context) -> int:
    # A damaged file is set aside first and another program's database refused (services/maintenance.py). Then an
    # empty database (or none yet): whoever runs init creates the shop and its manager 'admin'. A database with
    # users: upgrading it is a manager's job, signed in with their PIN like any other command.
    app = ctx.app
    kept = prepare_new_database(app.engine)
    actor = None
    if app.has_users():
        actor = ctx.authenticate()
        actor.require(Action.MAINTAIN)
    before = app.schema_revision()
    created = app.init_schema(None if actor else _admin_pin(ctx))
    after = app.schema_revision()
    if created or before != after:
        app.services(actor or app.actor("admin")).audit.record_init(
            {"from_revision": before, "to_revision": after, "admin_created": created})
    message = ((f"The damaged database was kept as {kept}; a new, empty one was made in its place. " if kept else "")
               + "Database ready." + (" Manager account 'admin' created." if created else ""))
    return ctx.emit({"ok": True, "admin_created": created, "db": masked_url(app.settings.db_url), "kept_aside": kept},
                    message)


def run_demo(ctx: Context) -> int:
    from serialdesk.services.demo import build_demo_shop

    prepare_new_database(ctx.app.engine)
    if ctx.app.has_users():  # filling a shop that has people: a manager, signed in
        ctx.authenticate().require(Action.MAINTAIN)
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


def _user_line(u: UserView) -> str:
    state = "active" if u.active else "deactivated"
    return f"{u.name:<20} {u.role:<11} {state:<12} {'' if u.has_pin else 'no PIN yet'}".rstrip()


def run_user_list(ctx: Context) -> int:
    found = ctx.services.users.list_users()
    return ctx.emit(found, lambda: "\n".join(_user_line(u) for u in found))


def run_user_pin(ctx: Context) -> int:
    services = ctx.services  # signed in first: the old PIN (or a manager's) before the new one is asked
    pin = ctx.args.new_pin
    if pin is None:
        if not sys.stdin.isatty():
            raise UsageError("Give the new PIN with --new-pin.")
        pin = getpass.getpass(f"New PIN for {ctx.args.name}: ")
        if getpass.getpass("The same PIN again: ") != pin:
            raise UsageError("The two PINs differ; nothing was changed.")
    user = services.users.set_pin(ctx.args.name, pin)
    return ctx.emit(user, f"PIN of {user.name} changed.")


def run_user_role(ctx: Context) -> int:
    user = ctx.services.users.set_role(ctx.args.name, ctx.args.role)
    return ctx.emit(user, f"{user.name} is now {user.role}.")


def run_user_active(ctx: Context) -> int:
    user = ctx.services.users.set_active(ctx.args.name, ctx.args.active)
    return ctx.emit(user, f"{user.name} {'may sign in again' if user.active else 'can no longer sign in'}.")

