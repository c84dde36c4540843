"""The supplier RMA form (issue 18 §3): what goes in the box with a unit sent back under the supplier's warranty —
the shop's identity, the RMA number as a Code 128 barcode (the supplier quotes it), the unit with its lot and
the day we received it, the supplier's warranty, the fault as the customer reported it, and a signature line."""

from __future__ import annotations

from html import escape
from pathlib import Path

from serialdesk.documents.paper import Paper, write_document_pdf
from serialdesk.labels.symbols import Symbology, encode
from serialdesk.services.dto import ItemPassport
from serialdesk.services.dto.rma import RmaView
from serialdesk.services.shop import ShopProfileView

BARCODE = "rma-barcode"
_STATE = {"open": "to be sent", "sent": "sent", "credited": "credited", "replaced": "settled with a replacement",
          "rejected": "rejected", "cancelled": "cancelled"}


def _fault(rma: RmaView, unit: ItemPassport) -> str:
    ticket = next((t for t in unit.tickets if t.number == rma.ticket), None)
    return ticket.problem if ticket is not None else (rma.notes or "")


def rma_form_html(shop: ShopProfileView, rma: RmaView, unit: ItemPassport) -> str:
    paper = Paper(shop)
    until = unit.supplier_warranty_until
    warranty = (f"until {paper.day(until)}" if until else "none on record") + (
        f" — claimed outside it on {rma.forced_by}'s say-so" if rma.forced_by else "")
    rows = [("Product", f"{escape(unit.product)} <span class='muted'>({escape(rma.sku)})</span>"),
            ("Serial number", f"<tt><b>{escape(rma.serial)}</b></tt>"),
            ("Lot", escape(unit.lot or "—")),
            ("Received from you", paper.day(unit.received_at) if unit.received_at else "—"),
            ("Your warranty to us", escape(warranty)),
            ("Your claim number", escape(rma.claim_no) if rma.claim_no else "______________________"),
            ("Our reference", f"<b>{escape(rma.number)}</b>" + (f" (service ticket {escape(rma.ticket)})"
                                                               if rma.ticket else "")),
            ("State", escape(_STATE.get(rma.state, rma.state)))]
    table = ("<table width='100%' cellspacing='0' cellpadding='3'>"
             + "".join(f"<tr><td width='30%' class='muted'>{k}</td><td>{v}</td></tr>" for k, v in rows)
             + "</table>")
    fault = escape(_fault(rma, unit)) or "<span class='muted'>(not recorded)</span>"
    notes = f"<h3>Notes</h3><p>{escape(rma.notes)}</p>" if rma.notes and rma.ticket else ""
    head = paper.letterhead("Warranty claim", rma.number, paper.day(rma.opened_at))
    return (
        f"<html><body>{head}<table width='100%'><tr><td valign='top' width='55%'>To<br>"
        f"<font size='+1'><b>{escape(rma.supplier)}</b></font></td>"
        f"<td valign='top' align='right' width='45%'><img src='{BARCODE}' width='260' height='70'><br>"
        f"<span class='small muted'>please quote {escape(rma.number)} with your answer</span></td>"
        f"</tr></table><br>{table}<h3>Fault reported</h3><p>{fault}</p>{notes}"
        "<p>We return the unit above under your warranty and ask for a replacement or a credit.</p>"
        "<table width='100%' cellspacing='0' cellpadding='2'><tr>"
        "<td width='48%'><br><br><br>______________________________________<br>"
        f"<span class='small'>Sent by {escape(rma.opened_by)}: signature and date</span></td><td width='4%'></td>"
        "<td width='48%'><br><br><br>______________________________________<br>"
        "<span class='small'>Received by the supplier: signature and date</span></td></tr></table>"
        "</body></html>")


def write_rma_form_pdf(shop: ShopProfileView, rma: RmaView, unit: ItemPassport, out: Path) -> Path:
    images = Paper(shop).images(**{BARCODE: encode(rma.number, Symbology.CODE128)})
    return write_document_pdf(rma_form_html(shop, rma, unit), Path(out), title=f"RMA {rma.number}",
                              images=images)
