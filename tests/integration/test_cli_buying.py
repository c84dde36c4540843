"""The buyer at the command line (issue 17): product add|set with buying settings, report reorder [--draft-pos],
report revenue — the JSON contract scripts rely on, and exit codes for wrong input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.test_cli import as_json, run

NOW = datetime.now(UTC).replace(microsecond=0)


def ago(days: int) -> str:
    return (NOW - timedelta(days=days)).isoformat()


@pytest.fixture
def store(sqlite_url: str) -> str:
    added = as_json(run(sqlite_url, "product", "add", "FAN-2D", "--name", "Fan", "--cost", "20", "--price", "39",
                        "--lead-time-days", "14", "--pack-size", "6", "--json"))
    assert (added["lead_time_days"], added["pack_size"], added["service_level"]) == (14, 6, None)
    run(sqlite_url, "product", "add", "DRL-18V", "--name", "Drill", "--cost", "80", "--price", "129.90")
    run(sqlite_url, "supplier", "add", "Breeze Ltd")
    run(sqlite_url, "customer", "add", "Jane Smith")
    run(sqlite_url, "receive", "--supplier", "Breeze Ltd", "--sku", "FAN-2D", "--at", ago(60),
        *[f"F{i:03d}" for i in range(30)])
    for n in range(4):  # 20 sold over the last 16 days, 5 at a time
        run(sqlite_url, "sell", "--customer", "Jane Smith", "--at", ago(n * 5 + 1),
            *[f"FAN-2D:F{i:03d}" for i in range(n * 5, n * 5 + 5)])
    return sqlite_url


def test_product_set_changes_what_is_given_and_refuses_bad_values(store: str) -> None:
    changed = as_json(run(store, "product", "set", "fan-2d", "--name", "Desk fan", "--price", "45",
                          "--service-level", "98%", "--json"))
    assert (changed["name"], changed["price"], changed["service_level"]) == ("Desk fan", "45.00", "0.9800")
    assert changed["changed"] == ["name", "price", "service level"] and changed["lead_time_days"] == 14
    said = run(store, "product", "set", "FAN-2D", "--pack-size", "12")
    assert "Product FAN-2D changed: pack size." in said.stdout
    for args, code, words in (
            (["--pack-size", "0"], 3, "A pack holds between 1 and 10,000 units"),
            (["--lead-time-days", "-1"], 3, "A lead time is between 0 and 365 days"),
            (["--service-level", "lots"], 3, "'lots' is not a service level"),
            (["--service-level", "1.2"], 3, "service level"),
            (["--service-level", "NaN"], 3, "'NaN' is not a service level"),
            (["--warranty-months", "999"], 3, "between 0 and 240 months"),
            (["--price", "abc"], 3, "Price"),
            ([], 3, "Nothing to change on FAN-2D"),
            (["--lead-time-days", "x"], 2, "invalid int value")):
        proc = run(store, "product", "set", "FAN-2D", *args, check=code)
        assert words in proc.stderr and "Traceback" not in proc.stderr
    run(store, "product", "set", "NOPE", "--price", "1", check=4)
    # a refused change leaves everything as it was
    assert as_json(run(store, "product", "set", "FAN-2D", "--pack-size", "6", "--json"))["price"] == "45.00"


def test_a_gtin_another_product_has_is_refused(store: str) -> None:
    run(store, "product", "set", "DRL-18V", "--gtin", "4006381333931")
    proc = run(store, "product", "set", "FAN-2D", "--gtin", "4006381333931", check=3)
    assert "already a product with barcode 4006381333931: Drill" in proc.stderr
    assert as_json(run(store, "product", "set", "DRL-18V", "--gtin", "", "--json"))["gtin"] is None


def test_report_reorder_json_then_draft_pos(store: str) -> None:
    rows = as_json(run(store, "report", "reorder", "--json"))
    assert isinstance(rows, list) and rows[0]["sku"] == "FAN-2D"
    contract = {"sku", "on_hand", "on_order", "daily_demand", "lead_time_days", "days_of_cover", "reorder_point",
                "suggested_qty", "flag"}
    assert contract <= set(rows[0])
    fan = rows[0]
    assert (fan["on_hand"], fan["on_order"], fan["lead_time_days"], fan["flag"]) == (10, 0, 14, "reorder")
    assert fan["suggested_qty"] > 0 and fan["suggested_qty"] % 6 == 0
    assert rows[-1]["sku"] == "DRL-18V" and rows[-1]["flag"] == "no_demand"
    text = run(store, "report", "reorder").stdout
    assert "FAN-2D" in text.splitlines()[2] and "order" in text
    drafted = run(store, "report", "reorder", "--draft-pos")
    assert drafted.stdout.startswith("PO-0001 to Breeze Ltd: ") and "× FAN-2D" in drafted.stdout
    after = as_json(run(store, "report", "reorder", "--json"))[0]
    assert after["on_order"] == fan["suggested_qty"] and after["suggested_qty"] == 0
    proc = run(store, "report", "reorder", "--draft-pos", check=3)
    assert "Nothing needs ordering now" in proc.stderr
    proc = run(store, "report", "reorder", "--location", "Attic", check=4)
    assert "There is no location 'Attic'" in proc.stderr


def test_report_revenue_json_and_wrong_input(store: str) -> None:
    report = as_json(run(store, "report", "revenue", "--by", "product", "--json"))
    (fan,) = report["rows"]
    assert (fan["key"], fan["units"], fan["revenue"], fan["cost"], fan["margin"]) == (
        "FAN-2D", 20, "780.00", "400.00", "380.00")
    assert report["total"]["margin"] == "380.00"
    by_day = as_json(run(store, "report", "revenue", "--by", "day", "--json"))["rows"]
    assert len(by_day) == 30 and sum(r["units"] for r in by_day) == 20
    assert "Revenue" in run(store, "report", "revenue", "--by", "supplier").stdout
    proc = run(store, "report", "revenue", "--from", "2026-02-10", "--to", "2026-02-01", check=3)
    assert "before it starts" in proc.stderr
    run(store, "report", "revenue", "--by", "colour", check=2)
    run(store, "report", "revenue", "--from", "yesterday", check=2)
    proc = run(store, "report", "reorder", "--cover-days", "999", check=3)
    assert "between 0 and 365 days" in proc.stderr
