"""Issue 12 findings 2, 3 and 8 as the issue reproduced them: real `serialdesk` processes, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest


def run(db: str, *args: str, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SERIALDESK_DB": db, "SERIALDESK_PIN": "1234", "TZ": "UTC"}
    env.pop("SERIALDESK_USER", None)
    proc = subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)
    if check is not None:
        assert proc.returncode == check, f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}"
    return proc


def as_json(proc: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(proc.stdout)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    url = str(tmp_path / "shop.db") if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")
    run(url, "init", "--admin-pin", "1234")
    run(url, "product", "add", "DRL-18V", "--name", "Drill", "--warranty-months", "24", "--price", "300",
        "--cost", "300")
    run(url, "supplier", "add", "Makita Europe")
    run(url, "customer", "add", "Jane Smith")
    return url


def test_a_sale_squeezed_in_before_a_return_is_refused_and_check_stays_green(db: str) -> None:
    run(db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "--at", "2026-01-01", "ORD1")
    run(db, "sell", "--customer", "Jane Smith", "--at", "2026-02-01", "ORD1")
    run(db, "return", "ORD1", "--to", "stock", "--reason", "unwanted", "--at", "2026-03-01")
    refused = run(db, "sell", "--customer", "Jane Smith", "--at", "2026-02-15", "ORD1", check=3)
    assert refused.stderr.strip().endswith(
        "ORD1 was returned on 1 Mar 2026 (return of S-0001); a sale dated 15 Feb 2026 would come before that.")
    passport = as_json(run(db, "lookup", "ORD1", "--json"))
    assert [e["kind"] for e in passport["events"]] == ["received", "sold", "returned"]
    report = as_json(run(db, "report", "turnover", "--from", "2026-02-16", "--to", "2026-02-28", "--json"))
    assert report["opening_value"] == "0.00"
    assert run(db, "check").stdout.strip() == "The database is healthy."
    # The back-dated entries say when they were really entered.
    assert all(e["backdated"] and e["recorded_at"] for e in passport["events"])
    assert "back-dated)" in run(db, "lookup", "ORD1").stdout


def test_dates_in_the_future_are_refused(db: str) -> None:
    future = run(db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "--at", "2030-01-01", "F1",
                 check=3)
    assert "A receipt dated 1 Jan 2030 would be in the future" in future.stderr
    run(db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "F1")
    assert "A sale dated 5 May 2031 would be in the future" in run(
        db, "sell", "--customer", "Jane Smith", "--at", "2031-05-05", "F1", check=3).stderr
    run(db, "sell", "--customer", "Jane Smith", "F1")
    assert "A return dated 1 Jan 2035 would be in the future" in run(
        db, "return", "F1", "--to", "stock", "--reason", "x", "--at", "2035-01-01", check=3).stderr


def test_control_characters_search_wildcards_and_returned_units(db: str) -> None:
    refused = run(db, "customer", "add", "X\x07Y", check=3)
    assert "The customer name contains a control character (U+0007)" in refused.stderr
    run(db, "customer", "add", "Shop 100% Ltd")
    assert [c["name"] for c in as_json(run(db, "customer", "find", "%", "--json"))] == ["Shop 100% Ltd"]
    run(db, "receive", "--supplier", "Makita Europe", "--sku", "DRL-18V", "U1", "U2")
    run(db, "sell", "--customer", "Jane Smith", "U1", "U2")
    run(db, "return", "U2", "--to", "stock", "--reason", "changed mind")
    record = as_json(run(db, "customer", "show", "Jane Smith", "--json"))
    assert (record["units_bought"], record["units_returned"], record["net_spent"]) == (2, 1, "300.00")
    assert "bought 2 unit(s) for 600.00, returned 1 (300.00): net spent 300.00" in run(
        db, "customer", "show", "Jane Smith").stdout
