"""receive, receipts, sell, return, lookup, report stock."""

from __future__ import annotations

import argparse

from serialdesk.commands import drafts, paperwork, supply
from serialdesk.commands import reports as report_commands
from serialdesk.commands.assembly import tree_lines
from serialdesk.commands.context import Context, UsageError, parse_when, read_lines
from serialdesk.commands.output import local
from serialdesk.documents import report_tables
from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import day
from serialdesk.services.dto import ItemPassport, StockReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("receive", parents=[common], help="receive units as one posted receipt")
    p.add_argument("--supplier", help="required unless --draft or --po (a draft may get it before posting)")
    p.add_argument("--sku", help="the product (with --po: only when the order is for several)")
    p.add_argument("--po", metavar="PO-…", help="receive against a purchase order (supplier and cost from it)")
    p.add_argument("--location", help="where the units go (default: the station's location, else the shop floor)")
    p.add_argument("--draft", action="store_true", help="scan onto a new draft receipt, left open; prints R-…")
    p.add_argument("--lot")
    p.add_argument("--at", help="when they arrived (ISO date/time; default now)")
    p.add_argument("--expected", metavar="FILE", help="expected serials, to list missing and unexpected ones "
                                                      "(one a line, or a supplier's EPCIS FILE.jsonld)")
    p.add_argument("--note")
    p.add_argument("serials", nargs="*", default=[], metavar="SERIAL")
    p.add_argument("--from-file", metavar="FILE", help="serials, one per line (or first CSV column)")
    p.add_argument("--generate", type=int, metavar="N", help="make N serials from the product's pattern")
    p.set_defaults(handler=run_receive)

    p = sub.add_parser("receipts", parents=[common], help="list receipts (drafts included)")
    p.add_argument("--open", action="store_true", help="only drafts still being scanned")
    p.set_defaults(handler=run_receipts)
    drafts.register_receipts(p, common)

    p = sub.add_parser("sell", parents=[common], help="sell units to a customer")
    p.add_argument("--customer", required=True)
    p.add_argument("--at")
    p.add_argument("--price", help="price of each unit (default: the product's price)")
    p.add_argument("--pay", action="append", default=[], metavar="cash|card|invoice[:AMOUNT]",
                   help="how it is paid; repeat to split (one may go without an amount: the rest; cash may be "
                        "more: the change). Default: cash")
    p.add_argument("--discount", action="append", default=[], metavar="SERIAL=AMOUNT|PCT%=REASON",
                   help="take something off one line, with the reason (printed on the receipt)")
    p.add_argument("--receipt", metavar="OUT.pdf", help="also write the customer's receipt as a PDF")
    p.add_argument("serials", nargs="+", metavar="SERIAL", help="SERIAL or SKU:SERIAL")
    p.set_defaults(handler=run_sell)

    p = sub.add_parser("return", parents=[common], help="take back a sold unit")
    p.add_argument("serial", metavar="SERIAL")
    p.add_argument("--to", required=True, choices=["stock", "quarantine", "scrap"])
    p.add_argument("--reason", required=True)
    p.add_argument("--sku")
    p.add_argument("--at")
    p.add_argument("--receipt", metavar="OUT.pdf", help="also write the credit receipt as a PDF")
    p.set_defaults(handler=run_return)

    p = sub.add_parser("lookup", parents=[common], help="a unit's passport")
    p.add_argument("serial", metavar="SERIAL")
    p.add_argument("--sku")
    p.add_argument("--epcis", metavar="FILE.jsonld", help="also write the unit's history as an EPCIS 2.0 document")
    p.set_defaults(handler=run_lookup)

    reports = sub.add_parser("report", help="reports").add_subparsers(dest="report", required=True)
    p = reports.add_parser("stock", parents=[common], help="stock on hand by product and lot")
    p.add_argument("--by", choices=["product", "location"], default="product",
                   help="location: stock in each place, per product")
    report_commands.add_xlsx(p)
    p.set_defaults(handler=run_report_stock)
    report_commands.register(reports, common)


def run_receive(ctx: Context) -> int:
    a = ctx.args
    if a.po:
        if a.draft or a.generate:
            raise UsageError("receive --po takes the serials received (or --from-file FILE).")
        if a.expected:
            raise UsageError("With --po the order's notice is the checklist: load it with "
                             f"po notice {a.po} {a.expected}, then receive --po {a.po}.")
        return supply.receive_on_po(ctx)
    if not a.sku:  # a purchase order names its products; anything else needs the product
        raise UsageError("Give --sku (the product received), or --po PO-… to receive against an order.")
    if a.draft and a.serials and not (a.from_file or a.generate):
        return drafts.run_receive_draft(ctx)
    if a.draft:
        raise UsageError("receive --draft takes the scans on the command line.")
    if not a.supplier:
        raise UsageError("Give --supplier (or --draft, to choose it before posting).")
    if sum(map(bool, (a.serials, a.from_file, a.generate))) != 1:
        raise UsageError("Give the serials, or --from-file FILE, or --generate N (one of them).")
    serials = read_lines(a.from_file) if a.from_file else a.serials
    shipped = None
    if a.expected and supply.is_epcis(a.expected):  # issue 16: the supplier's EPCIS shipment as the checklist
        from serialdesk.commands.epcis_notice import checklist, not_applying

        shipped = checklist(ctx, a.expected, a.sku)
    expected = list(shipped.serials) if shipped else read_lines(a.expected) if a.expected else None
    receipt = ctx.services.receiving.receive_units(
        supplier=a.supplier, sku=a.sku, serials=serials, generate=a.generate or 0, lot=a.lot, at=parse_when(a.at),
        expected=expected,
        note=a.note, location=a.location or ctx.app.settings.location or None,
    )

    def text() -> str:
        lines = [f"Receipt {receipt.number} posted: {receipt.count} unit(s) of {a.sku.upper()} "
                 f"from {receipt.supplier}."]
        if receipt.missing:
            lines.append(f"Missing (expected, not received): {', '.join(receipt.missing)}")
        if receipt.unexpected:
            lines.append(f"Unexpected (received, not on the list): {', '.join(receipt.unexpected)}")
        if shipped is not None:
            lines += [] if shipped.serials else [shipped.headline(a.expected)]
            lines += not_applying(shipped.notes)
        return "\n".join(lines)

    return ctx.emit(receipt, text)


def run_receipts(ctx: Context) -> int:
    found = ctx.services.receiving.receipts(open_only=ctx.args.open)
    return ctx.emit(found, lambda: "\n".join(
        f"{r.number}  {r.status:<9} {r.count:>5} units  {r.supplier or '(no supplier yet)':<24} "
        f"{r.created_by}@{r.station}  {local(r.created_at)}" for r in found) or "No receipts.")


def run_sell(ctx: Context) -> int:
    a = ctx.args
    prices = [a.price] * len(a.serials) if a.price else None
    out = paperwork.receipt_target(ctx, a.receipt)
    discounts = paperwork.discounts_by_serial(a.serials, a.discount)
    sale = ctx.services.sales.sell_items(a.customer, a.serials, at=parse_when(a.at), prices=prices, pay=a.pay,
                                         discounts=discounts)
    try:
        written = paperwork.write_sale_receipt(ctx, sale.id, out) if out else None
    except DomainError as exc:
        raise paperwork.after_the_fact("the receipt", f"Sale {sale.number}", sale.receipt_number or sale.number,
                                       exc) from None
    return ctx.emit(sale, lambda: "\n".join(
        [f"Sale {sale.number} (receipt {sale.receipt_number}) to {sale.customer.name} ({sale.customer.number}), "
         f"total {sale.total}:"]
        + [f"  {ln.sku:<14} {ln.serial:<24} {ln.price:>10}  warranty until {local(ln.warranty_until)[:10]}"
           for ln in sale.lines] + ([f"Receipt saved as {written}."] if written else [])))


def run_return(ctx: Context) -> int:
    a = ctx.args
    out = paperwork.receipt_target(ctx, a.receipt)
    ret = ctx.services.sales.return_item(a.serial, to=a.to, reason=a.reason, sku=a.sku, at=parse_when(a.at))
    try:
        written = paperwork.write_credit_receipt(ctx, ret.id, out) if out else None
    except DomainError as exc:
        raise paperwork.after_the_fact("the credit receipt", "The return", ret.credit_number or "", exc) from None
    text = f"{ret.sku} {ret.serial} returned from {ret.customer} ({ret.sale}); now {ret.status}."
    text += f" Credit receipt {ret.credit_number}." if ret.credit_number else ""
    return ctx.emit(ret, text + (f"\n{ret.note}" if ret.note else "")
                    + (f"\nCredit receipt saved as {written}." if written else ""))


def run_lookup(ctx: Context) -> int:
    passport = ctx.services.lookup.passport(ctx.args.serial, ctx.args.sku)
    if getattr(ctx.args, "epcis", None):  # issue 16: a unit's history for its manufacturer
        from serialdesk.services.epcis import EpcisExport

        done = EpcisExport.like(ctx.services.export).unit(ctx.args.epcis, passport.sku, passport.serial)
        return ctx.emit(passport, lambda: passport_text(passport)
                        + f"\n{done.events} EPCIS event(s) written to {done.file}.")
    return ctx.emit(passport, lambda: passport_text(passport))


def passport_text(p: ItemPassport) -> str:
    warranty = {"in_warranty": f"in warranty until {local(p.warranty_until)[:10]} ({p.warranty_days_left} days)",
                "expired": f"expired on {local(p.warranty_until)[:10]}", "none": "none"}[p.warranty_status]
    customer = f"{p.customer.name} ({p.customer.number})" if p.customer else "not sold"
    lines = [f"!! {p.hold}"] if p.hold else []
    lines += [
        f"{p.sku} {p.serial} — {p.product}",
        f"  status    {p.status.replace('_', ' ')}   serial from {p.serial_source}",
        f"  lot       {p.lot or '—'}   supplier {p.supplier or '—'}   received {local(p.received_at)}",
        f"  customer  {customer}   sold {local(p.sold_at)}",
        f"  warranty  {warranty}",
    ]
    if p.supplier_warranty_until is not None:
        ended = p.supplier_warranty_status != "in_warranty"
        until = local(p.supplier_warranty_until)[:10]
        lines.append(f"  supplier  warranty to us {'ended on' if ended else 'until'} {until}"
                     + ("" if ended else f" ({p.supplier_warranty_days_left} days left)"))
    if p.location or p.journey:
        lines.append(f"  location  {p.location or '—'}   journey "
                     + (" → ".join(v.location for v in p.journey) or "—"))
    lines += tree_lines(p.parts, p.within, p.fitted_history)
    lines += ["  history:"]
    lines += [f"    {local(e.at)}  {e.summary}  [{e.by}]"
              + (f" (entered {day(e.recorded_at)}, back-dated)" if e.backdated else "") for e in p.events]
    return "\n".join(lines)


def run_report_stock(ctx: Context) -> int:
    if ctx.args.by == "location":
        by_place = ctx.services.reports.stock_by_location()
        return report_commands.emit_report(ctx, by_place, lambda: supply.stock_by_location_text(by_place),
                                           report_tables.stock_by_location)
    report = ctx.services.reports.stock()
    return report_commands.emit_report(ctx, report, lambda: stock_text(report), report_tables.stock)


def stock_text(report: StockReport) -> str:
    lines = [f"{'SKU':<16} {'Lot':<12} {'In stock':>8} {'Value at cost':>14}  Product"]
    lines += [f"{ln.sku:<16} {ln.lot or '—':<12} {ln.in_stock:>8} {ln.value_at_cost:>14}  {ln.name}"
              for ln in report.lines]
    lines.append(f"{'Total':<29} {report.total_units:>8} {report.total_value:>14}")
    statuses = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(report.by_status.items()))
    lines.append(f"All units by status: {statuses or 'none'}")
    return "\n".join(lines)
