"""A passport is a scan-time answer: on PostgreSQL every statement is a round trip, so a plain sold unit's passport
asks only what it has (no ticket, recall, part or host statements when the unit has none of them) — and a unit
that has them still shows them all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, NotFound


@contextmanager
def statements(shop: Services) -> Iterator[list[str]]:
    seen: list[str] = []
    engine = shop.lookup.uows.engine

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_a_plain_sold_units_passport_asks_six_statements_or_fewer(shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["P1"], lot="L1")
    shop.sales.sell_items("Jane Smith", ["P1"])
    shop.lookup.passport("DRL-18V:P1")  # warm: the first call may read the catalogue's settings
    with statements(shop) as seen:
        passport = shop.lookup.passport("DRL-18V:P1")
    asked = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    assert len(asked) <= 6, asked
    assert not any("fitments" in s.split("FROM", 1)[-1].split("WHERE", 1)[0] for s in asked[1:] if "EXISTS" not in s)
    assert (passport.customer is not None and passport.customer.name == "Jane Smith"
            and passport.supplier == "Makita Europe" and passport.supplier_warranty_status)
    assert [v.location for v in passport.journey] == ["Shop floor"]


def test_a_unit_with_a_ticket_a_recall_and_parts_still_shows_them(shop: Services) -> None:
    cat = shop.catalogue
    cat.add_product("BAT-1", "Battery", cost="50.00")
    cat.add_product("BIKE-1", "E-bike", cost="0", price="999.00", warranty_months=24)
    cat.set_part("BIKE-1", "BAT-1", 1)
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-1", serials=["B1"], lot="LB")
    shop.assembly.assemble("BIKE-1", "H1", parts=["BAT-1:B1"])
    shop.sales.sell_items("Jane Smith", ["BIKE-1:H1"])
    shop.service_desk.open_ticket("BIKE-1:H1", "rattles")
    host = shop.lookup.passport("BIKE-1:H1")
    assert [p.unit.serial for p in host.parts] == ["B1"]
    assert len(host.tickets) == 1
    part = shop.lookup.passport("BAT-1:B1")
    assert [w.serial for w in part.within] == ["H1"] and len(part.fitted_history) == 1


def _sent(shop: Services, call: Callable[[], object]) -> list[str]:
    """Every statement the engine sends for ``call`` — BEGIN too (SQLite's comes through the cursor; PostgreSQL's
    would be the driver's own, and a passport opens no transaction there: none at all)."""
    call()  # warm
    with statements(shop) as seen:
        call()
    return [" ".join(s.split())[:160] for s in seen]


def _bike(shop: Services) -> None:
    cat = shop.catalogue
    cat.add_product("BAT-1", "Battery", cost="50.00")
    cat.add_product("MOT-1", "Motor", cost="80.00")
    cat.add_product("BIKE-1", "E-bike", cost="0", price="999.00", warranty_months=24)
    cat.set_part("BIKE-1", "BAT-1", 1)
    cat.set_part("BIKE-1", "MOT-1", 1)
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-1", serials=["B1"], lot="LB")
    shop.receiving.receive_units(supplier="Makita Europe", sku="MOT-1", serials=["M1"], lot="LM")
    shop.assembly.assemble("BIKE-1", "H1", parts=["BAT-1:B1", "MOT-1:M1"])
    shop.sales.sell_items("Jane Smith", ["BIKE-1:H1"])


def test_a_sold_units_passport_is_one_statement_on_both_backends(shop: Services, db_url: str) -> None:
    """Issue 17: the unit, its product, lot, supplier, sale, buyer, the probes and the timeline in one statement,
    however the unit is named (bare serial, SKU:SERIAL, serial with its SKU), and nothing else on PostgreSQL."""
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["P1"], lot="L1")
    shop.sales.sell_items("Jane Smith", ["P1"])
    begin = [] if db_url.startswith("postgresql") else ["BEGIN"]
    for call in (lambda: shop.lookup.passport("P1"), lambda: shop.lookup.passport("DRL-18V:P1"),
                 lambda: shop.lookup.passport("P1", "drl-18v")):
        sent = _sent(shop, call)
        assert [s.split(" ", 1)[0] for s in sent] == [*begin, "SELECT"], sent
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["S1"], lot="L1")
    sent = _sent(shop, lambda: shop.lookup.passport("S1"))  # in stock: where it is rides along too
    assert [s.split(" ", 1)[0] for s in sent] == [*begin, "SELECT"], sent
    assert shop.lookup.passport("S1").location == "Shop floor"
    passport = shop.lookup.passport("p1")
    assert passport.serial == "P1" and passport.customer is not None and passport.customer.name == "Jane Smith"
    assert passport.lot == "L1" and [e.kind for e in passport.events] == ["received", "sold"]


def test_a_hosts_passport_is_its_statement_and_one_per_level_of_its_tree(shop: Services, db_url: str) -> None:
    """A sold bike with two parts (which hold none): the passport's statement, then its parts — no level below
    them, no ticket, recall, hold or host statements, as it has none of those."""
    _bike(shop)
    begin = [] if db_url.startswith("postgresql") else ["BEGIN"]
    sent = _sent(shop, lambda: shop.lookup.passport("H1", "BIKE-1"))
    assert [s.split(" ", 1)[0] for s in sent] == [*begin, "SELECT", "SELECT"], "\n".join(sent)
    assert sent[-1].startswith("SELECT fitments.host_item_id, fitments.fitted_at"), sent  # the tree's one level
    host = shop.lookup.passport("BIKE-1:H1")
    assert [p.unit.serial for p in host.parts] == ["B1", "M1"] and host.within == ()
    part = shop.lookup.passport("B1")
    assert [w.serial for w in part.within] == ["H1"] and part.status == "fitted"


def test_passports_the_one_statement_cannot_answer_still_say_what_is_wrong(shop: Services) -> None:
    shop.catalogue.add_product("IMP-18V", "Impact driver 18V", cost="60.00")
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["P1"], lot="L1")
    with pytest.raises(NotFound) as unknown:
        shop.lookup.passport("NOPE1")
    assert unknown.value.code == "unknown_serial"
    with pytest.raises(NotFound) as other:
        shop.lookup.passport("P1", "IMP-18V")
    assert other.value.code == "serial_of_other_product"
    with pytest.raises(DomainError) as product:
        shop.lookup.passport("DRL-18V")
    assert product.value.code == "product_not_unit"
