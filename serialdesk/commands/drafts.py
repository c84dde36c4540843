"""receive --draft, receipts show|resume|post|cancel: draft receipts scanned from the command line, through the
same receiving session as the pane (workflows.receiving), so a scan means here what it means at the counter."""

from __future__ import annotations

import argparse
import sys

from serialdesk.commands.context import Context
from serialdesk.commands.output import local
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import ReceiptView
from serialdesk.workflows.receiving import ReceivingSession, ScanOutcome


def register_receipts(receipts: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    sub = receipts.add_subparsers(dest="receipts_command", metavar="show|resume|post|cancel")
    p = sub.add_parser("show", parents=[common], help="one receipt with its units")
    p.add_argument("receipt", metavar="R-…")
    p.set_defaults(handler=run_show)
    p = sub.add_parser("resume", parents=[common], help="scan more units onto a draft")
    p.add_argument("receipt", metavar="R-…")
    p.add_argument("scans", nargs="+", metavar="SERIAL", help="serials or any scan text (GS1, SKU:SERIAL, GTIN)")
    p.add_argument("--sku", help="the product of bare serials (default: the draft's last one)")
    p.add_argument("--lot")
    p.set_defaults(handler=run_resume)
    p = sub.add_parser("post", parents=[common], help="post a draft: its units go into stock")
    p.add_argument("receipt", metavar="R-…")
    p.add_argument("--supplier", help="the supplier, if the draft has none yet")
    p.set_defaults(handler=run_post)
    p = sub.add_parser("cancel", parents=[common], help="throw away a draft and its scans")
    p.add_argument("receipt", metavar="R-…")
    p.set_defaults(handler=run_cancel)


def run_receive_draft(ctx: Context) -> int:
    """``receive --draft``: scan the texts onto a new draft, leave it open, print its number."""
    a = ctx.args
    session = ReceivingSession(ctx.services, sku=a.sku.upper(), lot=a.lot, supplier=a.supplier)
    return _scan_all(ctx, session, list(a.serials))


def run_resume(ctx: Context) -> int:
    a = ctx.args
    session = ReceivingSession(ctx.services)
    session.resume(a.receipt)
    if a.sku:
        session.sku = a.sku.upper()
    if a.lot:
        session.lot = a.lot
    return _scan_all(ctx, session, list(a.scans))


def _scan_all(ctx: Context, session: ReceivingSession, texts: list[str]) -> int:
    """Each text is one scan, as at the counter; refused ones are told on stderr (exit 3, or 4 for a barcode
    no product has), the others stay on the draft."""
    outcomes: list[ScanOutcome] = [session.scan(text) for text in texts]
    failed = [o for o in outcomes if o.tone in ("bad", "warn")]
    for outcome in failed:
        print(f"{outcome.text.strip()}: {outcome.message}", file=sys.stderr)
    if session.draft is None:
        if failed:
            return 4 if all(o.tone == "warn" for o in failed) else 3
        raise DomainError("No serial was scanned, so no draft was opened.", code="empty_receipt")
    receipt = ctx.services.receiving.receipt(session.draft.id)
    ctx.emit(receipt, lambda: f"Draft {receipt.number}: {receipt.count} unit(s) scanned, still open — "
                              f"`serialdesk receipts post {receipt.number}` puts them into stock.")
    if failed:
        return 4 if all(o.tone == "warn" for o in failed) else 3
    return 0


def run_show(ctx: Context) -> int:
    from serialdesk.services.drafts import receipt_id

    receipt = ctx.services.receiving.receipt(receipt_id(ctx.args.receipt))
    return ctx.emit(receipt, lambda: receipt_text(receipt))


def run_post(ctx: Context) -> int:
    session = ReceivingSession(ctx.services)
    session.resume(ctx.args.receipt)
    posted = session.post(ctx.args.supplier)
    return ctx.emit(posted, f"Receipt {posted.number} posted: {posted.count} unit(s) from {posted.supplier} "
                            "are in stock.")


def run_cancel(ctx: Context) -> int:
    session = ReceivingSession(ctx.services)
    session.resume(ctx.args.receipt)
    cancelled = session.cancel()
    return ctx.emit(cancelled, f"Draft {cancelled.number} was cancelled; nothing went into stock.")


def receipt_text(r: ReceiptView) -> str:
    lines = [f"Receipt {r.number} [{r.status}] {r.count} unit(s), supplier {r.supplier or '(none yet)'}, "
             f"by {r.created_by}@{r.station} {local(r.created_at)}"]
    lines += [f"  {u.sku:<14} {u.serial:<24} {u.lot or '—':<10} {u.serial_source}" for u in r.units]
    return "\n".join(lines)
