"""export|import suppliers|products|customers|items FILE.csv — a shop moved through spreadsheets.

Order to move a shop: suppliers, products, customers, then items --all-statuses (units name the others).
"""

from __future__ import annotations

import argparse
from typing import Any

from serialdesk.commands.context import Context
from serialdesk.commands.output import plain
from serialdesk.documents.spreadsheet import read_table, write_table
from serialdesk.services.exchange import COLUMNS, NUMERIC

WHAT = ["suppliers", "products", "customers", "locations", "items"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="write suppliers, products, customers, locations or units to CSV")
    p.add_argument("what", choices=WHAT)
    p.add_argument("file", metavar="FILE.csv", help="'-' for standard output")
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
    export = ctx.services.export
    rows: Any = {"suppliers": export.suppliers, "products": export.products, "customers": export.customers,
                 "locations": export.locations, "items": export.items}[what]()
    count = write_table(ctx.args.file, COLUMNS[what], (plain(row) for row in rows), NUMERIC)
    if ctx.args.file == "-":
        return 0
    return ctx.emit({"exported": count, "what": what, "file": ctx.args.file},
                    f"{count} {what} written to {ctx.args.file}.")


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
