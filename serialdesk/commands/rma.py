"""rma: claims on the supplier's warranty (issue 15) — open, send, credit, replace, reject, cancel, show, list.

`rma SERIAL --reason R` (a unit in stock straight to the supplier, without a claim record) still works as before.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from serialdesk.commands.context import Context, UsageError
from serialdesk.commands.output import local
from serialdesk.commands.paperwork import document_target
from serialdesk.commands.stock import passport_text
from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import format_money
from serialdesk.services.dto.rma import RmaView

VERBS = ("open", "send", "credit", "replace", "reject", "cancel", "show", "list")
USAGE = ("rma open SERIAL|T-… [--claim NO] [--notes N] [--force] · rma send RMA-… [--claim NO] · "
         "rma credit RMA-… --amount A · rma replace RMA-… --serial NEW [--lot L] [--to-stock] · "
         "rma reject RMA-… [--notes N] · rma cancel RMA-… · rma show RMA-… [--form OUT.pdf] · rma list [--open]")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("rma", parents=[common], help="claim from the supplier: open, send, credit, replace, "
                                                      "reject, cancel, show, list", usage=USAGE)
    p.add_argument("words", nargs="+", metavar="ACTION", help="open SERIAL|T-…, send RMA-…, … (see usage)")
    p.add_argument("--claim", help="the supplier's claim number")
    p.add_argument("--notes")
    p.add_argument("--sku")
    p.add_argument("--force", action="store_true",
                   help="claim a unit outside the supplier's warranty (a manager only; recorded)")
    p.add_argument("--amount", help="the credit the supplier gave")
    p.add_argument("--serial", help="the replacement unit's serial")
    p.add_argument("--lot", help="the replacement unit's lot")
    p.add_argument("--to-stock", action="store_true", help="keep the replacement in stock (not the customer's)")
    p.add_argument("--open", action="store_true", help="list only the claims still waiting (open or sent)")
    p.add_argument("--reason", help="(a unit in stock straight to the supplier: rma SERIAL --reason R)")
    p.add_argument("--form", metavar="OUT.pdf", help="also write the RMA form to put in the box (any action on "
                                                     "an RMA, e.g. rma send RMA-0001 --form rma.pdf)")
    p.set_defaults(handler=run_rma)


def run_rma(ctx: Context) -> int:
    a = ctx.args
    verb, rest = a.words[0].lower(), a.words[1:]
    if verb not in VERBS:
        return _straight_to_supplier(ctx)
    if verb == "list":
        if rest:
            raise UsageError("rma list takes no serial or number.")
        found = ctx.services.rma.rmas(open_only=a.open)
        return ctx.emit(found, lambda: "\n".join(rma_line(r) for r in found) or "No RMAs.")
    if len(rest) != 1:
        raise UsageError(f"rma {verb} takes one {'serial or ticket' if verb == 'open' else 'RMA number'}.")
    service, ref = ctx.services.rma, rest[0]
    form = document_target(a.form)  # a folder that is not there is refused before anything is saved
    if verb == "open":
        rma = service.open_rma(ref, claim_no=a.claim, notes=a.notes, sku=a.sku, force=a.force)
    elif verb == "send":
        rma = service.send(ref, claim_no=a.claim)
    elif verb == "credit":
        if a.amount is None:
            raise UsageError("rma credit needs --amount (what the supplier credited).")
        rma = service.credit(ref, a.amount)
    elif verb == "replace":
        if a.serial is None:
            raise UsageError("rma replace needs --serial (the replacement unit's serial).")
        rma = service.replace(ref, a.serial, lot=a.lot, to_stock=a.to_stock)
    elif verb == "reject":
        rma = service.reject(ref, a.notes)
    elif verb == "cancel":
        rma = service.cancel(ref)
    else:
        rma = service.rma(ref)
    if form is not None:
        try:
            write_rma_form(ctx, rma, form)
        except DomainError as exc:  # the action is saved: say so, and how to get the form
            raise DomainError(f"{rma.number} was saved ({rma.state}), but its form could not be written: "
                              f"{exc.message} Write it again with: serialdesk rma show {rma.number} --form FILE.pdf",
                              code="file_not_written") from exc
    return ctx.emit(rma, lambda: rma_text(rma) + (f"\n  form      {form}" if form else ""))


def write_rma_form(ctx: Context, rma: RmaView, out: Path) -> Path:
    from serialdesk.documents.rma_form import write_rma_form_pdf

    unit = ctx.services.lookup.passport(f"{rma.sku}:{rma.serial}")
    return write_rma_form_pdf(ctx.services.shop.profile(), rma, unit, out)


def _straight_to_supplier(ctx: Context) -> int:
    a = ctx.args
    if len(a.words) != 1 or not a.reason:
        raise UsageError(f"Use {USAGE} — or rma SERIAL --reason R to send a unit in stock straight back.")
    try:
        rma = ctx.services.rma.send_straight(a.words[0], a.reason, sku=a.sku, force=a.force)
    except DomainError as exc:
        if exc.code != "cannot_move_in_service_to_at_supplier":
            raise
        raise DomainError(f"{exc.message} Claim it from the supplier instead: rma open {a.words[0]}.",
                          code=exc.code) from exc
    passport = ctx.services.lookup.passport(f"{rma.sku}:{rma.serial}")
    return ctx.emit(passport, lambda: f"{rma.number} opened and sent to {rma.supplier}.\n" + passport_text(passport))


def rma_line(r: RmaView) -> str:
    return f"{r.number}  {r.state:<9} {r.supplier}  {r.sku}:{r.serial}  {r.ticket or ''}  {local(r.opened_at)}"


def rma_text(r: RmaView) -> str:
    lines = [f"{r.number}  {r.state}  — {r.sku}:{r.serial} to {r.supplier}"]
    if r.ticket or r.customer:
        lines.append(f"  from      {r.ticket or '—'} for {r.customer or 'our own stock'}")
    if r.claim_no:
        lines.append(f"  claim     {r.claim_no}")
    if r.forced_by:
        lines.append(f"  outside the supplier's warranty, claimed on {r.forced_by}'s say-so")
    lines.append(f"  opened    {local(r.opened_at)} by {r.opened_by}; sent {local(r.sent_at)}")
    if r.credit_amount is not None:
        lines.append(f"  credit    {format_money(r.credit_amount)}")
    if r.replacement_serial:
        lines.append(f"  replaced  by {r.sku}:{r.replacement_serial}")
    if r.notes:
        lines.append(f"  notes     {r.notes}")
    if r.next_steps:
        lines.append("  next      " + ", ".join(f"rma {_VERB[step]} {r.number}" for step in r.next_steps))
    return "\n".join(lines)


_VERB = {"sent": "send", "cancelled": "cancel", "credited": "credit", "replaced": "replace", "rejected": "reject"}
