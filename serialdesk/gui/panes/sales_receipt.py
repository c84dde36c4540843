"""The receipt summary after a sale: each unit with its serial and warranty end, the customer, the total."""

from __future__ import annotations

from html import escape

from serialdesk.gui.formats import local_day, local_time, money
from serialdesk.services.dto import SaleView
from serialdesk.workflows.sales import receipt_of

EMPTY_RECEIPT = ("<p style='color:#64748b'>The receipt of the last completed sale shows here: every unit with "
                 "its serial number and the day its warranty ends.</p>")


def sale_receipt_html(sale: SaleView) -> str:
    """The receipt (workflows.sales.receipt_of: what it says) as HTML, in this station's time zone."""
    r = receipt_of(sale)
    contact = " · ".join(escape(x) for x in r.contact)
    rows = "".join(
        f"<tr><td>{escape(line.name)}<br><span style='color:#64748b'>{escape(line.sku)}</span></td>"
        f"<td nowrap style='font-family:monospace'>{escape(line.serial)}</td>"
        f"<td nowrap>{escape(local_day(line.warranty_until)) if line.warranty_until else 'no warranty'}</td>"
        f"<td nowrap align='right'>{money(line.price)}</td></tr>"
        for line in r.lines
    )
    return (
        f"<h2 style='margin-bottom:2px'>Sale {escape(r.number)}"
        + (f" · receipt {escape(sale.receipt_number)}" if sale.receipt_number else "") + "</h2>"
        f"<p style='color:#64748b;margin-top:0'>{escape(local_time(r.sold_at))} · sold by {escape(r.sold_by)}</p>"
        f"<p><b>{escape(r.customer)}</b> ({escape(r.customer_number)})<br>{contact}</p>"
        "<table width='100%' cellspacing='0' cellpadding='5' style='border-collapse:collapse'>"
        "<tr style='background:#f1f5f9'><th align='left'>Unit</th><th nowrap align='left'>Serial</th>"
        "<th nowrap align='left'>Warranty until</th><th align='right'>Price</th></tr>"
        f"{rows}"
        f"<tr><td colspan='3' style='border-top:1px solid #cbd5e1'><b>Total</b></td>"
        f"<td align='right' style='border-top:1px solid #cbd5e1'><b>{money(r.total)}</b></td></tr>"
        "</table>"
    )
