"""What a sale line keeps of the unit it sold (issue 17): its product, supplier and cost at the sale.

Revenue and margin group a month's sale lines by product or supplier and sum their costs; reading those from
``items`` was a primary-key probe per line into a million units scattered across the table (27k probes, ~55 ms
of a 30-day report on PostgreSQL). Copied onto the line, the report reads the period's lines alone, in one range.

A unit's product and supplier never change, and its cost is fixed once it is received (a PO's price is set
before it can be sold), so the copy is the unit's own figure. Every way a sale line is written sets it
(:func:`copied`); anything written around the services (a bulk load, an old backup) is put right by
:func:`rebuild` (``serialdesk rebuild-summaries``) and :func:`mismatches` (``serialdesk check``) names any line
whose copy differs from its unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Product, SaleLine

COPIED = ("product_id", "supplier_id", "unit_cost")


def copied(item: Item) -> dict[str, Any]:
    """The columns of a new sale line of ``item`` that copy the unit."""
    return {"product_id": item.product_id, "supplier_id": item.supplier_id, "unit_cost": item.cost}


def rebuild(s: Session, sale_ids: Sequence[int] | None = None) -> None:
    """The sale lines' copies from their units (of these sales, else of every sale whose copy differs), within
    the caller's transaction: an import's sales, written before their units' costs were final, use it too."""
    def of_unit(column: Any) -> Any:
        return select(column).where(Item.id == SaleLine.item_id).scalar_subquery()

    which = _differs() if sale_ids is None else SaleLine.sale_id.in_(list(sale_ids))
    s.execute(update(SaleLine).where(which).values(
        product_id=of_unit(Item.product_id), supplier_id=of_unit(Item.supplier_id), unit_cost=of_unit(Item.cost))
        .execution_options(synchronize_session=False))


def _copy_differs() -> Any:
    """The sale line's copy is not its unit's (the unit joined as ``items``)."""
    return or_(SaleLine.product_id.is_distinct_from(Item.product_id),
               SaleLine.supplier_id.is_distinct_from(Item.supplier_id), SaleLine.unit_cost.is_distinct_from(Item.cost))


def _differs() -> Any:
    return select(Item.id).where(Item.id == SaleLine.item_id, _copy_differs()).correlate(SaleLine).exists()


def mismatches(s: Session, limit: int = 50) -> list[str]:
    """One line per sale line whose copy of its unit differs from the unit, in the manager's words."""
    rows = s.execute(select(SaleLine.id, SaleLine.sale_id, Product.sku, Item.serial)
                     .join(Item, Item.id == SaleLine.item_id).join(Product, Product.id == Item.product_id)
                     .where(_copy_differs()).order_by(SaleLine.id).limit(limit)).all()
    return [f"summaries: sale line {line_id} of sale {sale_id} ({sku}:{serial}) does not carry its unit's product, "
            f"supplier and cost — run `serialdesk rebuild-summaries`" for line_id, sale_id, sku, serial in rows]
