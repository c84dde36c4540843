"""The counter's calls compile nothing after their first time: a statement SQLAlchemy cannot cache is compiled
anew on every call (the daily summaries' ``INSERT … ON CONFLICT`` once cost ~10 ms of every scan and sale)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.engine.interfaces import CacheStats

from serialdesk.bootstrap import Services
from serialdesk.services.purchasing import PurchasingService


@contextmanager
def compiled_anew(shop: Services) -> Iterator[list[str]]:
    """The statements compiled (not taken from SQLAlchemy's cache) while the block runs."""
    seen: list[str] = []
    engine = shop.lookup.uows.engine

    def look(conn, cursor, statement, parameters, context: DefaultExecutionContext,  # type: ignore[no-untyped-def]
             executemany) -> None:
        if context is not None and context.compiled is not None and context.cache_hit is not CacheStats.CACHE_HIT:
            seen.append(f"{context.cache_hit.name}: {statement[:200]}")

    event.listen(engine, "before_cursor_execute", look)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", look)


def _scan(shop: Services) -> Callable[[int], object]:
    receipt = shop.receiving.open_receipt("Makita Europe")
    return lambda n: shop.receiving.add_scan(receipt.id, "DRL-18V", f"CS{n:04d}", lot="L1")


def _sell(shop: Services) -> Callable[[int], object]:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=[f"SL{n:04d}" for n in range(4)])
    return lambda n: shop.sales.sell_items("Jane Smith", [f"SL{n:04d}"])


def _passport(shop: Services) -> Callable[[int], object]:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["PP1"])
    shop.sales.sell_items("Jane Smith", ["PP1"])
    return lambda n: shop.lookup.passport("DRL-18V:PP1")


def _ticket(shop: Services) -> Callable[[int], object]:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=[f"TK{n}" for n in range(4)])
    shop.sales.sell_items("Jane Smith", [f"TK{n}" for n in range(4)])
    return lambda n: shop.service_desk.open_ticket(f"TK{n}", "does not start")


def _po_scan(shop: Services) -> Callable[[int], object]:
    buying = PurchasingService(shop.receiving.uows, shop.actor, shop.receiving.clock)
    order = buying.add_order("Makita Europe", [("DRL-18V", 10, "70.00", None)])
    buying.load_notice(order.number, [{"serial": f"PS{n}", "lot": "L7"} for n in range(10)])
    return lambda n: buying.receive(order.number, [f"PS{n}"])


Action = Callable[[Services], Callable[[int], object]]


@pytest.mark.parametrize("action", [_scan, _sell, _passport, _ticket, _po_scan],
                         ids=["scan onto a draft", "sell one unit", "passport", "open a ticket", "scan against a PO"])
def test_the_second_call_compiles_nothing(shop: Services, action: Action) -> None:
    call = action(shop)
    call(0)
    call(1)  # warm: the first calls fill SQLAlchemy's cache
    with compiled_anew(shop) as seen:
        call(2)
    assert seen == []
