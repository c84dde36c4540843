"""EPCIS export, continued (issue 16): assemblies as AggregationEvents, locations named by their GLN, and
--from/--to as the shop's local days. Every document validates against GS1's schema and expands offline."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.epcis import EpcisExport
from serialdesk.services.locations import LocationService, clean_gln
from tests.integration.test_epcis_export import check_document

BAT = "09506000134352"
GLN = "9506000134352"  # GS1's example GLN (company prefix 95060001343)


def export(app: App, shop: Services, tmp_path: Path, **filters: Any) -> list[dict[str, Any]]:
    out = tmp_path / "out.jsonld"
    EpcisExport(app.uows, shop.actor, app.clock).export(out, **filters)
    return list(check_document(out)["epcisBody"]["eventList"])


@pytest.fixture
def bench(shop: Services) -> Services:
    c = shop.catalogue
    c.add_product("EBIKE", "E-bike city", price="1999.00", gtin="09506000134369")
    c.add_product("BAT-500", "Battery 500 Wh", cost="180.00", price="399.00", gtin=BAT)
    c.add_product("FRAME", "Frame", cost="100.00", price="200.00")
    c.set_part("EBIKE", "BAT-500")
    c.set_part("EBIKE", "FRAME")
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-500", serials=["BP1", "BP2", "BP3"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="FRAME", serials=["F1", "F2"])
    return shop


def test_a_build_is_an_aggregation_add_and_a_swap_and_a_disassembly_deletes(
        app: App, bench: Services, clock: Any, tmp_path: Path) -> None:
    bench.assembly.assemble("EBIKE", "VX1", parts=["BP1", "F1"])
    bench.sales.sell_items("Jane Smith", ["VX1"])
    clock.advance(days=2)
    ticket = bench.service_desk.open_ticket("VX1", "Battery weak")
    bench.service_desk.swap_part(ticket.id, out="BP1", into="BP2")
    clock.advance(days=1)
    bench.service_desk.close_ticket(ticket.id, "New battery")
    bench.assembly.assemble("EBIKE", "VX2", parts=["BP3", "F2"])
    clock.advance(days=1)
    bench.assembly.disassemble("VX2")
    events = export(app, bench, tmp_path)
    aggregations = [(e["action"], e["bizStep"], e["parentID"], e["childEPCs"]) for e in events
                    if e["type"] == "AggregationEvent"]
    host, other = "urn:epc:id:sgtin:95060001343.06.VX1", "urn:epc:id:sgtin:95060001343.06.VX2"
    bp1, bp2, bp3 = (f"urn:epc:id:sgtin:95060001343.05.BP{n}" for n in (1, 2, 3))
    assert aggregations == [
        ("ADD", "assembling", host, [bp1, "urn:serialdesk:shop:unit:FRAME:F1"]),
        ("DELETE", "repairing", host, [bp1]),
        ("ADD", "repairing", host, [bp2]),
        ("ADD", "assembling", other, [bp3, "urn:serialdesk:shop:unit:FRAME:F2"]),
        ("DELETE", "disassembling", other, [bp3, "urn:serialdesk:shop:unit:FRAME:F2"]),
    ]
    build = next(e for e in events if e["type"] == "AggregationEvent")
    assert build["bizTransactionList"] == [{"type": "prodorder",
                                            "bizTransaction": "urn:serialdesk:shop:build:BLD-0001"}]
    # One unit's history (the passport's export) carries its builds too.
    one = tmp_path / "vx1.jsonld"
    EpcisExport(app.uows, bench.actor, app.clock).unit(one, "EBIKE", "VX1")
    assert sum(e["type"] == "AggregationEvent" for e in check_document(one)["epcisBody"]["eventList"]) == 3


def test_a_location_with_a_gln_is_named_by_its_sgln(app: App, shop: Services, tmp_path: Path) -> None:
    places = LocationService(app.uows, shop.actor, app.clock)
    places.add_location("Back store", gln=GLN)
    places.add_location("Workshop")
    shop.catalogue.add_product("BAT-GS", "Battery", gtin=BAT)
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-GS", serials=["A1"], location="Back store")
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-GS", serials=["A2"], location="Workshop")
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-GS", serials=["A3"])
    shop.sales.sell_items("Jane Smith", ["A1"])
    where = [(e["epcList"][0].rsplit(".", 1)[1], e["bizStep"], e["readPoint"]["id"], e["bizLocation"]["id"])
             for e in export(app, shop, tmp_path)]
    assert where == [
        ("A1", "receiving", "urn:epc:id:sgln:95060001343.5.0", "urn:epc:id:sgln:95060001343.5.0"),
        ("A2", "receiving", "urn:serialdesk:shop:loc:till-1", "urn:serialdesk:shop:loc:Workshop"),
        ("A3", "receiving", "urn:serialdesk:shop:loc:till-1", "urn:serialdesk:shop:loc:Shop%20floor"),
        ("A1", "retail_selling", "urn:serialdesk:shop:loc:till-1", "urn:serialdesk:shop:loc:shop"),
    ]
    # Set later, or taken away: the export names the place as it is known now.
    places.set_gln("Workshop", "4012345000009")
    places.set_gln("Back store", "")
    again = export(app, shop, tmp_path)
    assert again[1]["bizLocation"]["id"] == "urn:epc:id:sgln:4012345.00000.0"
    assert again[0]["bizLocation"]["id"] == "urn:serialdesk:shop:loc:Back%20store"
    assert [v.gln for v in places.locations() if v.name == "Workshop"] == ["4012345000009"]


@pytest.mark.parametrize(("text", "code"), [("950600013435", "bad_gln"), ("9506000134353", "bad_gln_check"),
                                           ("95060001343x2", "bad_gln")])
def test_a_wrong_gln_is_refused_in_words(text: str, code: str) -> None:
    with pytest.raises(DomainError) as refused:
        clean_gln(text)
    assert refused.value.code == code and "GLN" in refused.value.message


def test_a_gln_names_one_location(app: App, shop: Services) -> None:
    places = LocationService(app.uows, shop.actor, app.clock)
    places.add_location("Back store", gln=GLN)
    with pytest.raises(DomainError, match="already that of location 'Back store'"):
        places.add_location("Cellar", gln=GLN)
    with pytest.raises(DomainError, match="takes no GLN"):
        places.set_gln("In transit", "4012345000009")
    assert [v.name for v in places.locations() if v.name == "Cellar"] == []


@pytest.fixture
def in_new_york() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_from_and_to_are_the_shops_local_days(app: App, shop: Services, clock: Any, tmp_path: Path,
                                              in_new_york: None) -> None:
    # 03:00 UTC on 4 March is still 3 March in New York (22:00): it belongs to the shop's 3 March.
    clock.now = clock.now.replace(day=4, hour=3)
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["N1"])
    march_3, march_4 = date(2026, 3, 3), date(2026, 3, 4)
    assert len(export(app, shop, tmp_path, since=march_3, until=march_3)) == 1
    assert export(app, shop, tmp_path, since=march_4, until=march_4) == []
    event = export(app, shop, tmp_path, since=march_3 - timedelta(days=1))[0]
    assert (event["eventTime"], event["eventTimeZoneOffset"]) == ("2026-03-03T22:00:00.000-05:00", "-05:00")
