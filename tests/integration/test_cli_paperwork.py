"""Issue 18 on the command line: shop set/show, sell --pay --receipt, return --receipt, ticket open --job-sheet."""

from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import numpy as np

from serialdesk.scanning.decode import decode_file

from .test_cli import as_json, run


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _shop(db: str, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(cv2.imencode(".png", np.full((40, 120), 90, dtype=np.uint8))[1].tobytes())
    run(db, "shop", "set", "--name", "Velo Vogel GmbH", "--address", "Hauptstraße 12, 10115 Berlin",
        "--phone", "+49 30 1234567", "--email", "service@velovogel.de", "--vat-number", "DE123456789",
        "--logo", str(logo), "--currency", "EUR", "--rate-standard", "19", "--rate-reduced", "7",
        "--repair-terms", "Work above the estimate only after your consent.")
    run(db, "product", "add", "EB-VX25", "--name", "E-bike Vortex 25", "--price", "2499.00", "--warranty-months",
        "24")
    run(db, "product", "add", "HLM-1", "--name", "Helmet Aero", "--price", "89.90", "--tax-rate", "reduced")
    run(db, "supplier", "add", "Vortex Bikes")
    run(db, "customer", "add", "Anna Schmidt", "--address", "Lindenallee 4\n10437 Berlin")
    run(db, "receive", "--supplier", "Vortex Bikes", "--sku", "EB-VX25", "--lot", "25B04", "VX25030001",
        "VX25030002", "VX25030003")
    run(db, "receive", "--supplier", "Vortex Bikes", "--sku", "HLM-1", "H0001")


def test_shop_show_is_what_shop_set_saved_and_a_clerk_cannot_change_it(sqlite_url: str, tmp_path: Path) -> None:
    _shop(sqlite_url, tmp_path)
    shown = as_json(run(sqlite_url, "shop", "show", "--json"))
    assert (shown["name"], shown["vat_number"], shown["rate_standard"], shown["logo_type"]) == (
        "Velo Vogel GmbH", "DE123456789", "19.00", "png") and shown["logo_bytes"] > 0 and "logo" not in shown
    run(sqlite_url, "user", "add", "cl1", "--role", "counter", "--pin", "2468")
    refused = run(sqlite_url, "shop", "set", "--name", "Mine", user="cl1", pin="2468", check=3)
    assert "needs manager" in refused.stderr
    bad = run(sqlite_url, "shop", "set", "--logo", str(tmp_path / "nope.png"), check=2)
    assert "Cannot read the logo" in bad.stderr and "Traceback" not in bad.stderr


def test_a_sale_of_two_bikes_prints_a_receipt_a_tax_office_accepts(sqlite_url: str, tmp_path: Path) -> None:
    _shop(sqlite_url, tmp_path)
    out = tmp_path / "receipt.pdf"
    sale = as_json(run(sqlite_url, "sell", "--customer", "Anna Schmidt", "VX25030001", "VX25030002", "H0001",
                       "--pay", "cash:500", "--pay", "card", "--receipt", str(out), "--json"))
    assert sale["receipt_number"] == "SR-000001" and sale["total"] == "5087.90"
    text = pdf_text(out)
    for expected in ("Velo Vogel GmbH", "Hauptstraße 12", "10115 Berlin", "DE123456789", "SR-000001",
                     "Anna Schmidt", "Lindenallee 4", "VX25030001", "VX25030002", "warranty until",
                     "standard 19 %", "reduced 7 %", "€798.00", "€5.88", "€5,087.90", "Cash: €500.00",
                     "Card: €4,587.90"):
        assert expected in text, expected
    short = run(sqlite_url, "sell", "--customer", "Anna Schmidt", "VX25030003", "--pay", "card:10", check=3)
    assert "still to pay" in short.stderr
    credit = tmp_path / "credit.pdf"
    ret = as_json(run(sqlite_url, "return", "VX25030002", "--to", "stock", "--reason", "changed mind",
                      "--receipt", str(credit), "--json"))
    assert ret["credit_number"] == "CN-000001"
    assert "Corrects receipt SR-000001" in pdf_text(credit) and "−€2,499.00" in pdf_text(credit)


def test_a_receipt_is_refused_before_the_sale_when_the_shop_is_not_named(sqlite_url: str) -> None:
    run(sqlite_url, "product", "add", "HLM-1", "--name", "Helmet Aero", "--price", "89.90")
    run(sqlite_url, "supplier", "add", "Vortex Bikes")
    run(sqlite_url, "customer", "add", "Anna Schmidt")
    run(sqlite_url, "receive", "--supplier", "Vortex Bikes", "--sku", "HLM-1", "H0001")
    refused = run(sqlite_url, "sell", "--customer", "Anna Schmidt", "H0001", "--receipt", "r.pdf", check=3)
    assert "must name the shop" in refused.stderr
    assert as_json(run(sqlite_url, "lookup", "H0001", "--json"))["status"] == "in_stock"  # nothing was sold


def test_a_job_sheets_barcode_reads_back_as_its_ticket(sqlite_url: str, tmp_path: Path) -> None:
    _shop(sqlite_url, tmp_path)
    run(sqlite_url, "sell", "--customer", "Anna Schmidt", "VX25030001")
    sheet = tmp_path / "job.pdf"
    ticket = as_json(run(sqlite_url, "ticket", "open", "VX25030001", "--problem", "Motor cuts out",
                         "--accessories", "charger, key", "--estimate", "120", "--job-sheet", str(sheet), "--json"))
    text = pdf_text(sheet)
    for expected in ("Job sheet", ticket["number"], "Motor cuts out", "charger, key", "€120.00",
                     "Work above the estimate", "signature"):
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(sheet), str(tmp_path / "job")], check=True)
    assert [c.text for c in decode_file(tmp_path / "job-1.png")] == [ticket["number"]]
