"""EPCIS 2.0 export (issue 16): the ledger as a JSON-LD document that validates against GS1's official JSON
Schema and expands offline with GS1's own contexts (../shared/standards/epcis)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pyld import jsonld

from tests.integration.test_scan_meaning import cli

STANDARD = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "epcis"
BAT = "09506000134352"


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """GS1's contexts from the local copies; any other URL is a test failure (no network)."""
    name = url.rsplit("/", 1)[-1]
    local = STANDARD / "context" / ("epcis-context-root.jsonld" if name == "epcis-context.jsonld" else name)
    assert local.is_file(), f"the export needs a context we have no copy of: {url}"
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(local.read_text(encoding="utf-8"))}


def check_document(path: Path) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads((STANDARD / "EPCIS-JSON-Schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    expanded = jsonld.expand(document, {"documentLoader": offline_loader})
    assert expanded, "the document expanded to nothing"
    return document


@pytest.fixture
def shop(sqlite_url: str) -> str:
    db = sqlite_url
    cli(db, "product", "add", "BAT-GS", "--name", "Battery pack", "--gtin", BAT, "--serial-case", "preserve",
        check=0)
    cli(db, "product", "add", "DRL-18V", "--name", "Cordless drill", check=0)
    cli(db, "supplier", "add", "Acme", check=0)
    cli(db, "customer", "add", "Jane Smith", check=0)
    cli(db, "receive", "--supplier", "Acme", "--sku", "BAT-GS", "--lot", "L7",
        f"https://id.gs1.org/01/{BAT}/21/SN%2F001", "BP0002", check=0)  # a Digital Link scan and a plain serial
    cli(db, "receive", "--supplier", "Acme", "--sku", "DRL-18V", "D-1", check=0)
    cli(db, "sell", "SN/001", "--customer", "Jane Smith", check=0)
    return db


def test_the_ledger_exports_as_epcis_that_validates_and_expands_offline(shop: str, tmp_path: Path) -> None:
    out = tmp_path / "history.jsonld"
    done = cli(shop, "export", "epcis", str(out), "--json", check=0)
    assert json.loads(done.stdout)["events"] == 4
    events = check_document(out)["epcisBody"]["eventList"]
    steps = [(e["epcList"][0], e["bizStep"], e["disposition"]) for e in events]
    assert steps == [
        ("urn:epc:id:sgtin:95060001343.05.SN%2F001", "receiving", "in_progress"),
        ("urn:epc:id:sgtin:95060001343.05.BP0002", "receiving", "in_progress"),
        ("urn:serialdesk:shop:unit:DRL-18V:D-1", "receiving", "in_progress"),  # no GTIN: the shop's own URI
        ("urn:epc:id:sgtin:95060001343.05.SN%2F001", "retail_selling", "retail_sold"),
    ]
    assert events[0]["bizTransactionList"][0]["type"] == "recadv"
    assert events[3]["bizTransactionList"][0] == {"type": "inv", "bizTransaction": "urn:serialdesk:shop:sale:S-0001"}


def test_the_export_can_be_narrowed_to_a_unit_a_product_a_lot_or_days(shop: str, tmp_path: Path) -> None:
    def count(*args: str) -> int:
        out = tmp_path / "part.jsonld"
        result = json.loads(cli(shop, "export", "epcis", str(out), *args, "--json", check=0).stdout)["events"]
        check_document(out)
        return int(result)

    assert count("--serial", "SN/001") == 2
    assert count("--sku", "DRL-18V") == 1
    assert count("--lot", "L7") == 3
    assert count("--from", "2000-01-01", "--to", "2000-01-02") == 0


def test_export_refusals_are_in_the_users_words(shop: str, tmp_path: Path) -> None:
    missing = cli(shop, "export", "epcis", str(tmp_path / "no-such-folder" / "x.jsonld"))
    assert missing.returncode != 0 and "folder does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_day = cli(shop, "export", "epcis", str(tmp_path / "x.jsonld"), "--from", "yesterday")
    assert bad_day.returncode == 2 and "YYYY-MM-DD" in bad_day.stderr
    unknown = cli(shop, "export", "epcis", str(tmp_path / "x.jsonld"), "--sku", "NOPE")
    assert unknown.returncode != 0 and "no product with code 'NOPE'" in unknown.stderr
    assert not (tmp_path / "x.jsonld").exists()


def test_a_digital_link_label_from_the_cli_scans_back_to_the_unit(shop: str, tmp_path: Path) -> None:
    import os

    from serialdesk.scanning.decode import decode_file

    out = tmp_path / "label.png"
    os.environ["SERIALDESK_RESOLVER"] = "https://resolver.example.com/dl"  # the setting, as a station has it
    try:
        cli(shop, "labels", "SN/001", "--symbology", "qr", "--digital-link", "--format", "png", "--out", str(out),
            check=0)
    finally:
        del os.environ["SERIALDESK_RESOLVER"]
    files = sorted(tmp_path.glob("label*.png"))
    texts = [code.text for file in files for code in decode_file(file)]
    assert texts == [f"https://resolver.example.com/dl/01/{BAT}/10/L7/21/SN%2F001"]
    found = json.loads(cli(shop, "lookup", texts[0], "--json", check=0).stdout)  # the label names the unit
    assert (found["sku"], found["serial"]) == ("BAT-GS", "SN/001")
    plain = cli(shop, "labels", "D-1", "--symbology", "qr", "--digital-link", "--format", "png",
                "--out", str(tmp_path / "d.png"), check=0)
    assert plain.returncode == 0  # a product without a GTIN keeps its plain serial label


def test_lookup_hands_one_units_history_on_as_epcis(shop: str, tmp_path: Path) -> None:
    out = tmp_path / "unit.jsonld"
    shown = cli(shop, "lookup", f"https://id.gs1.org/01/{BAT}/21/SN%2F001", "--epcis", str(out), check=0)
    assert "2 EPCIS event(s) written" in shown.stdout
    events = check_document(out)["epcisBody"]["eventList"]
    assert [(e["epcList"], e["bizStep"]) for e in events] == [
        (["urn:epc:id:sgtin:95060001343.05.SN%2F001"], "receiving"),
        (["urn:epc:id:sgtin:95060001343.05.SN%2F001"], "retail_selling"),
    ]
