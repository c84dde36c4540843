"""Building a unit is a bench action with a 20 ms budget on PostgreSQL (issue 14), where every statement is a
round trip: the host's slots are read first, so the parts' scans are classified without asking for their products
again, the parts are found in one statement, the ledger rows go in one INSERT — and every refusal still says what
it said when each part was looked up on its own."""

from __future__ import annotations

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, NotFound
from tests.integration.test_passport_statements import statements


def _parts_in_stock(shop: Services) -> None:
    cat = shop.catalogue
    for sku, name in (("BAT-1", "Battery"), ("MOT-1", "Motor"), ("FRM-1", "Frame")):
        cat.add_product(sku, name, cost="50.00")
    cat.add_product("BIKE-1", "E-bike", cost="0", price="999.00", warranty_months=24)
    for part in ("BAT-1", "MOT-1", "FRM-1"):
        cat.set_part("BIKE-1", part, 1)
        shop.receiving.receive_units(supplier="Makita Europe", sku=part, lot="L1",
                                     serials=[f"{part[0]}{n}" for n in range(1, 4)])


@pytest.mark.parametrize("named", ["sku", "bare"])
def test_assembling_a_bike_from_three_parts_asks_each_thing_once(shop: Services, named: str) -> None:
    _parts_in_stock(shop)
    refs = {"sku": ["BAT-1:B{n}", "MOT-1:M{n}", "FRM-1:F{n}"], "bare": ["B{n}", "M{n}", "F{n}"]}[named]
    shop.assembly.assemble("BIKE-1", "H1", parts=[r.format(n=1) for r in refs])  # warm
    with statements(shop) as sent:
        built = shop.assembly.assemble("BIKE-1", "H2", parts=[r.format(n=2) for r in refs])
    seen = [" ".join(s.split()).upper() for s in sent]
    assert [p.serial for p in built.parts] == ["B2", "M2", "F2"] and built.host.serial == "H2"
    products = [s for s in seen if s.startswith("SELECT PRODUCTS.")]
    assert len(products) == (2 if named == "sku" else 3), products  # the host, its slots, the scans: SKUs?
    parts = [s for s in seen if s.startswith("SELECT ITEMS.") and "JOIN PRODUCTS" in s
             and "ITEMS.SERIAL" in s.split("WHERE", 1)[-1]]
    assert len(parts) == 1, parts
    assert len([s for s in seen if s.startswith("INSERT INTO EVENTS")]) == 1
    postgres = shop.assembly.uows.engine.dialect.name == "postgresql"
    # SQLite: + BEGIN and the summaries one by one; PostgreSQL: + the SET LOCAL for the upsert's generic plan
    most = 14 + (named == "bare") + (1 if postgres else 4)
    assert len(seen) <= most, "\n".join(s[:120] for s in seen)


def test_a_bad_part_among_good_ones_is_refused_as_before(shop: Services) -> None:
    _parts_in_stock(shop)
    shop.catalogue.add_product("SAW-1", "Saw", cost="10.00")
    shop.receiving.receive_units(supplier="Makita Europe", sku="SAW-1", serials=["B3"])  # B3: a battery too
    with pytest.raises(NotFound, match="No unit with serial Z9 is known here"):
        shop.assembly.assemble("BIKE-1", "H1", parts=["B1", "Z9", "F1"])
    with pytest.raises(NotFound, match=r"Serial M9 is not a MOT-1 unit|No unit with serial M9 of product MOT-1"):
        shop.assembly.assemble("BIKE-1", "H1", parts=["BAT-1:B1", "MOT-1:M9"])
    with pytest.raises(DomainError, match="exists for several products") as ambiguous:
        shop.assembly.assemble("BIKE-1", "H1", parts=["B3", "M1"])
    assert ambiguous.value.code == "ambiguous_serial"
    with pytest.raises(DomainError) as twice:
        shop.assembly.assemble("BIKE-1", "H1", parts=["B1", "BAT-1:B1"])
    assert twice.value.code == "part_scanned_twice"
    with pytest.raises(DomainError) as other:
        shop.assembly.assemble("BIKE-1", "H1", parts=["SAW-1:B3"])
    assert other.value.code != "ambiguous_serial"  # named by its SKU: the saw, refused as no slot of the bike
    assert shop.lookup.passport("BAT-1:B1").status == "in_stock"  # nothing was built
    built = shop.assembly.assemble("BIKE-1", "H1", parts=["bat-1:b1", "M1", "FRM-1:F1"])
    assert [p.serial for p in built.parts] == ["B1", "M1", "F1"]
