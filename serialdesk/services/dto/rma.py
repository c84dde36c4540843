"""What an RMA (a claim on the supplier's warranty) looks like to the clerk and to scripts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class RmaView:
    id: int
    number: str  # RMA-0001
    state: str  # open|sent|credited|replaced|rejected|cancelled
    supplier: str
    sku: str
    serial: str
    ticket: str | None  # T-0001: the service ticket it was claimed from
    customer: str | None  # "Jane Smith (C-0001)": whose unit it was
    claim_no: str | None
    notes: str | None
    credit_amount: Decimal | None
    replacement_serial: str | None
    forced_by: str | None  # a manager claimed it outside the supplier's warranty
    opened_by: str
    opened_at: datetime
    sent_at: datetime | None
    closed_at: datetime | None
    next_steps: tuple[str, ...] = ()  # what may happen to it now: send, cancel, credit, replace, reject
