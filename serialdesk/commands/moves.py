"""quarantine, release, scrap, rma-back: one unit moves inside the shop or to its supplier and back (rma: rma.py)."""

from __future__ import annotations

import argparse

from serialdesk.commands.context import Context
from serialdesk.commands.stock import passport_text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    for name, help_text, needs_reason in (
        ("quarantine", "set a unit in stock aside (it can no longer be sold)", True),
        ("release", "a quarantined unit passed inspection: back into stock", False),
        ("scrap", "write a unit off", True),
    ):
        p = sub.add_parser(name, parents=[common], help=help_text)
        p.add_argument("serial", metavar="SERIAL")
        p.add_argument("--reason", required=needs_reason, default="checked, fine" if not needs_reason else None)
        p.add_argument("--sku")
        p.set_defaults(handler=run_move, move=name)
    p = sub.add_parser("rma-back", parents=[common], help="a unit came back from the supplier, or was written off")
    p.add_argument("serial", metavar="SERIAL")
    p.add_argument("--to", required=True, choices=["stock", "scrap"])
    p.add_argument("--reason", default="")
    p.add_argument("--sku")
    p.set_defaults(handler=run_back)


def run_move(ctx: Context) -> int:
    moves = ctx.services.stock_moves
    action = {"quarantine": moves.quarantine, "release": moves.release, "scrap": moves.scrap}[ctx.args.move]
    passport = action(ctx.args.serial, ctx.args.reason, sku=ctx.args.sku)
    return ctx.emit(passport, lambda: passport_text(passport))


def run_back(ctx: Context) -> int:
    passport = ctx.services.stock_moves.back_from_supplier(ctx.args.serial, ctx.args.to, ctx.args.reason,
                                                           sku=ctx.args.sku)
    return ctx.emit(passport, lambda: passport_text(passport))
