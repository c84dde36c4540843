"""Warranty dates: the end is the sale plus the product's months; status and days left on a given day."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class WarrantyStatus(StrEnum):
    IN_WARRANTY = "in_warranty"
    EXPIRED = "expired"
    NONE = "none"


@dataclass(frozen=True)
class WarrantyState:
    status: WarrantyStatus
    until: datetime | None
    days_left: int | None


def add_months(moment: datetime, months: int) -> datetime:
    """Same day-of-month ``months`` later; clamps to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def warranty_until(sold_at: datetime, months: int) -> datetime | None:
    return add_months(sold_at, months) if months > 0 else None


def warranty_state(until: datetime | None, now: datetime) -> WarrantyState:
    if until is None:
        return WarrantyState(WarrantyStatus.NONE, None, None)
    if now <= until:
        return WarrantyState(WarrantyStatus.IN_WARRANTY, until, (until - now).days)
    return WarrantyState(WarrantyStatus.EXPIRED, until, 0)
