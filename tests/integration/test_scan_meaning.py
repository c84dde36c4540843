"""One scan, one meaning (issue 13): the forty texts of tests/scan_table.py mean the same through
``parse-scan`` and ``receive``, and every command that takes a serial takes any scan text the classifier reads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.scan_table import PRODUCTS, SCANS, meaning_of_parse, same


def cli(db: str, *args: str, check: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SERIALDESK_DB": db, "SERIALDESK_PIN": "1234"}
    env.pop("SERIALDESK_USER", None)
    proc = subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)
    if check is not None:
        assert proc.returncode == check, f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}"
    return proc


def add_products(db: str) -> None:
    for p in PRODUCTS:
        args = ["product", "add", p["sku"], "--name", p["name"]]
        args += ["--gtin", p["gtin"]] if "gtin" in p else []
        args += ["--serial-regex", p["regex"]] if "regex" in p else []
        args += ["--serial-case", p["case"]] if "case" in p else []
        args += ["--serial-source", "generated", "--serial-pattern", p["pattern"]] if "pattern" in p else []
        cli(db, *args, check=0)
    cli(db, "supplier", "add", "Acme", check=0)


@pytest.fixture(scope="module")
def shop(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("meaning") / "shop.db"
    shutil.copyfile(sqlite_template, path)
    db = f"sqlite:///{path}"
    add_products(db)
    return db


def meaning_of_receive(proc: subprocess.CompletedProcess[str]) -> tuple[str, ...]:
    if proc.returncode == 4 and "Unknown product barcode" in proc.stderr:
        digits = "".join(ch for ch in proc.stderr.split("Unknown product barcode", 1)[1][:16] if ch.isdigit())
        return ("unknown", digits.zfill(14))
    if proc.returncode == 3 and "not a serial number" in proc.stderr:
        return ("product", proc.stderr.split("(", 1)[1].split(")", 1)[0] if "(" in proc.stderr else "")
    if proc.returncode != 0:
        return ("refused", proc.stderr.strip())
    unit = json.loads(proc.stdout)["units"][0]
    return ("serial", unit["sku"], unit["serial"], unit["lot"] or "")


@pytest.mark.parametrize(("text", "sku", "meaning"), SCANS, ids=[repr(t)[1:30] for t, _, _ in SCANS])
def test_a_scan_means_the_same_to_parse_scan_and_to_receive(shop: str, text: str, sku: str,
                                                            meaning: tuple[str, ...]) -> None:
    parsed = cli(shop, "parse-scan", text, "--sku", sku, "--json")
    data: dict[str, Any] | None = json.loads(parsed.stdout) if parsed.returncode == 0 else None
    said = meaning_of_parse(parsed.returncode, data, parsed.stderr)
    assert same(meaning, said), f"parse-scan said {said}"
    received = cli(shop, "receive", "--supplier", "Acme", "--sku", sku, text, "--json")
    got = meaning_of_receive(received)
    assert same(meaning, got), f"receive did {got}"
    if meaning[0] == "serial":  # and it can be found again by the same text, and by SKU:SERIAL
        found = json.loads(cli(shop, "lookup", text, "--json", check=0).stdout)
        assert (found["sku"], found["serial"]) == meaning[1:3]


def test_every_command_that_takes_a_serial_takes_a_gs1_scan_or_sku_serial(sqlite_url: str, tmp_path: Path) -> None:
    db = sqlite_url
    add_products(db)
    cli(db, "customer", "add", "Jane Smith", check=0)
    gs1 = "010950600013435221BP0009"  # the scan: stored whole as the serial before
    cli(db, "receive", "--supplier", "Acme", "--sku", "BAT-GS", gs1, "(01)09506000134352(21)BP0010", check=0)
    assert json.loads(cli(db, "lookup", "BAT-GS:BP0009", "--json", check=0).stdout)["serial"] == "BP0009"
    assert json.loads(cli(db, "lookup", gs1, "--json", check=0).stdout)["status"] == "in_stock"
    labels = json.loads(cli(db, "labels", gs1, "BAT-GS:BP0010", "--format", "zpl", "--out",
                            str(tmp_path / "l.zpl"), "--json", check=0).stdout)
    assert labels["labels"] == 2
    sale = json.loads(cli(db, "sell", "--customer", "Jane Smith", "]C1" + gs1, "--json", check=0).stdout)
    assert [ln["serial"] for ln in sale["lines"]] == ["BP0009"]
    cli(db, "return", "(01)09506000134352(21)BP0009", "--to", "stock", "--reason", "unwanted", check=0)
    cli(db, "sell", "--customer", "Jane Smith", "BAT-GS:BP0009", check=0)
    ticket = json.loads(cli(db, "ticket", "open", gs1, "--problem", "Does not charge", "--json", check=0).stdout)
    assert (ticket["sku"], ticket["serial"]) == ("BAT-GS", "BP0009")
    unknown = cli(db, "lookup", "4006381333931", check=4)  # an EAN nobody has: named, never a serial
    assert "4006381333931" in unknown.stderr
    assert "not of one unit" in cli(db, "sell", "--customer", "Jane Smith", "09506000134352", check=3).stderr
