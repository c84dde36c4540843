"""How a unit's recall line is closed, and which closings still keep the unit off sale."""

from __future__ import annotations

from enum import StrEnum

from serialdesk.domain.errors import DomainError


class Resolution(StrEnum):
    CLEARED = "cleared"  # inspected: not affected, may be sold again
    REPAIRED = "repaired"  # fixed, may be sold again
    REPLACED = "replaced"  # the customer got another unit; this one stays suspect
    REFUNDED = "refunded"  # the customer got their money back; this one stays suspect
    SCRAPPED = "scrapped"  # the unit is scrapped with the resolution


# Resolutions after which the unit is still held (it may be resolved again: repaired, cleared or scrapped).
STILL_HELD = frozenset({Resolution.REPLACED.value, Resolution.REFUNDED.value})


def parse_resolution(text: str) -> Resolution:
    try:
        return Resolution((text or "").strip().lower())
    except ValueError:
        kinds = ", ".join(r.value for r in Resolution)
        raise DomainError(f"'{text}' is not a recall resolution; use one of {kinds}.",
                          code="bad_resolution") from None
