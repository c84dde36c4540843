"""One line of the audit trail, whatever it is about (a unit, a user, a product, a recall, the database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: datetime  # when it happened, as the station said
    recorded_at: datetime  # when the database wrote it (its own clock: a back-dated `at` shows here)
    user: str
    station: str
    kind: str
    ref: str | None  # e.g. "receipt 12", "recall 3"
    serial: str | None
    sku: str | None
    data: dict[str, Any] = field(default_factory=dict)
