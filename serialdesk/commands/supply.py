"""location, move, transfer, po: the supply chain at the command line (issue 15)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from serialdesk.commands.context import Context, UsageError, parse_when, read_lines
from serialdesk.commands.output import local
from serialdesk.documents.spreadsheet import read_table
from serialdesk.services.dto.supply import PoReceipt, PurchaseOrderView, StockByLocation, TransferView
from serialdesk.services.locations import LocationService
from serialdesk.services.purchasing import PurchasingService
from serialdesk.services.transfers import TransferService


@dataclass(frozen=True)
class Supply:
    locations: LocationService
    transfers: TransferService
    purchasing: PurchasingService


def supply(ctx: Context) -> Supply:
    """The supply-chain services for the person at the command line (signed in as every command is)."""
    actor = ctx.services.actor
    args = (ctx.app.uows, actor, ctx.app.clock)
    return Supply(LocationService(*args), TransferService(*args), PurchasingService(*args))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    loc = sub.add_parser("location", help="places units are in").add_subparsers(dest="location_cmd", required=True)
    p = loc.add_parser("add", parents=[common], help="a new location")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--branch", help="the branch it belongs to (default: the main shop)")
    p.add_argument("--gln", help="its GS1 Global Location Number (13 digits), for EPCIS")
    p.set_defaults(handler=run_location_add)
    p = loc.add_parser("set", parents=[common], help="change a location's details (its GLN)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--gln", required=True, help="its GS1 Global Location Number (13 digits; '' takes it away)")
    p.set_defaults(handler=run_location_set)
    p = loc.add_parser("list", parents=[common], help="locations with their units in stock")
    p.set_defaults(handler=run_location_list)
    p = loc.add_parser("rename", parents=[common], help="a new name for a location")
    p.add_argument("old", metavar="NAME")
    p.add_argument("new", metavar="NEW_NAME")
    p.set_defaults(handler=run_location_rename)

    p = sub.add_parser("move", parents=[common], help="move units to another place of the same branch")
    p.add_argument("serials", nargs="+", metavar="SERIAL", help="SERIAL, SKU:SERIAL or a label scan")
    p.add_argument("--to", required=True, metavar="LOCATION")
    p.set_defaults(handler=run_move)

    tr = sub.add_parser("transfer", help="send units between locations").add_subparsers(dest="transfer_cmd",
                                                                                         required=True)
    p = tr.add_parser("open", parents=[common], help="a new transfer document (prints TR-…)")
    p.add_argument("--from", dest="source", required=True, metavar="LOCATION")
    p.add_argument("--to", dest="destination", required=True, metavar="LOCATION")
    p.add_argument("--note")
    p.set_defaults(handler=run_transfer_open)
    for name, alias, help_text, handler in (
        ("out", "scan", "scan units out at the source (they go in transit)", run_transfer_out),
        ("in", "receive", "scan units in at the destination", run_transfer_in),
    ):
        p = tr.add_parser(name, aliases=[alias], parents=[common], help=help_text)
        p.add_argument("transfer", metavar="TR-…")
        p.add_argument("serials", nargs="*", default=[], metavar="SERIAL")
        p.add_argument("--from-file", metavar="FILE", help="serials, one per line")
        p.set_defaults(handler=handler)
    p = tr.add_parser("show", parents=[common], help="a transfer: sent, received, short, extra")
    p.add_argument("transfer", metavar="TR-…")
    p.set_defaults(handler=run_transfer_show)
    p = tr.add_parser("list", parents=[common], help="transfers, newest first")
    p.add_argument("--open", action="store_true", help="only those not resolved yet")
    p.set_defaults(handler=run_transfer_list)
    p = tr.add_parser("resolve", parents=[common], help="close a transfer, saying what became of short units")
    p.add_argument("transfer", metavar="TR-…")
    p.add_argument("--short", choices=["back", "lost"], help="units that did not arrive: back at the source, or lost")
    p.add_argument("--note")
    p.set_defaults(handler=run_transfer_resolve)

    po = sub.add_parser("po", help="purchase orders").add_subparsers(dest="po_cmd", required=True)
    p = po.add_parser("add", parents=[common], help="a new purchase order (prints PO-…)")
    p.add_argument("--supplier", required=True)
    p.add_argument("--line", action="append", default=[], metavar="SKU:QTY:COST[:DATE]",
                   help="a line: product, quantity, unit cost, expected date (repeat for more lines)")
    p.add_argument("--note")
    p.set_defaults(handler=run_po_add)
    p = po.add_parser("line", parents=[common], help="add a line to an open purchase order")
    p.add_argument("po", metavar="PO-…")
    p.add_argument("--sku", required=True)
    p.add_argument("--qty", required=True, type=int)
    p.add_argument("--cost", required=True)
    p.add_argument("--due")
    p.set_defaults(handler=run_po_line)
    p = po.add_parser("notice", parents=[common], help="the supplier's shipping notice: expected serials "
                                                       "(CSV, or an EPCIS 2.0 .jsonld shipment)")
    p.add_argument("po", metavar="PO-…")
    p.add_argument("file", metavar="FILE", help="CSV: columns serial, optional sku and lot; or EPCIS FILE.jsonld")
    p.add_argument("--encoding", help="the CSV file's text encoding when it is not UTF-8 (e.g. latin-1)")
    p.set_defaults(handler=run_po_notice)
    p = po.add_parser("show", parents=[common], help="a purchase order: lines ordered/received, expected serials")
    p.add_argument("po", metavar="PO-…")
    p.set_defaults(handler=run_po_show)
    p = po.add_parser("list", parents=[common], help="purchase orders, newest first")
    p.add_argument("--open", action="store_true", help="only those still to be received")
    p.set_defaults(handler=run_po_list)
    for name, help_text in (("close", "close a purchase order (nothing more is coming)"),
                            ("cancel", "cancel a purchase order")):
        p = po.add_parser(name, parents=[common], help=help_text)
        p.add_argument("po", metavar="PO-…")
        p.set_defaults(handler=run_po_close, cancel=name == "cancel")


# ---- locations and moves ------------------------------------------------------------------------------------


def run_location_add(ctx: Context) -> int:
    loc = supply(ctx).locations.add_location(ctx.args.name, branch=ctx.args.branch, gln=ctx.args.gln)
    return ctx.emit(loc, f"Location {loc.name} added" + (f" (branch {loc.branch})" if loc.branch else "")
                    + (f", GLN {loc.gln}." if loc.gln else "."))


def run_location_set(ctx: Context) -> int:
    loc = supply(ctx).locations.set_gln(ctx.args.name, ctx.args.gln)
    return ctx.emit(loc, f"Location {loc.name}: GLN {loc.gln}." if loc.gln else f"Location {loc.name}: no GLN.")


def run_location_list(ctx: Context) -> int:
    found = supply(ctx).locations.locations()
    return ctx.emit(found, lambda: "\n".join(
        f"{v.name:<24} {('branch ' + v.branch) if v.branch else 'main shop':<20} {v.in_stock:>6} in stock"
        + ("  (default)" if v.default else "") + ("  (units on transfers)" if v.kind == "transit" else "")
        + (f"  GLN {v.gln}" if v.gln else "")
        for v in found))


def run_location_rename(ctx: Context) -> int:
    loc = supply(ctx).locations.rename_location(ctx.args.old, ctx.args.new)
    return ctx.emit(loc, f"Location renamed: {loc.name} ({loc.in_stock} in stock).")


def run_move(ctx: Context) -> int:
    result = supply(ctx).locations.move(ctx.args.serials, ctx.args.to)
    return ctx.emit(result, lambda: "\n".join(
        [f"Moved {len(result.units)} unit(s) to {result.to}:"]
        + [f"  {u.sku} {u.serial}  {u.from_location} → {u.to_location}" for u in result.units]))


# ---- transfers ----------------------------------------------------------------------------------------------


def _serials(ctx: Context) -> list[str]:
    serials = list(ctx.args.serials) + (read_lines(ctx.args.from_file) if ctx.args.from_file else [])
    if not serials:
        raise UsageError("Give the serials (or --from-file FILE).")
    return serials


def run_transfer_open(ctx: Context) -> int:
    t = supply(ctx).transfers.open_transfer(ctx.args.source, ctx.args.destination, ctx.args.note)
    return ctx.emit(t, f"Transfer {t.number} opened: {t.from_location} → {t.to_location}.")


def run_transfer_out(ctx: Context) -> int:
    t = supply(ctx).transfers.send(ctx.args.transfer, _serials(ctx))
    return ctx.emit(t, lambda: f"{t.number}: {t.sent} unit(s) sent from {t.from_location}, in transit to "
                               f"{t.to_location}.")


def run_transfer_in(ctx: Context) -> int:
    t = supply(ctx).transfers.receive(ctx.args.transfer, _serials(ctx))
    return ctx.emit(t, lambda: transfer_text(t))


def run_transfer_show(ctx: Context) -> int:
    t = supply(ctx).transfers.transfer(ctx.args.transfer)
    return ctx.emit(t, lambda: transfer_text(t, units=True))


def run_transfer_list(ctx: Context) -> int:
    found = supply(ctx).transfers.transfers(open_only=ctx.args.open)
    return ctx.emit(found, lambda: "\n".join(
        f"{t.number}  {t.status:<8} {t.from_location} → {t.to_location}  sent {t.sent}, arrived {t.received}, "
        f"short {len(t.short)}, extra {len(t.extra)}  {local(t.opened_at)}" for t in found) or "No transfers.")


def run_transfer_resolve(ctx: Context) -> int:
    t = supply(ctx).transfers.resolve(ctx.args.transfer, ctx.args.short, ctx.args.note)
    return ctx.emit(t, lambda: transfer_text(t))


def transfer_text(t: TransferView, *, units: bool = False) -> str:
    lines = [f"{t.number} {t.from_location} → {t.to_location} ({t.status}): sent {t.sent}, arrived {t.received}"]
    if t.short:
        lines.append(f"  Short (sent, not arrived): {', '.join(t.short)}")
    if t.extra:
        lines.append(f"  Extra (arrived, never sent): {', '.join(t.extra)}")
    if units:
        lines += [f"    {u.sku} {u.serial}  {u.state}" for u in t.units]
    return "\n".join(lines)


# ---- purchase orders ----------------------------------------------------------------------------------------


def run_po_add(ctx: Context) -> int:
    order = supply(ctx).purchasing.add_order(ctx.args.supplier, [_po_line(text) for text in ctx.args.line],
                                             note=ctx.args.note)
    return ctx.emit(order, lambda: po_text(order))


def _po_line(text: str) -> tuple[str, int, str, str | None]:
    parts = text.split(":")
    if len(parts) not in (3, 4) or not parts[1].strip().isdigit():
        raise UsageError(f"'{text}' is not a line; write SKU:QTY:COST or SKU:QTY:COST:DATE (e.g. BIKE-7:20:410.00).")
    return parts[0], int(parts[1]), parts[2], parts[3] if len(parts) == 4 else None


def run_po_line(ctx: Context) -> int:
    a = ctx.args
    order = supply(ctx).purchasing.add_line(a.po, a.sku, a.qty, a.cost, a.due)
    return ctx.emit(order, lambda: po_text(order))


def is_epcis(path: str) -> bool:
    """An EPCIS document (``.jsonld``/``.json``) rather than a CSV notice (issue 16)."""
    return path.lower().endswith((".jsonld", ".json"))


def run_po_notice(ctx: Context) -> int:
    if is_epcis(ctx.args.file):
        if ctx.args.encoding:
            raise UsageError("--encoding is for a CSV notice; an EPCIS document is always UTF-8.")
        from serialdesk.commands.epcis_notice import run_po_notice_epcis

        return run_po_notice_epcis(ctx)
    table = read_table(ctx.args.file, ("serial", "sku", "lot"), ctx.args.encoding)
    if "serial" not in table.columns:
        raise UsageError(f"{ctx.args.file} has no 'serial' column (columns: serial, optional sku and lot).")
    order = supply(ctx).purchasing.load_notice(ctx.args.po, table.rows, table.lines, source=ctx.args.file)
    return ctx.emit(order, lambda: po_text(order))


def run_po_show(ctx: Context) -> int:
    order = supply(ctx).purchasing.order(ctx.args.po)
    return ctx.emit(order, lambda: po_text(order, serials=True))


def run_po_list(ctx: Context) -> int:
    found = supply(ctx).purchasing.orders(open_only=ctx.args.open)
    return ctx.emit(found, lambda: "\n".join(
        f"{o.number}  {o.status:<16} {o.supplier:<24} {o.received} of {o.ordered}  {local(o.created_at)}"
        for o in found) or "No purchase orders.")


def run_po_close(ctx: Context) -> int:
    order = supply(ctx).purchasing.close_order(ctx.args.po, cancel=ctx.args.cancel)
    return ctx.emit(order, lambda: po_text(order))


def po_text(o: PurchaseOrderView, *, serials: bool = False) -> str:
    lines = [f"{o.number} {o.supplier} ({o.status.replace('_', ' ')}): {o.received} of {o.ordered} received"]
    lines += [f"  {ln.sku:<14} {ln.received:>4} of {ln.ordered:<4} at {ln.unit_cost}"
              + (f"  due {local(ln.due)[:10]}" if ln.due else "") for ln in o.lines]
    if o.expected:
        lines.append(f"  Shipping notice: {o.expected} serial(s), {len(o.expected_received)} received, "
                     f"{len(o.expected_missing)} still expected")
        if serials and o.expected_missing:
            lines.append(f"  Still expected: {', '.join(o.expected_missing)}")
    lines += [f"  ! {w}" for w in o.warnings]
    return "\n".join(lines)


def receive_on_po(ctx: Context) -> int:
    """receive --po PO-… SERIAL…: a posted receipt against the order (called by the receive command)."""
    a = ctx.args
    serials = read_lines(a.from_file) if a.from_file else list(a.serials)
    if not serials:
        raise UsageError("Give the serials received (or --from-file FILE).")
    got = supply(ctx).purchasing.receive(a.po, serials, sku=a.sku, lot=a.lot, at=parse_when(a.at),
                                         location=a.location or ctx.app.settings.location or None, note=a.note,
                                         supplier=a.supplier)
    return ctx.emit(got, lambda: po_receipt_text(got))


def po_receipt_text(r: PoReceipt) -> str:
    lines = [f"Receipt {r.receipt} posted against {r.po}: {r.units} unit(s) of {r.sku} at {r.unit_cost} — "
             f"{r.received} of {r.ordered} received."]
    if r.not_on_notice:
        lines.append(f"  Not on the supplier's notice: {', '.join(r.not_on_notice)}")
    lines += [f"  ! {w}" for w in r.warnings]
    return "\n".join(lines)


def stock_by_location_text(report: StockByLocation) -> str:
    lines = [f"{'Location':<22} {'SKU':<16} {'In stock':>8} {'Value at cost':>14}  Product"]
    for place in report.locations:
        lines += [f"{ln.location:<22} {ln.sku:<16} {ln.in_stock:>8} {ln.value_at_cost:>14}  {ln.name}"
                  for ln in report.lines if ln.location == place.location]
        lines.append(f"{'':<22} {'— ' + place.location:<16} {place.in_stock:>8} {place.value_at_cost:>14}")
    lines.append(f"{'Total':<39} {report.total_units:>8} {report.total_value:>14}")
    return "\n".join(lines)
