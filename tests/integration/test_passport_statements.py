"""A passport is a scan-time answer: on PostgreSQL every statement is a round trip, so a plain sold unit's passport
asks only what it has (no ticket, recall, part or host statements when the unit has none of them) — and a unit
that has them still shows them all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from serialdesk.bootstrap import Services


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
