"""The e-bike story through the `serialdesk` command (SQLite file): build bikes from scanned parts, sell them,
swap a battery on a ticket, recall the battery lot — the recall names the right bike and owner."""

from __future__ import annotations

import csv
import subprocess

import pytest

from tests.integration.test_cli import as_json, run


@pytest.fixture
def bench_db(sqlite_url: str) -> str:
    db = sqlite_url
    run(db, "product", "add", "EBIKE", "--name", "E-bike city", "--price", "1999", "--warranty-months", "24",
        "--serial-source", "generated", "--serial-pattern", "VX2503{SEQ:4}")
    run(db, "product", "add", "FRAME-28", "--name", "Frame 28 in", "--cost", "200")
    run(db, "product", "add", "MOT-250", "--name", "Motor 250 W", "--cost", "150")
    run(db, "product", "add", "BAT-500", "--name", "Battery 500 Wh", "--cost", "180")
    for part in ("FRAME-28", "MOT-250", "BAT-500"):
        run(db, "product", "slot", "EBIKE", "--part", part, "--count", "1")
    run(db, "supplier", "add", "Makita Europe")
    for name, phone in (("Eva Berg", "+45 30 111222"), ("Tom Olsen", "+45 31 000000"), ("Ann Lund", "+45 32 1")):
        run(db, "customer", "add", name, "--phone", phone, "--address", f"{name} street 1\n8000 Aarhus")
    run(db, "receive", "--supplier", "V-0001", "--sku", "FRAME-28", "F1", "F2", "F3")
    run(db, "receive", "--supplier", "V-0001", "--sku", "MOT-250", "M1", "M2", "M3")
    run(db, "receive", "--supplier", "V-0001", "--sku", "BAT-500", "--lot", "24K01", "BP0001", "BP0002")
    run(db, "receive", "--supplier", "V-0001", "--sku", "BAT-500", "--lot", "25B04", "BP0103", "BP0104")
    return db


def test_the_e_bike_story_end_to_end(bench_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = bench_db
    built = [as_json(run(db, "assemble", "--sku", "EBIKE", "--generate", "--part", f"F{n}", f"M{n}", battery,
                         "--labour", "12.50", "--note", "test ride ok", "--json"))
             for n, battery in ((1, "BP0001"), (2, "BP0103"), (3, "BP0002"))]
    bikes = [b["host"]["serial"] for b in built]
    assert bikes == ["VX25030001", "VX25030002", "VX25030003"]
    assert built[0]["cost"] == "542.50" and built[0]["build"]["number"] == "BLD-0001"
    tree = as_json(run(db, "components", "VX25030001", "--json"))
    assert (tree["serial"], tree["sku"]) == ("VX25030001", "EBIKE")
    assert [(p["sku"], p["serial"]) for p in tree["parts"]] == [("BAT-500", "BP0001"), ("FRAME-28", "F1"),
                                                                 ("MOT-250", "M1")]
    assert tree["parts"][0]["lot"] == "24K01" and tree["parts"][0]["supplier"] == "Makita Europe"
    for bike, customer in zip(bikes, ("Eva Berg", "Tom Olsen", "Ann Lund"), strict=True):
        run(db, "sell", "--customer", customer, bike)
    # Eva's battery is swapped on a ticket for one of lot 25B04.
    run(db, "ticket", "open", "VX25030001", "--problem", "Battery will not charge")
    run(db, "ticket", "swap", "T-0001", "--out", "BP0001", "--in", "BP0104")
    run(db, "ticket", "close", "T-0001", "--resolution", "Battery replaced")
    old = as_json(run(db, "lookup", "BP0001", "--json"))
    assert old["status"] == "quarantined" and old["within"] == []
    assert [(h["host"]["serial"], h["removed_via"]) for h in old["fitted_history"]] == [("VX25030001", "T-0001")]
    assert "sat in before" in run(db, "lookup", "BP0001").stdout
    preview = as_json(run(db, "recall", "--sku", "BAT-500", "--lot", "25B04", "--preview", "--json"))
    named = {u["serial"]: (u["host"]["serial"], u["customer"]["name"]) for u in preview["units"]}
    assert named == {"BP0103": ("VX25030002", "Tom Olsen"), "BP0104": ("VX25030001", "Eva Berg")}
    text = run(db, "recall", "--sku", "BAT-500", "--lot", "25B04", "--preview").stdout
    assert "in EBIKE:VX25030001 (E-bike city, sold)" in text and "Eva Berg" in text
    used = as_json(run(db, "where-used", "--sku", "BAT-500", "--lot", "25B04", "--json"))
    assert {u["part"]["serial"]: u["outermost"]["serial"] for u in used} == {"BP0103": "VX25030002",
                                                                             "BP0104": "VX25030001"}
    assert as_json(run(db, "where-used", "BP0104", "--json"))[0]["customer"]["name"] == "Eva Berg"
    out_csv, out_pdf = tmp_path / "recall.csv", tmp_path / "letters.pdf"
    recall = as_json(run(db, "recall", "--sku", "BAT-500", "--lot", "25B04", "--reason", "Cells may overheat",
                         "--csv", str(out_csv), "--letters", str(out_pdf), "--json"))
    assert recall["counts"]["customers"] == 2
    rows = {r["serial"]: r for r in csv.DictReader(out_csv.open())}
    assert (rows["BP0104"]["host_serial"], rows["BP0104"]["customer"]) == ("VX25030001", "Eva Berg")
    assert rows["BP0104"]["host_status"] == "recalled"
    pages = subprocess.run(["pdftotext", "-layout", str(out_pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    eva = next(p for p in pages.split("\f") if "Eva Berg" in p)
    assert "VX25030001" in eva and "BP0104" in eva and "BP0103" not in eva
    assert as_json(run(db, "lookup", "VX25030001", "--json"))["status"] == "recalled"
    record = as_json(run(db, "customer", "show", "Eva Berg", "--json"))
    assert record["units"][0]["parts"] == ["BAT-500:BP0104", "FRAME-28:F1", "MOT-250:M1"]
    assert "with BAT-500:BP0104" in run(db, "customer", "show", "Eva Berg").stdout
    assert run(db, "check").returncode == 0


def test_bad_assemblies_on_the_command_line(bench_db: str) -> None:
    db = bench_db
    twice = run(db, "assemble", "--sku", "EBIKE", "--generate", "--part", "F1", "F1", check=3)
    assert "scanned twice" in twice.stderr
    wrong = run(db, "assemble", "EBIKE:VX9", "--part", "F1", "F2", check=3)
    assert "Too many parts for the slot 1 × Frame 28 in" in wrong.stderr
    run(db, "assemble", "--sku", "EBIKE", "--generate", "--part", "F1", check=0)
    taken = run(db, "assemble", "--sku", "EBIKE", "--generate", "--part", "F1", check=3)
    assert "already fitted in EBIKE:VX25030001" in taken.stderr
    run(db, "assemble", "--sku", "EBIKE", "--part", "F2", check=2)  # no serial and no --generate
    run(db, "components", "NOPE", check=4)
    run(db, "where-used", check=2)
    run(db, "sell", "--customer", "Eva Berg", "VX25030001")
    sold = run(db, "disassemble", "VX25030001", check=3)
    assert "only through a service ticket" in sold.stderr and "Traceback" not in sold.stderr
