"""A bulk receipt (``receive_units``) writes exactly the rows the unit-by-unit path writes — a draft scanned serial
by serial and posted — on a SQLite file and on PostgreSQL: units, receipt lines, ``received`` ledger events, the
``receipt_posted`` event, the lot's received time and the summaries (``serialdesk check`` stays clean)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.bootstrap import App, Services
from serialdesk.db.models import DailySummary, Event, Item, Lot, Receipt, ReceiptLine, StockAge, SupplierReceipt
from tests.conftest import Clock

ITEM_COLUMNS = ("product_id", "status", "serial_source", "cost", "location", "location_id", "supplier_id",
                "received_at", "created_at")
EVENT_COLUMNS = ("at", "kind", "product_id", "by_user", "station", "ref_type", "status_from", "status_to", "data")


def written(app: App, receipt_id: int) -> dict[str, Any]:
    """What a receipt left behind, by serial and in the order it was written (ids left out)."""
    with Session(app.engine) as s:
        receipt = s.get(Receipt, receipt_id)
        assert receipt is not None
        lines = s.execute(select(ReceiptLine, Item).join(Item, Item.id == ReceiptLine.item_id)
                          .where(ReceiptLine.receipt_id == receipt_id).order_by(ReceiptLine.id)).all()
        lots = {item.lot_id for _, item in lines}
        lot_rows = s.scalars(select(Lot).where(Lot.id.in_([i for i in lots if i is not None]))).all()
        events = s.scalars(select(Event).where(Event.ref_type == "receipt", Event.ref_id == receipt_id,
                                               Event.kind.in_(("received", "receipt_posted")))
                           .order_by(Event.id)).all()
        by_id = {item.id: item.serial for _, item in lines}
        return {
            "receipt": (receipt.status, receipt.supplier_id, receipt.posted_at, receipt.location_id,
                        receipt.created_by, receipt.station),
            "units": [(item.serial, *(getattr(item, c) for c in ITEM_COLUMNS)) for _, item in lines],
            "lines": [(by_id[line.item_id], line.scanned_at) for line, _ in lines],
            "lots": sorted((lot.code, lot.received_at, lot.supplier_id) for lot in lot_rows),
            "events": [(by_id.get(e.item_id or 0), e.serial, *(getattr(e, c) for c in EVENT_COLUMNS))
                       for e in events],
            "item_ids_in_order": [item.id for _, item in lines] == sorted(item.id for _, item in lines),
        }


def figures(app: App) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """The summaries' figures by key (supplier receipts summed over their lots)."""
    found: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    with Session(app.engine) as s:
        for d in s.scalars(select(DailySummary)):
            found[("day", d.product_id, d.day)] = (d.units_in, d.units_out, d.value_delta)
        for a in s.scalars(select(StockAge)):
            found[("age", a.product_id, a.day)] = (a.units, a.value)
        for r in s.scalars(select(SupplierReceipt)):
            key = ("supplier", r.supplier_id, r.product_id, r.day)
            found[key] = (found.get(key, (0,))[0] + r.units,)
    return found


def moved(before: dict[tuple[Any, ...], tuple[Any, ...]], after: dict[tuple[Any, ...], tuple[Any, ...]]) -> dict:
    return {k: tuple(a - b for a, b in zip(v, before.get(k, (0,) * len(v)), strict=True))
            for k, v in after.items() if v != before.get(k)}


@pytest.mark.parametrize("lot", ["L9", None])
def test_a_bulk_receipt_writes_what_scanning_each_unit_and_posting_writes(shop: Services, app: App, clock: Clock,
                                                                         lot: str | None) -> None:
    serials = [f"u-{n:03d}" if n % 3 else f"U-{n:03d}" for n in range(40)]
    before = figures(app)
    bulk = shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=serials, lot=lot,
                                        at=clock.now)
    after_bulk = figures(app)
    assert shop.receiving.receipt(bulk.id) == bulk  # the answer is what a fresh read says
    assert [u.serial for u in bulk.units] == [s.upper() for s in serials] and bulk.count == 40

    # The same serials the unit-by-unit way (prefixed D, and a lot of their own).
    draft = shop.receiving.open_receipt("Makita Europe")
    for serial in serials:
        shop.receiving.add_scan(draft.id, "DRL-18V", f"D{serial}", lot=f"D{lot}" if lot else None)
    shop.receiving.post_receipt(draft.id, at=clock.now)
    after_scans = figures(app)

    got, want = written(app, bulk.id), written(app, draft.id)
    assert got["receipt"] == want["receipt"]
    assert got["units"] == [(s[1:], *rest) for s, *rest in want["units"]]
    assert got["lines"] == [(s[1:], at) for s, at in want["lines"]]
    assert got["lots"] == [(code[1:], *rest) for code, *rest in want["lots"]]
    assert got["events"] == [(s and s[1:], v and v[1:], *rest) for s, v, *rest in want["events"]]
    assert got["item_ids_in_order"] and want["item_ids_in_order"]
    assert len(got["events"]) == 41 and got["events"][-1][3:] == ("receipt_posted", None, "admin", "till-1",
                                                                   "receipt", None, None, {"units": 40})
    # Each receipt added the same figures to the summaries (its units in on the same day, from the same supplier).
    assert moved(before, after_bulk) == moved(after_bulk, after_scans) != {}
    assert shop.maintenance.check() == []


def test_a_bulk_receipt_to_a_named_place_puts_every_unit_there(shop: Services, app: App) -> None:
    view = shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["P-1", "P-2"])
    with Session(app.engine) as s:
        receipt = s.get(Receipt, view.id)
        assert receipt is not None and receipt.location_id is not None
        assert set(s.scalars(select(Item.location_id).join(ReceiptLine, ReceiptLine.item_id == Item.id)
                             .where(ReceiptLine.receipt_id == view.id))) == {receipt.location_id}
