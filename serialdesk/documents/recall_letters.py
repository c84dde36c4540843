"""Turns a recall into customer letters (the PDF is painted by labels.letters)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from serialdesk.domain.text import day
from serialdesk.files import write_with
from serialdesk.services.dto import PartyView, RecallView
from serialdesk.services.shop import ShopProfileView

if TYPE_CHECKING:
    from serialdesk.labels.letters import RecallLetter, RecallNotice


def write_recall_letters(view: RecallView, out: Path, shop: str | ShopProfileView) -> int:
    """One letter per customer holding affected units; returns pages written (0: nobody to write to). ``shop``:
    the shop profile (its name and contact details head each letter), or only a name."""
    from serialdesk.labels.letters import write_letters

    notice, addressed = recall_letters(view, shop)
    letters = [letter for _, letter in addressed]
    if not letters:
        return 0
    # Painted to a temporary name beside the target, renamed over it whole (DomainError naming the path).
    pages: int = write_with(out, lambda temp: write_letters(notice, letters, Path(temp)))
    return pages


def recall_letters(view: RecallView, shop: str | ShopProfileView) -> tuple[RecallNotice, list[tuple[PartyView,
                                                                                                   RecallLetter]]]:
    """The recall's notice and one letter per customer holding affected units (by name), with the customer."""
    from serialdesk.labels.letters import LetterUnit, RecallLetter, RecallNotice

    by_customer: dict[int, list[LetterUnit]] = {}
    people = {}
    for unit in view.units:
        if unit.customer is None:
            continue
        people[unit.customer.id] = unit.customer
        sold_on = day(unit.sold_at) if unit.sold_at else None
        host = unit.host
        if host is None:
            line = LetterUnit(unit.sku, view.product, unit.serial, unit.lot, sold_on)
        else:  # "your e-bike VX25030001 contains battery BP0103 of lot 25B04"
            lot = f" of lot {unit.lot}" if unit.lot else ""
            line = LetterUnit(host.sku, host.product, host.serial, unit.lot, sold_on,
                              note=f"Your {host.product} {host.serial} contains {view.product} {unit.serial}{lot}, "
                                   "which this recall is about.")
        by_customer.setdefault(unit.customer.id, []).append(line)
    ordered = sorted(people.items(), key=lambda kv: kv[1].name)
    letters = [(p, RecallLetter(p.name, p.number, tuple(ln for ln in (p.address or "").splitlines() if ln.strip()),
                                tuple(by_customer[cid]))) for cid, p in ordered]
    if isinstance(shop, ShopProfileView):
        notice = RecallNotice(shop.name or "Our shop", view.number or "(preview)", view.product, view.reason or "",
                              date.today(), shop.contact_lines, shop.phone)
    else:
        notice = RecallNotice(shop, view.number or "(preview)", view.product, view.reason or "", date.today())
    return notice, letters


def letter_pdf(notice: RecallNotice, letter: RecallLetter, folder: Path) -> bytes:
    """One customer's letter as PDF bytes (painted to a temporary file in ``folder``, which is removed)."""
    from serialdesk.labels.letters import write_letters

    temp = folder / f".letter-{letter.customer_number}.pdf"
    try:
        write_letters(notice, [letter], temp)
        return temp.read_bytes()
    finally:
        temp.unlink(missing_ok=True)
