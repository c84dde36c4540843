"""Tables to CSV or XLSX files: the columns as shown, numbers without thousands separators (``Column.raw``); an
XLSX file gets typed cells (``Column.value`` and ``Column.kind``) through the writer the CLI uses."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from serialdesk.documents import workbook
from serialdesk.documents.spreadsheet import guard_cell
from serialdesk.files import write_atomically
from serialdesk.gui.models.table import Column

# The save dialog's file types for a table; the name's extension chooses the format.
TABLE_FILES = "CSV files (*.csv);;Excel workbooks (*.xlsx)"


def with_extension(path: str, chosen_filter: str) -> str:
    """The path the user typed, with the extension of the file type chosen when the name has none."""
    if not path or Path(path).suffix:
        return path
    return path + (".xlsx" if "xlsx" in chosen_filter else ".csv")


def write_table_csv(path: Path | str, columns: Sequence[Column[Any]], rows: Sequence[Any]) -> Path:
    """Write the header and every row, whole or not at all, as CSV — or as XLSX when the name ends in .xlsx;
    returns the path written. Runs on the worker (rows are frozen values). DomainError naming the path."""
    target = Path(path)
    if workbook.is_xlsx(target):
        workbook.write_table(target, [c.title for c in columns], ([c.value(row) for c in columns] for row in rows),
                             [c.kind for c in columns])
        return target
    with write_atomically(target, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow([c.title for c in columns])
        for row in rows:
            out.writerow([guard_cell(c.export(row), numeric=True) for c in columns])  # formulas shown as text
    return target
