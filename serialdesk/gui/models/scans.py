"""The last scans and what became of each: the list the clerk glances at while scanning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from serialdesk.gui.formats import clock_time, timestamp
from serialdesk.gui.models.table import Column


@dataclass(frozen=True)
class ScanLine:
    at: datetime
    text: str  # the serial (or what was scanned)
    sku: str
    tone: str  # good · bad · info
    outcome: str
    lot: str = ""  # the lot the unit was recorded in ("" for none, and for scans that saved no unit)


SCAN_COLUMNS: tuple[Column[ScanLine], ...] = (
    Column("Time", lambda s: clock_time(s.at), sort=lambda s: timestamp(s.at)),
    Column("Scanned", lambda s: s.text, tone=lambda s: "bad" if s.tone == "bad" else None),
    Column("Product", lambda s: s.sku),
    Column("Lot", lambda s: s.lot),
    Column("Outcome", lambda s: s.outcome, tone=lambda s: s.tone if s.tone != "info" else "muted",
           tooltip=lambda s: s.outcome),
)
