"""Values of the genealogy: units built from parts, the tree of a unit, where a part sits and sat."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from serialdesk.services.dto.counter import PartyView


@dataclass(frozen=True)
class UnitRef:
    """One unit named as a clerk reads it: SKU:SERIAL, its product, where it is."""

    item_id: int
    sku: str
    product: str
    serial: str
    status: str
    location: str | None = None

    @property
    def label(self) -> str:
        return f"{self.sku}:{self.serial}"


@dataclass(frozen=True)
class PartNode:
    """A part in a unit's tree, with its own parts (a battery pack and its cells)."""

    unit: UnitRef
    lot: str | None
    supplier: str | None
    fitted_at: datetime
    fitted_by: str
    via: str  # "build 3" or the ticket number of the swap (T-0004)
    parts: tuple[PartNode, ...] = ()


@dataclass(frozen=True)
class FitmentView:
    """A while a part sat in a host: since when, how it came in and (if it did) how it came out."""

    host: UnitRef
    fitted_at: datetime
    via: str
    removed_at: datetime | None = None
    removed_via: str | None = None


@dataclass(frozen=True)
class BuildView:
    id: int
    number: str  # "build 3"
    by: str
    station: str
    at: datetime
    labour: Decimal
    note: str | None
    disassembled_at: datetime | None = None
    disassembled_by: str | None = None


@dataclass(frozen=True)
class SlotFill:
    """A slot of the host's product and how many parts fill it (``count`` declared)."""

    sku: str
    product: str
    count: int
    filled: int


@dataclass(frozen=True)
class ComponentTree:
    """``components SERIAL``: the unit and its parts, to every depth; where it sits itself (outermost last)."""

    unit: UnitRef
    cost: Decimal
    parts: tuple[PartNode, ...]
    slots: tuple[SlotFill, ...] = ()
    build: BuildView | None = None
    within: tuple[UnitRef, ...] = ()
    history: tuple[FitmentView, ...] = ()  # every host it sat in, oldest first (the current one included)


@dataclass(frozen=True)
class AssemblyView:
    """What an assembly or disassembly changed."""

    host: UnitRef
    cost: Decimal
    build: BuildView
    parts: tuple[UnitRef, ...]
    slots: tuple[SlotFill, ...] = ()
    note: str | None = None  # e.g. which parts went to quarantine because a recall holds them


@dataclass(frozen=True)
class WhereUsedLine:
    """``where-used``: one part, the hosts it sits in (innermost first) and the outermost unit's holder."""

    part: UnitRef
    lot: str | None
    within: tuple[UnitRef, ...]
    customer: PartyView | None
    outermost: UnitRef | None = field(init=False, default=None)  # the last of ``within``

    def __post_init__(self) -> None:
        object.__setattr__(self, "outermost", self.within[-1] if self.within else None)


@dataclass(frozen=True)
class AssemblyScan:
    """What one scan at the assembly bench is, read and checked (nothing saved): ``kind`` product (the unit to
    build: its slots), host (the new unit's serial, free) or part (a unit that may go in, and the slot it fills).
    ``slots`` are the host product's slots as declared (``filled`` 0: the bench counts its own scans)."""

    kind: str
    sku: str
    product: str
    slots: tuple[SlotFill, ...] = ()
    serial: str | None = None  # host: the serial as it will be stored
    part: UnitRef | None = None
    lot: str | None = None
    supplier: str | None = None
    slot: str | None = None  # part: the slot it fills, '1 × Battery 500 Wh (BAT-500)'
