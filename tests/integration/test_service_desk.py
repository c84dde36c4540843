"""The service desk on SQLite and PostgreSQL: tickets, warranty decisions, work log, part swaps, hand-back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied
from serialdesk.domain.serials import luhn_check_digit


@pytest.fixture
def sold(shop: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    shop.catalogue.add_product("BAT-5AH", "Battery 5 Ah", cost="30.00", price="59.00")
    shop.catalogue.set_part("DRL-18V", "BAT-5AH")
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1", "D2"], lot="L1")
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-5AH", serials=["B-NEW", "B-SOLD"])
    shop.sales.sell_items("Jane Smith", ["D1", "B-SOLD"])
    clock.advance(days=30)
    return shop


def test_a_unit_in_warranty_comes_in_as_a_warranty_claim_for_its_buyer(sold: Services) -> None:
    ticket = sold.service_desk.open_ticket("D1", "Chuck wobbles")
    assert (ticket.number, ticket.status, ticket.warranty_claim, ticket.sold_by_us) == ("T-0001", "open", True, True)
    assert ticket.customer is not None and ticket.customer.name == "Jane Smith"
    passport = sold.lookup.passport("D1")
    assert passport.status == "in_service" and passport.tickets[0].problem == "Chuck wobbles"


def test_an_expired_warranty_is_no_claim_unless_a_manager_overrules(sold: Services, clock, as_user) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2029, 1, 1, tzinfo=UTC)
    tech = as_user("tech1", "technician")
    with pytest.raises(PermissionDenied, match="Only a manager"):
        tech.service_desk.open_ticket("D1", "Dead", warranty_claim=True)
    assert tech.service_desk.open_ticket("D1", "Dead").warranty_claim is False
    sold.service_desk.close_ticket(1, "Not repairable, returned")
    goodwill = sold.service_desk.open_ticket("D1", "Dead again", warranty_claim=True)
    assert goodwill.warranty_claim is True and goodwill.warranty_override_by == "admin"


def test_work_log_adds_up_and_a_closed_ticket_is_final(sold: Services, clock) -> None:  # type: ignore[no-untyped-def]
    ticket = sold.service_desk.open_ticket("D1", "Chuck wobbles")
    sold.service_desk.log_work(ticket.id, "Diagnosed: worn bearing", minutes=15)
    sold.service_desk.set_status(ticket.id, "waiting_parts")
    clock.advance(days=2)
    view = sold.service_desk.log_work(ticket.id, "Bearing replaced", minutes=40)
    assert view.minutes == 55 and [w.text for w in view.work] == ["Diagnosed: worn bearing", "Bearing replaced"]
    closed = sold.service_desk.close_ticket(ticket.id, "Repaired under warranty")
    assert closed.status == "closed" and sold.lookup.passport("D1").status == "sold"
    with pytest.raises(DomainError, match=r"T-0001 was closed on .*; it cannot be changed") as err:
        sold.service_desk.close_ticket(ticket.id, "again")
    assert err.value.code == "ticket_closed"
    with pytest.raises(DomainError, match="cannot be changed"):
        sold.service_desk.log_work(ticket.id, "late note")


def test_a_part_swap_shows_on_both_parts_and_the_fitted_part_leaves_stock(sold: Services) -> None:
    ticket = sold.service_desk.open_ticket("D1", "Battery does not hold charge")
    view = sold.service_desk.swap_part(ticket.id, out="B-OLD-77", into="B-NEW")
    assert [(s.removed, s.fitted) for s in view.swaps] == [("BAT-5AH:B-OLD-77", "BAT-5AH:B-NEW")]
    fitted = sold.lookup.passport("B-NEW")
    assert fitted.status == "fitted" and fitted.events[-1].summary == "Fitted as a part during T-0001"
    # A removed part we never had is kept on the ticket, not registered as a unit of ours.
    with pytest.raises(NotFound):
        sold.lookup.passport("B-OLD-77")
    assert ("took out BAT-5AH:B-OLD-77 (not a unit of ours), fitted BAT-5AH:B-NEW"
            in sold.lookup.passport("D1").events[-1].summary)
    report = sold.reports.stock()
    assert report.total_units == 1 and "quarantined" not in report.by_status  # D2 only; B-NEW left stock
    # Taken out again on a later repair, the fitted part (ours) is set aside in quarantine.
    sold.receiving.receive_units(supplier="Makita Europe", sku="BAT-5AH", serials=["B-SPARE"])
    sold.service_desk.swap_part(ticket.id, out="B-NEW", into="B-SPARE")
    removed = sold.lookup.passport("B-NEW")
    assert removed.status == "quarantined" and removed.events[-1].summary == "Taken out as a faulty part during T-0001"


def test_swapping_in_a_part_that_is_sold_elsewhere_is_refused_with_the_reason(sold: Services) -> None:
    ticket = sold.service_desk.open_ticket("D1", "Battery")
    with pytest.raises(DomainError, match=r"B-SOLD was sold on .* to Jane Smith \(C-0001\) — it cannot be fitted"):
        sold.service_desk.swap_part(ticket.id, out="B-OLD", into="B-SOLD")
    with pytest.raises(DomainError, match=r"Cordless drill 18V \(DRL-18V\) is not a part of Cordless drill 18V"):
        sold.service_desk.swap_part(ticket.id, out="D2", into="B-NEW", out_sku="DRL-18V")
    assert sold.lookup.passport("B-NEW").status == "in_stock"


def test_a_unit_not_sold_by_us_is_taken_in_for_its_owner_and_handed_back(sold: Services) -> None:
    with pytest.raises(NotFound, match="not one of ours"):
        sold.service_desk.open_ticket("FOREIGN-1", "Noisy")
    owner = sold.catalogue.add_customer("Tom Olsen")
    ticket = sold.service_desk.open_ticket("DRL-18V:FOREIGN-1", "Noisy", customer=owner.number)
    assert (ticket.sold_by_us, ticket.warranty_claim) == (False, False)
    passport = sold.lookup.passport("FOREIGN-1")
    assert passport.sold_by_us is False and passport.customer is not None and passport.customer.name == "Tom Olsen"
    assert passport.events[0].summary == "Registered at the service desk for Tom Olsen (C-0002) (not sold by us)"
    sold.service_desk.close_ticket(ticket.id, "Cleaned")
    back = sold.lookup.passport("FOREIGN-1")
    assert back.status == "customer_owned" and back.customer is not None and back.customer.name == "Tom Olsen"
    again = sold.service_desk.open_ticket("FOREIGN-1", "Noisy again")  # known now; owner remembered
    assert again.customer is not None and again.customer.number == owner.number
    assert sold.reports.stock().total_units == 2  # a customer's unit never counts as our stock


def test_a_unit_in_stock_is_not_a_service_job(sold: Services) -> None:
    with pytest.raises(DomainError, match=r"D2 is in stock .* cannot be taken in for service"):
        sold.service_desk.open_ticket("D2", "Scratched")


def test_a_warranty_repair_extends_the_warranty_when_the_product_says_so(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    shop.catalogue.add_product("EBIKE", "E-bike", warranty_months=24, repair_extension_months=6)
    shop.receiving.receive_units(supplier="Makita Europe", sku="EBIKE", serials=["E1"])
    shop.sales.sell_items("Jane Smith", ["E1"])  # 3 Mar 2026 → warranty until 3 Mar 2028
    clock.now = datetime(2027, 12, 1, 9, tzinfo=UTC)
    ticket = shop.service_desk.open_ticket("E1", "Motor cuts out")
    clock.now = datetime(2027, 12, 10, 9, tzinfo=UTC)
    shop.service_desk.close_ticket(ticket.id, "Motor replaced")
    assert shop.lookup.passport("E1").warranty_until == datetime(2028, 6, 10, 9, tzinfo=UTC)


def test_the_full_story_of_a_unit_in_order(sold: Services, clock) -> None:  # type: ignore[no-untyped-def]
    sold.sales.return_item("D1", to="stock", reason="wrong model")
    clock.advance(days=1)
    tom = sold.catalogue.add_customer("Tom Olsen")
    sold.sales.sell_items(tom.number, ["D1"])
    clock.advance(days=100)
    ticket = sold.service_desk.open_ticket("D1", "Battery dead")
    sold.service_desk.log_work(ticket.id, "Tested battery", minutes=10)
    sold.service_desk.swap_part(ticket.id, out="B-OLD", into="B-NEW")
    sold.service_desk.close_ticket(ticket.id, "Battery replaced")
    kinds = [e.kind for e in sold.lookup.passport("D1").events]
    assert kinds == ["received", "sold", "returned", "sold", "ticket_opened", "work_logged", "part_swapped",
                     "ticket_closed"]


def test_a_ticket_dated_in_the_past_keeps_its_dates_in_the_history(sold: Services) -> None:
    opened, closed = datetime(2026, 3, 20, 9, tzinfo=UTC), datetime(2026, 3, 22, 16, tzinfo=UTC)
    ticket = sold.service_desk.open_ticket("D1", "Chuck wobbles", at=opened)
    with pytest.raises(DomainError, match=r"D1 was taken in for service on 20 Mar 2026 \(T-0001\); "
                                          r"closing the ticket dated 19 Mar 2026 would come before that\."):
        sold.service_desk.close_ticket(ticket.id, "Repaired", at=datetime(2026, 3, 19, tzinfo=UTC))
    sold.service_desk.close_ticket(ticket.id, "Repaired", at=closed)
    events = {e.kind: e.at for e in sold.lookup.passport("D1").events}
    assert (events["ticket_opened"], events["ticket_closed"]) == (opened, closed)


@pytest.fixture
def ebike(shop: Services) -> Services:
    """An e-bike that takes one 36 V battery, with generated serials; an impact driver on the shelf."""
    shop.catalogue.add_product("EB-CITY", "E-bike city", warranty_months=24)
    shop.catalogue.add_product("BAT-36V", "Battery 36V", serial_source="generated",
                               serial_pattern="{LOT}{SEQ:5}{CHK:luhn}")
    shop.catalogue.add_product("DRV-18V", "Impact driver 18V")
    shop.catalogue.set_part("EB-CITY", "BAT-36V")
    shop.receiving.receive_units(supplier="Makita Europe", sku="EB-CITY", serials=["VX25010001"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-36V", lot="KZ25B", generate=2)
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRV-18V", serials=["DRV-1"])
    shop.sales.sell_items("Jane Smith", ["VX25010001"])
    return shop


def test_a_part_of_another_kind_is_refused_naming_both(ebike: Services) -> None:
    ticket = ebike.service_desk.open_ticket("VX25010001", "Battery dead")
    with pytest.raises(DomainError, match=r"Impact driver 18V \(DRV-18V\) is not a part of E-bike city \(EB-CITY\); "
                                          r"it takes Battery 36V \(BAT-36V\)") as err:
        ebike.service_desk.swap_part(ticket.id, out="BAT-36V:KZ25B000017", into="DRV-1")
    assert err.value.code == "part_of_other_kind"
    assert ebike.lookup.passport("DRV-1").status == "in_stock"


def test_an_unknown_removed_part_is_checked_like_a_received_serial_and_never_becomes_stock(ebike: Services) -> None:
    ticket = ebike.service_desk.open_ticket("VX25010001", "Battery dead")
    fitted = ebike.labels.for_receipt(2)[0].serial  # KZ25B00001… with its Luhn digit
    good = "KZ25B00017" + luhn_check_digit("KZ25B00017")  # a battery we never had
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    before = ebike.reports.stock()
    with pytest.raises(DomainError, match="fails its check digit") as err:
        ebike.service_desk.swap_part(ticket.id, out=bad, into=fitted)
    assert err.value.code == "serial_check_digit"
    with pytest.raises(DomainError, match="does not follow this product's serial pattern"):
        ebike.service_desk.swap_part(ticket.id, out="OLD-BATTERY", into=fitted)
    view = ebike.service_desk.swap_part(ticket.id, out=good, into=fitted)
    assert view.swaps[0].removed == f"BAT-36V:{good}"
    with pytest.raises(NotFound):
        ebike.lookup.passport(good)
    after = ebike.reports.stock()
    assert after.total_units == before.total_units - 1  # the fitted battery left stock; nothing came in
    assert after.by_status.get("quarantined", 0) == 0 and "EB-CITY" not in {ln.sku for ln in after.lines}


def test_a_mistyped_generated_serial_opens_no_ticket_on_a_phantom_unit(ebike: Services) -> None:
    owner = ebike.catalogue.add_customer("Tom Olsen")
    good = ebike.labels.for_receipt(2)[1].serial
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(DomainError, match="fails its check digit"):
        ebike.service_desk.open_ticket(f"BAT-36V:{bad}", "Does not charge", customer=owner.number)
    with pytest.raises(DomainError, match="does not follow"):
        ebike.service_desk.open_ticket("BAT-36V:NOT-OURS", "Does not charge", customer=owner.number)
    assert "customer_owned" not in ebike.reports.stock().by_status  # no phantom "not sold by us" unit
    assert ebike.service_desk.tickets() == []
