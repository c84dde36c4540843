"""search (the look-up's search); recall, recall-show, recall-track: affected units, CSV and customer letters."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from serialdesk.commands.context import Context, UsageError
from serialdesk.commands.output import warn
from serialdesk.documents.recall_csv import write_csv
from serialdesk.documents.recall_letters import write_recall_letters
from serialdesk.documents.targets import check_writable
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import parse_record_number
from serialdesk.domain.recalls import Resolution
from serialdesk.domain.text import plural
from serialdesk.services.dto import RecallCriteria, RecallView
from serialdesk.services.dto.search import FoundUnit, SearchResult
from serialdesk.services.lookup import MAX_SEARCH_LIMIT, SEARCH_LIMIT
from serialdesk.services.shop import ShopProfileView

RESOLUTION_KINDS = [r.value for r in Resolution]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common],
                       help="find units by the beginning of a serial, customers by name/phone/e-mail, a ticket")
    p.add_argument("text", metavar="TEXT", help="part of a serial (its beginning), a name, a phone number, T-0007")
    p.add_argument("--limit", type=int, default=SEARCH_LIMIT,
                   help=f"at most this many of each kind (default {SEARCH_LIMIT}, at most {MAX_SEARCH_LIMIT})")
    p.set_defaults(handler=run_search)

    p = sub.add_parser("recall", parents=[common], help="recall units: quarantine stock, list customers, letters")
    p.add_argument("--sku", required=True)
    p.add_argument("--lot", action="append", default=[], help="a lot code (repeat for several)")
    p.add_argument("--serial-from")
    p.add_argument("--serial-to")
    p.add_argument("--supplier")
    for what in ("received", "sold"):
        p.add_argument(f"--{what}-from", type=_date, metavar="DATE")
        p.add_argument(f"--{what}-to", type=_date, metavar="DATE")
    p.add_argument("--reason", help="why (goes into the letters); required unless --preview")
    p.add_argument("--preview", action="store_true", help="only list the affected units; change nothing")
    p.add_argument("--also", action="store_true",
                   help="record the recall even though some units are already on an open recall")
    p.add_argument("--csv", metavar="OUT", help="write the affected units to a CSV file (OUT.xlsx: an XLSX workbook)")
    p.add_argument("--letters", metavar="OUT.pdf", help="write one letter per customer to a PDF")
    p.add_argument("--shop", default=os.environ.get("SERIALDESK_SHOP"),
                   help="shop name on the letters (default: the shop profile, shop set --name …)")
    _email_options(p)
    p.set_defaults(handler=run_recall)

    p = sub.add_parser("recall-show", parents=[common], help="a saved recall with contact and resolution state")
    p.add_argument("recall", metavar="ID")
    p.add_argument("--csv", metavar="OUT", help="the affected units as CSV (OUT.xlsx: an XLSX workbook)")
    _email_options(p, "e-mail the letter to each customer not yet contacted")
    p.set_defaults(handler=run_show)

    p = sub.add_parser("recall-track", parents=[common], help="note a customer contacted or a unit resolved")
    p.add_argument("recall", metavar="ID")
    p.add_argument("--contacted", metavar="CUSTOMER", help="this customer was told (all their units)")
    p.add_argument("--resolve", metavar="SERIAL")
    p.add_argument("--resolution", choices=RESOLUTION_KINDS, help="how the unit was dealt with (with --resolve)")
    p.add_argument("--note", default="", help="with --resolve: new serial, refund number …")
    p.set_defaults(handler=run_track)

    p = sub.add_parser("recall-resolve", parents=[common],
                       help="close a unit's recall line: cleared or repaired lets it back on sale")
    p.add_argument("recall", metavar="ID")
    p.add_argument("serial", metavar="SERIAL")
    p.add_argument("--as", dest="how", required=True, choices=RESOLUTION_KINDS,
                   help="cleared/repaired: may be sold again; replaced/refunded: still held; scrapped: scrapped")
    p.add_argument("--note", default="", help="new serial, refund number, what was found …")
    p.set_defaults(handler=run_resolve)


def _email_options(p: argparse.ArgumentParser, what: str = "e-mail each customer's letter (text and PDF) through "
                   "the shop's mail server; marked contacted once the server accepts it") -> None:
    p.add_argument("--email", action="store_true", help=what)
    p.add_argument("--eml-dir", metavar="DIR", help="with --email and no mail server (shop set --smtp-host): write "
                   ".eml files here (default: RC-…-emails beside the letters, or in this folder)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use e.g. 2026-03-14)") from None


def _recall_id(text: str) -> int:
    number = parse_record_number("recall", text)
    if number is None and not text.strip().isdigit():
        raise DomainError(f"'{text}' is not a recall number (e.g. RC-0001).", code="bad_recall_number")
    return number if number is not None else int(text)


def run_search(ctx: Context) -> int:
    result = ctx.services.lookup.search(ctx.args.text, ctx.args.limit)
    return ctx.emit(result, lambda: search_text(result))


def search_text(r: SearchResult) -> str:
    def unit(u: FoundUnit) -> str:
        return f"{u.ref:<28} {u.product} · {u.status.replace('_', ' ')}"

    lines = [f"  {unit(u)}" for u in r.exact]
    if r.units:
        lines += [f"Serials beginning with '{r.text}':", *(f"  {unit(u)}" for u in r.units)]
    for c in r.customers:
        who = " · ".join(x for x in (c.customer.phone, c.customer.email) if x)
        lines.append(f"Customer {c.customer.name} ({c.customer.number}){'  ' + who if who else ''}")
        lines += [f"  {unit(u)}" for u in c.units] or ["  no units"]
        if c.more_units:
            lines.append("  … and more")
    for t in r.tickets:
        lines.append(f"Ticket {t.number} ({t.status.replace('_', ' ')}): {t.problem}"
                     + (f" — {t.customer}" if t.customer else ""))
        lines.append(f"  {unit(t.unit)}")
    if r.truncated:
        lines.append(f"Only the first {r.limit} of each kind are shown: type more to narrow it down.")
    return "\n".join(lines)


def run_recall(ctx: Context) -> int:
    a = ctx.args
    criteria = RecallCriteria(a.sku, tuple(a.lot), a.serial_from, a.serial_to, a.supplier, a.received_from,
                              a.received_to, a.sold_from, a.sold_to)
    if not a.preview and not a.reason:
        raise UsageError("Give --reason (it goes into the customer letters), or --preview to only look.")
    if a.preview and a.email:
        raise UsageError("A preview e-mails nobody: leave out --preview to save the recall and e-mail its letters.")
    if a.eml_dir and not a.email:
        raise UsageError("--eml-dir goes with --email.")
    letters = getattr(a, "letters", None)
    for path in (a.csv, letters):  # before the recall is saved: a typo in a folder name changes nothing
        if path:
            check_writable(path)
    profile = ctx.services.shop.profile() if letters or a.email else None  # issue 18: the shop's identity
    if a.email and profile is not None:  # a mail set-up that cannot work changes nothing
        from serialdesk.commands.mailing import eml_folder
        from serialdesk.documents.mail import mail_ready

        beside = letters or a.csv
        mail_ready(profile, Path(a.eml_dir) if a.eml_dir else eml_folder(None, beside, "x").parent,
                   create=bool(a.eml_dir))
    shop: str | ShopProfileView = a.shop or (profile if profile and profile.name else "Our shop")
    if a.preview:
        view = ctx.services.recalls.find_affected(criteria)
        _outputs(view, a.csv, letters, shop)
    else:
        view = ctx.services.recalls.start_recall(criteria, a.reason, also=a.also)
        _outputs(view, a.csv, letters, shop, saved=True)
        if a.email:
            return _emailed(ctx, view, a.eml_dir, letters or a.csv)
    return ctx.emit(view, lambda: recall_text(view))


def run_show(ctx: Context) -> int:
    a = ctx.args
    if a.csv:
        check_writable(a.csv)
    if a.eml_dir and not a.email:
        raise UsageError("--eml-dir goes with --email.")
    view = ctx.services.recalls.recall(_recall_id(a.recall))
    if a.email:
        return _emailed(ctx, view, a.eml_dir, a.csv, only_uncontacted=True)
    _outputs(view, a.csv, None, "")
    return ctx.emit(view, lambda: recall_text(view))


def _emailed(ctx: Context, view: RecallView, eml_dir: str | None, beside: str | None, *,
             only_uncontacted: bool = False) -> int:
    """E-mail the letters (after the recall was saved), then show the recall as it now stands and, per customer,
    what the mail server did; exit 3 when someone could not be e-mailed."""
    from serialdesk.commands.mailing import email_recall

    report = email_recall(ctx, view, eml_dir, beside, only_uncontacted)
    if report.marked:
        view = ctx.services.recalls.recall(view.id or 0)
    ctx.emit({"recall": view, "email": report}, lambda: recall_text(view) + "\n" + report.text())
    return 0 if report.complete else 3


def run_track(ctx: Context) -> int:
    a = ctx.args
    if bool(a.contacted) == bool(a.resolve) or (a.resolve and not a.resolution):
        raise UsageError("Give --contacted CUSTOMER, or --resolve SERIAL with --resolution TEXT.")
    recalls = ctx.services.recalls
    rid = _recall_id(a.recall)
    view = (recalls.mark_contacted(rid, a.contacted) if a.contacted
            else recalls.resolve(rid, a.resolve, a.resolution, a.note))
    return ctx.emit(view, lambda: recall_text(view))


def run_resolve(ctx: Context) -> int:
    a = ctx.args
    view = ctx.services.recalls.resolve(_recall_id(a.recall), a.serial, a.how, a.note)
    return ctx.emit(view, lambda: recall_text(view))


def recall_text(v: RecallView) -> str:
    head = f"Recall {v.number}" if v.number else "Recall preview (nothing changed)"
    counts = ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in v.counts.items() if k not in ("total", "customers"))
    lines = [f"{head}: {v.sku} {v.product} — {v.counts['total']} units, {v.counts['customers']} customers"
             + (f" ({counts})" if counts else "")]
    if v.reason:
        lines.append(f"  reason: {v.reason}")
    for u in v.units:
        who = f"{u.customer.name} ({u.customer.number}) {u.customer.phone or ''} {u.customer.email or ''}".rstrip() \
            if u.customer else "—"
        track = ((" contacted" if u.contacted_at else "") + (f" resolved: {u.resolution}" if u.resolution else "")
                 + (f" ({u.note})" if u.note else ""))
        lines.append(f"  {u.serial:<20} {u.lot or '—':<10} {u.status_at_recall:<12} → {u.status:<12} {who}{track}")
        if u.within:  # a part: the units it sits in, up to the one the customer holds
            lines.append("      in " + " in ".join(f"{h.label} ({h.product}, {h.status.replace('_', ' ')})"
                                                     for h in u.within))
    return "\n".join(lines)


def _outputs(view: RecallView, csv_path: str | None, letters_path: str | None, shop: str | ShopProfileView, *,
             saved: bool = False) -> None:
    """Write the files asked for. After a recall was saved, a file that still cannot be written is reported
    with what was saved and what was not (exit 3), never as a crash."""
    done: list[str] = []
    files = (("the CSV", csv_path, lambda p: write_csv(view, p)),
             ("the letters", letters_path, lambda p: write_recall_letters(view, p, shop)))
    for what, path, write in files:
        if not path:
            continue
        try:
            result = write(Path(path))
        except DomainError as exc:
            if not saved:
                raise
            also = f" ({' and '.join(done)})" if done else ""
            raise DomainError(f"Recall {view.number} was saved ({plural(view.counts['total'], 'unit')} held); "
                              f"{what} could not be written: {exc.message}{also}", code="file_not_written",
                              recall=view.number) from None
        if what == "the letters" and not result:
            warn("No customer holds an affected unit: no letters were written.")
        else:
            done.append(f"{what} was written to {path}")
