"""`serialdesk rma …` (issue 15): numbers, exit codes and messages a script can rely on."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_cli import as_json, run


def _shop(db: str) -> str:
    run(db, "product", "add", "EBIKE", "--name", "E-bike", "--warranty-months", "6", "--supplier-warranty-months",
        "24")
    run(db, "supplier", "add", "Velo AG")
    run(db, "customer", "add", "Jane Smith")
    run(db, "receive", "--supplier", "Velo AG", "--sku", "EBIKE", "E1", "E2", "E3")
    run(db, "sell", "--customer", "Jane Smith", "E1")
    return db


def test_a_claim_from_a_ticket_to_a_credit(sqlite_url: str) -> None:
    db = _shop(sqlite_url)
    run(db, "ticket", "open", "E1", "--problem", "motor cuts out")
    opened = run(db, "rma", "open", "E1", "--claim", "VX-77", "--notes", "controller")
    assert opened.stdout.startswith("RMA-0001  open") and "rma send RMA-0001" in opened.stdout
    refused = run(db, "rma", "credit", "RMA-0001", "--amount", "100", check=3)
    assert "RMA-0001 is open (not sent to the supplier yet) — it cannot be credited (send it first" in refused.stderr
    run(db, "rma", "send", "RMA-0001")
    assert "Traceback" not in run(db, "rma", "credit", "RMA-0001", "--amount", "lots", check=3).stderr
    credited = as_json(run(db, "rma", "credit", "RMA-0001", "--amount", "1390.00", "--json"))
    assert (credited["state"], credited["credit_amount"]) == ("credited", "1390.00")
    assert as_json(run(db, "rma", "show", "RMA-0001", "--json"))["ticket"] == "T-0001"
    passport = as_json(run(db, "lookup", "E1", "--json"))
    assert passport["status"] == "scrapped" and passport["rmas"][0]["state"] == "credited"
    assert run(db, "check").returncode == 0


def test_refusals_not_found_and_usage(sqlite_url: str) -> None:
    db = _shop(sqlite_url)
    assert "only a unit on a service ticket" in run(db, "rma", "open", "E1", check=3).stderr
    assert "There is no RMA 'RMA-0009'" in run(db, "rma", "send", "RMA-0009", check=4).stderr
    assert "There is no ticket T-0005" in run(db, "rma", "open", "T-0005", check=4).stderr
    assert "takes one RMA number" in run(db, "rma", "send", check=2).stderr
    assert "needs --amount" in run(db, "rma", "credit", "RMA-0001", check=2).stderr
    assert "needs --serial" in run(db, "rma", "replace", "RMA-0001", check=2).stderr
    assert "rma SERIAL --reason R" in run(db, "rma", "E2", check=2).stderr
    run(db, "user", "add", "till1", "--role", "counter", "--pin", "2468")
    assert "may not" in run(db, "rma", "open", "E2", user="till1", pin="2468", check=3).stderr
    assert as_json(run(db, "rma", "list", "--json")) == []


def test_the_old_straight_to_the_supplier_form_still_works(sqlite_url: str) -> None:
    db = _shop(sqlite_url)
    assert as_json(run(db, "rma", "E2", "--reason", "dead on arrival", "--json"))["status"] == "at_supplier"
    claim = as_json(run(db, "rma", "list", "--json"))[0]  # on record, as any claim: it can be credited
    assert (claim["number"], claim["serial"], claim["state"], claim["notes"]) == ("RMA-0001", "E2", "sent",
                                                                                  "dead on arrival")
    run(db, "ticket", "open", "E1", "--problem", "motor cuts out")
    refused = run(db, "rma", "E1", "--reason", "motor", check=3)
    assert "Claim it from the supplier instead: rma open E1." in refused.stderr
    cancelled = as_json(run(db, "rma", "cancel", as_json(run(db, "rma", "open", "E1", "--json"))["number"],
                            "--json"))
    assert cancelled["state"] == "cancelled"
    assert as_json(run(db, "lookup", "E1", "--json"))["status"] == "in_service"


def test_the_rma_form_goes_in_the_box_with_the_unit(sqlite_url: str, tmp_path: Path) -> None:
    import subprocess

    from serialdesk.scanning.decode import decode_file

    db = _shop(sqlite_url)
    run(db, "shop", "set", "--name", "Nordic Tools & Bikes", "--address", "Havnegade 4, 8000 Aarhus C",
        "--phone", "+45 86 12 34 56")
    run(db, "ticket", "open", "E1", "--problem", "motor cuts out under load")
    run(db, "rma", "open", "E1", "--claim", "VX-77")
    missing = run(db, "rma", "send", "RMA-0001", "--form", str(tmp_path / "no-such-folder" / "rma.pdf"), check=3)
    assert "Traceback" not in missing.stderr
    assert as_json(run(db, "rma", "show", "RMA-0001", "--json"))["state"] == "open"  # refused before saving
    form = tmp_path / "rma.pdf"
    sent = run(db, "rma", "send", "RMA-0001", "--form", str(form))
    assert "RMA-0001  sent" in sent.stdout and str(form) in sent.stdout
    text = subprocess.run(["pdftotext", "-layout", str(form), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("Nordic Tools & Bikes", "+45 86 12 34 56", "Warranty claim", "RMA-0001", "Velo AG",
                     "E1", "VX-77", "motor cuts out under load", "T-0001"):
        assert expected in text, expected
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(form), str(tmp_path / "rma")], check=True)
    assert [c.text for c in decode_file(tmp_path / "rma-1.png")] == ["RMA-0001"]  # the supplier's scanner reads it


def test_straight_to_the_supplier_outside_its_warranty_needs_a_manager(sqlite_url: str) -> None:
    db = _shop(sqlite_url)
    run(db, "receive", "--supplier", "Velo AG", "--sku", "EBIKE", "OLD1", "--at", "2020-01-06T10:00:00+00:00")
    run(db, "user", "add", "clerk", "--role", "clerk", "--pin", "5678")
    refused = run(db, "rma", "OLD1", "--reason", "dead", user="clerk", pin="5678", check=3)
    assert "needs a manager's say-so (--force)" in refused.stderr
    assert as_json(run(db, "lookup", "OLD1", "--json"))["status"] == "in_stock"
    assert as_json(run(db, "rma", "list", "--json")) == []
    forced = as_json(run(db, "rma", "OLD1", "--reason", "dead", "--force", "--json"))
    assert forced["status"] == "at_supplier" and forced["rmas"][0]["forced_by"] == "admin"
