"""The supply chain at the command line (issue 15): locations, moves, a station's default place, stock by place."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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


def _station(db: str, station: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SERIALDESK_DB": db, "SERIALDESK_PIN": "1234", "SERIALDESK_STATION": station}
    env.pop("SERIALDESK_USER", None)
    return subprocess.Popen([sys.executable, "-m", "serialdesk", *args], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_stations_as_two_processes_transfer_and_race_for_a_unit(db_url: str) -> None:
    db = db_url
    run(db, "product", "add", "BIKE", "--name", "E-bike", "--cost", "900")
    run(db, "supplier", "add", "Velo AG")
    run(db, "customer", "add", "Jane Smith")
    run(db, "location", "add", "Aarhus", "--branch", "Aarhus")
    run(db, "receive", "--supplier", "Velo AG", "--sku", "BIKE", *[f"B{n}" for n in range(1, 9)])
    assert as_json(run(db, "transfer", "open", "--from", "Shop floor", "--to", "Aarhus", "--json"))["number"] == \
        "TR-0001"
    # The shop scans out; the branch, another process at another station, scans in.
    shop = _station(db, "shop-1", "transfer", "out", "TR-0001", "B1", "B2", "B3", "--json")
    out, err = shop.communicate(timeout=120)
    assert shop.returncode == 0, err
    assert json.loads(out)["sent"] == 3
    assert "in transit" in run(db, "sell", "--customer", "Jane Smith", "B1", check=3).stderr
    branch = _station(db, "aarhus-1", "transfer", "in", "TR-0001", "B1", "B2", "--json")
    out, err = branch.communicate(timeout=120)
    assert branch.returncode == 0, err
    shown = as_json(run(db, "transfer", "show", "TR-0001", "--json"))
    assert (shown["received"], shown["short"], shown["extra"]) == (2, ["BIKE:B3"], [])
    assert as_json(run(db, "lookup", "B1", "--json"))["location"] == "Aarhus"
    run(db, "sell", "--customer", "Jane Smith", "B1")  # sold at the branch
    assert "did not arrive" in run(db, "transfer", "resolve", "TR-0001", check=3).stderr
    assert as_json(run(db, "transfer", "resolve", "TR-0001", "--short", "back", "--json"))["status"] == "resolved"

    # Two stations scan the same unit (B6) out at once, on two transfers: one wins whole, the other changes nothing.
    run(db, "transfer", "open", "--from", "Shop floor", "--to", "Aarhus")
    run(db, "transfer", "open", "--from", "Shop floor", "--to", "Aarhus")
    a = _station(db, "shop-1", "transfer", "scan", "TR-0002", "B4", "B5", "B6")
    b = _station(db, "shop-2", "transfer", "scan", "TR-0003", "B7", "B6")
    done = [(p, *p.communicate(timeout=120)) for p in (a, b)]
    codes = sorted(p.returncode for p, _, _ in done)
    assert codes == [0, 3], [(p.returncode, e) for p, _, e in done]
    loser_err = next(e for p, _, e in done if p.returncode == 3)
    assert "B6" in loser_err and "Traceback" not in loser_err
    two, three = (as_json(run(db, "transfer", "show", n, "--json")) for n in ("TR-0002", "TR-0003"))
    assert sorted([two["sent"], three["sent"]]) in ([0, 3], [0, 2]) and two["sent"] + three["sent"] in (2, 3)
    assert as_json(run(db, "location", "list", "--json"))[-1]["in_stock"] == two["sent"] + three["sent"]


def test_a_purchase_order_received_against_the_suppliers_notice(store: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run(store, "product", "add", "BIKE-7", "--name", "E-bike 7", "--cost", "999")
    run(store, "supplier", "add", "Velo AG")
    po = as_json(run(store, "po", "add", "--supplier", "Velo AG", "--line", "BIKE-7:20:410.00:2026-03-20", "--json"))
    assert (po["number"], po["status"], po["ordered"]) == ("PO-0001", "open", 20)
    notice = tmp_path / "asn.csv"
    notice.write_text("serial,lot\n" + "".join(f"VB{n:03d},L2611\n" for n in range(1, 21)), encoding="utf-8")
    assert as_json(run(store, "po", "notice", "PO-0001", str(notice), "--json"))["expected"] == 20
    first = run(store, "receive", "--po", "PO-0001", "--location", "Back store",
                *[f"VB{n:03d}" for n in range(1, 13)])
    assert "12 of 20 received" in first.stdout and "8 of BIKE-7 still to come" in first.stdout
    second = as_json(run(store, "receive", "--po", "PO-0001", *[f"VB{n:03d}" for n in range(13, 20)], "VB999",
                         "--json"))
    assert second["not_on_notice"] == ["VB999"] and (second["received"], second["ordered"]) == (20, 20)
    shown = as_json(run(store, "po", "show", "PO-0001", "--json"))
    assert shown["status"] == "closed" and shown["expected_missing"] == ["BIKE-7:VB020"]
    assert [(ln["ordered"], ln["received"]) for ln in shown["lines"]] == [(20, 20)]
    unit = as_json(run(store, "lookup", "VB001", "--json"))
    assert (unit["cost"], unit["lot"], unit["location"]) == ("410.00", "L2611", "Back store")

    run(store, "po", "add", "--supplier", "Velo AG")
    run(store, "po", "line", "PO-0002", "--sku", "BIKE-7", "--qty", "2", "--cost", "410")
    bad = tmp_path / "bad.csv"
    bad.write_text("serial,sku\nZ1,BIKE-7\nZ1,BIKE-7\nZ2,NOPE\n", encoding="utf-8")
    refused = run(store, "po", "notice", "PO-0002", str(bad), check=3)
    assert "line 2" in refused.stderr and "line 3" in refused.stderr and "line 4" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert "PO-0002" in run(store, "po", "list", "--open").stdout
    assert "is not a line" in run(store, "po", "add", "--supplier", "Velo AG", "--line", "BIKE-7:x", check=2).stderr


def test_receive_without_a_product_or_an_order_is_a_usage_error(store: str) -> None:
    for args in (["SN9"], ["--draft", "SN9"]):
        refused = run(store, "receive", "--supplier", "Makita Europe", *args, check=2)
        assert "Give --sku" in refused.stderr and "Traceback" not in refused.stderr
