"""The paper a command hands the customer (issue 18): receipts, credit receipts, job sheets — the target checked
before anything is saved, the document written after."""

from __future__ import annotations

from pathlib import Path

from serialdesk.commands.context import Context, UsageError
from serialdesk.documents.targets import check_writable
from serialdesk.domain.errors import DomainError


def receipt_target(ctx: Context, out: str | None) -> Path | None:
    """Where the PDF goes, once it is known it can be written and the shop is named on it (else nothing is
    saved: DomainError naming what to do)."""
    if not out:
        return None
    target = check_writable(out)
    shop = ctx.services.shop.profile()
    if shop.missing:
        raise DomainError(f"A receipt must name the shop: set its {', '.join(shop.missing)} first "
                          "(shop set --name … --address … --vat-number …). Nothing was saved.",
                          code="shop_profile_incomplete")
    return target


def document_target(out: str | None) -> Path | None:
    return check_writable(out) if out else None


def discounts_by_serial(serials: list[str], asked: list[str]) -> list[tuple[str, str] | None] | None:
    """``SERIAL=AMOUNT|PCT%=REASON`` per discount, matched to the sale's serials as typed."""
    if not asked:
        return None
    found: dict[str, tuple[str, str]] = {}
    for text in asked:
        serial, _, rest = text.partition("=")
        amount, _, reason = rest.partition("=")
        if not serial.strip() or not amount.strip():
            raise UsageError(f"--discount '{text}': write SERIAL=AMOUNT=REASON or SERIAL=10%=REASON.")
        key = serial.strip().upper()
        matches = [s for s in serials if s.strip().upper() == key or s.strip().upper().endswith(f":{key}")]
        if not matches:
            raise UsageError(f"--discount names {serial.strip()}, which is not in this sale.")
        found[matches[0].strip().upper()] = (amount.strip(), reason.strip())
    return [found.get(s.strip().upper()) for s in serials]


def write_sale_receipt(ctx: Context, sale_id: int, out: Path) -> Path:
    from serialdesk.documents.receipt import write_receipt_pdf

    return write_receipt_pdf(ctx.services.receipts.sale_receipt(sale_id), out)


def write_credit_receipt(ctx: Context, return_id: int, out: Path) -> Path:
    from serialdesk.documents.receipt import write_receipt_pdf

    return write_receipt_pdf(ctx.services.receipts.credit_receipt(return_id), out)


def write_job_sheet(ctx: Context, ticket_id: int, out: Path, *, hand_back: bool = False) -> Path:
    from serialdesk.documents.job_sheet import write_job_sheet_pdf

    return write_job_sheet_pdf(ctx.services.job_sheets.job_sheet(ticket_id), out, hand_back=hand_back)


def reprint(ctx: Context, ref: str, out: Path) -> Path:
    from serialdesk.commands.aftersales import ticket_id
    from serialdesk.services.receipts import CREDIT, parse_receipt_number

    if (credit := parse_receipt_number(CREDIT, ref)) is not None:
        return write_credit_receipt(ctx, ctx.services.receipts.return_with_credit(credit), out)
    if ref.upper().startswith("T-"):
        sheet = ctx.services.job_sheets.job_sheet(ticket_id(ref))
        from serialdesk.documents.job_sheet import write_job_sheet_pdf

        return write_job_sheet_pdf(sheet, out, hand_back=sheet.ticket.status == "closed")
    from serialdesk.documents.receipt import write_receipt_pdf

    return write_receipt_pdf(ctx.services.receipts.sale_receipt(ref), out)


def after_the_fact(what: str, saved: str, again: str, exc: DomainError) -> DomainError:
    """The action was saved but its paper could not be written: say both, and how to get the paper."""
    return DomainError(f"{saved} was saved, but {what} could not be written: {exc.message} "
                       f"Write it again with: serialdesk reprint {again} --out FILE.pdf", code="file_not_written")
