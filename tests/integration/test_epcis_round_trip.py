"""Issue 16's 'done when', at the command line: a supplier's EPCIS shipment of 50 SGTINs is imported as a purchase
order's notice, the units are received by scanning their Digital Link labels, sold, one repaired; the exported
EPCIS document validates against GS1's schema and lists, for each unit, receiving → selling → repairing with the
right EPC, times and transactions."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from serialdesk.domain.scan import digital_link
from tests.integration.test_epcis_export import check_document
from tests.integration.test_scan_meaning import cli

BAT = "09506000134352"  # company prefix 95060001343, item reference 05 (indicator 0)
GLN = "9506000134352"


def _to_ms(at: datetime) -> datetime:
    """As EPCIS writes times: to the millisecond."""
    return at.replace(microsecond=at.microsecond // 1000 * 1000)


def asn(epcs: list[str]) -> dict[str, Any]:
    """A supplier's shipping notice as EPCIS: the shipment, plus what a real file also carries."""
    ship = {"type": "ObjectEvent", "eventTime": "2026-03-08T16:00:00.000+01:00", "eventTimeZoneOffset": "+01:00",
            "epcList": epcs, "action": "OBSERVE", "bizStep": "shipping",
            "disposition": "in_transit", "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"},
            "quantityList": [{"epcClass": "urn:epc:class:lgtin:95060001343.05.L1", "quantity": 4}],
            "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epc:id:gdti:0614141.00001.1618034"}]}
    packed = {"type": "AggregationEvent", "eventTime": "2026-03-08T15:00:00.000+01:00",
              "eventTimeZoneOffset": "+01:00", "parentID": "urn:epc:id:sscc:0614141.1234567890",
              "childEPCs": epcs[:2], "action": "ADD", "bizStep": "packing"}
    return {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
            "schemaVersion": "2.0", "creationDate": "2026-03-08T16:05:00Z",
            "epcisBody": {"eventList": [packed, ship]}}


def test_a_supplier_shipment_received_by_digital_link_sold_and_repaired_round_trips(sqlite_url: str,
                                                                                    tmp_path: Path) -> None:
    db = sqlite_url
    cli(db, "product", "add", "BAT-GS", "--name", "Battery pack", "--gtin", BAT, "--serial-case", "preserve",
        "--price", "99.00", check=0)
    cli(db, "supplier", "add", "Acme", check=0)
    cli(db, "customer", "add", "Jane Smith", check=0)
    cli(db, "location", "add", "Back store", "--gln", GLN, check=0)
    cli(db, "po", "add", "--supplier", "Acme", "--line", "BAT-GS:50:40.00", check=0)
    serials = [f"SN/{n:03d}" for n in range(1, 51)]
    sgtin = {s: f"urn:epc:id:sgtin:95060001343.05.SN%2F{s[3:]}" for s in serials}
    notice = tmp_path / "asn.jsonld"
    notice.write_text(json.dumps(asn(list(sgtin.values()))), encoding="utf-8")

    loaded = cli(db, "po", "notice", "PO-0001", str(notice), check=0)
    assert "50 expected serial(s) loaded" in loaded.stdout
    assert "1 × AggregationEvent (not a shipment of units)" in loaded.stdout
    assert "quantityList of a shipping event ignored" in loaded.stdout

    labels = [digital_link(BAT, s) for s in serials]  # what the units' Digital Link QR labels say
    # Now, not back-dated: a receipt against a PO is never dated before the PO (which the CLI makes now).
    got = json.loads(cli(db, "receive", "--po", "PO-0001", "--location", "Back store", *labels, "--json",
                         check=0).stdout)
    assert (got["received"], got["ordered"], got["not_on_notice"]) == (50, 50, [])
    order = json.loads(cli(db, "po", "show", "PO-0001", "--json", check=0).stdout)
    assert order["expected_missing"] == [] and len(order["expected_received"]) == 50
    cli(db, "sell", "--customer", "Jane Smith", *labels, check=0)
    unit = json.loads(cli(db, "lookup", labels[0], "--json", check=0).stdout)  # one receipt, one sale: their times
    cli(db, "ticket", "open", labels[6], "--problem", "Will not charge", check=0)

    out = tmp_path / "history.jsonld"
    done = json.loads(cli(db, "export", "epcis", str(out), "--json", check=0).stdout)
    events = check_document(out)["epcisBody"]["eventList"]
    assert done["events"] == len(events) == 101
    story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        story[event["epcList"][0]].append(event)
    assert set(story) == set(sgtin.values())
    received_at, sold_at = (_to_ms(datetime.fromisoformat(unit[k])) for k in ("received_at", "sold_at"))
    assert received_at <= sold_at
    for serial, epc in sgtin.items():
        steps = story[epc]
        assert [e["bizStep"] for e in steps] == ["receiving", "retail_selling"] + (
            ["repairing"] if serial == "SN/007" else [])
        receiving, selling = steps[0], steps[1]
        assert datetime.fromisoformat(receiving["eventTime"]) == received_at
        assert datetime.fromisoformat(selling["eventTime"]) == sold_at
        assert receiving["bizTransactionList"] == [
            {"type": "recadv", "bizTransaction": "urn:serialdesk:shop:receipt:R-0001"},
            {"type": "po", "bizTransaction": "urn:serialdesk:shop:purchase_order:PO-0001"}]
        assert receiving["bizLocation"] == {"id": "urn:epc:id:sgln:95060001343.5.0"}
        assert selling["bizTransactionList"] == [{"type": "inv", "bizTransaction": "urn:serialdesk:shop:sale:S-0001"}]
    repair = story[sgtin["SN/007"]][2]
    assert (repair["disposition"], repair["action"]) == ("in_progress", "OBSERVE")
    assert datetime.fromisoformat(repair["eventTime"]) > sold_at


def test_the_cli_reads_epcis_checklists_and_refuses_bad_documents_in_one_line(sqlite_url: str,
                                                                              tmp_path: Path) -> None:
    db = sqlite_url
    cli(db, "product", "add", "BAT-GS", "--name", "Battery pack", "--gtin", BAT, check=0)
    cli(db, "supplier", "add", "Acme", check=0)
    doc = tmp_path / "asn.jsonld"
    doc.write_text(json.dumps(asn(["urn:epc:id:sgtin:95060001343.05.B1", "urn:epc:id:sgtin:95060001343.05.B2"])),
                   encoding="utf-8")
    got = cli(db, "receive", "--supplier", "Acme", "--sku", "BAT-GS", "--expected", str(doc), "B1", "B3", check=0)
    assert "Missing (expected, not received): B2" in got.stdout
    assert "Unexpected (received, not on the list): B3" in got.stdout
    assert "1 × AggregationEvent (not a shipment of units)" in got.stdout
    bad = asn(["urn:epc:id:sgtin:95060001343.05.B9"])
    bad["epcisBody"]["eventList"][1]["action"] = "SHIPPED"
    doc.write_text(json.dumps(bad), encoding="utf-8")
    cli(db, "po", "add", "--supplier", "Acme", "--line", "BAT-GS:5:40.00", check=0)
    refused = cli(db, "po", "notice", "PO-0001", str(doc))
    assert refused.returncode == 3 and "Traceback" not in refused.stderr
    assert refused.stderr.strip().splitlines() == [
        "asn.jsonld is not an EPCIS 2.0 document GS1's schema accepts: at epcisBody.eventList[1].action, "
        "\"SHIPPED\" is not one of ADD, DELETE, OBSERVE."]
    wrong = cli(db, "location", "set", "Shop floor", "--gln", "9506000134353")
    assert wrong.returncode == 3 and "wrong check digit" in wrong.stderr
    shown = cli(db, "location", "set", "Shop floor", "--gln", GLN, check=0)
    assert f"GLN {GLN}" in shown.stdout and f"GLN {GLN}" in cli(db, "location", "list", check=0).stdout
    on_po = cli(db, "receive", "--po", "PO-0001", "--expected", str(doc), "B1")
    assert on_po.returncode == 2 and "po notice PO-0001" in on_po.stderr
