"""`export … FILE.xlsx` and `report … --xlsx FILE.xlsx`: workbooks with typed cells, through the real command."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.integration.test_cli import as_json, run


@pytest.fixture
def sold_db(sqlite_url: str) -> str:
    run(sqlite_url, "product", "add", "DRL-18V", "--name", "Cordless drill 18V", "--cost", "80.00",
        "--price", "1299.50")
    run(sqlite_url, "supplier", "add", "Makita Europe")
    run(sqlite_url, "customer", "add", '=HYPERLINK("http://evil.example","Jane")', "--phone", "+45 31 000000")
    run(sqlite_url, "receive", "--supplier", "V-0001", "--sku", "DRL-18V", "--lot", "L1", "A1", "A2", "A3")
    run(sqlite_url, "sell", "--customer", "C-0001", "A1")
    return sqlite_url


def test_export_to_xlsx_types_the_cells_and_keeps_formulas_as_text(sold_db: str, tmp_path: Path) -> None:
    out = tmp_path / "customers.xlsx"
    assert as_json(run(sold_db, "export", "customers", str(out), "--json"))["exported"] == 1
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "customers" and sheet.freeze_panes == "A2" and sheet["A1"].font.b
    assert [c.value for c in sheet[1]] == ["id", "number", "name", "phone", "email", "address"]
    name, phone = sheet["C2"], sheet["D2"]
    assert (name.value, name.data_type) == ('=HYPERLINK("http://evil.example","Jane")', "s")
    assert (phone.value, phone.data_type) == ("+45 31 000000", "s")

    items = tmp_path / "items.xlsx"
    run(sold_db, "export", "items", str(items))
    sheet = openpyxl.load_workbook(items).active
    head = [c.value for c in sheet[1]]
    sold = next(r for r in sheet.iter_rows(min_row=2) if r[head.index("serial")].value == "A1")
    cost, price = sold[head.index("cost")], sold[head.index("price")]
    assert (cost.value, cost.number_format, price.value) == (80, "#,##0.00", 1299.5)
    assert isinstance(sold[head.index("sold_at")].value, datetime) and sold[head.index("sold_at")].is_date
    assert sold[head.index("received_at")].number_format == "yyyy-mm-dd hh:mm"

    products = tmp_path / "products.xlsx"
    run(sold_db, "export", "products", str(products))
    sheet = openpyxl.load_workbook(products).active
    head = [c.value for c in sheet[1]]
    assert isinstance(sheet.cell(row=2, column=head.index("warranty_months") + 1).value, int)


@pytest.mark.parametrize(("report", "sheets"), [
    (["turnover"], ["Products", "Months"]), (["aging"], ["Aging"]), (["suppliers"], ["Suppliers", "Lots"]),
    (["reorder"], ["Reorder"]), (["revenue", "--by", "month"], ["Revenue"]), (["stock"], ["Stock"]),
    (["stock", "--by", "location"], ["Stock by location"])])
def test_every_report_writes_a_workbook(sold_db: str, tmp_path: Path, report: list[str], sheets: list[str]) -> None:
    out = tmp_path / f"{report[0]}.xlsx"
    said = as_json(run(sold_db, "report", *report, "--xlsx", str(out), "--json"))
    assert said["file"] == str(out) and said["sheets"] == sheets
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == sheets
    for sheet in book:
        assert sheet.freeze_panes == "A2" and all(c.font.b for c in sheet[1])


def test_report_cells_are_numbers_dates_and_rates(sold_db: str, tmp_path: Path) -> None:
    out = tmp_path / "revenue.xlsx"
    run(sold_db, "report", "revenue", "--xlsx", str(out))
    sheet = openpyxl.load_workbook(out).active
    head = [c.value for c in sheet[1]]
    drill = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "DRL-18V")
    assert drill[head.index("Sold")].value == 1
    revenue = drill[head.index("Revenue")]
    assert (revenue.value, revenue.data_type, revenue.number_format) == (1299.5, "n", "#,##0.00")
    assert drill[head.index("Margin rate")].number_format == "0.0%"
    months = openpyxl.load_workbook(tmp_path / "revenue.xlsx")  # reopened: the file is whole
    assert months.active.max_row >= 3  # the product and the total

    run(sold_db, "report", "turnover", "--xlsx", str(tmp_path / "turnover.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "turnover.xlsx")["Months"]
    assert sheet["B2"].is_date and sheet["B2"].number_format == "yyyy-mm-dd" and isinstance(sheet["D2"].value, int)


def test_an_unwritable_workbook_is_refused_in_words_and_leaves_nothing(sold_db: str, tmp_path: Path) -> None:
    missing = run(sold_db, "report", "aging", "--xlsx", str(tmp_path / "nope" / "aging.xlsx"), check=3)
    assert missing.stderr.strip().endswith(f"Cannot write {tmp_path / 'nope' / 'aging.xlsx'}: the folder does not "
                                           "exist.") and "Traceback" not in missing.stderr
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "customers.xlsx").mkdir()
    taken = run(sold_db, "export", "customers", str(folder / "customers.xlsx"), check=3)
    assert "it is a folder" in taken.stderr and "Traceback" not in taken.stderr
    assert [p.name for p in folder.iterdir()] == ["customers.xlsx"] and not any((folder / "customers.xlsx").iterdir())
    wrong = run(sold_db, "report", "aging", "--xlsx", str(folder / "aging.csv"), check=2)
    assert "ending in .xlsx" in wrong.stderr
    both = run(sold_db, "report", "reorder", "--draft-pos", "--xlsx", str(folder / "r.xlsx"), check=2)
    assert "one at a time" in both.stderr
    assert [p.name for p in folder.iterdir()] == ["customers.xlsx"]


def test_the_recall_list_as_xlsx(sold_db: str, tmp_path: Path) -> None:
    out = tmp_path / "recall.xlsx"
    run(sold_db, "recall", "--sku", "DRL-18V", "--preview", "--csv", str(out))
    sheet = openpyxl.load_workbook(out).active
    head = [c.value for c in sheet[1]]
    a1 = next(r for r in sheet.iter_rows(min_row=2) if r[head.index("serial")].value == "A1")
    assert a1[head.index("customer")].data_type == "s"
    assert a1[head.index("customer")].value == '=HYPERLINK("http://evil.example","Jane")'
    assert a1[head.index("received")].is_date and a1[head.index("sold")].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2"
