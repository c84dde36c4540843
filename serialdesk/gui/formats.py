"""How values look on screen: local times, money, status words, a database URL without its password."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from serialdesk.domain.money import format_money

STATUS_WORDS = {
    "receiving": "On draft receipt",
    "in_stock": "In stock",
    "sold": "Sold",
    "in_service": "In service",
    "returned": "Returned",
    "quarantined": "Quarantined",
    "scrapped": "Scrapped",
    "recalled": "Recalled",
    "fitted": "Fitted as a part",
    "customer_owned": "Customer's unit",
    "open": "Open",
    "waiting_parts": "Waiting for parts",
    "done": "Done",
    "closed": "Closed",
    "draft": "Draft",
    "posted": "Posted",
    "cancelled": "Cancelled",
}
_PASSWORD = re.compile(r"^(?P<head>[a-zA-Z0-9+.-]+://[^:/@]*):[^@]*@")


def status_word(status: str) -> str:
    return STATUS_WORDS.get(status, status.replace("_", " ").capitalize())


def local_time(moment: datetime | None) -> str:
    """'3 Mar 2026 10:32' in this computer's time zone; '—' for nothing."""
    if moment is None:
        return "—"
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"


def local_day(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y}"


def day_text(day: date) -> str:
    """A calendar day (e.g. a report's UTC day) as '3 Mar 2026'."""
    return f"{day.day} {day:%b %Y}"


def clock_time(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M:%S}"


def money(amount: Decimal | None) -> str:
    return "—" if amount is None else format_money(amount)


def timestamp(moment: datetime | None) -> float:
    """A sort key for a time (the proxy model compares plain numbers)."""
    return moment.timestamp() if moment is not None else 0.0


def masked_db_url(url: str) -> str:
    """'postgresql://shop:secret@db/shop' → 'postgresql://shop:***@db/shop'; a SQLite path stays as it is."""
    return _PASSWORD.sub(r"\g<head>:***@", url)
