"""The sale cart and the service-desk session without Qt (workflows.sales, workflows.service_desk), on SQLite and
PostgreSQL, through a counter day — with what a hurried clerk does: the same unit scanned twice, a unit another
till has just sold, a recalled unit, GS1 labels, a bad check digit, an empty cart, the customer taken off."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import event

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import RecallCriteria
from serialdesk.workflows.sales import SaleCart
from serialdesk.workflows.service_desk import ServiceDeskSession
from tests.conftest import Clock

GTIN = "4006381333931"  # DRL-18V's barcode (the shop fixture)
UNKNOWN_EAN = "9506000134352"  # a valid EAN-13 nobody in this shop has


def commits(app: App) -> list[int]:
    seen: list[int] = []
    event.listen(app.engine, "commit", lambda _conn: seen.append(1))
    return seen


@pytest.fixture
def till2(db_url: str, clock: Clock, app: App) -> Iterator[Services]:
    """A second station on the same database (its own engine and connections)."""
    other = App(Settings(db_url=db_url, user="admin", station="till-2"), clock=clock)
    yield other.services(other.actor("admin"))
    other.close()


def stock(shop: Services, *serials: str, sku: str = "DRL-18V", lot: str | None = None) -> None:
    supplier = shop.catalogue.suppliers()[0].number
    shop.receiving.receive_units(supplier=supplier, sku=sku, serials=list(serials), lot=lot)


def jane(shop: Services, cart: SaleCart) -> None:
    (customer,) = cart.find_customers_call("jane")()
    assert "Selling to Jane Smith" in cart.choose(customer)


def test_a_sale_cart_through_a_hurried_counter_day(app: App, shop: Services, till2: Services) -> None:
    stock(shop, "SN001", "SN002", "SN003", "SN004", "SN005", "SN006", "SN007")
    cart = SaleCart(shop)
    with pytest.raises(DomainError) as no_customer:
        cart.sell_call()
    assert no_customer.value.code == "no_customer"
    jane(shop, cart)
    with pytest.raises(DomainError) as empty:
        cart.sell_call()
    assert empty.value.code == "empty_sale" and "cart is empty" in empty.value.message

    seen = commits(app)
    first = cart.scan("SN001")
    assert (first.tone, first.line.serial if first.line else None) == ("good", "SN001")
    assert first.line is not None and first.line.price == Decimal("129.90") and first.line.warranty_months == 24
    twice = cart.scan("SN001")
    assert twice.tone == "bad" and "already in this sale" in twice.message
    assert cart.scan(f"(01)0{GTIN}(21)SN002").line == replace(first.line, serial="SN002")  # GS1 HRI
    assert cart.scan(f"]C1010{GTIN}21SN003").tone == "good"  # raw GS1 with its symbology identifier
    assert cart.scan("drl-18v:SN004").tone == "good"
    bad_digit = cart.scan(f"(01)0{GTIN[:-1]}2(21)SN005")
    assert bad_digit.tone == "bad" and "wrong check digit" in bad_digit.message
    unknown = cart.scan(UNKNOWN_EAN)  # never a serial: amber, naming the GTIN
    assert (unknown.tone, unknown.gtin) == ("warn", f"0{UNKNOWN_EAN}") and "Unknown product barcode" in unknown.message
    product = cart.scan(GTIN)
    assert product.tone == "bad" and "not of one unit" in product.message
    assert cart.scan("NOPE42").tone == "bad"
    assert cart.refs() == ["DRL-18V:SN001", "DRL-18V:SN002", "DRL-18V:SN003", "DRL-18V:SN004"]
    assert seen == []  # checking units writes nothing

    # Another till sells SN005 first: the scan names the buyer.
    till2.sales.sell_items(till2.catalogue.find_customers("jane")[0].number, ["SN005"])
    sold_elsewhere = cart.scan("SN005")
    assert sold_elsewhere.tone == "bad" and "Jane Smith" in sold_elsewhere.message
    assert "cannot be sold again" in sold_elsewhere.message

    # A scan by mistake and a price typed over.
    assert cart.scan("SN006").tone == "good"
    undone = cart.undo()
    assert undone.line is not None and undone.line.serial == "SN006" and len(cart.lines) == 4
    assert cart.set_price(1, "99.50").price == Decimal("99.50")
    with pytest.raises(DomainError, match="negative"):
        cart.set_price(1, "-5")
    assert cart.lines[1].price == Decimal("99.50") and cart.total() == Decimal("129.90") * 3 + Decimal("99.50")
    assert cart.remove(3).line is not None and len(cart.lines) == 3

    # SN007 goes into the cart, and till-2 sells it before this till completes: nothing is sold, the cart stays.
    assert cart.scan("SN007").tone == "good"
    till2.sales.sell_items(till2.catalogue.find_customers("jane")[0].number, ["SN007"])
    with pytest.raises(DomainError) as raced:
        cart.sell_call()()
    assert "SN007" in raced.value.message and "Jane Smith" in raced.value.message
    assert len(cart.lines) == 4 and shop.lookup.passport("SN001").status == "in_stock"
    cart.undo()

    seen.clear()
    sale = cart.sell()
    assert len(seen) == 1  # the sale is one transaction
    assert [line.serial for line in sale.lines] == ["SN001", "SN002", "SN003"]
    assert shop.lookup.passport("SN002").price == Decimal("99.50")
    assert cart.lines == [] and cart.customer is None and cart.last_sale == sale
    receipt = cart.receipt()
    assert receipt.number == sale.number and receipt.customer == "Jane Smith"
    assert receipt.contact == ("+45 20 123456", "jane@example.net")
    assert {line.warranty_until for line in receipt.lines} == {datetime(2028, 3, 3, 10, 0, tzinfo=UTC)}
    assert receipt.total == Decimal("129.90") * 2 + Decimal("99.50")


def test_a_mistyped_generated_serial_is_refused_by_its_check_digit_not_as_unknown(shop: Services) -> None:
    shop.catalogue.add_product("BIKE-28", "City bike 28", serial_source="generated",
                               serial_pattern="{LOT}-{SEQ:5}{CHK:luhn}", price="499.00")
    supplier = shop.catalogue.suppliers()[0].number
    good = shop.receiving.receive_units(supplier=supplier, sku="BIKE-28", lot="L1", generate=1).units[0].serial
    typo = good[:-1] + str((int(good[-1]) + 1) % 10)
    cart = SaleCart(shop)
    refused = cart.scan(typo)
    assert refused.tone == "bad" and "fails its check digit" in refused.message and cart.lines == []
    assert cart.scan(good.lower()).line is not None and cart.total() == Decimal("499.00")


def test_the_customer_taken_off_or_gone_leaves_the_cart_as_it_was(shop: Services) -> None:
    stock(shop, "SN001")
    cart = SaleCart(shop)
    jane(shop, cart)
    assert cart.scan("SN001").tone == "good"
    assert cart.ready
    cart.clear_customer()
    assert not cart.ready
    with pytest.raises(DomainError) as none:
        cart.sell_call()
    assert none.value.code == "no_customer" and cart.refs() == ["DRL-18V:SN001"]
    gone = replace(shop.catalogue.find_customers("jane")[0], number="C-99999")  # a record that is not there
    cart.choose(gone)
    with pytest.raises(DomainError):
        cart.sell()
    assert cart.refs() == ["DRL-18V:SN001"] and shop.lookup.passport("SN001").status == "in_stock"
    with pytest.raises(DomainError) as nothing:
        SaleCart(shop).undo()
    assert nothing.value.code == "nothing_to_undo"
    with pytest.raises(DomainError):
        SaleCart(shop).receipt()


def test_a_clerks_discount_over_the_shops_limit_is_refused_at_the_sale_and_the_cart_stays(
        shop: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    stock(shop, "SN001", "SN002")
    clerk = as_user("ole", "counter")
    cart = SaleCart(clerk)
    jane(clerk, cart)
    assert cart.scan("SN001").tone == "good" and cart.scan("SN002").tone == "good"
    with pytest.raises(DomainError) as bad:
        cart.set_discount(0, "12 pieces", "a friend")
    assert bad.value.code == "bad_discount"
    with pytest.raises(DomainError) as why:
        cart.set_discount(0, "5%", " ")
    assert why.value.code == "discount_reason_required" and cart.lines[0].discount == 0
    cart.set_discount(1, "90%", "a friend of the owner")
    with pytest.raises(DomainError) as paid:
        cart.set_payments(["cash", "card"])  # two ways, neither with an amount
    assert paid.value.code == "bad_payment"
    cart.set_payments(["cash:50", "card"])
    with pytest.raises(DomainError) as over:
        cart.sell()
    assert over.value.code == "discount_over_limit" and cart.refs() == ["DRL-18V:SN001", "DRL-18V:SN002"]
    assert shop.lookup.passport("SN002").status == "in_stock"  # nothing was sold
    cart.set_discount(1, "", "")  # taken off again: the sale goes through, paid as asked
    sale = cart.sell()
    receipt = shop.receipts.sale_receipt(sale.id)
    assert [(p.method, str(p.amount)) for p in receipt.payments] == [("cash", "50.00"), ("card", "209.80")]
    assert cart.payments == [] and cart.lines == []


def test_a_recalled_unit_is_refused_naming_the_recall_and_a_return_goes_through_the_session(
    shop: Services,
) -> None:
    stock(shop, "SN001", "SN002", lot="L1")
    stock(shop, "SN003")
    shop.sales.sell_items(shop.catalogue.find_customers("jane")[0].number, ["SN003"])
    shop.recalls.start_recall(RecallCriteria("DRL-18V", lots=("L1",)), "Battery contacts may overheat")
    cart = SaleCart(shop)
    held = cart.scan("SN001")
    assert held.tone == "bad" and "SN001 cannot be sold" in held.message and "RC-0001" in held.message
    assert cart.lines == []

    returns = cart.returns()
    with pytest.raises(DomainError) as on_shelf:
        returns.look_up("SN002")
    assert on_shelf.value.code == "not_returnable" and "Only a sold unit" in on_shelf.value.message
    unit = returns.look_up(f"(01)0{GTIN}(21)SN003")
    assert unit is not None and unit.customer is not None and unit.customer.name == "Jane Smith"
    view = returns.take_back(f"(01)0{GTIN}(21)SN003", "quarantine", "Does not power on")
    assert view.serial == "SN003" and "SN003 taken back from Jane Smith" in returns.take_back_done(view)
    assert shop.lookup.passport("SN003").status == "quarantined"


def parts_shop(shop: Services) -> None:
    shop.catalogue.add_product("CHK-13", "Chuck 13 mm", gtin="5901234123457", price="19.00")
    shop.catalogue.set_part("DRL-18V", "CHK-13")
    stock(shop, "SN010")
    stock(shop, "CH-NEW", "CH-TWO", sku="CHK-13")
    shop.sales.sell_items(shop.catalogue.find_customers("jane")[0].number, ["SN010"])


def test_a_service_desk_session_through_a_ticket_from_scan_to_close(app: App, shop: Services, till2: Services) -> None:
    parts_shop(shop)
    desk = ServiceDeskSession(shop)
    with pytest.raises(DomainError) as no_unit:
        desk.open_ticket_call("Chuck wobbles")
    assert no_unit.value.code == "no_unit"

    found = desk.scan(f"(01)0{GTIN}(21)SN010")  # the unit's GS1 label
    assert found.tone == "good" and desk.passport is not None and desk.passport.serial == "SN010"
    assert "Jane Smith" in found.message and desk.may_open and desk.ticket is None
    with pytest.raises(DomainError) as no_ticket:
        desk.log_work_call("looked at it", 5)
    assert no_ticket.value.code == "no_ticket"

    seen = commits(app)
    ticket = desk.open_ticket("Chuck wobbles")
    assert len(seen) == 1 and ticket is not None and ticket.status == "open"
    assert desk.passport.status == "in_service" and not desk.may_open and desk.may_work
    assert desk.scan("SN010").tone == "good" and desk.ticket == ticket  # scanned again: its open ticket chosen

    worked = desk.log_work("Took the chuck off", 20)
    assert worked is not None and worked.minutes == 20

    # The swap form's scans, through the one classifier.
    assert desk.part("OLD-CHUCK-1") == "OLD-CHUCK-1"  # a bare serial: the swap finds its product
    assert desk.part("(01)05901234123457(21)CH-NEW") == "CHK-13:CH-NEW"
    assert desk.part("chk-13:CH-TWO") == "CHK-13:CH-TWO"
    for text, code in ((GTIN, "product_not_unit"), (UNKNOWN_EAN, "unknown_product_barcode"),
                       ("(01)05901234123458(21)CH-NEW", "bad_gtin_check")):
        with pytest.raises(DomainError) as refused:
            desk.part(text)
        assert refused.value.code == code
    swapped = desk.swap(desk.part("OLD-CHUCK-1"), desk.part("(01)05901234123457(21)CH-NEW"))
    assert swapped is not None and [s.fitted for s in swapped.swaps] == ["CHK-13:CH-NEW"]
    assert shop.lookup.passport("CHK-13:CH-NEW").status == "fitted"

    assert desk.set_status("waiting_parts") is not None and desk.ticket and desk.ticket.status == "waiting_parts"
    assert desk.toggle_waiting_call() is not None
    desk.apply(desk.toggle_waiting_call())
    assert desk.ticket is not None and desk.ticket.status == "open"
    assert desk.status_call("open") is None  # already open: nothing to save
    desk.set_status("done")
    closed = desk.close("Chuck replaced")
    assert closed is not None and closed.status == "closed" and not desk.may_work
    assert desk.passport.status == "sold" and desk.may_open
    with pytest.raises(DomainError) as after:
        desk.log_work_call("one more thing", 5)
    assert after.value.code == "ticket_closed"

    # Another station closes a ticket this desk still shows open: the work is refused, nothing is saved.
    again = desk.open_ticket("Still wobbles")
    assert again is not None
    till2.service_desk.close_ticket(again.id, "Customer collected it unrepaired")
    with pytest.raises(DomainError) as closed_elsewhere:
        desk.log_work("tightened", 5)
    assert closed_elsewhere.value.code == "ticket_closed"


def test_a_unit_we_never_sold_is_taken_in_once_its_owner_and_product_are_chosen(shop: Services) -> None:
    desk = ServiceDeskSession(shop)
    refused = desk.scan("EXT-7788")
    assert refused.tone == "bad" and "EXT-7788" in refused.message and "Unit not sold by us" in refused.message
    assert desk.unknown == "EXT-7788" and desk.passport is None
    with pytest.raises(DomainError) as no_owner:
        desk.take_in_call(desk.unknown, "Motor smells burnt", "", "DRL-18V")
    assert no_owner.value.code == "no_customer"
    owner = shop.catalogue.find_customers("jane")[0].number
    with pytest.raises(DomainError) as no_product:
        desk.take_in_call(desk.unknown, "Motor smells burnt", owner, "None")
    assert no_product.value.code == "no_product"
    ticket = desk.take_in(desk.unknown, "Motor smells burnt", owner, "DRL-18V")
    assert ticket is not None and not ticket.sold_by_us
    assert desk.passport is not None and desk.passport.serial == "EXT-7788" and not desk.passport.sold_by_us
    assert "Not sold by us" not in desk.summary() and "Jane Smith" in desk.summary()
