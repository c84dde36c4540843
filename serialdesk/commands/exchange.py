"""export|import suppliers|products|customers|items FILE.csv — a shop moved through spreadsheets.

``export … FILE.xlsx`` writes the same columns as an XLSX workbook with typed cells (the extension decides).

Order to move a shop: suppliers, products, customers, then items --all-statuses (units name the others).
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from serialdesk.commands.context import Context, UsageError
from serialdesk.commands.output import plain
from serialdesk.documents import workbook
from serialdesk.documents.spreadsheet import read_table, write_table
from serialdesk.services.exchange import COLUMNS, NUMERIC

WHAT = ["suppliers", "products", "customers", "locations", "items"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="write suppliers, products, customers, locations or units to CSV or XLSX",
                       description="export epcis FILE.jsonld writes the units' history as an EPCIS 2.0 document.")
    p.add_argument("what", choices=[*WHAT, "epcis"])
    p.add_argument("file", metavar="FILE.csv", help="FILE.xlsx for a workbook with typed cells; '-' for standard "
                                                    "output (CSV, not for epcis)")
    epcis = p.add_argument_group("epcis (issue 16)")
    epcis.add_argument("--sku", help="only this product's units")
    epcis.add_argument("--lot", help="only units of this lot")
    epcis.add_argument("--serial", help="only this unit")
    epcis.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="events on or after this day")
    epcis.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="events on or before this day")
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import", parents=[common],
                       help="read suppliers, products, customers, locations or units from CSV",
                       description="Order for a whole shop: suppliers, products, customers, locations, "
                                   "items --all-statuses.")
    p.add_argument("what", choices=WHAT)
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--encoding", help="the file's text encoding when it is not UTF-8 (e.g. latin-1)")
    p.add_argument("--all-statuses", action="store_true",
                   help="items: import sold, quarantined, scrapped … units too (default: only units in stock)")
    p.set_defaults(handler=run_import)


def run_export(ctx: Context) -> int:
    what = ctx.args.what
    if what == "epcis":
        return run_export_epcis(ctx)
    export = ctx.services.export
    rows: Any = {"suppliers": export.suppliers, "products": export.products, "customers": export.customers,
                 "locations": export.locations, "items": export.items}[what]()
    if workbook.is_xlsx(ctx.args.file):
        count = workbook.write_dicts(ctx.args.file, COLUMNS[what], (_values(row) for row in rows), sheet=what)
    else:
        count = write_table(ctx.args.file, COLUMNS[what], (plain(row) for row in rows), NUMERIC)
    if ctx.args.file == "-":
        return 0
    return ctx.emit({"exported": count, "what": what, "file": ctx.args.file},
                    f"{count} {what} written to {ctx.args.file}.")


def _values(row: Any) -> dict[str, Any]:
    """A row's own values (Decimals, datetimes, ints) for typed cells."""
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    return dict(row)


def run_import(ctx: Context) -> int:
    what = ctx.args.what
    table = read_table(ctx.args.file, COLUMNS[what], ctx.args.encoding)
    imports = ctx.services.imports
    rows, lines = list(table.rows), list(table.lines)
    if what == "items":
        result = imports.items(rows, lines, all_statuses=ctx.args.all_statuses)
    else:
        result = {"suppliers": imports.suppliers, "products": imports.products, "customers": imports.customers,
                  "locations": imports.locations}[what](rows, lines)

    def text() -> str:
        done = f"{result.created} {result.what} imported"
        if result.updated:
            done += f", {result.updated} updated"
        if result.receipts:
            done += f" on {', '.join(result.receipts)}"
        if result.sales:
            done += f"; {len(result.sales)} sales recorded"
        return done + "."

    return ctx.emit(result, text)


def run_export_epcis(ctx: Context) -> int:
    from datetime import date

    from serialdesk.services.epcis import EpcisExport

    a = ctx.args
    if a.file == "-":
        raise UsageError("An EPCIS export goes to a file: name it (e.g. history.jsonld).")

    def day(text: str | None, option: str) -> date | None:
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise UsageError(f"{option} wants a day as YYYY-MM-DD, not '{text}'.") from None

    result = EpcisExport.like(ctx.services.export).export(
        a.file, sku=a.sku, lot=a.lot, serial=a.serial, since=day(a.since, "--from"), until=day(a.until, "--to"))
    return ctx.emit(result, f"{result.events} EPCIS event(s) written to {result.file}.")
