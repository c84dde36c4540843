"""Which parts a product takes (its slots, ``product slot``), and the parts named in a swap checked against them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Product, ProductPart
from serialdesk.domain.errors import DomainError
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.text import listing
from serialdesk.services.common import items_by_ref, product_by_code, split_ref
from serialdesk.services.known_units import where_is
from serialdesk.services.patterns import scanned_serial


def parts_of(s: Session, host: Product) -> list[tuple[Product, int]]:
    """The part products ``host`` takes, with how many of each, by SKU."""
    return [(p, n) for p, n in s.execute(
        select(Product, ProductPart.count).join(ProductPart, ProductPart.part_product_id == Product.id)
        .where(ProductPart.product_id == host.id).order_by(Product.sku))]


def _label(p: Product) -> str:
    return f"{p.name} ({p.sku})"


def refuse_other_kind(s: Session, host: Product, part: Product) -> None:
    """A swap may only fit or take out a part of a product ``host`` declares; the refusal names both."""
    takes = parts_of(s, host)
    if any(p.id == part.id for p, _ in takes):
        return
    if not takes:
        raise DomainError(f"{_label(host)} has no parts declared, so {_label(part)} cannot be swapped into it. "
                          f"Declare the parts it takes first (product slot {host.sku} --part {part.sku}).",
                          code="part_not_declared")
    raise DomainError(f"{_label(part)} is not a part of {_label(host)}; it takes "
                      f"{listing([_label(p) for p, _ in takes])}.", code="part_of_other_kind")


def removed_part(s: Session, ref: str, sku: str | None, host: Product,
                 fitted: Product) -> tuple[Item | None, Product, str]:
    """The part taken out: one of our units fitted before (Item), or — a part we never had — only its product
    and serial, checked as receiving checks a serial (format, pattern, check digit). Its product is the one
    named (``SKU:SERIAL`` or ``sku``), else a known fitted unit of the host's parts, else the fitted part's."""
    code, text = split_ref(s, ref, sku)
    if code is not None:
        product = product_by_code(s, code)
        refuse_other_kind(s, host, product)
        candidates = [(i, p) for i, p in items_by_ref(s, text, code)]
    else:
        part_ids = {p.id for p, _ in parts_of(s, host)}
        candidates = [(i, p) for i, p in items_by_ref(s, text) if p.id in part_ids]
        if len(candidates) > 1:
            candidates = [(i, p) for i, p in candidates if p.id == fitted.id] or candidates
        product = candidates[0][1] if candidates else fitted
    if candidates:
        item, product = candidates[0]
        if item.status != ItemStatus.FITTED.value:
            raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — it cannot be the part taken "
                              f"out of this unit.", code="part_not_fitted")
        return item, product, item.serial
    return None, product, scanned_serial(product, text)
