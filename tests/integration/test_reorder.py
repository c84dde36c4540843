"""Reorder advice (issue 17) on a SQLite file and on PostgreSQL: demand, on hand, on order, lead times measured
from purchase orders, the flags, the order of urgency, and draft purchase orders in one transaction."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from serialdesk.bootstrap import App, Services
from serialdesk.db.models import PurchaseOrder
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied
from serialdesk.services.product_settings import Buying
from serialdesk.services.purchasing import PurchasingService
from tests.conftest import Clock

TODAY = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # the clock fixture's now
FAN, DRL, OLD = "FAN-2D", "DRL-18V", "OLD-RADIO"


def day(n: int, hour: int = 9) -> datetime:
    """``n`` days before today, at ``hour`` UTC."""
    return (TODAY - timedelta(days=n)).replace(hour=hour, minute=0)


def serials(prefix: str, n: int, start: int = 0) -> list[str]:
    return [f"{prefix}{i:04d}" for i in range(start, start + n)]


@pytest.fixture
def buyer(shop: Services) -> Services:
    """FAN-2D sells 2 a day, every day of the last 90, has a 14-day lead time and 10 left in stock. DRL-18V
    sells one a week with 20 in stock; OLD-RADIO has 5 in stock and has not sold in 120 days."""
    shop.product_settings.add_product(FAN, "Desk fan", Buying(lead_time_days=14), cost="20.00", price="39.00")
    shop.catalogue.add_product(OLD, "Old radio", cost="15.00", price="25.00")
    shop.catalogue.add_supplier("Breeze Ltd")
    shop.receiving.receive_units(supplier="Breeze Ltd", sku=FAN, serials=serials("F", 190), at=day(100))
    shop.receiving.receive_units(supplier="Makita Europe", sku=DRL, serials=serials("D", 33), at=day(100))
    shop.receiving.receive_units(supplier="Makita Europe", sku=OLD, serials=serials("R", 6), at=day(200))
    shop.sales.sell_items("Jane Smith", [f"{OLD}:R0005"], at=day(120))
    fans = iter(serials("F", 180))
    for n in range(89, -1, -1):  # 90 days, today included (09:00 UTC, before the clock's 10:00)
        shop.sales.sell_items("Jane Smith", [f"{FAN}:{next(fans)}", f"{FAN}:{next(fans)}"], at=day(n))
    for n, serial in zip(range(88, 0, -7), serials("D", 13), strict=True):  # 13 in the last 90 days
        shop.sales.sell_items("Jane Smith", [f"{DRL}:{serial}"], at=day(n))
    return shop


def test_a_product_selling_2_a_day_with_14_days_lead_time_and_10_in_stock_is_at_the_top(buyer: Services) -> None:
    report = buyer.reorder.advice()
    top = report.lines[0]
    assert [ln.sku for ln in report.lines][:1] == [FAN]
    assert (top.on_hand, top.on_order, top.sold_30, top.sold_90) == (10, 0, 60, 180)
    assert (top.per_day_30, top.per_day_90, top.daily_demand, top.trend) == (Decimal("2.00"), Decimal("2.00"),
                                                                             Decimal("2.00"), "steady")
    assert (top.lead_time_days, top.lead_time_source) == (14, "product")
    # σ = 0 (the same every day): no safety stock; ROP = 2 × 14; order to 2 × (14 + 30) − 10
    assert (top.safety_stock, top.reorder_point, top.days_of_cover) == (0, 28, Decimal("5.0"))
    assert (top.suggested_qty, top.flag, top.supplier) == (78, "reorder", "Breeze Ltd")
    assert top.advice == "order 78 now: 5.0 days of stock left"
    assert top.turnover is not None and top.mean_days_in_stock == Decimal("100.0")


def test_dead_stock_is_flagged_do_not_reorder_and_comes_last(buyer: Services) -> None:
    lines = {ln.sku: ln for ln in buyer.reorder.advice().lines}
    old, drill = lines[OLD], lines[DRL]
    assert (old.flag, old.suggested_qty, old.on_hand, old.sold_90) == ("dead_stock", 0, 5, 0)
    assert old.advice.startswith("do not reorder")
    assert [ln.sku for ln in buyer.reorder.advice().lines][-1] == OLD
    # DRL: 13 in 90 days, 4 in the last 30 (days 4, 11, 18, 25 ago): (2 × 4/30 + 13/90) ÷ 3; 20 in stock
    assert (drill.sold_30, drill.sold_90, drill.on_hand) == (4, 13, 20)
    assert drill.daily_demand == Decimal("0.14") and drill.flag == "ok" and drill.lead_time_source == "default"


def test_a_slow_mover_is_not_reordered(buyer: Services) -> None:
    buyer.receiving.receive_units(supplier="Makita Europe", sku=DRL, serials=serials("D", 20, 100), at=day(1))
    drill = next(ln for ln in buyer.reorder.advice().lines if ln.sku == DRL)
    assert drill.on_hand == 40 and drill.days_of_cover is not None and drill.days_of_cover > 180
    assert (drill.flag, drill.suggested_qty) == ("slow_mover", 0)


def test_on_order_and_the_lead_time_measured_from_the_po_change_the_advice(buyer: Services, app: App,
                                                                           clock: Clock) -> None:
    purchasing = PurchasingService(app.uows, buyer.actor, clock)
    clock.now = day(40, 8)
    done = purchasing.add_order("Breeze Ltd", [(FAN, 5, "19.50", None)])
    clock.now = TODAY
    purchasing.receive(done.number, serials("G", 5), at=day(30, 8))  # 10 days after it was ordered
    purchasing.add_order("Breeze Ltd", [(FAN, 40, "19.50", None)])  # open: 40 on order
    top = buyer.reorder.advice().lines[0]
    assert top.sku == FAN and (top.on_hand, top.on_order) == (15, 40)
    assert (top.lead_time_days, top.lead_time_source, top.unit_cost) == (10, "measured", Decimal("19.50"))
    # ROP = 2 × 10 = 20 < 15 + 40 on order: nothing more to order yet
    assert (top.reorder_point, top.flag, top.suggested_qty) == (20, "ok", 0)


def test_suggestions_round_up_to_the_pack_size_and_follow_the_service_level(buyer: Services) -> None:
    buyer.product_settings.set_product(FAN, Buying(pack_size=12))
    fan = buyer.reorder.advice().lines[0]
    assert (fan.pack_size, fan.suggested_qty) == (12, 84)  # 78 → 7 packs of 12
    buyer.product_settings.set_product(DRL, Buying(service_level="99 %", lead_time_days=120))
    drill = next(ln for ln in buyer.reorder.advice().lines if ln.sku == DRL)
    assert (drill.service_level, drill.lead_time_days) == (Decimal("0.9900"), 120)
    # 13 sold on single days of 90: σ = √(13/90 × 77/90); SS = ⌈2.326 × σ × √120⌉; ROP = ⌈0.137 × 120⌉ + SS
    sigma = math.sqrt(13 / 90 * 77 / 90)
    assert drill.safety_stock == math.ceil(2.3263479 * sigma * math.sqrt(120)) == 9
    assert drill.reorder_point == math.ceil((2 * 4 / 30 + 13 / 90) / 3 * 120) + 9 == 26
    assert drill.flag == "reorder" and drill.suggested_qty == math.ceil((2 * 4 / 30 + 13 / 90) / 3 * 150) + 9 - 20


def test_stock_and_sales_of_one_location(buyer: Services, app: App, clock: Clock) -> None:
    from serialdesk.services.locations import LocationService

    LocationService(app.uows, buyer.actor, clock).add_location("Back store")
    empty = buyer.reorder.advice("back store")
    assert empty.location == "Back store"
    assert all(ln.on_hand == 0 and ln.sold_90 == 0 for ln in empty.lines)
    with pytest.raises(NotFound, match="no location 'Attic'"):
        buyer.reorder.advice("Attic")


def test_draft_purchase_orders_one_per_supplier_in_one_go(buyer: Services, app: App) -> None:
    buyer.product_settings.set_product(DRL, Buying(lead_time_days=200))
    drafts = buyer.reorder.draft_orders()
    assert [(o.supplier, o.lines) for o in drafts.orders] == [("Breeze Ltd", ((FAN, 78),)),
                                                              ("Makita Europe", ((DRL, drafts.orders[1].lines[0][1]),))]
    assert drafts.orders[0].total_cost == Decimal("1560.00") and drafts.orders[0].number.startswith("PO-")
    again = buyer.reorder.advice().lines
    assert all(ln.suggested_qty == 0 for ln in again)  # what was drafted is on order now
    with pytest.raises(DomainError, match="Nothing needs ordering"):
        buyer.reorder.draft_orders()


def test_draft_orders_are_all_or_nothing(buyer: Services, app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    buyer.product_settings.set_product(DRL, Buying(lead_time_days=200))
    real = PurchasingService._add_line
    calls = []

    def second_fails(self, s, po, sku, *rest):  # type: ignore[no-untyped-def]
        calls.append(sku)
        if len(calls) == 2:
            raise DomainError("the line could not be added", code="boom")
        return real(self, s, po, sku, *rest)

    monkeypatch.setattr(PurchasingService, "_add_line", second_fails)
    with pytest.raises(DomainError, match="could not be added"):
        buyer.reorder.draft_orders()
    with app.uows.reading() as uow:
        assert uow.session.scalar(select(func.count(PurchaseOrder.id))) == 0


def test_only_managers_see_the_advice(buyer: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    clerk = as_user("clerk9", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.reorder.advice()


def test_an_empty_shop_has_nothing_to_advise(admin: Services) -> None:
    assert admin.reorder.advice().lines == ()


def test_two_buyers_drafting_at_once_order_once(buyer: Services, app: App, clock: Clock) -> None:
    import threading

    from serialdesk.services.reorder import ReorderService

    results: list[object] = []
    start = threading.Barrier(2)

    def draft() -> None:
        service = ReorderService(app.uows, buyer.actor, clock)
        start.wait()
        try:
            results.append(service.draft_orders())
        except DomainError as refused:
            results.append(refused.code)

    threads = [threading.Thread(target=draft) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(type(r).__name__ for r in results) == ["DraftOrders", "str"]  # one drafted, one was told
    assert "nothing_to_order" in results
    with app.uows.reading() as uow:
        assert uow.session.scalar(select(func.count(PurchaseOrder.id))) == 1
    fan = buyer.reorder.advice().lines
    assert next(ln for ln in fan if ln.sku == FAN).on_order == 78
