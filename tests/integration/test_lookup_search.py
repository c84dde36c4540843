"""The look-up's search (issue 13 part 4) on SQLite and PostgreSQL: partial serial, customer name or phone,
ticket number; limits, any case, % and _ as letters, index ranges for serials; and `serialdesk search`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import event, text

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.services.lookup import _next_prefix


@pytest.fixture
def counter(shop: Services) -> Services:
    """Drills in stock and sold, a serial with % and _ in it, a second customer, a ticket."""
    shop.catalogue.add_product("SAW-7", "Circular saw", serial_case="preserve")
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V",
                                 serials=["SN1001", "SN1002", "SN1003", "SN2001", "AB_1", "ABX1", "AB1"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="SAW-7", serials=["sn1009", "Zz-1"])
    bob = shop.catalogue.add_customer("Bob Jensen", phone="+45 31-22 77 00")
    shop.catalogue.add_customer("Ana_Lee")
    shop.catalogue.add_customer("AnaXLee")
    shop.sales.sell_items("Jane Smith", ["SN1002"])
    shop.sales.sell_items(bob.number, ["SN2001"])
    shop.service_desk.open_ticket("SN1002", "Chuck slips")
    return shop


def serials(found: Any) -> list[str]:
    return [u.serial for u in found]


def test_a_partial_serial_finds_the_units_beginning_with_it_in_any_case(counter: Services) -> None:
    result = counter.lookup.search("sn100")
    assert serials(result.units) == ["SN1001", "SN1002", "SN1003", "sn1009"]
    assert [u.ref for u in result.units][:1] == ["DRL-18V:SN1001"]
    assert result.exact == () and result.customers == () and result.tickets == ()
    assert counter.lookup.search("Sn100").units == result.units


def test_a_whole_serial_or_a_scan_names_its_unit_outright(counter: Services) -> None:
    result = counter.lookup.search("sn1001")
    assert serials(result.exact) == ["SN1001"] and result.only_unit is not None
    assert result.only_unit.ref == "DRL-18V:SN1001"
    assert serials(counter.lookup.search("DRL-18V:SN1003").exact) == ["SN1003"]
    assert serials(counter.lookup.search("(01)04006381333931(21)SN1003").exact) == ["SN1003"]


def test_percent_and_underscore_are_letters_not_wildcards(counter: Services) -> None:
    assert serials(counter.lookup.search("AB_").units) == ["AB_1"]  # not ABX1
    assert serials(counter.lookup.search("ab_").units) == ["AB_1"]
    assert [c.customer.name for c in counter.lookup.search("ana_").customers] == ["Ana_Lee"]  # not AnaXLee
    with pytest.raises(NotFound):
        counter.lookup.search("%")  # matches nothing, not everything


def test_a_customer_is_found_by_name_part_or_phone_however_spaced_with_their_units(counter: Services) -> None:
    jane = counter.lookup.search("smi")
    assert [c.customer.name for c in jane.customers] == ["Jane Smith"]
    assert serials(jane.customers[0].units) == ["SN1002"]  # bought here (and in for service)
    for phone in ("31227700", "31 22 77 00", "+45 31-22"):
        found = counter.lookup.search(phone)
        assert [c.customer.name for c in found.customers] == ["Bob Jensen"], phone
        assert serials(found.customers[0].units) == ["SN2001"]
    assert [c.customer.name for c in counter.lookup.search("JENSEN").customers] == ["Bob Jensen"]
    assert [c.customer.name for c in counter.lookup.search("C-0001").customers] == ["Jane Smith"]


def test_a_ticket_number_finds_its_unit(counter: Services) -> None:
    (ticket,) = counter.service_desk.tickets()
    result = counter.lookup.search(ticket.number.lower())
    assert [(t.number, t.unit.ref, t.customer) for t in result.tickets] == [(ticket.number, "DRL-18V:SN1002",
                                                                             "Jane Smith")]


def test_results_are_limited_and_say_there_are_more(counter: Services) -> None:
    result = counter.lookup.search("SN", limit=2)
    assert serials(result.units) == ["SN1001", "SN1002"] and result.truncated
    assert not counter.lookup.search("SN1", limit=20).truncated
    with pytest.raises(DomainError) as refused:
        counter.lookup.search("SN", limit=0)
    assert refused.value.code == "bad_limit"


def test_nothing_found_and_empty_text_say_so(counter: Services) -> None:
    with pytest.raises(NotFound) as nothing:
        counter.lookup.search("QQQ")
    assert nothing.value.code == "nothing_found" and "'QQQ'" in nothing.value.message
    with pytest.raises(DomainError) as empty:
        counter.lookup.search("   ")
    assert empty.value.code == "empty_search"


def test_the_next_prefix_bounds_every_string_beginning_with_a_prefix() -> None:
    assert _next_prefix("SN1") == "SN2"
    assert _next_prefix("A" + chr(0x10FFFF)) == "B"
    assert _next_prefix(chr(0x10FFFF)) is None
    for s in ("SN1", "SN1\x00", "SN19999", "SN1" + chr(0x10FFFF)):
        assert "SN1" <= s < "SN2"


def test_serial_searches_are_index_ranges_never_a_scan_of_all_units(app: App, counter: Services) -> None:
    """No planner statistics needed: every statement that reads items by serial can use ix_items_serial."""
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if "FROM items" in statement and "serial >=" in statement:
            seen.append((statement, parameters))

    event.listen(app.engine, "before_cursor_execute", keep)
    try:
        counter.lookup.search("SN10")
    finally:
        event.remove(app.engine, "before_cursor_execute", keep)
    assert seen
    with app.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        for statement, parameters in seen:
            if app.engine.dialect.name == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
                plan = " ".join(str(row[-1]) for row in cursor.fetchall())
                assert "USING INDEX ix_items_serial" in plan or "USING COVERING INDEX ix_items_serial" in plan, plan
            else:
                conn.execute(text("SET enable_seqscan = off"))
                cursor.execute("EXPLAIN " + statement, parameters)
                plan = " ".join(str(row[0]) for row in cursor.fetchall())
                assert "ix_items_serial" in plan, plan


def run_cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SERIALDESK_DB": db, "SERIALDESK_PIN": "1234"}
    env.pop("SERIALDESK_USER", None)
    return subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_the_cli_searches_like_the_look_up(db_url: str, counter: Services) -> None:
    found = run_cli(db_url, "search", "sn100", "--json")
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert [u["serial"] for u in data["units"]] == ["SN1001", "SN1002", "SN1003", "sn1009"]
    text_out = run_cli(db_url, "search", "Smith")
    assert text_out.returncode == 0 and "Jane Smith" in text_out.stdout and "DRL-18V:SN1002" in text_out.stdout
    limited = run_cli(db_url, "search", "SN", "--limit", "1", "--json")
    assert json.loads(limited.stdout)["truncated"] is True
    nothing = run_cli(db_url, "search", "QQQ")
    assert nothing.returncode == 4 and "Nothing matches 'QQQ'" in nothing.stderr and "Traceback" not in nothing.stderr


def test_a_scan_for_a_form_is_read_by_the_one_classifier(counter: Services) -> None:
    gs1 = "\x1d0104006381333931" + "10L1\x1d" + "21SN1001"
    assert counter.lookup.scanned_unit(gs1) == "DRL-18V:SN1001"  # GS kept apart: lot L1 is not in the serial
    assert counter.lookup.scanned_unit("(01)04006381333931(21)NEW-9") == "DRL-18V:NEW-9"  # need not exist
    assert counter.lookup.scanned_unit("sn-77", "DRL-18V") == "DRL-18V:SN-77"
    assert counter.lookup.scanned_unit("sn-77") == "sn-77"  # no product known: the text as typed
    assert counter.lookup.scanned_unit("(01)04006381333931(21)NEW-9", "DRL-18V", of_product=True) == "NEW-9"
    with pytest.raises(DomainError) as other:
        counter.lookup.scanned_unit("SAW-7:s-1", "DRL-18V", of_product=True)
    assert other.value.code == "other_product"
    with pytest.raises(DomainError) as product:
        counter.lookup.scanned_unit("4006381333931", "DRL-18V", of_product=True)
    assert "not of one unit" in product.value.message
