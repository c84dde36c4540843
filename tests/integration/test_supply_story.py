"""Issue 15's 'done when', through the command line on PostgreSQL: order 20 bikes, load the supplier's notice of 20
serials, receive 12 then 7 plus one not on the notice (flagged), transfer 5 to the branch (the shop and the branch
as two processes at two stations), sell one there, open a ticket on another under the supplier's warranty and send
it back to the supplier (RMA), get a replacement — and each unit's passport tells its journey."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_cli import as_json, run

BIKES = [f"VB{n:03d}" for n in range(1, 21)]


def _station(db: str, station: str, location: str, *args: str) -> subprocess.Popen[str]:
    """One station's process: its name and the place it stands in, as the station's settings would give them."""
    env = {**os.environ, "SERIALDESK_DB": db, "SERIALDESK_PIN": "1234", "SERIALDESK_STATION": station,
           "SERIALDESK_LOCATION": location}
    env.pop("SERIALDESK_USER", None)
    return subprocess.Popen([sys.executable, "-m", "serialdesk", *args, "--json"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _done(process: subprocess.Popen[str]) -> Any:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return json.loads(out)


def _kinds(passport: dict[str, Any]) -> list[str]:
    return [e["kind"] for e in passport["events"]]


@pytest.mark.postgres
def test_twenty_bikes_from_order_to_branch_sale_and_a_replacement_from_the_supplier(
    pg_url: str, tmp_path: Path
) -> None:
    db = pg_url
    run(db, "product", "add", "BIKE", "--name", "E-bike", "--cost", "950", "--price", "2490",
        "--warranty-months", "24", "--supplier-warranty-months", "24")
    run(db, "supplier", "add", "Velo AG")
    for name in ("Jane Smith", "Ole Hansen"):
        run(db, "customer", "add", name)
    run(db, "location", "add", "Aarhus", "--branch", "Aarhus")

    # The order and the supplier's notice.
    po = as_json(run(db, "po", "add", "--supplier", "Velo AG", "--json"))
    assert po["number"] == "PO-0001"
    run(db, "po", "line", "PO-0001", "--sku", "BIKE", "--qty", "20", "--cost", "900.00")
    notice = tmp_path / "asn.csv"
    notice.write_text("serial,sku,lot\n" + "".join(f"{s},BIKE,L2611\n" for s in BIKES), encoding="utf-8")
    assert as_json(run(db, "po", "notice", "PO-0001", str(notice), "--json"))["expected"] == 20

    # Received in two deliveries: 12, then 7 and one the notice never mentioned.
    assert "12 of 20 received" in run(db, "receive", "--po", "PO-0001", *BIKES[:12]).stdout
    second = as_json(run(db, "receive", "--po", "PO-0001", *BIKES[12:19], "VB999", "--json"))
    assert second["not_on_notice"] == ["VB999"] and second["received"] == 20
    shown = as_json(run(db, "po", "show", "PO-0001", "--json"))
    assert shown["expected_missing"] == ["BIKE:VB020"]  # the checklist held across both receipts

    # Five go to the branch: scanned out at the shop, scanned in at Aarhus by another process at another station,
    # while the shop's till sells a bike of its own at the same time.
    assert as_json(run(db, "transfer", "open", "--from", "Shop floor", "--to", "Aarhus", "--json"))["number"] == \
        "TR-0001"
    assert _done(_station(db, "shop-1", "Shop floor", "transfer", "out", "TR-0001", *BIKES[:5]))["sent"] == 5
    assert "in transit" in run(db, "sell", "--customer", "Ole Hansen", BIKES[0], check=3).stderr
    branch = _station(db, "aarhus-1", "Aarhus", "transfer", "in", "TR-0001", *BIKES[:5])
    till = _station(db, "shop-1", "Shop floor", "sell", "--customer", "Jane Smith", BIKES[5])
    _done(branch), _done(till)
    shown = as_json(run(db, "transfer", "show", "TR-0001", "--json"))
    assert (shown["received"], shown["short"], shown["extra"]) == (5, [], [])
    _done(_station(db, "aarhus-1", "Aarhus", "sell", "--customer", "Ole Hansen", BIKES[0]))  # sold at the branch

    # Jane's bike breaks: a ticket, the supplier's warranty holds, the claim goes back, a replacement comes.
    jane_until = as_json(run(db, "lookup", BIKES[5], "--json"))["warranty_until"]
    opened = run(db, "ticket", "open", BIKES[5], "--problem", "motor cuts out").stdout
    assert "Velo AG's warranty to us until" in opened
    rma = as_json(run(db, "rma", "open", "T-0001", "--claim", "VX-77", "--json"))
    assert (rma["number"], rma["state"], rma["customer"]) == ("RMA-0001", "open", "Jane Smith (C-0001)")
    assert as_json(run(db, "rma", "send", "RMA-0001", "--json"))["state"] == "sent"
    assert "cannot be sent to the supplier again" in run(db, "rma", "send", "RMA-0001", check=3).stderr
    done = as_json(run(db, "rma", "replace", "RMA-0001", "--serial", "VB021", "--lot", "L2612", "--json"))
    assert (done["state"], done["replacement_serial"]) == ("replaced", "VB021")
    assert [r["number"] for r in as_json(run(db, "rma", "list", "--open", "--json"))] == []

    # The passports tell each journey.
    at_branch = as_json(run(db, "lookup", BIKES[0], "--json"))
    assert (at_branch["status"], at_branch["customer"]["name"], at_branch["lot"]) == ("sold", "Ole Hansen", "L2611")
    assert [v["location"] for v in at_branch["journey"]] == ["Shop floor", "In transit", "Aarhus"]
    assert at_branch["cost"] == "900.00"  # the PO line's cost
    failed = as_json(run(db, "lookup", BIKES[5], "--json"))
    assert failed["status"] == "scrapped" and failed["customer"] is None
    assert _kinds(failed)[-6:] == ["rma_opened", "rma_ticket_closed", "rma_taken_back", "rma_set_aside",
                                   "rma_sent", "rma_replaced"]
    assert failed["rmas"][0]["number"] == "RMA-0001" and failed["rmas"][0]["claim_no"] == "VX-77"
    new = as_json(run(db, "lookup", "VB021", "--json"))
    assert (new["status"], new["customer"]["name"], new["price"]) == ("sold", "Jane Smith", "0.00")
    assert new["warranty_until"] == jane_until  # her warranty follows the swap
    assert _kinds(new) == ["rma_replacement_received", "rma_swapped_in"] and new["rmas"][0]["state"] == "replaced"
    extra = as_json(run(db, "lookup", "VB999", "--json"))
    assert extra["status"] == "in_stock" and extra["location"] == "Shop floor"
    assert as_json(run(db, "lookup", BIKES[1], "--json"))["location"] == "Aarhus"
    assert run(db, "lookup", "VB020", check=4).returncode == 4  # on the notice, never arrived
    assert run(db, "check").returncode == 0  # every history holds together
