"""The recall tables: affected units (preview and tracking) and the recalls on record."""

from __future__ import annotations

from dataclasses import dataclass

from serialdesk.gui.formats import local_day, local_time, status_word, timestamp
from serialdesk.gui.models.table import RIGHT, Column
from serialdesk.services.dto import PartyView, RecallUnit, RecallView

# What starting the recall does to a unit, by its status (services/recall.py: the rest stay as they are).
RECALL_MOVES = {"in_stock": "quarantined", "sold": "recalled"}


def becomes(unit: RecallUnit) -> str:
    target = RECALL_MOVES.get(unit.status_at_recall)
    return f"→ {status_word(target)}" if target else f"stays {status_word(unit.status_at_recall).lower()}"


def _customer(u: RecallUnit) -> str:
    return f"{u.customer.name} ({u.customer.number})" if u.customer else "—"


def _contact(u: RecallUnit) -> str:
    if u.customer is None:
        return ""
    return " · ".join(part for part in (u.customer.phone, u.customer.email) if part)


def _host(u: RecallUnit) -> str:
    """The unit a recalled part sits in (the outermost: what the customer holds), else a dash."""
    return f"{u.host.label} ({status_word(u.host.status).lower()})" if u.host else "—"


def _chain(u: RecallUnit) -> str:
    return " in ".join([u.serial, *(h.label for h in u.within)]) if u.within else "Not fitted in another unit"


def _tone(u: RecallUnit) -> str | None:
    return {"in_stock": "warn", "sold": "bad"}.get(u.status_at_recall, "muted")


PREVIEW_COLUMNS: tuple[Column[RecallUnit], ...] = (
    Column("Serial", lambda u: u.serial),
    Column("Sits in", _host, tooltip=_chain, raw=lambda u: u.host.label if u.host else ""),
    Column("Lot", lambda u: u.lot or "—"),
    Column("Supplier", lambda u: u.supplier or "—"),
    Column("Received", lambda u: local_day(u.received_at), sort=lambda u: timestamp(u.received_at),
           raw=lambda u: u.received_at.isoformat() if u.received_at else ""),
    Column("Status", lambda u: status_word(u.status_at_recall), tone=_tone, raw=lambda u: u.status_at_recall),
    Column("On recall", becomes),
    Column("Customer", _customer, raw=lambda u: u.customer.number if u.customer else ""),
    Column("Sold", lambda u: local_day(u.sold_at), sort=lambda u: timestamp(u.sold_at)),
    Column("Phone / e-mail", _contact),
)


def _contacted(u: RecallUnit) -> str:
    if u.customer is None:
        return "no customer"
    return local_time(u.contacted_at) if u.contacted_at else "not yet"


TRACK_COLUMNS: tuple[Column[RecallUnit], ...] = (
    Column("Serial", lambda u: u.serial, tooltip=lambda u: f"Lot {u.lot}" if u.lot else "No lot"),
    Column("Sits in", _host, tooltip=_chain, raw=lambda u: u.host.label if u.host else ""),
    Column("Status now", lambda u: status_word(u.status),
           tooltip=lambda u: f"{status_word(u.status_at_recall)} when the recall started"),
    Column("Customer", _customer),
    Column("Contacted", _contacted, sort=lambda u: timestamp(u.contacted_at),
           tone=lambda u: None if u.customer is None else ("good" if u.contacted_at else "warn")),
    Column("Resolution", lambda u: u.resolution or "open", tone=lambda u: "good" if u.resolution else "muted",
           tooltip=lambda u: u.resolution or "Not dealt with yet"),
    Column("Phone / e-mail", _contact),
)


@dataclass(frozen=True)
class CustomerToContact:
    customer: PartyView
    serials: tuple[str, ...]


def customers_to_contact(view: RecallView) -> list[CustomerToContact]:
    """One row per customer holding affected units, by name: who to write to or phone."""
    held: dict[int, tuple[PartyView, list[str]]] = {}
    for unit in view.units:
        if unit.customer is not None:
            held.setdefault(unit.customer.id, (unit.customer, []))[1].append(unit.serial)
    return sorted((CustomerToContact(c, tuple(s)) for c, s in held.values()), key=lambda r: r.customer.name)


CONTACT_COLUMNS: tuple[Column[CustomerToContact], ...] = (
    Column("Customer", lambda r: r.customer.name),
    Column("No.", lambda r: r.customer.number),
    Column("Phone", lambda r: r.customer.phone or "—"),
    Column("E-mail", lambda r: r.customer.email or "—"),
    Column("Units", lambda r: str(len(r.serials)), sort=lambda r: len(r.serials), align=RIGHT),
    Column("Serials", lambda r: ", ".join(r.serials), tooltip=lambda r: ", ".join(r.serials)),
)


def contacted_customers(view: RecallView) -> tuple[int, int]:
    """(customers contacted, customers holding units) on a recall."""
    holders = {u.customer.id for u in view.units if u.customer}
    told = {u.customer.id for u in view.units if u.customer and u.contacted_at}
    return len(told), len(holders)


def resolved_units(view: RecallView) -> int:
    return sum(1 for u in view.units if u.resolution)


def _share(done: int, total: int) -> str:
    return f"{done} of {total}" if total else "—"


RECALL_COLUMNS: tuple[Column[RecallView], ...] = (
    Column("Recall", lambda v: v.number or "preview"),
    Column("Product", lambda v: v.sku, tooltip=lambda v: v.product),
    Column("Started", lambda v: local_day(v.created_at), sort=lambda v: timestamp(v.created_at)),
    Column("By", lambda v: v.created_by),
    Column("Units", lambda v: str(v.counts.get("total", 0)), sort=lambda v: v.counts.get("total", 0), align=RIGHT),
    Column("Customers told", lambda v: _share(*contacted_customers(v)), sort=lambda v: contacted_customers(v)[0],
           tone=lambda v: "good" if contacted_customers(v)[0] == contacted_customers(v)[1] else "warn"),
    Column("Units resolved", lambda v: _share(resolved_units(v), len(v.units)), sort=resolved_units,
           tone=lambda v: "good" if resolved_units(v) == len(v.units) else "warn"),
    Column("Reason", lambda v: v.reason, tooltip=lambda v: v.reason),
)
