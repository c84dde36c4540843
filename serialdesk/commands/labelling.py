"""labels (SERIAL... | --receipt ID) --format pdf|png|zpl --layout … --symbology … --out FILE"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from serialdesk.commands.context import Context, UsageError
from serialdesk.domain.products import parse_record_number

if TYPE_CHECKING:
    from serialdesk.labels import LabelData
    from serialdesk.services.dto import LabelSource


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("labels", parents=[common], help="print unit labels to PDF, PNG or ZPL")
    p.add_argument("serials", nargs="*", metavar="SERIAL", help="SERIAL or SKU:SERIAL")
    p.add_argument("--receipt", metavar="ID", help="every unit on this receipt (R-0001 or 1)")
    p.add_argument("--generated-only", action="store_true", help="with --receipt: only serials made here")
    p.add_argument("--format", default="pdf", choices=["pdf", "png", "zpl"])
    p.add_argument("--zpl", dest="format", action="store_const", const="zpl", help="the same as --format zpl")
    p.add_argument("--printer", metavar="HOST[:PORT]",
                   help="with ZPL: send the labels straight to this label printer's raw port (9100 if not given)")
    p.add_argument("--layout", default="roll-62x29", choices=["roll-62x29", "a4-3x8"])
    p.add_argument("--symbology", default="code128", choices=["code128", "datamatrix", "qr"])
    p.add_argument("--out", metavar="FILE", help="the file to write (not needed with --printer)")
    p.add_argument("--start", type=int, default=1, metavar="N",
                   help="A4 sheets: first free label position, 1–24 (reuse a half-used sheet)")
    p.add_argument("--price", action="store_true", help="print the price on the label")
    p.add_argument("--gs1", action="store_true",
                   help="encode GTIN and serial as GS1 (products with a GTIN; DataMatrix or Code 128)")
    p.add_argument("--digital-link", action="store_true",
                   help="encode a GS1 Digital Link URI of the unit (products with a GTIN; best with --symbology qr)")
    p.add_argument("--resolver", metavar="URL",
                   help="the Digital Link resolver base (default: the resolver setting, else https://id.gs1.org)")
    p.add_argument("--dpi", type=int, help="printer resolution (default 300 for PDF/PNG, 203 for ZPL)")
    p.set_defaults(handler=run_labels)


def _gs1(source: LabelSource) -> str | None:
    if not source.gtin:
        return None
    lot = f"(10){source.lot}" if source.lot else ""
    return f"(01){source.gtin.zfill(14)}{lot}(21){source.serial}"


def _link(source: LabelSource, resolver: str) -> str | None:
    from serialdesk.domain.scan import digital_link

    if not resolver.lower().startswith(("https://", "http://")):
        raise UsageError(f"The resolver '{resolver}' is not a web address (https://…).")
    return digital_link(source.gtin, source.serial, source.lot, resolver) if source.gtin else None


def run_labels(ctx: Context) -> int:
    from serialdesk.labels import LabelData, render_labels

    a = ctx.args
    if bool(a.serials) == bool(a.receipt):
        raise UsageError("Name the serials, or --receipt ID (one of them).")
    if a.printer is not None and a.format != "zpl":
        raise UsageError("--printer sends ZPL to a label printer: add --zpl (or --format zpl).")
    if a.printer is None and not a.out:
        raise UsageError("Say where the labels go: --out FILE, or --zpl --printer HOST:9100.")
    if a.receipt:
        number = parse_record_number("receipt", a.receipt)
        receipt_id = number if number is not None else int(a.receipt) if a.receipt.isdigit() else -1
        sources = ctx.services.labels.for_receipt(receipt_id, generated_only=a.generated_only)
    else:
        sources = ctx.services.labels.for_serials(a.serials)
    if a.gs1 and a.digital_link:
        raise UsageError("Choose --gs1 or --digital-link, not both.")
    resolver = a.resolver or ctx.app.settings.resolver
    labels = [LabelData(s.serial, s.sku, s.name, lot=s.lot, price=s.price if a.price and s.price else None,
                        gs1=_gs1(s) if a.gs1 else None,
                        link=_link(s, resolver) if a.digital_link else None) for s in sources]
    if a.printer is not None:
        return _to_printer(ctx, labels)
    result = render_labels(labels, layout=a.layout, symbology=a.symbology, fmt=a.format, out=a.out, dpi=a.dpi,
                           start_position=max(a.start, 1) - 1)
    summary = {"labels": result.labels, "pages": result.pages, "files": [str(f) for f in result.files]}
    return ctx.emit(summary, f"{result.labels} label(s) on {result.pages} page(s): "
                             f"{', '.join(str(f) for f in result.files)}")


def _to_printer(ctx: Context, labels: list[LabelData]) -> int:
    """ZPL over the printer's raw socket (and to --out as well, if given); the labels count as printed only when
    every byte was sent."""
    from serialdesk.labels.printer import printer_address, send_zpl
    from serialdesk.labels.render import zpl_document

    a = ctx.args
    address = printer_address(a.printer)
    zpl = zpl_document(labels, layout=a.layout, symbology=a.symbology, dpi=a.dpi)
    if a.out:
        from serialdesk.files import write_with

        write_with(a.out, lambda tmp: Path(tmp).write_text(zpl, encoding="utf-8"))
    sent = send_zpl(address, zpl)
    summary = {"labels": len(labels), "printer": str(address), "bytes": sent,
               "files": [a.out] if a.out else []}
    return ctx.emit(summary, f"{len(labels)} label(s) sent to the label printer at {address} ({sent} bytes).")
