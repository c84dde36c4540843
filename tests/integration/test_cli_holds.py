"""Recall holds, part slots and GS1 labels through the `serialdesk` command (real processes, SQLite file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def cli(db: str, *args: str, check: int = 0, user: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SERIALDESK_DB": db, "SERIALDESK_PIN": "1234"}
    env.pop("SERIALDESK_USER", None)
    if user:
        env["SERIALDESK_USER"] = user
    proc = subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)
    assert proc.returncode == check, f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}"
    return proc


def as_json(proc: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(proc.stdout)


def test_a_recalled_unit_goes_to_quarantine_and_stays_off_sale_until_resolved(sqlite_url: str) -> None:
    db = sqlite_url
    cli(db, "product", "add", "EB-CITY", "--name", "E-bike city", "--price", "1999")
    cli(db, "supplier", "add", "Velo Import")
    cli(db, "customer", "add", "Jane Smith")
    cli(db, "customer", "add", "Tom Olsen")
    cli(db, "receive", "--supplier", "Velo Import", "--sku", "EB-CITY", "--lot", "L2501", "VX25010001", "VX25010002")
    cli(db, "sell", "--customer", "C-0001", "VX25010001")
    cli(db, "recall", "--sku", "EB-CITY", "--lot", "L2501", "--reason", "Brake cable may fray")

    back = cli(db, "return", "VX25010001", "--to", "stock", "--reason", "recall letter")
    assert "now quarantined" in back.stdout and "open recall RC-0001: it went to quarantine" in back.stdout
    refused = cli(db, "sell", "--customer", "C-0002", "VX25010001", check=3)
    assert "VX25010001 is on open recall RC-0001 (Brake cable may fray) — it cannot be sold" in refused.stderr
    assert "cannot be released" in cli(db, "release", "VX25010002", check=3).stderr
    assert "ON RECALL RC-0001 (Brake cable may fray)" in cli(db, "lookup", "VX25010001").stdout.splitlines()[0]
    passport = as_json(cli(db, "lookup", "VX25010001", "--json"))
    assert passport["hold"].startswith("ON RECALL RC-0001") and passport["recall_holds"][0]["recall"] == "RC-0001"
    shown = cli(db, "recall-show", "RC-0001").stdout
    assert "Jane Smith" not in shown  # the unit came back: the line follows it

    again = cli(db, "recall", "--sku", "EB-CITY", "--lot", "L2501", "--reason", "Same again", check=3)
    assert "already on open recall RC-0001 (Brake cable may fray)" in again.stderr and "--also" in again.stderr
    assert as_json(cli(db, "recall", "--sku", "EB-CITY", "--lot", "L2501", "--reason", "Bell", "--also",
                       "--json"))["number"] == "RC-0002"

    assert "--as" in cli(db, "recall-resolve", "RC-0001", "VX25010001", check=2).stderr
    cli(db, "recall-resolve", "RC-0001", "VX25010001", "--as", "cleared", "--note", "cable checked")
    still = cli(db, "release", "VX25010001", check=3)
    assert "open recall RC-0002" in still.stderr  # the second recall holds it too
    resolved = cli(db, "recall-resolve", "RC-0002", "VX25010001", "--as", "repaired", "--json")
    assert {u["serial"]: u["resolution"] for u in as_json(resolved)["units"]}["VX25010001"] == "repaired"
    cli(db, "release", "VX25010001")
    cli(db, "sell", "--customer", "C-0002", "VX25010001")
    assert "cleared (cable checked)" in cli(db, "recall-show", "RC-0001").stdout


def test_a_swap_takes_only_the_parts_a_product_declares(sqlite_url: str) -> None:
    db = sqlite_url
    cli(db, "product", "add", "EB-CITY", "--name", "E-bike city", "--warranty-months", "24")
    cli(db, "product", "add", "BAT-36V", "--name", "Battery 36V")
    cli(db, "product", "add", "DRV-18V", "--name", "Impact driver 18V")
    slots = cli(db, "product", "slot", "EB-CITY", "--part", "BAT-36V")
    assert "EB-CITY takes: 1 × BAT-36V (Battery 36V)." in slots.stdout
    cli(db, "supplier", "add", "Velo Import")
    cli(db, "customer", "add", "Jane Smith")
    cli(db, "receive", "--supplier", "Velo Import", "--sku", "EB-CITY", "VX25010001")
    cli(db, "receive", "--supplier", "Velo Import", "--sku", "BAT-36V", "B-NEW")
    cli(db, "receive", "--supplier", "Velo Import", "--sku", "DRV-18V", "DRV-1")
    cli(db, "sell", "--customer", "C-0001", "VX25010001")
    cli(db, "ticket", "open", "VX25010001", "--problem", "Battery dead")
    wrong = cli(db, "ticket", "swap", "T-0001", "--out", "B-OLD", "--in", "DRV-1", check=3)
    assert "Impact driver 18V (DRV-18V) is not a part of E-bike city (EB-CITY)" in wrong.stderr
    cli(db, "ticket", "swap", "T-0001", "--out", "B-OLD", "--in", "B-NEW")
    stock = as_json(cli(db, "report", "stock", "--json"))
    assert stock["total_units"] == 1 and "quarantined" not in stock["by_status"]  # DRV-1 only


def test_a_gs1_label_of_a_serial_gs1_cannot_carry_is_refused(sqlite_url: str, tmp_path: Path) -> None:
    db = sqlite_url
    cli(db, "product", "add", "DRL-18V", "--name", "Cordless drill 18V", "--gtin", "4006381333931")
    cli(db, "supplier", "add", "Makita Europe")
    cli(db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "SN_UNDER#1")
    out = tmp_path / "labels.png"
    refused = cli(db, "labels", "SN_UNDER#1", "--symbology", "datamatrix", "--gs1", "--format", "png",
                  "--out", str(out), check=3)
    assert "SN_UNDER#1 contains '#', which a GS1 serial (AI 21) cannot hold" in refused.stderr
    assert not out.exists()
    cli(db, "product", "add", "SCN-1", "--name", "Scanner", "--gs1-safe")
    bad = cli(db, "receive", "--supplier", "Makita Europe", "--sku", "SCN-1", "SN_UNDER#1", check=3)
    assert "takes only GS1-safe serials" in bad.stderr
