"""Service paperwork: the intake job sheet the customer signs when a unit comes in (the ticket number as a Code 128
barcode that opens the ticket when scanned at the service desk), and the hand-back sheet (work done, parts swapped
with their serials, the warranty, the charge)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from serialdesk.documents.paper import Paper, address_block, write_document_pdf
from serialdesk.labels.symbols import Symbol, Symbology, encode
from serialdesk.services.receipts import JobSheet

BARCODE = "ticket-barcode"


def ticket_barcode(sheet: JobSheet) -> Symbol:
    """What the desk's scanner reads back: the ticket's number (T-0007)."""
    return encode(sheet.ticket.number, Symbology.CODE128)


def _unit_table(sheet: JobSheet, paper: Paper) -> str:
    t = sheet.ticket
    warranty = (f"until {paper.day(sheet.warranty_until)}" if sheet.warranty_until else
                "not sold by us" if not t.sold_by_us else "none")
    rows = [("Unit", f"{escape(sheet.product)} <span class='muted'>({escape(t.sku)})</span>"),
            ("Serial number", f"<tt><b>{escape(t.serial)}</b></tt>"),
            ("Lot", escape(sheet.lot or "—")),
            ("Warranty", escape(warranty) + (" — <b>repair under warranty</b>" if t.warranty_claim else ""))]
    return ("<table width='100%' cellspacing='0' cellpadding='3'>"
            + "".join(f"<tr><td width='25%' class='muted'>{k}</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>")


def _header(sheet: JobSheet, paper: Paper, title: str) -> str:
    t = sheet.ticket
    head = paper.letterhead(title, f"Ticket {t.number}", paper.moment(t.opened_at))
    c = t.customer
    who = (address_block(c.name, c.number, c.address, tuple(x for x in (c.phone, c.email) if x)) if c else
           "<span class='muted'>(no customer on record)</span>")
    return (f"{head}<table width='100%'><tr><td valign='top' width='55%'>{who}</td>"
            f"<td valign='top' align='right' width='45%'><img src='{BARCODE}' width='260' height='70'><br>"
            f"<span class='small muted'>scan at the service desk to open {escape(t.number)}</span></td>"
            "</tr></table><br>")


def job_sheet_html(sheet: JobSheet) -> str:
    paper, t = Paper(sheet.shop), sheet.ticket
    estimate = paper.money(t.estimate) if t.estimate is not None else "to be quoted before any work is done"
    terms = "<br>".join(escape(x) for x in sheet.shop.repair_terms.splitlines() if x.strip()) or (
        "<span class='muted'>(the shop's repair terms are not set: shop set --repair-terms …)</span>")
    signature = ("<table width='100%' cellspacing='0' cellpadding='2'><tr>"
                 "<td width='48%'><br><br><br>______________________________________<br>"
                 "<span class='small'>Customer's signature and date</span></td><td width='4%'></td>"
                 "<td width='48%'><br><br><br>______________________________________<br>"
                 f"<span class='small'>Received by {escape(t.opened_by)}</span></td></tr></table>")
    return (
        f"<html><body>{_header(sheet, paper, 'Job sheet')}{_unit_table(sheet, paper)}"
        f"<h3>Problem reported</h3><p>{escape(t.problem)}</p>"
        f"<h3>Accessories handed in</h3><p>{escape(t.accessories or 'none')}</p>"
        f"<h3>Estimate</h3><p>{estimate}</p>"
        f"<h3>Repair terms</h3><p class='small'>{terms}</p>"
        f"<p>I hand in the unit above for repair and accept these terms.</p>{signature}"
        "</body></html>")


def hand_back_html(sheet: JobSheet) -> str:
    paper, t = Paper(sheet.shop), sheet.ticket
    work = "".join(f"<tr><td nowrap>{paper.day(w.at)}</td><td>{escape(w.text)}</td>"
                   f"<td align='right' nowrap>{w.minutes} min</td></tr>" for w in t.work) or (
        "<tr><td colspan='3' class='muted'>no work logged</td></tr>")
    swaps = "".join(f"<tr><td><tt>{escape(s.removed)}</tt></td><td><tt>{escape(s.fitted)}</tt></td>"
                    f"<td nowrap>{paper.day(s.at)}</td></tr>" for s in t.swaps)
    parts = ("<table width='100%' cellspacing='0' cellpadding='3'><tr style='background:#e5e7eb'>"
             "<th align='left'>Part taken out</th><th align='left'>Part fitted</th><th align='left'>On</th></tr>"
             f"{swaps}</table>") if swaps else "<p class='muted'>No parts were changed.</p>"
    charge = ("no charge (repair under warranty)" if t.charge in (None, 0) and t.warranty_claim else
              paper.money(t.charge) if t.charge is not None else "—")
    closed = f"Handed back {paper.moment(t.closed_at)}" if t.closed_at else "Not closed yet"
    return (
        f"<html><body>{_header(sheet, paper, 'Hand-back')}{_unit_table(sheet, paper)}"
        f"<h3>Problem reported</h3><p>{escape(t.problem)}</p>"
        f"<h3>Work done</h3><table width='100%' cellspacing='0' cellpadding='3'>{work}</table>"
        f"<p><b>Result:</b> {escape(t.resolution or '—')}</p>"
        f"<h3>Parts changed</h3>{parts}"
        f"<h3>Charge</h3><p><font size='+1'><b>{charge}</b></font></p>"
        f"<p class='muted'>{escape(closed)}.</p>"
        "<table width='100%'><tr><td width='48%'><br><br><br>______________________________________<br>"
        "<span class='small'>Unit received back in good order: customer's signature</span></td></tr></table>"
        "</body></html>")


def write_job_sheet_pdf(sheet: JobSheet, out: Path, *, hand_back: bool = False) -> Path:
    html = hand_back_html(sheet) if hand_back else job_sheet_html(sheet)
    title = f"{'Hand-back' if hand_back else 'Job sheet'} {sheet.ticket.number}"
    images = Paper(sheet.shop).images(**{BARCODE: ticket_barcode(sheet)})
    return write_document_pdf(html, Path(out), title=title, images=images)
