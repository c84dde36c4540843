"""The sales receipt and the credit receipt as the customer takes them home — what a tax office looks for: the
shop's identity and VAT number, the receipt's number and date, the customer, each line with its serial, price
and VAT rate, the VAT per rate, the total and how it was paid (change for cash)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from serialdesk.documents.paper import Paper, address_block, write_document_pdf
from serialdesk.labels.symbols import Symbol
from serialdesk.services.receipts import SaleReceipt

KEEP = "Keep this receipt: the serial numbers on it are your proof of purchase for warranty claims."
_METHODS = {"cash": "Cash", "card": "Card", "invoice": "On invoice", "refund": "Refund to the customer"}
_RATES = {"standard": "standard", "reduced": "reduced", "zero": "zero rate"}


def receipt_html(r: SaleReceipt) -> str:
    paper = Paper(r.shop, r.currency)
    credit = r.kind == "credit"
    sign = "−" if credit else ""
    title = "Credit receipt" if credit else "Receipt"
    head = paper.letterhead(title, r.number, paper.moment(r.at))
    c = r.customer
    meta = [f"Sale {escape(r.sale_number)}", f"served by {escape(r.by)}"] + ([f"till {escape(r.station)}"]
                                                                           if r.station else [])
    if credit and r.refers_to:
        meta.insert(0, f"Corrects receipt <b>{escape(r.refers_to)}</b>")
    customer = (f"<table width='100%'><tr><td valign='top' width='50%'>"
                f"{address_block(c.name, c.number, c.address)}</td>"
                f"<td valign='top' align='right' width='50%' class='muted'>{'<br>'.join(meta)}</td></tr></table>")
    vat_word = "incl. VAT" if r.prices_include_tax else "excl. VAT"
    rows = []
    for ln in r.lines:
        warranty = f"warranty until {paper.day(ln.warranty_until)}" if ln.warranty_until else "no warranty"
        lot = f" · lot {escape(ln.lot)}" if ln.lot else ""
        detail = f"<br><span class='small muted'>{escape(ln.sku)}{lot} · {warranty}</span>"
        if ln.discount:
            detail += (f"<br><span class='small'>Discount {paper.money(ln.discount)} on the list price "
                       f"{paper.money(ln.list_price)}: {escape(ln.discount_reason or '')}</span>")
        rows.append(
            f"<tr><td valign='top'>{escape(ln.name)}{detail}</td>"
            f"<td valign='top'><tt>{escape(ln.serial)}</tt></td>"
            f"<td valign='top' align='right' nowrap>{paper.percent(ln.tax_percent)}</td>"
            f"<td valign='top' align='right' nowrap>{paper.money(ln.price, sign)}</td></tr>")
    lines = (
        "<table width='100%' cellspacing='0' cellpadding='4' border='0'>"
        "<tr style='background:#e5e7eb'><th align='left' width='50%'>Item</th>"
        "<th align='left' width='22%'>Serial number</th>"
        f"<th align='right' width='8%'>VAT</th><th align='right' width='20%'>Amount ({vat_word})</th></tr>"
        + "".join(rows) + "</table>"
    )
    bands = "".join(
        f"<tr><td></td><td nowrap>{escape(_RATES.get(b.rate, b.rate))} {paper.percent(b.percent)}</td>"
        f"<td align='right' nowrap>{paper.money(b.net, sign)}</td>"
        f"<td align='right' nowrap>{paper.money(b.tax, sign)}</td>"
        f"<td align='right' nowrap>{paper.money(b.gross, sign)}</td></tr>" for b in r.bands)
    total_word = "Total refunded" if credit else "Total to pay"
    vat = (  # a spacer column keeps the breakdown inside the right margin
        "<table width='100%' cellspacing='0' cellpadding='4'>"
        "<tr><td width='28%'></td><th align='left' width='21%' style='background:#f3f4f6'>VAT rate</th>"
        "<th align='right' width='17%' style='background:#f3f4f6'>Net</th>"
        "<th align='right' width='17%' style='background:#f3f4f6'>VAT</th>"
        "<th align='right' width='17%' style='background:#f3f4f6'>Gross</th></tr>"
        + bands
        + f"<tr><td></td><td colspan='2' nowrap><font size='+1'><b>{total_word}</b></font></td>"
        f"<td colspan='2' align='right' nowrap><font size='+1'><b>{paper.money(r.total, sign)}</b></font></td>"
        "</tr></table>"
    )
    paid = []
    for p in r.payments:
        label = _METHODS.get(p.method, p.method)
        if p.change:
            paid.append(f"{label}: {paper.money(p.tendered)} given, change {paper.money(p.change)}")
        else:
            paid.append(f"{label}: {paper.money(p.amount)}")
    if r.kind != "credit" and not r.payments:
        paid.append("(no payment on record: a sale from before receipts)")
    pay_title = "Refund" if credit else "Paid"
    payment = f"<p><b>{pay_title}</b><br>{'<br>'.join(paid) or '—'}</p>"
    reason = f"<p>Reason for the return: {escape(r.reason)}</p>" if credit and r.reason else ""
    footer = "<br>".join(escape(x) for x in r.shop.receipt_footer.splitlines() if x.strip())
    note = "" if credit else f"<p class='small muted'>{escape(KEEP)}</p>"
    return (f"<html><body>{head}{customer}<br>{lines}<br>{vat}{payment}{reason}{note}"
            + (f"<hr><p class='small' align='center'>{footer}</p>" if footer else "") + "</body></html>")


def receipt_images(r: SaleReceipt) -> dict[str, bytes | Symbol]:
    return Paper(r.shop, r.currency).images()


def write_receipt_pdf(r: SaleReceipt, out: Path) -> Path:
    """The receipt (or credit receipt) as an A4 PDF, written whole or not at all."""
    title = f"{'Credit receipt' if r.kind == 'credit' else 'Receipt'} {r.number}"
    return write_document_pdf(receipt_html(r), Path(out), title=title, images=receipt_images(r))
