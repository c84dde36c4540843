"""A supplier's EPCIS 2.0 shipment as the expected serials (issue 16): the shipping ObjectEvents' SGTINs and
Digital Links become a purchase order's notice (the same checklist a CSV fills) or a receipt's checklist; what
does not apply is reported, a document GS1's schema refuses is refused in one sentence, nothing half-loaded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.documents.epcis_read import read_shipment
from serialdesk.domain.errors import DomainError
from serialdesk.services.epcis_import import EpcisNotices
from serialdesk.services.purchasing import PurchasingService
from tests.integration.test_epcis_export import STANDARD

EXAMPLES = sorted((STANDARD / "examples").glob("*.jsonld"))
WIDGET = "10614141073464"  # the GTIN of urn:epc:id:sgtin:0614141.107346.* in GS1's examples
LINKED = "70614141123451"  # the GTIN of the Digital Link example


def shipment(units: list[str], *, step: str = "shipping", extra: list[dict[str, Any]] | None = None,
             lot: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "ObjectEvent", "eventTime": "2026-03-01T09:00:00.000+01:00",
                             "eventTimeZoneOffset": "+01:00", "epcList": units, "action": "OBSERVE",
                             "bizStep": step, "disposition": "in_transit",
                             "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"}}
    if lot:  # instance/lot master data comes with action ADD (the schema refuses it on OBSERVE)
        event["ilmd"], event["action"] = {"cbvmda:lotNumber": lot}, "ADD"
    return {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
            "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00Z",
            "epcisBody": {"eventList": [event, *(extra or [])]}}


def write(tmp_path: Path, document: dict[str, Any], name: str = "asn.jsonld") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def supplier(app: App, admin: Services) -> tuple[EpcisNotices, PurchasingService]:
    admin.catalogue.add_product("WIDGET", "Widget", gtin=WIDGET, cost="5.00", price="9.00")
    admin.catalogue.add_product("LINKED", "Linked widget", gtin=LINKED, cost="5.00", price="9.00")
    admin.catalogue.add_product("DRL-18V", "Cordless drill", cost="80.00", price="129.90")
    admin.catalogue.add_supplier("Acme")
    buying = PurchasingService(app.uows, admin.actor, app.clock)
    buying.add_order("Acme", [("WIDGET", 10, "5.00", None), ("LINKED", 10, "5.00", None)])
    return EpcisNotices(app.uows, admin.actor, app.clock), buying


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_official_example_imports_without_error(example: Path, supplier: tuple[EpcisNotices, Any]) -> None:
    notices, buying = supplier
    done = notices.load_notice("PO-0001", example)
    assert done.events >= 1 and done.notes  # every example has something that is not a shipment of units
    expected = {"Example_9.6.1-ObjectEvent.jsonld": ["WIDGET:2017", "WIDGET:2018"],
                "Example_9.6.1-ObjectEventWithDigitalLink.jsonld": ["LINKED:2017", "LINKED:2018"]}
    assert list(buying.order("PO-0001").expected_missing) == expected.get(example.name, [])
    assert done.loaded == len(expected.get(example.name, []))


def test_the_examples_say_what_does_not_apply() -> None:
    notes = {p.name: read_shipment(p).notes for p in EXAMPLES}
    assert notes["Example_9.6.3-AggregationEvent.jsonld"] == ("1 × AggregationEvent (not a shipment of units)",)
    assert notes["Example_9.6.1-ObjectEvent.jsonld"] == (
        "1 × ObjectEvent with business step receiving (not shipping)",)


def test_sgtins_and_digital_links_with_lots_become_the_orders_notice_and_are_received(
        supplier: tuple[EpcisNotices, PurchasingService], tmp_path: Path) -> None:
    notices, buying = supplier
    units = [f"urn:epc:id:sgtin:0614141.107346.W{n}" for n in range(1, 4)]
    units += ["https://example.com/dl/01/70614141123451/10/LX9/21/L%2F1", "urn:epc:id:sscc:0614141.1234567890"]
    other = shipment(["urn:epc:id:sgtin:0614141.107346.R1"], step="receiving")
    other["epcisBody"]["eventList"][0]["quantityList"] = [{"epcClass": "urn:epc:class:lgtin:0614141.107346.L1",
                                                           "quantity": 3}]
    doc = shipment(units, lot="L-77", extra=[other["epcisBody"]["eventList"][0]])
    doc["epcisBody"]["eventList"][0]["quantityList"] = [{"epcClass": "urn:epc:class:lgtin:0614141.107346.L1",
                                                         "quantity": 3}]
    doc["epcisBody"]["eventList"].append({**shipment(["urn:epc:id:sgtin:4012345.011111.1"])["epcisBody"]
                                         ["eventList"][0]})
    done = notices.load_notice("PO-0001", write(tmp_path, doc))
    assert done.loaded == 4 and done.events == 3
    assert set(done.notes) == {
        "1 × ObjectEvent with business step receiving (not shipping)",
        "1 × quantityList of a shipping event ignored (quantities name no serials)",
        "1 × EPC of kind sscc (not a serialised product)",
        "1 × GTIN 04012345111118 (no product of this shop has it)",
    }
    order = buying.order("PO-0001")
    assert order.expected_missing == ("WIDGET:W1", "WIDGET:W2", "WIDGET:W3", "LINKED:L/1")
    got = buying.receive("PO-0001", ["W1", "W2"], sku="WIDGET")
    assert got.not_on_notice == ()
    linked = buying.receive("PO-0001", ["L/1"], sku="LINKED")
    assert linked.not_on_notice == ()
    with pytest.raises(DomainError, match="is already on this order's notice"):
        notices.load_notice("PO-0001", write(tmp_path, shipment(["urn:epc:id:sgtin:0614141.107346.W3"])))


def test_the_lot_comes_from_the_ilmd_or_the_link(supplier: tuple[EpcisNotices, PurchasingService], admin: Services,
                                                  tmp_path: Path) -> None:
    notices, buying = supplier
    notices.load_notice("PO-0001", write(tmp_path, shipment(["urn:epc:id:sgtin:0614141.107346.A1"], lot="l-5")))
    buying.receive("PO-0001", ["A1"], sku="WIDGET")
    assert admin.lookup.passport("A1").lot == "L-5"


def test_nothing_is_half_loaded(supplier: tuple[EpcisNotices, PurchasingService], admin: Services,
                                tmp_path: Path) -> None:
    notices, buying = supplier
    admin.receiving.receive_units(supplier="Acme", sku="WIDGET", serials=["OLD1"])
    again = shipment(["urn:epc:id:sgtin:0614141.107346.N1"])["epcisBody"]["eventList"]
    doc = shipment([f"urn:epc:id:sgtin:0614141.107346.{s}" for s in ("N1", "N2", "OLD1")], extra=again)
    with pytest.raises(DomainError) as refused:
        notices.load_notice("PO-0001", write(tmp_path, doc))
    assert refused.value.code == "bad_notice"
    assert "Nothing was loaded: asn.jsonld has 3 problems" in refused.value.message
    assert "event 1: WIDGET:N1 is shipped twice" in refused.value.message  # (and in event 2)
    assert "event 1: OLD1 is already a unit in the shop" in refused.value.message
    assert buying.order("PO-0001").expected == 0


def test_a_receipt_checks_against_the_shipment(supplier: tuple[EpcisNotices, PurchasingService], admin: Services,
                                                tmp_path: Path) -> None:
    notices, _ = supplier
    doc = shipment(["urn:epc:id:sgtin:0614141.107346.C1", "urn:epc:id:sgtin:0614141.107346.C2",
                    "https://id.gs1.org/01/70614141123451/21/9"])
    listed = notices.checklist(write(tmp_path, doc), "WIDGET")
    assert listed.serials == ("C1", "C2")
    assert listed.notes == ("1 × GTIN 70614141123451 (LINKED, not WIDGET)",)
    got = admin.receiving.receive_units(supplier="Acme", sku="WIDGET", serials=["C1", "C3"],
                                        expected=list(listed.serials))
    assert (got.missing, got.unexpected) == (("C2",), ("C3",))


@pytest.mark.parametrize(("change", "said"), [
    (lambda d: d["epcisBody"]["eventList"][0].update(action="SHIP"),
     "at epcisBody.eventList[0].action, \"SHIP\" is not one of ADD, DELETE, OBSERVE"),
    (lambda d: d.pop("schemaVersion"), "'schemaVersion' is a required property"),
    (lambda d: d["epcisBody"]["eventList"][0].pop("eventTime"),
     "at epcisBody.eventList[0], 'eventTime' is a required property"),
    (lambda d: d["epcisBody"]["eventList"][0].update(ilmd={"cbvmda:lotNumber": "L1"}),
     "at epcisBody.eventList[0].ilmd, this field is not allowed here"),
    (lambda d: d.update(schemaVersion=2), "at schemaVersion, 2 is not of type 'string'"),
    (lambda d: d["epcisBody"]["eventList"][0].update(bizStep="urn:epcglobal:cbv:bizstep:shipping"),
     "at epcisBody.eventList[0].bizStep, \"urn:epcglobal:cbv:bizstep:shipping\" is written as an EPCIS 1.x URN; "
     "EPCIS 2.0 writes CBV values as bare words (e.g. shipping, in_transit)"),
])
def test_a_document_the_schema_refuses_is_refused_in_one_sentence(
        supplier: tuple[EpcisNotices, PurchasingService], tmp_path: Path, change: Any, said: str) -> None:
    notices, buying = supplier
    doc = shipment(["urn:epc:id:sgtin:0614141.107346.B1"])
    change(doc)
    with pytest.raises(DomainError) as refused:
        notices.load_notice("PO-0001", write(tmp_path, doc))
    message = refused.value.message
    assert message == f"asn.jsonld is not an EPCIS 2.0 document GS1's schema accepts: {said}."
    assert "\n" not in message and buying.order("PO-0001").expected == 0


def test_files_that_are_no_json_are_refused_in_words(supplier: tuple[EpcisNotices, Any], tmp_path: Path) -> None:
    notices, _ = supplier
    bad = tmp_path / "asn.jsonld"
    bad.write_text("serial,sku\nA1,WIDGET\n", encoding="utf-8")
    with pytest.raises(DomainError, match=r"asn.jsonld is not JSON \(line 1, column 1"):
        notices.load_notice("PO-0001", bad)
    with pytest.raises(DomainError, match="There is no file"):
        notices.load_notice("PO-0001", tmp_path / "missing.jsonld")
