"""Quarantine, release, scrap and RMA on SQLite and PostgreSQL: every move named in the unit's history."""

from __future__ import annotations

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, PermissionDenied


@pytest.fixture
def stocked(shop: Services) -> Services:
    shop.catalogue.add_product("EBIKE", "E-bike", cost="1390", supplier_warranty_months=12)
    shop.receiving.receive_units(supplier="Makita Europe", sku="EBIKE", serials=["E1", "E2"], lot="L1")
    return shop


def test_a_doubtful_unit_is_set_aside_checked_and_released(stocked: Services) -> None:
    assert stocked.stock_moves.quarantine("E1", "rattles when shaken").status == "quarantined"
    with pytest.raises(DomainError, match="E1 is in quarantine — it cannot be sold"):
        stocked.sales.sell_items("Jane Smith", ["E1"])
    released = stocked.stock_moves.release("E1", "loose screw tightened")
    assert released.status == "in_stock"
    assert [e.summary for e in released.events][-2:] == ["Set aside in quarantine: rattles when shaken",
                                                          "Released from quarantine: loose screw tightened"]
    with pytest.raises(DomainError, match="only for a unit that is in quarantine"):
        stocked.stock_moves.release("E2")


def test_an_rma_sends_a_unit_to_its_supplier_and_takes_it_back(stocked: Services) -> None:
    at_supplier = stocked.stock_moves.send_to_supplier("E1", "motor dead on arrival, RMA 4711")
    assert at_supplier.status == "at_supplier"
    assert at_supplier.supplier_warranty_status == "in_warranty"  # the supplier's 12 months since receipt
    assert stocked.reports.stock().total_units == 1
    with pytest.raises(DomainError, match="only for a unit that is with the supplier"):
        stocked.stock_moves.back_from_supplier("E2", "stock")
    back = stocked.stock_moves.back_from_supplier("E1", "stock", "motor replaced by supplier")
    assert back.status == "in_stock" and stocked.reports.stock().total_units == 2
    written_off = stocked.stock_moves.send_to_supplier("E2", "frame cracked")
    assert written_off.status == "at_supplier"
    assert stocked.stock_moves.back_from_supplier("E2", "scrap", "supplier credited us").status == "scrapped"
    assert stocked.maintenance.check() == []


def test_a_sold_unit_is_not_scrapped_or_sent_back_from_the_shelf(stocked: Services) -> None:
    stocked.sales.sell_items("Jane Smith", ["E1"])
    with pytest.raises(DomainError, match=r"E1 was sold on .* to Jane Smith \(C-0001\) — it cannot be scrapped"):
        stocked.stock_moves.scrap("E1", "x")
    with pytest.raises(DomainError, match="cannot be sent back to the supplier"):
        stocked.stock_moves.send_to_supplier("E1", "x")
    with pytest.raises(DomainError, match="Say why"):
        stocked.stock_moves.scrap("E2", " ")


def test_the_counter_cannot_move_stock(stocked: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        as_user("till1", "counter").stock_moves.scrap("E1", "dropped")
