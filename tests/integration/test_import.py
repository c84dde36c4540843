"""CSV imports on SQLite and PostgreSQL: a whole file or nothing, every bad line named; fuzzed rows never crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError


def test_products_exported_from_one_shop_import_into_another(shop: Services) -> None:
    rows = [{"sku": "SAW-190", "name": "Circular saw", "gtin": "5901234123457", "price": "159.00",
             "warranty_months": "24", "serial_source": "generated", "serial_pattern": "CS{SEQ:5}{CHK:luhn}"},
            {"sku": "cable-1", "name": "USB cable", "id": "77", "number": "ignored"}]
    assert shop.imports.products(rows).created == 2
    saw = shop.catalogue.product("5901234123457")
    assert (saw.sku, saw.warranty_months, saw.serial_source) == ("SAW-190", 24, "generated")
    assert shop.catalogue.product("CABLE-1").price == 0


@pytest.mark.parametrize(
    ("rows", "match"),
    [([{"sku": "A", "name": "A"}, {"sku": "", "name": "B"}, {"sku": "C", "name": "C", "price": "x"}],
      "2 lines cannot be used — line 3: '' is not a usable product code.*; line 4: Price 'x' is not a number"),
     ([{"sku": "A", "name": "A", "warranty_months": "two"}], "line 2: warranty months must be a whole number"),
     ([{"sku": "DRL-18V", "name": "Dup"}], "line 2: There is already a product with code DRL-18V"),
     ([], "no data rows")],
)
def test_a_product_file_with_any_bad_line_imports_nothing(shop: Services, rows: list[dict[str, str]],
                                                          match: str) -> None:
    with pytest.raises(DomainError, match=match):
        shop.imports.products(rows)
    assert [p.sku for p in shop.catalogue.products()] == ["DRL-18V"]


def test_customers_import(shop: Services) -> None:
    result = shop.imports.customers([{"name": "Tom Olsen", "phone": "+45 31 000000"}, {"name": "  Ada  Lovelace "}])
    assert result.created == 2
    assert [c.name for c in shop.catalogue.find_customers("l")] == ["Ada Lovelace", "Jane Smith", "Tom Olsen"]
    with pytest.raises(DomainError, match="line 2: 'nope' is not an e-mail address"):
        shop.imports.customers([{"name": "X", "email": "nope"}])


def test_units_in_stock_import_as_one_receipt_per_delivery(shop: Services) -> None:
    rows = [{"sku": "DRL-18V", "serial": "X1", "lot": "L1", "supplier": "Makita Europe", "received_at": "2026-01-02"},
            {"sku": "DRL-18V", "serial": "x2", "lot": "L1", "supplier": "V-0001", "received_at": "2026-01-02"},
            {"sku": "DRL-18V", "serial": "X3", "supplier": "Makita Europe", "received_at": "2026-02-01"}]
    result = shop.imports.items(rows)
    assert (result.created, len(result.receipts)) == (3, 2)
    passport = shop.lookup.passport("X2")
    assert (passport.status, passport.lot, passport.supplier) == ("in_stock", "L1", "Makita Europe")
    assert passport.received_at is not None and passport.received_at.date().isoformat() in ("2026-01-01", "2026-01-02")


@pytest.mark.parametrize(
    ("rows", "match"),
    [([{"sku": "DRL-18V", "serial": "A", "supplier": "Makita Europe"}] * 2, "DRL-18V A appears twice"),
     ([{"sku": "DRL-18V", "serial": "A", "supplier": "Makita Europe", "status": "sold"}], "only units in stock"),
     ([{"sku": "DRL-18V", "serial": "A", "supplier": "Makita Europe", "received_at": "yesterday"}], "not a date"),
     ([{"sku": "DRL-18V", "serial": "OLD", "supplier": "Makita Europe"}], "cannot be received again")],
)
def test_a_unit_file_with_any_bad_line_imports_nothing(shop: Services, rows: list[dict[str, str]],
                                                       match: str) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["OLD"])
    with pytest.raises(DomainError, match=match):
        shop.imports.items(rows)
    assert shop.reports.stock().total_units == 1


def test_customers_imported_twice_are_updated_by_number_not_duplicated(shop: Services) -> None:
    rows = [{"number": "C-0007", "name": "Tom Olsen", "phone": "1"}, {"number": "C-0001", "name": "Jane Smith-Berg"},
            {"name": "Ada Lovelace"}]
    first = shop.imports.customers(rows)
    assert (first.created, first.updated) == (2, 1)
    again = shop.imports.customers([{**rows[0], "phone": "2"}, rows[1]])
    assert (again.created, again.updated) == (0, 2)
    assert [(c.number, c.name, c.phone) for c in shop.export.customers()] == [
        ("C-0001", "Jane Smith-Berg", None),  # the file is the record: a field left empty is emptied
        ("C-0007", "Tom Olsen", "2"),
        ("C-0008", "Ada Lovelace", None)]
    # The id sequence went past the numbers kept (PostgreSQL does not do that by itself).
    assert shop.catalogue.add_customer("Next One").number == "C-0009"


def test_suppliers_keep_their_numbers_and_are_matched_by_name(shop: Services) -> None:
    result = shop.imports.suppliers([{"number": "V-0005", "name": "Bosch Trade", "email": "b@bosch.example"},
                                     {"name": "Makita Europe", "phone": "+45 70"}])
    assert (result.created, result.updated) == (1, 1)
    assert [(v.number, v.name, v.phone) for v in shop.export.suppliers()] == [
        ("V-0001", "Makita Europe", "+45 70"), ("V-0005", "Bosch Trade", None)]
    assert shop.catalogue.add_supplier("Third").number == "V-0006"
    with pytest.raises(DomainError, match="V-0005 appears twice"):
        shop.imports.suppliers([{"number": "V-0005", "name": "A"}, {"number": "v-5", "name": "B"}])


@pytest.mark.parametrize("what", ["suppliers", "customers", "products", "items"])
def test_a_nul_or_undecodable_byte_in_any_field_is_refused_before_the_database_sees_it(shop: Services,
                                                                                        what: str) -> None:
    row = {"sku": "NEW-1", "name": "Bad\x00name", "serial": "S1", "supplier": "Makita Europe",
           "lot": "L\udce9"}
    if what == "items":
        row["sku"] = "DRL-18V"
    with pytest.raises(DomainError, match=r"line 2: (name 'Bad\\x00name' contains a NUL|lot 'L\\xe9' contains bytes)"):
        getattr(shop.imports, what)([row])
    assert [c.name for c in shop.export.customers()] == ["Jane Smith"]
    assert [v.name for v in shop.export.suppliers()] == ["Makita Europe"]
    assert shop.reports.stock().total_units == 0


def test_units_of_every_status_need_all_statuses_and_keep_their_sale(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    shop.catalogue.add_product("BIKE", "Bike", serial_source="generated", serial_pattern="B{SEQ:4}{CHK:luhn}",
                               warranty_months=12)
    rows = [{"sku": "BIKE", "serial": "B00015", "serial_source": "generated", "status": "sold",
             "supplier": "V-0001", "received_at": "2026-01-05T09:00:00+00:00", "customer": "C-0001",
             "sold_at": "2026-02-01T10:00:00+00:00", "price": "400", "warranty_until": "2027-02-01T10:00:00+00:00"},
            {"sku": "DRL-18V", "serial": "Q1", "status": "quarantined", "supplier": "Makita Europe", "cost": "70"}]
    with pytest.raises(DomainError, match="only units in stock are imported unless --all-statuses"):
        shop.imports.items(rows)
    result = shop.imports.items(rows, all_statuses=True)
    assert (result.created, len(result.sales)) == (2, 1)
    bike = shop.lookup.passport("B00015")
    assert (bike.status, bike.serial_source, bike.customer and bike.customer.number, str(bike.price)) == (
        "sold", "generated", "C-0001", "400.00")
    assert bike.warranty_until is not None and bike.warranty_until.year == 2027
    assert (shop.lookup.passport("Q1").status, str(shop.lookup.passport("Q1").cost)) == ("quarantined", "70.00")
    assert shop.maintenance.check() == []
    made = shop.receiving.receive_units(supplier="Makita Europe", sku="BIKE", generate=1)
    assert made.units[0].serial.startswith("B0002")


cell = st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["DRL-18V", "Makita Europe", "12", "-1", "L1"]))
row = st.dictionaries(st.sampled_from(["sku", "name", "serial", "supplier", "lot", "price", "gtin", "received_at",
                                       "warranty_months", "serial_pattern", "email", "status"]), cell, max_size=6)


@pytest.mark.fuzz
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(what=st.sampled_from(["products", "customers", "items"]), rows=st.lists(row, max_size=4))
def test_any_csv_rows_are_imported_or_refused_cleanly(shop: Services, what: str, rows: list[dict[str, str]]) -> None:
    before = (len(shop.catalogue.products()), shop.reports.stock().total_units, len(shop.export.customers()))
    try:
        getattr(shop.imports, what)(rows)
    except DomainError as exc:
        assert exc.message
        assert (len(shop.catalogue.products()), shop.reports.stock().total_units,
                len(shop.export.customers())) == before
