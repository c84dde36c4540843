"""recall … --email, recall-show … --email, reprint SR-… --email (issue 18 §5): sent through the shop's mail
server outside any transaction, then one service call records each accepted message. No mail server: .eml."""

from __future__ import annotations

import tempfile
from pathlib import Path

from serialdesk.commands.context import Context, UsageError
from serialdesk.config import smtp_password
from serialdesk.documents.mail import Attachment, Outbox, check_address, message, write_eml
from serialdesk.documents.recall_mail import MailReport, email_recall_letters
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import PartyView, RecallView


def eml_folder(asked: str | None, beside: str | None, name: str) -> Path:
    """Where .eml files go: the folder asked for, else ``name`` beside the output file (or in this folder)."""
    if asked:
        return Path(asked)
    return (Path(beside).parent if beside else Path(".")) / name


def email_recall(ctx: Context, view: RecallView, eml_dir: str | None, beside: str | None,
                 only_uncontacted: bool = False) -> MailReport:
    shop = ctx.services.shop.profile()
    recalls = ctx.services.recalls
    assert view.id is not None and view.number is not None
    recall_id = view.id
    waiting = {u.customer.id for u in view.units if u.customer and u.contacted_at is None}

    def mark(p: PartyView, to: str) -> None:
        recalls.mark_contacted(recall_id, p.number, emailed_to=to)

    return email_recall_letters(view, shop, password=smtp_password(shop.smtp_host, shop.smtp_user), mark=mark,
                                eml_dir=eml_folder(eml_dir, beside, f"{view.number}-emails"),
                                only=(lambda p: p.id in waiting) if only_uncontacted else (lambda p: True))


def email_receipt(ctx: Context, ref: str, to: str | None, out: str | None, eml_dir: str | None) -> int:
    from serialdesk.commands import paperwork
    from serialdesk.documents.receipt import write_receipt_pdf
    from serialdesk.services.receipts import CREDIT, parse_receipt_number

    if ref.upper().startswith("T-"):
        raise UsageError("Only receipts (SR-…, S-…, CN-…) are e-mailed; save a job sheet with --out.")
    target = paperwork.document_target(out)
    receipts = ctx.services.receipts
    credit = parse_receipt_number(CREDIT, ref)
    receipt = (receipts.credit_receipt(receipts.return_with_credit(credit)) if credit is not None
               else receipts.sale_receipt(ref))
    address = check_address(to) if to else check_address(receipt.customer.email)
    if address is None:
        if to:
            raise UsageError(f"'{to}' is not an e-mail address.")
        raise DomainError(f"{receipt.customer.name} ({receipt.customer.number}) has no e-mail address on file: give "
                          "--to ADDRESS.", code="no_email_address")
    shop = receipt.shop
    what = "Credit receipt" if receipt.kind == "credit" else "Receipt"
    with tempfile.TemporaryDirectory(prefix="serialdesk-mail-") as work:
        pdf = write_receipt_pdf(receipt, target or Path(work) / f"{receipt.number}.pdf").read_bytes()
    body = (f"Dear {receipt.customer.name},\n\nplease find attached your {what.lower()} {receipt.number}"
            f" for sale {receipt.sale_number}. Keep it: the serial numbers on it are your proof of purchase for "
            f"warranty claims.\n\nThank you for shopping with us.\n\n{shop.name or 'Our shop'}\n"
            + "".join(f"{line}\n" for line in shop.contact_lines))
    msg = message(shop, address, f"{what} {receipt.number} — {shop.name or 'our shop'}", body,
                  (Attachment(f"{receipt.number}.pdf", pdf),), to_name=receipt.customer.name)
    result = {"receipt": receipt.number, "to": address}
    if not shop.smtp_host:
        path = write_eml(msg, eml_folder(eml_dir, out, "emails"), receipt.number)
        return ctx.emit(result | {"sent": False, "eml": str(path)},
                        f"No mail server is set (shop set --smtp-host …): {receipt.number} for {address} was "
                        f"written to {path}; nothing was sent.")
    with Outbox(shop, smtp_password(shop.smtp_host, shop.smtp_user)) as box:
        refused = box.send(msg)
    if refused:
        raise DomainError(f"{receipt.number} was not sent: {refused}.", code="mail_refused")
    receipts.record_emailed(receipt.number, address)
    return ctx.emit(result | {"sent": True}, f"{receipt.number} was e-mailed to {address}.")
