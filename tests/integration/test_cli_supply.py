"""The supply chain at the command line (issue 15): locations, moves, a station's default place, stock by place."""

from __future__ import annotations

import pytest

from tests.integration.test_cli import as_json, run


@pytest.fixture
def store(sqlite_url: str) -> str:
    run(sqlite_url, "product", "add", "DRL-18V", "--name", "Drill", "--cost", "80", "--warranty-months", "24")
    run(sqlite_url, "supplier", "add", "Makita Europe")
    run(sqlite_url, "customer", "add", "Jane Smith")
    run(sqlite_url, "location", "add", "Back store")
    run(sqlite_url, "location", "add", "Aarhus", "--branch", "Aarhus")
    return sqlite_url


def test_locations_moves_and_stock_by_location(store: str, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    listed = as_json(run(store, "location", "list", "--json"))
    assert [(v["name"], v["default"]) for v in listed][:1] == [("Shop floor", True)]
    assert {v["name"] for v in listed} == {"Shop floor", "Back store", "Aarhus", "In transit"}
    run(store, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "SN1", "SN2")
    run(store, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "--location", "Back store", "SN3")
    # The station's default place: from the environment, or from its settings file (the GUI's Settings).
    monkeypatch.setenv("SERIALDESK_LOCATION", "Aarhus")
    run(store, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "SN4")
    monkeypatch.delenv("SERIALDESK_LOCATION")
    settings = tmp_path / "station.ini"
    settings.write_text("[General]\nlocation=Back store\n", encoding="utf-8")
    monkeypatch.setenv("SERIALDESK_CONFIG", str(settings))
    run(store, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "SN5")
    assert as_json(run(store, "lookup", "SN4", "--json"))["location"] == "Aarhus"
    assert as_json(run(store, "lookup", "SN5", "--json"))["location"] == "Back store"

    moved = as_json(run(store, "move", "SN1", "DRL-18V:SN2", "--to", "back store", "--json"))
    assert [(u["serial"], u["from_location"]) for u in moved["units"]] == [("SN1", "Shop floor"),
                                                                          ("SN2", "Shop floor")]
    passport = run(store, "lookup", "SN1")
    assert "location  Back store   journey Shop floor → Back store" in passport.stdout
    assert "Moved from Shop floor to Back store" in passport.stdout
    report = as_json(run(store, "report", "stock", "--by", "location", "--json"))
    assert [(p["location"], p["in_stock"]) for p in report["locations"]] == [("Back store", 4), ("Aarhus", 1)]
    assert report["total_units"] == 5 and report["total_value"] == "400.00"
    assert "Back store" in run(store, "report", "stock", "--by", "location").stdout

    refused = run(store, "move", "SN1", "--to", "Aarhus", check=3)
    assert "between branches units go on a transfer" in refused.stderr and refused.stdout == ""
    unknown = run(store, "move", "SN1", "--to", "Cellar", check=4)
    assert "There is no location 'Cellar'" in unknown.stderr
    renamed = as_json(run(store, "location", "rename", "Back store", "Stock room", "--json"))
    assert renamed["in_stock"] == 4
    assert as_json(run(store, "lookup", "SN1", "--json"))["location"] == "Stock room"
    till = run(store, "user", "add", "till1", "--role", "counter", "--pin", "2468")
    assert till.returncode == 0
    assert "may not" in run(store, "move", "SN1", "--to", "Shop floor", user="till1", pin="2468", check=3).stderr
