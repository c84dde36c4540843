"""Every service call that changes data reports what it changed (worked out by the unit of work from what the
session wrote, never written by hand in the service); read-only calls report nothing; the ledger tells a
reader what other processes changed. On SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text, update

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.db.models import Item
from serialdesk.domain.changes import Changes
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import RecallCriteria


class Heard:
    """What the commits of one app said they changed, call by call."""

    def __init__(self, services: Services) -> None:
        self.all: list[Changes] = []
        services.changes.on_commit(self.all.append)

    def during(self, call: Callable[[], Any]) -> Changes:
        before = len(self.all)
        call()
        return Changes.union_of(self.all[before:])


@pytest.fixture
def heard(shop: Services) -> Heard:
    return Heard(shop)


def stock(shop: Services, *serials: str) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=list(serials), lot="L1")


def test_adding_a_product_reports_the_catalogue(shop: Services, heard: Heard) -> None:
    changed = heard.during(lambda: shop.catalogue.add_product("BAT-5", "Battery 5Ah", price="59.00"))
    assert changed == Changes.of("catalogue", "ledger")
    assert changed.touches("catalogue") and not changed.touches("stock")


def test_adding_a_customer_reports_customers(shop: Services, heard: Heard) -> None:
    assert heard.during(lambda: shop.catalogue.add_customer("Ole Hansen")) == Changes.of("customers", "ledger")


def test_receiving_reports_stock_and_receipts(shop: Services, heard: Heard) -> None:
    changed = heard.during(lambda: stock(shop, "A1", "A2"))
    assert changed.touches("stock") and changed.touches("drafts") and not changed.touches("customers")


def test_scanning_into_a_draft_reports_drafts(shop: Services, heard: Heard) -> None:
    receipt = shop.receiving.open_receipt("Makita Europe")
    changed = heard.during(lambda: shop.receiving.add_scan(receipt.id, "DRL-18V", "D1"))
    assert changed.touches("drafts") and changed.touches("stock")
    assert heard.during(lambda: shop.receiving.remove_scan(receipt.id, "D1")).touches("drafts")


def test_a_sale_reports_stock_and_sales(shop: Services, heard: Heard) -> None:
    stock(shop, "S1")
    changed = heard.during(lambda: shop.sales.sell_items("Jane Smith", ["S1"]))
    assert changed.touches("stock") and changed.touches("sales") and changed.touches("ledger")
    assert not changed.touches("catalogue")
    back = heard.during(lambda: shop.sales.return_item("S1", to="stock", reason="wrong colour"))
    assert back.touches("stock") and back.touches("sales")


def test_service_desk_reports_tickets(shop: Services, heard: Heard) -> None:
    stock(shop, "T1")
    shop.sales.sell_items("Jane Smith", ["T1"])
    changed = heard.during(lambda: shop.service_desk.open_ticket("T1", "Does not start"))
    assert changed.touches("tickets") and changed.touches("stock")


def test_a_recall_reports_recalls(shop: Services, heard: Heard) -> None:
    stock(shop, "R1")
    changed = heard.during(lambda: shop.recalls.start_recall(RecallCriteria("DRL-18V"), "Overheating"))
    assert changed.touches("recalls")


def test_adding_a_user_reports_users(shop: Services, heard: Heard) -> None:
    assert heard.during(lambda: shop.users.add_user("clerk1", "clerk", "2468")).touches("users")


def test_read_only_calls_report_nothing(shop: Services, heard: Heard) -> None:
    stock(shop, "Q1")
    heard.all.clear()
    shop.catalogue.products()
    shop.catalogue.find_customers("Jane")
    shop.lookup.passport("Q1")
    shop.reports.stock()
    shop.changes.since(shop.changes.marks())
    assert heard.all == []


def test_a_refused_call_reports_nothing(shop: Services, heard: Heard) -> None:
    with pytest.raises(DomainError, match="already"):
        shop.catalogue.add_product("DRL-18V", "The same SKU again")
    assert heard.all == []


def test_the_unit_of_work_keeps_what_it_changed(shop: Services) -> None:
    uows = shop.changes.uows
    with uows() as uow:
        uow.session.execute(update(Item).values(lot_id=None).where(Item.id < 0))  # bulk ORM: its table
        uow.commit()
    assert uow.changes == Changes.of("stock")
    with uows() as uow:
        uow.session.execute(text("UPDATE items SET lot_id = lot_id WHERE id < 0"))  # raw SQL: cannot tell
        uow.commit()
    assert uow.changes.is_everything
    with uows.reading() as uow:
        uow.session.execute(text("SELECT count(*) FROM items"))
    assert not uow.changes


def test_another_process_s_changes_are_read_from_the_ledger(db_url: str, shop: Services) -> None:
    elsewhere = App(Settings(db_url=db_url, user="admin", station="till-2"))
    try:
        other = elsewhere.services(elsewhere.actor("admin"))
        marks = shop.changes.marks()
        assert not shop.changes.since(marks).changes  # nothing new yet
        other.catalogue.add_product("BAT-5", "Battery 5Ah", price="59.00")
        found = shop.changes.since(marks)
        assert found.changes == Changes.of("catalogue", "ledger") and found.changes.events == 1
        assert not shop.changes.since(found.marks).changes  # seen once, not again
        stock(other, "E1")
        other.sales.sell_items("Jane Smith", ["E1"])
        later = shop.changes.since(found.marks).changes
        assert later.touches("stock") and later.touches("sales") and not later.touches("catalogue")
    finally:
        elsewhere.close()


def test_the_events_a_commit_wrote_are_counted(shop: Services, heard: Heard) -> None:
    """The window tells its own commits from other stations' by this count (the ledger's new rows)."""
    marks = shop.changes.marks()
    changed = heard.during(lambda: stock(shop, "C1", "C2", "C3"))
    assert changed.events == shop.changes.since(marks).changes.events > 0


def test_looking_for_changes_never_waits_for_a_writer(sqlite_url: str) -> None:
    """The window's poll reads while another station holds SQLite's write lock (it never takes it)."""
    import sqlite3

    app = App(Settings(db_url=sqlite_url, user="admin", station="till-1"))
    try:
        changes = app.services(app.actor("admin")).changes
        marks = changes.marks()
        writer = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), timeout=0)
        try:
            writer.execute("BEGIN IMMEDIATE")  # another station in the middle of saving
            assert not changes.since(marks).changes
        finally:
            writer.rollback()
            writer.close()
    finally:
        app.close()
