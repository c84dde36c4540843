"""The GUI's table export: CSV with formulas shown as text, XLSX with typed cells, the extension choosing."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl

from serialdesk.gui.models.export import with_extension, write_table_csv
from serialdesk.gui.models.table import Column

ROWS = [("=cmd|'/c calc'!A1", Decimal("-12.50"), 3, date(2026, 3, 3), Decimal("0.125"))]
COLUMNS = (Column("Name", lambda r: r[0]), Column("Value", lambda r: f"{r[1]:,}", raw=lambda r: r[1]),
           Column("Units", lambda r: str(r[2]), raw=lambda r: r[2]),
           Column("Day", lambda r: "3 Mar", raw=lambda r: r[3]),
           Column("Rate", lambda r: "12.5 %", raw=lambda r: r[4], kind="percent"))


def test_csv_cells_that_would_run_are_text_and_numbers_stay(tmp_path: Path) -> None:
    write_table_csv(tmp_path / "t.csv", COLUMNS, ROWS)
    with (tmp_path / "t.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Name", "Value", "Units", "Day", "Rate"], ["'=cmd|'/c calc'!A1", "-12.50", "3", "2026-03-03",
                                                                "0.125"]]


def test_xlsx_cells_are_typed(tmp_path: Path) -> None:
    write_table_csv(tmp_path / "t.xlsx", COLUMNS, ROWS)
    name, value, units, day, rate = openpyxl.load_workbook(tmp_path / "t.xlsx").active[2]
    assert (name.value, name.data_type) == ("=cmd|'/c calc'!A1", "s")
    assert (value.value, value.number_format, units.value) == (-12.5, "#,##0.00", 3)
    assert day.is_date and (rate.value, rate.number_format) == (0.125, "0.0%")


def test_the_chosen_file_type_gives_a_name_without_one_its_extension() -> None:
    assert with_extension("/tmp/stock", "Excel workbooks (*.xlsx)") == "/tmp/stock.xlsx"
    assert with_extension("/tmp/stock", "CSV files (*.csv)") == "/tmp/stock.csv"
    assert with_extension("/tmp/stock.csv", "Excel workbooks (*.xlsx)") == "/tmp/stock.csv"  # what was typed
    assert with_extension("", "Excel workbooks (*.xlsx)") == ""  # cancelled
