"""Dates and counts the way they are said at the counter (local time, '3 Mar 2026', '1 unit')."""

from __future__ import annotations

from datetime import datetime


def day(moment: datetime | None) -> str:
    if moment is None:
        return "an unknown date"
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def listing(values: list[str], limit: int = 5) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")
