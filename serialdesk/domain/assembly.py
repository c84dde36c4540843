"""Rules of building a unit from parts: which parts the slots take, how many, and each part only once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import listing

# A build is a few parts; a scan list this long is a pasted column, not an assembly.
MAX_PARTS = 200


@dataclass(frozen=True)
class Slot:
    sku: str
    name: str
    count: int


def _slot_label(slot: Slot) -> str:
    return f"{slot.count} × {slot.name} ({slot.sku})"


def check_parts(host_sku: str, host_name: str, slots: Sequence[Slot], parts: Sequence[tuple[str, str]]) -> None:
    """``parts`` as (SKU, serial) in scan order. DomainError when a part is scanned twice, when the host's
    product declares no slots, when a part's product is no slot of it (naming the slots), or when a slot would
    take more parts than it declares."""
    if not parts:
        raise DomainError("Scan at least one part to build the unit from.", code="no_parts")
    if len(parts) > MAX_PARTS:
        raise DomainError(f"At most {MAX_PARTS} parts go into one unit.", code="too_many_parts")
    seen: set[tuple[str, str]] = set()
    for part in parts:
        if part in seen:
            raise DomainError(f"Part {part[0]}:{part[1]} was scanned twice: each part goes in once.",
                              code="part_scanned_twice", serial=part[1])
        seen.add(part)
    if not slots:
        raise DomainError(f"{host_name} ({host_sku}) has no slots declared, so it cannot be assembled from parts. "
                          f"Declare what it takes first (product slot {host_sku} --part PART_SKU --count N).",
                          code="no_slots")
    by_sku: Mapping[str, Slot] = {s.sku: s for s in slots}
    used: dict[str, int] = {}
    for sku, serial in parts:
        slot = by_sku.get(sku)
        if slot is None:
            raise DomainError(f"Part {sku}:{serial} is not of a slot of {host_name} ({host_sku}); it takes "
                              f"{listing([_slot_label(s) for s in slots])}.", code="part_of_other_kind",
                              serial=serial)
        used[sku] = used.get(sku, 0) + 1
        if used[sku] > slot.count:
            raise DomainError(f"Too many parts for the slot {_slot_label(slot)} of {host_sku}: {sku}:{serial} "
                              f"would be number {used[sku]}.", code="slot_full", serial=serial)


def open_slots(slots: Sequence[Slot], parts: Sequence[str]) -> list[str]:
    """The slots not filled by these part SKUs, as '1 × Battery 500 Wh (BAT-500)'."""
    counts = {sku: parts.count(sku) for sku in set(parts)}
    return [f"{s.count - counts.get(s.sku, 0)} × {s.name} ({s.sku})" for s in slots
            if counts.get(s.sku, 0) < s.count]
