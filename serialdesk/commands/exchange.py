"""export products|customers|items FILE.csv"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
from collections.abc import Iterable
from typing import Any

from serialdesk.commands.context import Context
from serialdesk.commands.output import plain
from serialdesk.domain.errors import DomainError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write products, customers or units to CSV")
    p.add_argument("what", choices=["products", "customers", "items"])
    p.add_argument("file", metavar="FILE.csv", help="'-' for standard output")
    p.set_defaults(handler=run_export)

    p = sub.add_parser("import", parents=[common], help="read products, customers or units in stock from CSV")
    p.add_argument("what", choices=["products", "customers", "items"])
    p.add_argument("file", metavar="FILE.csv")
    p.set_defaults(handler=run_import)


def run_export(ctx: Context) -> int:
    export = ctx.services.export
    rows: Iterable[Any] = {"products": export.products, "customers": export.customers,
                           "items": export.items}[ctx.args.what]()
    out = sys.stdout if ctx.args.file == "-" else open(ctx.args.file, "w", newline="", encoding="utf-8")  # noqa: SIM115
    count = 0
    try:
        writer: Any = None
        for row in rows:
            values = plain(row)
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=[f.name for f in dataclasses.fields(row)])
                writer.writeheader()
            writer.writerow({k: "" if v is None else v for k, v in values.items()})
            count += 1
    finally:
        if out is not sys.stdout:
            out.close()
    if ctx.args.file == "-":
        return 0
    return ctx.emit({"exported": count, "what": ctx.args.what, "file": ctx.args.file},
                    f"{count} {ctx.args.what} written to {ctx.args.file}.")


def run_import(ctx: Context) -> int:
    try:
        with open(ctx.args.file, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DomainError(f"Cannot read {ctx.args.file}: {exc}.", code="file_unreadable") from None
    imports = ctx.services.imports
    result = {"products": imports.products, "customers": imports.customers, "items": imports.items}[
        ctx.args.what](rows)
    return ctx.emit(result, f"{result.created} {result.what} imported"
                            + (f" on {', '.join(result.receipts)}." if result.receipts else "."))
