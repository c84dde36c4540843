"""Tables to CSV files: the columns as shown, numbers without thousands separators (``Column.raw``)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from serialdesk.domain.errors import DomainError
from serialdesk.gui.models.table import Column


def write_table_csv(path: Path | str, columns: Sequence[Column[Any]], rows: Sequence[Any]) -> Path:
    """Write the header and every row; returns the path written. Runs on the worker (rows are frozen values)."""
    target = Path(path)
    try:
        with target.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow([c.title for c in columns])
            for row in rows:
                out.writerow([c.export(row) for c in columns])
    except OSError as exc:
        raise DomainError(f"Cannot write {target}: {exc.strerror or exc}.", code="file_not_written") from None
    return target
