"""The `serialdesk` command as scripts use it: real processes, real databases, exit codes and JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from typing import Any

import pytest

from serialdesk.domain.warranty import add_months
from serialdesk.services.demo import FAST_MOVER

PIN = "1234"  # the template admin's PIN; a test signing in as someone else passes theirs


def run(db: str, *args: str, user: str | None = None, pin: str | None = PIN, check: int | None = 0,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a script runs it: SERIALDESK_PIN signs in (``pin=None``: no PIN at all)."""
    env = {**os.environ, "SERIALDESK_DB": db}
    env.pop("SERIALDESK_USER", None)
    env.pop("SERIALDESK_PIN", None)
    if user:
        env["SERIALDESK_USER"] = user
    if pin is not None:
        env["SERIALDESK_PIN"] = pin
    feed: dict[str, Any] = {"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin}
    proc = subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          timeout=120, **feed)
    if check is not None:
        assert proc.returncode == check, f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}"
    return proc


def as_json(proc: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(proc.stdout)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_round_trip_init_receive_sell_lookup_and_refused_resale(
    backend: str, tmp_path, request: pytest.FixtureRequest  # type: ignore[no-untyped-def]
) -> None:
    db = str(tmp_path / "shop.db") if backend == "sqlite" else request.getfixturevalue("pg_empty_url")
    assert as_json(run(db, "init", "--admin-pin", "1234", "--json"))["ok"] is True
    run(db, "product", "add", "DRL-18V", "--name", "Cordless drill 18V", "--warranty-months", "24",
        "--price", "129.90", "--cost", "80")
    run(db, "supplier", "add", "Makita Europe")
    customer = as_json(run(db, "--json", "customer", "add", "Jane Smith", "--phone", "+45 20 123456"))
    receipt = as_json(run(db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "--lot", "L2406A",
                          "--at", "2026-03-02", "SN001", "SN002", "SN003", "--json"))
    assert receipt["status"] == "posted" and [u["serial"] for u in receipt["units"]] == ["SN001", "SN002", "SN003"]
    sale = as_json(run(db, "sell", "--customer", customer["number"], "--at", "2026-03-14T10:30:00+00:00",
                       "SN002", "--json"))
    assert sale["total"] == "129.90"

    passport = as_json(run(db, "lookup", "SN002", "--json"))
    assert passport["status"] == "sold" and passport["customer"]["name"] == "Jane Smith"
    sold_at = datetime.fromisoformat(passport["sold_at"])
    assert datetime.fromisoformat(passport["warranty_until"]) == add_months(sold_at, 24)
    assert passport["warranty_until"].startswith("2028-03-14")
    assert [e["kind"] for e in passport["events"]] == ["received", "sold"]

    again = run(db, "sell", "--customer", "Jane Smith", "SN002", check=3)
    assert "Jane Smith (C-0001)" in again.stderr and "cannot be sold again" in again.stderr
    assert again.stdout == ""


@pytest.fixture
def ready_db(sqlite_url: str) -> str:
    run(sqlite_url, "product", "add", "DRL-18V", "--name", "Drill", "--warranty-months", "24")
    run(sqlite_url, "supplier", "add", "Makita Europe")
    run(sqlite_url, "customer", "add", "Jane Smith")
    run(sqlite_url, "receive", "--supplier", "V-0001", "--sku", "DRL-18V", "SN001", "SN002")
    return sqlite_url


def test_json_is_accepted_before_or_after_the_subcommand(ready_db: str) -> None:
    assert as_json(run(ready_db, "--json", "lookup", "SN001"))["serial"] == "SN001"
    assert as_json(run(ready_db, "lookup", "SN001", "--json"))["serial"] == "SN001"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [(["lookup", "NOPE"], 4, "No unit with serial NOPE"),
     (["sell", "--customer", "Nobody", "SN001"], 4, "no customer 'Nobody'"),
     (["receive", "--supplier", "V-0001", "--sku", "DRL-18V", "SN001"], 3, "cannot be received again"),
     (["receive", "--supplier", "V-0001", "--sku", "DRL-18V"], 2, "Give the serials"),
     (["return", "SN001", "--to", "stock", "--reason", "x"], 3, "cannot be returned"),
     (["sell", "SN001"], 2, "--customer"),
     (["product", "add", "X", "--name", "X", "--price", "abc"], 3, "'abc' is not a number")],
)
def test_exit_codes_and_messages(ready_db: str, args: list[str], code: int, message: str) -> None:
    proc = run(ready_db, *args, check=code)
    assert message in proc.stderr


def test_roles_apply_on_the_command_line(ready_db: str) -> None:
    run(ready_db, "user", "add", "clerk1", "--role", "clerk", "--pin", "1111")
    refused = run(ready_db, "sell", "--customer", "Jane Smith", "SN001", user="clerk1", pin="1111", check=3)
    assert "clerk1 is signed in as clerk and may not sell units" in refused.stderr
    run(ready_db, "user", "add", "x", "--role", "clerk", "--pin", "1111", user="clerk1", pin="1111", check=3)
    # an unknown user gets the answer a wrong PIN gets: the command line does not tell which names exist
    assert "Wrong user name or PIN" in run(ready_db, "lookup", "SN001", user="nobody", check=3).stderr


def test_receive_from_a_file_with_an_expected_checklist(ready_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "scan.csv").write_text("serial\nA1\nA2\n\nA4\n")
    (tmp_path / "expected.txt").write_text("A1\nA2\nA3\n")
    receipt = as_json(run(ready_db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "--from-file",
                          str(tmp_path / "scan.csv"), "--expected", str(tmp_path / "expected.txt"), "--json"))
    assert receipt["count"] == 3 and receipt["missing"] == ["A3"] and receipt["unexpected"] == ["A4"]
    listed = as_json(run(ready_db, "receipts", "--json"))
    assert [r["number"] for r in listed] == [receipt["number"], "R-0001"]
    assert as_json(run(ready_db, "receipts", "--open", "--json")) == []


def test_sell_and_return_with_sku_prefix(ready_db: str) -> None:
    sale = as_json(run(ready_db, "sell", "--customer", "C-0001", "--price", "99", "DRL-18V:SN001", "--json"))
    assert sale["lines"][0]["price"] == "99.00"
    ret = as_json(run(ready_db, "return", "SN001", "--to", "quarantine", "--reason", "DOA", "--json"))
    assert ret["status"] == "quarantined"


def test_a_database_that_was_never_initialised_is_explained(tmp_path) -> None:  # type: ignore[no-untyped-def]
    proc = run(str(tmp_path / "none.db"), "lookup", "X", check=4)  # issue 11: a missing file is not created
    assert "create one with `serialdesk init`" in proc.stderr and not (tmp_path / "none.db").exists()
    (tmp_path / "empty.db").touch()
    proc = run(str(tmp_path / "empty.db"), "lookup", "X", check=3)
    assert "run `serialdesk init` first" in proc.stderr


def test_demo_builds_a_shop_with_a_year_of_history(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "demo.db")
    summary = as_json(run(db, "demo", "--items", "300", "--json"))
    assert summary["units"] == 300 and 0 < summary["sold"] < 300 and summary["products"] == 9
    stock = as_json(run(db, "report", "stock", "--json"))
    assert stock["total_units"] == stock["by_status"]["in_stock"]
    assert sum(stock["by_status"].values()) == 300
    # the buyer's story (issue 17): the battery pack that sells 2 a day, 14 days' lead time, 10 left, comes first
    top = as_json(run(db, "report", "reorder", "--json"))[0]
    assert (top["sku"], top["on_hand"], top["daily_demand"], top["lead_time_days"], top["suggested_qty"],
            top["flag"]) == (FAST_MOVER[0], 10, "2.00", 14, 80, "reorder")
    run(db, "demo", check=3)  # not on a shop that already has data
