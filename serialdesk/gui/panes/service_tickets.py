"""The service pane's ticket list and the ticket shown in full (problem, work log, part swaps)."""

from __future__ import annotations

from html import escape

from serialdesk.gui.formats import local_time, status_word, timestamp
from serialdesk.gui.models.table import Column
from serialdesk.services.dto import TicketView

NO_TICKET = ("<p style='color:#64748b'>No ticket chosen. Open a ticket to take the unit in for service; its work "
             "log and part swaps show here.</p>")

TICKET_COLUMNS: tuple[Column[TicketView], ...] = (
    Column("Ticket", lambda t: t.number),
    Column("Status", lambda t: status_word(t.status),
           tone=lambda t: "muted" if t.status == "closed" else ("warn" if t.status == "waiting_parts" else "good")),
    Column("Opened", lambda t: local_time(t.opened_at), sort=lambda t: timestamp(t.opened_at)),
    Column("Problem", lambda t: t.problem, tooltip=lambda t: t.problem),
)


def ticket_html(t: TicketView) -> str:
    claim = "Warranty repair" if t.warranty_claim else "Paid repair (no warranty claim)"
    if t.warranty_override_by:
        claim += f" — decided by {escape(t.warranty_override_by)}"
    owner = f"{escape(t.customer.name)} ({escape(t.customer.number)})" if t.customer else "no owner on record"
    if not t.sold_by_us:
        owner += " · not sold by us"
    work = "".join(
        f"<li>{escape(local_time(w.at))} · {escape(w.by)} · {w.minutes} min<br>{escape(w.text)}</li>" for w in t.work
    ) or "<li style='color:#64748b'>Nothing logged yet.</li>"
    swaps = "".join(f"<li>{escape(local_time(s.at))} · took out <b>{escape(s.removed)}</b>, fitted "
                    f"<b>{escape(s.fitted)}</b> ({escape(s.by)})</li>" for s in t.swaps)
    closed = (f"<p><b>Closed</b> {escape(local_time(t.closed_at))}: {escape(t.resolution or '')}</p>"
              if t.closed_at else "")
    return (
        f"<h3 style='margin-bottom:2px'>{escape(t.number)} · {escape(status_word(t.status))}</h3>"
        f"<p style='color:#64748b;margin-top:0'>Opened {escape(local_time(t.opened_at))} by {escape(t.opened_by)}"
        f" · {t.minutes} min logged</p>"
        f"<p><b>Problem:</b> {escape(t.problem)}<br><b>Owner:</b> {owner}<br><b>{claim}</b></p>"
        f"<p><b>Work log</b></p><ul>{work}</ul>"
        + (f"<p><b>Part swaps</b></p><ul>{swaps}</ul>" if swaps else "")
        + closed
    )
