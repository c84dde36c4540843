"""Tables to XLSX workbooks a spreadsheet opens with real types: the CLI's exports and reports, the GUI's tables.

Cells are typed from the values themselves: a date is a date (yyyy-mm-dd), a moment is the local date and time
(Excel has no time zones), a Decimal is a number shown with its own places (money's two, "#,##0.00"), an int is an
integer, and everything else is text. A text cell is always stored as a string, never as a formula, so a customer
called "=HYPERLINK(…)" stays a name (the CSV-injection rule of ``spreadsheet.guard_cell``, kept by the cell's type
instead of an apostrophe). Characters XML cannot hold (control characters) are replaced by U+FFFD.

The header row is bold and frozen; column widths follow the header and the first rows. The workbook is streamed
(write-only), so a big export does not sit in memory, and written whole or not at all (``files.write_with``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from serialdesk.files import write_with

MONEY = "#,##0.00"
DATE = "yyyy-mm-dd"
MOMENT = "yyyy-mm-dd hh:mm"
PERCENT = "0.0%"
MAX_TEXT = 32_767  # Excel's limit for one cell
SAMPLE = 200  # rows looked at for the column widths
MIN_WIDTH, MAX_WIDTH = 6, 60
# Kinds a column may insist on; without one the value's own type decides.
KINDS = ("text", "money", "percent")


def is_xlsx(path: str | Path) -> bool:
    return str(path).lower().endswith(".xlsx")


def _places(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places == 2:
        return MONEY
    return "0" if places == 0 else "0." + "0" * places


def _text(value: object) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value)))[:MAX_TEXT]


def typed(value: Any, kind: str | None = None) -> tuple[Any, str | None]:
    """The value as a cell holds it and its number format (None: General, or text)."""
    if isinstance(value, Enum):
        value = value.value
    if value is None or value == "":
        return None, None
    if kind == "text":
        return _text(value), None
    if kind == "percent" and isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return value, PERCENT
    if kind == "money" and isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return value, MONEY
    if isinstance(value, bool):
        return ("yes" if value else "no"), None
    if isinstance(value, Decimal):
        return (value, _places(value)) if value.is_finite() else (_text(value), None)
    if isinstance(value, int | float):
        return value, None
    if isinstance(value, datetime):
        moment = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
        return moment.replace(microsecond=0), MOMENT
    if isinstance(value, date):
        return value, DATE
    return _text(value), None


def _width(value: Any, number_format: str | None) -> int:
    if number_format in (DATE,):
        return 10
    if number_format == MOMENT:
        return 16
    if isinstance(value, Decimal | int | float):
        return len(f"{value:,}") + 1
    return max((len(line) for line in str(value).splitlines()), default=0)


def _cell(sheet: Any, value: Any, kind: str | None) -> WriteOnlyCell:
    shown, number_format = typed(value, kind)
    cell = WriteOnlyCell(sheet, value=shown)
    if isinstance(shown, str):
        cell.data_type = "s"  # text, never a formula (a name starting with = + - @ stays a name)
    if number_format:
        cell.number_format = number_format
    return cell


def _fast(sheet: Any, value: Any, kind: str | None) -> Any:
    """The value as it is where openpyxl types it right by itself (an int, plain text that cannot be read as a
    formula), else a styled cell; most cells of a big export take the first way."""
    kind_of = type(value)
    if value is None or (kind_of is int and kind is None):
        return value
    if (kind_of is str and value and value[0] != "=" and len(value) <= MAX_TEXT
            and not ILLEGAL_CHARACTERS_RE.search(value)):
        return value
    return _cell(sheet, value, kind)


def write_sheet(sheet: Any, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                kinds: Sequence[str | None] = ()) -> int:
    """Headers and rows into a write-only sheet; returns the number of data rows."""
    kinds = tuple(kinds) + (None,) * (len(headers) - len(kinds))
    stream: Iterator[Sequence[Any]] = iter(rows)
    first = list(islice(stream, SAMPLE))
    widths = [len(h) + 2 for h in headers]
    for row in first:
        for n, value in enumerate(row[: len(headers)]):
            widths[n] = max(widths[n], _width(*typed(value, kinds[n])) + 2)
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in headers:
        cell = _cell(sheet, title, "text")
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in chain(first, stream):
        sheet.append([_fast(sheet, value, kind) for value, kind in zip(row, kinds, strict=False)])
        count += 1
    return count


def _sheet_title(name: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in _text(name)).strip("'")
    return (cleaned or "Sheet")[:31]


def write_workbook(path: str | Path, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
                   kinds: Mapping[str, Sequence[str | None]] | None = None) -> int:
    """One or more sheets (name, headers, rows) into an XLSX file, whole or not at all; returns the rows of the
    first sheet. DomainError naming the path when it cannot be written."""
    if str(path) == "-":
        from serialdesk.domain.errors import DomainError

        raise DomainError("An XLSX file cannot go to standard output: name a file.", code="path_problem")

    def write(temp: str) -> int:
        book = Workbook(write_only=True)
        counts = []
        for name, headers, rows in sheets:
            sheet = book.create_sheet(_sheet_title(name))
            counts.append(write_sheet(sheet, headers, rows, (kinds or {}).get(name, ())))
        book.save(temp)
        return counts[0] if counts else 0

    return int(write_with(path, write))


def write_table(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                kinds: Sequence[str | None] = (), sheet: str = "Sheet1") -> int:
    """One table into an XLSX file (see ``write_workbook``); returns the number of data rows."""
    return write_workbook(path, [(sheet, headers, rows)], {sheet: kinds})


def write_dicts(path: str | Path, columns: Sequence[str], rows: Iterable[Mapping[str, Any]],
                kinds: Mapping[str, str] | None = None, sheet: str = "Sheet1") -> int:
    """Rows as mappings (column → value), the CSV writer's shape; ``kinds`` by column name."""
    wanted = [(kinds or {}).get(c) for c in columns]
    return write_table(path, columns, ([row.get(c) for c in columns] for row in rows), wanted, sheet)
