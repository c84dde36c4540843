"""Sales and returns, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied


@pytest.fixture
def stocked(shop: Services) -> Services:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L2406A",
                                 serials=["SN-001", "SN-002", "SN-003"])
    return shop


def test_a_sale_records_price_and_a_warranty_of_the_products_months(stocked: Services, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 3, 20, tzinfo=UTC)
    sold_at = datetime(2026, 3, 14, 11, 30, tzinfo=UTC)
    sale = stocked.sales.sell_items("Jane Smith", ["sn-002"], at=sold_at)
    assert sale.number == "S-0001" and sale.customer.number == "C-0001" and sale.total == Decimal("129.90")
    (line,) = sale.lines
    assert (line.serial, line.warranty_until) == ("SN-002", datetime(2028, 3, 14, 11, 30, tzinfo=UTC))
    passport = stocked.lookup.passport("SN-002")
    assert passport.status == "sold" and passport.customer is not None and passport.customer.name == "Jane Smith"
    assert passport.warranty_until == datetime(2028, 3, 14, 11, 30, tzinfo=UTC)
    assert passport.warranty_status == "in_warranty"


def test_selling_a_sold_serial_is_refused_with_the_buyer_named(stocked: Services, clock) -> None:  # type: ignore[no-untyped-def]
    clock.advance(days=1)
    stocked.sales.sell_items("C-0001", ["SN-001"], at=datetime(2026, 3, 3, 14, 0, tzinfo=UTC))
    stocked.catalogue.add_customer("Tom Olsen")
    with pytest.raises(DomainError) as err:
        stocked.sales.sell_items("Tom Olsen", ["SN-001"])
    assert "was sold on 3 Mar 2026 to Jane Smith (C-0001)" in err.value.message
    assert "cannot be sold again" in err.value.message


def test_a_sale_is_all_or_nothing(stocked: Services) -> None:
    stocked.sales.sell_items("Jane Smith", ["SN-003"])
    with pytest.raises(DomainError):
        stocked.sales.sell_items("Jane Smith", ["SN-001", "SN-003"])
    assert stocked.lookup.passport("SN-001").status == "in_stock"


@pytest.mark.parametrize(
    ("customer", "serials", "error", "match"),
    [("Nobody", ["SN-001"], NotFound, "no customer 'Nobody'"),
     ("Jane Smith", ["SN-999"], NotFound, "No unit with serial SN-999"),
     ("Jane Smith", ["SN-001", "sn-001"], DomainError, "scanned twice"),
     ("Jane Smith", [], DomainError, "at least one serial")],
)
def test_bad_sales_are_refused_in_the_clerks_words(stocked: Services, customer: str, serials: list[str],
                                                   error: type[DomainError], match: str) -> None:
    with pytest.raises(error, match=match):
        stocked.sales.sell_items(customer, serials)


def test_a_serial_of_another_product_is_refused(stocked: Services) -> None:
    stocked.catalogue.add_product("SAW-190", "Circular saw")
    with pytest.raises(NotFound, match="SN-001 is not a SAW-190 unit — it belongs to DRL-18V"):
        stocked.sales.sell_items("Jane Smith", ["SAW-190:SN-001"])


def test_an_item_still_on_a_draft_cannot_be_sold(stocked: Services) -> None:
    draft = stocked.receiving.open_receipt()
    stocked.receiving.add_scan(draft.id, "DRL-18V", "SN-100")
    with pytest.raises(DomainError, match="SN-100 is already scanned on draft receipt"):
        stocked.sales.sell_items("Jane Smith", ["SN-100"])


def test_the_counter_may_override_the_price(stocked: Services) -> None:
    sale = stocked.sales.sell_items("Jane Smith", ["SN-001", "SN-002"], prices=["99.5", None])
    assert [ln.price for ln in sale.lines] == [Decimal("99.50"), Decimal("129.90")]
    assert sale.total == Decimal("229.40")


@pytest.mark.parametrize(("to", "status"), [("stock", "in_stock"), ("quarantine", "quarantined"),
                                            ("scrap", "scrapped")])
def test_a_return_ends_in_its_disposition(stocked: Services, to: str, status: str) -> None:
    stocked.sales.sell_items("Jane Smith", ["SN-001"])
    ret = stocked.sales.return_item("SN-001", to=to, reason="changed mind")
    assert (ret.status, ret.customer, ret.sale) == (status, "Jane Smith (C-0001)", "S-0001")
    passport = stocked.lookup.passport("SN-001")
    assert passport.status == status and passport.customer is None and passport.warranty_status == "none"
    assert [e.kind for e in passport.events] == ["received", "sold", "returned"]


def test_a_unit_returned_to_stock_can_be_sold_again(stocked: Services, clock) -> None:  # type: ignore[no-untyped-def]
    stocked.sales.sell_items("Jane Smith", ["SN-001"])
    clock.advance(days=3)
    stocked.sales.return_item("SN-001", to="stock", reason="unopened")
    clock.advance(days=10)
    buyer = stocked.catalogue.add_customer("Tom Olsen")
    stocked.sales.sell_items(buyer.number, ["SN-001"])
    passport = stocked.lookup.passport("SN-001")
    assert passport.customer is not None and passport.customer.name == "Tom Olsen"
    assert passport.sold_at == clock.now
    assert [e.kind for e in passport.events] == ["received", "sold", "returned", "sold"]


def test_a_sale_or_return_dated_before_the_units_history_is_refused(stocked: Services) -> None:
    with pytest.raises(DomainError, match=r"SN-001 was received on 3 Mar 2026 \(R-0001\); a sale dated 1 Mar 2026 "
                                          r"would come before that\."):
        stocked.sales.sell_items("Jane Smith", ["SN-001"], at=datetime(2026, 3, 1, 12, tzinfo=UTC))
    stocked.sales.sell_items("Jane Smith", ["SN-001"])
    with pytest.raises(DomainError, match=r"SN-001 was sold on 3 Mar 2026 \(S-0001\); a return dated 2 Mar 2026 "
                                          r"would come before that\."):
        stocked.sales.return_item("SN-001", to="stock", reason="x", at=datetime(2026, 3, 2, 12, tzinfo=UTC))


def test_returning_a_unit_that_was_never_sold_is_refused(stocked: Services) -> None:
    with pytest.raises(DomainError, match=r"SN-001 is in stock .* cannot be returned"):
        stocked.sales.return_item("SN-001", to="stock", reason="?")


def test_a_return_needs_a_reason_and_a_known_disposition(stocked: Services) -> None:
    stocked.sales.sell_items("Jane Smith", ["SN-001"])
    with pytest.raises(DomainError, match="Say why"):
        stocked.sales.return_item("SN-001", to="stock", reason="  ")
    with pytest.raises(DomainError, match="not a disposition"):
        stocked.sales.return_item("SN-001", to="shelf", reason="x")
    assert stocked.lookup.passport("SN-001").status == "sold"


def test_a_receiving_clerk_may_not_sell(stocked: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    clerk = as_user("clerk1", "clerk")
    with pytest.raises(PermissionDenied, match="may not sell units"):
        clerk.sales.sell_items("Jane Smith", ["SN-001"])
    assert stocked.lookup.passport("SN-001").status == "in_stock"
