"""Service desk, recall and customer record through the `serialdesk` command (SQLite file)."""

from __future__ import annotations

import csv
import subprocess

import pytest

from tests.integration.test_cli import as_json, run


@pytest.fixture
def sold_db(sqlite_url: str) -> str:
    run(sqlite_url, "product", "add", "DRL-18V", "--name", "Cordless drill 18V", "--warranty-months", "24")
    run(sqlite_url, "product", "add", "BAT-5AH", "--name", "Battery 5 Ah")
    run(sqlite_url, "product", "slot", "DRL-18V", "--part", "BAT-5AH")
    run(sqlite_url, "supplier", "add", "Makita Europe")
    run(sqlite_url, "customer", "add", "Jane Smith", "--address", "Strandvejen 12\n2100 Copenhagen")
    run(sqlite_url, "customer", "add", "Tom Olsen", "--phone", "+45 31 000000")
    run(sqlite_url, "receive", "--supplier", "V-0001", "--sku", "DRL-18V", "--lot", "L1", "A1", "A2", "A3")
    run(sqlite_url, "receive", "--supplier", "V-0001", "--sku", "BAT-5AH", "B-NEW")
    run(sqlite_url, "sell", "--customer", "C-0001", "A1")
    run(sqlite_url, "sell", "--customer", "C-0002", "A2")
    return sqlite_url


def test_a_ticket_from_open_to_close(sold_db: str) -> None:
    ticket = as_json(run(sold_db, "ticket", "open", "A1", "--problem", "Battery dead", "--json"))
    assert (ticket["number"], ticket["warranty_claim"]) == ("T-0001", True)
    run(sold_db, "ticket", "log", "T-0001", "Measured 0 V", "--minutes", "10")
    swapped = as_json(run(sold_db, "ticket", "swap", "1", "--out", "B-OLD", "--in", "B-NEW", "--json"))
    assert swapped["swaps"][0]["fitted"] == "BAT-5AH:B-NEW"
    closed = as_json(run(sold_db, "ticket", "close", "T-0001", "--resolution", "Battery replaced", "--json"))
    assert closed["status"] == "closed" and closed["minutes"] == 10
    again = run(sold_db, "ticket", "close", "T-0001", "--resolution", "x", check=3)
    assert "T-0001 was closed on" in again.stderr
    kinds = [e["kind"] for e in as_json(run(sold_db, "lookup", "A1", "--json"))["events"]]
    assert kinds == ["received", "sold", "ticket_opened", "work_logged", "part_swapped", "ticket_closed"]
    run(sold_db, "ticket", "show", "T-0009", check=4)


def test_a_recall_writes_csv_and_one_letter_per_customer(sold_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out_csv, out_pdf = tmp_path / "recall.csv", tmp_path / "letters.pdf"
    preview = as_json(run(sold_db, "recall", "--sku", "DRL-18V", "--lot", "L1", "--preview", "--json"))
    assert preview["number"] is None and preview["counts"]["total"] == 3
    recall = as_json(run(sold_db, "recall", "--sku", "DRL-18V", "--lot", "L1", "--reason", "Overheating",
                         "--csv", str(out_csv), "--letters", str(out_pdf), "--shop", "Nordic Tools", "--json"))
    assert recall["counts"] == {"sold": 2, "in_stock": 1, "total": 3, "customers": 2}
    rows = list(csv.DictReader(out_csv.open()))
    assert {r["serial"]: r["status_now"] for r in rows} == {"A1": "recalled", "A2": "recalled", "A3": "quarantined"}
    assert {r["customer"] for r in rows} == {"Jane Smith", "Tom Olsen", ""}
    pages = subprocess.run(["pdftotext", "-layout", str(out_pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    letters = [p for p in pages if p.strip()]
    assert len(letters) == 2
    jane = next(p for p in letters if "Jane Smith" in p)
    assert "A1" in jane and "A2" not in jane and "Overheating" in jane and "2100 Copenhagen" in jane
    tracked = as_json(run(sold_db, "recall-track", "RC-0001", "--contacted", "Jane Smith", "--json"))
    assert [u["serial"] for u in tracked["units"] if u["contacted_at"]] == ["A1"]
    run(sold_db, "recall", "--sku", "DRL-18V", "--check", check=2)


def test_a_recall_matching_nothing_says_zero(sold_db: str) -> None:
    proc = run(sold_db, "recall", "--sku", "DRL-18V", "--serial-from", "Z", "--reason", "x")
    assert "0 units, 0 customers" in proc.stdout


def test_the_customer_record_on_the_command_line(sold_db: str) -> None:
    record = as_json(run(sold_db, "customer", "show", "Jane Smith", "--json"))
    assert [u["serial"] for u in record["units"]] == ["A1"] and record["units"][0]["warranty_status"] == "in_warranty"
    found = as_json(run(sold_db, "customer", "find", "olsen", "--json"))
    assert [c["number"] for c in found] == ["C-0002"]


def test_export_writes_csv_a_spreadsheet_can_open(sold_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "items.csv"
    assert as_json(run(sold_db, "export", "items", str(out), "--json"))["exported"] == 4
    rows = list(csv.DictReader(out.open()))
    assert {(r["sku"], r["serial"], r["status"]) for r in rows} == {
        ("DRL-18V", "A1", "sold"), ("DRL-18V", "A2", "sold"), ("DRL-18V", "A3", "in_stock"),
        ("BAT-5AH", "B-NEW", "in_stock")}
    assert rows[0]["supplier"] == "Makita Europe" and rows[0]["lot"] == "L1"
    customers = run(sold_db, "export", "customers", "-").stdout.splitlines()
    assert customers[0] == "id,number,name,phone,email,address" and len(customers) >= 3


def test_reports_on_the_command_line(sold_db: str) -> None:
    turnover = as_json(run(sold_db, "report", "turnover", "--json"))
    assert turnover["days"] == 365 and turnover["closing_value"] == "0.00"  # units were received without a cost
    aging = as_json(run(sold_db, "report", "aging", "--json"))
    assert aging["units"] == 2 and [b["label"] for b in aging["bands"]] == ["0-30", "31-90", "91-180", "180+"]
    quality = as_json(run(sold_db, "report", "suppliers", "--json"))
    assert quality["suppliers"][0]["received"] == 4
    reversed_period = run(sold_db, "report", "turnover", "--from", "2026-05-01", "--to", "2026-01-01", check=3)
    assert "before it starts" in reversed_period.stderr
    run(sold_db, "report", "aging", user="clerk9", check=3)  # no such user: refused like a wrong PIN
