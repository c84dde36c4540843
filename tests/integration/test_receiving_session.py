"""The receiving session without Qt (workflows.receiving), on SQLite and PostgreSQL, and the CLI's drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import event

from serialdesk.bootstrap import App, Services
from serialdesk.workflows.receiving import ReceivingSession
from tests.integration.test_scan_meaning import add_products, cli


def commits(app: App) -> list[int]:
    seen: list[int] = []
    event.listen(app.engine, "commit", lambda _conn: seen.append(1))
    return seen


def test_the_first_scan_is_one_transaction_that_opens_the_draft(app: App, shop: Services) -> None:
    session = ReceivingSession(shop, sku="DRL-18V")
    seen = commits(app)
    outcome = session.scan("sn-001")
    assert (outcome.tone, outcome.unit.serial if outcome.unit else None) == ("good", "SN-001")
    assert len(seen) == 1 and session.draft is not None and session.count == 1
    assert [u.serial for u in shop.receiving.receipt(session.draft.id).units] == ["SN-001"]


def test_a_product_barcode_switches_and_an_unknown_one_is_amber_with_its_gtin(shop: Services) -> None:
    shop.catalogue.add_product("SAW-7", "Circular saw", gtin="5901234123457")
    session = ReceivingSession(shop, sku="DRL-18V")
    assert session.scan("5901234123457").tone == "info" and session.sku == "SAW-7"
    unknown = session.scan("9506000134352")
    assert (unknown.tone, unknown.gtin) == ("warn", "09506000134352") and "Unknown product barcode" in unknown.message
    assert session.draft is None  # nothing was saved, no draft opened
    assert session.scan("(01)05901234123457(10)l9(21)s-1").unit.lot == "L9"  # type: ignore[union-attr]


def test_undo_resume_and_post_go_through_the_session(shop: Services) -> None:
    session = ReceivingSession(shop, sku="DRL-18V")
    for text in ("A-1", "A-2", "A-3"):
        session.scan(text)
    assert session.undo().unit.serial == "A-3" and session.count == 2  # type: ignore[union-attr]
    assert session.draft is not None
    again = ReceivingSession(shop)
    again.resume(session.draft.number)
    assert (again.sku, [u.serial for u in again.accepted]) == ("DRL-18V", ["A-1", "A-2"])
    assert again.scan("A-4").tone == "good"
    posted = again.post("Makita Europe")
    assert (posted.status, posted.count) == ("posted", 3) and again.draft is None


def test_ten_thousand_pasted_serials_are_set_based_with_progress_and_cancel(app: App, shop: Services) -> None:
    session = ReceivingSession(shop, sku="DRL-18V")
    session.scan("X-0")
    texts = [f"P-{n:05d}" for n in range(10_000)] + ["X-0", "P-00001", "4006381333931", "BAD SERIAL"]
    steps: list[tuple[int, int]] = []
    seen = commits(app)
    result = session.add_many(texts, lambda done, total: steps.append((done, total)))
    assert len(result.added) == 10_000 and session.count == 10_001
    assert sorted(t for t, _ in result.refused) == sorted(["X-0", "P-00001", "4006381333931", "BAD SERIAL"])
    assert len(seen) == len(steps) == 11 and steps[-1] == (10_004, 10_004)  # one transaction per chunk
    assert shop.lookup.passport("P-09999").events[0].kind == "scanned"
    stopped = session.add_many([f"Q-{n}" for n in range(30)], cancelled=lambda: len(steps) > 11, chunk=10,
                               progress=lambda d, t: steps.append((d, t)))
    assert len(stopped.added) == 10 and stopped.not_done[0] == "Q-10" and "Stopped" in stopped.message


def test_the_cli_scans_into_resumes_shows_posts_and_cancels_drafts(sqlite_url: str, tmp_path: Path) -> None:
    db = sqlite_url
    add_products(db)
    made = cli(db, "receive", "--draft", "--sku", "BAT-GS", "01095060001343522" + "1BP0001", "SN-2", check=0)
    assert "R-0001" in made.stdout and "still open" in made.stdout
    cli(db, "receipts", "resume", "R-0001", "(01)09506000134352(21)bp0003", "4006381333931", check=4)
    shown = json.loads(cli(db, "receipts", "show", "R-0001", "--json", check=0).stdout)
    assert (shown["status"], [u["serial"] for u in shown["units"]]) == ("draft", ["BP0001", "SN-2", "BP0003"])
    assert "R-0001" in cli(db, "receipts", "--open", check=0).stdout
    cli(db, "receipts", "post", "R-0001", check=3)  # no supplier yet
    cli(db, "receipts", "post", "R-0001", "--supplier", "Acme", check=0)
    assert json.loads(cli(db, "lookup", "BAT-GS:BP0003", "--json", check=0).stdout)["status"] == "in_stock"
    cli(db, "receipts", "resume", "R-0001", "SN-9", check=3)  # posted: no longer a draft
    cli(db, "receive", "--draft", "--sku", "DRL-18V", "--supplier", "Acme", "D-1", check=0)
    assert json.loads(cli(db, "receipts", "cancel", "R-0002", "--json", check=0).stdout)["status"] == "cancelled"
    cli(db, "lookup", "DRL-18V:D-1", check=4)


@pytest.mark.parametrize("sku", ["DRL-18V"])
def test_receive_without_draft_still_needs_a_supplier(sqlite_url: str, sku: str) -> None:
    add_products(sqlite_url)
    assert "--supplier" in cli(sqlite_url, "receive", "--sku", sku, "S-1", check=2).stderr
