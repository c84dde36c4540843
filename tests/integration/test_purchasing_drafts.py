"""A draft scanned at the Receiving pane posted against a PO (PoDraftService.receive_draft, issue 15), on
SQLite and PostgreSQL: one transaction takes the PO's supplier and cost, ticks the notice off and says '12 of
20'; what cannot be posted against the order is refused with nothing changed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.po_drafts import PoDraftService
from serialdesk.services.purchasing import PurchasingService

BIKES = [f"VB{n:03d}" for n in range(1, 21)]


@pytest.fixture
def buying(app: App, shop: Services) -> PurchasingService:
    shop.catalogue.add_product("BIKE-7", "E-bike 7", cost="999.00", price="2499.00", warranty_months=24)
    shop.catalogue.add_supplier("Velo AG")
    po = PurchasingService(app.uows, shop.actor, app.clock)
    po.add_order("Velo AG", [("BIKE-7", 20, "410.00", None)])
    po.load_notice("PO-0001", [{"serial": b, "lot": "L2611"} for b in BIKES])
    return po


@pytest.fixture
def drafts_in(app: App, shop: Services) -> PoDraftService:
    return PoDraftService(app.uows, shop.actor, app.clock)


def draft_of(shop: Services, serials: list[str], sku: str = "BIKE-7", supplier: str | None = None) -> int:
    receipt = None
    for serial in serials:
        done = shop.drafts.scan(receipt, serial, sku=sku, supplier=supplier)
        assert done.receipt is not None
        receipt = done.receipt.id
    assert receipt is not None
    return receipt


def test_drafts_posted_against_the_po_tick_off_the_notice_at_the_po_cost(buying: PurchasingService,
                                                                        drafts_in: PoDraftService,
                                                                        shop: Services) -> None:
    first = drafts_in.receive_draft("PO-0001", draft_of(shop, BIKES[:12], supplier="Makita Europe"))
    assert (first.received, first.ordered, first.unit_cost, first.not_on_notice) == (12, 20, Decimal("410.00"), ())
    assert first.status == "partly_received" and len(first.ticked) == 12
    unit = shop.lookup.passport("VB001")
    assert (unit.status, unit.cost, unit.supplier) == ("in_stock", Decimal("410.00"), "Velo AG")  # the PO's
    second = drafts_in.receive_draft("PO-0001", draft_of(shop, [*BIKES[12:19], "VB999"]))
    assert (second.received, second.ordered, second.not_on_notice) == (20, 20, ("VB999",))
    assert "1 serial not on the supplier's notice: VB999." in second.warnings
    assert buying.not_on_notice("PO-0001") == ("BIKE-7:VB999",)
    order = buying.order("PO-0001")
    assert order.status == "closed" and order.expected_missing == ("BIKE-7:VB020",)
    assert shop.maintenance.check() == []


def test_what_cannot_go_against_the_po_is_refused_and_the_draft_stays(buying: PurchasingService,
                                                                    drafts_in: PoDraftService,
                                                                    shop: Services) -> None:
    mixed = draft_of(shop, ["VB001"])
    shop.drafts.scan(mixed, "SN1", sku="DRL-18V")
    with pytest.raises(DomainError, match="one product is received per receipt"):
        drafts_in.receive_draft("PO-0001", mixed)
    drills = draft_of(shop, ["SN2"], sku="DRL-18V")
    with pytest.raises(DomainError, match="DRL-18V is not on PO-0001"):
        drafts_in.receive_draft("PO-0001", drills)
    assert buying.order("PO-0001").received == 0
    assert shop.receiving.receipt(mixed).status == "draft" and shop.receiving.receipt(drills).status == "draft"
    posted = drafts_in.receive_draft("PO-0001", draft_of(shop, ["VB005"]))
    with pytest.raises(DomainError, match="no longer be changed"):
        drafts_in.receive_draft("PO-0001", int(posted.receipt.split("-")[1]))
    buying.close_order("PO-0001")
    with pytest.raises(DomainError, match="PO-0001 is closed"):
        drafts_in.receive_draft("PO-0001", draft_of(shop, ["VB006"]))
