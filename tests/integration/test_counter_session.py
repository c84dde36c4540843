"""At the counter without Qt (issue 13 part 4): what the receiving session does with the lot when the product
changes, and Ctrl+Z's undo stack, on SQLite and PostgreSQL."""

from __future__ import annotations

from serialdesk.bootstrap import Services
from serialdesk.workflows.receiving import ReceivingSession

SAW_GTIN = "5901234123457"


def test_another_product_scanned_clears_the_lot_of_the_one_before(shop: Services) -> None:
    shop.catalogue.add_product("SAW-7", "Circular saw", gtin=SAW_GTIN)
    session = ReceivingSession(shop, sku="DRL-18V", lot="L1")
    assert session.scan("D-1").unit.lot == "L1"  # type: ignore[union-attr]

    switched = session.scan(SAW_GTIN)

    assert (session.sku, session.lot) == ("SAW-7", None)
    assert "lot L1 cleared" in switched.message
    assert session.scan("S-1").unit.lot is None  # type: ignore[union-attr]


def test_the_same_product_again_and_a_label_with_its_own_lot_keep_or_bring_the_lot(shop: Services) -> None:
    shop.catalogue.add_product("SAW-7", "Circular saw", gtin=SAW_GTIN)
    session = ReceivingSession(shop, sku="DRL-18V", lot="L1")
    session.scan("4006381333931")  # the drill's own barcode again: same product, same lot
    assert session.lot == "L1"
    assert session.scan(f"(01)0{SAW_GTIN}(10)S9(21)S-2").unit.lot == "S9"  # type: ignore[union-attr]
    assert (session.sku, session.lot) == ("SAW-7", "S9")


def test_a_lot_given_before_any_product_is_for_the_first_product(shop: Services) -> None:
    session = ReceivingSession(shop, lot="L5")
    session.scan("4006381333931")
    assert (session.sku, session.lot) == ("DRL-18V", "L5")


def test_choose_product_clears_a_lot_only_when_the_product_really_changes(shop: Services) -> None:
    session = ReceivingSession(shop, sku="DRL-18V", lot="L1")
    assert session.choose_product("DRL-18V") is None and session.lot == "L1"
    assert session.choose_product("SAW-7") == "L1" and session.lot is None
    session.lot = "S1"
    assert session.choose_product(None) == "S1" and session.lot is None


def test_a_unit_of_another_product_named_outright_never_takes_the_lot_typed_for_this_one(shop: Services) -> None:
    shop.catalogue.add_product("SAW-7", "Circular saw", gtin=SAW_GTIN)
    session = ReceivingSession(shop, sku="DRL-18V", lot="L1")
    assert session.scan("SAW-7:S-1").unit.lot is None  # type: ignore[union-attr]
    assert session.scan(f"(01)0{SAW_GTIN}(21)S-2").unit.lot is None  # type: ignore[union-attr]
    assert (session.sku, session.lot) == ("SAW-7", None)
