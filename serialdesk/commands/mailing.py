"""recall … --email, recall-show … --email, reprint SR-… --email (issue 18 §5): sent through the shop's mail
server outside any transaction, then one service call records each accepted message. No mail server: .eml."""

from __future__ import annotations

from pathlib import Path

from serialdesk.commands.context import Context, UsageError
from serialdesk.config import smtp_password
from serialdesk.documents.mail import check_address
from serialdesk.documents.recall_mail import MailReport, email_recall_letters
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
    from serialdesk.documents.receipt_mail import email_receipt as send
    from serialdesk.documents.receipt_mail import receipt_address
    from serialdesk.services.receipts import CREDIT, parse_receipt_number

    if ref.upper().startswith("T-"):
        raise UsageError("Only receipts (SR-…, S-…, CN-…) are e-mailed; save a job sheet with --out.")
    if to and check_address(to) is None:
        raise UsageError(f"'{to}' is not an e-mail address.")
    target = paperwork.document_target(out)
    receipts = ctx.services.receipts
    credit = parse_receipt_number(CREDIT, ref)
    receipt = (receipts.credit_receipt(receipts.return_with_credit(credit)) if credit is not None
               else receipts.sale_receipt(ref))
    address = receipt_address(receipt, to)
    shop = receipt.shop
    done = send(receipt, address, password=smtp_password(shop.smtp_host, shop.smtp_user),
                eml_dir=eml_folder(eml_dir, out, "emails"), record=receipts.record_emailed, out=target)
    return ctx.emit(done, done.text())
