"""RMAs (issue 15): a ticket on a unit under the supplier's warranty is claimed from the supplier, the unit goes
back, and the supplier's answer — credit, replacement, rejection — settles it; the customer's record follows a
swap, and every unit's history still holds together."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied
from serialdesk.services import summaries
from serialdesk.services.history_check import history_problems
from serialdesk.services.rma import RMA_STATES

ACTIONS: dict[str, Callable[[Services, str], object]] = {
    "sent": lambda s, n: s.rma.send(n),
    "cancelled": lambda s, n: s.rma.cancel(n),
    "credited": lambda s, n: s.rma.credit(n, "1200.00"),
    "replaced": lambda s, n: s.rma.replace(n, "NEW-" + n),
    "rejected": lambda s, n: s.rma.reject(n, "water damage, not covered"),
}
REACH = {"open": (), "sent": ("sent",), "cancelled": ("cancelled",), "credited": ("sent", "credited"),
         "replaced": ("sent", "replaced"), "rejected": ("sent", "rejected")}
ALLOWED = {"open": {"sent", "cancelled"}, "sent": {"credited", "replaced", "rejected"}}
SAYS = {"open": "is open (not sent to the supplier yet)", "sent": "was sent to Velo AG on",
        "credited": "was credited by Velo AG (1,200.00)", "replaced": "was settled by Velo AG with a replacement",
        "rejected": "was rejected by Velo AG", "cancelled": "was cancelled"}


@pytest.fixture
def bikes(shop: Services) -> Services:
    """E-bikes with 6 months of our warranty and 24 months of Velo AG's; E1 sold to Jane, E2 in stock."""
    shop.catalogue.add_product("EBIKE", "E-bike", cost="1390", price="2490", warranty_months=6,
                               supplier_warranty_months=24)
    shop.catalogue.add_supplier("Velo AG")
    shop.receiving.receive_units(supplier="Velo AG", sku="EBIKE", serials=["E1", "E2", "E3"])
    shop.sales.sell_items("Jane Smith", ["E1"])
    return shop


def summary_problems(app: App) -> list[str]:
    with Session(app.engine) as s:
        return summaries.mismatches(s)


def _claimed_ticket(shop: Services, serial: str = "E1") -> str:
    ticket = shop.service_desk.open_ticket(serial, "motor cuts out")
    return shop.rma.open_rma(ticket.number, claim_no="VX-77").number


def test_a_replacement_goes_to_the_customer_and_the_failed_unit_to_the_supplier(bikes: Services, app: App,
                                                                                clock) -> None:  # type: ignore[no-untyped-def]
    jane_until = bikes.lookup.passport("E1").warranty_until
    clock.advance(days=200)  # our 6 months to Jane hold; Velo AG's 24 months to us too
    ticket = bikes.service_desk.open_ticket("E1", "motor cuts out")
    opened = bikes.rma.open_rma(ticket.number, claim_no="VX-77", notes="motor controller")
    assert (opened.number, opened.state, opened.ticket, opened.customer) == (
        "RMA-0001", "open", ticket.number, "Jane Smith (C-0001)")
    assert bikes.lookup.passport("E1").status == "in_service"  # opening a claim moves nothing
    clock.advance(hours=1)
    sent = bikes.rma.send("RMA-0001")
    assert sent.state == "sent" and sent.sent_at == clock.now
    failed = bikes.lookup.passport("E1")
    assert failed.status == "at_supplier" and failed.tickets[-1].status == "closed"
    assert "RMA-0001" in (failed.tickets[-1].resolution or "")
    clock.advance(days=14)
    done = bikes.rma.replace("rma-1", "E9", lot="L2611")
    assert (done.state, done.replacement_serial) == ("replaced", "E9")
    new, old = bikes.lookup.passport("E9"), bikes.lookup.passport("E1")
    assert new.status == "sold" and new.customer is not None and new.customer.name == "Jane Smith"
    assert new.price == Decimal("0.00") and new.warranty_until == jane_until  # her warranty follows the swap
    assert new.supplier == "Velo AG" and new.lot == "L2611" and new.cost == Decimal("1390.00")
    assert old.status == "scrapped" and old.customer is None
    assert [r.number for r in old.rmas] == [r.number for r in new.rmas] == ["RMA-0001"]
    assert "Sent back to Velo AG under RMA-0001" in [e.summary for e in old.events]
    owned = bikes.customers.customer_record("Jane Smith").units
    assert sorted((u.serial, u.still_owned) for u in owned) == [("E1", False), ("E9", True)]
    assert history_problems(app.engine) == [] and summary_problems(app) == []  # the replacement came from Velo AG


def test_a_replacement_may_stay_in_stock(bikes: Services, app: App) -> None:
    bikes.rma.send(_claimed_ticket(bikes))
    bikes.rma.replace("RMA-0001", "E9", to_stock=True)
    assert bikes.lookup.passport("E9").status == "in_stock"
    assert history_problems(app.engine) == [] and summary_problems(app) == []


def test_a_rejected_claim_gives_the_customer_their_unit_back(bikes: Services, app: App) -> None:
    bikes.rma.send(_claimed_ticket(bikes))
    bikes.rma.reject("RMA-0001", "water damage")
    back = bikes.lookup.passport("E1")
    assert back.status == "sold" and back.customer is not None and back.customer.name == "Jane Smith"
    assert "water damage" in (bikes.rma.rma("RMA-0001").notes or "")
    assert history_problems(app.engine) == []


def test_a_unit_in_stock_is_claimed_and_credited(bikes: Services, app: App) -> None:
    bikes.stock_moves.quarantine("E3", "frame crack on arrival")
    for serial in ("E2", "E3"):
        number = bikes.rma.open_rma(serial).number
        bikes.rma.send(number)
        assert bikes.lookup.passport(serial).status == "at_supplier"
    credited = bikes.rma.credit("RMA-0001", "1,390.00")
    assert credited.credit_amount == Decimal("1390.00") and credited.customer is None
    assert bikes.lookup.passport("E2").status == "scrapped"
    assert [r.number for r in bikes.rma.rmas(open_only=True)] == ["RMA-0002"]
    assert history_problems(app.engine) == []


@pytest.mark.parametrize("start", RMA_STATES)
def test_every_move_from_every_state(bikes: Services, start: str) -> None:
    for n, target in enumerate(ACTIONS):
        serial = f"{start}-S{n}"
        bikes.receiving.receive_units(supplier="Velo AG", sku="EBIKE", serials=[serial])
        number = bikes.rma.open_rma(serial).number
        for step in REACH[start]:
            ACTIONS[step](bikes, number)
        assert bikes.rma.rma(number).state == start
        if target in ALLOWED.get(start, ()):
            assert ACTIONS[target](bikes, number) is not None
            assert bikes.rma.rma(number).state == target
        else:
            with pytest.raises(DomainError) as refused:
                ACTIONS[target](bikes, number)
            assert refused.value.message.startswith(f"{number} {SAYS[start]}")
            assert "it cannot be" in refused.value.message
            assert bikes.rma.rma(number).state == start  # nothing changed


def test_outside_the_suppliers_warranty_only_a_manager_may_claim(bikes: Services, as_user, clock) -> None:  # type: ignore[no-untyped-def]
    clock.advance(days=800)  # past Velo AG's 24 months
    with pytest.raises(DomainError, match=r"Velo AG's warranty to us ended on .* needs a manager's say-so"):
        bikes.rma.open_rma("E2")
    clerk = as_user("clerk1", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.rma.open_rma("E2", force=True)
    forced = bikes.rma.open_rma("E2", force=True)
    assert forced.forced_by == "admin" and forced.state == "open"


def test_units_that_cannot_be_claimed_are_refused_by_what_they_are(bikes: Services) -> None:
    with pytest.raises(DomainError, match=r"E1 was sold on .* to Jane Smith .* only a unit on a service ticket"):
        bikes.rma.open_rma("E1")  # sold, not brought in
    bikes.service_desk.open_ticket("F1", "flat tyre", sku="EBIKE", customer="Jane Smith")
    with pytest.raises(DomainError, match="customer's unit not sold by us"):
        bikes.rma.open_rma("F1")
    with pytest.raises(DomainError, match="customer's unit not sold by us"):
        bikes.rma.open_rma("T-0001", force=True)
    bikes.rma.open_rma("E2")
    with pytest.raises(DomainError, match="E2 is already claimed on RMA-0001"):
        bikes.rma.open_rma("E2")
    with pytest.raises(NotFound, match="There is no RMA 'RMA-0042'"):
        bikes.rma.send("RMA-0042")
    with pytest.raises(NotFound):
        bikes.rma.send("T-0001")
    bikes.rma.send("RMA-0001")
    with pytest.raises(DomainError, match="cannot be negative"):
        bikes.rma.credit("RMA-0001", "-5")
    with pytest.raises(DomainError, match="more than 0"):
        bikes.rma.credit("RMA-0001", "0")
    with pytest.raises(DomainError):
        bikes.rma.credit("RMA-0001", "a lot")
    with pytest.raises(DomainError, match="E3 of EBIKE is already one of ours"):
        bikes.rma.replace("RMA-0001", "E3")
    assert bikes.rma.rma("RMA-0001").state == "sent"
    assert bikes.lookup.passport("E3").status == "in_stock"


def test_a_technician_claims_and_a_counter_clerk_may_not(bikes: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    tech = as_user("tech1", "technician")
    ticket = tech.service_desk.open_ticket("E1", "motor cuts out")
    assert tech.rma.open_rma(ticket.number).state == "open"
    with pytest.raises(PermissionDenied):
        as_user("counter1", "counter").rma.send("RMA-0001")


def test_a_unit_on_an_open_claim_is_not_sold_until_the_claim_is_cancelled(bikes: Services) -> None:
    number = bikes.rma.open_rma("E2").number
    with pytest.raises(DomainError, match=f"E2 is being claimed from its supplier on {number}") as refused:
        bikes.sales.sell_items("Jane Smith", ["E3", "E2"])
    assert refused.value.code == "on_open_rma"
    assert bikes.lookup.passport("E3").status == "in_stock"  # nothing of the sale happened
    bikes.rma.cancel(number)
    assert bikes.sales.sell_items("Jane Smith", ["E2"]).number


def test_a_claimed_unit_is_set_aside_but_not_written_off_or_sent_back_around_its_claim(bikes: Services) -> None:
    number = bikes.rma.open_rma("E2").number
    bikes.stock_moves.quarantine("E2", "waiting for the courier")  # set aside while claimed: fine
    for move in (bikes.stock_moves.scrap, bikes.stock_moves.send_to_supplier):
        with pytest.raises(DomainError, match=f"on {number}") as refused:
            move("E2", "x")
        assert refused.value.code == "on_open_rma"
    bikes.rma.send(number)
    with pytest.raises(DomainError, match=re.escape(f"rma credit|replace|reject {number}")) as back:
        bikes.stock_moves.back_from_supplier("E2", "stock")
    assert back.value.code == "on_sent_rma"
    assert bikes.rma.reject(number, "no fault found").state == "rejected"
    assert bikes.lookup.passport("E2").status == "in_stock"


def test_a_unit_on_an_open_claim_is_not_sent_on_a_transfer(bikes: Services, app: App) -> None:
    from serialdesk.services.locations import LocationService
    from serialdesk.services.transfers import TransferService

    LocationService(app.uows, bikes.actor, app.clock).add_location("Aarhus", branch="Aarhus")
    transfers = TransferService(app.uows, bikes.actor, app.clock)
    opened = transfers.open_transfer("Shop floor", "Aarhus")
    number = bikes.rma.open_rma("E2").number
    with pytest.raises(DomainError, match=f"E2 is being claimed from its supplier on {number}") as refused:
        transfers.send(opened.number, ["E2"])
    assert refused.value.code == "on_open_rma"
