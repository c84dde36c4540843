"""EPCIS shipments at the command line (issue 16): ``po notice PO-… FILE.jsonld`` and ``receive … --expected
FILE.jsonld`` read a supplier's EPCIS 2.0 document (services.epcis_import)."""

from __future__ import annotations

from serialdesk.commands.context import Context
from serialdesk.commands.supply import po_text
from serialdesk.services.epcis_import import EpcisChecklist, EpcisNotices


def notices(ctx: Context) -> EpcisNotices:
    return EpcisNotices(ctx.app.uows, ctx.services.actor, ctx.app.clock)


def run_po_notice_epcis(ctx: Context) -> int:
    done = notices(ctx).load_notice(ctx.args.po, ctx.args.file)

    def text() -> str:
        return "\n".join([done.headline(ctx.args.file), po_text(done.order), *not_applying(done.notes)])

    return ctx.emit(done, text)


def checklist(ctx: Context, path: str, sku: str) -> EpcisChecklist:
    return notices(ctx).checklist(path, sku)


def not_applying(notes: tuple[str, ...]) -> list[str]:
    return ["  Not applying (left out):", *(f"    {note}" for note in notes)] if notes else []
