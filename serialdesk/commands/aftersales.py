"""ticket open|log|swap|status|close|show|list."""

from __future__ import annotations

import argparse

from serialdesk.commands import paperwork
from serialdesk.commands.context import Context
from serialdesk.commands.output import local
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import parse_record_number
from serialdesk.services.dto import TicketView


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    tickets = sub.add_parser("ticket", help="service tickets").add_subparsers(dest="ticket_command", required=True)
    p = tickets.add_parser("open", parents=[common], help="take a unit in for service")
    p.add_argument("serial", metavar="SERIAL", help="SERIAL or SKU:SERIAL (SKU needed for units not sold by us)")
    p.add_argument("--problem", required=True)
    p.add_argument("--customer", help="the owner, for a unit not sold by us")
    p.add_argument("--sku")
    claim = p.add_mutually_exclusive_group()
    claim.add_argument("--warranty", dest="warranty_claim", action="store_const", const=True,
                       help="treat as a warranty claim (manager override)")
    claim.add_argument("--no-warranty", dest="warranty_claim", action="store_const", const=False,
                       help="not a warranty claim (manager override)")
    p.add_argument("--accessories", help="what the customer handed in with the unit (charger, keys, bag …)")
    p.add_argument("--estimate", help="the estimate given to the customer")
    p.add_argument("--job-sheet", metavar="OUT.pdf", help="also write the job sheet for the customer to sign")
    p.set_defaults(handler=run_open)

    p = tickets.add_parser("log", parents=[common], help="add to a ticket's work log")
    p.add_argument("ticket", metavar="ID")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--minutes", type=int, default=0)
    p.set_defaults(handler=run_log)

    p = tickets.add_parser("swap", parents=[common], help="record a part swap")
    p.add_argument("ticket", metavar="ID")
    p.add_argument("--out", required=True, metavar="SERIAL", help="the part taken out")
    p.add_argument("--in", dest="into", required=True, metavar="SERIAL", help="the part fitted (from stock)")
    p.set_defaults(handler=run_swap)

    p = tickets.add_parser("status", parents=[common], help="set open / waiting_parts / done")
    p.add_argument("ticket", metavar="ID")
    p.add_argument("status", choices=["open", "waiting_parts", "done"])
    p.set_defaults(handler=run_status)

    p = tickets.add_parser("close", parents=[common], help="close a ticket and hand the unit back")
    p.add_argument("ticket", metavar="ID")
    p.add_argument("--resolution", required=True)
    p.add_argument("--charge", help="what the customer pays for the repair")
    p.add_argument("--hand-back", metavar="OUT.pdf", help="also write the hand-back sheet")
    p.set_defaults(handler=run_close)

    p = tickets.add_parser("show", parents=[common], help="one ticket with its work log and swaps")
    p.add_argument("ticket", metavar="ID")
    p.set_defaults(handler=run_show)

    p = tickets.add_parser("list", parents=[common], help="tickets, newest first")
    p.add_argument("--open", action="store_true", help="only tickets not closed")
    p.set_defaults(handler=run_list)


def ticket_id(text: str) -> int:
    """'T-0007', '7' → 7."""
    number = parse_record_number("ticket", text)
    return number if number is not None else int(text) if text.strip().isdigit() else -1


def ticket_text(t: TicketView) -> str:
    owner = f"{t.customer.name} ({t.customer.number})" if t.customer else "—"
    lines = [
        f"Ticket {t.number} [{t.status}] {t.sku} {t.serial} — {owner}"
        + ("" if t.sold_by_us else " — not sold by us"),
        f"  problem: {t.problem}",
        f"  warranty claim: {'yes' if t.warranty_claim else 'no'}"
        + (f" (decided by {t.warranty_override_by})" if t.warranty_override_by else ""),
        f"  opened {local(t.opened_at)} by {t.opened_by}; work {t.minutes} min",
    ]
    if t.supplier_warranty_until is not None:
        lines.append(f"  supplier: {t.supplier_warranty}"
                     + (f" — it can go back to the supplier (rma {t.serial} --reason …)" if t.rma_possible else ""))
    lines += [f"  {local(w.at)} {w.by}: {w.text} ({w.minutes} min)" for w in t.work]
    lines += [f"  {local(s.at)} {s.by}: part out {s.removed}, in {s.fitted}" for s in t.swaps]
    if t.closed_at:
        lines.append(f"  closed {local(t.closed_at)}: {t.resolution}")
    return "\n".join(lines)


def run_open(ctx: Context) -> int:
    a = ctx.args
    out = paperwork.document_target(a.job_sheet)
    t = ctx.services.service_desk.open_ticket(a.serial, a.problem, customer=a.customer, sku=a.sku,
                                              warranty_claim=a.warranty_claim, accessories=a.accessories,
                                              estimate=a.estimate)
    try:
        written = paperwork.write_job_sheet(ctx, t.id, out) if out else None
    except DomainError as exc:
        raise paperwork.after_the_fact("the job sheet", f"Ticket {t.number}", t.number, exc) from None
    return ctx.emit(t, lambda: ticket_text(t) + (f"\nJob sheet saved as {written}." if written else ""))


def run_log(ctx: Context) -> int:
    t = ctx.services.service_desk.log_work(ticket_id(ctx.args.ticket), ctx.args.text, ctx.args.minutes)
    return ctx.emit(t, lambda: ticket_text(t))


def run_swap(ctx: Context) -> int:
    t = ctx.services.service_desk.swap_part(ticket_id(ctx.args.ticket), out=ctx.args.out, into=ctx.args.into)
    return ctx.emit(t, lambda: ticket_text(t))


def run_status(ctx: Context) -> int:
    t = ctx.services.service_desk.set_status(ticket_id(ctx.args.ticket), ctx.args.status)
    return ctx.emit(t, lambda: ticket_text(t))


def run_close(ctx: Context) -> int:
    out = paperwork.document_target(ctx.args.hand_back)
    t = ctx.services.service_desk.close_ticket(ticket_id(ctx.args.ticket), ctx.args.resolution,
                                               charge=ctx.args.charge)
    try:
        written = paperwork.write_job_sheet(ctx, t.id, out, hand_back=True) if out else None
    except DomainError as exc:
        raise paperwork.after_the_fact("the hand-back sheet", f"Closing {t.number}", t.number, exc) from None
    return ctx.emit(t, lambda: ticket_text(t) + (f"\nHand-back sheet saved as {written}." if written else ""))


def run_show(ctx: Context) -> int:
    t = ctx.services.service_desk.ticket(ticket_id(ctx.args.ticket))
    return ctx.emit(t, lambda: ticket_text(t))


def run_list(ctx: Context) -> int:
    found = ctx.services.service_desk.tickets(open_only=ctx.args.open)
    return ctx.emit(found, lambda: "\n".join(
        f"{t.number} {t.status:<13} {t.sku:<14} {t.serial:<20} {t.customer.name if t.customer else '—':<24} "
        f"{t.problem[:40]}" for t in found) or "No tickets.")
