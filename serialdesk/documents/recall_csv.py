"""The recall as a CSV file a spreadsheet or a mail-merge opens (CLI `recall --csv`, the GUI's Save CSV); a name
ending in .xlsx gets the same columns as an XLSX workbook with real dates and times (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from serialdesk.documents import workbook
from serialdesk.documents.spreadsheet import write_table
from serialdesk.domain.text import day
from serialdesk.services.dto import RecallView


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


CSV_COLUMNS = ["recall", "sku", "serial", "lot", "supplier", "received", "status_at_recall", "status_now",
               "customer_number", "customer", "phone", "email", "address", "sold", "contacted", "resolution",
               # A part sitting in another unit: the unit the customer holds (outermost) and the whole chain.
               "host_sku", "host_product", "host_serial", "host_status", "fitted_in"]


def _rows(view: RecallView, typed: bool = False) -> Iterator[dict[str, Any]]:
    """Text for the CSV; with ``typed``, the moments and days themselves (a workbook types its cells)."""
    moment = (lambda m: m) if typed else _local
    for u in view.units:
        c, h = u.customer, u.host
        sold = (u.sold_at.astimezone().date() if typed else day(u.sold_at)) if u.sold_at else ""
        yield dict(zip(CSV_COLUMNS, [
            view.number or "preview", u.sku, u.serial, u.lot or "", u.supplier or "",
            moment(u.received_at) if u.received_at else "", u.status_at_recall, u.status,
            c.number if c else "", c.name if c else "", (c.phone or "") if c else "",
            (c.email or "") if c else "", (c.address or "") if c else "",
            sold, moment(u.contacted_at) if u.contacted_at else "",
            u.resolution or "",
            h.sku if h else "", h.product if h else "", h.serial if h else "", h.status if h else "",
            " in ".join(w.label for w in u.within)], strict=True))


def write_csv(view: RecallView, path: Path) -> None:
    """One row per affected unit with its holder's contact details and the recall's tracking state; written
    whole or not at all, cells a spreadsheet would run as formulas shown as text. DomainError naming the path."""
    if workbook.is_xlsx(path):
        text = {c: "text" for c in CSV_COLUMNS if c not in ("received", "sold", "contacted")}
        workbook.write_dicts(path, CSV_COLUMNS, _rows(view, typed=True), text, sheet=view.number or "preview")
    else:
        write_table(path, CSV_COLUMNS, _rows(view))
