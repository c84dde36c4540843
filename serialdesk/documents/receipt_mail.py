"""A receipt by e-mail (issue 18 §5): the numbered receipt's PDF to the customer, through the shop's mail server,
outside any transaction; ``record`` then notes what the server accepted (one service call). No server: .eml."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from serialdesk.documents.mail import Attachment, Outbox, check_address, message, write_eml
from serialdesk.domain.errors import DomainError
from serialdesk.services.receipts import SaleReceipt


@dataclass(frozen=True)
class ReceiptMailed:
    receipt: str
    to: str
    sent: bool  # False: written as an .eml file (no mail server set)
    eml: str | None = None

    def text(self) -> str:
        if self.sent:
            return f"{self.receipt} was e-mailed to {self.to}."
        return (f"No mail server is set (shop set --smtp-host …): {self.receipt} for {self.to} was written to "
                f"{self.eml}; nothing was sent.")


def receipt_address(receipt: SaleReceipt, to: str | None) -> str:
    """Where the receipt goes: ``to`` when given, else the customer's e-mail (DomainError when neither works)."""
    if to:
        address = check_address(to)
        if address is None:
            raise DomainError(f"'{to}' is not an e-mail address.", code="bad_email")
        return address
    found = check_address(receipt.customer.email)
    if found is None:
        raise DomainError(f"{receipt.customer.name} ({receipt.customer.number}) has no e-mail address on file: give "
                          "--to ADDRESS.", code="no_email_address")
    return found


def email_receipt(receipt: SaleReceipt, to: str, *, password: str | None, eml_dir: Path,
                  record: Callable[[str, str], object], out: Path | None = None) -> ReceiptMailed:
    """Send (or write as .eml) the receipt's PDF; ``out``: also keep the PDF there. DomainError in the user's
    words when the server refused it or could not be used (nothing is recorded then)."""
    from serialdesk.documents.receipt import write_receipt_pdf

    shop = receipt.shop
    what = "Credit receipt" if receipt.kind == "credit" else "Receipt"
    with tempfile.TemporaryDirectory(prefix="serialdesk-mail-") as work:
        pdf = write_receipt_pdf(receipt, out or Path(work) / f"{receipt.number}.pdf").read_bytes()
    body = (f"Dear {receipt.customer.name},\n\nplease find attached your {what.lower()} {receipt.number} for sale "
            f"{receipt.sale_number}. Keep it: the serial numbers on it are your proof of purchase for warranty "
            f"claims.\n\nThank you for shopping with us.\n\n{shop.name or 'Our shop'}\n"
            + "".join(f"{line}\n" for line in shop.contact_lines))
    msg = message(shop, to, f"{what} {receipt.number} — {shop.name or 'our shop'}", body,
                  (Attachment(f"{receipt.number}.pdf", pdf),), to_name=receipt.customer.name)
    if not shop.smtp_host:
        return ReceiptMailed(receipt.number, to, False, str(write_eml(msg, eml_dir, receipt.number)))
    with Outbox(shop, password) as box:
        refused = box.send(msg)
    if refused:
        raise DomainError(f"{receipt.number} was not sent: {refused}.", code="mail_refused")
    record(receipt.number, to)
    return ReceiptMailed(receipt.number, to, True)
