"""XLSX workbooks: typed cells, a bold frozen header, formulas never run, and a file whole or not at all."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from serialdesk.documents.workbook import DATE, MOMENT, MONEY, PERCENT, write_dicts, write_table
from serialdesk.domain.errors import DomainError

HEADERS = ("Customer", "Price", "Units", "Sold", "Received", "Rate")


def _rows() -> list[tuple[object, ...]]:
    return [("=HYPERLINK(\"http://evil\",\"x\")", Decimal("1299.50"), 3, date(2026, 3, 3),
             datetime(2026, 3, 3, 9, 30, tzinfo=UTC), Decimal("0.0250")),
            ("+45 31 000000", Decimal("-12.00"), 0, None, None, None),
            ("@SUM(A1)", Decimal("7"), 12, date(2026, 1, 31), None, Decimal("1")),
            ("-2+3", None, None, None, None, None),
            ("bell\x07 and NUL\x00", Decimal("0.10"), 1, None, None, None)]


def test_cells_keep_their_types_and_the_header_is_bold_and_frozen(tmp_path: Path) -> None:
    out = tmp_path / "sales.xlsx"
    assert write_table(out, HEADERS, _rows(), ["text", "money", None, None, None, "percent"], sheet="Sales") == 5
    sheet = openpyxl.load_workbook(out)["Sales"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == list(HEADERS) and all(c.font.b for c in sheet[1])
    _name, price, units, sold, received, rate = sheet[2]
    assert (price.value, price.data_type, price.number_format) == (1299.5, "n", MONEY)
    assert isinstance(units.value, int) and units.value == 3
    assert sold.is_date and sold.value.date() == date(2026, 3, 3) and sold.number_format == DATE
    local = datetime(2026, 3, 3, 9, 30, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert received.is_date and received.value == local and received.number_format == MOMENT
    assert (rate.value, rate.number_format) == (0.025, PERCENT)
    assert sheet["B3"].value == -12 and sheet["B3"].number_format == MONEY
    assert sheet["B4"].number_format == MONEY  # a money column: two places even for a whole amount
    assert sheet["B5"].value is None  # no value: an empty cell, not the text "None"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEF"]
    assert all(6 <= w <= 60 for w in widths) and widths[0] > widths[2]


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "names.xlsx"
    write_table(out, HEADERS, _rows())  # no kinds at all: a str is text by its type
    sheet = openpyxl.load_workbook(out).active
    names = [sheet.cell(row=r, column=1) for r in range(2, 7)]
    assert all(c.data_type == "s" for c in names)
    assert [c.value for c in names[:4]] == ["=HYPERLINK(\"http://evil\",\"x\")", "+45 31 000000", "@SUM(A1)", "-2+3"]
    assert names[4].value == "bell\ufffd and NUL\ufffd"  # XML cannot hold control characters
    raw = openpyxl.load_workbook(out, data_only=False).active
    assert raw["A2"].data_type == "s"  # stored as a string, so no spreadsheet evaluates it


def test_dicts_by_column_name(tmp_path: Path) -> None:
    out = tmp_path / "customers.xlsx"
    write_dicts(out, ["number", "name", "cost", "days"],
                [{"number": "C-0001", "name": "Jane", "cost": Decimal("2.50"), "days": Decimal("12.5")},
                 {"number": "C-0002", "cost": Decimal("7")}])
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[2]] == ["C-0001", "Jane", 2.5, 12.5]
    # Without a kind a Decimal shows its own places: money's two, a mean's one, a whole number none.
    assert [sheet[ref].number_format for ref in ("C2", "D2", "C3")] == [MONEY, "0.0", "0"]
    assert sheet["B3"].value is None


def test_a_missing_folder_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="the folder does not exist"):
        write_table(tmp_path / "no-such-folder" / "out.xlsx", HEADERS, _rows())
    assert list(tmp_path.iterdir()) == []


def test_a_folder_in_the_files_place_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.mkdir()
    with pytest.raises(DomainError, match=r"Cannot write .*report\.xlsx: it is a folder"):
        write_table(target, HEADERS, _rows())
    assert target.is_dir() and list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]  # no .part file beside it


def test_a_failing_row_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    write_table(target, HEADERS, _rows())
    before = target.read_bytes()

    def rows():  # type: ignore[no-untyped-def]
        yield _rows()[0]
        raise DomainError("The database went away.")

    with pytest.raises(DomainError, match="went away"):
        write_table(target, HEADERS, rows())
    assert target.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_standard_output_is_not_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="standard output"):
        write_table("-", HEADERS, [])


def test_two_saves_of_the_same_workbook_at_once_both_finish_whole(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    target = tmp_path / "both.xlsx"
    rows = [(f"row {n}", Decimal(n) / 100, n, None, None, None) for n in range(3000)]
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(lambda _: write_table(target, HEADERS, rows), range(2)))
    assert done == [3000, 3000]
    assert openpyxl.load_workbook(target).active.max_row == 3001
    assert [p.name for p in tmp_path.iterdir()] == ["both.xlsx"]
