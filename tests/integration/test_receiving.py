"""Receiving, on a SQLite file and on PostgreSQL: drafts scanned unit by unit, posting, bulk receipts."""

from __future__ import annotations

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied


def test_each_scan_is_in_the_database_before_the_call_returns(app: App, shop: Services) -> None:
    draft = shop.receiving.open_receipt()
    accepted = shop.receiving.add_scan(draft.id, "DRL-18V", " sn-001 ", lot="L2406A")
    assert accepted.unit.serial == "SN-001" and accepted.count == 1 and accepted.receipt == draft.number
    # A second connection (another station, or the app after a crash) sees the scan at once.
    other = App(Settings(db_url=app.settings.db_url, user="admin", station="till-2"))
    try:
        seen = other.services(other.actor()).receiving.receipt(draft.id)
        assert [u.serial for u in seen.units] == ["SN-001"] and seen.status == "draft"
        assert [r.number for r in other.services(other.actor()).receiving.receipts(open_only=True)] == [draft.number]
    finally:
        other.close()


def test_a_serial_scanned_twice_on_one_receipt_is_refused_and_the_first_scan_kept(shop: Services) -> None:
    draft = shop.receiving.open_receipt("Makita Europe")
    shop.receiving.add_scan(draft.id, "DRL-18V", "SN-001")
    with pytest.raises(DomainError, match="already on this receipt") as err:
        shop.receiving.add_scan(draft.id, "drl-18v", "sn-001")
    assert err.value.code == "duplicate_in_receipt"
    assert shop.receiving.receipt(draft.id).count == 1


def test_a_serial_on_another_stations_draft_is_refused_naming_that_draft(app: App, shop: Services) -> None:
    first = shop.receiving.open_receipt()
    shop.receiving.add_scan(first.id, "DRL-18V", "SN-001")
    second = shop.receiving.open_receipt()
    with pytest.raises(DomainError, match=f"draft receipt {first.number}"):
        shop.receiving.add_scan(second.id, "DRL-18V", "SN-001")


def test_a_malformed_serial_is_refused_and_nothing_already_scanned_is_lost(shop: Services) -> None:
    draft = shop.receiving.open_receipt()
    shop.receiving.add_scan(draft.id, "DRL-18V", "SN-001")
    for bad, code in [("", "empty_serial"), ("X" * 65, "serial_too_long"), ("SN 002", "serial_bad_characters"),
                      ("0104006381333931\x1d21ABC", "serial_has_gs")]:
        with pytest.raises(DomainError) as err:
            shop.receiving.add_scan(draft.id, "DRL-18V", bad)
        assert err.value.code == code
    assert [u.serial for u in shop.receiving.receipt(draft.id).units] == ["SN-001"]


def test_posting_puts_every_scanned_unit_in_stock_with_supplier_and_lot(shop: Services) -> None:
    draft = shop.receiving.open_receipt()
    for serial in ("SN-001", "SN-002"):
        shop.receiving.add_scan(draft.id, "4006381333931", serial, lot="L2406A")  # product by its GTIN
    with pytest.raises(DomainError, match="Choose the supplier"):
        shop.receiving.post_receipt(draft.id)
    posted = shop.receiving.post_receipt(draft.id, supplier="V-0001")
    assert posted.status == "posted" and posted.count == 2 and posted.supplier == "Makita Europe"
    passport = shop.lookup.passport("SN-002")
    assert (passport.status, passport.lot, passport.supplier) == ("in_stock", "L2406A", "Makita Europe")
    assert [e.kind for e in passport.events] == ["scanned", "received"]
    with pytest.raises(DomainError, match="posted; it can no longer be changed"):
        shop.receiving.add_scan(draft.id, "DRL-18V", "SN-003")


def test_a_received_serial_cannot_be_received_again(shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN-001"])
    draft = shop.receiving.open_receipt()
    with pytest.raises(DomainError, match=r"SN-001 of DRL-18V is in stock \(received .* from Makita Europe\)"):
        shop.receiving.add_scan(draft.id, "DRL-18V", "SN-001")


def test_undo_a_scan_and_cancel_a_draft(shop: Services) -> None:
    draft = shop.receiving.open_receipt()
    shop.receiving.add_scan(draft.id, "DRL-18V", "SN-001")
    shop.receiving.add_scan(draft.id, "DRL-18V", "SN-002")
    after = shop.receiving.remove_scan(draft.id, "sn-002")
    assert [u.serial for u in after.units] == ["SN-001"]
    with pytest.raises(NotFound):
        shop.lookup.passport("SN-002")
    shop.receiving.cancel_receipt(draft.id)
    with pytest.raises(NotFound):
        shop.lookup.passport("SN-001")
    # Both serials are free again for a real delivery.
    again = shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN-001", "SN-002"])
    assert again.count == 2


def test_bulk_receipt_lists_missing_and_unexpected_against_the_checklist(shop: Services) -> None:
    receipt = shop.receiving.receive_units(
        supplier="Makita Europe", sku="DRL-18V", lot="L1", serials=["A1", "A2", "A4"],
        expected=["a1", "A2", "A3"],
    )
    assert receipt.status == "posted" and receipt.count == 3
    assert receipt.missing == ("A3",) and receipt.unexpected == ("A4",)


@pytest.mark.parametrize(
    ("serials", "code"),
    [(["B1", "B2", "b1"], "duplicate_in_list"), (["B1", "bad serial", "B3"], "bad_serials"),
     (["B9", "SN-001"], "already_known")],
)
def test_a_bulk_receipt_with_any_bad_serial_writes_nothing(shop: Services, serials: list[str], code: str) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN-001"])
    with pytest.raises(DomainError) as err:
        shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=serials)
    assert err.value.code == code
    assert shop.reports.stock().total_units == 1
    assert len(shop.receiving.receipts()) == 1


def test_bulk_receipt_of_a_thousand_serials_is_one_posted_receipt(shop: Services) -> None:
    serials = [f"BULK{n:06d}" for n in range(1000)]
    receipt = shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=serials, lot="L9")
    assert receipt.count == 1000
    assert shop.reports.stock().total_units == 1000
    assert shop.lookup.passport("BULK000999").events[-1].kind == "received"


def test_same_serial_may_exist_for_two_products(shop: Services) -> None:
    shop.catalogue.add_product("SAW-190", "Circular saw", warranty_months=12)
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["000123"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="SAW-190", serials=["000123"])
    with pytest.raises(DomainError, match="several products") as err:
        shop.lookup.passport("000123")
    assert err.value.code == "ambiguous_serial"
    assert shop.lookup.passport("SAW-190:000123").sku == "SAW-190"
    assert shop.lookup.passport("000123", sku="DRL-18V").sku == "DRL-18V"


def test_a_counter_clerk_may_not_receive(shop: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    counter = as_user("till1", "counter")
    with pytest.raises(PermissionDenied, match="till1 is signed in as counter"):
        counter.receiving.open_receipt()


def test_unknown_product_and_supplier_are_named(shop: Services) -> None:
    with pytest.raises(NotFound, match="no product with code or barcode 'NOPE'"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="NOPE", serials=["X1"])
    with pytest.raises(NotFound, match="no supplier 'Bosch'"):
        shop.receiving.receive_units(supplier="Bosch", sku="DRL-18V", serials=["X1"])
