"""A unit's passport tells its whole story in order, with warranty answered at once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import NotFound


def test_the_passport_tells_the_story_received_sold_returned_resold(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    draft = shop.receiving.open_receipt()
    shop.receiving.add_scan(draft.id, "DRL-18V", "SN-7", lot="L2406A")
    clock.advance(minutes=5)
    shop.receiving.post_receipt(draft.id, supplier="Makita Europe")
    clock.advance(days=10)
    shop.sales.sell_items("Jane Smith", ["SN-7"])
    clock.advance(days=2)
    shop.sales.return_item("SN-7", to="stock", reason="wrong colour")
    clock.advance(days=30)
    tom = shop.catalogue.add_customer("Tom Olsen")
    shop.sales.sell_items(tom.number, ["SN-7"])

    passport = shop.lookup.passport("sn-7")
    assert [e.kind for e in passport.events] == ["scanned", "received", "sold", "returned", "sold"]
    assert [e.at for e in passport.events] == sorted(e.at for e in passport.events)
    assert passport.events[2].summary == "Sold on S-0001 to Jane Smith (C-0001)"
    assert passport.events[3].summary == "Returned from S-0001: wrong colour → stock"
    assert all(e.by == "admin" and e.station == "till-1" for e in passport.events)
    assert (passport.lot, passport.supplier, passport.serial_source) == ("L2406A", "Makita Europe", "supplier")
    assert passport.customer is not None and passport.customer.number == tom.number
    assert passport.sale == "S-0002" and passport.sold_at == clock.now


def test_warranty_status_follows_the_calendar(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["W1"])
    shop.sales.sell_items("Jane Smith", ["W1"])
    assert shop.lookup.passport("W1").warranty_status == "in_warranty"
    assert shop.lookup.passport("W1").warranty_days_left == 731  # 3 Mar 2026 → 3 Mar 2028 (leap day)
    clock.now = datetime(2028, 3, 3, 10, 0, 1, tzinfo=UTC)
    expired = shop.lookup.passport("W1")
    assert (expired.warranty_status, expired.warranty_days_left) == ("expired", 0)


def test_a_product_without_warranty_says_none(shop: Services) -> None:
    shop.catalogue.add_product("CABLE-1", "USB cable")
    shop.receiving.receive_units(supplier="Makita Europe", sku="CABLE-1", serials=["C1"])
    shop.sales.sell_items("Jane Smith", ["C1"])
    passport = shop.lookup.passport("C1")
    assert (passport.warranty_status, passport.warranty_until) == ("none", None)


def test_an_unknown_serial_is_not_found(shop: Services) -> None:
    with pytest.raises(NotFound, match="No unit with serial zzz is known here"):
        shop.lookup.passport("zzz")
